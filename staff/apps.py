from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class StaffConfig(AppConfig):
    name = "staff"
    verbose_name = _("Staff")

    def ready(self):
        from .accounts import ensure_system_account
        from .roles import sync_roles

        # After every app's migrations, when all their permissions exist.
        post_migrate.connect(sync_roles, dispatch_uid="staff.sync_roles")
        post_migrate.connect(ensure_system_account, dispatch_uid="staff.system_account")
