from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language, gettext

from core import page_cache
from core.images import rendition_url
from core.languages import CODES
from core.page_cache import cached_for_readers
from core.seo import atom, page_meta, rss
from events.models import Event

from . import live_texts, news_index
from .facets import release_facets, result_count
from .filters import ReleaseFilter
from .models import LiveQuote, LiveText, PublicRelease, Release
from .models.public_release import PUBLIC_COLUMNS, UNSHOWN, for_reader
from .models.release import SEARCH_LIMIT

PAGE_SIZE = 20


class ArchivePaginator(Paginator):
    """Pages of a release queryset that skip to deep pages on the index alone.

    OFFSET 90,000 would read 90,000 rows from the table; here the offset runs over the ordered
    primary keys (an index-only scan) and just the page's own rows are read.
    """

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        keys = self.object_list.values("pk")[bottom:top]
        return self._get_page(self.object_list.filter(pk__in=keys), number, self)


@cached_for_readers(
    params=[*ReleaseFilter.base_filters, "page"],
    # The filters' options name topics, events, people and organisations.
    shows=["releases", "topics", "events", "people", "organisations"],
)
def news_list(request):
    releases = Release.objects.published()
    filterset = ReleaseFilter(request.GET, queryset=releases)
    facets = release_facets(filterset)
    if listing := news_index.listing_for(filterset):
        places = listing.matching(listing.chosen(filterset))
        paginator = Paginator(listing.releases(places), PAGE_SIZE)
    else:
        paginator = ArchivePaginator(filterset.qs.listed(), PAGE_SIZE)
        # The facets have counted the list already: no COUNT query of its own.
        paginator.count = result_count(facets, filterset)
    page = paginator.get_page(request.GET.get("page"))
    query = filterset.form.cleaned_data.get("q", "") if filterset.is_valid() else ""
    feeds = list_feeds(filterset)
    return render(
        request,
        "releases/news_list.html",
        {
            "filter": filterset,
            "facets": facets,
            "page": page,
            "releases": for_reader(page),
            "query": query,
            "search_capped": bool(query) and page.paginator.count >= SEARCH_LIMIT,
            "search_limit": SEARCH_LIMIT,
            "filtered": any(value for key, value in request.GET.items() if key != "page"),
            "feed": feeds[0][1],
            "meta": page_meta(
                request,
                title=gettext("News"),
                description=gettext(
                    "The latest news, press releases and statements, newest first."
                ),
                schema={
                    "@type": "CollectionPage",
                    "name": gettext("News"),
                    "inLanguage": get_language(),
                },
                feeds=feeds,
            ),
        },
    )


def list_feeds(filterset):
    """The list's own feeds: a topic's, an event's or an organisation's when that is its one
    filter, else the news feed (RSS and Atom)."""
    data = filterset.form.cleaned_data if filterset.is_valid() else {}
    chosen = [name for name, value in data.items() if value]
    if len(chosen) == 1 and chosen[0] in ("topic", "event", "organisation"):
        kind = chosen[0]
        return [rss(reverse(f"feeds:{kind}_feed", kwargs={"slug": data[kind].slug}))]
    return [rss(reverse("feeds:feed_rss")), atom(reverse("feeds:feed_atom"))]


def archive_figures():
    return {
        # Read off the news index: counting the archive is what it spares.
        "releases": news_index.current().count,
        "events": Event.objects.count(),
        "countries": Event.objects.exclude(country="").values("country").distinct().count(),
    }


@cached_for_readers(shows=["releases", "events"])
def home(request):
    return render(
        request,
        "releases/home.html",
        {
            "releases": Release.objects.published().listed()[:8].for_reader(),
            "upcoming_events": list(Event.objects.upcoming()[:4]),
            "recent_events": list(Event.objects.recent()[:4]),
            # Counting the whole archive takes longer than the rest of the page: kept like one.
            "figures": page_cache.remembered(
                "home-figures", [], archive_figures, shows=["releases", "events"]
            ),
            "meta": page_meta(request, title=gettext("Newsroom")),
        },
    )


@cached_for_readers
def release_detail(request, slug):
    """A release's page, found by the live slug of any of its languages; any address but the
    reader's own for it answers with a permanent redirect there."""
    found = (
        LiveText.objects.current()
        .filter(Release.objects.public_condition(through="release__"), slug=slug)
        .values_list("release_id", flat=True)
        .first()
    )
    if found is None:
        raise Http404
    releases = (
        Release.objects.filter(pk=found)
        .only(*PUBLIC_COLUMNS)
        .prefetch_related(
            Prefetch(
                "live_texts",
                queryset=LiveText.objects.current()
                .defer(*UNSHOWN)
                .prefetch_related(
                    Prefetch("quotes", queryset=LiveQuote.objects.select_related("person", "event"))
                ),
                to_attr="current_texts",
            )
        )
    )
    [item] = for_reader(releases)
    if item.slug != slug:
        return redirect(item.url, permanent=True)
    # The switcher goes straight to each language's own address: no redirect on the way.
    request.language_urls = {code: item.url_for(code) for code in CODES}
    return render(request, "releases/release_detail.html", release_context(request, item))


def release_context(request, item, *, preview=False):
    """Everything the release page shows of `item` (a PublicRelease), in a fixed number of
    queries."""
    release = item.release
    topics = list(release.topics.all())
    related = (
        Release.objects.published().tagged("topics", topics).exclude(pk=release.pk).listed()[:5]
    )
    image = release.hero_image
    return {
        "release": item,
        "shown_in": item.language,
        "preview": preview,
        "topics": topics,
        "events": list(release.events.all()),
        "people": list(release.people.all()),
        "organisations": list(release.organisations.all()),
        "quotes": list(item.quotes),
        "related": related.for_reader(),
        "renditions": image_renditions(image),
        "meta": page_meta(
            request,
            title=item.title,
            description=item.lede,
            path_in=item.url_for,
            languages=item.languages,
            image=rendition_url(image, "social") if image else None,
            og_type="article",
            schema={
                "@type": "NewsArticle",
                "headline": item.title,
                "description": item.lede,
                "inLanguage": item.language,
                "datePublished": item.published_at.isoformat() if item.published_at else "",
                "dateModified": item.updated_at.isoformat(),
                "publisher": {"@type": "Organization", "name": gettext("Newsroom")},
            },
        ),
    }


def image_renditions(image):
    """The hero image's renditions that exist, for srcset; none when there is no image."""
    if not image:
        return {}
    return {name: url for name in ("list", "detail") if (url := rendition_url(image, name))}


def preview_of(release, language):
    """The release as it will read once published: its working copy in `language`, in the shape
    of a live text (nothing is stored)."""
    text, quotes = live_texts.unsaved_live_text(release, language)
    text.quotes_preview = quotes
    return PreviewRelease(release, text, {language: text})


class PreviewRelease(PublicRelease):
    @property
    def quotes(self):
        return self.text.quotes_preview

    @property
    def updated_at(self):
        return self.release.updated_at

    def url_for(self, language):
        return reverse("releases:release_preview", kwargs={"pk": self.pk})


def release_preview(request, pk):
    """Staff who may read releases see any of them, in the URL's language, as the public page
    will render it; for anyone else it does not exist."""
    if not (request.user.is_staff and request.user.has_perm("newsroom.view_release")):
        raise Http404
    release = get_object_or_404(Release.objects.select_related("source_organisation"), pk=pk)
    response = render(
        request,
        "releases/release_detail.html",
        release_context(request, preview_of(release, get_language()), preview=True),
    )
    # A draft is for this staff member's eyes only: no shared cache keeps it, no crawler lists it.
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
