"""What the public funding page reads: pledges, their totals per currency and the chart."""

from django.core.paginator import Paginator
from django.db.models import F
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from core.languages import translated_field

from .chart import chart_rows, chart_svg
from .filters import FundingFilter
from .models import Organisation, Pledge
from .money import format_amount
from .totals import by_organisation, by_year, main_currency

PLEDGES_PER_PAGE = 50
# The columns the totals add up: every chosen pledge is read, but only these.
FIGURES = (
    "donor_id",
    "recipient_id",
    "currency",
    "amount",
    "amount_basis",
    "first_year",
    "last_year",
)


def with_option_labels(organisations):
    """Names for <option>s, which hold text only: a fallback name carries its language apart."""
    language = get_language()
    for organisation in organisations:
        organisation.option_label, code = translated_field(organisation, "name", language)
        organisation.option_lang = "" if code == language else code
    return organisations


def funding_context(params):
    """Everything the funding page shows, from the page's GET parameters (a QueryDict)."""
    visible = Pledge.objects.public()
    organisations = Organisation.objects.distinct()
    donors = with_option_labels(list(organisations.filter(pledges_given__in=visible)))
    recipients = with_option_labels(list(organisations.filter(pledges_received__in=visible)))
    years = visible.years()
    filterset = FundingFilter(
        params, queryset=visible, donors=donors, recipients=recipients, years=years
    )
    chosen = filterset.qs
    selected = filterset.selected
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
        "ignored": filterset.ignored,
        "filtered": bool(selected or filterset.ignored),
    }
