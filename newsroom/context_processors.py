from django.urls import translate_url
from django.utils.translation import get_language, get_language_info

from core.languages import CODES


def language_switcher(request):
    """The same page in each language: the switcher never drops the reader on the home page."""
    current = get_language()
    # The query as the page read it: a page kept for every reader must not carry one reader's
    # address (core/page_cache.py hands cached views only the parameters they read).
    query = request.GET.urlencode()
    path = f"{request.path}?{query}" if query else request.path
    return {
        "language_links": [
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": translate_url(path, code),
                "current": code == current,
            }
            for code in CODES
        ]
    }
