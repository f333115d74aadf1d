from core.sitemaps import TranslatedSitemap

from .models import Event


class EventSitemap(TranslatedSitemap):
    def items(self):
        return Event.objects.order_by("pk")
