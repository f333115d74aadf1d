from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language, gettext

from events.models import Event
from newsroom.models import Release
from newsroom.page_cache import cached_for_readers
from newsroom.seo import page_meta
from newsroom.views import display_items

from .funding import funding_context
from .models import Organisation, Pledge

PAGE_SIZE = 50
# The newest pledges on an organisation's page; the funding page, filtered to it, has them all.
PLEDGES_SHOWN = 20


@cached_for_readers
def organisation_list(request):
    kind = request.GET.get("kind", "")
    organisations = Organisation.objects.filter(parent__isnull=True).select_related("parent")
    if kind in Organisation.Kind.values:
        organisations = Organisation.objects.filter(kind=kind).select_related("parent")
    page = Paginator(organisations, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "organisations/organisation_list.html",
        {
            "page": page,
            "kinds": Organisation.Kind.choices,
            "kind": kind if kind in Organisation.Kind.values else "",
            "meta": page_meta(request, title=gettext("Organisations")),
        },
    )


@cached_for_readers
def organisation_detail(request, slug):
    organisation = get_object_or_404(Organisation.objects.select_related("parent"), slug=slug)
    units = Organisation.objects.with_units(organisation)
    events = Event.objects.filter(
        Exists(
            Event.organisers.through.objects.filter(event=OuterRef("pk"), organisation__in=units)
        )
        | Exists(
            Event.partners.through.objects.filter(event=OuterRef("pk"), organisation__in=units)
        )
    ).order_by("-start_date")
    pledges = Pledge.objects.public().select_related("donor", "recipient", "programme")
    releases = Release.objects.published().tagged("organisations", units).listed()
    return render(
        request,
        "organisations/organisation_detail.html",
        {
            "organisation": organisation,
            "units": [unit for unit in units.order_by("name") if unit != organisation],
            "events": list(events[:50]),
            "pledges_given": list(pledges.filter(donor=organisation)[:PLEDGES_SHOWN]),
            "pledges_received": list(pledges.filter(recipient__in=units)[:PLEDGES_SHOWN]),
            "items": display_items(releases[:30]),
            "meta": page_meta(
                request,
                title=organisation.name,
                description=organisation.description,
                path_in=lambda code: organisation.get_absolute_url(),
                schema={
                    "@type": "Organization",
                    "name": organisation.name,
                    "alternateName": organisation.acronym,
                    "url": organisation.website,
                    "inLanguage": get_language(),
                },
            ),
        },
    )


@cached_for_readers
def funding(request):
    context = funding_context(request.GET)
    context["meta"] = page_meta(request, title=gettext("Funding"))
    return render(request, "organisations/funding.html", context)
