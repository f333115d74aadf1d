"""The account the admin log names for what the system itself does (the demo loader, an
import, a scheduled change): the log records who made each change, and these have no person.

It is made by every migrate, so its name is never free for anyone to take, and nobody can log
in as it or change it in the admin (staff/admin.py).
"""

from django.contrib.auth import get_user_model

SYSTEM_USERNAME = "system"


def system_account():
    """The system's own account: inactive and without a password."""
    account, created = get_user_model().objects.get_or_create(
        username=SYSTEM_USERNAME,
        defaults={"is_active": False, "first_name": "Newsroom system"},
    )
    if created:
        account.set_unusable_password()
        account.save(update_fields=["password"])
    return account


def ensure_system_account(**kwargs):
    system_account()


def is_system_account(user):
    return user.get_username() == SYSTEM_USERNAME
