"""How many published releases each filter option would give, the other filters applied."""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.utils.translation import get_language
from django_countries import countries

from events.models import Event

from .models import Release

LANGUAGES = [code for code, _name in settings.LANGUAGES]
TOP = 15


@dataclass
class Option:
    value: str
    label: str
    count: int
    language: str = ""  # set when the label is in another language than the page's
    selected: bool = False


@dataclass
class Facet:
    name: str
    label: str
    options: list[Option] = field(default_factory=list)


def translated(row, prefix, language):
    """(text, language it is in) from a values() row, following the fallback chain."""
    chain = settings.MODELTRANSLATION_FALLBACK_LANGUAGES
    for code in (language, *chain.get(language, chain["default"])):
        if row.get(f"{prefix}_{code}"):
            return row[f"{prefix}_{code}"], code
    return "", language


def release_facets(filterset_class, data, queryset):
    language = get_language()

    def matching(param):
        others = {key: value for key, value in data.items() if key not in (param, "page")}
        return filterset_class(data=others, queryset=queryset).qs.order_by()

    def counted(param, *values):
        return matching(param).values(*values).annotate(count=Count("pk", distinct=True))

    def related(param, label, relation):
        names = [f"{relation}__name_{code}" for code in LANGUAGES]
        rows = counted(param, f"{relation}__slug", *names).filter(**{f"{relation}__isnull": False})
        options = []
        for row in rows.order_by("-count")[:TOP]:
            text, in_language = translated(row, f"{relation}__name", language)
            options.append(
                Option(
                    row[f"{relation}__slug"],
                    text,
                    row["count"],
                    "" if in_language == language else in_language,
                )
            )
        return Facet(param, label, options)

    labels = {name: str(f.label) for name, f in filterset_class.base_filters.items()}
    year_rows = (
        matching("year")
        .annotate(year=ExtractYear("published_at"))
        .values("year")
        .annotate(count=Count("pk", distinct=True))
        .order_by("-year")
    )
    facets = [
        related("topic", labels["topic"], "topics"),
        Facet(
            "kind",
            labels["kind"],
            [
                Option(row["kind"], str(Release.Kind(row["kind"]).label), row["count"])
                for row in counted("kind", "kind").order_by("kind")
            ],
        ),
        Facet(
            "year",
            labels["year"],
            [Option(str(row["year"]), str(row["year"]), row["count"]) for row in year_rows],
        ),
        Facet(
            "event_kind",
            labels["event_kind"],
            [
                Option(
                    row["events__kind"], str(Event.Kind(row["events__kind"]).label), row["count"]
                )
                for row in counted("event_kind", "events__kind")
                .filter(events__kind__isnull=False)
                .order_by("events__kind")
            ],
        ),
        Facet(
            "country",
            labels["country"],
            [
                Option(
                    row["events__country"],
                    str(countries.name(row["events__country"])),
                    row["count"],
                )
                for row in counted("country", "events__country")
                .exclude(events__country="")
                .filter(events__country__isnull=False)
                .order_by("-count")[:TOP]
            ],
        ),
        related("organisation", labels["organisation"], "organisations"),
        related("person", labels["person"], "people"),
    ]
    for facet in facets:
        chosen = str(data.get(facet.name, ""))
        for option in facet.options:
            option.selected = option.value == chosen
    return facets
