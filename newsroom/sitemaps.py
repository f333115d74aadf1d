"""The sitemap: every public page once per language it exists in, with hreflang alternates."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from events.models import Event
from organisations.models import Organisation
from people.models import Person

from .models import Release


class TranslatedSitemap(Sitemap):
    """A section of pages that exist under /ar/, /en/ and /fa/: one entry per language.

    Django calls `location` with each language active, so `get_absolute_url` and `reverse` give
    that language's address. Subclasses give `items()`; content that exists in only some languages
    also overrides `get_languages_for_item`, filtering the inherited list, as ReleaseSitemap does.
    The x-default alternate (the unprefixed address, which sends readers to their own language) is
    added by Django only for items that exist in the default language, Arabic.
    """

    i18n = True
    alternates = True
    x_default = True


class ReleaseSitemap(TranslatedSitemap):
    def items(self):
        return (
            Release.objects.published()
            .prefetch_related("language_versions")
            .order_by("-published_at", "-pk")
        )

    def get_languages_for_item(self, item):
        # Never an unapproved translation: the public page would show another language anyway.
        public = item.public_languages()
        return [code for code in super().get_languages_for_item(item) if code in public]

    def lastmod(self, item):
        return item.updated_at


class StaticViewSitemap(TranslatedSitemap):
    def items(self):
        return ["newsroom:home", "newsroom:news", "events:list", "organisations:list",
                "organisations:funding"]  # fmt: skip

    def location(self, item):
        return reverse(item)


class EventSitemap(TranslatedSitemap):
    def items(self):
        return Event.objects.order_by("pk")


class PersonSitemap(TranslatedSitemap):
    def items(self):
        return Person.objects.order_by("pk")


class OrganisationSitemap(TranslatedSitemap):
    def items(self):
        return Organisation.objects.order_by("pk")


SITEMAPS = {
    "releases": ReleaseSitemap,
    "pages": StaticViewSitemap,
    "events": EventSitemap,
    "people": PersonSitemap,
    "organisations": OrganisationSitemap,
}
