import re
from urllib.parse import unquote

from django.conf import settings
from django.http import Http404
from django.utils import translation

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


class ApiHeadMiddleware:
    """A HEAD request to the content API is answered as its GET would be, without the body:
    the API's operations are GET alone (and so is its schema), as link checkers and caches
    expect HEAD of every readable address."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method != "HEAD" or not request.path.startswith("/api/"):
            return self.get_response(request)
        request.method = "GET"
        response = self.get_response(request)
        if not response.streaming:
            length = len(response.content)
            response.content = b""
            response["Content-Length"] = str(length)
        return response
