from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import get_language, gettext

from core.languages import public_text
from core.page_cache import cached_for_readers
from core.seo import page_meta, rss

from .filters import FundingFilter, OrganisationFilter
from .funding import funding_context
from .models import Organisation, Pledge

PAGE_SIZE = 50
# The newest pledges on an organisation's page; the funding page, filtered to it, has them all.
PLEDGES_SHOWN = 10
# The newest few; the lists of events and news give the rest.
EVENTS_SHOWN = 10
RELEASES_SHOWN = 10


def linked(relation):
    """The objects on the other side of `relation`, a reverse relation of organisations.

    Events and releases link to organisations, not the other way round: their querysets are
    reached through the relation, so this app imports neither app.
    """
    return Organisation._meta.get_field(relation).related_model.objects


@cached_for_readers(
    params=[*OrganisationFilter.base_filters, "page"], shows=["organisations", "releases"]
)
def organisation_list(request):
    filterset = OrganisationFilter(
        request.GET, queryset=Organisation.objects.select_related("parent")
    )
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "organisations/organisation_list.html",
        {
            "page": page,
            "kinds": Organisation.Kind.choices,
            "kind": filterset.form.cleaned_data.get("kind", "") if filterset.is_valid() else "",
            "meta": page_meta(request, title=gettext("Organisations")),
        },
    )


# Its units are read as keys, not loaded: any organisation's move renews the page.
@cached_for_readers(shows=["organisations"])
def organisation_detail(request, slug):
    organisation = get_object_or_404(Organisation.objects.select_related("parent"), slug=slug)
    units = Organisation.objects.with_units(organisation)
    events = linked("organised_events").involving(units).order_by("-start_date")
    pledges = Pledge.objects.public().select_related("donor", "recipient", "programme")
    releases = linked("releases").published().tagged("organisations", units).listed()
    feed = reverse("feeds:organisation_feed", kwargs={"slug": organisation.slug})
    return render(
        request,
        "organisations/organisation_detail.html",
        {
            "organisation": organisation,
            "units": [unit for unit in units.order_by("name") if unit != organisation],
            "events": list(events[:EVENTS_SHOWN]),
            "pledges_given": list(pledges.filter(donor=organisation)[:PLEDGES_SHOWN]),
            "pledges_received": list(pledges.filter(recipient__in=units)[:PLEDGES_SHOWN]),
            "releases": releases[:RELEASES_SHOWN].for_reader(),
            "feed": feed,
            "meta": page_meta(
                request,
                title=public_text(organisation, "name"),
                description=public_text(organisation, "description"),
                path_in=lambda code: organisation.get_absolute_url(),
                languages=organisation.public_languages(),
                schema={
                    "@type": "Organization",
                    "name": public_text(organisation, "name"),
                    "alternateName": public_text(organisation, "acronym"),
                    "url": organisation.website,
                    "inLanguage": get_language(),
                },
                feeds=[rss(feed)],
            ),
        },
    )


@cached_for_readers(
    params=[*FundingFilter.base_filters, "page"],
    shows=["pledges", "organisations", "programmes", "events", "releases"],
)
def funding(request):
    context = funding_context(request.GET)
    context["meta"] = page_meta(request, title=gettext("Funding"))
    return render(request, "organisations/funding.html", context)
