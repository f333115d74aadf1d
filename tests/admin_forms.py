"""Submitting admin forms as a browser would: every field the page rendered, with its value."""

from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.forms import CheckboxInput


def _field_values(bound_field):
    widget = bound_field.field.widget
    if isinstance(widget, RelatedFieldWidgetWrapper):
        widget = widget.widget
    if isinstance(widget, CheckboxInput):
        return [(bound_field.html_name, "on")] if bound_field.value() else []
    context = widget.get_context(bound_field.html_name, bound_field.value(), {})["widget"]
    pairs = []
    for sub in context.get("subwidgets") or [context]:
        value = sub.get("value")
        values = value if isinstance(value, list) else [value]
        pairs.extend((sub["name"], "" if v is None else str(v)) for v in values)
    return pairs


def _form_pairs(form):
    return [pair for bound_field in form for pair in _field_values(bound_field)]


def change_form_data(response, **changes):
    """The POST data of the admin change form in `response`, with `changes` applied."""
    pairs = _form_pairs(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        pairs += _form_pairs(formset.management_form)
        for form in formset.forms:
            pairs += _form_pairs(form)
    data = {}
    for name, value in pairs:
        data.setdefault(name, []).append(value)
    for name, value in changes.items():
        data[name] = value if isinstance(value, list) else [value]
    return data
