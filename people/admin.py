from django.contrib import admin
from reversion.admin import VersionAdmin

from core.revisions import RevisionCompareMixin
from core.translation_admin import NewsroomTranslationAdmin, NewsroomTranslationInline

from .models import Person, Position


class PositionInline(NewsroomTranslationInline):
    model = Position
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(Person)
class PersonAdmin(RevisionCompareMixin, VersionAdmin, NewsroomTranslationAdmin):
    list_display = ["name", "honorific", "name_en", "name_fa"]
    search_fields = ["name_ar", "name_en", "name_fa"]
    inlines = [PositionInline]
