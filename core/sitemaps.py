"""The sitemap's building blocks: sections of pages that exist under /ar/, /en/ and /fa/, in
pages of PAGE_ITEMS items, so a page stays well under the protocol's 50,000 addresses and is
written from one narrow read of a slice of the archive.

Django's own sitemap reverses every address twice in each language and renders a template per
address: a page of a thousand releases took 400 ms. Here each section reverses its address
pattern once per language, fills in each item's slug, and the page is written as text.
"""

from html import escape
from urllib.parse import quote

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import x_robots_tag
from django.contrib.sites.shortcuts import get_current_site
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.http import RFC3986_SUBDELIMS, http_date
from django.utils.translation import override

from .languages import CODES
from .seo import with_default

# Items per sitemap page; each is listed once per language, so up to three addresses each.
PAGE_ITEMS = 250
SLUG = "0slug0"
# As reverse() quotes a path: the slug in an address reads the same either way.
SAFE_IN_PATH = RFC3986_SUBDELIMS + "/~:@"


class TranslatedSitemap(Sitemap):
    """A section of pages that exist under /ar/, /en/ and /fa/: one entry per language.

    Subclasses give `items()` and `url_name`, the address of an item's page by its `slug`; an
    item lists the languages of its `public_languages()` (its page says the same). Content
    under another slug in each language overrides `entries` (as
    ReleaseSitemap does). The alternates are the page's own (core/seo.py with_default).
    """

    i18n = True
    alternates = True
    limit = PAGE_ITEMS
    url_name = None

    def _items(self):
        # Paginated by item, not by (item, language) pair: Django's pairs read the whole
        # section for every page.
        return self.items()

    def patterns(self, url_name=None, **kwargs):
        """{language: the address of `url_name` there, with SLUG for the item's slug}."""
        patterns = {}
        for code in CODES:
            with override(code):
                patterns[code] = reverse(url_name or self.url_name, kwargs={"slug": SLUG, **kwargs})
        return patterns

    def entries(self, items):
        """(addresses {language: path}, last modified or None) for each of `items`."""
        patterns = self.patterns()
        for item in items:
            slug = quote(item.slug, safe=SAFE_IN_PATH)
            yield (
                {code: patterns[code].replace(SLUG, slug) for code in item.public_languages()},
                None,
            )

    def _urls(self, page, protocol, domain):
        """Django's url dicts for the page, for the index's last-modified and for write()."""
        root = f"{protocol}://{domain}"
        urls = []
        for addresses, lastmod in self.entries(self.paginator.page(page).object_list):
            alternates = [
                {"location": root + path, "lang_code": code}
                for code, path in with_default(list(addresses.items()))
            ]
            for path in addresses.values():
                urls.append({"location": root + path, "lastmod": lastmod, "alternates": alternates})
        return urls


def write(urls):
    """The urlset of `urls` (url dicts) as the sitemap protocol writes it."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/'
        'sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">'
    ]
    alternates_written = {}
    for url in urls:
        lines.append(f"<url><loc>{escape(url['location'])}</loc>")
        if url["lastmod"]:
            lines.append(f"<lastmod>{url['lastmod']:%Y-%m-%d}</lastmod>")
        # One item's entries share their alternates: written once, repeated.
        key = id(url["alternates"])
        if key not in alternates_written:
            alternates_written[key] = "".join(
                f'<xhtml:link rel="alternate" hreflang="{alternate["lang_code"]}" '
                f'href="{escape(alternate["location"])}"/>'
                for alternate in url["alternates"]
            )
        lines.append(alternates_written[key])
        lines.append("</url>")
    lines.append("</urlset>\n")
    return "\n".join(lines)


@x_robots_tag
def section(request, sitemaps, section):
    """A page of one section of the sitemap (?p=N), as Django's sitemap view answers it."""
    if section not in sitemaps:
        raise Http404(f"No sitemap section {section!r}")
    site = sitemaps[section]()
    try:
        urls = site.get_urls(
            page=request.GET.get("p", 1), site=get_current_site(request), protocol=request.scheme
        )
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404(str(error)) from error
    response = HttpResponse(write(urls), content_type="application/xml")
    lastmod = max((url["lastmod"] for url in urls if url["lastmod"]), default=None)
    if lastmod:
        response["Last-Modified"] = http_date(lastmod.timestamp())
    return response
