import django_filters
from django.utils.translation import gettext_lazy as _

from .models import Organisation, Pledge


class OrganisationFilter(django_filters.FilterSet):
    """The organisations list: the top-level organisations, or every organisation of a kind.
    An unknown kind is ignored."""

    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Organisation.Kind.choices)

    class Meta:
        model = Organisation
        fields = []

    def filter_queryset(self, queryset):
        kind = self.form.cleaned_data.get("kind")
        return queryset.filter(kind=kind) if kind else queryset.filter(parent__isnull=True)


class FundingFilter(django_filters.FilterSet):
    """The funding page's filters: a donor, a recipient and a year among those with public
    pledges. A value that names none of them is ignored, and `ignored` says which."""

    donor = django_filters.ChoiceFilter(label=_("Donor"), method="by_organisation")
    recipient = django_filters.ChoiceFilter(label=_("Recipient"), method="by_organisation")
    year = django_filters.TypedChoiceFilter(label=_("Year"), coerce=int, method="in_year")

    class Meta:
        model = Pledge
        fields = []

    def __init__(self, data, *, queryset, donors, recipients, years):
        super().__init__(data, queryset=queryset)
        self.organisations = {
            "donor": {organisation.slug: organisation for organisation in donors},
            "recipient": {organisation.slug: organisation for organisation in recipients},
        }
        for name, options in self.organisations.items():
            self.filters[name].extra["choices"] = [(slug, slug) for slug in options]
        self.filters["year"].extra["choices"] = [(str(year), str(year)) for year in years]

    @property
    def selected(self):
        """{filter: the organisation or year chosen}, for the valid filters with a value."""
        self.is_valid()
        chosen = {}
        for name, value in self.form.cleaned_data.items():
            if value in ("", None):
                continue
            chosen[name] = self.organisations[name][value] if name in self.organisations else value
        return chosen

    @property
    def ignored(self):
        """The filters given a value that names no option, in the form's order."""
        return [name for name in self.filters if name in self.errors]

    def by_organisation(self, queryset, name, value):
        return queryset.filter(**{name: self.organisations[name][value]})

    def in_year(self, queryset, name, value):
        return queryset.in_year(value)
