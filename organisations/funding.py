"""The public funding page's reads: pledges, their totals per currency, and a chart of them."""

from collections import defaultdict
from copy import copy
from dataclasses import dataclass
from decimal import Decimal

from babel import Locale
from babel.lists import format_list
from babel.numbers import format_compact_decimal, format_currency, get_currency_name
from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import F, Q
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_bidi, gettext, to_locale
from django.utils.translation import gettext_lazy as _

from newsroom import arabic_script

from .models import Organisation, Pledge

NOT_DISCLOSED = _("not disclosed")
PLEDGES_PER_PAGE = 50
FIGURES = (
    "donor_id",
    "recipient_id",
    "currency",
    "amount",
    "amount_basis",
    "first_year",
    "last_year",
)
CENT = Decimal("0.01")

CHART_WIDTH = 640
BAR_HEIGHT = 28
BAR_GAP = 8
CHART_PADDING = 8
YEAR_WIDTH = 64
VALUE_WIDTH = 136
BAR_SPACE = CHART_WIDTH - YEAR_WIDTH - VALUE_WIDTH


@dataclass
class Total:
    """One row of a totals table: what `label` (an organisation or a year) adds up to."""

    label: object
    currency: str
    total: Decimal | None = None
    undisclosed: int = 0

    def add(self, amount):
        if amount is None:
            self.undisclosed += 1
        else:
            self.total = (self.total or Decimal(0)) + amount

    @property
    def total_display(self):
        return format_amount(self.total, self.currency)

    @property
    def total_short(self):
        return format_short(self.total)


# Reading the page's digits -------------------------------------------------------------------


def babel_locale():
    return Locale.parse(to_locale(get_language() or settings.LANGUAGE_CODE))


def local_digits(text):
    return arabic_script.local_digits(text, get_language())


def format_amount(amount, currency):
    """An amount with its currency, as the page's language writes it; None is "not disclosed"."""
    if amount is None:
        return NOT_DISCLOSED
    amount = Decimal(str(amount))
    locale = babel_locale()
    pattern = copy(locale.currency_formats["standard"])
    if amount == amount.to_integral_value():
        pattern.frac_prec = (0, 0)  # "US$15,000,000", not "US$15,000,000.00"
    # Babel (CLDR) already gives Latin digits for Arabic, as UN Arabic does; for Persian it gives
    # Persian separators with Latin digits, which local_digits makes Persian.
    text = format_currency(
        amount,
        currency,
        format=pattern,
        locale=locale,
        currency_digits=False,
        numbering_system="default",
    )
    return local_digits(text)


def format_short(amount):
    """An amount abbreviated in words, "15 million", in the page's language and digits."""
    if amount is None:
        return NOT_DISCLOSED
    text = format_compact_decimal(
        amount,
        format_type="long",
        fraction_digits=1,
        locale=babel_locale(),
        numbering_system="default",
    )
    return local_digits(text)


# Filters -------------------------------------------------------------------------------------


def in_year(year):
    """A pledge counts in each year of its span; one without years is in no year."""
    return Q(first_year__lte=year) & (
        Q(last_year__gte=year) | Q(last_year__isnull=True, first_year=year)
    )


def years_of(first_year, last_year):
    if first_year is None:
        return range(0)
    return range(first_year, (last_year or first_year) + 1)


def covered_years(pledges):
    spans = pledges.filter(first_year__isnull=False).values_list("first_year", "last_year")
    return sorted({year for span in spans.distinct() for year in years_of(*span)})


def parse_year(value, years):
    try:
        year = int(value)
    except ValueError:
        return None
    return year if year in years else None


def with_option_labels(organisations):
    """Names for <option>s, which hold text only: a fallback name carries its language apart."""
    language = get_language()
    chain = settings.MODELTRANSLATION_FALLBACK_LANGUAGES
    for organisation in organisations:
        for code in (language, *chain.get(language, chain["default"])):
            name = getattr(organisation, f"name_{code}", "")
            if name:
                organisation.option_label = name
                organisation.option_lang = "" if code == language else code
                break
    return organisations


def read_filters(params, donors, recipients, years):
    """The filters in `params` that name a known option, and the names of those that do not."""
    known = {
        "donor": lambda value: next((o for o in donors if o.slug == value), None),
        "recipient": lambda value: next((o for o in recipients if o.slug == value), None),
        "year": lambda value: parse_year(value, set(years)),
    }
    selected, ignored = {}, []
    for name, find in known.items():
        value = params.get(name, "").strip()
        if not value:
            continue
        found = find(value)
        if found is None:
            ignored.append(name)
        else:
            selected[name] = found
    return selected, ignored


def filtered(pledges, selected):
    if "donor" in selected:
        pledges = pledges.filter(donor=selected["donor"])
    if "recipient" in selected:
        pledges = pledges.filter(recipient=selected["recipient"])
    if "year" in selected:
        pledges = pledges.filter(in_year(selected["year"]))
    return pledges


# Totals --------------------------------------------------------------------------------------


def totals_by(pledges, label_and_amount):
    """Rows per (label, currency): amounts of one currency are never added to another's.

    An undisclosed pledge is counted under the currency it was recorded in, so each row says
    how many amounts its total lacks.
    """
    rows = {}
    for pledge in pledges:
        for label, amount in label_and_amount(pledge):
            key = (label, pledge.currency)
            rows.setdefault(key, Total(label, pledge.currency)).add(amount)
    for row in rows.values():
        if row.total is not None:
            row.total = row.total.quantize(CENT)
    return list(rows.values())


def by_organisation(pledges, field, organisations):
    """Totals per organisation in `field` ("donor_id" or "recipient_id"), named from
    `organisations` ({pk: organisation}) rather than a query per pledge."""
    rows = totals_by(
        pledges, lambda pledge: [(organisations[getattr(pledge, field)], pledge.total)]
    )
    return sorted(rows, key=lambda row: (str(row.label.name).casefold(), row.currency))


def by_year(pledges, only_year=None):
    def shares(pledge):
        return [
            (year, pledge.amount_in_year(year))
            for year in years_of(pledge.first_year, pledge.last_year)
            if only_year in (None, year)
        ]

    return sorted(totals_by(pledges, shares), key=lambda row: (row.label, row.currency))


def main_currency(pledges):
    """The currency with the largest total: the one the chart shows."""
    sums = defaultdict(Decimal)
    for pledge in pledges:
        if pledge.total is not None:
            sums[pledge.currency] += pledge.total
    if not sums:
        return None
    return max(sorted(sums), key=sums.__getitem__)


# Chart ---------------------------------------------------------------------------------------


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
    rtl = get_language_bidi()
    bars = format_html_join(
        "", "{}", ((bar(row, index, largest, rtl),) for index, row in enumerate(rows))
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
        dir="rtl" if rtl else "ltr",
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


# The page ------------------------------------------------------------------------------------


def funding_context(params):
    """Everything the funding page shows, from the page's GET parameters (a QueryDict)."""
    visible = Pledge.objects.public()
    organisations = Organisation.objects.distinct()
    donors = with_option_labels(list(organisations.filter(pledges_given__in=visible)))
    recipients = with_option_labels(list(organisations.filter(pledges_received__in=visible)))
    years = covered_years(visible)
    selected, ignored = read_filters(params, donors, recipients, years)
    chosen = filtered(visible, selected)
    # The totals read every chosen pledge, but only the columns they add up.
    figures = list(chosen.only(*FIGURES))
    page = Paginator(
        chosen.select_related("donor", "recipient", "programme", "announced_at").order_by(
            F("first_year").desc(nulls_last=True), "donor__name", "pk"
        ),
        PLEDGES_PER_PAGE,
    ).get_page(params.get("page"))
    pledges = list(page)
    for pledge in pledges:
        pledge.amount_display = format_amount(pledge.amount, pledge.currency)
    year_rows = by_year(figures, selected.get("year"))
    currency = main_currency(figures)
    table = chart_rows(year_rows, currency)
    names = {organisation.pk: organisation for organisation in [*donors, *recipients]}
    return {
        "pledges": pledges,
        "pledge_page": page,
        "by_donor": by_organisation(figures, "donor_id", names),
        "by_recipient": by_organisation(figures, "recipient_id", names),
        "by_year": year_rows,
        "chart_currency": currency,
        "chart_svg": mark_safe(chart_svg(table, currency)),  # built with format_html
        "chart_table": table,
        "donors": donors,
        "recipients": recipients,
        "years": years,
        "selected": selected,
        "ignored": ignored,
        "filtered": bool(selected or ignored),
    }
