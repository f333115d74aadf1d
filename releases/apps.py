from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReleasesConfig(AppConfig):
    name = "releases"
    # The label the releases had when they were part of the project package: their tables,
    # permissions ("newsroom.publish_release") and admin addresses keep it.
    label = "newsroom"
    verbose_name = _("Releases")

    def ready(self):
        from core import page_cache

        from . import cached_pages, live_texts, news_index, reported_pledges
        from .models import Release

        # A page kept now must not outlive the moment the public site changes by itself: a
        # scheduled release or change goes live, or a publication ends.
        page_cache.add_scheduled_change(Release.objects.next_change)
        news_index.watch()
        cached_pages.follow()
        live_texts.watch()
        reported_pledges.watch()
