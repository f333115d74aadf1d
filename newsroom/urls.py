from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from .api import api
from .health import health
from .syndication_urls import feed_patterns, root_patterns

admin.site.site_header = _("Newsroom")
admin.site.site_title = _("Newsroom")
admin.site.index_title = _("Newsroom administration")

urlpatterns = [
    path("health/", health, name="health"),
    # Where the link an Administrator sends (staff/admin.py) lets its owner set a password.
    path(
        f"{settings.ADMIN_URL}reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        f"{settings.ADMIN_URL}reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path(settings.ADMIN_URL, admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", api.urls),
]
urlpatterns += root_patterns
urlpatterns += i18n_patterns(
    # Before the release pages: "news/<str:slug>/" would otherwise take "news/feed/".
    path("", include((feed_patterns, "feeds"))),
    path("", include("releases.urls")),
    path("", include("events.urls")),
    path("", include("people.urls")),
    path("", include("organisations.urls")),
)

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# JSON under /api/, the site's pages elsewhere.
handler404 = "newsroom.api.page_not_found"
handler500 = "newsroom.api.server_error"
