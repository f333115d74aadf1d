from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from core import page_cache, page_tags

        from .models import Event, Participation, Session

        # The home page's upcoming and recent events part ways at midnight, with nobody saving.
        page_cache.add_scheduled_change(Event.objects.next_change)

        page_tags.follow(Event, "event", collection="events")
        page_tags.follow(Session)
        page_tags.follow(Participation)
