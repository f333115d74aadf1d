"""The read-only content API at /api/v1/: each app's resources (releases/api.py, events/api.py,
people/api.py, organisations/api.py) under one schema, with the rules every response follows.

Only GET: no cookies are read or set, any origin may read it (CORS, settings), and each
client address has a rate limit (API_RATE_LIMIT). Every answer is JSON, errors included: a
malformed parameter is a 400 with what was wrong, an unknown record a 404, too many requests
a 429. A 200 is cacheable as the pages are (revalidated by its ETag; a CDN may keep it
CDN_CACHE_SECONDS) and says its language.
"""

from django.conf import settings
from django.http import Http404, JsonResponse
from django.views import defaults
from ninja import NinjaAPI, Swagger
from ninja.errors import ValidationError
from ninja.renderers import JSONRenderer
from ninja.throttling import AnonRateThrottle

from core import page_cache
from events.api import router as events
from organisations.api import router as organisations
from people.api import router as people
from releases.api import router as releases

DESCRIPTION = """What the newsroom publishes, for other sites and apps: releases, events, people,
organisations, programmes, pledges and topics, in Arabic, English and Persian. Only public
items and their approved text. Ask for a language with `?language=ar|en|fa` (or the
Accept-Language header); an item without approved text in it comes in its fallback, and says
which (`language`, and `languages` it may be read in). Lists run newest first where items have
dates; follow `next` to walk them."""


class Readable(JSONRenderer):
    # Arabic and Persian as UTF-8, not \u escapes: a third of the bytes.
    json_dumps_params = {"ensure_ascii": False, "separators": (",", ":")}


class ContentAPI(NinjaAPI):
    def create_response(self, request, data, *, status=None, temporal_response=None):
        response = super().create_response(
            request, data, status=status, temporal_response=temporal_response
        )
        language = getattr(request, "api_language", None)
        if language:
            response["Content-Language"] = language
        if response.status_code == 200:
            cdn_seconds = settings.CDN_CACHE_SECONDS
            if cdn_seconds:
                # A CDN keeps it no longer than until a scheduled change, which no save purges.
                until_change = page_cache.seconds_until_next_scheduled_change()
                cdn_seconds = page_cache.capped(cdn_seconds, until_change)
            page_cache.mark_public(response, cdn_seconds)
        return response


api = ContentAPI(
    title="Newsroom content API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api",
    openapi_url="/schema/",
    docs=Swagger(settings={"persistAuthorization": False}),
    docs_url="/docs/",
    throttle=[AnonRateThrottle(settings.API_RATE_LIMIT)],
    renderer=Readable(),
)
for router in (releases, events, people, organisations):
    api.add_router("", router)


@api.exception_handler(ValidationError)
def malformed(request, exc):
    """A parameter the schema refuses: 400, and which one and why (not the default 422)."""
    errors = [
        {"loc": list(error.get("loc", ())), "msg": str(error.get("msg", ""))}
        for error in exc.errors
    ]
    return api.create_response(
        request, {"detail": "Malformed request.", "errors": errors}, status=400
    )


@api.exception_handler(Http404)
def unknown(request, exc):
    """A record that is not public, or does not exist: the same 404, saying which."""
    return api.create_response(request, {"detail": str(exc) or "Not found."}, status=404)


def in_api(request):
    return request.path.startswith("/api/")


def page_not_found(request, exception=None):
    """An address under /api/ that no resource has is a 404 in JSON, as every API answer."""
    if in_api(request):
        return JsonResponse({"detail": "Not found.", "errors": []}, status=404)
    return defaults.page_not_found(request, exception)


def server_error(request):
    if in_api(request):
        return JsonResponse({"detail": "Server error.", "errors": []}, status=500)
    return defaults.server_error(request)
