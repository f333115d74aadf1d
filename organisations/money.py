"""Amounts of money as the page's language writes them, in its digits."""

from copy import copy
from decimal import Decimal
from functools import cache

from babel import Locale
from babel.numbers import format_compact_decimal, format_currency
from django.conf import settings
from django.utils.translation import get_language, to_locale
from django.utils.translation import gettext_lazy as _

from core import arabic_script

NOT_DISCLOSED = _("not disclosed")


def babel_locale():
    return locale_of(get_language() or settings.LANGUAGE_CODE)


@cache
def locale_of(language):
    # Parsed once per language: a totals table formats hundreds of amounts.
    return Locale.parse(to_locale(language))


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
