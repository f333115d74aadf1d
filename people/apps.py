from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = _("People")

    def ready(self):
        from core import page_tags

        from .models import Person, Position

        page_tags.follow(Person, "person", collection="people")
        page_tags.follow(Position)
