"""Any two revisions of a record side by side, from django-reversion's own data.

Per language, each translated field that differs between the two, the older and the newer text
each in its language's direction, and the words that changed; then the other fields that
differ, foreign keys and choices as staff read them. Plain HTML forms only: the site's
Content-Security-Policy allows no inline script or style.
"""

import html
import re
from collections import defaultdict
from datetime import date, datetime

from django.conf import settings
from django.contrib.admin.utils import quote, unquote
from django.contrib.auth import get_permission_codename
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext
from modeltranslation.translator import NotRegistered, translator
from reversion.models import Version

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
    if isinstance(value, datetime):
        return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")
    if isinstance(value, date):
        return formats.date_format(value, "DATE_FORMAT")
    if isinstance(value, str):
        return as_text(value)
    return str(formats.localize(value))


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
        "when": formats.date_format(
            timezone.localtime(version.revision.date_created), "DATETIME_FORMAT"
        ),
    }


class RevisionCompareMixin:
    """For a reversion.admin.VersionAdmin (put this before it): "Compare" on the history page
    and the comparison at <object_id>/history/compare/?a=<version>&b=<version>, the two newest
    revisions by default. Restoring a revision needs the right to change all that it writes
    back."""

    compare_template = "admin/revisions/compare.html"

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
        return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if request.method == "POST":
            self.refuse_restoring_what_user_may_not_change(request, version_id)
        return super().recover_view(request, version_id, extra_context)

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
