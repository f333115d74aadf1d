from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from core import page_tags

        from .models import Event, Participation, Session

        page_tags.follow(Event, "event", collection="events")
        page_tags.follow(Session)
        page_tags.follow(Participation)
