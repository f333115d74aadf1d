from django.conf import settings
from django.contrib.auth.backends import ModelBackend

from .models import StaffProfile


class NewsroomBackend(ModelBackend):
    """Django's password login, refusing the demo accounts wherever DEBUG is off.

    Their passwords are in the README: on a real site they must not open anything, even if a
    demo database was copied there.
    """

    def user_can_authenticate(self, user):
        if not super().user_can_authenticate(user):
            return False
        if settings.DEBUG:
            return True
        return not StaffProfile.objects.filter(user=user, is_demo_account=True).exists()
