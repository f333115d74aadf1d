"""The translated text of records that are not releases (events and their sessions and
participations, people and their positions, organisations, programmes, pledges, topics): what
the public reads in each language is the text last approved in it.

Editors and publishers are trusted with these facts: their saves approve the text as they leave
it, in every language. A translator's change waits beside the approved text until a publisher
approves that language; until then the public reads the approved text, or the fallback language,
labelled as ever (core.languages reads `approved` first). Releases have their own, fuller
mechanism: live and working copies (releases/live_texts.py).
"""

from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.db.models.fields.json import KeyTextTransform, KeyTransform
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import NotRegistered, translator

from .languages import CODES
from .permissions import translation_languages


def approved_field():
    return models.JSONField(
        _("approved text"),
        default=dict,
        blank=True,
        editable=False,
        help_text=_("What the public reads of each language: {language: {field: text}}."),
    )


def text_fields(model):
    """The names of `model`'s translated fields (modeltranslation's), such as "title"."""
    try:
        return sorted(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return []


def has_approved_text(obj):
    return hasattr(obj, "approved") and bool(text_fields(type(obj)))


def current_text(obj, language):
    """{field: text} of `obj` in `language` as staff have left it."""
    return {field: getattr(obj, f"{field}_{language}") or "" for field in text_fields(type(obj))}


def approve(obj, languages=CODES):
    """Make the text of `obj` in `languages` what the public reads (the caller saves)."""
    approved = dict(obj.approved or {})
    for language in languages:
        approved[language] = current_text(obj, language)
    obj.approved = approved


def approved(obj):
    """`obj` with all its text approved: for the system's own writes."""
    approve(obj)
    return obj


def awaiting(obj):
    """The languages in which the text of `obj` waits for a publisher's approval."""
    return [
        language
        for language in CODES
        if current_text(obj, language)
        != {
            field: (obj.approved or {}).get(language, {}).get(field, "")
            for field in text_fields(type(obj))
        }
    ]


def awaiting_rows(rows, language):
    """The rows of the queryset `rows` whose text in `language` waits for approval: the queue
    of that language."""
    aliases, condition = {}, Q(pk__in=[])
    for field in text_fields(rows.model):
        aliases[f"approved_{field}"] = Coalesce(
            KeyTextTransform(field, KeyTransform(language, "approved")),
            Value(""),
            output_field=models.TextField(),
        )
        aliases[f"current_{field}"] = Coalesce(
            F(f"{field}_{language}"), Value(""), output_field=models.TextField()
        )
        condition |= ~Q(**{f"approved_{field}": F(f"current_{field}")})
    return rows.alias(**aliases).filter(condition)


def text_columns(*fields):
    """The columns the public text of translated `fields` is read from (by field_values): the
    approved text, and each field in each language; for `.only()`."""
    return ["approved", *(f"{field}_{code}" for field in fields for code in CODES)]


def public_columns(field, column=""):
    """{alias: expression} giving the public text of `field` in each language (alias
    "<field>_<code>_public") for a row of values, of `column`'s record or the record itself:
    as field_values reads it, without loading the whole approved text of every field."""
    prefix = f"{column}__" if column else ""
    return {
        f"{field}_{code}_public": Case(
            When(**{f"{prefix}approved": {}}, then=F(f"{prefix}{field}_{code}")),
            default=KeyTextTransform(field, KeyTransform(code, f"{prefix}approved")),
            output_field=models.TextField(),
        )
        for code in CODES
    }


def public_names(row, column="", field="name"):
    """{language: name} the public reads, from a row of values (of `column`'s record, or the
    record itself): the approved names (or another `field`, an event's title) where it keeps
    them, its own fields otherwise."""
    prefix = f"{column}__" if column else ""
    approved = row[f"{prefix}approved"]
    if approved:
        return {code: approved.get(code, {}).get(field, "") for code in CODES}
    return {code: row[f"{prefix}{field}_{code}"] for code in CODES}


def settle_text(obj, user):
    """Before `obj` is saved by `user`: an editor's or publisher's save approves its text in
    every language; a translator's change waits beside the text approved before (the text as
    stored, when none was ever approved), until a publisher approves its language."""
    if translation_languages(user) is None:
        approve(obj)
        return
    if not obj.approved and obj.pk:
        stored = type(obj)._default_manager.filter(pk=obj.pk).first()
        if stored is not None:
            approve(stored)
            obj.approved = stored.approved
