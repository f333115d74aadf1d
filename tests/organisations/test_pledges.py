from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from organisations.models import AmountBasis
from tests.factories import PledgeFactory

pytestmark = pytest.mark.django_db

MILLION = Decimal(1_000_000)


def qatar_style_pledge():
    return PledgeFactory(
        amount=15 * MILLION, amount_basis=AmountBasis.PER_YEAR, first_year=2024, last_year=2026
    )


def test_per_year_pledge_totals_each_year_of_its_span():
    pledge = qatar_style_pledge()

    assert pledge.total == 45 * MILLION


def test_per_year_pledge_counts_its_amount_in_each_of_its_years_only():
    pledge = qatar_style_pledge()

    assert [pledge.amount_in_year(year) for year in range(2023, 2028)] == [
        0, 15 * MILLION, 15 * MILLION, 15 * MILLION, 0,
    ]  # fmt: skip


def test_total_pledge_is_spread_evenly_over_its_years():
    pledge = PledgeFactory(amount=9 * MILLION, first_year=2024, last_year=2026)

    assert pledge.total == 9 * MILLION
    assert pledge.amount_in_year(2025) == 3 * MILLION


def test_undisclosed_pledge_has_no_total_rather_than_zero():
    pledge = PledgeFactory(amount=None)

    assert not pledge.is_disclosed
    assert pledge.total is None


@pytest.mark.parametrize(
    "fields",
    [
        {"amount": Decimal(-1)},
        {"first_year": 2026, "last_year": 2024},
        {"first_year": None, "last_year": 2024},
        {"amount": MILLION, "amount_basis": AmountBasis.PER_YEAR, "first_year": None},
    ],
    ids=["negative amount", "last year before first", "last year alone", "per year without years"],
)
def test_database_refuses_impossible_pledges(fields):
    values = {"amount": MILLION, "first_year": 2024, "last_year": 2025} | fields
    with pytest.raises(IntegrityError), transaction.atomic():
        PledgeFactory(**values)


def test_unknown_currency_code_is_a_validation_error():
    pledge = PledgeFactory.build(amount=MILLION, currency="XYZ")
    pledge.donor.save()
    pledge.recipient.save()
    pledge.donor_id, pledge.recipient_id = pledge.donor.pk, pledge.recipient.pk

    with pytest.raises(ValidationError) as error:
        pledge.full_clean()
    assert "currency" in error.value.message_dict


def test_years_display_reads_as_a_span():
    assert qatar_style_pledge().years_display == "2024–2026"
    assert PledgeFactory(first_year=2021).years_display == "2021"
    assert PledgeFactory().years_display == "—"
