"""Feeds (inside i18n_patterns, one per language) and the sitemap and robots.txt (at the root)."""

from django.contrib.sitemaps.views import sitemap
from django.shortcuts import render
from django.urls import path, reverse

from .feeds import LatestReleasesAtomFeed, LatestReleasesFeed
from .sitemaps import SITEMAPS


def robots_txt(request):
    return render(
        request,
        "robots.txt",
        {
            "sitemap_url": request.build_absolute_uri(reverse("sitemap")),
        },
        content_type="text/plain; charset=utf-8",
    )


rss_feed = LatestReleasesFeed()

# Include these before the release pages: "news/<str:slug>/" would otherwise take "news/feed/".
feed_patterns = [
    path("news/feed/", rss_feed, name="feed_rss"),
    path("news/feed/atom/", LatestReleasesAtomFeed(), name="feed_atom"),
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
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
]
