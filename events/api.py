"""The content API's events: their approved text, dates and who took part, newest first,
filtered as the events list is (EventFilter)."""

from datetime import date
from typing import Literal

from django.db.models import F, Prefetch, Q
from django.utils.translation import override
from ninja import Field, Query, Router

from core import api
from core.api import ERRORS, Language, Linked, Out, Paging, Text
from core.approved_text import text_columns
from organisations.models import Organisation

from .filters import EventFilter
from .models import Event

router = Router(tags=["events"])


class EventFilters(Paging):
    kind: Literal[tuple(Event.Kind.values)] | None = None
    format: Literal[tuple(Event.Format.values)] | None = None
    year: int | None = Field(None, ge=1900, le=2200)
    country: str | None = Field(None, pattern=r"^[A-Za-z]{2}$", description="ISO 3166 code.")
    organisation: str | None = Field(
        None, max_length=120, description="An organiser's or partner's slug; units included."
    )


class EventOut(Out):
    id: int
    slug: str
    title: Text
    summary: Text
    kind: str
    format: str
    start_date: date | None
    end_date: date | None
    date_precision: str = Field(description="day, month, year or unknown.")
    city: Text
    venue: Text
    country: str
    outcome: Text
    outcome_url: str
    participant_count: int | None
    organisation_count: int | None
    organisers: list[Linked]
    partners: list[Linked]
    programme: Linked | None
    languages: list[Language]
    url: str
    alternates: dict[str, str]
    api_url: str
    releases: str


class EventPage(Out):
    language: Language
    count: int
    next: str | None
    results: list[EventOut]


def event_out(request, event, language):
    def named(organisation):
        return api.linked(
            request, organisation, "name", language, "organisation", "organisations:detail"
        )

    return {
        "id": event.pk,
        "slug": event.slug,
        **{
            field: api.text(event, field, language)
            for field in ("title", "summary", "city", "venue", "outcome")
        },
        "kind": event.kind,
        "format": event.format,
        "start_date": event.start_date,
        "end_date": event.end_date,
        "date_precision": event.date_precision,
        "country": str(event.country or ""),
        "outcome_url": event.outcome_url,
        "participant_count": event.participant_count,
        "organisation_count": event.organisation_count,
        "organisers": [named(each) for each in event.organisers.all()],
        "partners": [named(each) for each in event.partners.all()],
        "programme": api.linked(request, event.programme, "name", language, "programme"),
        "languages": event.public_languages(),
        "url": api.page_in(request, event, language, "events:detail"),
        "alternates": api.alternates(request, event, "events:detail"),
        "api_url": api.api_url(request, "event", slug=event.slug),
        "releases": api.filtered_list(request, "api:releases", event=event.slug),
    }


def events():
    organisations = Organisation.objects.only("slug", *text_columns("name"))
    return Event.objects.select_related("programme").prefetch_related(
        Prefetch("organisers", queryset=organisations),
        Prefetch("partners", queryset=organisations),
    )


def newest_after(found, after):
    """Events newest first (undated last), after the cursor `after`: (start date's ordinal, or
    0 when undated; id)."""
    found = found.order_by(F("start_date").desc(nulls_last=True), "-pk")
    if after is None:
        return found
    day, pk = api.day_of(after[0]), after[1]
    if day is None:
        return found.filter(start_date__isnull=True, pk__lt=pk)
    return found.filter(
        Q(start_date__lt=day) | Q(start_date=day, pk__lt=pk) | Q(start_date__isnull=True)
    )


def cursor_of(event):
    day = event.start_date
    return f"{day.toordinal() if day else 0}-{event.pk}"


@router.get("/events", response={200: EventPage, **ERRORS}, url_name="events")
def event_list(request, filters: Query[EventFilters]):
    """Events, newest first, filtered as the events list is."""
    language = api.reader_language(request, filters.language)
    filterset = api.filtered(EventFilter, filters, events(), naming={"organisation"})
    after = api.read_cursor(filters.cursor)
    with override(language):
        return api.page(
            request,
            newest_after(filterset.qs, after)[: filters.limit + 1],
            filters.limit,
            cursor_of=cursor_of,
            shown=lambda page: [event_out(request, event, language) for event in page],
            count=filterset.qs.count(),
            language=language,
        )


@router.get("/events/{slug}", response={200: EventOut, **ERRORS}, url_name="event")
def event_detail(request, slug: str, language: Language | None = None):
    language = api.reader_language(request, language)
    return api.one(request, events(), slug, "event", event_out, language)
