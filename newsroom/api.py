"""The read-only content API at /api/v1/: each app's resources (releases/api.py, events/api.py,
people/api.py, organisations/api.py) under one schema, with the rules every response follows.

Only GET (and HEAD): no cookie is set, any origin may read it without credentials (CORS,
settings), and each client has a rate limit (API_RATE_LIMIT). Every answer is JSON, errors
included: a malformed parameter is a 400 with what was wrong, an unknown record a 404, a write
a 405 (newsroom/middleware.py), too many requests a 429; none of them is kept by a cache. A 200
is revalidated by its ETag as the pages are, and says its language.
"""

import contextlib
import ipaddress

from django.conf import settings
from django.http import Http404, JsonResponse
from django.utils.cache import patch_cache_control
from django.views import defaults
from ninja import NinjaAPI, Swagger
from ninja.errors import ValidationError
from ninja.renderers import JSONRenderer
from ninja.throttling import AnonRateThrottle

from core import page_cache
from events.api import router as events
from newsroom.proxies import client_address
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


class PerClient(AnonRateThrottle):
    """The rate limit per client, found as django-axes finds it (newsroom/proxies.py): behind
    TRUSTED_PROXY_COUNT proxies, the address the nearest vouches for, never a forged one. An
    IPv6 client is its /64, which one machine may hold whole."""

    def get_ident(self, request):
        address = client_address(request) or ""
        with contextlib.suppress(ValueError):
            parsed = ipaddress.ip_address(address)
            if parsed.version == 6:
                return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
        return address


class ContentAPI(NinjaAPI):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.schemas = {}

    def create_response(self, request, data, *, status=None, temporal_response=None):
        response = super().create_response(
            request, data, status=status, temporal_response=temporal_response
        )
        language = getattr(request, "api_language", None)
        if language:
            response["Content-Language"] = language
        if response.status_code == 200:
            # Revalidated by its ETag, as the pages are; never kept by a CDN without asking, as
            # no renewal could purge it (it carries no tags).
            page_cache.mark_public(response, 0)
        else:
            patch_cache_control(response, no_store=True)
        return response

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        # Built once per process: it never changes, and building it takes tens of milliseconds.
        key = (path_prefix, tuple(sorted((path_params or {}).items())))
        if key not in self.schemas:
            self.schemas[key] = super().get_openapi_schema(
                path_prefix=path_prefix, path_params=path_params
            )
        return self.schemas[key]


api = ContentAPI(
    title="Newsroom content API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api",
    openapi_url="/schema/",
    docs=Swagger(settings={"persistAuthorization": False}),
    docs_url="/docs/",
    throttle=[PerClient(settings.API_RATE_LIMIT)],
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


def json_error(detail, status):
    response = JsonResponse({"detail": detail, "errors": []}, status=status)
    patch_cache_control(response, no_store=True)
    return response


def page_not_found(request, exception=None):
    """An address under /api/ that no resource has is a 404 in JSON, as every API answer."""
    if in_api(request):
        return json_error("Not found.", 404)
    return defaults.page_not_found(request, exception)


def server_error(request):
    if in_api(request):
        return json_error("Server error.", 500)
    return defaults.server_error(request)
