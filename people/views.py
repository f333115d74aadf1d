from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language, gettext

from core.languages import public_text
from core.page_cache import cached_for_readers
from core.seo import page_meta

from .filters import PersonFilter
from .models import Person

PAGE_SIZE = 50
# A person's newest releases; the news list filtered by them gives the rest.
RELEASES_SHOWN = 10
# A person's newest quotes.
QUOTES_SHOWN = 10


@cached_for_readers(params=[*PersonFilter.base_filters, "page"], shows=["people", "organisations"])
def person_list(request):
    filterset = PersonFilter(request.GET, queryset=Person.objects.order_by("slug"))
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    valid = filterset.is_valid()
    return render(
        request,
        "people/person_list.html",
        {
            "filter": filterset,
            "page": page,
            "query": filterset.form.cleaned_data.get("q", "") if valid else "",
            "organisation": filterset.form.cleaned_data.get("organisation") if valid else None,
            "meta": page_meta(request, title=gettext("People")),
        },
    )


@cached_for_readers
def person_detail(request, slug):
    person = get_object_or_404(Person, slug=slug)
    positions = person.positions.select_related("organisation")
    participations = person.participations.select_related("event", "affiliation").order_by(
        "-event__start_date"
    )
    # Quotes and releases link to people: read through the reverse relations, whose managers
    # are the releases app's own querysets, as the public reads them (their live texts).
    quotes = person.live_quotes.for_reader(newest=QUOTES_SHOWN)
    releases = person.releases.published().listed()[:RELEASES_SHOWN].for_reader()
    return render(
        request,
        "people/person_detail.html",
        {
            "person": person,
            "positions": list(positions),
            "participations": list(participations),
            "quotes": quotes,
            "releases": releases,
            "meta": page_meta(
                request,
                title=public_text(person, "name"),
                description=public_text(person, "bio"),
                path_in=lambda code: person.get_absolute_url(),
                languages=person.public_languages(),
                og_type="profile",
                schema={
                    "@type": "Person",
                    "name": public_text(person, "name"),
                    "inLanguage": get_language(),
                    "jobTitle": public_text(positions[0], "title") if positions else "",
                },
            ),
        },
    )
