"""A release's address in each language, made from its title."""

from django.db.models import Q

from core.languages import CODES
from core.slugs import slugify

from .models import LiveText, Release

SLUG_MAX_LENGTH = 80


def unique_slug(title, language, exclude_pk=None):
    """A slug for `title` that no other release uses, in any language: each address names
    one release whatever the language prefix before it."""
    # Cut between words: a shorter address that still reads.
    base = slugify(title, max_length=SLUG_MAX_LENGTH) or "release"
    condition = Q()
    for code in CODES:
        condition |= Q(**{f"slug_{code}__startswith": base})
    others = Release.objects.filter(condition)
    live = LiveText.objects.filter(slug__startswith=base)
    if exclude_pk:
        others = others.exclude(pk=exclude_pk)
        live = live.exclude(release=exclude_pk)
    taken = {slug for row in others.values_list(*(f"slug_{c}" for c in CODES)) for slug in row}
    taken |= set(live.values_list("slug", flat=True))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug
