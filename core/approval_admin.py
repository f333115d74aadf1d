"""The admin's side of approved text (core/approved_text.py): a translator's change waits for a
publisher, who finds it in the queue of its language and approves that language's text."""

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import ActionLocation
from django.contrib.admin.models import CHANGE, LogEntry
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext, ngettext, override
from django.utils.translation import gettext_lazy as _

from .approved_text import approve, awaiting, awaiting_rows, settle_text
from .languages import CODES, english_name
from .permissions import can_publish


def keeps_approved_text(model):
    return any(field.name == "approved" for field in model._meta.concrete_fields)


def inline_key(inline, parent):
    """The name of the inline model's foreign key to `parent`."""
    if inline.fk_name:
        return inline.fk_name
    return next(f.name for f in inline.model._meta.fields if f.related_model is parent)


class AwaitingApprovalFilter(admin.SimpleListFilter):
    """One queue per language: the records whose text there (or one of their inline rows')
    waits for a publisher."""

    title = _("awaiting approval")
    parameter_name = "awaiting"

    def lookups(self, request, model_admin):
        self.inlines = [i for i in model_admin.inlines if keeps_approved_text(i.model)]
        return [(code, name) for code, name in settings.LANGUAGES]

    def queryset(self, request, queryset):
        code = self.value()
        if code not in CODES:
            return queryset
        model = queryset.model
        condition = Exists(awaiting_rows(model._default_manager.filter(pk=OuterRef("pk")), code))
        for inline in self.inlines:
            rows = inline.model._default_manager.filter(
                **{inline_key(inline, model): OuterRef("pk")}
            )
            condition |= Exists(awaiting_rows(rows, code))
        return queryset.filter(condition)


class ApprovedTextMixin:
    """For a model that keeps approved text: saves settle it (an editor's approves, a
    translator's waits), and publishers approve a language from the list or the queue."""

    def keeps_approved_text(self):
        return keeps_approved_text(self.model)

    def approved_inlines(self):
        return [inline for inline in self.inlines if keeps_approved_text(inline.model)]

    def save_model(self, request, obj, form, change):
        if self.keeps_approved_text():
            settle_text(obj, request.user)
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        if not keeps_approved_text(formset.model):
            super().save_formset(request, form, formset, change)
            return
        for row in formset.save(commit=False):
            settle_text(row, request.user)
            row.save()
        for row in formset.deleted_objects:
            row.delete()
        formset.save_m2m()

    def get_list_filter(self, request):
        found = list(super().get_list_filter(request))
        return [*found, AwaitingApprovalFilter] if self.keeps_approved_text() else found

    def get_list_display(self, request):
        found = list(super().get_list_display(request))
        return [*found, "awaiting_display"] if self.keeps_approved_text() else found

    @admin.display(description=_("awaiting approval"))
    def awaiting_display(self, obj):
        return " ".join(code.upper() for code in awaiting(obj))

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        actions = super().get_actions(request, action_location=action_location)
        on_list = action_location == ActionLocation.CHANGE_LIST
        if on_list and self.keeps_approved_text() and can_publish(request.user):
            for code, name in settings.LANGUAGES:
                description = gettext(
                    "Approve the %(language)s text of the selected %(records)s"
                ) % {"language": name, "records": self.opts.verbose_name_plural}
                actions[f"approve_{code}"] = (
                    approve_language(code),
                    f"approve_{code}",
                    description,
                )
        return actions


def approve_language(code):
    """The admin action that makes the selected records' text in `code` what the public reads."""

    def approve_selected(model_admin, request, queryset):
        if not can_publish(request.user):
            return
        with override("en"):
            message = f"Approved the {english_name(code)} text."
        for obj in queryset:
            approve(obj, [code])
            obj.save(update_fields=["approved"])
            for inline in model_admin.approved_inlines():
                rows = inline.model._default_manager.filter(
                    **{inline_key(inline, model_admin.model): obj}
                )
                for row in rows:
                    approve(row, [code])
                    row.save(update_fields=["approved"])
            LogEntry.objects.log_actions(
                user_id=request.user.pk,
                queryset=[obj],
                action_flag=CHANGE,
                change_message=message,
                single_object=True,
            )
        model_admin.message_user(
            request,
            ngettext("%(count)d record approved.", "%(count)d records approved.", queryset.count())
            % {"count": queryset.count()},
            messages.SUCCESS,
        )

    return approve_selected
