"""Dates read as each language writes them, in one piece: the office's "25 February 2021" and
"8–10 December 2020", Arabic "من 8 إلى 10 ديسمبر 2020", Persian Solar Hijri dates with the
Gregorian beside them, never in nested parentheses, never broken across lines."""

import re
from datetime import UTC, date, datetime

import pytest
from django.utils import translation
from django.utils.html import strip_tags

from core.dates import NBSP, WORD_JOINER, readable_date
from people.models import Position
from tests.factories import (
    EventFactory,
    OrganisationFactory,
    PersonFactory,
    ReleaseFactory,
    approve,
)

pytestmark = pytest.mark.django_db


def seen(html):
    """The page's text as a reader sees it: no tags, no-break spaces as spaces, word joiners
    invisible."""
    return re.sub(r"\s+", " ", strip_tags(html).replace(WORD_JOINER, ""))


def page(client, language, obj):
    with translation.override(language):
        return client.get(obj.get_absolute_url()).content.decode()


@pytest.fixture
def roundtable():
    return EventFactory(start_date=date(2020, 12, 8), end_date=date(2020, 12, 10))


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "8–10 December 2020"),
        ("ar", "من 8 إلى 10 ديسمبر 2020"),
        ("fa", "۱۸ تا ۲۰ آذر ۱۳۹۹ (۸ تا ۱۰ دسامبر ۲۰۲۰)"),
    ],
)
def test_an_event_within_a_month_names_its_month_and_year_once(
    client, roundtable, language, expected
):
    assert expected in seen(page(client, language, roundtable))


def test_the_english_range_is_not_two_abbreviated_dates(client, roundtable):
    html = page(client, "en", roundtable)

    assert "Dec." not in html and "Dec. 8, 2020 – Dec. 10, 2020" not in seen(html)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "28 November – 2 December 2020"),
        ("ar", "من 28 نوفمبر إلى 2 ديسمبر 2020"),
        ("fa", "۸ تا ۱۲ آذر ۱۳۹۹ (۲۸ نوامبر تا ۲ دسامبر ۲۰۲۰)"),
    ],
)
def test_an_event_across_two_months_names_its_year_once(client, language, expected):
    event = EventFactory(start_date=date(2020, 11, 28), end_date=date(2020, 12, 2))

    assert expected in seen(page(client, language, event))


def test_a_date_and_a_short_range_never_break_across_lines(client, roundtable):
    english, persian = page(client, "en", roundtable), page(client, "fa", roundtable)

    assert f"8–{WORD_JOINER}10{NBSP}December{NBSP}2020" in english
    assert f"(۸{NBSP}تا{NBSP}۱۰{NBSP}دسامبر{NBSP}۲۰۲۰)" in persian
    assert f"۱۸{NBSP}تا{NBSP}۲۰{NBSP}آذر{NBSP}۱۳۹۹" in persian


def test_a_long_range_may_break_only_after_its_dash(client):
    event = EventFactory(start_date=date(2020, 12, 28), end_date=date(2021, 1, 2))

    html = page(client, "en", event)

    assert f"28{NBSP}December{NBSP}2020{NBSP}– 2{NBSP}January{NBSP}2021" in html


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "25 February 2021"), ("ar", "25 فبراير 2021"), ("fa", "۷ اسفند ۱۳۹۹ (۲۵ فوریه ۲۰۲۱)")],
)
def test_a_day_is_written_day_month_year_without_a_comma(client, language, expected):
    event = EventFactory(start_date=date(2021, 2, 25))

    text = seen(page(client, language, event))

    assert expected in text
    assert "فبراير، 2021" not in text


def test_a_release_carries_its_publication_date_in_the_offices_style(client):
    release = ReleaseFactory(title_en="Forum", published_at=datetime(2021, 2, 25, 10, tzinfo=UTC))
    approve(release, "en")

    assert "25 فبراير 2021" in seen(page(client, "ar", release))
    assert "25 February 2021" in seen(page(client, "en", release))


@pytest.fixture
def guterres():
    person = PersonFactory(slug="guterres")
    un = OrganisationFactory(
        name_ar="الأمم المتحدة", name_en="United Nations", name_fa="سازمان ملل"
    )
    Position.objects.create(
        person=person,
        title_ar="الأمين العام",
        title_en="Secretary-General",
        title_fa="دبیرکل",
        organisation=un,
        started_on=date(2017, 6, 21),
    )
    Position.objects.create(
        person=person,
        title_ar="مفوض",
        title_en="High Commissioner",
        title_fa="کمیسر عالی",
        organisation=un,
        started_on=date(2005, 6, 15),
        ended_on=date(2015, 12, 31),
    )
    return person


@pytest.mark.parametrize(
    ("language", "current", "past"),
    [
        ("en", "Secretary-General, United Nations, since 2017", "United Nations, 2005–2015"),
        ("ar", "الأمين العام، الأمم المتحدة، منذ 2017", "الأمم المتحدة، من 2005 إلى 2015"),
        ("fa", "دبیرکل، سازمان ملل، از ۱۳۹۶ (۲۰۱۷)", "سازمان ملل، ۱۳۸۴ تا ۱۳۹۴ (۲۰۰۵ تا ۲۰۱۵)"),
    ],
)
def test_a_positions_years_read_without_nested_parentheses(
    client, guterres, language, current, past
):
    text = seen(page(client, language, guterres))

    assert current in text and past in text
    assert "((" not in text and "))" not in text and "(۱۳۹۶ (۲۰۱۷))" not in text


@pytest.mark.parametrize(
    ("start", "precision", "expected"),
    [
        # October 2022 runs from 9 Mehr to 9 Aban: both, not the month of its first day alone.
        (date(2022, 10, 1), "month", "مهر–آبان ۱۴۰۱ (اکتبر ۲۰۲۲)"),
        # Most of 2021 is 1400: a year known alone is both Solar Hijri years it overlaps.
        (date(2021, 1, 1), "year", "۱۳۹۹–۱۴۰۰ (۲۰۲۱)"),
    ],
)
def test_a_persian_date_known_to_the_month_or_year_gives_the_solar_ones_it_overlaps(
    client, start, precision, expected
):
    event = EventFactory(start_date=start, date_precision=precision)

    assert expected in seen(page(client, "fa", event))


@pytest.mark.parametrize(
    ("language", "start", "end", "precision", "expected"),
    [
        ("en", date(2022, 10, 1), date(2022, 11, 1), "month", "October–November 2022"),
        ("en", date(2020, 12, 1), date(2021, 1, 1), "month", "December 2020 – January 2021"),
        ("en", date(2020, 12, 8), date(2020, 12, 8), "day", "8 December 2020"),
        ("ar", date(2020, 12, 28), date(2021, 1, 2), "day", "من 28 ديسمبر 2020 إلى 2 يناير 2021"),
        ("fa", date(2021, 3, 1), None, "month", "اسفند ۱۳۹۹ – فروردین ۱۴۰۰ (مارس ۲۰۲۱)"),
    ],
)
def test_ranges_write_what_their_ends_share_once(language, start, end, precision, expected):
    with translation.override(language):
        text = readable_date(start, precision, end=end)

    assert text.replace(NBSP, " ").replace(WORD_JOINER, "") == expected
