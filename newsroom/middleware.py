from django.conf import settings
from django.utils import translation


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
