from decimal import Decimal

from babel.numbers import list_currencies
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import (
    Case,
    Count,
    F,
    Q,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.approved_text import approved_field
from core.arabic_script import local_digits
from core.edit_conflicts import version_field
from core.time_windows import open_at


def validate_currency(code):
    if code not in list_currencies():
        raise ValidationError(
            _("%(code)s is not an ISO 4217 currency code."), params={"code": code}
        )


class AmountBasis(models.TextChoices):
    PER_YEAR = "per_year", _("per year")
    TOTAL = "total", _("in total")


def years_of(first_year, last_year):
    """The years a pledge's span covers; none without a first year."""
    if first_year is None:
        return range(0)
    return range(first_year, (last_year or first_year) + 1)


def whole_amount():
    """`Pledge.total` in SQL: an amount per year counts once for each year of its span (which
    such a pledge always has)."""
    return Case(
        When(
            amount_basis=AmountBasis.PER_YEAR,
            then=F("amount") * (F("last_year") - F("first_year") + 1),
        ),
        default=F("amount"),
        # Room for a sum of many pledges; SQLite's sums are rounded back to cents.
        output_field=models.DecimalField(max_digits=24, decimal_places=2),
    )


# Newest first and undated pledges last, in an order every database can index (SQLite cannot
# index NULLS LAST); years are never negative.
FIRST_YEAR = Coalesce("first_year", Value(-1), output_field=models.IntegerField())
NEWEST_FIRST = FIRST_YEAR.desc()


class PledgeQuerySet(models.QuerySet):
    def public(self):
        """Pledges the public may see: entered by staff, or reported in a release while the
        release is public (the window it gave the pledge, `public_from` and `public_until`)."""
        return self.filter(Q(reported_in__isnull=True) | open_at("public_from", "public_until"))

    def in_year(self, year):
        """Pledges that count in `year`: each year of their span; one without years, in none."""
        return self.filter(
            Q(first_year__lte=year)
            & (Q(last_year__gte=year) | Q(last_year__isnull=True, first_year=year))
        )

    def newest_first(self):
        """The funding page's order: by year, then donor; `pk` keeps pages apart."""
        return self.order_by(NEWEST_FIRST, "donor__name", "pk")

    def totals_by(self, *fields):
        """Rows of `fields` and currency: the whole amounts of their pledges added up (`total`,
        None when none is disclosed), how many of those are not disclosed and how many there
        are. One grouped query however many pledges, and never two currencies added together."""
        # The default order (a join to the donor's name) would split the groups.
        return (
            self.order_by()
            .values(*fields, "currency")
            .annotate(
                total=Sum(whole_amount()),
                undisclosed=Count("pk", filter=Q(amount=None)),
                pledges=Count("pk"),
            )
        )


class Pledge(models.Model):
    """Money promised by a donor: an amount per year or in total, or "not disclosed"."""

    donor = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("donor"),
        on_delete=models.PROTECT,
        related_name="pledges_given",
    )
    recipient = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("recipient"),
        on_delete=models.PROTECT,
        related_name="pledges_received",
    )
    programme = models.ForeignKey(
        "organisations.Programme",
        verbose_name=_("programme"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pledges",
    )
    amount = models.DecimalField(
        _("amount"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Leave empty when the amount was not disclosed."),
    )
    currency = models.CharField(
        _("currency"),
        max_length=3,
        default="USD",
        validators=[validate_currency],
        help_text=_("ISO 4217 code, such as USD or EUR."),
    )
    amount_basis = models.CharField(
        _("the amount is"), max_length=10, choices=AmountBasis.choices, default=AmountBasis.TOTAL
    )
    first_year = models.PositiveSmallIntegerField(_("first year"), null=True, blank=True)
    last_year = models.PositiveSmallIntegerField(_("last year"), null=True, blank=True)
    description = models.TextField(
        _("description"), blank=True, help_text=_("What the pledge is for, as announced.")
    )
    announced_at = models.ForeignKey(
        "events.Event",
        verbose_name=_("announced at"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="pledges",
    )
    announced_by = models.ForeignKey(
        "people.Person",
        verbose_name=_("announced by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="pledges_announced",
    )
    reported_in = models.ForeignKey(
        "newsroom.Release",
        verbose_name=_("reported in"),
        # Not SET_NULL: a pledge reported by a draft would then read as entered by staff, and
        # be public. Deleting the release asks for its pledges to be dealt with first.
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pledges",
    )
    # When the release that reported it is public (Release.public_window), kept here by the
    # releases app (releases/reported_pledges.py): totals read pledges alone, never a release
    # per pledge. None and None while that release is not published.
    public_from = models.DateTimeField(null=True, blank=True, editable=False)
    public_until = models.DateTimeField(null=True, blank=True, editable=False)
    version = version_field()
    approved = approved_field()

    objects = PledgeQuerySet.as_manager()

    class Meta:
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")
        ordering = ["-first_year", "donor__name"]
        indexes = [
            models.Index(fields=["first_year", "last_year"], name="pledge_years_idx"),
            # The funding page's table: a page reads its fifty rows, not every pledge.
            models.Index(NEWEST_FIRST, name="pledge_newest_first_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gte=0) | Q(amount=None),
                name="pledge_amount_not_negative",
                violation_error_message=_("An amount cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(last_year=None)
                | Q(first_year__isnull=False, last_year__gte=F("first_year")),
                name="pledge_last_year_not_before_first",
                violation_error_message=_(
                    "The last year needs a first year and cannot come before it."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(amount_basis=AmountBasis.PER_YEAR)
                | Q(amount=None)
                | Q(first_year__isnull=False, last_year__isnull=False),
                name="pledge_per_year_amount_has_years",
                violation_error_message=_("An amount per year needs its first and last year."),
            ),
        ]

    def __str__(self):
        # Its years in the reader's digits: the Persian admin names a pledge in Persian ones.
        years = local_digits(self.years_display, get_language())
        return f"{self.donor.short_name} → {self.recipient.short_name} ({years})"

    @property
    def is_disclosed(self):
        return self.amount is not None

    @property
    def year_count(self):
        if self.first_year is None:
            return None
        return (self.last_year or self.first_year) - self.first_year + 1

    @property
    def total(self):
        """The whole pledge in its currency, or None when not disclosed."""
        if self.amount is None:
            return None
        if self.amount_basis == AmountBasis.PER_YEAR:
            return self.amount * self.year_count
        return self.amount

    def amount_in_year(self, year):
        """What the pledge brings in `year`: a total is spread evenly over its years."""
        if self.amount is None or self.first_year is None:
            return None
        if not self.first_year <= year <= (self.last_year or self.first_year):
            return Decimal(0)
        if self.amount_basis == AmountBasis.PER_YEAR:
            return self.amount
        return self.amount / self.year_count

    @property
    def years_display(self):
        if self.first_year is None:
            return "—"
        if self.last_year in (None, self.first_year):
            return str(self.first_year)
        return f"{self.first_year}–{self.last_year}"
