from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import get_language, gettext

from core.languages import public_text
from core.page_cache import cached_for_readers
from core.seo import page_meta, rss

from .filters import EventFilter
from .models import Event

PAGE_SIZE = 30
# The newest releases about an event; the news list filtered by it gives the rest.
RELEASES_SHOWN = 10


@cached_for_readers(params=[*EventFilter.base_filters, "page"], shows=["events", "organisations"])
def event_list(request):
    events = Event.objects.all()
    filterset = EventFilter(request.GET, queryset=events)
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    years = (
        events.filter(start_date__isnull=False)
        .values_list("start_date__year", flat=True)
        .distinct()
        .order_by("-start_date__year")
    )
    countries = (
        events.exclude(country="").values("country").annotate(count=Count("pk")).order_by("-count")
    )
    return render(
        request,
        "events/event_list.html",
        {
            "filter": filterset,
            "page": page,
            "years": list(years),
            "countries": [(row["country"], row["count"]) for row in countries],
            "meta": page_meta(request, title=gettext("Events")),
        },
    )


@cached_for_readers
def event_detail(request, slug):
    event = get_object_or_404(Event.objects.select_related("programme"), slug=slug)
    participations = event.participations.select_related("person", "affiliation", "session")
    # Releases and pledges link to events: read through the reverse relations, whose managers
    # are the releases' and pledges' own querysets.
    releases = event.releases.published().listed()[:RELEASES_SHOWN].for_reader()
    pledges = event.pledges.public().select_related(
        "donor", "recipient", "programme", "announced_by"
    )
    language = get_language()
    feed = reverse("feeds:event_feed", kwargs={"slug": event.slug})
    return render(
        request,
        "events/event_detail.html",
        {
            "event": event,
            "organisers": list(event.organisers.all()),
            "partners": list(event.partners.all()),
            "sessions": list(event.sessions.all()),
            "participations": list(participations),
            "pledges": list(pledges),
            "releases": releases,
            "feed": feed,
            "meta": page_meta(
                request,
                title=public_text(event, "title"),
                description=public_text(event, "summary"),
                path_in=lambda code: reverse("events:detail", kwargs={"slug": event.slug}),
                languages=event.public_languages(),
                og_type="website",
                schema=event_schema(event, language),
                feeds=[rss(feed)],
            ),
        },
    )


def event_schema(event, language):
    schema = {
        "@type": "Event",
        "name": public_text(event, "title"),
        "eventAttendanceMode": {
            "in_person": "https://schema.org/OfflineEventAttendanceMode",
            "virtual": "https://schema.org/OnlineEventAttendanceMode",
            "hybrid": "https://schema.org/MixedEventAttendanceMode",
        }.get(event.format, "https://schema.org/OfflineEventAttendanceMode"),
        "inLanguage": language,
    }
    if event.start_date and event.date_precision == "day":
        schema["startDate"] = event.start_date.isoformat()
        schema["endDate"] = (event.end_date or event.start_date).isoformat()
    if public_text(event, "city") or event.country:
        schema["location"] = {
            "@type": "Place",
            "name": public_text(event, "venue") or public_text(event, "city"),
            "address": {
                "@type": "PostalAddress",
                "addressLocality": public_text(event, "city"),
                "addressCountry": event.country.code if event.country else "",
            },
        }
    return schema
