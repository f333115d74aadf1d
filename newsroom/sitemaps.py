"""The sitemap: every public page once per language it exists in, with hreflang alternates.

/sitemap.xml is an index of these sections, each defined by its app and split into pages.
"""

from django.urls import reverse
from django.utils.translation import override

from core.languages import CODES
from core.sitemaps import TranslatedSitemap
from events.sitemaps import EventSitemap
from organisations.sitemaps import OrganisationSitemap
from people.sitemaps import PersonSitemap
from releases.sitemaps import ReleaseSitemap


class StaticViewSitemap(TranslatedSitemap):
    def items(self):
        return ["releases:home", "releases:news", "events:list", "people:list",
                "organisations:list", "organisations:funding"]  # fmt: skip

    def entries(self, items):
        for name in items:
            addresses = {}
            for code in CODES:
                with override(code):
                    addresses[code] = reverse(name)
            yield addresses, None


SITEMAPS = {
    "releases": ReleaseSitemap,
    "pages": StaticViewSitemap,
    "events": EventSitemap,
    "people": PersonSitemap,
    "organisations": OrganisationSitemap,
}
