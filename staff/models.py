from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.languages import DEFAULT


class StaffProfile(models.Model):
    """A staff member's own preferences: the admin speaks their language, whatever the browser."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="staff_profile",
    )
    language = models.CharField(
        _("admin language"), max_length=8, choices=settings.LANGUAGES, default=DEFAULT
    )
    is_demo_account = models.BooleanField(
        _("demo account"),
        default=False,
        editable=False,
        help_text=_("Made by the demo loader with a published password: refused unless DEBUG."),
    )

    class Meta:
        # Made when staff profiles were part of the releases' app: the table keeps its name.
        db_table = "newsroom_staffprofile"
        verbose_name = _("staff profile")
        verbose_name_plural = _("staff profiles")

    def __str__(self):
        return str(self.user)
