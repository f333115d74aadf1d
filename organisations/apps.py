from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "organisations"
    verbose_name = _("Organisations and funding")

    def ready(self):
        from core import page_tags

        from .models import Organisation, Pledge, Programme, ProgrammeFunder

        page_tags.follow(Organisation, "organisation", collection="organisations")
        page_tags.follow(Programme, "programme", collection="programmes")
        page_tags.follow(Pledge, "pledge", collection="pledges")
        page_tags.follow(ProgrammeFunder)
