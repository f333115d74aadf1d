from django.urls import translate_url
from django.utils.translation import get_language, get_language_info

from core.languages import CODES


def in_language(path, current, code):
    """`path` under `code`'s prefix: as Django translates it, or, for an address that leads
    nowhere (a 404 page), with its language prefix swapped."""
    translated = translate_url(path, code)
    prefix = f"/{current}/"
    if translated == path and code != current and path.startswith(prefix):
        return f"/{code}/{path.removeprefix(prefix)}"
    return translated


def language_switcher(request):
    """The same page in each language: the switcher never drops the reader on the home page.

    A view that knows each language's own address for its page (a release's, by its live slug
    there) sets `request.language_urls`; other pages keep their path under each prefix.
    """
    current = get_language()
    known = getattr(request, "language_urls", {})
    # The query as the page read it: a page kept for every reader must not carry one reader's
    # address (core/page_cache.py hands cached views only the parameters they read).
    query = request.GET.urlencode()
    path = f"{request.path}?{query}" if query else request.path
    return {
        "language_links": [
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": known.get(code) or in_language(path, current, code),
                "current": code == current,
            }
            for code in CODES
        ]
    }
