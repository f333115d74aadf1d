from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from .models import Person, Position


class PositionInline(TranslationTabularInline):
    model = Position
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(Person)
class PersonAdmin(TranslationAdmin):
    list_display = ["name", "honorific", "name_en", "name_fa"]
    search_fields = ["name_ar", "name_en", "name_fa"]
    inlines = [PositionInline]
