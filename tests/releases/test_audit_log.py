"""Every change of what the public sees writes one log entry: who, when, from what to what,
whichever way it was made (the form, a bulk action, a restored revision, a command)."""

from datetime import timedelta

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.utils import timezone, translation
from reversion.models import Version

from releases import services
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


def restore(client, release, version):
    revision_url = f"/admin/newsroom/release/{release.pk}/history/{version.pk}/"
    return client.post(revision_url, change_form_data(client.get(revision_url)))


def test_restoring_a_revision_brings_back_its_text_keeps_the_status_and_is_logged(
    client, publisher
):
    release = ReleaseFactory(status="draft", published_at=None, title_ar="العنوان الأول")
    url = f"/admin/newsroom/release/{release.pk}/change/"
    client.post(url, change_form_data(client.get(url), status="published"))
    client.post(url, change_form_data(client.get(url), title_ar="العنوان الثاني"))
    client.post(url, change_form_data(client.get(url), status="archived"))
    first = next(
        v
        for v in Version.objects.get_for_object(release)
        if v.field_dict["status"] == "published" and v.field_dict["title_ar"] == "العنوان الأول"
    )

    assert restore(client, release, first).status_code == 302

    release.refresh_from_db()
    assert release.title_ar == "العنوان الأول"
    assert release.status == "archived"  # a restore never publishes, nor takes off the site
    restored = [(user, message) for user, message in entries(release) if "Restored" in message]
    assert len(restored) == 1
    user, message = restored[0]
    assert user == "publisher"
    assert message.startswith("Restored the revision saved at")


def test_restoring_a_revision_leaves_each_translations_approval_as_it_is(client, publisher):
    release = ReleaseFactory(title_en="Title", lede_en="Lede.", body_en="<p>Body.</p>")
    english = release.language_versions.get(language="en")
    services.set_translation_status(version=english, status="approved", user=publisher)
    url = f"/admin/newsroom/release/{release.pk}/change/"
    client.post(url, change_form_data(client.get(url), title_ar="تصحيح"))
    approved_then = Version.objects.get_for_object(release).first()
    services.set_translation_status(version=english, status="in_review", user=publisher)

    assert restore(client, release, approved_then).status_code == 302

    assert release.language_versions.get(language="en").status == "in_review"


def test_restoring_a_revision_keeps_the_current_image(client, publisher):
    release = ReleaseFactory(hero_image="releases/now.jpg", hero_image_alt_ar="صورة")
    url = f"/admin/newsroom/release/{release.pk}/change/"
    client.post(url, change_form_data(client.get(url), title_ar="تصحيح"))
    Release.objects.filter(pk=release.pk).update(hero_image="releases/later.jpg")
    client.post(url, change_form_data(client.get(url), title_ar="تصحيح ثان"))
    earlier = Version.objects.get_for_object(release)[1]
    assert earlier.field_dict["hero_image"] == "releases/now.jpg"

    restore(client, release, earlier)

    release.refresh_from_db()
    assert release.hero_image.name == "releases/later.jpg"


def test_a_recovered_release_comes_back_as_a_draft_and_the_log_says_so(client, publisher):
    release = ReleaseFactory(title_ar="محذوف")
    url = f"/admin/newsroom/release/{release.pk}/change/"
    client.post(url, change_form_data(client.get(url), title_ar="سيحذف"))
    version = Version.objects.get_for_object(release).first()
    pk = release.pk
    release.delete()  # as a superuser may

    recover_url = f"/admin/newsroom/release/recover/{version.pk}/"
    response = client.post(recover_url, change_form_data(client.get(recover_url)))

    assert response.status_code == 302
    recovered = Release.objects.get(pk=pk)
    assert recovered.status == "draft"
    assert recovered not in Release.objects.published()
    assert any("Recovered as a draft" in message for _user, message in entries(recovered))


def test_editing_a_release_published_to_the_microsecond_logs_no_date_change(client, publisher):
    release = ReleaseFactory(published_at=timezone.now() - timedelta(hours=1))
    url = f"/admin/newsroom/release/{release.pk}/change/"

    client.post(url, change_form_data(client.get(url), title_ar="تصحيح"))

    assert not [m for _user, m in entries(release) if "Publication date" in m]


def test_a_bulk_publish_refuses_an_image_without_alt_text(client, publisher):
    release = ReleaseFactory(
        status="in_review", published_at=None, hero_image="releases/x.jpg", hero_image_alt_ar=""
    )
    client.post(
        "/admin/newsroom/release/",
        {"action": "publish_selected", "_selected_action": [str(release.pk)]},
    )
    release.refresh_from_db()
    assert release.status == "in_review"


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
