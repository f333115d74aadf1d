from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from . import views
from .health import health
from .syndication_urls import feed_patterns, root_patterns

release_patterns = [
    path("", views.home, name="home"),
    path("news/", views.news_list, name="news"),
    path("news/preview/<int:pk>/", views.release_preview, name="release_preview"),
    path("news/<str:slug>/", views.release_detail, name="release"),
]

urlpatterns = [
    path("health/", health, name="health"),
    path(settings.ADMIN_URL, admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
]
urlpatterns += root_patterns
urlpatterns += i18n_patterns(
    # Before the release pages: "news/<str:slug>/" would otherwise take "news/feed/".
    path("", include((feed_patterns, "feeds"))),
    path("", include((release_patterns, "newsroom"))),
    path("", include("events.urls")),
    path("", include("people.urls")),
    path("", include("organisations.urls")),
)

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
