"""Whole public pages kept for anonymous readers, and dropped the moment content changes.

A page is stored under the cache's current *generation*; any saved, deleted or relinked content
starts a new generation once its transaction commits, so the next reader gets a fresh page and
the old ones are never read again (they expire on their own). A page also expires when the next
scheduled release goes live. Only readers without a session cookie are served from, or stored
in, the cache: staff always see the database as it is, and their pages are never kept.

The generation lives in the shared cache (Redis in production), so every app server sees a
change at once. Without a shared cache the setting PAGE_CACHE_SECONDS defaults to 0: off.
"""

import hashlib
import time
from datetime import datetime
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import QueryDict
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers, set_response_etag
from django.utils.translation import get_language

GENERATION_KEY = "page-cache:generation"
# How long the requests that find a page being rendered wait for it, and how often they look.
RENDER_WAIT_SECONDS = 10
RENDER_POLL_SECONDS = 0.02
# Functions giving the time of the next change that happens without a save (a scheduled release
# going live), or None; registered by the apps whose content has such times.
SCHEDULED_CHANGES = []


def generation():
    # A new counter starts from the clock, never from 1: after an eviction it cannot land on
    # a generation whose pages are still stored.
    return cache.get_or_set(GENERATION_KEY, time.time_ns(), timeout=None)


def start_new_generation():
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, time.time_ns(), timeout=None)


def invalidate():
    """Readers' pages are renewed once the current transaction commits: every write of public
    content asks for it (the apps' services and the admin's saves and deletes)."""
    # After the commit: a page rendered before it must not be stored as the new state.
    transaction.on_commit(start_new_generation)


def add_scheduled_change(next_change):
    """Register `next_change()`: when the next change that nobody saves happens, or None."""
    SCHEDULED_CHANGES.append(next_change)


def seconds_until_next_scheduled_change(current):
    """Seconds until the next scheduled change, or None; asked once per generation."""
    key = f"page-cache:{current}:next-scheduled-change"
    now = timezone.now()
    next_at = cache.get(key)
    if next_at is None or (next_at and next_at <= now):
        times = [when for next_change in SCHEDULED_CHANGES if (when := next_change())]
        next_at = min(times, default="")
        cache.set(key, next_at, settings.PAGE_CACHE_SECONDS)
    if isinstance(next_at, datetime):
        return max(int((next_at - now).total_seconds()), 1)
    return None


def timeout(current):
    """How long a page or part kept now stays good: until the next scheduled change."""
    until_change = seconds_until_next_scheduled_change(current)
    if until_change is None:
        return settings.PAGE_CACHE_SECONDS
    return min(settings.PAGE_CACHE_SECONDS, until_change)


def remembered(name, parts, compute):
    """`compute()`, kept like a page under the current generation: for a part many pages
    share (the news list's facet counts, the same on every page and in every language)."""
    if settings.PAGE_CACHE_SECONDS <= 0:
        return compute()
    current = generation()
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()
    key = f"page-cache:{current}:{name}:{digest}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout(current))
    return value


def rendered_by_another(key):
    """The page another request is rendering, once it is kept; None if it does not come
    within RENDER_WAIT_SECONDS (that request failed, or the page is not kept): then render."""
    deadline = time.monotonic() + RENDER_WAIT_SECONDS
    while time.monotonic() < deadline:
        time.sleep(RENDER_POLL_SECONDS)
        response = cache.get(key)
        if response is not None:
            return response
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


def page_key(request, current):
    # The address and the language: absolute links in feeds and metadata depend on the host.
    query = request.GET.urlencode()
    address = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"page-cache:{current}:{get_language()}:{digest}"


def mark_public(response):
    """Cacheable by browsers and a CDN, which revalidate (ETag) so that edits show at once."""
    patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
    if settings.CDN_CACHE_SECONDS:
        patch_cache_control(response, s_maxage=settings.CDN_CACHE_SECONDS)
    patch_vary_headers(response, ["Cookie"])


def cached_for_readers(view=None, *, params=()):
    """Serve `view` to anonymous readers from the page cache, keeping what it renders.

    `params` names the query parameters the view reads; the view sees only those, in their
    canonical form (canonical_query), whoever asks.
    """
    if view is None:
        return lambda view: cached_for_readers(view, params=params)

    @wraps(view)
    def cached_view(request, *args, **kwargs):
        request.GET = canonical_query(request.GET, params)
        if not for_readers(request):
            response = view(request, *args, **kwargs)
            if request.COOKIES.get(settings.SESSION_COOKIE_NAME):
                patch_cache_control(response, private=True, no_cache=True)
            return response
        current = generation()
        key = page_key(request, current)
        response = cache.get(key)
        if response is not None:
            return response
        # No stampede: when a popular page is missing (a change, its expiry), one request
        # renders it and the others arriving meanwhile wait for that page.
        rendering = f"{key}:rendering"
        if not cache.add(rendering, True, RENDER_WAIT_SECONDS):
            response = rendered_by_another(key)
            if response is not None:
                return response
        try:
            response = view(request, *args, **kwargs)
        except BaseException:
            cache.delete(rendering)
            raise
        if not storable(response) or request.method != "GET":
            # A HEAD response may lose its body on the way out: only a GET's is kept.
            cache.delete(rendering)
            if storable(response):
                mark_public(response)
            return response
        mark_public(response)

        def store(rendered):
            set_response_etag(rendered)
            cache.set(key, rendered, timeout(current))
            cache.delete(rendering)

        if hasattr(response, "render") and not response.is_rendered:
            response.add_post_render_callback(store)
        else:
            store(response)
        return response

    return cached_view
