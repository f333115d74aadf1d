from django.db.models import Max

from core.sitemaps import TranslatedSitemap

from .models import Release


class ReleaseSitemap(TranslatedSitemap):
    def items(self):
        return Release.objects.published().listed().order_by("-published_at", "-pk")

    def get_languages_for_item(self, item):
        # Never an unapproved translation: the public page would show another language anyway.
        public = item.public_languages()
        return [code for code in super().get_languages_for_item(item) if code in public]

    def lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self):
        return self.items().aggregate(latest=Max("updated_at"))["latest"]
