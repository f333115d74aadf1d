"""Feeds (inside i18n_patterns, one per language) and the sitemap and robots.txt (at the root)."""

from django.contrib.sitemaps.views import index
from django.shortcuts import render
from django.urls import path, reverse

from core.page_cache import cached_for_readers
from core.sitemaps import section as sitemap_section
from releases.feeds import LatestReleasesAtomFeed, LatestReleasesFeed

from .sitemaps import SITEMAPS

# The sitemap lists every public record.
EVERY_COLLECTION = ["releases", "events", "people", "organisations", "programmes", "topics"]


@cached_for_readers
def robots_txt(request):
    return render(
        request,
        "robots.txt",
        {
            "sitemap_url": request.build_absolute_uri(reverse("sitemap")),
        },
        content_type="text/plain; charset=utf-8",
    )


rss_feed = cached_for_readers(LatestReleasesFeed(), shows=["releases"])

# Include these before the release pages: "news/<str:slug>/" would otherwise take "news/feed/".
feed_patterns = [
    path("news/feed/", rss_feed, name="feed_rss"),
    path(
        "news/feed/atom/",
        cached_for_readers(LatestReleasesAtomFeed(), shows=["releases"]),
        name="feed_atom",
    ),
    path("topics/<str:slug>/feed/", rss_feed, {"kind": "topic"}, name="topic_feed"),
    path("events/<str:slug>/feed/", rss_feed, {"kind": "event"}, name="event_feed"),
    path(
        "organisations/<str:slug>/feed/",
        rss_feed,
        {"kind": "organisation"},
        name="organisation_feed",
    ),
]

root_patterns = [
    path(
        "sitemap.xml",
        cached_for_readers(index, shows=EVERY_COLLECTION),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        # "p": the page of a section.
        cached_for_readers(sitemap_section, params=["p"], shows=EVERY_COLLECTION),
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
    path("robots.txt", robots_txt, name="robots_txt"),
]
