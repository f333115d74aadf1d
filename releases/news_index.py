"""The news list's index: every public release's place in the list, and for each filter value
the set of those places, as compressed bitmaps (Roaring, as search engines count facets).

Built once when what the list shows changes (after the change commits), never per reader: the
unfiltered list's counts are read off it as they were built, a filtered list's by intersecting
bitmaps (microseconds, however large the archive), and a page of the list is a slice of the
matching places, whose releases are then read by primary key. Filters the index does not hold
(a search, a date range) leave the list to SQL (releases/facets.py).

A change to a release, its live texts, its links or the names of what it links to writes a row
of NewsIndexChange in the change's own transaction; the index is current while none is left
and its time (`good_until`, the next scheduled publication or expiry) has not come. Building
takes a row lock, so one process builds; readers meanwhile read the index as it was.
"""

import heapq
import pickle
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from operator import attrgetter

from django.db import transaction
from django.db.models import Exists
from django.db.models.functions import ExtractYear, TruncDate
from django.db.models.signals import m2m_changed, post_delete, post_init, post_save
from django.utils import timezone
from django.utils.translation import get_language
from pyroaring import BitMap

from core import page_cache
from core.approved_text import public_names
from core.languages import CODES
from events.models import Event
from organisations.models import Organisation
from people.models import Person

from .models import LiveText, NewsIndex, NewsIndexChange, Release, Topic

TOP = 15
# Counting a filtered list's own links costs about this many bitmap intersections a place.
LINKS_PER_PLACE = 2
# What a stored index holds: one stored by an older build of this code is built again.
FORMAT = 6
# The filters the index answers; the search (q) leaves the list to SQL, and its facets to
# the index only when it is the one filter in use (releases/facets.py).
DATES = {"date_from", "date_to"}
ANSWERED = {
    "topic",
    "event",
    "event_kind",
    "organisation",
    "person",
    "country",
    "year",
    "kind",
    "own_language",
    *DATES,
}
# Facets of linked records: {facet: (relation on Release, model)}.
LINKED = {"topic": ("topics", Topic), "organisation": ("organisations", Organisation)}
LINKED["person"] = ("people", Person)
# What a release's summary names, by facet: {facet: its relation on Release}.
NAMING = {"topic": "topics", "event": "events", "person": "people", "organisation": "organisations"}
EMPTY = BitMap()
# How a filter's cleaned value names its bitmap.
KEYS = {
    "topic": attrgetter("pk"),
    "event": attrgetter("pk"),
    "person": attrgetter("pk"),
    "country": str.upper,
    "year": int,
}


def in_use(value):
    """Whether a filter's cleaned `value` filters the list (an unticked box does not)."""
    return value not in (None, "", False)


def key_of(name, value):
    """The key of a filter's cleaned `value` among its bitmaps."""
    return KEYS[name](value) if name in KEYS else value


@dataclass
class Listing:
    """The index in memory. Places run in the list's order: 0 is the newest release."""

    built_at: datetime
    good_until: datetime | None
    order: array  # place -> release pk
    # place -> minus its local publication day (an ordinal): ascending, as places run from
    # the newest, so that a date range is a run of places found by bisection.
    days: array = field(default_factory=lambda: array("i"))
    format: int = 0
    # {filter: {value: places}}: topic, event, organisation and person by pk.
    values: dict = field(default_factory=dict)
    # {facet: {pk: (slug, {language: name})}} of the linked records (NAMING), for the facets'
    # labels and the API's links.
    labels: dict = field(default_factory=dict)
    everything: BitMap = field(default_factory=BitMap)
    unfiltered: dict = field(default_factory=dict)  # the unfiltered list's counted rows
    # {filter: {value: counted rows}} of the list with that one value chosen, for the filters
    # of few values (COUNTED_ALONE): counted once when the index is built, as the unfiltered
    # list's are, since a large part of the archive is costly to count against every value.
    alone: dict = field(default_factory=dict)
    # {facet: place -> the pks it links to}, for topic, event, organisation and person: a
    # small filtered list counts its own links rather than intersect every value's bitmap, and
    # a page of releases names them without a query.
    linked: dict = field(default_factory=dict)

    def chosen_alone(self, filterset):
        """The counted rows kept for this list, if its one filter is a COUNTED_ALONE value."""
        data = filterset.form.cleaned_data
        used = [name for name in ANSWERED if in_use(data.get(name))]
        if len(used) != 1 or used[0] not in COUNTED_ALONE:
            return None
        [name] = used
        key = get_language() if name == "own_language" else key_of(name, data[name])
        if key in self.alone[name]:
            return self.alone[name][key]
        # A value no public release has (a year before the archive): an empty list, whose
        # own facet still offers every other value.
        return {facet: self.unfiltered[facet] if facet == name else [] for facet in FACETS}

    def chosen(self, filterset):
        """{filter: places} of each filter in use, from a valid filterset."""
        data = filterset.form.cleaned_data
        chosen = {}
        for name in ANSWERED:
            value = data.get(name)
            if not in_use(value):
                continue
            if name in DATES:
                chosen[name] = self.dated(name, value)
            elif name == "organisation":
                if value.pk not in filterset.units:
                    filterset.units[value.pk] = Organisation.objects.unit_ids(value)
                units = [self.values[name].get(pk, EMPTY) for pk in filterset.units[value.pk]]
                chosen[name] = BitMap.union(EMPTY, *units)
            elif name == "own_language":
                chosen[name] = self.values[name].get(get_language(), EMPTY)
            else:
                chosen[name] = self.values[name].get(key_of(name, value), EMPTY)
        return chosen

    def dated(self, name, day):
        """The places published on or after (date_from), or on or before (date_to), `day`."""
        if name == "date_from":
            return BitMap(range(bisect_right(self.days, -day.toordinal())))
        return BitMap(range(bisect_left(self.days, -day.toordinal()), len(self.days)))

    @property
    def count(self):
        """How many releases the public sees."""
        return len(self.order)

    def matching(self, chosen, leave_out=None):
        places = self.everything
        for name, positions in chosen.items():
            if name != leave_out:
                places = places & positions
        return places

    def counted_rows(self, chosen):
        """{facet: rows of (value, names, count)} as releases/facets.py shows them, each counted
        with the other filters applied."""
        if not chosen:
            return self.unfiltered
        return counted(self, {name: self.matching(chosen, name) for name in FACETS})

    def releases(self, places):
        return PlacedReleases(self, places)

    def by_size(self, name):
        """[(value, places)] of facet `name`, the largest first; sorted once per process."""
        if not hasattr(self, "sized"):
            self.sized = {}
        if name not in self.sized:
            self.sized[name] = sorted(self.values[name].items(), key=lambda item: -len(item[1]))
        return self.sized[name]

    def places_of(self, pks):
        """The places of the releases `pks` that the index holds."""
        place = self.place_of()
        return BitMap(place[pk] for pk in pks if pk in place)

    def place_of(self):
        """{release pk: its place}, made once per process."""
        if not hasattr(self, "place"):
            self.place = {pk: place for place, pk in enumerate(self.order)}
        return self.place

    def links_of(self, pks):
        """{relation: {release pk: [(slug, {language: name})]}} of what each of `pks` links
        to (the releases the index holds), read off the index."""
        place = self.place_of()
        return {
            relation: {
                pk: [self.labels[name][value] for value in self.linked[name][place[pk]]]
                for pk in pks
                if pk in place
            }
            for name, relation in NAMING.items()
        }


FACETS = ["topic", "kind", "year", "event_kind", "country", "organisation", "person"]
# The filters of few values, whose lists' facets are counted when the index is built; people,
# organisations and events are too many, and a list of one of them is small enough to count
# its own links.
COUNTED_ALONE = ("topic", "kind", "year", "event_kind", "country", "own_language")


def counted(listing, bases):
    """The facets' rows, facet by facet counted within `bases[facet]`."""

    def count(name):
        base = bases[name]
        whole = base is listing.everything
        for value, places in listing.values[name].items():
            found = len(places) if whole else base.intersection_cardinality(places)
            if found:
                yield value, found

    rows = {}
    for name in ("topic", "organisation", "person"):
        labels = listing.labels[name]
        top = commonest(listing, name, bases[name], order=lambda pk, labels=labels: labels[pk][0])
        rows[name] = [(*labels[pk], found) for pk, found in top]
    rows["kind"] = sorted((value, None, found) for value, found in count("kind"))
    rows["year"] = sorted(
        ((str(value), None, found) for value, found in count("year")), reverse=True
    )
    rows["event_kind"] = sorted((value, None, found) for value, found in count("event_kind"))
    top = commonest(listing, "country", bases["country"], order=str)
    rows["country"] = [(value, None, found) for value, found in top]
    return {name: rows[name] for name in FACETS}


def counted_alone(listing, name):
    """{value: the facets' rows} of the list with that one value of filter `name` chosen."""
    return {
        value: counted(
            listing, {facet: listing.everything if facet == name else places for facet in FACETS}
        )
        for value, places in listing.values[name].items()
    }


def commonest(listing, name, base, *, order):
    """The TOP values of facet `name` with the most places in `base`, most first (ties by
    `order`). Values are tried largest bitmap first, and the search stops once no bitmap left
    is as large as the TOP-th count found: a long tail of people is not counted at all."""
    whole = base is listing.everything
    if (
        not whole
        and name in listing.linked
        and len(base) * LINKS_PER_PLACE < len(listing.values[name])
    ):
        links = listing.linked[name]
        tally = Counter(pk for place in base for pk in links[place])
        return sorted(tally.items(), key=lambda row: (-row[1], order(row[0])))[:TOP]
    counts, found = [], []  # the TOP largest counts so far, as a heap; every candidate
    for value, places in listing.by_size(name):
        if len(counts) == TOP and len(places) < counts[0]:
            break
        count = len(places) if whole else base.intersection_cardinality(places)
        if not count:
            continue
        found.append((value, count))
        if len(counts) < TOP:
            heapq.heappush(counts, count)
        elif count > counts[0]:
            heapq.heapreplace(counts, count)
    return sorted(found, key=lambda row: (-row[1], order(row[0])))[:TOP]


class PlacedReleases:
    """The releases at `places`, in the list's order, for a Paginator: a page reads its own
    twenty by primary key, whatever its number."""

    def __init__(self, listing, places):
        self.listing, self.places = listing, places

    def __len__(self):
        return len(self.places)

    def __getitem__(self, wanted):
        pks = [self.listing.order[place] for place in self.places[wanted]]
        # Read with the public condition again: a release unpublished a moment ago, before
        # the index caught up, is left out rather than shown.
        found = Release.objects.published().listed().in_bulk(pks)
        return [found[pk] for pk in pks if pk in found]


def listing_for(filterset):
    """The index, if it can give this list (only the filters it holds are in use), or None;
    read once per filterset, for the facets and the page alike."""
    if not hasattr(filterset, "listing"):
        filterset.listing = None
        if filterset.is_valid():
            data = filterset.form.cleaned_data
            if not any(data.get(name) for name in data if name not in ANSWERED):
                filterset.listing = current()
    return filterset.listing


def build():
    """The listing of what the public sees now: a handful of narrow reads, none joined to the
    wide release rows (a link of a release that is not public finds no place, and is dropped)."""
    now = timezone.now()
    public = Release.objects.published().order_by(*Release._meta.ordering)
    rows = list(
        public.values_list("pk", "kind", ExtractYear("published_at"), TruncDate("published_at"))
    )
    order = array("q", (pk for pk, _kind, _year, _day in rows))
    place = {pk: number for number, pk in enumerate(order)}
    places = {name: defaultdict(list) for name in ANSWERED}

    def add(name, pairs):
        found = places[name]
        for pk, value in pairs:
            if (at := place.get(pk)) is not None:
                found[value].append(at)

    add("kind", ((pk, kind) for pk, kind, _year, _day in rows))
    add("year", ((pk, year) for pk, _kind, year, _day in rows))
    events = list(
        Release.events.through.objects.values_list(
            "release_id", "event_id", "event__kind", "event__country"
        )
    )
    add("event", ((pk, event) for pk, event, _kind, _country in events))
    add("event_kind", ((pk, kind) for pk, _event, kind, _country in events))
    # An event with no country stated gives its releases none.
    add("country", ((pk, country) for pk, _event, _kind, country in events if country))
    add("own_language", LiveText.objects.current().values_list("release_id", "language"))
    labels = {}
    names = [f"name_{code}" for code in CODES]
    for name, (relation, model) in LINKED.items():
        through = getattr(Release, relation).through
        column = getattr(Release, relation).field.m2m_reverse_field_name()
        add(name, through.objects.values_list("release_id", f"{column}_id"))
        labels[name] = {
            row["pk"]: (row["slug"], public_names(row))
            for row in model._default_manager.filter(pk__in=list(places[name])).values(
                "pk", "slug", "approved", *names
            )
        }
    titles = [f"title_{code}" for code in CODES]
    labels["event"] = {
        row["pk"]: (row["slug"], public_names(row, field="title"))
        for row in Event.objects.filter(pk__in=list(places["event"])).values(
            "pk", "slug", "approved", *titles
        )
    }
    linked = {}
    for name in NAMING:
        links = [[] for _ in order]
        for value, at in places[name].items():
            for number in at:
                links[number].append(value)
        linked[name] = [tuple(pks) for pks in links]
    values = {name: {} for name in ANSWERED}
    for name, found in places.items():
        for value, at in found.items():
            bitmap = BitMap(at)
            bitmap.run_optimize()
            values[name][value] = bitmap
    listing = Listing(
        built_at=now,
        good_until=Release.objects.next_change(),
        order=order,
        days=array("i", (-day.toordinal() for _pk, _kind, _year, day in rows)),
        format=FORMAT,
        values=values,
        labels=labels,
        linked=linked,
        everything=BitMap(range(len(order))),
    )
    listing.unfiltered = counted(listing, dict.fromkeys(FACETS, listing.everything))
    listing.alone = {name: counted_alone(listing, name) for name in COUNTED_ALONE}
    return listing


# The listing this process last read, kept while the stored index is the same.
loaded = None


def current():
    """The index as it stands now; built first if something public changed since."""
    global loaded
    header = (
        NewsIndex.objects.filter(pk=1)
        .annotate(pending=Exists(NewsIndexChange.objects.all()))
        .values("built_at", "good_until", "pending")
        .first()
    )
    if header is None or not is_current(header):
        return rebuild(wait=False)
    if loaded is None or loaded.built_at != header["built_at"]:
        loaded = unpickled(NewsIndex.objects.values_list("content", flat=True).get(pk=1))
        if loaded is None:
            return rebuild()
    return loaded


def unpickled(content):
    """The stored index, or None if an older build of this code stored it."""
    listing = pickle.loads(bytes(content))
    return listing if listing.format == FORMAT else None


def is_current(header):
    good_until = header["good_until"]
    return not header["pending"] and (good_until is None or good_until > timezone.now())


def rebuild(wait=True):
    """Build and store the index, unless another process just did: the one that holds the
    row's lock builds. The others wait for it and read what it stored; or, `wait` False (a
    reader), read the index as it was before, for the second it takes to build: a release it
    lists that is no longer public is left out when its page is read (PlacedReleases)."""
    global loaded
    with transaction.atomic():
        now = timezone.now()
        stored = NewsIndex.objects.select_for_update(skip_locked=not wait).filter(pk=1).first()
        if stored is None and not wait:
            previous = NewsIndex.objects.filter(pk=1).exclude(content=b"").first()
            if previous is not None and (loaded is None or loaded.built_at != previous.built_at):
                loaded = unpickled(previous.content)
            if previous is not None and loaded is not None:
                return loaded
        if stored is None:
            stored, _created = NewsIndex.objects.select_for_update().get_or_create(
                pk=1, defaults={"built_at": now, "good_until": now, "content": b""}
            )
        noted = list(NewsIndexChange.objects.values_list("pk", flat=True))
        header = {"good_until": stored.good_until, "pending": bool(noted)}
        if stored.content and is_current(header):
            listing = unpickled(stored.content)
            if listing is not None:
                loaded = listing
                return loaded
        listing = build()
        stored.built_at, stored.good_until = listing.built_at, listing.good_until
        stored.content = pickle.dumps(listing, protocol=pickle.HIGHEST_PROTOCOL)
        stored.save()
        # Only the changes seen before building: one committed meanwhile stays, for the next.
        NewsIndexChange.objects.filter(pk__in=noted).delete()
        # Lists kept while this was built were read off the index before it: renewed once this
        # one is stored. (A change renewed them when it committed, before the build; and a
        # scheduled publication renews nothing itself.)
        page_cache.invalidate("releases")
    loaded = listing
    return listing


def note_change(sender, action="post_", **kwargs):
    """A signal receiver: what the list shows may have changed; the index is rebuilt once the
    change commits (and by the next reader, if it is not by then)."""
    if not action.startswith("post_"):
        return
    NewsIndexChange.objects.create()
    # Robust: the change is saved whatever happens to the build; the next reader builds.
    transaction.on_commit(rebuild_after_commit, robust=True)


def note_listed_change(sender, instance, created=False, **kwargs):
    """note_change for a release, when what the list reads of it changed: a working copy's
    save (a translator's, an editor's correction) changes none of it."""
    listed = tuple(instance.__dict__.get(name) for name in LISTED_FIELDS)
    if created or listed != getattr(instance, "listed_as", None):
        note_change(sender)
    instance.listed_as = listed


def remember_listed(sender, instance, **kwargs):
    instance.listed_as = tuple(instance.__dict__.get(name) for name in LISTED_FIELDS)


# What the index reads of a release itself; its text is its live texts'.
LISTED_FIELDS = ("status", "published_at", "expires_at", "kind")


def rebuild_after_commit():
    if NewsIndexChange.objects.exists():
        rebuild()


def watch():
    """Note every save and delete of what the list shows or names: releases, their live texts
    and links, and the topics, events, people and organisations they link to."""
    links = [getattr(Release, relation).through for relation in LINKED_RELATIONS]
    post_init.connect(remember_listed, sender=Release, dispatch_uid="news-index-release-init")
    post_save.connect(note_listed_change, sender=Release, dispatch_uid="news-index-release")
    post_delete.connect(note_change, sender=Release, dispatch_uid="news-index-release")
    for model in [LiveText, Topic, Organisation, Person, Event, *links]:
        uid = f"news-index-{model._meta.label}"
        post_save.connect(note_change, sender=model, dispatch_uid=uid)
        post_delete.connect(note_change, sender=model, dispatch_uid=uid)
    for through in links:
        m2m_changed.connect(note_change, sender=through, dispatch_uid=f"news-index-m2m-{through}")


LINKED_RELATIONS = ["topics", "events", "people", "organisations"]
