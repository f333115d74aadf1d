"""The funding page's chart: one bar per year, drawn on the server as an accessible SVG."""

from babel.lists import format_list
from babel.numbers import get_currency_name
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language, gettext

from core.languages import direction

from .money import babel_locale, local_digits

CHART_WIDTH = 640
BAR_HEIGHT = 28
BAR_GAP = 8
CHART_PADDING = 8
YEAR_WIDTH = 64
VALUE_WIDTH = 136
BAR_SPACE = CHART_WIDTH - YEAR_WIDTH - VALUE_WIDTH


def chart_rows(year_rows, currency):
    return [row for row in year_rows if row.currency == currency and row.total is not None]


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
    height = 2 * CHART_PADDING + len(rows) * (BAR_HEIGHT + BAR_GAP) - BAR_GAP
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
        ' width="{width}" height="{height}" viewBox="0 0 {width} {height}" direction="{dir}"'
        ' font-size="14">'
        '<title id="funding-chart-title">{title}</title>'
        '<desc id="funding-chart-desc">{desc}</desc>{bars}</svg>',
        width=CHART_WIDTH,
        height=height,
        dir=page_direction,
        title=title,
        desc=desc,
        bars=bars,
    )


def bar(row, index, largest, rtl):
    """One year's bar, laid out left to right and mirrored on right-to-left pages.

    Text anchors are logical (start/end), so with the svg's direction they mirror by themselves.
    """
    length = round(BAR_SPACE * row.total / largest) if largest else 0
    top = CHART_PADDING + index * (BAR_HEIGHT + BAR_GAP)
    middle = top + BAR_HEIGHT // 2

    def x(position, width=0):
        return CHART_WIDTH - position - width if rtl else position

    return format_html(
        '<g><text x="{}" y="{}" text-anchor="end" dominant-baseline="central"'
        ' fill="currentColor">{}</text>'
        '<rect x="{}" y="{}" width="{}" height="{}" fill="#005a9c"></rect>'
        '<text x="{}" y="{}" text-anchor="start" dominant-baseline="central"'
        ' fill="currentColor">{}</text></g>',
        x(YEAR_WIDTH - 8),
        middle,
        local_digits(row.label),
        x(YEAR_WIDTH, length),
        top,
        length,
        BAR_HEIGHT,
        x(YEAR_WIDTH + length + 6),
        middle,
        row.total_short,
    )
