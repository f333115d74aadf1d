import django_filters
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from core.languages import CODES

from .models import Person, Position

# Reached through the relation: this app imports no other.
Organisation = Position._meta.get_field("organisation").related_model


class PersonFilter(django_filters.FilterSet):
    """The people list: by any word of a name as the public reads it in any language, and by
    organisation (its units included). Unknown or malformed values are ignored."""

    q = django_filters.CharFilter(label=_("Name"), method="named", max_length=200)
    organisation = django_filters.ModelChoiceFilter(
        label=_("Organisation"),
        queryset=Organisation.objects.all(),
        to_field_name="slug",
        method="at_organisation",
    )

    class Meta:
        model = Person
        fields = []

    def named(self, queryset, name, value):
        for word in value.split():
            # The approved name, or the name itself where nothing was ever approved (as
            # core.languages reads it): never a translator's spelling awaiting approval.
            spelled = Q()
            for code in CODES:
                spelled |= Q(**{f"approved__{code}__name__icontains": word})
                spelled |= Q(approved={}, **{f"name_{code}__icontains": word})
            queryset = queryset.filter(spelled)
        return queryset

    def at_organisation(self, queryset, name, organisation):
        units = Organisation.objects.with_units(organisation)
        positions = Position.objects.filter(person=OuterRef("pk"), organisation__in=units)
        return queryset.filter(Exists(positions))
