"""What each kept page shows, and which pages a change renews: tags.

A page carries a tag for each record it shows ("event-12"), for each collection it lists
("events") and "site". Records are noticed as they load while the page renders (post_init), so a
page cannot leave one out; a list names the collections it reads (`shows()`). A change renews,
once its transaction commits, the tags of what it touches: the record, its collection, the
records it links to (before and after the change), and whatever its model says lists it
(`neighbours`). A save that leaves what the public reads as it was (a working copy, a
translator's unapproved change) renews nothing. A CDN in front purges by the same tags (the
Surrogate-Key and Cache-Tag headers, and the `tags_renewed` signal).
"""

import threading
import time
from contextlib import contextmanager, suppress
from contextvars import ContextVar
from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_init, post_save, pre_delete
from django.dispatch import Signal

from .approved_text import text_fields
from .languages import CODES

SITE = "site"
# Past this many records of one kind, a page carries the kind's collection instead: any change
# to one of them renews the collection too, and the page's tags stay few.
MOST_RECORDS_PER_FAMILY = 30

# Sent with the tags a committed change renewed, for a CDN purge (README: the page cache).
tags_renewed = Signal()

FAMILIES = {}
# The many-to-many relation of each link table of a followed model.
THROUGH = {}
_shown = ContextVar("page_tags_shown", default=None)


@dataclass
class Family:
    """A followed model: `name` gives its records' tags, unless it is a part of other records
    (a live text of its release, a participation of its event and person), whose tags it gives
    and renews instead."""

    model: type
    name: str | None
    collection: str | None
    public_fields: tuple
    neighbours: object = None
    links: list | None = None  # by links_of, once every followed model is known


def follow(model, name=None, *, collection=None, ignore=(), neighbours=None):
    """Keep the pages showing `model`'s records in step with them.

    `ignore` names fields the public never reads (besides the working translations, the version
    and the times kept automatically); `neighbours(record)` gives the tags of the pages that list
    the record whether or not they loaded it, renewed when it changes.
    """
    translated = set(text_fields(model))
    translated |= {f"{text}_{code}" for text in text_fields(model) for code in CODES}
    public = tuple(
        f.attname
        for f in model._meta.concrete_fields
        if f.name not in translated
        and f.name not in ignore
        and f.name != "version"
        and not getattr(f, "auto_now", False)
        and not getattr(f, "auto_now_add", False)
    )
    FAMILIES[model] = Family(model, name, collection, public, neighbours)
    uid = f"page-tags-{model._meta.label}"
    post_init.connect(loaded, sender=model, dispatch_uid=uid)
    post_save.connect(saved, sender=model, dispatch_uid=uid)
    pre_delete.connect(deleting, sender=model, dispatch_uid=uid)
    for relation in model._meta.local_many_to_many:
        through = relation.remote_field.through
        THROUGH[through] = relation
        m2m_changed.connect(relinked, sender=through, dispatch_uid=f"{uid}-{relation.name}")


def links_of(family):
    """(foreign key, its family) for each key of `family` to a followed model."""
    if family.links is None:
        family.links = [
            (f, FAMILIES[f.related_model])
            for f in family.model._meta.concrete_fields
            if f.is_relation and f.related_model in FAMILIES
        ]
    return family.links


def record_tag(family, pk):
    return f"{family.name}-{pk}"


def tag_of(model, pk):
    """The tag of the record of `model` (a followed one) with key `pk`."""
    return record_tag(FAMILIES[model], pk)


def own_tags(family, record):
    """The tags a record gives the pages that show it."""
    if family.name:
        return {record_tag(family, record.pk)}
    return linked_tags(family, record, loaded_only=True)


def linked_tags(family, record, *, loaded_only=False):
    """The tags of the records `record` links to, and through a linked part (a live quote's
    live text) those of its own links; `loaded_only`, as a record loads, not through a part,
    which would be a query (the page loads the part itself)."""
    tags = set()
    for key, linked in links_of(family):
        value = getattr(record, key.attname)
        if value is None:
            continue
        if linked.name:
            tags.add(record_tag(linked, value))
        elif not loaded_only:
            with suppress(key.related_model.DoesNotExist):
                tags |= linked_tags(linked, getattr(record, key.name))
    return tags


def collection_names():
    """{record tag's family name: its collection}."""
    return {family.name: family.collection for family in FAMILIES.values() if family.name}


def collections_of(tags):
    """The collections of the records among `tags`: what renews a record renews its
    collection too, so that a page may carry the collection for many records (page_tags)."""
    names = collection_names()
    families = (tag.rpartition("-")[0] for tag in tags)
    return {names[family] for family in families if names.get(family)}


def changed_tags(family, record, before):
    """What a change of `record` renews; `before` is its public state as loaded, if it was."""
    tags = own_tags(family, record) if family.name else set()
    if family.collection:
        tags.add(family.collection)
    tags |= linked_tags(family, record)
    if before:
        for key, linked in links_of(family):
            old = before.get(key.attname)
            if old is not None and linked.name:
                tags.add(record_tag(linked, old))
    if family.neighbours:
        tags |= set(family.neighbours(record))
    return tags | collections_of(tags)


def public_state(family, record):
    return {name: record.__dict__.get(name) for name in family.public_fields}


def active():
    return settings.PAGE_CACHE_SECONDS > 0


# Signal receivers.


def loaded(sender, instance, **kwargs):
    family = FAMILIES[sender]
    shown = _shown.get()
    if shown is not None:
        shown |= own_tags(family, instance)
    if active():
        instance._public_state = public_state(family, instance)


def saved(sender, instance, created=False, raw=False, **kwargs):
    if not active():
        return
    family = FAMILIES[sender]
    before = getattr(instance, "_public_state", None)
    now = public_state(family, instance)
    # A restored revision (raw) is compared with nothing: it renews what it touches.
    if created or raw or now != before:
        renew(changed_tags(family, instance, before))
    instance._public_state = now


def deleting(sender, instance, **kwargs):
    if active():
        renew(changed_tags(FAMILIES[sender], instance, getattr(instance, "_public_state", None)))


def relinked(sender, instance, action, reverse, model, pk_set, **kwargs):
    if not active() or action not in ("post_add", "post_remove", "pre_clear"):
        return
    family, other = FAMILIES.get(type(instance)), FAMILIES.get(model)
    if family is None or other is None:
        return
    if action == "pre_clear":
        pk_set = linked_pks(sender, instance, reverse)
    tags = own_tags(family, instance) | {record_tag(other, pk) for pk in pk_set or ()}
    renew(tags | {family.collection, other.collection} - {None})


def linked_pks(through, instance, reverse):
    """The keys of the records `instance` is linked to through the table `through`."""
    relation = THROUGH[through]
    mine, theirs = relation.m2m_field_name(), relation.m2m_reverse_field_name()
    if reverse:
        mine, theirs = theirs, mine
    return set(through.objects.filter(**{mine: instance.pk}).values_list(theirs, flat=True))


# Pages.


@contextmanager
def collecting():
    """The tags of what loads inside, for the page (or part) being rendered."""
    outer = _shown.get()
    tags = {SITE}
    token = _shown.set(tags)
    try:
        yield tags
    finally:
        _shown.reset(token)
        if outer is not None:
            outer |= tags


def shows(*collections):
    """The page being rendered lists these collections (or shows records it reads as values,
    not as loaded records)."""
    shown = _shown.get()
    if shown is not None:
        shown.update(collections)


def page_tags(tags):
    """`tags` without the records a collection among them already stands for, and with the
    collection instead of a long run of one kind's records."""
    families = collection_names()
    kept, by_family = set(), {}
    for tag in tags:
        family, _sep, _pk = tag.rpartition("-")
        if family in families:
            by_family.setdefault(family, set()).add(tag)
        else:
            kept.add(tag)
    for family, records in by_family.items():
        collection = families[family]
        if collection in kept:
            continue
        if len(records) > MOST_RECORDS_PER_FAMILY and collection:
            kept.add(collection)
        else:
            kept |= records
    return kept


# Changes.


def renew(tags):
    """Renew the pages carrying any of `tags` once the current transaction commits (and never,
    should it roll back)."""
    transaction.on_commit(partial(store_renewal, frozenset(tags)))


def touched(records):
    """The tags a change of each of `records` renews."""
    return set().union(*(changed_tags(FAMILIES[type(record)], record, None) for record in records))


def written_in_bulk(records):
    """Renew what `records` touch: for rows inserted without signals (bulk_create)."""
    if active():
        renew(touched(records))


def store_renewal(tags):
    try:
        now = cache.incr(SEQUENCE_KEY)
    except ValueError:
        now = time.time_ns()
        cache.set(SEQUENCE_KEY, now, timeout=None)
    raise_to(now, tags)
    tags_renewed.send(sender=None, tags=sorted(tags))


# Two renewals of one tag may store in either order; the later count must win, or a page
# rendered between them would be served as fresh. In Redis one script raises each tag to the
# count, never lowers it; in a cache of one process (locmem), a lock does.
# The counts are compared as digits: they pass 2**53, beyond which Lua's numbers lose units.
RAISE_SCRIPT = """
local function lower(stored, count)
    if #stored ~= #count then return #stored < #count end
    return stored < count
end
for _, key in ipairs(KEYS) do
    local stored = redis.call('GET', key)
    if not stored or lower(stored, ARGV[1]) then
        redis.call('SET', key, ARGV[1])
    end
end
"""
LOCAL_LOCK = threading.Lock()


def raise_to(count, tags):
    """Each of `tags` renewed at `count`, unless a later renewal was stored first."""
    if isinstance(caches["default"], RedisCache):
        keys = [cache.make_and_validate_key(tag_key(tag)) for tag in tags]
        if keys:
            cache._cache.get_client(write=True).eval(RAISE_SCRIPT, len(keys), *keys, count)
        return
    with LOCAL_LOCK:
        stored = cache.get_many([tag_key(tag) for tag in tags])
        lower = {tag_key(tag): count for tag in tags if stored.get(tag_key(tag), -1) < count}
        cache.set_many(lower, timeout=None)


# When each tag was last renewed, counted in renewals: a page kept at count N is fresh while
# none of its tags was renewed after N. The count lives in the shared cache (Redis in
# production), so every app server sees a renewal at once.

SEQUENCE_KEY = "page-cache:renewals"


def tag_key(tag):
    return f"page-cache:tag:{tag}"


def renewals():
    """The count of renewals so far; read before a page reads the database."""
    # A new count starts from the clock, never from 1: after an eviction it cannot fall back
    # below the count a kept page started at.
    return cache.get_or_set(SEQUENCE_KEY, time.time_ns(), timeout=None)


def unchanged_since(started, tags):
    """None of `tags` renewed since the count `started`. A tag the cache does not know (never
    renewed, or evicted) counts as renewed: see make_known."""
    versions = cache.get_many([tag_key(tag) for tag in tags])
    return len(versions) == len(tags) and all(version <= started for version in versions.values())


def make_known(tags):
    """Record the tags the cache does not know as renewed now: the pages kept before count as
    stale, those started from now on as fresh."""
    known = cache.get_many([tag_key(tag) for tag in tags])
    missing = [tag for tag in tags if tag_key(tag) not in known]
    if missing:
        now = renewals()
        for tag in missing:
            # add, not set: a renewal written meanwhile stays.
            cache.add(tag_key(tag), now, timeout=None)
