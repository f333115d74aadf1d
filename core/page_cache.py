"""Whole public pages kept for anonymous readers, renewed the moment what they show changes.

Each page is kept with its tags (core/page_tags.py: the records and collections it shows) and
the count of renewals when it started; it is served while none of its tags has been renewed
since. A change renews only the tags it touches, once its transaction commits: a corrected
release renews its own page, the lists and the pages of what it links to, not the site. A page
also expires when the next scheduled release goes live. Only readers without a session cookie
are served from, or stored in, the cache: staff always see the database as it is, and their
pages are never kept.

The counts live in the shared cache (Redis in production), so every app server sees a change
at once. Without a shared cache the setting PAGE_CACHE_SECONDS defaults to 0: off.
"""

import hashlib
import time
from dataclasses import dataclass
from datetime import datetime
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import QueryDict
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers, set_response_etag
from django.utils.translation import get_language

from . import page_tags

NEXT_SCHEDULED_KEY = "page-cache:next-scheduled-change"
# How long the requests that find a page being rendered wait for it, and how often they look.
RENDER_WAIT_SECONDS = 10
RENDER_POLL_SECONDS = 0.02
# Functions giving the time of the next change that happens without a save (a scheduled release
# going live), or None; registered by the apps whose content has such times.
SCHEDULED_CHANGES = []


@dataclass
class Kept:
    """A page or a part as kept: fresh while none of `tags` is renewed after `started`."""

    started: int
    tags: frozenset
    value: object

    def is_fresh(self):
        return page_tags.unchanged_since(self.started, self.tags)


def invalidate(*tags):
    """Renew the pages carrying `tags` (all of them, without) once the current transaction
    commits: for writes that send no signals (bulk inserts, updates of many rows)."""
    page_tags.renew(tags or {page_tags.SITE})


def add_scheduled_change(next_change):
    """Register `next_change()`: when the next change that nobody saves happens, or None."""
    SCHEDULED_CHANGES.append(next_change)


def seconds_until_next_scheduled_change(renewals=None):
    """Seconds until the next scheduled change, or None; asked again after each renewal (the
    count `renewals`, when the caller has just read it)."""
    now = timezone.now()
    renewals = page_tags.renewals() if renewals is None else renewals
    asked_at, next_at = cache.get(NEXT_SCHEDULED_KEY, (None, None))
    if asked_at != renewals or (next_at and next_at <= now):
        times = [when for next_change in SCHEDULED_CHANGES if (when := next_change())]
        next_at = min(times, default="")
        cache.set(NEXT_SCHEDULED_KEY, (renewals, next_at), settings.PAGE_CACHE_SECONDS)
    if isinstance(next_at, datetime):
        return max(int((next_at - now).total_seconds()), 1)
    return None


def capped(seconds, until_change):
    """`seconds`, or fewer when the next scheduled change comes sooner."""
    return seconds if until_change is None else min(seconds, until_change)


def timeout(renewals=None):
    """How long a page or part kept now stays good: until the next scheduled change."""
    return capped(settings.PAGE_CACHE_SECONDS, seconds_until_next_scheduled_change(renewals))


def keep(key, started, tags, value, seconds):
    tags = frozenset(tags)
    page_tags.make_known(tags)
    cache.set(key, Kept(started, tags, value), seconds)


def remembered(name, parts, compute, *, shows=()):
    """`compute()`, kept like a page: for a part many pages share (the news list's facet
    counts, the same on every page and in every language). `shows` names the collections it
    reads; the records it loads are noticed as a page's are, and become the page's too."""
    if settings.PAGE_CACHE_SECONDS <= 0:
        return compute()
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()
    key = f"page-cache:part:{name}:{digest}"
    kept = cache.get(key)
    if kept is not None and kept.is_fresh():
        page_tags.shows(*kept.tags)
        return kept.value
    started = page_tags.renewals()
    seconds = timeout(started)
    with page_tags.collecting() as shown:
        page_tags.shows(*shows)
        value = compute()
    keep(key, started, page_tags.page_tags(shown), value, seconds)
    return value


def rendered_by_another(key):
    """The page another request is rendering, once it is kept; None if it does not come
    within RENDER_WAIT_SECONDS (that request failed, or the page is not kept): then render."""
    deadline = time.monotonic() + RENDER_WAIT_SECONDS
    while time.monotonic() < deadline:
        time.sleep(RENDER_POLL_SECONDS)
        kept = cache.get(key)
        if kept is not None and kept.is_fresh():
            return kept.value
        if cache.get(f"{key}:rendering") is None:
            return None
    return None


def for_readers(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def storable(response):
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in response.get("Cache-Control", "")
    )


def canonical_query(query, params):
    """The query string a page is rendered and kept for: only the parameters the page reads
    (`params`), one value each, in one order; an empty value is the same as none, and so is
    page 1. Anything else in the address is ignored, so it can neither make a page of its own
    in the cache nor change the page."""
    canonical = QueryDict(mutable=True)
    for name in sorted(params):
        value = query.get(name, "").strip()
        if value and not (name == "page" and value == "1"):
            canonical[name] = value
    canonical._mutable = False
    return canonical


def page_key(request):
    # The address and the language: absolute links in feeds and metadata depend on the host.
    query = request.GET.urlencode()
    address = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"page-cache:page:{get_language()}:{digest}"


def mark_public(response, cdn_seconds):
    """Cacheable by browsers and a CDN, which revalidate (ETag) so that edits show at once; a
    CDN keeps it `cdn_seconds` at most: CDN_CACHE_SECONDS, or less when a scheduled release
    goes live or a publication ends sooner, which no save purges."""
    patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
    if cdn_seconds:
        patch_cache_control(response, s_maxage=cdn_seconds)
    patch_vary_headers(response, ["Cookie"])


def label(response, tags):
    """The page's tags, for a CDN to purge it by: Fastly reads Surrogate-Key (spaces),
    Cloudflare and others Cache-Tag (commas)."""
    ordered = sorted(tags)
    response["Surrogate-Key"] = " ".join(ordered)
    response["Cache-Tag"] = ",".join(ordered)


def cached_for_readers(view=None, *, params=(), shows=()):
    """Serve `view` to anonymous readers from the page cache, keeping what it renders.

    `params` names the query parameters the view reads; the view sees only those, in their
    canonical form (canonical_query), whoever asks. `shows` names the collections the page
    lists (page_tags.shows); the records it loads are noticed by themselves.
    """
    if view is None:
        return lambda view: cached_for_readers(view, params=params, shows=shows)

    @wraps(view)
    def cached_view(request, *args, **kwargs):
        request.GET = canonical_query(request.GET, params)
        if not for_readers(request):
            response = view(request, *args, **kwargs)
            if request.COOKIES.get(settings.SESSION_COOKIE_NAME):
                patch_cache_control(response, private=True, no_cache=True)
            return response
        key = page_key(request)
        kept = cache.get(key)
        if kept is not None and kept.is_fresh():
            return kept.value
        # No stampede: when a popular page is missing or renewed, one request renders it and
        # the others arriving meanwhile wait for that page.
        rendering = f"{key}:rendering"
        if not cache.add(rendering, True, RENDER_WAIT_SECONDS):
            response = rendered_by_another(key)
            if response is not None:
                return response
        # Read before the database is: a change committed while this page renders leaves it
        # stale, however late the page learns which records it shows; and a scheduled change
        # that comes while it renders ends its time.
        started = page_tags.renewals()
        until_change = seconds_until_next_scheduled_change(started)
        try:
            with page_tags.collecting() as shown:
                page_tags.shows(*shows)
                response = view(request, *args, **kwargs)
                # Rendered here, so that what the template loads is noticed too.
                if hasattr(response, "render") and not response.is_rendered:
                    response.render()
            if not storable(response):
                return response
            mark_public(response, capped(settings.CDN_CACHE_SECONDS, until_change))
            # A HEAD response may lose its body on the way out: only a GET's is kept.
            if request.method == "GET":
                tags = page_tags.page_tags(shown)
                label(response, tags)
                set_response_etag(response)
                keep(
                    key, started, tags, response, capped(settings.PAGE_CACHE_SECONDS, until_change)
                )
            return response
        finally:
            cache.delete(rendering)

    return cached_view
