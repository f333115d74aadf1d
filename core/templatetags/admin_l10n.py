"""The admin's counts, page numbers and dates in its reader's digits and words (core.admin_l10n),
for the admin templates this project overrides."""

from django import template
from django.contrib.admin.views.main import PAGE_VAR
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext

from core import admin_l10n

register = template.Library()


@register.simple_tag
def counted_records(cl):
    """The change list's number of records, its noun in the form the number takes."""
    return admin_l10n.counted(cl.opts, cl.result_count)


@register.simple_tag
def page_link(cl, i):
    """Django's paginator_number, the page's number in the reader's digits."""
    if i == cl.paginator.ELLIPSIS:
        return format_html("{} ", cl.paginator.ELLIPSIS)
    if i == cl.page_num:
        return format_html(
            '<a role="button" href="" aria-current="page">{}</a> ', admin_l10n.digits(i)
        )
    return format_html(
        '<a role="button" href="{}">{}</a> ',
        cl.get_query_string({PAGE_VAR: i}),
        admin_l10n.digits(i),
    )


@register.filter
def moment(value):
    """A date or date and time in the admin's language and digits."""
    return admin_l10n.moment(value) if value else ""


@register.filter
def digits(value):
    return admin_l10n.digits(value)


@register.simple_tag
def readonly_contents(field):
    """A read-only field of an admin form (an AdminReadonlyField) as Django shows it, but a date
    or a number in the reader's digits and date order, and a yes or no named in their language
    (Django names its icon "True" or "False")."""
    name = field.field["name"]
    instance = field.form.instance
    try:
        model_field = instance._meta.get_field(name) if isinstance(name, str) else None
    except FieldDoesNotExist:
        model_field = None
    if model_field is None or not model_field.concrete:
        return field.contents()
    value = getattr(instance, model_field.attname, None)
    if isinstance(model_field, models.BooleanField) and not model_field.choices:
        icon = {True: "yes", False: "no", None: "unknown"}[value]
        words = {True: gettext("Yes"), False: gettext("No"), None: gettext("Unknown")}
        return format_html(
            '<img src="{}" alt="{}">', static(f"admin/img/icon-{icon}.svg"), words[value]
        )
    if value is None or not admin_l10n.localised_field(model_field):
        return field.contents()
    return admin_l10n.shown(model_field, value)
