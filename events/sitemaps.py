from core.languages import CODES
from core.sitemaps import TranslatedSitemap

from .models import Event

# What public_languages() reads.
TEXT = [f"title_{code}" for code in CODES]


class EventSitemap(TranslatedSitemap):
    url_name = "events:detail"

    def items(self):
        return Event.objects.order_by("pk").only("pk", "slug", "approved", *TEXT)
