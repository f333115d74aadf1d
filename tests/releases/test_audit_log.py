"""Every change of what the public sees writes one log entry: who, when, from what to what,
whichever way it was made (the form, a bulk action, a restored revision, a command)."""

from datetime import timedelta

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.utils import timezone, translation
from reversion.models import Version

from releases.models import Release
from staff import roles
from tests.admin_forms import change_form_data
from tests.factories import ReleaseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def publisher(client):
    user = User.objects.create_user("publisher", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=roles.PUBLISHER))
    client.force_login(user)
    return user


def entries(release):
    with translation.override("en"):
        return [
            (entry.user.username, entry.get_change_message())
            for entry in LogEntry.objects.filter(object_id=str(release.pk)).order_by("pk")
        ]


def split_datetime(moment):
    local = timezone.localtime(moment)
    return {
        "published_at_0": local.strftime("%Y-%m-%d"),
        "published_at_1": local.strftime("%H:%M:%S"),
    }


def add_release(client, **fields):
    page = client.get("/admin/newsroom/release/add/")
    data = change_form_data(page, title_ar="بيان جديد", lede_ar="مقدمة", **fields)
    assert client.post("/admin/newsroom/release/add/", data).status_code == 302
    return Release.objects.get(title_ar="بيان جديد")


def test_creating_a_release_already_published_is_logged(client, publisher):
    release = add_release(client, status="published")

    assert ("publisher", "Created as published.") in entries(release)


def test_creating_a_scheduled_release_is_logged_with_its_time(client, publisher):
    later = timezone.now() + timedelta(days=2)
    release = add_release(client, status="published", **split_datetime(later))

    assert any(message.startswith("Created, scheduled for") for _user, message in entries(release))


def test_moving_a_live_releases_date_into_the_future_is_logged(client, publisher):
    release = ReleaseFactory()
    url = f"/admin/newsroom/release/{release.pk}/change/"
    later = timezone.now() + timedelta(days=3)

    response = client.post(url, change_form_data(client.get(url), **split_datetime(later)))

    assert response.status_code == 302
    assert any("off the public site until then" in message for _user, message in entries(release))


def test_restoring_a_revision_that_republishes_an_archived_release_is_logged(client, publisher):
    release = ReleaseFactory(status="draft", published_at=None)
    url = f"/admin/newsroom/release/{release.pk}/change/"
    client.post(url, change_form_data(client.get(url), status="published"))
    client.post(url, change_form_data(client.get(url), status="archived"))
    published = Version.objects.get_for_object(release)[1]
    assert published.field_dict["status"] == "published"

    revision_url = f"/admin/newsroom/release/{release.pk}/history/{published.pk}/"
    response = client.post(revision_url, change_form_data(client.get(revision_url)))

    assert response.status_code == 302
    release.refresh_from_db()
    assert release.status == "published"
    restored = [(user, message) for user, message in entries(release) if "Restored" in message]
    assert len(restored) == 1
    user, message = restored[0]
    assert user == "publisher"
    assert message.startswith("Restored the revision saved at")
    assert "Status changed from archived to published." in message


def test_a_bulk_publish_logs_each_release(client, publisher):
    drafts = ReleaseFactory.create_batch(2, status="draft", published_at=None)
    client.post(
        "/admin/newsroom/release/",
        {"action": "publish_selected", "_selected_action": [str(r.pk) for r in drafts]},
    )
    for release in drafts:
        assert ("publisher", "Status changed from draft to published.") in entries(release)


def test_what_a_command_publishes_is_logged_as_the_system(settings):
    call_command("load_demo", verbosity=0)

    release = Release.objects.published().first()
    assert ("system", "Status changed from draft to published.") in entries(release)
    system = User.objects.get(username="system")
    assert not system.is_active and not system.has_usable_password()
