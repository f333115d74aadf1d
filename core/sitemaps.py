"""The sitemap's building blocks: sections of pages that exist under /ar/, /en/ and /fa/, in
pages of PAGE_ITEMS items, so a page stays well under the protocol's 50,000 addresses and is
rendered from one slice of the archive."""

from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator

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
