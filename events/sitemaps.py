from core.sitemaps import TranslatedSitemap

from .models import Event


class EventSitemap(TranslatedSitemap):
    url_name = "events:detail"

    def items(self):
        return Event.objects.order_by("pk").only("pk", "slug")
