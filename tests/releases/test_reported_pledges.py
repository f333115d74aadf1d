"""A pledge reported in a release is public exactly while the release is, although the funding
page reads pledges alone (the release's window is kept on its pledges)."""

from unittest import mock

import pytest
import reversion
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from reversion.models import Version

from organisations.funding import funding_context
from organisations.models import Organisation, Pledge
from releases import reported_pledges, services
from releases.models import Release
from tests.factories import OrganisationFactory, PledgeFactory, ReleaseFactory

pytestmark = pytest.mark.django_db

HOUR = timezone.timedelta(hours=1)


def public():
    return set(Pledge.objects.public().values_list("pk", flat=True))


def test_a_pledge_leaves_the_public_when_its_release_is_unpublished():
    release = ReleaseFactory()
    pledge = PledgeFactory(reported_in=release)
    assert public() == {pledge.pk}

    services.set_status(release=release, status=Release.Status.ARCHIVED, user=None)

    assert public() == set()


def test_a_pledge_reported_in_a_draft_is_public_once_the_release_is_published():
    release = ReleaseFactory(status=Release.Status.DRAFT, published_at=None)
    pledge = PledgeFactory(reported_in=release)
    assert public() == set()

    services.set_status(release=release, status=Release.Status.PUBLISHED, user=None)

    assert public() == {pledge.pk}


def test_a_scheduled_release_s_pledge_is_public_when_its_time_comes_and_until_it_ends():
    now = timezone.now()
    release = ReleaseFactory(published_at=now + HOUR, expires_at=now + 3 * HOUR)
    pledge = PledgeFactory(reported_in=release)
    assert public() == set()

    with mock.patch("django.utils.timezone.now", return_value=now + 2 * HOUR):
        assert public() == {pledge.pk}
    with mock.patch("django.utils.timezone.now", return_value=now + 4 * HOUR):
        assert public() == set()


def test_a_pledge_moved_to_a_draft_release_is_hidden_and_back_to_none_is_public():
    pledge = PledgeFactory(reported_in=ReleaseFactory())
    pledge.reported_in = ReleaseFactory(status=Release.Status.DRAFT, published_at=None)
    pledge.save()
    assert public() == set()

    pledge.reported_in = None
    pledge.save()

    assert public() == {pledge.pk}


def test_a_pledge_takes_its_release_s_window_as_stored_not_as_a_form_loaded_it():
    release = ReleaseFactory()
    pledge = PledgeFactory(reported_in=release)
    stale = Pledge.objects.select_related("reported_in").get(pk=pledge.pk)
    services.set_status(release=release, status=Release.Status.DRAFT, user=None)

    stale.description = "A correction"
    stale.save()

    assert public() == set()


def test_pledges_written_in_bulk_are_public_once_renewed():
    donor, recipient = OrganisationFactory(), OrganisationFactory()
    shown, hidden = ReleaseFactory(), ReleaseFactory(status=Release.Status.DRAFT, published_at=None)
    Pledge.objects.bulk_create(
        [
            Pledge(donor=donor, recipient=recipient, reported_in=release)
            for release in (shown, hidden)
        ]
    )
    assert public() == set()

    reported_pledges.renew(Pledge.objects.all())

    assert public() == set(Pledge.objects.filter(reported_in=shown).values_list("pk", flat=True))


def test_the_funding_page_reads_no_release():
    qatar = OrganisationFactory(kind=Organisation.Kind.MEMBER_STATE, slug="qatar")
    for _index in range(3):
        PledgeFactory(donor=qatar, reported_in=ReleaseFactory())

    with CaptureQueriesContext(connection) as queries, translation.override("en"):
        context = funding_context(QueryDict("donor=qatar"))

    assert len(context["pledges"]) == 3
    assert not [query for query in queries if "newsroom_release" in query["sql"]]


def test_a_restored_revision_of_a_pledge_takes_its_release_s_window_of_now():
    release = ReleaseFactory()
    pledge = PledgeFactory(reported_in=release)
    with reversion.create_revision():
        pledge.save()
    services.set_status(release=release, status=Release.Status.ARCHIVED, user=None)

    Version.objects.get_for_object(pledge).first().revert()

    assert public() == set()


def test_a_save_of_a_release_loaded_before_it_was_unpublished_keeps_its_pledges_hidden():
    release = ReleaseFactory()
    PledgeFactory(reported_in=release)
    loaded_earlier = Release.objects.get(pk=release.pk)
    services.set_status(release=release, status=Release.Status.ARCHIVED, user=None)

    loaded_earlier.changes = Release.Changes.EDITING
    loaded_earlier.save(update_fields=["changes"])

    assert public() == set()


@pytest.mark.parametrize(
    "fields",
    [
        {},
        {"status": Release.Status.DRAFT, "published_at": None},
        {"status": Release.Status.ARCHIVED},
        {"published_at": timezone.now() + HOUR},
        {"expires_at": timezone.now() - HOUR},
        {"expires_at": timezone.now() + HOUR},
    ],
    ids=["published", "draft", "archived", "scheduled", "expired", "expiring"],
)
def test_a_reported_pledge_is_public_exactly_when_its_release_is(fields):
    release = ReleaseFactory(**fields)
    pledge = PledgeFactory(reported_in=release)

    release_is_public = Release.objects.published().filter(pk=release.pk).exists()

    assert (pledge.pk in public()) == release_is_public
