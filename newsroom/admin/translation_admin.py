"""The base of every translated model's admin.

Per-language fields sit in tabs, each input carries its language's `lang` and `dir` whatever the
admin's own language, and a translator may change only their own language's fields: everything
else is read-only for them, on the server, not just in the page.
"""

from django.utils.translation import get_language_info
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline
from modeltranslation.translator import translator

from newsroom.roles import translation_languages


def direction(language):
    return "rtl" if get_language_info(language)["bidi"] else "ltr"


class LanguageScopedMixin:
    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        language = getattr(db_field, "language", None)
        if formfield is not None and language:
            formfield.widget.attrs.update(lang=language, dir=direction(language))
        return formfield

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        languages = translation_languages(request.user)
        if languages is None:
            return readonly
        options = translator.get_options_for_model(self.model)
        editable = {
            field.name
            for fields in options.all_fields.values()
            for field in fields
            if field.language in languages
        }
        model_fields = [
            field.name
            for field in self.model._meta.get_fields()
            if (field.concrete or field.many_to_many)
            and not field.auto_created
            and getattr(field, "editable", False)
            and field.name not in options.all_fields
        ]
        return readonly + [
            name for name in model_fields if name not in editable and name not in readonly
        ]


class NewsroomTranslationAdmin(LanguageScopedMixin, TabbedTranslationAdmin):
    pass


class NewsroomTranslationInline(LanguageScopedMixin, TranslationTabularInline):
    pass
