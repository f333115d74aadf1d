"""Dates as the office writes them, and dates the sources state only in part ("October 2022",
"2021", or not at all).

One rule for every page: `date_parts` (and `readable_date`, its plain text) writes a date, a
range or an open period in the reader's language, as precisely as it is known:

- English, the office's style: "25 February 2021", "8–10 December 2020",
  "28 November – 2 December 2020", "October 2022", "since 2017";
- Arabic, as the office's Arabic releases write it: "25 فبراير 2021" (no comma before the
  year), "من 8 إلى 10 ديسمبر 2020", "منذ 2017";
- Persian: the Solar Hijri date, with the Gregorian one beside it in Persian digits:
  "۱۸ تا ۲۰ آذر ۱۳۹۹ (۸ تا ۱۰ دسامبر ۲۰۲۰)". A Gregorian month or year overlaps two Solar
  Hijri ones, so a date known only to the month or year gives both: "مهر–آبان ۱۴۰۱".

The words of one date are joined by no-break spaces, so a date never breaks across lines on
any page or feed; a long range may break only at its "–", "إلى" or "تا".
"""

import calendar
from dataclasses import dataclass
from datetime import date, datetime

import jdatetime
from django.db import models
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from core.arabic_script import local_digits


class DatePrecision(models.TextChoices):
    DAY = "day", _("day")
    MONTH = "month", _("month")
    YEAR = "year", _("year")
    UNKNOWN = "unknown", _("unknown")


NBSP = "\u00a0"
# A line may break after a dash; after an unspaced one ("8–10") it must not.
WORD_JOINER = "\u2060"
PERSIAN_MONTHS = [
    "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
    "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند",
]  # fmt: skip
# Coarsest first: a date known to the day shows three words, to the year one.
LEVELS = [DatePrecision.YEAR, DatePrecision.MONTH, DatePrecision.DAY]


@dataclass(frozen=True)
class RangeStyle:
    """How a language writes a range: what comes `before` its start, what joins two one-word
    ends ("8–10"), what joins longer ones (where a line may break), and an open period."""

    before: str
    joined: str
    spaced: str
    since: str


# Locale formats, as Django's own formats.py are, not catalogue entries: each language arranges
# the same parts differently, with no-break spaces a translator would not see.
RANGES = {
    "en": RangeStyle("", "–" + WORD_JOINER, NBSP + "– ", "since" + NBSP + "{}"),
    "ar": RangeStyle("من" + NBSP, NBSP + "إلى" + NBSP, " إلى" + NBSP, "منذ" + NBSP + "{}"),
    "fa": RangeStyle("", NBSP + "تا" + NBSP, " تا" + NBSP, "از" + NBSP + "{}"),
}
# The Solar Hijri months or years that one Gregorian month or year overlaps: "مهر–آبان".
OVERLAP = RangeStyle("", "–" + WORD_JOINER, NBSP + "– ", "{}")


def date_parts(start, precision=DatePrecision.DAY, *, end=None, shown=None, open_ended=False):
    """(the date as the reader of the active language reads it, the Gregorian date beside it
    on Persian pages or "").

    `precision` is how much of the date is known; `shown` shows less of it (a position's year
    of a known day); an `end` makes it a range, and `open_ended` reads a missing end as "since".
    """
    language = get_language()
    if start is None or precision == DatePrecision.UNKNOWN:
        # The sources give no date: say so, rather than promise one (most such events are past).
        return gettext("date not stated"), ""
    start = _day(start)
    last = _day(end) if end else start
    level = min(LEVELS.index(precision), LEVELS.index(shown or precision)) + 1
    style = RANGES.get(language, RANGES["en"])
    first_words, last_words = _gregorian_words(start, level), _gregorian_words(last, level)
    gregorian = _range(first_words, last_words, style)
    since = style.since if end is None and open_ended else "{}"
    if language != "fa":
        return since.format(gregorian), ""
    # One Gregorian date: the Solar Hijri months or years it overlaps, not a range.
    solar_style = OVERLAP if first_words == last_words else style
    solar = _range(*_solar_ends(start, last, precision, level), solar_style)
    return local_digits(since.format(solar), "fa"), local_digits(gregorian, "fa")


def readable_date(start, precision=DatePrecision.DAY, **kwargs):
    """`date_parts` as one text: for titles, feeds and anywhere markup cannot go."""
    text, gregorian = date_parts(start, precision, **kwargs)
    return f"{text} ({gregorian})" if gregorian else text


def _day(value):
    if isinstance(value, datetime):
        return (timezone.localtime(value) if timezone.is_aware(value) else value).date()
    return value


def _gregorian_words(value, level):
    return (str(value.day), str(MONTHS[value.month]), str(value.year))[-level:]


def _solar_ends(start, last, precision, level):
    """The Solar Hijri words of a range's first and last days: of the days themselves when
    they are known, else of the whole months or years the Gregorian ones cover."""
    if precision == DatePrecision.MONTH:
        start = start.replace(day=1)
        last = last.replace(day=calendar.monthrange(last.year, last.month)[1])
    elif precision == DatePrecision.YEAR:
        start, last = date(start.year, 1, 1), date(last.year, 12, 31)
    return tuple(
        (str(solar.day), PERSIAN_MONTHS[solar.month - 1], str(solar.year))[-level:]
        for solar in (jdatetime.date.fromgregorian(date=day) for day in (start, last))
    )


def _range(start, end, style):
    """Two dates, as words most significant last, as one range: the words they share at the
    end are written once ("8–10 December 2020")."""
    if start == end:
        return NBSP.join(start)
    shared = 0
    while start[-1 - shared] == end[-1 - shared]:
        shared += 1
    first, second = start[: len(start) - shared], end[: len(end) - shared]
    joiner = style.joined if len(first) == len(second) == 1 else style.spaced
    tail = "".join(NBSP + word for word in start[len(start) - shared :])
    return style.before + NBSP.join(first) + joiner + NBSP.join(second) + tail
