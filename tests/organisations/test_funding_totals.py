"""The funding page's totals, added up in SQL: right per donor, recipient and year, per
currency, narrowed by the filters, in a number of queries that does not grow with the pledges."""

from decimal import Decimal

import pytest
from django.http import QueryDict
from django.utils import translation

from organisations.funding import funding_context
from organisations.models import AmountBasis, Pledge, Programme
from organisations.totals import Totals
from tests.factories import EventFactory, OrganisationFactory, PledgeFactory, ReleaseFactory

pytestmark = pytest.mark.django_db

M = Decimal(1_000_000)


@pytest.fixture
def pledges():
    """Two donors, two recipients, four years, two currencies; one amount undisclosed, one
    pledge without years."""
    qatar = OrganisationFactory(slug="qatar", name_en="Qatar")
    korea = OrganisationFactory(slug="korea", name_en="Korea")
    unoct = OrganisationFactory(slug="unoct", name_en="UNOCT")
    uncct = OrganisationFactory(slug="uncct", name_en="UNCCT")
    per_year = AmountBasis.PER_YEAR
    for donor, recipient, amount, currency, basis, first, last in [
        (qatar, unoct, 15 * M, "USD", per_year, 2024, 2026),
        (qatar, uncct, 9 * M, "USD", AmountBasis.TOTAL, 2025, 2027),
        (qatar, unoct, 5 * M, "EUR", AmountBasis.TOTAL, 2025, None),
        (korea, unoct, None, "USD", AmountBasis.TOTAL, 2025, 2026),
        (korea, uncct, 2 * M, "EUR", per_year, 2026, 2027),
        (korea, unoct, 1 * M, "USD", AmountBasis.TOTAL, None, None),
    ]:
        PledgeFactory(
            donor=donor,
            recipient=recipient,
            amount=amount,
            currency=currency,
            amount_basis=basis,
            first_year=first,
            last_year=last,
        )


def context(query=""):
    with translation.override("en"):
        return funding_context(QueryDict(query))


def table(rows):
    """{(organisation slug or year, currency): (total, undisclosed)}."""
    return {
        (getattr(row.label, "slug", row.label), row.currency): (row.total, row.undisclosed)
        for row in rows
    }


@pytest.mark.usefixtures("pledges")
def test_totals_per_donor_recipient_and_year_in_each_currency():
    ctx = context()

    assert table(ctx["by_donor"]) == {
        ("korea", "EUR"): (4 * M, 0),
        ("korea", "USD"): (1 * M, 1),
        ("qatar", "EUR"): (5 * M, 0),
        ("qatar", "USD"): (54 * M, 0),
    }
    assert table(ctx["by_recipient"]) == {
        ("uncct", "EUR"): (4 * M, 0),
        ("uncct", "USD"): (9 * M, 0),
        ("unoct", "EUR"): (5 * M, 0),
        ("unoct", "USD"): (46 * M, 1),
    }
    # 15 million a year in each year of its span; 9 million spread over three years; the
    # undisclosed pledge counted in each of its years; the one without years in none.
    assert table(ctx["by_year"]) == {
        (2024, "USD"): (15 * M, 0),
        (2025, "EUR"): (5 * M, 0),
        (2025, "USD"): (18 * M, 1),
        (2026, "EUR"): (2 * M, 0),
        (2026, "USD"): (18 * M, 1),
        (2027, "EUR"): (2 * M, 0),
        (2027, "USD"): (3 * M, 0),
    }
    assert ctx["years"] == [2024, 2025, 2026, 2027]
    assert ctx["pledge_page"].paginator.count == 6
    assert ctx["chart_currency"] == "USD"
    assert [(row.label, row.total) for row in ctx["chart_table"]] == [
        (2024, 15 * M),
        (2025, 18 * M),
        (2026, 18 * M),
        (2027, 3 * M),
    ]


@pytest.mark.usefixtures("pledges")
def test_the_rows_are_in_the_order_of_names_then_currencies():
    ctx = context()

    assert [(row.label.slug, row.currency) for row in ctx["by_donor"]] == [
        ("korea", "EUR"),
        ("korea", "USD"),
        ("qatar", "EUR"),
        ("qatar", "USD"),
    ]
    assert [(row.label, row.currency) for row in ctx["by_year"]][:3] == [
        (2024, "USD"),
        (2025, "EUR"),
        (2025, "USD"),
    ]


@pytest.mark.usefixtures("pledges")
@pytest.mark.parametrize(
    ("query", "by_donor", "by_recipient", "by_year"),
    [
        (
            "donor=korea",
            {("korea", "EUR"): (4 * M, 0), ("korea", "USD"): (1 * M, 1)},
            {("uncct", "EUR"): (4 * M, 0), ("unoct", "USD"): (1 * M, 1)},
            {
                (2025, "USD"): (None, 1),
                (2026, "EUR"): (2 * M, 0),
                (2026, "USD"): (None, 1),
                (2027, "EUR"): (2 * M, 0),
            },
        ),
        (
            # Pledges counting in 2027 count whole for their donors; the years keep to 2027.
            "year=2027",
            {("korea", "EUR"): (4 * M, 0), ("qatar", "USD"): (9 * M, 0)},
            {("uncct", "EUR"): (4 * M, 0), ("uncct", "USD"): (9 * M, 0)},
            {(2027, "EUR"): (2 * M, 0), (2027, "USD"): (3 * M, 0)},
        ),
        (
            "recipient=unoct&year=2024",
            {("qatar", "USD"): (45 * M, 0)},
            {("unoct", "USD"): (45 * M, 0)},
            {(2024, "USD"): (15 * M, 0)},
        ),
        ("donor=qatar&recipient=uncct&year=2024", {}, {}, {}),
    ],
)
def test_the_filters_narrow_the_totals(query, by_donor, by_recipient, by_year):
    ctx = context(query)

    assert table(ctx["by_donor"]) == by_donor
    assert table(ctx["by_recipient"]) == by_recipient
    assert table(ctx["by_year"]) == by_year
    assert ctx["pledge_page"].paginator.count == len(ctx["pledges"])
    # The options stay those of every public pledge.
    assert [donor.slug for donor in ctx["donors"]] == ["korea", "qatar"]
    assert ctx["years"] == [2024, 2025, 2026, 2027]


def test_amounts_in_cents_are_added_exactly():
    donor = OrganisationFactory()
    for amount in ("0.10", "0.20", "1234.56"):
        PledgeFactory(donor=donor, amount=Decimal(amount), first_year=2024)

    (row,) = Totals.of(Pledge.objects.all()).by_donor

    assert row.total == Decimal("1234.86")


# Queries -------------------------------------------------------------------------------------


def pledges_with_everything(count):
    """`count` public pledges, each with a programme and an event, half reported in a release;
    each new one with a donor and recipient of its own."""
    programme = Programme.objects.create(
        name_ar="برنامج",
        slug=f"programme-{count}",
        kind=Programme.Kind.PROGRAMME,
        lead=OrganisationFactory(),
    )
    for index in range(count):
        PledgeFactory(
            amount=M if index % 3 else None,
            currency="EUR" if index % 4 == 0 else "USD",
            amount_basis=AmountBasis.PER_YEAR if index % 5 == 0 else AmountBasis.TOTAL,
            first_year=2020 + index % 5,
            last_year=2022 + index % 5,
            programme=programme,
            announced_at=EventFactory(),
            reported_in=ReleaseFactory() if index % 2 else None,
        )


# The public pledges' totals by donor, by recipient and by year, the organisations they name,
# and a page of pledges; a filter adds the chosen pledges' three totals.
PAGE_QUERIES = 5
FILTERED_PAGE_QUERIES = 8


@pytest.mark.parametrize("count", [3, 30])
def test_the_page_takes_the_same_queries_for_3_pledges_as_for_30(
    count, client, django_assert_num_queries
):
    pledges_with_everything(count)

    with django_assert_num_queries(PAGE_QUERIES):
        response = client.get("/en/funding/")
    assert response.status_code == 200
    assert len(response.context["pledges"]) == count

    donor = Pledge.objects.in_year(2022).first().donor.slug
    with django_assert_num_queries(FILTERED_PAGE_QUERIES):
        response = client.get(f"/fa/funding/?donor={donor}&year=2022")
    assert response.status_code == 200
    assert len(response.context["pledges"]) == 1
