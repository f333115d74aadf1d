"""Template helpers for releases shown in lists and on their pages."""

from django import template
from django.utils.translation import get_language

register = template.Library()


@register.simple_tag
def shown_in(release):
    """The language `release` is shown in to this page's reader: never an unapproved one."""
    return release.language_shown_to(get_language())


@register.simple_tag
def release_url(release, language):
    """The reader's address of `release` shown in `language`."""
    return release.get_url_shown_in(language)
