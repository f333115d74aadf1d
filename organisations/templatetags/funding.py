"""Template helpers for pledges."""

from django import template
from django.utils.html import format_html

from organisations.money import format_amount

register = template.Library()


@register.simple_tag
def pledge_amount(pledge):
    """The amount as announced: "USD 15 million a year", or "not disclosed"."""
    amount = format_amount(pledge.amount, pledge.currency)
    if pledge.amount is not None and pledge.amount_basis == "per_year":
        return format_html("{} {}", amount, pledge.get_amount_basis_display())
    return amount
