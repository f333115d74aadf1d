"""Each role does exactly its part through the admin, tried through real admin requests."""

from datetime import timedelta

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group, User
from django.utils import timezone

from releases import services
from releases.models import Release
from staff import roles
from tests.admin_forms import change_form_data
from tests.factories import EventFactory, ReleaseFactory

pytestmark = pytest.mark.django_db

ROLES = {
    "editor": roles.EDITOR,
    "publisher": roles.PUBLISHER,
    "translator-ar": roles.translator_group("ar"),
    "translator-en": roles.translator_group("en"),
    "translator-fa": roles.translator_group("fa"),
    "administrator": roles.ADMINISTRATOR,
}


@pytest.fixture
def login(client):
    def log_in_as(role):
        user = User.objects.create_user(role, password="pass", is_staff=True)
        user.groups.add(Group.objects.get(name=ROLES[role]))
        client.force_login(user)
        return user

    return log_in_as


def change_url(release):
    return f"/admin/newsroom/release/{release.pk}/change/"


def post_change(client, release, **changes):
    page = client.get(change_url(release))
    assert page.status_code == 200
    return client.post(change_url(release), change_form_data(page, **changes))


def draft():
    return ReleaseFactory(
        status=Release.Status.DRAFT, published_at=None, title_ar="مسودة", title_en="", title_fa=""
    )


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("editor", 200),
        ("publisher", 200),
        ("translator-ar", 200),
        ("translator-en", 200),
        ("translator-fa", 200),
        ("administrator", 200),
    ],
)
def test_every_role_sees_the_releases(client, login, role, status):
    ReleaseFactory()
    login(role)
    assert client.get("/admin/newsroom/release/").status_code == status


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("editor", 200),
        ("publisher", 200),
        ("translator-ar", 403),
        ("translator-en", 403),
        ("translator-fa", 403),
        ("administrator", 403),
    ],
)
def test_only_editors_and_publishers_create_releases(client, login, role, status):
    login(role)
    assert client.get("/admin/newsroom/release/add/").status_code == status


@pytest.mark.parametrize("role", list(ROLES))
def test_nobody_but_a_superuser_deletes_a_release(client, login, role):
    release = ReleaseFactory()
    login(role)
    assert (
        client.post(f"/admin/newsroom/release/{release.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
    assert Release.objects.filter(pk=release.pk).exists()


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("editor", 403),
        ("publisher", 403),
        ("translator-ar", 403),
        ("translator-en", 403),
        ("translator-fa", 403),
        ("administrator", 200),
    ],
)
def test_only_administrators_manage_users(client, login, role, status):
    login(role)
    assert client.get("/admin/auth/user/").status_code == status
    assert client.get("/admin/auth/group/").status_code == status


def test_administrator_cannot_edit_content(client, login):
    release = draft()
    login("administrator")
    assert client.get(change_url(release)).context["has_change_permission"] is False
    assert client.post(change_url(release), {"title_ar": "x"}).status_code == 403


@pytest.mark.parametrize(("role", "allowed"), [("editor", True), ("publisher", True)])
def test_editors_and_publishers_submit_drafts_for_review(client, login, role, allowed):
    release = draft()
    login(role)
    response = post_change(client, release, title_ar="مسودة منقحة", status="in_review")
    assert response.status_code == 302
    release.refresh_from_db()
    assert (release.title_ar, release.status) == ("مسودة منقحة", "in_review")


def test_an_editor_cannot_publish(client, login):
    release = draft()
    login("editor")
    response = post_change(client, release, status="published")
    assert response.status_code == 200
    assert "status" in response.context["adminform"].form.errors
    release.refresh_from_db()
    assert release.status == "draft"


def test_a_publisher_publishes_and_the_transition_is_logged(client, login):
    release = draft()
    publisher = login("publisher")
    response = post_change(client, release, status="published")
    assert response.status_code == 302
    release.refresh_from_db()
    assert release.status == "published"
    assert release.published_at is not None
    assert release in Release.objects.published()
    messages = [
        entry.change_message
        for entry in LogEntry.objects.filter(object_id=str(release.pk), user=publisher)
    ]
    assert "Status changed from draft to published." in messages


def test_an_editors_change_to_a_published_release_waits_for_a_publisher(client, login):
    release = ReleaseFactory(title_ar="منشور")
    login("editor")

    assert post_change(client, release, title_ar="تغيير").status_code == 302

    release.refresh_from_db()
    assert release.title_ar == "تغيير"  # the working copy
    assert release.live_text("ar").title == "منشور"  # what the public reads
    assert release.changes == Release.Changes.EDITING


def test_an_editor_cannot_change_an_archived_release(client, login):
    release = ReleaseFactory(title_ar="مؤرشف", status=Release.Status.ARCHIVED)
    login("editor")
    assert client.get(change_url(release)).context["has_change_permission"] is False
    assert client.post(change_url(release), {"title_ar": "تغيير"}).status_code == 403


@pytest.mark.parametrize(("role", "changed"), [("editor", 0), ("publisher", 1)])
def test_bulk_publish_is_for_publishers_only(client, login, role, changed):
    release = draft()
    login(role)
    client.post(
        "/admin/newsroom/release/",
        {"action": "publish_selected", "_selected_action": [release.pk]},
    )
    assert Release.objects.published().count() == changed


@pytest.mark.parametrize("language", ["ar", "en", "fa"])
def test_a_translator_changes_only_their_own_languages_text(client, login, language):
    release = draft()
    event = EventFactory()
    login(f"translator-{language}")
    others = {code: getattr(release, f"title_{code}") for code in ("ar", "en", "fa")}

    page = client.get(change_url(release))
    form_fields = set(page.context["adminform"].form.fields)
    assert f"title_{language}" in form_fields
    assert not form_fields & {"status", "published_at", "events", "hero_image", "kind"}

    data = change_form_data(page, **{f"title_{language}": "عنوان المترجم"})
    # A hand-made request trying to change what is not theirs changes nothing.
    for code in {"ar", "en", "fa"} - {language}:
        data[f"title_{code}"] = ["مزور"]
    data |= {"status": ["published"], "events": [str(event.pk)], "kind": ["statement"]}
    assert client.post(change_url(release), data).status_code == 302

    release.refresh_from_db()
    assert getattr(release, f"title_{language}") == "عنوان المترجم"
    for code in {"ar", "en", "fa"} - {language}:
        assert getattr(release, f"title_{code}") == others[code]
    assert (release.status, release.kind) == ("draft", "news")
    assert not release.events.exists()


@pytest.mark.parametrize("language", ["ar", "en", "fa"])
def test_a_translator_edits_events_and_people_in_their_language_only(client, login, language):
    event = EventFactory(title_ar="فعالية", title_en="Event", city_ar="الدوحة")
    login(f"translator-{language}")
    page = client.get(f"/admin/events/event/{event.pk}/change/")
    fields = set(page.context["adminform"].form.fields)
    assert {f"title_{language}", f"city_{language}"} <= fields
    assert not fields & {"start_date", "kind", "organisers", "country"}
    assert not {f"title_{code}" for code in ("ar", "en", "fa") if code != language} & fields


def changes_url(release):
    return f"/admin/newsroom/release/{release.pk}/changes/"


def with_changes(title="تصحيح"):
    release = ReleaseFactory(title_ar="الأصل")
    release.title_ar = title
    services.save_release(release=release, written=["title_ar"])
    return release


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("editor", False),
        ("publisher", True),
        ("translator-ar", False),
        ("translator-en", False),
        ("translator-fa", False),
        ("administrator", False),
    ],
)
@pytest.mark.parametrize("action", ["publish", "schedule", "send_back"])
def test_only_a_publisher_publishes_schedules_or_sends_back_changes(
    client, login, role, allowed, action
):
    release = with_changes()
    login(role)
    later = (timezone.localtime() + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")

    response = client.post(changes_url(release), {"action": action, "at": later})

    release.refresh_from_db()
    if not allowed:
        assert response.status_code == 403
        assert release.live_text("ar").title == "الأصل"
        assert release.changes == Release.Changes.EDITING
        return
    assert response.status_code == 302
    if action == "publish":
        assert release.live_text("ar").title == "تصحيح"
    elif action == "schedule":
        assert release.live_text("ar").title == "الأصل"
        assert release.live_texts.filter(live_from__gt=timezone.now(), title="تصحيح").exists()
    else:
        assert release.live_text("ar").title == "الأصل"


@pytest.mark.parametrize("role", ["editor", "publisher"])
def test_everyone_who_may_read_a_release_compares_it_with_live(client, login, role):
    release = with_changes()
    login(role)
    html = client.get(changes_url(release)).content.decode()
    assert "<del>الأصل</del>" in html and "<ins>تصحيح</ins>" in html
    assert ('value="publish"' in html) is (role == "publisher")


def test_an_editors_save_and_publish_button_publishes_nothing(client, login):
    release = ReleaseFactory(title_ar="الأصل")
    login("editor")
    page = client.get(change_url(release))
    assert "_publish_changes" not in page.content.decode()

    client.post(
        change_url(release),
        change_form_data(page, title_ar="تصحيح", _publish_changes="1"),
    )

    release.refresh_from_db()
    assert release.live_text("ar").title == "الأصل"


def test_a_publishers_save_and_publish_button_makes_the_correction_live(client, login):
    release = ReleaseFactory(title_ar="الأصل")
    login("publisher")
    page = client.get(change_url(release))
    assert "_publish_changes" in page.content.decode()

    client.post(change_url(release), change_form_data(page, title_ar="تصحيح", _publish_changes="1"))

    release.refresh_from_db()
    assert release.live_text("ar").title == "تصحيح"
    assert release.changes == Release.Changes.NONE


def test_a_translator_is_not_offered_approval(client, login):
    release = draft()
    login("translator-fa")
    page = client.get(change_url(release))
    formset = page.context["inline_admin_formsets"][0].formset
    choices = {value for form in formset.forms for value, _label in form.fields["status"].choices}
    assert "approved" not in choices


def test_publishing_a_release_with_a_provisional_title_is_refused_until_an_editor_confirms(
    client, login
):
    release = ReleaseFactory(status="in_review", published_at=None, title_is_provisional=True)
    login("publisher")

    refused = post_change(client, release, status="published")
    assert refused.status_code == 200
    assert "title_is_provisional" in refused.context["adminform"].form.errors

    assert (
        post_change(client, release, status="published", title_is_provisional="").status_code == 302
    )
    release.refresh_from_db()
    assert release.status == "published"
