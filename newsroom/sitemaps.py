"""The sitemap: every public page once per language it exists in, with hreflang alternates.

/sitemap.xml is an index of sections, each split into pages of PAGE_ITEMS items, so a page stays
well under the protocol's 50,000 addresses and is rendered from one slice of the archive.
"""

from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.db.models import Max
from django.urls import reverse

from events.models import Event
from organisations.models import Organisation
from people.models import Person

from .models import Release

# Items per sitemap page; each is listed once per language, so up to three addresses each.
PAGE_ITEMS = 1000


class LanguagePairsPaginator(Paginator):
    """Pages of items, each expanded to its (item, language) pairs for the page shown only.

    Django's i18n sitemap pairs every item with its languages before paginating, which reads
    the whole archive for every page.
    """

    def __init__(self, sitemap, *args, **kwargs):
        self.sitemap = sitemap
        super().__init__(*args, **kwargs)

    def page(self, number):
        page = super().page(number)
        page.object_list = [
            (item, code)
            for item in page.object_list
            for code in self.sitemap.get_languages_for_item(item)
        ]
        return page


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
    limit = PAGE_ITEMS

    @property
    def paginator(self):
        return LanguagePairsPaginator(self, self.items(), self.limit)


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
