from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class StaffBackend(ModelBackend):
    """Django's password login, refusing the demo accounts wherever DEBUG is off.

    Their passwords are in the README: on a real site they must not open anything, even if a
    demo database was copied there.
    """

    def get_user(self, user_id):
        # With the staff profile, which the admin's language middleware reads on every request.
        user = (
            get_user_model()
            ._default_manager.select_related("staff_profile")
            .filter(pk=user_id)
            .first()
        )
        return user if user is not None and self.user_can_authenticate(user) else None

    def user_can_authenticate(self, user):
        if not super().user_can_authenticate(user):
            return False
        if settings.DEBUG:
            return True
        # Read through the relation so the admin's language middleware reuses it.
        profile = getattr(user, "staff_profile", None)
        return profile is None or not profile.is_demo_account
