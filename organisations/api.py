"""The content API's organisations, programmes and pledges, and what the pledges add up to
(per donor, recipient and year, never two currencies together). A pledge is public as on the
funding page: entered by staff, or reported in a public release (Pledge.objects.public)."""

from datetime import date
from decimal import Decimal
from typing import Literal

from django.db.models import Prefetch, Q
from django.utils.translation import override
from ninja import Field, Path, Query, Router

from core import api
from core.api import ERRORS, Language, Linked, Out, Paging, Text
from core.approved_text import text_columns

from .models import Organisation, Pledge, Programme
from .models.pledge import FIRST_YEAR, years_of
from .totals import Totals

router = Router(tags=["organisations and funding"])
NAMES = ("slug", *text_columns("name"))
ORGANISATION_PAGE = "organisations:detail"


class OrganisationFilters(Paging):
    kind: Literal[tuple(Organisation.Kind.values)] | None = None


class OrganisationOut(Out):
    id: int
    slug: str
    name: Text
    acronym: Text
    description: Text
    kind: str
    parent: Linked | None
    country: str
    website: str
    logo: str | None
    established_on: date | None
    established_precision: str
    languages: list[Language]
    url: str
    alternates: dict[str, str]
    api_url: str
    releases: str
    pledges_given: str
    pledges_received: str


class OrganisationPage(Out):
    language: Language
    count: int
    next: str | None
    results: list[OrganisationOut]


def organisation_link(request, organisation, language):
    """An organisation another record names, with its page."""
    return api.linked(request, organisation, "name", language, "organisation", ORGANISATION_PAGE)


def organisation_out(request, organisation, language):
    slug = organisation.slug
    return {
        "id": organisation.pk,
        "slug": slug,
        **{
            field: api.text(organisation, field, language)
            for field in ("name", "acronym", "description")
        },
        "kind": organisation.kind,
        "parent": organisation_link(request, organisation.parent, language),
        "country": str(organisation.country or ""),
        "website": organisation.website,
        "logo": api.absolute(request, organisation.logo.url) if organisation.logo else None,
        "established_on": organisation.established_on,
        "established_precision": organisation.established_precision,
        "languages": organisation.public_languages(),
        "url": api.page_in(request, organisation, language, ORGANISATION_PAGE),
        "alternates": api.alternates(request, organisation, ORGANISATION_PAGE),
        "api_url": api.api_url(request, "organisation", slug=slug),
        "releases": api.filtered_list(request, "api:releases", organisation=slug),
        "pledges_given": api.filtered_list(request, "api:pledges", donor=slug),
        "pledges_received": api.filtered_list(request, "api:pledges", recipient=slug),
    }


def organisations():
    return Organisation.objects.prefetch_related(
        Prefetch("parent", queryset=Organisation.objects.only(*NAMES))
    )


@router.get("/organisations", response={200: OrganisationPage, **ERRORS}, url_name="organisations")
def organisation_list(request, filters: Query[OrganisationFilters]):
    """Every organisation (units included), in the order they were entered."""
    language = api.reader_language(request, filters.language)
    found = organisations()
    if filters.kind:
        found = found.filter(kind=filters.kind)
    return api.page_by_id(request, found, filters, organisation_out, language)


@router.get(
    "/organisations/{slug}", response={200: OrganisationOut, **ERRORS}, url_name="organisation"
)
def organisation_detail(request, slug: str, language: Language | None = None):
    language = api.reader_language(request, language)
    return api.one(request, organisations(), slug, "organisation", organisation_out, language)


class ProgrammeOut(Out):
    id: int
    slug: str
    name: Text
    acronym: Text
    description: Text
    kind: str
    part_of: Linked | None
    lead: Linked
    partners: list[Linked]
    funders: list[Linked]
    started_on: date | None
    started_precision: str
    api_url: str
    pledges: str


class ProgrammePage(Out):
    language: Language
    count: int
    next: str | None
    results: list[ProgrammeOut]


def programmes():
    named = Organisation.objects.only(*NAMES)
    return Programme.objects.prefetch_related(
        Prefetch("part_of", queryset=Programme.objects.only(*NAMES)),
        Prefetch("lead", queryset=named),
        Prefetch("partners", queryset=named),
        Prefetch("funders", queryset=named),
    )


def programme_out(request, programme, language):
    return {
        "id": programme.pk,
        "slug": programme.slug,
        **{
            field: api.text(programme, field, language)
            for field in ("name", "acronym", "description")
        },
        "kind": programme.kind,
        "part_of": api.linked(request, programme.part_of, "name", language, "programme"),
        "lead": organisation_link(request, programme.lead, language),
        **{
            relation: [
                organisation_link(request, each, language)
                for each in getattr(programme, relation).all()
            ]
            for relation in ("partners", "funders")
        },
        "started_on": programme.started_on,
        "started_precision": programme.started_precision,
        "api_url": api.api_url(request, "programme", slug=programme.slug),
        "pledges": api.filtered_list(request, "api:pledges", programme=programme.slug),
    }


@router.get("/programmes", response={200: ProgrammePage, **ERRORS}, url_name="programmes")
def programme_list(request, filters: Query[Paging]):
    """Programmes, projects, platforms and networks, in the order they were entered."""
    language = api.reader_language(request, filters.language)
    return api.page_by_id(request, programmes(), filters, programme_out, language)


@router.get("/programmes/{slug}", response={200: ProgrammeOut, **ERRORS}, url_name="programme")
def programme_detail(request, slug: str, language: Language | None = None):
    language = api.reader_language(request, language)
    return api.one(request, programmes(), slug, "programme", programme_out, language)


class PledgeFilters(Paging):
    donor: str | None = Field(None, max_length=120, description="The donor's slug.")
    recipient: str | None = Field(None, max_length=120, description="The recipient's slug.")
    programme: str | None = Field(None, max_length=120, description="The programme's slug.")
    year: int | None = Field(None, ge=1900, le=2200, description="Pledges counting in a year.")


class ReleaseLink(Out):
    id: int
    api_url: str


class PledgeOut(Out):
    id: int
    amount: Decimal | None = Field(description="Null when not disclosed.")
    currency: str
    amount_basis: Literal["per_year", "total"]
    total: Decimal | None = Field(description="The whole pledge: an amount per year times years.")
    first_year: int | None
    last_year: int | None
    years: list[int]
    description: Text
    donor: Linked
    recipient: Linked
    programme: Linked | None
    announced_at: Linked | None
    announced_by: Linked | None
    reported_in: ReleaseLink | None
    api_url: str


class PledgePage(Out):
    language: Language
    count: int
    next: str | None
    results: list[PledgeOut]


class TotalOut(Out):
    currency: str
    total: Decimal | None = Field(description="Of the disclosed amounts; null if none is.")
    undisclosed: int = Field(description="How many pledges' amounts it lacks.")


class OrganisationTotal(TotalOut):
    organisation: Linked
    pledges: int


class YearTotal(TotalOut):
    year: int


class PledgeTotals(Out):
    language: Language
    count: int
    by_donor: list[OrganisationTotal]
    by_recipient: list[OrganisationTotal]
    by_year: list[YearTotal]


# Newest first by first year, pledges without years last, as the funding page orders them
# (Pledge.objects.newest_first, which then orders by donor): the cursor's key, -1 for none.
YEAR_KEY = FIRST_YEAR


def pledges():
    people = Pledge._meta.get_field("announced_by").related_model.objects.only(*NAMES)
    events = Pledge._meta.get_field("announced_at").related_model.objects.only(
        "slug", *text_columns("title")
    )
    named = Organisation.objects.only(*NAMES)
    return Pledge.objects.public().prefetch_related(
        Prefetch("donor", queryset=named),
        Prefetch("recipient", queryset=named),
        Prefetch("programme", queryset=Programme.objects.only(*NAMES)),
        Prefetch("announced_at", queryset=events),
        Prefetch("announced_by", queryset=people),
    )


def pledges_filtered(filters):
    found = pledges()
    for name in ("donor", "recipient"):
        if slug := getattr(filters, name):
            record = Organisation.objects.filter(slug=slug).first() or api.not_found(name, slug)
            found = found.filter(**{name: record})
    if filters.programme:
        programme = Programme.objects.filter(slug=filters.programme).first()
        found = found.filter(programme=programme or api.not_found("programme", filters.programme))
    if filters.year:
        found = found.in_year(filters.year)
    return found


def pledge_out(request, pledge, language):
    return {
        "id": pledge.pk,
        "amount": pledge.amount,
        "currency": pledge.currency,
        "amount_basis": pledge.amount_basis,
        "total": pledge.total,
        "first_year": pledge.first_year,
        "last_year": pledge.last_year,
        "years": list(years_of(pledge.first_year, pledge.last_year)),
        "description": api.text(pledge, "description", language),
        "donor": organisation_link(request, pledge.donor, language),
        "recipient": organisation_link(request, pledge.recipient, language),
        "programme": api.linked(request, pledge.programme, "name", language, "programme"),
        "announced_at": api.linked(
            request, pledge.announced_at, "title", language, "event", "events:detail"
        ),
        "announced_by": api.linked(
            request, pledge.announced_by, "name", language, "person", "people:detail"
        ),
        "reported_in": {
            "id": pledge.reported_in_id,
            "api_url": api.api_url(request, "release", pk=pledge.reported_in_id),
        }
        if pledge.reported_in_id
        else None,
        "api_url": api.api_url(request, "pledge", pk=pledge.pk),
    }


def cursor_of(pledge):
    return f"{-1 if pledge.first_year is None else pledge.first_year}-{pledge.pk}"


def newest_after(found, after):
    found = found.alias(year_key=YEAR_KEY).order_by("-year_key", "-pk")
    if after is None:
        return found
    year, pk = after
    return found.filter(Q(year_key__lt=year) | Q(year_key=year, pk__lt=pk))


@router.get("/pledges", response={200: PledgePage, **ERRORS}, url_name="pledges")
def pledge_list(request, filters: Query[PledgeFilters]):
    """Public pledges, newest first (by their first year), filtered as the funding page is."""
    language = api.reader_language(request, filters.language)
    found = pledges_filtered(filters)
    with override(language):
        return api.page(
            request,
            newest_after(found, api.read_cursor(filters.cursor))[: filters.limit + 1],
            filters.limit,
            cursor_of=cursor_of,
            shown=lambda page: [pledge_out(request, pledge, language) for pledge in page],
            count=found.count(),
            language=language,
        )


@router.get("/pledges/totals", response={200: PledgeTotals, **ERRORS}, url_name="pledge_totals")
def pledge_totals(request, filters: Query[PledgeFilters]):
    """What the public pledges add up to per donor, recipient and year, currency by currency;
    a total spread over its years counts its share in each."""
    language = api.reader_language(request, filters.language)
    totals = Totals.of(pledges_filtered(filters).prefetch_related(None), filters.year)
    named = Organisation.objects.only(*NAMES).in_bulk(totals.organisation_ids)

    def by_organisation(rows):
        return [
            {
                "organisation": organisation_link(request, named[row.label], language),
                "currency": row.currency,
                "total": row.total,
                "undisclosed": row.undisclosed,
                "pledges": row.pledges,
            }
            for row in rows
        ]

    with override(language):
        return {
            "language": language,
            "count": totals.count,
            "by_donor": by_organisation(totals.by_donor),
            "by_recipient": by_organisation(totals.by_recipient),
            "by_year": [
                {
                    "year": row.label,
                    "currency": row.currency,
                    "total": row.total,
                    "undisclosed": row.undisclosed,
                }
                for row in totals.by_year
            ],
        }


@router.get("/pledges/{pk}", response={200: PledgeOut, **ERRORS}, url_name="pledge")
def pledge_detail(request, pk: Path[api.RecordId], language: Language | None = None):
    language = api.reader_language(request, language)
    pledge = pledges().filter(pk=pk).first() or api.not_found("pledge", pk)
    with override(language):
        return pledge_out(request, pledge, language)
