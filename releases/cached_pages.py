"""The releases' part in the kept pages' tags (core/page_tags.py)."""

from core import page_tags

from .models import LiveQuote, LiveText, Release, Topic

LINKED = ("topics", "events", "people", "organisations")


def pages_listing(release):
    """The tags of the pages that list `release` whether or not they loaded it when they were
    kept: those of what it links to and quotes, and of the pledges it reported and their
    donors, recipients, programmes and events (whose pages show such a pledge only while the
    release is public)."""
    tags = set()
    for relation in LINKED:
        model = Release._meta.get_field(relation).related_model
        tags |= {page_tags.tag_of(model, pk) for pk in links(release, relation)}
    quotes = LiveQuote.objects.filter(live_text__release=release)
    for key in ("person", "event"):
        model = LiveQuote._meta.get_field(key).related_model
        keys = quotes.exclude(**{key: None}).values_list(key, flat=True).distinct()
        tags |= {page_tags.tag_of(model, pk) for pk in keys}
    return tags | page_tags.touched(release.pledges.all())


def links(release, relation):
    field = Release._meta.get_field(relation)
    rows = field.remote_field.through.objects.filter(**{field.m2m_field_name(): release})
    return rows.values_list(field.m2m_reverse_field_name(), flat=True)


def follow():
    page_tags.follow(
        Release,
        "release",
        collection="releases",
        # The working copy's state and the search terms kept of it are the editors' alone.
        ignore=("changes", "search_text", "search_vector", "import_key", "import_checksum"),
        neighbours=pages_listing,
    )
    page_tags.follow(LiveText)
    page_tags.follow(LiveQuote)
    page_tags.follow(Topic, "topic", collection="topics")
