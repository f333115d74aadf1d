"""What the public funding page reads: pledges, their totals per currency and the chart.

A bounded number of queries however many pledges: the totals of the public pledges (which also
give the filters their options), the organisations they name, the totals of the filtered
pledges when a filter is chosen, and one page of pledges.
"""

from django.core.paginator import Paginator
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from core.approved_text import text_columns
from core.languages import translated_field

from .chart import chart_rows, chart_svg
from .filters import FundingFilter
from .models import Organisation, Pledge
from .money import format_amount
from .totals import Totals, named

PLEDGES_PER_PAGE = 50


# What the table of pledges shows of the records it names: {relation: its translated field}.
SHOWN = {"donor": "name", "recipient": "name", "programme": "name", "announced_at": "title"}
PLEDGE_COLUMNS = [
    *("amount", "currency", "amount_basis", "first_year", "last_year"),
    *(
        f"{relation}__{column}"
        for relation, field in SHOWN.items()
        for column in text_columns(field)
    ),
]


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
    every = Totals.of(visible)
    named_in_totals = Organisation.objects.filter(pk__in=every.organisation_ids)
    organisations = list(named_in_totals.only("slug", *text_columns("name")))
    given = {row.label for row in every.by_donor}
    received = {row.label for row in every.by_recipient}
    donors = with_option_labels([each for each in organisations if each.pk in given])
    recipients = with_option_labels([each for each in organisations if each.pk in received])
    years = every.years
    filterset = FundingFilter(
        params, queryset=visible, donors=donors, recipients=recipients, years=years
    )
    selected = filterset.selected
    chosen = Totals.of(filterset.qs, selected.get("year")) if selected else every
    paginator = Paginator(
        filterset.qs.select_related(*SHOWN).only(*PLEDGE_COLUMNS).newest_first(),
        PLEDGES_PER_PAGE,
    )
    paginator.count = chosen.count  # the totals counted them: no COUNT query
    page = paginator.get_page(params.get("page"))
    pledges = list(page)
    for pledge in pledges:
        pledge.amount_display = format_amount(pledge.amount, pledge.currency)
    currency = chosen.main_currency
    table = chart_rows(chosen.by_year, currency)
    by_pk = {organisation.pk: organisation for organisation in organisations}
    return {
        "pledges": pledges,
        "pledge_page": page,
        "by_donor": named(chosen.by_donor, by_pk),
        "by_recipient": named(chosen.by_recipient, by_pk),
        "by_year": chosen.by_year,
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
