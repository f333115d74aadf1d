from django.contrib import admin

from core.translation_admin import NewsroomTranslationAdmin
from releases.models import Topic


@admin.register(Topic)
class TopicAdmin(NewsroomTranslationAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name_ar", "name_en", "name_fa"]
