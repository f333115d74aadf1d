import re
from urllib.parse import unquote

from django.conf import settings
from django.http import Http404, JsonResponse
from django.utils import translation
from django.utils.cache import patch_cache_control

# No address or session key holds a control character, and a NUL in a slug, a search or the
# session cookie would make PostgreSQL refuse the query (DataError, a server error). A query
# string may still carry the tab and line breaks that a form field can hold.
CONTROL = re.compile(r"[\x00-\x1f]")
CONTROL_IN_QUERY = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def holds_control_characters(request):
    return bool(
        CONTROL.search(request.path_info)
        or CONTROL_IN_QUERY.search(unquote(request.META.get("QUERY_STRING", "")))
        or CONTROL.search(request.COOKIES.get(settings.SESSION_COOKIE_NAME, ""))
    )


class ControlCharacterMiddleware:
    """Answer a request whose address or session cookie holds a control character with the
    site's "page not found"."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if holds_control_characters(request):
            raise Http404("The request holds a control character.")
        return self.get_response(request)


class StaffLanguageMiddleware:
    """In the admin, speak each staff member's own language, whatever their browser asks for."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/" + settings.ADMIN_URL.lstrip("/")

    def __call__(self, request):
        if request.path.startswith(self.admin_prefix) and request.user.is_authenticated:
            profile = getattr(request.user, "staff_profile", None)
            if profile is not None:
                translation.activate(profile.language)
                request.LANGUAGE_CODE = profile.language
        return self.get_response(request)


class ApiMethodsMiddleware:
    """The content API's operations are GET alone (and so is its schema): a HEAD is answered as
    its GET would be, without the body, as link checkers and caches expect of every readable
    address; any write is refused in JSON, as every API answer is."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith("/api/"):
            return self.get_response(request)
        if request.method != "HEAD":
            response = self.get_response(request)
            if response.status_code == 405:
                return refused(response)
            return response
        request.method = "GET"
        response = self.get_response(request)
        if response.status_code == 200 and not response.streaming:
            length = len(response.content)
            response.content = b""
            response["Content-Length"] = str(length)
        return response


def refused(not_allowed):
    response = JsonResponse({"detail": "Method not allowed.", "errors": []}, status=405)
    response["Allow"] = not_allowed.get("Allow", "GET")
    patch_cache_control(response, no_store=True)
    return response
