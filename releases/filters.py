import django_filters
from django import forms
from django.db.models import Exists, OuterRef
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from events.models import Event
from organisations.models import Organisation
from people.models import Person

from .models import Release, Topic


class ReleaseFilter(django_filters.FilterSet):
    """The news list's filters. An unknown or malformed value is ignored, never an error page."""

    q = django_filters.CharFilter(method="search", label=_("Search"), max_length=200)
    topic = django_filters.ModelChoiceFilter(
        label=_("Topic"), queryset=Topic.objects.all(), to_field_name="slug", method="by_link"
    )
    event = django_filters.ModelChoiceFilter(
        label=_("Event"), queryset=Event.objects.all(), to_field_name="slug", method="by_link"
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
        label=_("Person"), queryset=Person.objects.all(), to_field_name="slug", method="by_link"
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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # {(query, SQL of the releases searched): matching pks}: the facets search once.
        self.searches = {}
        # {organisation pk: its and its units' pks}, looked up once for all the facets.
        self.units = {}

    def filter_queryset(self, queryset):
        return self.filtered(queryset)

    def filtered(self, queryset, leave_out=None):
        """`queryset` with every valid filter applied but `leave_out`, as the facets need.

        The search comes last: it keeps the newest matches among what the others leave.
        """
        data = self.form.cleaned_data
        for name in sorted(data, key=lambda name: name == "q"):
            if name != leave_out:
                queryset = self.filters[name].filter(queryset, data[name])
        return queryset

    def search(self, queryset, name, value):
        if not value.strip():
            return queryset
        return queryset.live_search(value, matches=self.matches(queryset, value))

    def matches(self, queryset, value):
        """The pks of the newest releases of `queryset` matching `value`, searched once."""
        key = (value, str(queryset.query))
        if key not in self.searches:
            self.searches[key] = queryset.live_matching(value)
        return self.searches[key]

    def searched_alone(self):
        """The search, when it is the only filter in use; else None."""
        if not self.is_valid():
            return None
        data = self.form.cleaned_data
        if not (data.get("q") or "").strip() or any(data[name] for name in data if name != "q"):
            return None
        return data["q"]

    def by_link(self, queryset, name, value):
        relation = {"topic": "topics", "event": "events", "person": "people"}[name]
        return queryset.tagged(relation, [value])

    def by_event_kind(self, queryset, name, value):
        return queryset.filter(
            Exists(Release.events.through.objects.filter(release=OuterRef("pk"), event__kind=value))
        )

    def by_organisation(self, queryset, name, organisation):
        # A parent includes its units: UNOCT's news includes UNCCT's.
        if organisation.pk not in self.units:
            self.units[organisation.pk] = Organisation.objects.unit_ids(organisation)
        return queryset.tagged("organisations", self.units[organisation.pk])

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
        return queryset.readable_in(get_language())
