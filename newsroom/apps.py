from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    name = "newsroom"
    verbose_name = _("Newsroom")

    def ready(self):
        # Its receivers start a new page-cache generation on every content change, in any
        # process: an import run from the command line must reach readers too.
        from . import page_cache  # noqa: F401
        from .roles import sync_roles

        # After every app's migrations, when all their permissions exist.
        post_migrate.connect(sync_roles, dispatch_uid="newsroom.sync_roles")
