from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language

from newsroom.models import Quote, Release
from newsroom.page_cache import cached_for_readers
from newsroom.seo import page_meta
from newsroom.views import display_items

from .models import Person


@cached_for_readers
def person_detail(request, slug):
    person = get_object_or_404(Person, slug=slug)
    positions = person.positions.select_related("organisation")
    participations = person.participations.select_related("event", "affiliation").order_by(
        "-event__start_date"
    )
    published = Release.objects.published()
    quotes = (
        Quote.objects.filter(person=person, release__in=published)
        .select_related("release", "event")
        .order_by("-release__published_at")
    )
    releases = published.tagged("people", [person]).listed()
    return render(
        request,
        "people/person_detail.html",
        {
            "person": person,
            "positions": list(positions),
            "participations": list(participations),
            "quotes": list(quotes),
            "items": display_items(releases[:30]),
            "meta": page_meta(
                request,
                title=person.name,
                description=person.bio,
                path_in=lambda code: person.get_absolute_url(),
                languages=[c for c in ("ar", "en", "fa") if getattr(person, f"name_{c}")],
                og_type="profile",
                schema={
                    "@type": "Person",
                    "name": person.name,
                    "inLanguage": get_language(),
                    "jobTitle": positions[0].title if positions else "",
                },
            ),
        },
    )
