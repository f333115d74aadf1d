from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language

from .models import Release


def home(request):
    releases = Release.objects.published().select_related("source_organisation")[:20]
    return render(request, "newsroom/home.html", {"releases": releases})


def release_detail(request, slug):
    release = (
        Release.objects.published()
        .with_slug(slug)
        .select_related("source_organisation")
        .prefetch_related("topics", "quotes__person")
        .first()
    )
    if release is None:
        raise Http404
    # A link carrying another language's slug lands on this language's own address.
    own_slug = getattr(release, f"slug_{get_language()}", "")
    if own_slug and own_slug != slug:
        return redirect(release, permanent=True)
    return render(request, "newsroom/release_detail.html", {"release": release})
