from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from .models import Quote, Release, Topic


class QuoteInline(TranslationTabularInline):
    model = Quote
    extra = 0
    autocomplete_fields = ["person", "event"]


@admin.register(Release)
class ReleaseAdmin(TranslationAdmin):
    list_display = ["title", "kind", "status", "published_at", "import_key"]
    list_filter = ["status", "kind", "topics"]
    search_fields = ["title_ar", "title_en", "title_fa"]
    date_hierarchy = "published_at"
    autocomplete_fields = ["events", "people", "organisations", "topics", "source_organisation"]
    readonly_fields = ["import_key", "created_at", "updated_at"]
    inlines = [QuoteInline]
    show_full_result_count = False


@admin.register(Topic)
class TopicAdmin(TranslationAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name_ar", "name_en", "name_fa"]
