"""How many published releases each filter option would give, the other filters applied."""

from dataclasses import dataclass, field

from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django_countries import countries

from core import page_cache
from core.approved_text import public_names
from core.arabic_script import local_digits
from core.languages import CODES, field_values, first_filled
from events.models import Event

from . import news_index
from .models import Release

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
    more: str = ""  # where every option can be found, when only the commonest are listed

    def options_html(self):
        """Its <option>s, counts in the reader's digits: a hundred options on every list, made
        here in one pass rather than node by node in the template."""
        language = get_language()
        return format_html_join(
            "",
            '<option value="{}"{}{}>{} ({})</option>',
            (
                (
                    option.value,
                    mark_safe(" selected") if option.selected else "",
                    format_html(' lang="{}"', option.language) if option.language else "",
                    option.label,
                    local_digits(option.count, language),
                )
                for option in self.options
            ),
        )


# The facets that list their commonest options, and the index where a reader finds every one
# of them (each person's and organisation's page links to its news).
MORE = {"person": "people:list", "organisation": "organisations:list"}
# The facets that list only their TOP commonest options.
CUT_SHORT = {"topic", "organisation", "person", "country"}


def counted_rows(filterset):
    """{facet: rows of (value, names, count)}, each counted with the other filters applied.

    The same in every language, so kept once for all three (see page_cache.remembered).
    """
    if listing := news_index.listing_for(filterset):
        kept = listing.chosen_alone(filterset)
        return kept if kept is not None else listing.counted_rows(listing.chosen(filterset))
    if query := filterset.searched_alone():
        # Every facet counts within the same matches then: one search, and the index's bitmaps
        # count them.
        listing = news_index.current()
        found = listing.places_of(filterset.matches(filterset.queryset, query))
        return news_index.counted(listing, dict.fromkeys(news_index.FACETS, found))

    def matching(param):
        return filterset.filtered(filterset.queryset.all(), leave_out=param).order_by()

    def links(param, relation):
        """The link table's rows of the releases the other filters leave."""
        through = getattr(Release, relation).through
        return through.objects.filter(release__in=matching(param).values("pk")).order_by()

    def related(param, relation):
        column = getattr(Release, relation).field.m2m_reverse_field_name()
        names = [f"{column}__name_{code}" for code in CODES]
        # A release is linked to a topic once: counting link rows counts releases.
        rows = links(param, relation).values(f"{column}__slug", f"{column}__approved", *names)
        rows = rows.annotate(count=Count("*"))
        return [
            (row[f"{column}__slug"], public_names(row, column), row["count"])
            for row in rows.order_by("-count", f"{column}__slug")[:TOP]
        ]

    def by_event(param, field):
        # Two events of a kind in one release count it once.
        rows = (
            links(param, "events")
            .values(f"event__{field}")
            .annotate(count=Count("release", distinct=True))
        )
        return [(row[f"event__{field}"], None, row["count"]) for row in rows]

    # One row per release here, so plain counts: no DISTINCT, which would sort.
    kinds = matching("kind").values("kind").annotate(count=Count("*")).order_by("kind")
    years = (
        matching("year")
        .annotate(year=ExtractYear("published_at"))
        .values("year")
        .annotate(count=Count("*"))
        .order_by("-year")
    )
    countries_counted = sorted(
        (row for row in by_event("country", "country") if row[0]),
        key=lambda row: (-row[2], row[0]),
    )
    return {
        "topic": related("topic", "topics"),
        "kind": [(row["kind"], None, row["count"]) for row in kinds],
        "year": [(str(row["year"]), None, row["count"]) for row in years],
        "event_kind": sorted(by_event("event_kind", "kind")),
        "country": countries_counted[:TOP],
        "organisation": related("organisation", "organisations"),
        "person": related("person", "people"),
    }


def release_facets(filterset):
    """The news list's facets in the reader's language, from its filterset's counted rows."""
    language = get_language()
    data = filterset.data
    filterset.is_valid()
    # The counts are the same in every language, unless the list keeps to the reader's own.
    own_language = language if filterset.form.cleaned_data.get("own_language") else ""
    rows = page_cache.remembered(
        "facets",
        (own_language, sorted((key, value) for key, value in data.items() if key != "page")),
        lambda: counted_rows(filterset),
        shows=["releases", "topics", "events", "people", "organisations"],
    )

    def label(name, value, names):
        match name:
            case "kind":
                return str(Release.Kind(value).label), ""
            case "event_kind":
                return str(Event.Kind(value).label), ""
            case "country":
                return str(countries.name(value)), ""
            case "year":
                return value, ""
        text, in_language = first_filled(names, language)
        return text, "" if in_language == language else in_language

    facets = []
    unlisted = []
    cleaned = filterset.form.cleaned_data if filterset.is_valid() else {}
    for name in rows:
        chosen = str(data.get(name, ""))
        chosen = chosen.upper() if name == "country" else chosen
        options = []
        for value, names, count in rows[name]:
            text, in_language = label(name, value, names)
            options.append(Option(value, text, count, in_language, value == chosen))
        if name in CUT_SHORT and cleaned.get(name) and not any(o.selected for o in options):
            # A choice beyond the commonest options (from the people index, say) is shown
            # chosen all the same; its count is the list's own, added below.
            unlisted.append(chosen_option(name, chosen, cleaned[name], label))
            options.append(unlisted[-1])
        more = reverse(MORE[name]) if name in MORE else ""
        facets.append(Facet(name, str(filterset.base_filters[name].label), options, more))
    for option in unlisted:
        option.count = result_count(facets, filterset)
    return facets


def chosen_option(name, value, record, label):
    """The Option of a chosen `record` (a topic, person or organisation; or a country code)."""
    if name == "country":
        text, in_language = label(name, record.upper(), None)
        return Option(record.upper(), text, 0, in_language, True)
    text, in_language = label(name, value, field_values(record, "name"))
    return Option(value, text, 0, in_language, True)


def result_count(facets, filterset):
    """How many releases the list holds, read off the kind facet: every release has a kind,
    so its counts (or the chosen kind's) add up to the list, without counting it again."""
    kinds = next(facet for facet in facets if facet.name == "kind").options
    filterset.is_valid()
    chosen = filterset.form.cleaned_data.get("kind")
    return sum(option.count for option in kinds if not chosen or option.value == chosen)
