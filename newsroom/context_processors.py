from django.urls import translate_url
from django.utils.translation import get_language, get_language_info

from core.languages import CODES


def language_switcher(request):
    """The same page in each language: the switcher never drops the reader on the home page."""
    current = get_language()
    path = request.get_full_path()
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
