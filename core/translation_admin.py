"""The base of every translated model's admin.

Per-language fields sit in tabs, each input carries its language's `lang` and `dir` whatever the
admin's own language, and a translator may change only their own language's fields: everything
else is read-only for them, on the server, not just in the page.
"""

from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline
from modeltranslation.translator import translator

from core.admin_l10n import LocalisedColumnsMixin
from core.approval_admin import ApprovedTextMixin
from core.edit_conflicts import VersionedForm, next_version
from core.languages import DEFAULT, direction
from core.permissions import translation_languages
from core.revisions import LoggedChangesMixin
from core.sanitising import sanitise_html


def localized_fields(model):
    """{localized field name: language} for every translated field of `model`."""
    options = translator.get_options_for_model(model)
    return {
        field.name: field.language for fields in options.all_fields.values() for field in fields
    }


def source_reference(text, language):
    """The source text shown under a translator's field, in its own language and direction."""
    return format_html(
        '<div class="source-text" lang="{}" dir="{}"><strong>{}</strong> {}</div>',
        language,
        direction(language),
        get_language_info(language)["name_local"],
        mark_safe(sanitise_html(text)) if "<" in text else text,
    )


class LanguageScopedMixin:
    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        language = getattr(db_field, "language", None)
        if formfield is not None and language:
            formfield.widget.attrs.update(lang=language, dir=direction(language))
        return formfield

    def get_exclude(self, request, obj=None):
        exclude = list(super().get_exclude(request, obj) or [])
        languages = translation_languages(request.user)
        if languages is None:
            return exclude
        # Other languages' text is not the translator's: it is not even in their form.
        return exclude + [
            name
            for name, language in localized_fields(self.model).items()
            if language not in languages
        ]

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if translation_languages(request.user) is None:
            return readonly
        options = translator.get_options_for_model(self.model)
        localized = localized_fields(self.model)
        return readonly + [
            field.name
            for field in self.model._meta.get_fields()
            if (field.concrete or field.many_to_many)
            and not field.auto_created
            and getattr(field, "editable", False)
            and field.name not in options.all_fields
            and field.name not in localized
            and field.name not in readonly
        ]

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        languages = translation_languages(request.user)
        if languages and obj is not None:
            self.show_source_beside_translations(obj, form, languages)
        return form

    def show_source_beside_translations(self, obj, form, languages):
        source = getattr(obj, "source_language", DEFAULT)
        for name, language in localized_fields(self.model).items():
            if language not in languages or language == source or name not in form.base_fields:
                continue
            text = getattr(obj, name.removesuffix(f"_{language}") + f"_{source}")
            if text:
                form.base_fields[name].help_text = source_reference(text, source)


class PublicContentMixin:
    """Every save through this admin refuses to overwrite a newer one (core/edit_conflicts.py);
    the readers' pages showing what a save or delete changed are renewed by the records' own
    signals (core/page_tags.py)."""

    form = VersionedForm

    def save_model(self, request, obj, form, change):
        if change:
            obj.version = next_version(obj)
        super().save_model(request, obj, form, change)


class NewsroomTranslationAdmin(
    PublicContentMixin,
    ApprovedTextMixin,
    LanguageScopedMixin,
    LocalisedColumnsMixin,
    LoggedChangesMixin,
    TabbedTranslationAdmin,
):
    class Media:
        css = {"all": ["newsroom/admin.css"]}
        js = ["core/admin_digits.js"]


class NewsroomTranslationInline(LanguageScopedMixin, TranslationTabularInline):
    pass
