"""A release's address in each language, made from its title."""

from django.utils.text import slugify

from .models import Release

SLUG_MAX_LENGTH = 80


def unique_slug(title, language, exclude_pk=None):
    """A slug for `title` that no other release uses in `language`."""
    base = slugify(title, allow_unicode=True)
    if len(base) > SLUG_MAX_LENGTH:
        # Cut at a word boundary: a shorter address that still reads.
        base = base[: SLUG_MAX_LENGTH + 1].rsplit("-", 1)[0]
    base = base.strip("-") or "release"
    field_name = f"slug_{language}"
    taken = Release.objects.filter(**{f"{field_name}__startswith": base})
    if exclude_pk:
        taken = taken.exclude(pk=exclude_pk)
    taken = set(taken.values_list(field_name, flat=True))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug
