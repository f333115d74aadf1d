from django.contrib import admin
from reversion.admin import VersionAdmin

from core.edit_conflicts import VersionedForm, VersionedInlineFormSet
from core.revisions import RevisionCompareMixin
from core.translation_admin import NewsroomTranslationAdmin, NewsroomTranslationInline

from .models import Organisation, Pledge, Programme, ProgrammeFunder


@admin.register(Organisation)
class OrganisationAdmin(RevisionCompareMixin, VersionAdmin, NewsroomTranslationAdmin):
    list_display = ["name", "acronym", "kind", "parent", "country"]
    list_filter = ["kind", "country"]
    search_fields = ["name_ar", "name_en", "name_fa", "acronym_ar", "acronym_en", "acronym_fa"]
    autocomplete_fields = ["parent"]
    list_select_related = ["parent"]


class ProgrammeFunderInline(admin.TabularInline):
    model = ProgrammeFunder
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(Programme)
class ProgrammeAdmin(NewsroomTranslationAdmin):
    list_display = ["name", "kind", "lead"]
    list_filter = ["kind"]
    search_fields = ["name_ar", "name_en", "name_fa", "acronym_ar", "acronym_en", "acronym_fa"]
    autocomplete_fields = ["lead", "partners", "consulted", "part_of"]
    list_select_related = ["lead"]
    inlines = [ProgrammeFunderInline]


class PledgeInline(NewsroomTranslationInline):
    """Pledges on their event's page: the same version check as the pledge's own page."""

    model = Pledge
    form = VersionedForm
    formset = VersionedInlineFormSet
    fk_name = "announced_at"
    extra = 0
    autocomplete_fields = ["donor", "recipient", "programme", "announced_by", "reported_in"]


@admin.register(Pledge)
class PledgeAdmin(RevisionCompareMixin, VersionAdmin, NewsroomTranslationAdmin):
    list_display = [
        "donor",
        "recipient",
        "programme",
        "amount",
        "currency",
        "amount_basis",
        "first_year",
        "last_year",
    ]
    list_filter = ["amount_basis", "currency", "first_year"]
    search_fields = ["donor__name_ar", "donor__name_en", "recipient__name_ar", "recipient__name_en"]
    autocomplete_fields = [
        "donor",
        "recipient",
        "programme",
        "announced_at",
        "announced_by",
        "reported_in",
    ]
    list_select_related = ["donor", "recipient", "programme"]
