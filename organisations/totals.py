"""What pledges add up to, per donor, recipient or year and per currency: added up in SQL, a
few rows per organisation or year however many pledges, and never two currencies together."""

from collections import defaultdict
from dataclasses import dataclass, replace
from decimal import Decimal

from core.languages import public_text

from .models.pledge import years_of
from .money import format_amount, format_short

CENT = Decimal("0.01")


@dataclass
class Total:
    """One row of a totals table: what `label` (an organisation, or its pk until named, or a
    year) adds up to in `currency`."""

    label: object
    currency: str
    total: Decimal | None = None
    undisclosed: int = 0
    pledges: int = 0

    def add(self, amount, undisclosed):
        if amount is not None:
            self.total = (self.total or Decimal(0)) + amount
        self.undisclosed += undisclosed

    @property
    def total_display(self):
        return format_amount(self.total, self.currency)

    @property
    def total_short(self):
        return format_short(self.total)


def cents(amount):
    return None if amount is None else amount.quantize(CENT)


def by_organisation(pledges, field):
    """Totals per organisation in `field` ("donor" or "recipient"), labelled by its pk.

    An undisclosed pledge is counted under the currency it was recorded in, so each row says
    how many amounts its total lacks.
    """
    return [
        Total(row[field], row["currency"], cents(row["total"]), row["undisclosed"], row["pledges"])
        for row in pledges.totals_by(field)
    ]


def by_year(pledges, only_year=None):
    """Totals per year: the pledges are added up per span of years in SQL, and each span's sum
    is spread over its years here (a total evenly, an amount per year in each)."""
    rows = {}
    spans = pledges.filter(first_year__isnull=False).totals_by("first_year", "last_year")
    for span in spans:
        years = years_of(span["first_year"], span["last_year"])
        share = None if span["total"] is None else span["total"] / len(years)
        for year in years:
            if only_year in (None, year):
                key = (year, span["currency"])
                rows.setdefault(key, Total(year, span["currency"])).add(share, span["undisclosed"])
    for row in rows.values():
        row.total = cents(row.total)
    return sorted(rows.values(), key=lambda row: (row.label, row.currency))


@dataclass
class Totals:
    """What a set of pledges adds up to by donor, by recipient and by year: three grouped
    queries. The rows by organisation are labelled by pk until `named`."""

    by_donor: list[Total]
    by_recipient: list[Total]
    by_year: list[Total]

    @classmethod
    def of(cls, pledges, only_year=None):
        return cls(
            by_organisation(pledges, "donor"),
            by_organisation(pledges, "recipient"),
            by_year(pledges, only_year),
        )

    @property
    def count(self):
        """How many pledges: each has one donor."""
        return sum(row.pledges for row in self.by_donor)

    @property
    def organisation_ids(self):
        return {row.label for row in [*self.by_donor, *self.by_recipient]}

    @property
    def years(self):
        """Every year the pledges cover (unless kept to one), in order."""
        return sorted({row.label for row in self.by_year})

    @property
    def main_currency(self):
        """The currency with the largest total: the one the chart shows."""
        sums = defaultdict(Decimal)
        for row in self.by_donor:
            if row.total is not None:
                sums[row.currency] += row.total
        if not sums:
            return None
        return max(sorted(sums), key=sums.__getitem__)


def named(rows, organisations):
    """`rows` by organisation with their organisations from `organisations` ({pk:
    organisation}), in the order of their names as the reader reads them."""
    order = {
        pk: public_text(organisations[pk], "name").casefold() for pk in {r.label for r in rows}
    }
    rows = sorted(rows, key=lambda row: (order[row.label], row.currency))
    return [replace(row, label=organisations[row.label]) for row in rows]
