"""The content API's people: their approved names, short biographies and positions, searchable
by name in every script and filtered by organisation, as the people list is (PersonFilter)."""

from datetime import date

from django.db.models import Prefetch
from ninja import Field, Query, Router

from core import api
from core.api import ERRORS, Language, Linked, Out, Paging, Text
from core.approved_text import text_columns

from .filters import Organisation, PersonFilter
from .models import Person, Position

router = Router(tags=["people"])


class PersonFilters(Paging):
    q: str | None = Field(None, max_length=200, description="Words of a name, in any script.")
    organisation: str | None = Field(
        None, max_length=120, description="An organisation's slug; its units are included."
    )


class PositionOut(Out):
    title: Text
    organisation: Linked | None
    started_on: date | None
    ended_on: date | None


class PersonOut(Out):
    id: int
    slug: str
    honorific: str
    name: Text
    bio: Text
    photo: str | None
    positions: list[PositionOut]
    languages: list[Language]
    url: str
    alternates: dict[str, str]
    api_url: str
    releases: str


class PersonPage(Out):
    language: Language
    count: int
    next: str | None
    results: list[PersonOut]


def people():
    organisations = Organisation.objects.only("slug", *text_columns("name"))
    positions = Position.objects.prefetch_related(Prefetch("organisation", queryset=organisations))
    return Person.objects.prefetch_related(Prefetch("positions", queryset=positions))


def person_out(request, person, language):
    return {
        "id": person.pk,
        "slug": person.slug,
        "honorific": person.honorific,
        "name": api.text(person, "name", language),
        "bio": api.text(person, "bio", language),
        "photo": api.absolute(request, person.photo.url) if person.photo else None,
        "positions": [
            {
                "title": api.text(position, "title", language),
                "organisation": api.linked(
                    request,
                    position.organisation,
                    "name",
                    language,
                    "organisation",
                    "organisations:detail",
                ),
                "started_on": position.started_on,
                "ended_on": position.ended_on,
            }
            for position in person.positions.all()
        ],
        "languages": person.public_languages(),
        "url": api.page_in(request, person, language, "people:detail"),
        "alternates": api.alternates(request, person, "people:detail"),
        "api_url": api.api_url(request, "person", slug=person.slug),
        "releases": api.filtered_list(request, "api:releases", person=person.slug),
    }


@router.get("/people", response={200: PersonPage, **ERRORS}, url_name="people")
def person_list(request, filters: Query[PersonFilters]):
    """People, in the order they were entered, filtered as the people list is."""
    language = api.reader_language(request, filters.language)
    filterset = api.filtered(PersonFilter, filters, people(), naming={"organisation"})
    return api.page_by_id(request, filterset.qs, filters, person_out, language)


@router.get("/people/{slug}", response={200: PersonOut, **ERRORS}, url_name="person")
def person_detail(request, slug: str, language: Language | None = None):
    language = api.reader_language(request, language)
    return api.one(request, people(), slug, "person", person_out, language)
