import re
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from babel.numbers import list_currencies
from django.db import connection
from django.db.models import ProtectedError
from django.http import QueryDict
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from core.languages import CODES
from organisations.funding import format_amount, funding_context
from organisations.models import AmountBasis, Pledge, Programme
from organisations.money import babel_amount, local_digits, shape_of
from releases.models import Release
from tests.factories import EventFactory, OrganisationFactory, PledgeFactory, ReleaseFactory

pytestmark = pytest.mark.django_db

MILLION = Decimal(1_000_000)
SVG = "{http://www.w3.org/2000/svg}"


def context(query="", language="en"):
    with translation.override(language):
        return funding_context(QueryDict(query))


def render_page(query="", language="en"):
    """The page as the view will render it, without needing its URL."""
    request = RequestFactory().get(f"/{language}/funding/", QueryDict(query))
    with translation.override(language):
        return render_to_string(
            "organisations/funding.html", funding_context(request.GET), request=request
        )


def qatar_style_pledge(**fields):
    return PledgeFactory(
        **{
            "donor": OrganisationFactory(slug="qatar", name_en="Qatar", name_ar="قطر"),
            "recipient": OrganisationFactory(slug="unoct", name_en="UNOCT"),
            "amount": 15 * MILLION,
            "amount_basis": AmountBasis.PER_YEAR,
            "first_year": 2024,
            "last_year": 2026,
        }
        | fields
    )


def rows(table):
    return {(row.label, row.currency): (row.total, row.undisclosed) for row in table}


def slugs(ctx):
    return sorted(f"{pledge.donor.slug}>{pledge.recipient.slug}" for pledge in ctx["pledges"])


# Totals --------------------------------------------------------------------------------------


def test_a_per_year_pledge_counts_in_full_for_its_donor_and_once_in_each_year():
    pledge = qatar_style_pledge()

    ctx = context()

    assert rows(ctx["by_donor"]) == {(pledge.donor, "USD"): (45 * MILLION, 0)}
    assert rows(ctx["by_recipient"]) == {(pledge.recipient, "USD"): (45 * MILLION, 0)}
    assert rows(ctx["by_year"]) == {
        (2024, "USD"): (15 * MILLION, 0),
        (2025, "USD"): (15 * MILLION, 0),
        (2026, "USD"): (15 * MILLION, 0),
    }
    assert ctx["years"] == [2024, 2025, 2026]


def test_a_total_pledge_is_spread_over_its_years_but_counts_whole_for_its_donor():
    pledge = PledgeFactory(amount=10 * MILLION, first_year=2024, last_year=2026)

    ctx = context()

    assert rows(ctx["by_donor"]) == {(pledge.donor, "USD"): (10 * MILLION, 0)}
    assert [row.total for row in ctx["by_year"]] == [Decimal("3333333.33")] * 3


def test_an_undisclosed_pledge_is_counted_as_undisclosed_not_as_zero():
    qatar = qatar_style_pledge()
    PledgeFactory(donor=qatar.donor, recipient=qatar.recipient, amount=None, first_year=2025)
    silent = PledgeFactory(amount=None)

    ctx = context()

    assert rows(ctx["by_donor"]) == {
        (qatar.donor, "USD"): (45 * MILLION, 1),
        (silent.donor, "USD"): (None, 1),
    }
    assert rows(ctx["by_year"])[(2025, "USD")] == (15 * MILLION, 1)
    with translation.override("en"):
        shown = {pledge.pk: str(pledge.amount_display) for pledge in ctx["pledges"]}
    assert shown[silent.pk] == "not disclosed"
    assert "not disclosed" in render_page()


def test_two_currencies_are_never_added_together():
    donor = OrganisationFactory()
    PledgeFactory(donor=donor, amount=10 * MILLION, currency="USD", first_year=2024)
    PledgeFactory(donor=donor, amount=5 * MILLION, currency="EUR", first_year=2024)

    ctx = context()

    assert rows(ctx["by_donor"]) == {
        (donor, "EUR"): (5 * MILLION, 0),
        (donor, "USD"): (10 * MILLION, 0),
    }
    assert rows(ctx["by_year"]) == {
        (2024, "EUR"): (5 * MILLION, 0),
        (2024, "USD"): (10 * MILLION, 0),
    }
    assert ctx["chart_currency"] == "USD"
    assert [(row.label, row.total) for row in ctx["chart_table"]] == [(2024, 10 * MILLION)]
    assert "US dollars" in ctx["chart_svg"]


# Filters -------------------------------------------------------------------------------------


@pytest.fixture
def three_pledges():
    qatar = OrganisationFactory(slug="qatar")
    korea = OrganisationFactory(slug="korea")
    unoct = OrganisationFactory(slug="unoct")
    uncct = OrganisationFactory(slug="uncct")
    PledgeFactory(donor=qatar, recipient=unoct, amount=MILLION, first_year=2024, last_year=2026)
    PledgeFactory(donor=qatar, recipient=uncct, amount=MILLION, first_year=2020)
    PledgeFactory(donor=korea, recipient=unoct, amount=None)


@pytest.mark.usefixtures("three_pledges")
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["korea>unoct", "qatar>uncct", "qatar>unoct"]),
        ("donor=qatar", ["qatar>uncct", "qatar>unoct"]),
        ("recipient=unoct", ["korea>unoct", "qatar>unoct"]),
        ("year=2025", ["qatar>unoct"]),
        ("year=2020", ["qatar>uncct"]),
        ("donor=qatar&recipient=unoct", ["qatar>unoct"]),
        ("donor=qatar&year=2020", ["qatar>uncct"]),
        ("recipient=unoct&year=2020", []),
        ("donor=&recipient=&year=", ["korea>unoct", "qatar>uncct", "qatar>unoct"]),
    ],
)
def test_filters_by_donor_recipient_and_year_combine(query, expected):
    ctx = context(query)

    assert slugs(ctx) == expected
    assert ctx["ignored"] == []


@pytest.mark.usefixtures("three_pledges")
def test_filter_options_are_the_organisations_and_years_with_pledges():
    OrganisationFactory(slug="no-pledges")

    ctx = context()

    assert sorted(org.slug for org in ctx["donors"]) == ["korea", "qatar"]
    assert sorted(org.slug for org in ctx["recipients"]) == ["uncct", "unoct"]
    assert ctx["years"] == [2020, 2024, 2025, 2026]


def test_filter_options_are_plain_text_marked_with_the_language_they_fall_back_to():
    PledgeFactory(donor=OrganisationFactory(slug="qatar", name_ar="قطر", name_fa="قطر"))
    PledgeFactory(donor=OrganisationFactory(slug="korea", name_ar="كوريا", name_fa=""))

    html = render_page("donor=korea", language="fa")

    assert '<option value="qatar">قطر</option>' in html
    assert '<option value="korea" selected lang="ar">كوريا</option>' in html


@pytest.mark.usefixtures("three_pledges")
def test_totals_by_year_keep_to_the_chosen_year():
    assert [row.label for row in context("year=2025")["by_year"]] == [2025]


@pytest.mark.usefixtures("three_pledges")
@pytest.mark.parametrize(
    ("query", "ignored"),
    [
        ("year=abc", ["year"]),
        ("donor=nope", ["donor"]),
        ("year=99999999999", ["year"]),
        ("year=" + "9" * 5000, ["year"]),
        ("year=-1", ["year"]),
        ("year=2024.5", ["year"]),
        ("recipient=<script>alert(1)</script>", ["recipient"]),
        ("donor=no-pledges", ["donor"]),
        ("donor=nope&recipient=nope&year=abc", ["donor", "recipient", "year"]),
    ],
)
def test_malformed_or_unknown_filters_are_ignored_and_reported(query, ignored):
    OrganisationFactory(slug="no-pledges")

    ctx = context(query)

    assert ctx["ignored"] == ignored
    assert len(ctx["pledges"]) == 3
    html = render_page(query)
    assert "Some filter values were not recognised and were ignored." in html
    assert "<script>alert(1)</script>" not in html


@pytest.mark.usefixtures("three_pledges")
def test_a_known_filter_still_applies_beside_an_ignored_one():
    ctx = context("donor=qatar&year=abc")

    assert slugs(ctx) == ["qatar>uncct", "qatar>unoct"]
    assert ctx["ignored"] == ["year"]


# What the public may see ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "release_fields",
    [
        {"status": Release.Status.DRAFT},
        {"status": Release.Status.IN_REVIEW},
        {"status": Release.Status.ARCHIVED},
        {"published_at": timezone.now() + timezone.timedelta(days=1)},
        {"expires_at": timezone.now() - timezone.timedelta(minutes=1)},
    ],
    ids=["draft", "in review", "archived", "scheduled", "expired"],
)
def test_a_pledge_reported_only_in_an_unpublished_release_is_invisible(release_fields):
    hidden = qatar_style_pledge(reported_in=ReleaseFactory(**release_fields))

    ctx = context(f"donor={hidden.donor.slug}")

    assert ctx["pledges"] == []
    assert ctx["by_donor"] == ctx["by_year"] == []
    assert ctx["donors"] == []
    assert ctx["years"] == []
    assert ctx["chart_svg"] == ""
    assert ctx["ignored"] == ["donor"]


def test_pledges_entered_by_staff_or_reported_in_a_published_release_are_visible():
    entered = PledgeFactory(reported_in=None)
    reported = PledgeFactory(reported_in=ReleaseFactory())

    assert {pledge.pk for pledge in context()["pledges"]} == {entered.pk, reported.pk}


def test_names_read_as_approved_not_as_waiting_for_approval(client):
    approved = {code: {"name": "Qatar", "acronym": "", "description": ""} for code in CODES}
    qatar = OrganisationFactory(slug="qatar", name_en="Awaiting approval", approved=approved)
    PledgeFactory(donor=qatar, amount=MILLION, first_year=2024)

    html = client.get("/en/funding/").content.decode()

    assert html.count("Qatar") == 3  # the donor option, its total and its pledge
    assert "Awaiting approval" not in html


# Chart ---------------------------------------------------------------------------------------


def bars(svg):
    """(year label, bar x, bar width, value label) for each bar of the chart."""
    root = ET.fromstring(str(svg))
    return [
        (group[0].text, group[1].get("x"), group[1].get("width"), group[2].text)
        for group in root.iter(f"{SVG}g")
    ]


def test_the_chart_is_an_accessible_image_with_a_labelled_bar_per_year():
    qatar_style_pledge()

    svg = context()["chart_svg"]

    root = ET.fromstring(str(svg))
    assert root.get("role") == "img"
    assert root.get("direction") == "ltr"
    assert "US dollars" in root.find(f"{SVG}title").text
    assert "2024: 15 million" in root.find(f"{SVG}desc").text
    assert bars(svg) == [
        ("2024", "0", "100%", "15 million"),
        ("2025", "0", "100%", "15 million"),
        ("2026", "0", "100%", "15 million"),
    ]
    assert "<script" not in svg


def test_the_chart_fills_the_column_unscaled_so_its_text_keeps_its_size_on_a_phone():
    qatar_style_pledge()

    root = ET.fromstring(str(context()["chart_svg"]))

    # No viewBox: one unit is one CSS pixel at any width, so the text is never shrunk.
    assert root.get("viewBox") is None
    assert root.get("width") == "100%"
    assert int(root.get("font-size")) >= 12
    assert int(root.get("height")) > 3 * int(root.get("font-size"))


def test_each_bar_is_as_long_as_its_share_of_the_largest_year():
    qatar_style_pledge(last_year=2024)
    PledgeFactory(
        amount=5 * MILLION, amount_basis=AmountBasis.PER_YEAR, first_year=2024, last_year=2025
    )

    assert [(year, width) for year, _x, width, _value in bars(context()["chart_svg"])] == [
        ("2024", "100%"),
        ("2025", "25%"),
    ]


def test_the_chart_reads_from_the_right_on_arabic_and_persian_pages():
    qatar_style_pledge(last_year=2024)
    PledgeFactory(
        amount=5 * MILLION, amount_basis=AmountBasis.PER_YEAR, first_year=2024, last_year=2025
    )

    for language in ("ar", "fa"):
        root = ET.fromstring(str(context(language=language)["chart_svg"]))
        assert root.get("direction") == "rtl"
        year, rect, value = root.findall(f"{SVG}g")[1]
        # The bar starts at the right edge and the year label sits there; the amount at the left.
        assert (rect.get("x"), rect.get("width")) == ("75%", "25%")
        assert (year.get("x"), year.get("text-anchor")) == ("100%", "start")
        assert (value.get("x"), value.get("text-anchor")) == ("0", "end")


def test_the_chart_uses_persian_digits_on_persian_pages():
    qatar_style_pledge()

    ctx = context(language="fa")

    assert bars(ctx["chart_svg"])[0][0] == "۲۰۲۴"
    assert bars(ctx["chart_svg"])[0][3] == "۱۵ میلیون"
    labels = "".join(year + value for year, _x, _width, value in bars(ctx["chart_svg"]))
    assert not re.search(r"[0-9]", labels)


def test_on_a_phone_each_pledge_cell_is_labelled_with_its_column():
    qatar_style_pledge()

    html = render_page(language="fa")

    table = html[html.index('<table class="stacked">') :]
    table = table[: table.index("</table>")]
    headers = re.findall(r'<th scope="col">([^<]+)</th>', table)
    row = re.search(r"<tbody>\s*<tr>(.*?)</tr>", table, re.S).group(1)
    assert re.findall(r'<td data-label="([^"]+)">', row) == headers
    assert headers[0] == "اهداکننده"


def test_no_chart_without_a_disclosed_amount():
    PledgeFactory(amount=None, first_year=2024)

    ctx = context()

    assert ctx["chart_svg"] == ""
    assert ctx["chart_table"] == []
    assert ctx["chart_currency"] is None


# Amounts -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "$15,000,000"),
        # Arabic keeps Latin digits, as UN Arabic texts do.
        ("ar", "\u200f15,000,000\xa0US$"),
        ("fa", "\u200e$\xa0۱۵٬۰۰۰٬۰۰۰"),
    ],
)
def test_amounts_are_written_in_the_pages_language_and_digits(language, expected):
    with translation.override(language):
        assert format_amount(15 * MILLION, "USD") == expected


def test_amounts_keep_their_cents_when_they_have_some():
    with translation.override("en"):
        assert format_amount(Decimal("1234.5"), "EUR") == "€1,234.50"
        assert format_amount(2_000_000, "EUR") == "€2,000,000"


@pytest.mark.parametrize("language", CODES)
def test_amounts_are_written_as_babel_writes_them_in_every_currency(language):
    amounts = [Decimal(0), Decimal("0.5"), Decimal(7), Decimal("1234.5"), Decimal("999999.99")]
    amounts += [15 * MILLION, Decimal("123456789012.34")]
    with translation.override(language):
        for currency in list_currencies():
            for amount in amounts:
                cents = amount != amount.to_integral_value()
                assert shape_of(language, currency, cents) is not None
                babel = local_digits(babel_amount(amount, currency, language, cents))
                assert format_amount(amount, currency) == babel, (currency, amount)


def test_no_amount_is_not_disclosed_in_every_language():
    with translation.override("en"):
        assert format_amount(None, "USD") == "not disclosed"


# Queries -------------------------------------------------------------------------------------


def make_pledges(count):
    lead = OrganisationFactory()
    programme = Programme.objects.create(
        name_ar="برنامج", slug=f"programme-{count}", kind=Programme.Kind.PROGRAMME, lead=lead
    )
    for index in range(count):
        PledgeFactory(
            amount=MILLION if index % 3 else None,
            currency="EUR" if index % 4 == 0 else "USD",
            first_year=2020 + index % 5,
            programme=programme,
            announced_at=EventFactory(),
            reported_in=ReleaseFactory() if index % 2 else None,
        )


def count_queries(function):
    with CaptureQueriesContext(connection) as queries:
        function()
    return len(queries)


def test_queries_do_not_grow_with_the_number_of_pledges():
    make_pledges(3)
    few = count_queries(context), count_queries(render_page)
    make_pledges(27)
    assert len(context()["pledges"]) == 30
    many = count_queries(context), count_queries(render_page)

    assert few == many
    assert few[0] <= 6


# The page, at its URL ------------------------------------------------------------------------


def test_the_english_page_lists_pledges_and_totals(client):
    qatar_style_pledge(announced_at=EventFactory(title_en="Beneficiaries Forum"))
    PledgeFactory(amount=None)

    response = client.get("/en/funding/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Funding</h1>" in html
    assert "$45,000,000" in html
    assert "$15,000,000" in html
    assert "not disclosed" in html
    assert "Beneficiaries Forum" in html
    assert 'role="img"' in html


def test_the_arabic_page_is_right_to_left_with_latin_digits(client):
    qatar_style_pledge()

    response = client.get("/ar/funding/")

    assert response.status_code == 200
    html = response.content.decode()
    assert 'direction="rtl"' in html
    assert "قطر" in html
    assert "45,000,000" in html


def test_the_persian_page_writes_amounts_in_persian_digits(client):
    qatar_style_pledge()

    response = client.get("/fa/funding/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "۴۵٬۰۰۰٬۰۰۰" in html
    assert "۲۰۲۴–۲۰۲۶" in html
    assert "45,000,000" not in html


def test_the_page_filters_and_reports_ignored_values(client):
    qatar_style_pledge()
    PledgeFactory(donor=OrganisationFactory(slug="korea", name_en="Korea"), amount=MILLION)

    response = client.get("/en/funding/?donor=qatar&year=99999999999")

    assert response.status_code == 200
    assert [pledge.donor.slug for pledge in response.context["pledges"]] == ["qatar"]
    assert response.context["ignored"] == ["year"]
    assert "Some filter values were not recognised and were ignored." in response.content.decode()


def test_a_release_that_reported_a_pledge_cannot_be_deleted_from_under_it():
    draft = ReleaseFactory(status="draft")
    pledge = PledgeFactory(reported_in=draft)

    with pytest.raises(ProtectedError):
        draft.delete()

    # Had the link been cleared, the pledge would read as entered by staff: public.
    assert pledge not in Pledge.objects.public()
