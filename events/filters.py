import django_filters
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation

from .models import Event


class EventFilter(django_filters.FilterSet):
    """The events list's filters; unknown or malformed values are ignored."""

    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Event.Kind.choices)
    format = django_filters.ChoiceFilter(label=_("Format"), choices=Event.Format.choices)
    year = django_filters.NumberFilter(
        label=_("Year"), field_name="start_date__year", min_value=1900, max_value=2200
    )
    country = django_filters.CharFilter(label=_("Country"), method="by_country", max_length=2)
    organisation = django_filters.ModelChoiceFilter(
        label=_("Organisation"),
        queryset=Organisation.objects.all(),
        to_field_name="slug",
        method="by_organisation",
    )

    class Meta:
        model = Event
        fields = []

    def by_country(self, queryset, name, value):
        return queryset.filter(country=value.upper())

    def by_organisation(self, queryset, name, organisation):
        return queryset.involving(Organisation.objects.with_units(organisation))
