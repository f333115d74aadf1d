from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language

from .models import Release


def home(request):
    releases = Release.objects.published().select_related("source_organisation")[:20]
    return render(request, "newsroom/home.html", {"releases": releases})


def release_detail(request, slug):
    language = get_language()
    releases = (
        Release.objects.published()
        .select_related("source_organisation")
        .prefetch_related("topics", "quotes__person")
    )
    # This language's slug first; then any language's, for links made before a translation.
    release = (
        releases.filter(**{f"slug_{language}": slug}).first() or releases.with_slug(slug).first()
    )
    if release is None:
        raise Http404
    own_slug = getattr(release, f"slug_{language}", "")
    if own_slug and own_slug != slug:
        return redirect(release, permanent=True)
    return render(request, "newsroom/release_detail.html", {"release": release})
