"""RSS and Atom feeds of the published news, in the language of the URL they are read at."""

from urllib.parse import urlencode

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext

from core import page_tags
from core.languages import public_text
from events.models import Event
from organisations.models import Organisation

from .models import Release, Topic

FEED_LENGTH = 30

# What a feed can follow, by the `kind` its URL passes; the slug names one of them.
KINDS = {"topic": Topic, "event": Event, "organisation": Organisation}


class LatestReleasesFeed(Feed):
    """The latest published releases, all of them or those of one topic, event or organisation.

    The feed's language is the active one, the URL's: Django uses it when `language` is unset.
    """

    def get_object(self, request, kind=None, slug=None):
        if kind is None:
            return None
        return get_object_or_404(KINDS[kind], slug=slug)

    def title(self, obj):
        match obj:
            case Topic():
                return gettext("News about %(topic)s") % {"topic": public_text(obj, "name")}
            case Event():
                return gettext("News from %(event)s") % {"event": public_text(obj, "title")}
            case Organisation():
                return gettext("News about %(organisation)s") % {
                    "organisation": public_text(obj, "name")
                }
        return gettext("Newsroom — latest news")

    def description(self, obj):
        match obj:
            case Topic():
                return gettext("The latest news about %(topic)s, newest first.") % {
                    "topic": public_text(obj, "name")
                }
            case Event():
                return gettext("The latest news from %(event)s, newest first.") % {
                    "event": public_text(obj, "title")
                }
            case Organisation():
                return gettext(
                    "The latest news about %(organisation)s and its units, newest first."
                ) % {"organisation": public_text(obj, "name")}
        return gettext("The latest news, press releases and statements, newest first.")

    def link(self, obj):
        news = reverse("releases:news")
        if obj is None:
            return news
        kind = next(kind for kind, model in KINDS.items() if isinstance(obj, model))
        # The news list's own filter, so the feed's page is the same selection.
        return f"{news}?{urlencode({kind: obj.slug})}"

    def items(self, obj):
        releases = Release.objects.published()
        match obj:
            case Topic():
                releases = releases.tagged("topics", [obj])
            case Event():
                releases = releases.tagged("events", [obj])
            case Organisation():
                # A parent includes its units, as on the news list: UNOCT's news includes UNCCT's.
                releases = releases.tagged("organisations", Organisation.objects.with_units(obj))
                # Its units are read as keys, not loaded: any organisation's move renews it.
                page_tags.shows("organisations")
        return releases.listed().prefetch_related("topics")[:FEED_LENGTH].for_reader()

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # Both RSS descriptions and Atom summaries (type="html") are read as HTML.
        return escape(item.lede)

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return item.published_at

    def item_categories(self, item):
        return [public_text(topic, "name") for topic in item.release.topics.all()]


class LatestReleasesAtomFeed(LatestReleasesFeed):
    feed_type = Atom1Feed
    subtitle = LatestReleasesFeed.description
