"""Dates the sources state only in part: "October 2022", "2021", or not at all."""

from django.db import models
from django.utils import formats
from django.utils.translation import gettext_lazy as _


class DatePrecision(models.TextChoices):
    DAY = "day", _("day")
    MONTH = "month", _("month")
    YEAR = "year", _("year")
    UNKNOWN = "unknown", _("unknown")


PRECISION_FORMATS = {
    DatePrecision.DAY: "DATE_FORMAT",
    DatePrecision.MONTH: "YEAR_MONTH_FORMAT",
    DatePrecision.YEAR: "Y",
}


def format_partial_date(value, precision):
    """The date as precisely as it is known, in the active language's format."""
    if value is None or precision == DatePrecision.UNKNOWN:
        return _("date to be confirmed")
    return formats.date_format(value, PRECISION_FORMATS[precision])
