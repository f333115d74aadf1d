"""The account the admin log names for what the system itself does (the demo loader, an
import, a scheduled change): the log records who made each change, and these have no person."""

from django.contrib.auth import get_user_model

SYSTEM_USERNAME = "system"


def system_account():
    """The system's own account: inactive and without a password, so nobody logs in as it."""
    account, created = get_user_model().objects.get_or_create(
        username=SYSTEM_USERNAME,
        defaults={"is_active": False, "first_name": "Newsroom system"},
    )
    if created:
        account.set_unusable_password()
        account.save(update_fields=["password"])
    return account
