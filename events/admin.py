from django.contrib import admin
from reversion.admin import VersionAdmin

from core.revisions import RevisionCompareMixin
from core.translation_admin import NewsroomTranslationAdmin, NewsroomTranslationInline
from organisations.admin import PledgeInline

from .models import Event, Participation, Session


class SessionInline(NewsroomTranslationInline):
    model = Session
    extra = 0


class ParticipationInline(NewsroomTranslationInline):
    model = Participation
    extra = 0
    autocomplete_fields = ["person", "affiliation"]


@admin.register(Event)
class EventAdmin(RevisionCompareMixin, VersionAdmin, NewsroomTranslationAdmin):
    list_display = ["title", "kind", "format", "start_date", "date_precision", "country"]
    list_filter = ["kind", "format", "date_precision", "country"]
    search_fields = ["title_ar", "title_en", "title_fa"]
    date_hierarchy = "start_date"
    autocomplete_fields = ["organisers", "partners", "programme"]
    inlines = [SessionInline, ParticipationInline, PledgeInline]
