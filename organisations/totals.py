"""What pledges add up to, per organisation or year and per currency: never two currencies
added together."""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from core.languages import public_text

from .models.pledge import years_of
from .money import format_amount, format_short

CENT = Decimal("0.01")


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
    return sorted(rows, key=lambda row: (public_text(row.label, "name").casefold(), row.currency))


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
