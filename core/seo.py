"""What a page tells search engines and link previews: canonical address, the languages it
really exists in (hreflang), OpenGraph and schema.org data."""

import json

from django.urls import translate_url
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext, gettext_lazy, override

from .languages import CODES

JSONLD_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}
# What a page without a description of its own tells search engines and link previews.
SITE_DESCRIPTION = gettext_lazy(
    "The newsroom of the UN Office of Counter-Terrorism: news, events, people, organisations "
    "and funding, in Arabic, English and Persian."
)


def page_meta(
    request,
    *,
    title,
    description="",
    path_in=None,
    languages=None,
    image=None,
    og_type="website",
    schema=None,
    feeds=(),
):
    """Meta for a page. `path_in(code)` gives its path in a language (without it, the same
    address under each language's prefix, with the query the page read); `languages` are the
    languages it really has (all when None); `feeds` are the page's own feeds, (type, path)."""
    languages = [code for code in CODES if languages is None or code in languages]
    current = get_language()
    query = request.GET.urlencode()
    address = f"{request.path}?{query}" if query else request.path

    def absolute(code):
        if path_in is None:
            return request.build_absolute_uri(translate_url(address, code))
        with override(code):
            return request.build_absolute_uri(path_in(code))

    alternates = with_default([(code, absolute(code)) for code in languages])
    return {
        "title": title,
        "description": strip_tags(description or gettext(SITE_DESCRIPTION))[:300],
        "canonical": absolute(current),
        "alternates": alternates,
        "og_type": og_type,
        "image": request.build_absolute_uri(image) if image else "",
        "locale": {"ar": "ar_AR", "en": "en_GB", "fa": "fa_IR"}.get(current, current),
        "jsonld": jsonld(schema) if schema else "",
        "feeds": [(kind, request.build_absolute_uri(path)) for kind, path in feeds],
    }


def with_default(alternates):
    """A page's (hreflang, address) pairs, in the site's order of languages, and x-default: its
    address in the first of them. The page's head and the sitemap both say these."""
    return [*alternates, ("x-default", alternates[0][1])] if alternates else []


def rss(path):
    return ("application/rss+xml", path)


def atom(path):
    return ("application/atom+xml", path)


def jsonld(data):
    """A schema.org block; the JSON is escaped so that text can never close the script."""
    text = json.dumps({"@context": "https://schema.org", **data}, ensure_ascii=False)
    return mark_safe(
        f'<script type="application/ld+json">{text.translate(JSONLD_ESCAPES)}</script>'
    )
