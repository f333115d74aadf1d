"""Amounts of money as the page's language writes them, in its digits."""

import re
from copy import copy
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from babel import Locale
from babel.numbers import format_compact_decimal, format_currency
from django.conf import settings
from django.utils.translation import get_language, to_locale
from django.utils.translation import gettext_lazy as _

from core import arabic_script

NOT_DISCLOSED = _("not disclosed")
# An amount Babel writes once per language and currency, to learn how it writes them all.
SAMPLE = re.compile(r"(\D*)1(?P<group>\D+)234(?P=group)567(?:(\D+)89)?(\D*)")


def babel_locale():
    return locale_of(get_language() or settings.LANGUAGE_CODE)


@cache
def locale_of(language):
    # Parsed once per language: a totals table formats hundreds of amounts.
    return Locale.parse(to_locale(language))


def local_digits(text):
    return arabic_script.local_digits(text, get_language())


@cache
def currency_pattern(language, cents):
    pattern = copy(locale_of(language).currency_formats["standard"])
    if not cents:
        pattern.frac_prec = (0, 0)  # "US$15,000,000", not "US$15,000,000.00"
    return pattern


def babel_amount(amount, currency, language, cents):
    # Babel (CLDR) already gives Latin digits for Arabic, as UN Arabic does; for Persian it gives
    # Persian separators with Latin digits, which local_digits makes Persian.
    return format_currency(
        amount,
        currency,
        format=currency_pattern(language, cents),
        locale=locale_of(language),
        currency_digits=False,
        numbering_system="default",
    )


@dataclass(frozen=True)
class Shape:
    """How a language writes amounts of one currency: the text around the digits, and the signs
    it groups them and sets the cents apart with, in place of Python's "," and "."."""

    before: str
    after: str
    signs: dict

    def write(self, amount, cents):
        digits = format(amount, ",.2f" if cents else ",.0f")
        return self.before + digits.translate(self.signs) + self.after


@cache
def shape_of(language, currency, cents):
    """The Shape of `language`'s amounts of `currency`, read from one Babel (CLDR) writes: a
    totals table writes a thousand amounts, each ten times slower through Babel. None where
    digits are not grouped by threes, as Python groups them."""
    sample = Decimal("1234567.89" if cents else "1234567")
    found = SAMPLE.fullmatch(babel_amount(sample, currency, language, cents))
    if not found or currency_pattern(language, cents).grouping != (3, 3):
        return None
    before, group, decimal, after = found.groups()
    return Shape(before, after, str.maketrans({",": group, ".": decimal or "."}))


def format_amount(amount, currency):
    """An amount with its currency, as the page's language writes it; None is "not disclosed"."""
    if amount is None:
        return NOT_DISCLOSED
    amount = Decimal(str(amount))
    language = get_language() or settings.LANGUAGE_CODE
    cents = amount != amount.to_integral_value()
    shape = shape_of(language, currency, cents)
    if shape is None:
        return local_digits(babel_amount(amount, currency, language, cents))
    return local_digits(shape.write(amount, cents))


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
