import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from events.models import Event
from organisations.models import Organisation
from people.models import Person

from .models import LanguageVersion, Release, Topic


class ReleaseFilter(django_filters.FilterSet):
    """The news list's filters. An unknown or malformed value is ignored, never an error page."""

    q = django_filters.CharFilter(method="search", label=_("Search"), max_length=200)
    topic = django_filters.ModelChoiceFilter(
        label=_("Topic"), queryset=Topic.objects.all(), to_field_name="slug", field_name="topics"
    )
    event = django_filters.ModelChoiceFilter(
        label=_("Event"), queryset=Event.objects.all(), to_field_name="slug", field_name="events"
    )
    event_kind = django_filters.ChoiceFilter(
        label=_("Event kind"), choices=Event.Kind.choices, method="by_event_kind"
    )
    organisation = django_filters.ModelChoiceFilter(
        label=_("Organisation"),
        queryset=Organisation.objects.all(),
        to_field_name="slug",
        method="by_organisation",
    )
    person = django_filters.ModelChoiceFilter(
        label=_("Person"), queryset=Person.objects.all(), to_field_name="slug", field_name="people"
    )
    country = django_filters.CharFilter(label=_("Country"), method="by_country", max_length=2)
    year = django_filters.NumberFilter(
        label=_("Year"), field_name="published_at__year", min_value=1900, max_value=2200
    )
    date_from = django_filters.DateFilter(
        label=_("From"), field_name="published_at__date", lookup_expr="gte"
    )
    date_to = django_filters.DateFilter(
        label=_("To"), field_name="published_at__date", lookup_expr="lte"
    )
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Release.Kind.choices)
    own_language = django_filters.BooleanFilter(
        label=_("Only items written in this language"),
        method="in_reader_language",
        widget=forms.CheckboxInput,
    )

    class Meta:
        model = Release
        fields = []

    def search(self, queryset, name, value):
        return queryset.search(value) if value.strip() else queryset

    def by_event_kind(self, queryset, name, value):
        return queryset.filter(
            Exists(Release.events.through.objects.filter(release=OuterRef("pk"), event__kind=value))
        )

    def by_organisation(self, queryset, name, organisation):
        # A parent includes its units: UNOCT's news includes UNCCT's.
        units = Organisation.objects.with_units(organisation)
        return queryset.filter(
            Exists(
                Release.organisations.through.objects.filter(
                    release=OuterRef("pk"), organisation__in=units
                )
            )
        )

    def by_country(self, queryset, name, value):
        return queryset.filter(
            Exists(
                Release.events.through.objects.filter(
                    release=OuterRef("pk"), event__country=value.upper()
                )
            )
        )

    def in_reader_language(self, queryset, name, value):
        if not value:
            return queryset
        language = get_language()
        approved = LanguageVersion.objects.filter(
            release=OuterRef("pk"), language=language, status=LanguageVersion.Status.APPROVED
        )
        return queryset.filter(Q(source_language=language) | Exists(approved))
