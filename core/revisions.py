"""Any two revisions of a record side by side, from django-reversion's own data.

Per language, each translated field that differs between the two, the older and the newer text
each in its language's direction, and the words that changed; then the other fields that
differ, foreign keys and choices as staff read them. Plain HTML forms only: the site's
Content-Security-Policy allows no inline script or style.
"""

import html
import json
import re
from collections import defaultdict
from contextlib import contextmanager
from datetime import date, datetime

from django.apps import apps
from django.conf import settings
from django.contrib import messages
from django.contrib.admin.models import LogEntry
from django.contrib.admin.utils import quote, unquote
from django.contrib.auth import get_permission_codename
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats
from django.utils.dateparse import parse_datetime
from django.utils.html import format_html, strip_tags
from django.utils.text import capfirst
from django.utils.translation import get_language, gettext, override
from modeltranslation.translator import NotRegistered, translator
from reversion import is_active, set_comment
from reversion.models import Version

from core.admin_l10n import digits, moment
from core.diffs import word_diff
from core.languages import CODES, comma, direction
from core.permissions import translation_languages

# The largest key a database stores: past it, SQLite fails rather than finding nothing.
LARGEST_ID = 2**63 - 1

# Where a block of rich text ends, a line ends: its last word and the next block's first stay
# two words once the tags are gone.
BLOCK_END = re.compile(r"</?(?:p|br|h[1-6]|li|ul|ol|blockquote|figure|figcaption|hr|tr)\b[^>]*>")


def as_text(value):
    """Rich text (HTML) as its reader reads it, without tags: never rendered raw here."""
    if strip_tags(value) == value:
        return value
    return html.unescape(strip_tags(BLOCK_END.sub("\n", value))).strip()


def translated_columns(model):
    """{column: (translated field, language)}: title_fa is ("title", "fa")."""
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return {}
    return {
        column.name: (name, column.language)
        for name, columns in options.all_fields.items()
        for column in columns
    }


def compared_fields(model, translated):
    """The fields staff edit, in the form's order; a translated field by its languages' columns
    (the field itself only reads the active language's)."""
    originals = {name for name, _language in translated.values()}
    return [
        field
        for field in model._meta.get_fields()
        if (field.concrete or field.many_to_many)
        and not field.auto_created
        and field.editable
        and field.name not in originals
    ]


def comparable(value):
    # modeltranslation keeps a missing translation as NULL and an erased one as "": both empty.
    if value is None:
        return ""
    return sorted(value) if isinstance(value, list) else value


def related_names(fields, field_dicts):
    """{(model, pk): name} of every record the `fields` point at in any of `field_dicts`: one
    query per related model, however many fields point at it."""
    wanted = defaultdict(set)
    for field in fields:
        for values in field_dicts:
            value = values.get(field.attname)
            if field.many_to_many:
                wanted[field.related_model].update(value or ())
            elif value is not None:
                wanted[field.related_model].add(value)
    return {
        (related, pk): str(record)
        for related, pks in wanted.items()
        for pk, record in related._default_manager.in_bulk(pks).items()
    }


def shown(field, value, names):
    """`value` of `field` as staff read it: a record by its name, a choice by its label, a
    date in the admin's language."""
    if value in (None, "", []):
        return ""
    if field.is_relation:
        pks = value if field.many_to_many else [value]
        return comma().join(
            sorted(
                names.get((field.related_model, pk)) or gettext("deleted (#%(id)s)") % {"id": pk}
                for pk in pks
            )
        )
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if isinstance(value, (date, datetime)):
        return moment(value)
    if isinstance(value, str):
        return as_text(value)
    return digits(formats.localize(value))


def differences(model, older, newer):
    """The sections of the comparison of two versions of a `model` record: one per language
    whose text differs, then one of the fields every language shares, each with its rows
    (label, old, new and, for text in a language, the word diff)."""
    translated = translated_columns(model)
    before, after = older.field_dict, newer.field_dict
    changed = [
        field
        for field in compared_fields(model, translated)
        if comparable(before.get(field.attname)) != comparable(after.get(field.attname))
    ]
    names = related_names([field for field in changed if field.is_relation], (before, after))
    by_language, shared = defaultdict(list), []
    for field in changed:
        old = shown(field, before.get(field.attname), names)
        new = shown(field, after.get(field.attname), names)
        if field.name in translated:
            name, language = translated[field.name]
            label = model._meta.get_field(name).verbose_name
            by_language[language].append(
                {"label": label, "old": old, "new": new, "diff": word_diff(old, new, language)}
            )
        else:
            shared.append({"label": field.verbose_name, "old": old, "new": new})
    language_names = dict(settings.LANGUAGES)
    sections = [
        {
            "language": code,
            "direction": direction(code),
            "name": language_names[code],
            "rows": by_language[code],
        }
        for code in CODES
        if by_language[code]
    ]
    if shared:
        sections.append({"language": None, "name": gettext("Every language"), "rows": shared})
    return sections


def saved_by(version):
    """Who saved the revision and when, in the admin's language."""
    user = version.revision.user
    return gettext("Saved by %(user)s on %(when)s") % {
        "user": user.get_username() if user else gettext("unknown"),
        "when": moment(version.revision.date_created),
    }


# What a revision did is kept as data (its comment, as JSON: which fields changed, which rows
# were added, changed or deleted, the revision a restore brought back) and written out in the
# language of whoever reads the history, not of whoever saved: django-reversion would keep the
# admin's message as the saver's admin wrote it, field labels in English ("Title [fa]").
ACTIONS = ("added", "changed", "deleted")


def names_in_every_language(obj):
    """{language: str(obj)}: a row's name as each language's history will show it."""
    names = {}
    for code in CODES:
        with override(code):
            names[code] = str(obj)
    return names


def described_changes(form, formsets, add):
    """What an admin save changed, as data (`revision_comment` writes it out)."""
    changes = [{"added": {}}] if add else []
    if not add and form.changed_data:
        changes.append({"changed": {"fields": list(form.changed_data)}})
    for formset in formsets or ():
        label = formset.model._meta.label_lower
        rows = [
            *(("added", obj, []) for obj in formset.new_objects),
            *(("changed", obj, fields) for obj, fields in formset.changed_objects),
            *(("deleted", obj, []) for obj in formset.deleted_objects),
        ]
        for action, obj, fields in rows:
            row = {"model": label, "object": names_in_every_language(obj)}
            changes.append({action: row | ({"fields": list(fields)} if fields else {})})
    return changes


def field_label(model, name):
    """The name staff read for `model`'s field `name`; a translation's field with its
    language's name ("Title (Persian)")."""
    translated = translated_columns(model)
    if name in translated:
        original, language = translated[name]
        return gettext("%(field)s (%(language)s)") % {
            "field": capfirst(model._meta.get_field(original).verbose_name),
            "language": dict(settings.LANGUAGES)[language],
        }
    try:
        return capfirst(model._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return name


def listed(names):
    """Names as one phrase: "a، b and c", with the admin's language's comma and "and"."""
    if len(names) < 2:
        return "".join(names)
    return gettext("%(names)s and %(last)s") % {
        "names": comma().join(names[:-1]),
        "last": names[-1],
    }


def revision_comment(comment, model):
    """What a revision did, in the active language. A comment kept as text (written before
    comments were kept as data, or by a command) is shown as it was written."""
    try:
        changes = json.loads(comment) if comment.startswith("[") else None
    except ValueError:
        changes = None
    if not isinstance(changes, list):
        return comment
    sentences = []
    for change in changes:
        if "restored" in change:
            saved_at = parse_datetime(change["restored"].get("saved_at") or "")
            sentences.append(
                gettext("The revision saved on %(when)s was restored.")
                % {"when": moment(saved_at) if saved_at else gettext("unknown")}
            )
            continue
        for action in ACTIONS:
            if action in change:
                sentences.append(described(action, change[action], model))
    return " ".join(sentences) or gettext("No fields changed.")


def english_labels(model):
    """{the label Django's log gives a field of `model` (its English verbose name): its name}."""
    with override(None):
        return {
            str(capfirst(field.verbose_name)): field.name
            for field in model._meta.get_fields()
            if (field.concrete or field.many_to_many) and not field.auto_created
        }


def logged_changes(entry, model, inline_models):
    """What an admin log `entry` says, as `revision_comment` writes a revision's: Django keeps
    the fields by their English labels (and a row's name in English), which are read back as the
    fields they name. A message the newsroom wrote as text (in English, for staff of every
    language) is shown as written."""
    message = entry.change_message
    try:
        changes = json.loads(message) if message.startswith("[") else None
    except ValueError:
        changes = None
    if not isinstance(changes, list):
        return entry.get_change_message()
    with override(None):
        rows = {str(inline._meta.verbose_name): inline for inline in inline_models}
    sentences = []
    for change in changes:
        for action in ACTIONS:
            if action not in change:
                continue
            details = change[action]
            target = rows.get(details.get("name"), model)
            labels = english_labels(target)
            found = {"fields": [labels.get(label, label) for label in details.get("fields", ())]}
            if "name" in details:
                found |= {
                    "model": target._meta.label_lower,
                    "object": {get_language(): details.get("object", "")},
                }
            sentences.append(described(action, found, target))
    return " ".join(sentences) or gettext("No fields changed.")


class LoggedChangesMixin:
    """For a ModelAdmin: its history page (Django's, from the admin log) says what each entry
    did in the reader's language (a VersionAdmin's page lists revisions instead)."""

    def history_view(self, request, object_id, extra_context=None):
        response = super().history_view(request, object_id, extra_context)
        inline_models = [inline.model for inline in self.inlines]
        for entry in (getattr(response, "context_data", None) or {}).get("action_list") or ():
            if isinstance(entry, LogEntry):
                entry.shown_message = logged_changes(entry, self.model, inline_models)
        return response


def described(action, details, model):
    """One change (`action` "added", "changed" or "deleted" of the record or of one of its
    rows) as a sentence in the active language, with Django's own words for it."""
    if "model" in details:
        try:
            model = apps.get_model(details["model"])
            name = model._meta.verbose_name
        except LookupError:
            name = details["model"]
        names = details.get("object") or {}
        obj = names.get(get_language()) or next(iter(names.values()), "")
    fields = listed([str(field_label(model, field)) for field in details.get("fields", ())])
    if "model" not in details:
        return (
            gettext("Added.")
            if action == "added"
            else gettext("Changed {fields}.").format(fields=fields)
        )
    if action == "added":
        return gettext("Added {name} “{object}”.").format(name=name, object=obj)
    if action == "deleted":
        return gettext("Deleted {name} “{object}”.").format(name=name, object=obj)
    return gettext("Changed {fields} for {name} “{object}”.").format(
        fields=fields, name=name, object=obj
    )


class RevisionCompareMixin:
    """For a reversion.admin.VersionAdmin (put this before it): "Compare" on the history page
    and the comparison at <object_id>/history/compare/?a=<version>&b=<version>, the two newest
    revisions by default. Restoring a revision needs the right to change all that it writes
    back. Each revision keeps what it did as data, which the history writes out in its reader's
    language (`revision_comment`)."""

    compare_template = "admin/revisions/compare.html"

    def construct_change_message(self, request, form, formsets, add=False):
        # The admin log keeps Django's message; the revision keeps the same change as data.
        request.revision_changes = described_changes(form, formsets, add)
        return super().construct_change_message(request, form, formsets, add)

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        self.comment_revision(request)
        return entry

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        self.comment_revision(request)
        return entry

    def comment_revision(self, request):
        # After reversion's own comment (the message as this user's admin wrote it): replaced.
        changes = getattr(request, "revision_changes", None)
        if is_active() and changes is not None:
            set_comment(json.dumps(changes, ensure_ascii=False))

    @contextmanager
    def create_revision(self, request):
        with super().create_revision(request):
            yield
            # Reached only once a restore has saved (reversion rolls a preview or a refused
            # form back with an exception): the revision says which one it brought back,
            # instead of reversion's sentence in the restorer's language.
            restored = getattr(request, "restored_revision", None)
            if restored is not None and request.method == "POST":
                saved_at = restored.date_created.isoformat()
                set_comment(json.dumps([{"restored": {"saved_at": saved_at}}]))

    def response_change(self, request, obj):
        restored = getattr(request, "restored_revision", None)
        if restored is None:
            return super().response_change(request, obj)
        self.message_user(
            request,
            format_html(
                gettext("The revision of the {name} “{obj}” saved on {when} was restored."),
                name=self.opts.verbose_name,
                obj=obj,
                when=moment(restored.date_created),
            ),
            messages.SUCCESS,
        )
        return self.response_post_save_change(request, obj)

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<path:object_id>/history/compare/",
                self.admin_site.admin_view(self.compare_view),
                name="{}_{}_compare".format(*info),
            ),
            *super().get_urls(),
        ]

    def reversion_register(self, model, **options):
        # A revision follows the rows that belong to the record (deleted with it: an event's
        # sessions), never a record that only points at it: a pledge announced at an event
        # keeps its own history and its own rules (who may change it, whether it is public).
        if model is self.model:
            options["follow"] = tuple(
                name
                for name in options.get("follow", ())
                if not isinstance(field := model._meta.get_field(name), models.ForeignObjectRel)
                or field.on_delete is models.CASCADE
            )
        super().reversion_register(model, **options)

    def history_view(self, request, object_id, extra_context=None):
        response = super().history_view(request, object_id, extra_context)
        context = getattr(response, "context_data", None)
        for action in (context or {}).get("action_list") or ():
            action["comment"] = revision_comment(action["revision"].comment, self.model)
        if not context or len(context.get("action_list") or ()) < 2:
            return response
        # Each row's version, for the two columns of "compare" buttons; the two newest chosen.
        versions = dict(
            Version.objects.get_for_object_reference(self.model, unquote(object_id)).values_list(
                "revision_id", "pk"
            )
        )
        for action in context["action_list"]:
            action["version_id"] = versions[action["revision"].pk]
        info = self.opts.app_label, self.opts.model_name
        context["compare_url"] = reverse(
            "admin:{}_{}_compare".format(*info), args=[object_id], current_app=self.admin_site.name
        )
        context["compare_defaults"] = sorted(versions.values())[-2:]
        return response

    def compare_view(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_view_permission(request, obj):
            raise PermissionDenied
        versions = self.compared_versions(request, obj)
        info = self.opts.app_label, self.opts.model_name
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Compare revisions: %(record)s") % {"record": obj},
            "opts": self.opts,
            "object": obj,
            "history_url": reverse(
                "admin:{}_{}_history".format(*info),
                args=[quote(obj.pk)],
                current_app=self.admin_site.name,
            ),
        }
        if len(versions) == 2:
            older, newer = versions
            context |= {
                "older": saved_by(older),
                "newer": saved_by(newer),
                "sections": differences(self.model, older, newer),
            }
        return TemplateResponse(request, self.compare_template, context)

    def compared_versions(self, request, obj):
        """The two versions of `obj` asked for (?a=&b=), or its two newest, the older first.
        An id that is no version of `obj` is a 404."""
        versions = Version.objects.get_for_object(obj).select_related("revision__user")
        asked = [request.GET.get("a"), request.GET.get("b")]
        if any(asked):
            if not all(value and value.isascii() and value.isdigit() for value in asked):
                raise Http404
            ids = {int(value) for value in asked}
            found = list(versions.filter(pk__in=ids)) if max(ids) <= LARGEST_ID else []
            if len(found) != len(ids):
                raise Http404
        else:
            found = list(versions[:2])
        return sorted(found, key=lambda version: (version.revision.date_created, version.pk))

    def revision_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            self.refuse_restoring_what_user_may_not_change(request, version_id)
            request.restored_revision = self.revision_of(version_id)
        return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if request.method == "POST":
            self.refuse_restoring_what_user_may_not_change(request, version_id)
            request.restored_revision = self.revision_of(version_id)
        return super().recover_view(request, version_id, extra_context)

    def revision_of(self, version_id):
        version = Version.objects.filter(pk=version_id).select_related("revision").first()
        return version.revision if version else None

    def refuse_restoring_what_user_may_not_change(self, request, version_id):
        # A restore writes back every field of every record in the revision, before any form
        # is checked: a translator (who changes one language's text) may not, nor may anyone
        # who may not change each of the records it holds.
        if translation_languages(request.user) is not None:
            raise PermissionDenied
        version = Version.objects.filter(pk=version_id).select_related("revision").first()
        if version is None:
            return
        content_types = set(version.revision.version_set.values_list("content_type", flat=True))
        for content_type in content_types:
            model = ContentType.objects.get_for_id(content_type).model_class()
            codename = get_permission_codename("change", model._meta)
            if not request.user.has_perm(f"{model._meta.app_label}.{codename}"):
                raise PermissionDenied
