"""Counts, dates and numbers in the admin as its reader writes them.

The admin speaks each staff member's language (newsroom/middleware.py); this module makes its
figures follow the public site's rules too: Persian digits in the Persian admin
(core.arabic_script.local_digits), a counted noun in the form its language gives that number
(the catalogues' plural rules: Arabic's six forms, Persian's singular after a number), and
dates in the order each language writes them. Inputs keep Latin digits: browsers and Django's
form fields read those.
"""

from datetime import date, datetime

from django.contrib import admin
from django.contrib.admin.utils import display_for_field
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import get_language, ngettext_lazy

from core.arabic_script import local_digits

# The admin's own formats where Django's locale lacks one: Arabic has no DATETIME_FORMAT of
# its own, so Django's default ("N j, Y, P", English order) would show. Day before month, no
# comma before the year, as core.dates writes Arabic dates; the other languages keep Django's.
DATE_FORMATS = {"ar": "j F Y"}
DATETIME_FORMATS = {"ar": "j F Y، g:i A"}

# A change list's count, per model: each language's catalogue gives its noun the form the number
# takes. Models not named here are counted as Django counts them.
COUNTED = {
    "newsroom.release": ngettext_lazy("%(shown)s release", "%(shown)s releases", "count"),
    "newsroom.topic": ngettext_lazy("%(shown)s topic", "%(shown)s topics", "count"),
    "events.event": ngettext_lazy("%(shown)s event", "%(shown)s events", "count"),
    "people.person": ngettext_lazy("%(shown)s person", "%(shown)s people", "count"),
    "organisations.organisation": ngettext_lazy(
        "%(shown)s organisation", "%(shown)s organisations", "count"
    ),
    "organisations.programme": ngettext_lazy(
        "%(shown)s programme", "%(shown)s programmes", "count"
    ),
    "organisations.pledge": ngettext_lazy("%(shown)s pledge", "%(shown)s pledges", "count"),
    "auth.user": ngettext_lazy("%(shown)s user", "%(shown)s users", "count"),
    "auth.group": ngettext_lazy("%(shown)s group", "%(shown)s groups", "count"),
}


def digits(value):
    """`value` in the digits of the admin's language."""
    return local_digits(value, get_language())


def counted(opts, count):
    """`count` records of the model `opts` describes, as the admin's language says it."""
    phrase = COUNTED.get(opts.label_lower)
    if phrase is None:
        noun = opts.verbose_name if count == 1 else opts.verbose_name_plural
        return f"{digits(count)} {noun}"
    return phrase % {"count": count, "shown": digits(count)}


def moment(value):
    """A date or a date and time, in the admin's language and digits (in the site's time zone)."""
    language = get_language()
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        shown = formats.date_format(value, DATETIME_FORMATS.get(language, "DATETIME_FORMAT"))
    else:
        shown = formats.date_format(value, DATE_FORMATS.get(language, "DATE_FORMAT"))
    return local_digits(shown, language)


NUMBERS = (models.IntegerField, models.DecimalField, models.FloatField)


def localised_field(field):
    """Whether the admin shows `field`'s value through `shown` (in a change list, or read-only
    in a form): a date or a number that is not a choice."""
    return isinstance(field, (models.DateField, *NUMBERS)) and not (
        field.choices or field.auto_created
    )


# Persian writes a decimal fraction after the momayyez, not a full stop.
DECIMAL_SIGNS = {"fa": "\u066b"}


def shown(field, value):
    """`value` of `field` as a change list shows it, in the reader's digits and date order."""
    if isinstance(value, (date, datetime)):
        return moment(value)
    text = display_for_field(value, field, "")
    sign = DECIMAL_SIGNS.get(get_language())
    if sign and isinstance(field, (models.DecimalField, models.FloatField)):
        text = text.replace(formats.get_format("DECIMAL_SEPARATOR"), sign)
    return digits(text)


def localised_column(field):
    """A change list column of `field` showing `shown`, sorted and titled as the field's."""

    @admin.display(description=field.verbose_name, ordering=field.name)
    def column(obj):
        value = getattr(obj, field.attname)
        # None: Django shows the admin's sign for an empty value.
        return None if value is None else shown(field, value)

    column.__name__ = field.name  # the column's CSS class and header stay "field-<name>"
    return column


class LocalisedValuesFilter(admin.AllValuesFieldListFilter):
    """Django's filter by each value a field holds (a year), the values in the reader's digits."""

    def choices(self, changelist):
        for choice in super().choices(changelist):
            yield choice | {"display": digits(choice["display"])}


class LocalisedColumnsMixin:
    """For a ModelAdmin: its change list shows dates and numbers in the reader's digits and date
    order (Django formats them alike in every language, with Latin digits), and so do the
    filters by a number's values."""

    def get_list_filter(self, request):
        numbers = {
            field.name
            for field in self.model._meta.get_fields()
            if isinstance(field, NUMBERS) and not field.choices and not field.auto_created
        }
        return [
            (name, LocalisedValuesFilter) if isinstance(name, str) and name in numbers else name
            for name in super().get_list_filter(request)
        ]

    def get_list_display(self, request):
        found = super().get_list_display(request)
        columns = {}
        for field in self.model._meta.get_fields():
            if getattr(field, "concrete", False) and localised_field(field):
                columns[field.name] = field
        editable = set(self.list_editable)
        return [
            localised_column(columns[name])
            if isinstance(name, str) and name in columns and name not in editable
            else name
            for name in found
        ]
