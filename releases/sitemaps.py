from django.db.models import Max

from core.sitemaps import TranslatedSitemap

from .models import LiveText, Release


class ReleaseSitemap(TranslatedSitemap):
    """Each public release once per language the public may read it in, at its live slug there
    (Release.get_absolute_url, with each language active)."""

    def items(self):
        return Release.objects.published().listed().order_by("-published_at", "-pk")

    def get_languages_for_item(self, item):
        # Never an unapproved translation: the public page would show another language anyway.
        public = item.public_languages()
        return [code for code in super().get_languages_for_item(item) if code in public]

    def lastmod(self, item):
        """When what the public reads of it last changed."""
        return max(text.live_from for text in item.live_texts_now().values())

    def get_latest_lastmod(self):
        public = Release.objects.public_condition(through="release__")
        return (
            LiveText.objects.current().filter(public).aggregate(latest=Max("live_from"))["latest"]
        )
