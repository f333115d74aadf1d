import reversion
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Model, Prefetch, prefetch_related_objects
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin
from reversion.models import Version

from core.admin_l10n import digits
from core.diffs import word_diff
from core.edit_conflicts import VersionedForm
from core.languages import CODES, direction
from core.permissions import can_publish, translation_languages
from core.revisions import RevisionCompareMixin
from core.translation_admin import NewsroomTranslationAdmin, NewsroomTranslationInline
from core.widgets import RichTextEditor
from releases import freshness, live_texts, services, workflow
from releases.models import LanguageVersion, Quote, Release
from releases.models.release import LIST_DEFERRED

BODY_EDITOR_CONFIG = {
    "extensions": {
        "Bold": True,
        "Italic": True,
        "Heading": {"levels": [2, 3]},
        "BulletList": True,
        "ListItem": True,
        "OrderedList": True,
        "Blockquote": True,
        "Link": {"enableTarget": False},
        "HardBreak": True,
        "History": True,
    }
}


class TranslationQueueFilter(admin.SimpleListFilter):
    title = _("translation queue")
    parameter_name = "queue"

    def lookups(self, request, model_admin):
        languages = translation_languages(request.user) or CODES
        labels = {"missing": _("missing"), "stale": _("stale"), "review": _("in review")}
        names = dict(settings.LANGUAGES)
        return [
            (f"{code}:{state}", f"{names[code]}: {label}")
            for code in CODES
            if code in languages
            for state, label in labels.items()
        ]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        language, _sep, state = self.value().partition(":")
        if language not in CODES:
            return queryset.none()
        queryset = queryset.exclude(source_language=language)
        # Each translation's freshness as stored on its every write (freshness.store_states).
        if state in (freshness.MISSING, freshness.STALE):
            return queryset.filter(
                language_versions__language=language, language_versions__freshness=state
            )
        if state == "review":
            return queryset.filter(
                language_versions__language=language,
                language_versions__status=LanguageVersion.Status.IN_REVIEW,
            )
        return queryset.none()


class ChosenLabels:
    """An autocomplete widget that labels the records already chosen with those its form has
    read (`chosen`, by primary key) instead of reading them again: a query fewer per field and
    per inline row."""

    chosen = None

    def optgroups(self, name, value, attr=None):
        selected = [str(v) for v in value if str(v) not in self.choices.field.empty_values]
        if self.chosen is None or not set(selected) <= self.chosen.keys():
            return super().optgroups(name, value, attr)
        options = []
        if not self.is_required and not self.allow_multiple_selected:
            options.append(self.create_option(name, "", "", False, 0))
        for pk in selected:
            label = self.choices.field.label_from_instance(self.chosen[pk])
            options.append(self.create_option(name, pk, label, True, len(options)))
        return [(None, options, 0)]


class ChosenSelect(ChosenLabels, AutocompleteSelect):
    pass


class ChosenSelectMultiple(ChosenLabels, AutocompleteSelectMultiple):
    pass


class ChosenLabelsAdmin:
    """For a ModelAdmin or an inline: its autocomplete fields label what they hold with the
    records the form read (`label_chosen`)."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request):
            kwargs.setdefault(
                "widget", ChosenSelect(db_field, self.admin_site, using=kwargs.get("using"))
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request):
            kwargs.setdefault(
                "widget", ChosenSelectMultiple(db_field, self.admin_site, using=kwargs.get("using"))
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)


def label_chosen(form):
    """Give each ChosenLabels widget of an unbound `form` the records its field holds: a link's
    from the form's initial values, a foreign key's from its instance, when read with it."""
    if form.is_bound:
        return
    for name, field in form.fields.items():
        widget = getattr(field.widget, "widget", field.widget)
        if not isinstance(widget, ChosenLabels):
            continue
        model_field = form.instance._meta.get_field(name)
        if model_field.many_to_many:
            chosen = form.initial.get(name) or []
        elif model_field.is_cached(form.instance):
            chosen = [getattr(form.instance, name)]
        else:
            continue
        widget.chosen = {str(record.pk): record for record in chosen if isinstance(record, Model)}


class ReleaseAdminForm(VersionedForm):
    user = None  # set by ReleaseAdmin.get_form

    class Meta:
        model = Release
        fields = "__all__"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "status" in self.fields:
            allowed = workflow.allowed_statuses(self.user, self.instance.status)
            self.fields["status"].choices = [
                (value, label) for value, label in Release.Status.choices if value in allowed
            ]
        if "changes" in self.fields:
            # "None" is what publishing the changes makes, not something to choose.
            self.fields["changes"].choices = [
                (value, label) for value, label in Release.Changes.choices if value
            ]
        label_chosen(self)

    def _post_clean(self):
        super()._post_clean()
        # Once the instance holds the form's values: the rules a publication must meet.
        if self.instance.status == Release.Status.PUBLISHED:
            for field, message in workflow.publishing_problems(self.instance).items():
                self.add_error(field if field in self.fields else None, message)


class LanguageVersionFormSet(forms.BaseInlineFormSet):
    def get_queryset(self):
        # The versions the release was read with (ReleaseAdmin.get_queryset), not read again.
        if self.instance.pk is None:
            return super().get_queryset()
        return self.instance.language_versions.all()

    def add_fields(self, form, index):
        super().add_fields(form, index)
        # Only the states this user may give this translation (a translator is not offered
        # "approved", which the server would refuse anyway).
        if "status" in form.fields and form.instance.pk:
            allowed = workflow.allowed_translation_statuses(self.user, form.instance)
            form.fields["status"].choices = [
                (value, label)
                for value, label in LanguageVersion.Status.choices
                if value in allowed
            ]

    def clean(self):
        super().clean()
        for form in self.forms:
            changed = "status" in form.changed_data and "status" in form.cleaned_data
            if not changed or not form.instance.pk:
                continue
            version = LanguageVersion.objects.get(pk=form.instance.pk)
            version.release = self.instance
            try:
                workflow.check_translation_status(self.user, version, form.cleaned_data["status"])
            except ValidationError as error:
                form.add_error("status", error)


class LanguageVersionInline(admin.TabularInline):
    model = LanguageVersion
    formset = LanguageVersionFormSet
    fields = ["language", "freshness", "status", "reviewed_by", "reviewed_at"]
    readonly_fields = ["language", "freshness", "reviewed_by", "reviewed_at"]
    extra = 0
    max_num = 0
    can_delete = False
    verbose_name_plural = _("translations")

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.user = request.user
        return formset

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("fields"))
    def freshness(self, version):
        return freshness_badge(version.freshness)


class QuoteFormSet(forms.BaseInlineFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        label_chosen(form)


class QuoteInline(ChosenLabelsAdmin, NewsroomTranslationInline):
    model = Quote
    formset = QuoteFormSet
    extra = 0
    autocomplete_fields = ["person", "event"]

    def get_queryset(self, request):
        # Each row shows its speaker and event.
        return super().get_queryset(request).select_related("person", "event")


def comparisons(release):
    """For each language that has text: what the public reads, what the working copy would
    change in it (word by word, in the language's direction), and a change scheduled for later.
    The release's own language first."""
    now = timezone.now()
    pending = {
        text.language: text
        for text in release.live_texts.filter(live_from__gt=now).order_by("live_from")
    }
    languages = [release.source_language, *(c for c in CODES if c != release.source_language)]
    found = []
    for code in languages:
        live = release.live_text(code)
        working = live_texts.working_values(release, code)
        if live is None and not any(working.values()):
            continue
        rows = [
            (
                Release._meta.get_field(field).verbose_name,
                word_diff(getattr(live, field) if live else "", working[field], code),
            )
            for field in live_texts.changed_fields(release, code)
            if field != "quotes"
        ]
        if "quotes" in live_texts.changed_fields(release, code):
            old = " / ".join(quote.text for quote in live.quotes.all()) if live else ""
            new = " / ".join(quote["text"] for quote in live_texts.working_quotes(release, code))
            rows.append((gettext("quotes"), word_diff(old, new, code)))
        found.append(
            {
                "language": code,
                "name": dict(settings.LANGUAGES)[code],
                "live": live,
                "rows": rows,
                "scheduled": pending.get(code),
            }
        )
    return found


def freshness_badge(state):
    return format_html(
        '<span class="freshness freshness-{}">{}</span>', state, freshness.Freshness(state).label
    )


# Restoring a revision brings back the release's text and quotes; a translation's state
# changes only through its approval (services.set_translation_status), never by a restore.
reversion.register(Quote)
reversion.register(Release, follow=["quotes"])


@admin.register(Release)
class ReleaseAdmin(ChosenLabelsAdmin, RevisionCompareMixin, VersionAdmin, NewsroomTranslationAdmin):
    form = ReleaseAdminForm
    list_display = [
        "title",
        "kind",
        "status_display",
        "published_at",
        "languages_display",
        "updated_at",
    ]
    list_filter = ["status", TranslationQueueFilter, "kind", "source_language", "topics"]
    search_fields = ["title_ar", "title_en", "title_fa"]
    date_hierarchy = "published_at"
    autocomplete_fields = ["events", "people", "organisations", "topics", "source_organisation"]
    readonly_fields = ["import_key", "created_at", "updated_at"]
    inlines = [LanguageVersionInline, QuoteInline]
    actions = ["publish_selected", "unpublish_selected", "archive_selected"]
    show_full_result_count = False
    list_per_page = 50

    def get_queryset(self, request):
        releases = super().get_queryset(request)
        if request.resolver_match and request.resolver_match.url_name.endswith("_changelist"):
            releases = releases.prefetch_related("language_versions")
            # Each language's freshness is read as stored on its language version: the list
            # reads neither the bodies nor the live texts (its actions, which write, do).
            return releases.defer(*LIST_DEFERRED) if request.method == "GET" else releases
        # What the form shows: the source organisation, and the translations inline's rows
        # (LanguageVersionFormSet).
        versions = LanguageVersion.objects.select_related("reviewed_by")
        return releases.select_related("source_organisation").prefetch_related(
            Prefetch("language_versions", queryset=versions)
        )

    def get_object(self, request, object_id, from_field=None):
        release = super().get_object(request, object_id, from_field)
        if release is not None and freshness.is_due(release):
            freshness.store_due_states()
            release = super().get_object(request, object_id, from_field)
        return release

    def get_search_results(self, request, queryset, search_term):
        """Every word in any language and any field, as readers search, through the search
        index: the newest matches first."""
        if not search_term.strip():
            return queryset, False
        return queryset.filter(pk__in=queryset.matching(search_term)), False

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name.startswith("body_"):
            language = db_field.name.rpartition("_")[2]
            kwargs["widget"] = RichTextEditor(
                config=BODY_EDITOR_CONFIG,
                attrs={"lang": language, "dir": direction(language)},
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.user = request.user
        if obj is not None:
            self.add_source_diffs(request, obj, form)
        return form

    def add_source_diffs(self, request, release, form):
        """Beside each stale field, what changed in the source since it was translated."""
        languages = translation_languages(request.user) or CODES
        # A translation with a missing field may have stale ones besides.
        unfinished = [
            version.language
            for version in release.language_versions.all()
            if version.freshness in (freshness.STALE, freshness.MISSING)
            and version.language in languages
        ]
        if not unfinished:
            return
        # Read once, though the admin builds the form more than once.
        prefetch_related_objects([release], "translation_sources")
        recorded = freshness.recorded_sources(release)
        for language in unfinished:
            states = freshness.field_states(release, language, recorded)
            for field, state in states.items():
                name = f"{field}_{language}"
                if state != freshness.STALE or name not in form.base_fields:
                    continue
                old = recorded.get((language, field), "")
                diff = freshness.source_diff(
                    old, freshness.source_text(release, field), release.source_language
                )
                form.base_fields[name].help_text = format_html(
                    '<strong class="freshness freshness-stale">{}</strong>{}',
                    gettext("Stale: the source changed since this was translated:"),
                    diff,
                )

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if not allowed or obj is None or can_publish(request.user):
            return allowed
        # Editors write drafts and correct published releases (their working copy, which a
        # publisher then publishes); an archived release is the publishers' to change.
        if translation_languages(request.user) is None:
            return obj.status != Release.Status.ARCHIVED
        return True

    def get_exclude(self, request, obj=None):
        exclude = list(super().get_exclude(request, obj) or [])
        # Only a published release has changes beside its live text.
        if obj is None or obj.status != Release.Status.PUBLISHED:
            exclude.append("changes")
        return exclude

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        published = obj is not None and obj.status == Release.Status.PUBLISHED
        if published and not can_publish(request.user):
            # When a release is public, and until when, is the publishers' to change.
            readonly += [field for field in ("published_at", "expires_at") if field not in readonly]
        return readonly

    def has_publish_permission(self, request):
        return can_publish(request.user)

    def save_model(self, request, obj, form, change):
        services.save_release(
            release=obj,
            user=request.user,
            written=form.changed_data,
            restoring=getattr(request, "restoring", None),
            checked=form.fields,
            settle=False,  # in save_related, once the quotes are saved too
        )

    def save_related(self, request, form, formsets, change):
        release = form.instance
        links = {
            name: form.cleaned_data[name] for name in services.RELATIONS if name in form.fields
        }
        if links:
            services.set_links(release=release, links=links)
        # The text's own rows (quotes) before what makes text live: approvals, then publishing.
        for formset in sorted(formsets, key=lambda formset: formset.model is LanguageVersion):
            self.save_formset(request, form, formset, change=change)
        services.settle_live(
            release=release,
            user=request.user,
            and_publish="_publish_changes" in request.POST and can_publish(request.user),
        )

    def save_formset(self, request, form, formset, change):
        if formset.model is not LanguageVersion:
            super().save_formset(request, form, formset, change)
            return
        # The translations' states change through the service, not the formset's own save; the
        # admin's change message reads what the formset would have recorded.
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        for version_form in formset.forms:
            if "status" not in version_form.changed_data:
                continue
            version = LanguageVersion.objects.get(pk=version_form.instance.pk)
            version.release = form.instance
            services.set_translation_status(
                version=version, status=version_form.cleaned_data["status"], user=request.user
            )
            formset.changed_objects.append((version, ["status"]))

    def get_urls(self):
        return [
            path(
                "<path:object_id>/changes/",
                self.admin_site.admin_view(self.changes_view),
                name="newsroom_release_changes",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        freshness.store_due_states()
        return super().changelist_view(request, extra_context)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["show_publish_changes"] = (
            obj is not None and obj.status == Release.Status.PUBLISHED and can_publish(request.user)
        )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def changes_view(self, request, object_id):
        """The working copy beside what the public reads, field by field and language by
        language; a publisher publishes the changes (now or at a set time) or sends them back."""
        release = self.get_object(request, unquote(object_id))
        if release is None or not self.has_view_permission(request, release):
            raise Http404
        change_url = reverse("admin:newsroom_release_change", args=[release.pk])
        if request.method == "POST":
            if not can_publish(request.user):
                raise PermissionDenied
            try:
                self.act_on_changes(request, release)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
                return redirect(request.path)
            return redirect(change_url)
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Changes to the live text: %(release)s") % {"release": release},
            "opts": self.opts,
            "original": release,
            "change_url": change_url,
            "comparisons": comparisons(release),
            "can_publish": can_publish(request.user),
        }
        return TemplateResponse(request, "admin/newsroom/release/changes.html", context)

    def act_on_changes(self, request, release):
        action = request.POST.get("action")
        if action == "publish":
            services.publish_changes(release=release, user=request.user)
            self.message_user(request, gettext("The changes are live."), messages.SUCCESS)
        elif action == "schedule":
            at = parse_datetime(request.POST.get("at", ""))
            if at is not None and timezone.is_naive(at):
                at = timezone.make_aware(at)
            if at is None or at <= timezone.now():
                raise ValidationError(gettext("Give a time still to come."))
            services.publish_changes(release=release, user=request.user, at=at)
            self.message_user(request, gettext("The changes are scheduled."), messages.SUCCESS)
        elif action == "send_back":
            services.send_back(release=release, user=request.user)
            self.message_user(request, gettext("The changes were sent back."), messages.SUCCESS)

    def view_on_site(self, obj):
        return reverse("releases:release_preview", kwargs={"pk": obj.pk})

    @admin.display(description=_("status"), ordering="status")
    def status_display(self, release):
        if release.is_scheduled:
            when = timezone.localtime(release.published_at).strftime("%Y-%m-%d %H:%M")
            return format_html(
                '<span class="status-scheduled">{}</span>',
                gettext("scheduled for %(when)s") % {"when": digits(when)},
            )
        return release.get_status_display()

    @admin.display(description=_("languages"))
    def languages_display(self, release):
        versions = {version.language: version for version in release.language_versions.all()}
        return format_html_join(
            " ",
            '<span lang="{}" title="{}">{} {}</span>',
            (
                (
                    code,
                    versions[code].get_status_display() if code in versions else "",
                    code.upper(),
                    # Only the release's own language may have no version.
                    freshness_badge(
                        versions[code].freshness if code in versions else freshness.SOURCE
                    ),
                )
                for code in CODES
            ),
        )

    def transition_selected(self, request, queryset, status):
        changed = 0
        for release in queryset:
            try:
                changed += services.set_status(release=release, status=status, user=request.user)
            except PermissionDenied as error:
                self.message_user(request, f"{release}: {error}", messages.ERROR)
            except ValidationError as error:
                self.message_user(request, f"{release}: {' '.join(error.messages)}", messages.ERROR)
        self.message_user(
            request,
            ngettext("%(count)d release changed.", "%(count)d releases changed.", changed)
            % {"count": changed},
            messages.SUCCESS,
        )

    @admin.action(description=_("Publish selected releases"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        self.transition_selected(request, queryset, Release.Status.PUBLISHED)

    @admin.action(
        description=_("Unpublish selected releases (back to draft)"), permissions=["publish"]
    )
    def unpublish_selected(self, request, queryset):
        self.transition_selected(request, queryset, Release.Status.DRAFT)

    @admin.action(description=_("Archive selected releases"), permissions=["publish"])
    def archive_selected(self, request, queryset):
        self.transition_selected(request, queryset, Release.Status.ARCHIVED)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        self.refuse_restoring_without_publish_right(request)
        if request.method == "POST":
            request.restoring = self.restore_of(version_id, object_id=object_id)
        return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        self.refuse_restoring_without_publish_right(request)
        if request.method == "POST":
            request.restoring = self.restore_of(version_id)
        return super().recover_view(request, version_id, extra_context)

    def restore_of(self, version_id, *, object_id=None):
        """The revision about to be restored and the release's publication as it stands, read
        before reversion writes the revision's fields back. A deleted release comes back as a
        draft, without the image its deletion removed."""
        revision = Version.objects.filter(pk=version_id).select_related("revision__user").first()
        if revision is None:
            return None
        author = revision.revision.user
        found = {
            "revision_saved_at": revision.revision.date_created,
            "revision_saved_by": author.get_username() if author else "unknown",
        }
        if object_id is None:
            return services.Restore(
                **found,
                status=Release.Status.DRAFT,
                published_at=None,
                hero_image="",
                recovered=True,
            )
        current = (
            Release.objects.filter(pk=object_id)
            .values("status", "published_at", "hero_image")
            .first()
        )
        return services.Restore(**found, **current) if current else None

    def refuse_restoring_without_publish_right(self, request):
        # A revision carries its status: restoring one could publish or unpublish.
        if request.method == "POST" and not can_publish(request.user):
            raise PermissionDenied
