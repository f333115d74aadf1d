"""The funding page's chart: one bar per year, drawn on the server as an accessible SVG."""

from decimal import Decimal

from babel.lists import format_list
from babel.numbers import get_currency_name
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language, gettext

from core.languages import direction

from .money import babel_locale, local_digits

# The chart has no viewBox: it takes the column's width and is never scaled, so its text stays
# at FONT_SIZE pixels on a phone as on a desktop. Each year is a line of text (the year at the
# start, its amount at the end) over a bar whose length is a percentage of the width.
FONT_SIZE = 15
CHART_PADDING = 4
LABEL_BASELINE = 17
BAR_TOP = 24
BAR_HEIGHT = 14
ROW_HEIGHT = BAR_TOP + BAR_HEIGHT
ROW_GAP = 14


def chart_rows(year_rows, currency):
    return [row for row in year_rows if row.currency == currency and row.total is not None]


def chart_height(count):
    return 2 * CHART_PADDING + count * (ROW_HEIGHT + ROW_GAP) - ROW_GAP


def chart_svg(rows, currency):
    """Horizontal bars, one per year, readable without the bars: title, desc and value labels."""
    if not rows:
        return ""
    locale = babel_locale()
    currency_name = get_currency_name(currency, count=2, locale=locale)
    title = gettext("Pledged amounts by year, in %(currency)s") % {"currency": currency_name}
    values = format_list(
        [f"{local_digits(row.label)}: {row.total_short}" for row in rows], locale=locale
    )
    desc = gettext("One bar per year. %(values)s.") % {"values": values}
    largest = max(row.total for row in rows)
    page_direction = direction(get_language())
    bars = format_html_join(
        "",
        "{}",
        ((bar(row, index, largest, page_direction == "rtl"),) for index, row in enumerate(rows)),
    )
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="funding-chart" role="img"'
        ' aria-labelledby="funding-chart-title funding-chart-desc"'
        ' width="100%" height="{height}" direction="{dir}" font-size="{font_size}">'
        '<title id="funding-chart-title">{title}</title>'
        '<desc id="funding-chart-desc">{desc}</desc>{bars}</svg>',
        height=chart_height(len(rows)),
        dir=page_direction,
        font_size=FONT_SIZE,
        title=title,
        desc=desc,
        bars=bars,
    )


def percent(value):
    """A length as a percentage of the chart's width, for an SVG attribute: "62.5%"."""
    return f"{value.quantize(Decimal('0.01')).normalize():f}%"


def bar(row, index, largest, rtl):
    """One year's label line and bar, from the start edge: the left, or the right on
    right-to-left pages.

    Text anchors are logical (start/end), so with the svg's direction they follow by themselves;
    only the x positions are mirrored.
    """
    length = Decimal(100) * row.total / largest if largest else Decimal(0)
    top = CHART_PADDING + index * (ROW_HEIGHT + ROW_GAP)
    start, end = ("100%", "0") if rtl else ("0", "100%")
    return format_html(
        '<g><text x="{}" y="{}" text-anchor="start" font-weight="700"'
        ' fill="currentColor">{}</text>'
        '<rect x="{}" y="{}" width="{}" height="{}" fill="#005a9c"></rect>'
        '<text x="{}" y="{}" text-anchor="end" fill="currentColor">{}</text></g>',
        start,
        top + LABEL_BASELINE,
        local_digits(row.label),
        percent(Decimal(100) - length) if rtl else "0",
        top + BAR_TOP,
        percent(length),
        BAR_HEIGHT,
        end,
        top + LABEL_BASELINE,
        row.total_short,
    )
