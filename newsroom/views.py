from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language

from .facets import release_facets
from .filters import ReleaseFilter
from .models import Release

PAGE_SIZE = 20


def display_language(release, language):
    """The language to show `release` in for a reader of `language`: never an unapproved one."""
    public = release.public_languages()
    if language in public:
        return language
    chain = settings.MODELTRANSLATION_FALLBACK_LANGUAGES
    for fallback in chain.get(language, chain["default"]):
        if fallback in public:
            return fallback
    return release.source_language


def news_list(request):
    releases = Release.objects.published()
    filterset = ReleaseFilter(request.GET, queryset=releases)
    page = Paginator(
        filterset.qs.prefetch_related("language_versions").select_related("source_organisation"),
        PAGE_SIZE,
    ).get_page(request.GET.get("page"))
    language = get_language()
    query = filterset.form.cleaned_data.get("q", "") if filterset.is_valid() else ""
    return render(
        request,
        "newsroom/news_list.html",
        {
            "filter": filterset,
            "facets": release_facets(ReleaseFilter, request.GET, releases),
            "page": page,
            "items": [(release, display_language(release, language)) for release in page],
            "query": query,
            "kept_filters": urlencode(
                [(key, value) for key, value in request.GET.items() if key != "page"]
            ),
            "filtered": any(value for key, value in request.GET.items() if key != "page"),
        },
    )


def home(request):
    releases = (
        Release.objects.published()
        .select_related("source_organisation")
        .prefetch_related("language_versions")[:20]
    )
    language = get_language()
    items = [(release, display_language(release, language)) for release in releases]
    return render(request, "newsroom/home.html", {"items": items})


def release_detail(request, slug):
    language = get_language()
    releases = (
        Release.objects.published()
        .select_related("source_organisation")
        .prefetch_related("topics", "quotes__person", "language_versions")
    )
    # This language's slug first; then any language's, for links made before a translation.
    release = (
        releases.filter(**{f"slug_{language}": slug}).first() or releases.with_slug(slug).first()
    )
    if release is None:
        raise Http404
    shown_in = display_language(release, language)
    own_slug = getattr(release, f"slug_{language}", "") if shown_in == language else ""
    if own_slug and own_slug != slug:
        return redirect(release, permanent=True)
    return render(
        request, "newsroom/release_detail.html", {"release": release, "shown_in": shown_in}
    )


def release_preview(request, pk):
    """Staff see any release, in the URL's language, as the public page will render it."""
    if not request.user.is_staff:
        raise Http404
    release = get_object_or_404(Release.objects.prefetch_related("topics", "quotes__person"), pk=pk)
    return render(
        request,
        "newsroom/release_detail.html",
        {"release": release, "shown_in": get_language(), "preview": True},
    )
