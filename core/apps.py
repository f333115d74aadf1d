from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every app shares (language rules, dates, images, sanitising, metadata, the page
    cache, the translation admin's base, template tags); it has no models of its own and
    imports no domain app."""

    name = "core"
    verbose_name = _("Core")
