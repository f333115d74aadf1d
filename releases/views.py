from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language, gettext, override

from core import page_cache
from core.images import rendition_url
from core.page_cache import cached_for_readers
from core.seo import page_meta
from events.models import Event

from .facets import release_facets, result_count
from .filters import ReleaseFilter
from .models import Release
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


@cached_for_readers(params=[*ReleaseFilter.base_filters, "page"])
def news_list(request):
    releases = Release.objects.published()
    filterset = ReleaseFilter(request.GET, queryset=releases)
    facets = release_facets(filterset)
    paginator = ArchivePaginator(filterset.qs.listed(), PAGE_SIZE)
    # The facets have counted the list already: no COUNT query of its own.
    paginator.count = result_count(facets, filterset)
    page = paginator.get_page(request.GET.get("page"))
    query = filterset.form.cleaned_data.get("q", "") if filterset.is_valid() else ""
    return render(
        request,
        "releases/news_list.html",
        {
            "filter": filterset,
            "facets": facets,
            "page": page,
            "releases": list(page),
            "query": query,
            "search_capped": bool(query) and page.paginator.count >= SEARCH_LIMIT,
            "search_limit": SEARCH_LIMIT,
            "filtered": any(value for key, value in request.GET.items() if key != "page"),
        },
    )


def archive_figures():
    return {
        "releases": Release.objects.published().count(),
        "events": Event.objects.count(),
        "countries": Event.objects.exclude(country="").values("country").distinct().count(),
    }


@cached_for_readers
def home(request):
    return render(
        request,
        "releases/home.html",
        {
            "releases": list(Release.objects.published().listed()[:8]),
            "upcoming_events": list(Event.objects.upcoming()[:4]),
            "recent_events": list(Event.objects.recent()[:4]),
            # Counting the whole archive takes longer than the rest of the page: kept like one.
            "figures": page_cache.remembered("home-figures", [], archive_figures),
            "meta": page_meta(request, title=gettext("Newsroom")),
        },
    )


@cached_for_readers
def release_detail(request, slug):
    language = get_language()
    releases = (
        Release.objects.published()
        .select_related("source_organisation")
        .prefetch_related("language_versions")
    )
    # This language's slug first; then any language's, for links made before a translation.
    release = (
        releases.filter(**{f"slug_{language}": slug}).first() or releases.with_slug(slug).first()
    )
    if release is None:
        raise Http404
    shown_in = release.language_shown_to(language)
    own_slug = getattr(release, f"slug_{language}", "") if shown_in == language else ""
    if own_slug and own_slug != slug:
        return redirect(release, permanent=True)
    return render(request, "releases/release_detail.html", release_context(request, release))


def release_context(request, release, *, preview=False):
    """Everything the release page shows, in a fixed number of queries."""
    language = get_language()
    shown_in = language if preview else release.language_shown_to(language)
    topics = list(release.topics.all())
    related = (
        Release.objects.published().tagged("topics", topics).exclude(pk=release.pk).listed()[:5]
    )
    with override(shown_in):
        title, lede = release.title, release.lede
    image = release.hero_image
    return {
        "release": release,
        "shown_in": shown_in,
        "preview": preview,
        "topics": topics,
        "events": list(release.events.all()),
        "people": list(release.people.all()),
        "organisations": list(release.organisations.all()),
        "quotes": list(release.quotes.select_related("person", "event")),
        "related": list(related),
        "renditions": image_renditions(image),
        "meta": page_meta(
            request,
            title=title,
            description=lede,
            path_in=lambda code: release.get_absolute_url(),
            languages=release.public_languages(),
            image=rendition_url(image, "social") if image else None,
            og_type="article",
            schema={
                "@type": "NewsArticle",
                "headline": title,
                "description": lede,
                "inLanguage": shown_in,
                "datePublished": release.published_at.isoformat() if release.published_at else "",
                "dateModified": release.updated_at.isoformat(),
                "publisher": {"@type": "Organization", "name": gettext("Newsroom")},
            },
        ),
    }


def image_renditions(image):
    """The hero image's renditions that exist, for srcset; none when there is no image."""
    if not image:
        return {}
    return {name: url for name in ("list", "detail") if (url := rendition_url(image, name))}


def release_preview(request, pk):
    """Staff who may read releases see any of them, in the URL's language, as the public page
    will render it; for anyone else it does not exist."""
    if not (request.user.is_staff and request.user.has_perm("newsroom.view_release")):
        raise Http404
    release = get_object_or_404(Release.objects.select_related("source_organisation"), pk=pk)
    response = render(
        request, "releases/release_detail.html", release_context(request, release, preview=True)
    )
    # A draft is for this staff member's eyes only: no shared cache keeps it, no crawler lists it.
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
