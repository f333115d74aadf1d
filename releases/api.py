"""The content API's releases and topics: what the public reads of them, nothing else.

A release is given in the live text of the language it is shown in to a reader of the language
asked for (its own, or its labelled fallback), through the same public definition as the pages
(PublicRelease); a list is filtered as the news list is (ReleaseFilter) and read off the news
index, newest first, a page at a time from a cursor.
"""

from datetime import datetime
from typing import Literal

from django.db.models import Prefetch, Q
from django.utils.translation import override
from ninja import Field, Path, Query, Router

from core import api
from core.api import ERRORS, Language, Linked, Out, Paging, Text
from core.approved_text import public_columns, text_columns
from core.languages import CODES
from events.models import Event

from . import news_index
from .filters import ReleaseFilter
from .models import LiveQuote, LiveText, Release, Topic
from .models.public_release import for_reader
from .models.release import SEARCH_LIMIT

router = Router(tags=["releases"])
# The filters whose value names a record: an unknown one is a 404, as its page would be.
NAMING = {"topic", "event", "person", "organisation"}
# {relation: (the field naming its records, their API resource, their public page by slug;
# a topic's page is the news list it filters)}
LINKS = {
    "topics": ("name", "topic", None),
    "events": ("title", "event", "events:detail"),
    "people": ("name", "person", "people:detail"),
    "organisations": ("name", "organisation", "organisations:detail"),
}


class ReleaseFilters(Paging):
    q: str | None = Field(None, max_length=200, description="Every word, in any language.")
    topic: str | None = Field(None, max_length=120, description="A topic's slug.")
    event: str | None = Field(None, max_length=140, description="An event's slug.")
    event_kind: Literal[tuple(Event.Kind.values)] | None = None
    organisation: str | None = Field(
        None, max_length=120, description="An organisation's slug; its units are included."
    )
    person: str | None = Field(None, max_length=120, description="A person's slug.")
    country: str | None = Field(
        None, pattern=r"^[A-Za-z]{2}$", description="Where an event took place (ISO 3166)."
    )
    year: int | None = Field(None, ge=1900, le=2200)
    date_from: api.IsoDate | None = Field(None, description="Published on or after.")
    date_to: api.IsoDate | None = Field(None, description="Published on or before.")
    kind: Literal[tuple(Release.Kind.values)] | None = None


class Image(Out):
    url: str = Field(description="The stored image: re-encoded on upload, without its metadata.")
    alt: str
    caption: str
    credit: str


class Source(Out):
    name: str
    url: str


class ReleaseOut(Out):
    id: int
    kind: str
    title: str
    slug: str
    lede: str
    dateline: str
    language: Language = Field(description="The language of this text.")
    languages: list[Language] = Field(description="The languages it may be read in.")
    published_at: datetime
    updated_at: datetime
    url: str
    alternates: dict[str, str]
    api_url: str
    topics: list[Linked]
    events: list[Linked]
    people: list[Linked]
    organisations: list[Linked]
    image: Image | None
    source: Source | None


class Quote(Out):
    text: str
    language: Language
    person: Linked


class ReleaseDetail(ReleaseOut):
    body: str = Field(description="Sanitised HTML.")
    quotes: list[Quote]
    pledges: list[str] = Field(description="The pledges it reported, as API links.")


class ReleasePage(Out):
    language: Language
    count: int
    capped: bool = Field(
        description="A search lists its newest 500 matches at most: true when it holds more."
    )
    next: str | None
    results: list[ReleaseOut]


class TopicOut(Out):
    id: int
    slug: str
    name: Text
    description: Text
    url: str
    releases: str


class TopicPage(Out):
    language: Language
    count: int
    next: str | None
    results: list[TopicOut]


def cursor_of(release):
    return f"{api.moment_key(release.published_at)}-{release.pk}"


def newest_after(releases, after):
    if after is None:
        return releases
    moment, pk = api.moment_of(after[0]), after[1]
    return releases.filter(Q(published_at__lt=moment) | Q(published_at=moment, pk__lt=pk))


def releases_after(filterset, after, wanted):
    """([Release] of the list after the cursor `after`, at most `wanted`; the list's count;
    and what they link to, links_of): off the news index when it answers the filters and knows
    the cursor's release, else in SQL (a search)."""
    listing = news_index.listing_for(filterset)
    if listing is not None:
        places = listing.matching(listing.chosen(filterset))
        start = 0
        if after is not None:
            known = listing.places_of([after[1]])
            # Its place, if it is still where the cursor left it: a release re-dated since is
            # elsewhere in the list, and the walk goes on from the cursor's time instead.
            at = Release.objects.filter(pk=after[1]).values_list("published_at", flat=True)
            published = at.first()
            moved = not known or published is None or api.moment_key(published) != after[0]
            start = None if moved else places.rank(known.min())
        if start is not None:
            releases = listing.releases(places)[start : start + wanted]
            return releases, len(places), listing.links_of([release.pk for release in releases])
    found = filterset.qs.order_by("-published_at", "-pk")
    count = found.values("pk").count()
    releases = list(newest_after(found.listed(), after)[:wanted])
    return releases, count, links_of([release.pk for release in releases])


def links_of(release_ids):
    """{relation: {release pk: [(slug, {language: name})]}} of the releases' topics, events,
    people and organisations: one narrow query each, their names as the public reads them (a
    list the news index gives reads them off it instead, Listing.links_of)."""
    found = {}
    for relation, (field, _api_name, _page) in LINKS.items():
        through = getattr(Release, relation).through
        column = getattr(Release, relation).field.m2m_reverse_field_name()
        names = public_columns(field, column)
        rows = (
            through.objects.filter(release_id__in=release_ids)
            .order_by("pk")
            .annotate(**names)
            .values_list("release_id", f"{column}__slug", *names)
        )
        by_release = found[relation] = {}
        for release_id, slug, *spelled in rows:
            in_each = dict(zip(CODES, spelled, strict=True))
            by_release.setdefault(release_id, []).append((slug, in_each))
    return found


def topic_page(request, slug, language):
    return api.filtered_list(request, "releases:news", language, topic=slug)


def linked_of(request, links, relation, pk, language):
    _field, api_name, page = LINKS[relation]
    address = api.addresses(request)

    def url(slug):
        return address(page, language, slug=slug) if page else topic_page(request, slug, language)

    # By slug: the index and SQL give a release's links in orders of their own.
    return [
        api.link(request, slug, api.named(names, language), api_name, url(slug))
        for slug, names in sorted(links[relation].get(pk, []), key=lambda link: link[0])
    ]


def release_out(request, item, language, links):
    """The fields every release shows, lists and its own page alike; `links` from links_of."""
    release = item.release
    image = release.hero_image
    languages = [code for code in CODES if code in item.languages]
    address = api.addresses(request)

    def page(code):
        return address(
            "releases:release", code, slug=item.texts[release.language_shown_to(code)].slug
        )

    return {
        "id": item.pk,
        "kind": release.kind,
        "title": item.title,
        "slug": item.slug,
        "lede": item.lede,
        "dateline": item.dateline,
        "language": item.language,
        "languages": languages,
        "published_at": item.published_at,
        "updated_at": item.updated_at,
        "url": page(language),
        "alternates": {code: page(code) for code in languages},
        "api_url": api.api_url(request, "release", pk=item.pk),
        **{relation: linked_of(request, links, relation, item.pk, language) for relation in LINKS},
        "image": {
            "url": api.absolute(request, image.url),
            "alt": item.hero_image_alt,
            "caption": item.hero_image_caption,
            "credit": item.hero_image_credit,
        }
        if image
        else None,
        "source": {"name": item.source_name, "url": release.source_url}
        if release.source_url or item.source_name
        else None,
    }


@router.get("/releases", response={200: ReleasePage, **ERRORS}, url_name="releases")
def release_list(request, filters: Query[ReleaseFilters]):
    """Public releases, newest first, filtered as the news list is."""
    language = api.reader_language(request, filters.language)
    filterset = api.filtered(ReleaseFilter, filters, Release.objects.published(), naming=NAMING)
    after = api.read_cursor(filters.cursor)
    with override(language):
        releases, count, links = releases_after(filterset, after, filters.limit + 1)
        return api.page(
            request,
            releases,
            filters.limit,
            cursor_of=cursor_of,
            shown=lambda page: [
                release_out(request, item, language, links) for item in for_reader(page, language)
            ],
            count=count,
            language=language,
            capped=bool((filters.q or "").strip()) and count >= SEARCH_LIMIT,
        )


@router.get("/releases/{pk}", response={200: ReleaseDetail, **ERRORS}, url_name="release")
def release_detail(request, pk: Path[api.RecordId], language: Language | None = None):
    """One public release, in the language asked for or its labelled fallback."""
    language = api.reader_language(request, language)
    quotes = LiveQuote.objects.select_related("person").only(
        "live_text_id",
        "text",
        "language",
        "order",
        *(f"person__{column}" for column in ("slug", *text_columns("name"))),
    )
    releases = (
        Release.objects.published()
        .filter(pk=pk)
        .prefetch_related(
            Prefetch(
                "live_texts",
                queryset=LiveText.objects.current().prefetch_related(
                    Prefetch("quotes", queryset=quotes)
                ),
                to_attr="current_texts",
            ),
            "pledges",
        )
    )
    with override(language):
        shown = for_reader(releases, language)
        if not shown:
            api.not_found("release", pk)
        [item] = shown
        detail = release_out(request, item, language, links_of([item.pk]))
        detail["body"] = item.body
        detail["quotes"] = [
            {
                "text": quote.text,
                "language": quote.language,
                "person": api.linked(
                    request, quote.person, "name", language, "person", "people:detail"
                ),
            }
            for quote in item.quotes
        ]
        detail["pledges"] = [
            api.api_url(request, "pledge", pk=pledge.pk) for pledge in item.release.pledges.all()
        ]
    return detail


def topic_out(request, topic, language):
    return {
        "id": topic.pk,
        "slug": topic.slug,
        "name": api.text(topic, "name", language),
        "description": api.text(topic, "description", language),
        "url": topic_page(request, topic.slug, language),
        "releases": api.filtered_list(request, "api:releases", topic=topic.slug),
    }


@router.get("/topics", response={200: TopicPage, **ERRORS}, url_name="topics")
def topic_list(request, filters: Query[Paging]):
    """Every topic, in the order they were made."""
    language = api.reader_language(request, filters.language)
    return api.page_by_id(request, Topic.objects.all(), filters, topic_out, language)


@router.get("/topics/{slug}", response={200: TopicOut, **ERRORS}, url_name="topic")
def topic_detail(request, slug: str, language: Language | None = None):
    language = api.reader_language(request, language)
    return api.one(request, Topic.objects.all(), slug, "topic", topic_out, language)
