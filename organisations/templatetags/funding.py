"""Template helpers for pledges."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language

from core.arabic_script import local_digits
from core.templatetags.multilingual import translated
from organisations.money import format_amount

register = template.Library()


@register.simple_tag
def pledge_amount(pledge):
    """The amount as announced: "USD 15 million a year", or "not disclosed"."""
    amount = format_amount(pledge.amount, pledge.currency)
    if pledge.amount is not None and pledge.amount_basis == "per_year":
        return format_html("{} {}", amount, pledge.get_amount_basis_display())
    return amount


@register.simple_tag
def totals_rows(rows, by_organisation):
    """A totals table's rows, made in one pass rather than node by node in the template: the
    funding page lists every donor's total in each currency, nearly a thousand rows."""
    language = get_language()
    names = {}  # A donor has a row per currency: its name is written once.

    def name(organisation):
        if organisation.pk not in names:
            names[organisation.pk] = translated(organisation, "name")
        return names[organisation.pk]

    return format_html_join(
        "",
        '<tr><th scope="row">{}</th><td>{}</td><td>{}</td></tr>',
        (
            (
                name(row.label) if by_organisation else local_digits(row.label, language),
                row.total_display,
                local_digits(row.undisclosed, language),
            )
            for row in rows
        ),
    )
