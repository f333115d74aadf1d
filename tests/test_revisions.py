"""Any two revisions of a release, event, person, organisation or pledge side by side, word by
word and each language in its own direction; made and read through real admin requests."""

import re

import pytest
from django.contrib.auth.models import Group, User
from django.utils import formats, timezone, translation
from reversion.models import Version

from events.models import Event
from staff import roles
from staff.models import StaffProfile
from tests.admin_forms import change_form_data
from tests.factories import (
    EventFactory,
    OrganisationFactory,
    PersonFactory,
    PledgeFactory,
    ReleaseFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

# Measured: the session, the user and their profile, the release and the three lists its admin
# reads with it, the user's permissions (two), both versions with their revisions and authors.
# A changed link adds one for each kind of record it links to, however many fields link to it.
COMPARE_QUERIES = 10
WORD_DIFF = re.compile(r'<div class="word-diff" lang="(\w+)" dir="(\w+)">(.*?)</div>', re.S)


def staff(username, group=None):
    user = User.objects.create_user(username, password="pass", is_staff=True)
    if group:
        user.groups.add(Group.objects.get(name=group))
    # The admin in English, so that labels can be read off the page.
    StaffProfile.objects.create(user=user, language="en")
    return user


def save_through_admin(client, user, url, **changes):
    client.force_login(user)
    page = client.get(url)
    assert page.status_code == 200
    response = client.post(url, change_form_data(page, **changes))
    assert response.status_code == 302, response.context["adminform"].form.errors
    return response


def release_url(release, view="change"):
    return f"/admin/newsroom/release/{release.pk}/{view}/"


def compare_url(record, app_model, **versions):
    query = "&".join(f"{name}={version.pk}" for name, version in versions.items())
    return f"/admin/{app_model}/{record.pk}/history/compare/" + (f"?{query}" if query else "")


def word_diffs(html, language):
    """(direction, inner HTML) of each word diff in `language` on the page."""
    return [(way, inner) for code, way, inner in WORD_DIFF.findall(html) if code == language]


def draft_release():
    return ReleaseFactory(
        status="draft",
        published_at=None,
        title_en="Ministers meet in Doha",
        title_fa="نشست وزیران در دوحه",
        body_en="<p>First paragraph stays.</p><p>Second one.</p>",
    )


@pytest.fixture
def editor():
    return staff("layla", roles.EDITOR)


@pytest.fixture
def publisher():
    return staff("dariush", roles.PUBLISHER)


@pytest.fixture
def two_revisions(client, editor, publisher):
    """A release saved by an editor, then changed by a publisher."""
    release = draft_release()
    save_through_admin(client, editor, release_url(release))
    save_through_admin(
        client,
        publisher,
        release_url(release),
        title_en="Ministers gather in Doha",
        title_fa="نشست تازه وزیران در دوحه",
        title_ar="بيان جديد",
        body_en="<p>First paragraph stays.</p><p>Second two.</p>",
        kind="press_release",
        source_organisation=str(OrganisationFactory(name_en="Counter-Terrorism Centre").pk),
        topics=[str(TopicFactory(name_ar="الأمن البحري").pk)],
    )
    return release


def test_two_revisions_of_a_release_compare_word_by_word_each_language_in_its_direction(
    client, two_revisions
):
    html = client.get(compare_url(two_revisions, "newsroom/release")).content.decode()

    assert ("ltr", "Ministers <del>meet</del> <ins>gather</ins> in Doha") in word_diffs(html, "en")
    assert ("rtl", "نشست <ins>تازه</ins> وزیران در دوحه") in word_diffs(html, "fa")
    [(way, arabic)] = word_diffs(html, "ar")
    assert way == "rtl" and "<del>" in arabic and "<ins>جديد</ins>" in arabic
    # The old and new values beside the diff carry their language's direction too.
    assert '<td class="revision-value" lang="fa" dir="rtl">نشست وزیران در دوحه</td>' in html
    assert '<td class="revision-value" lang="en" dir="ltr">Ministers meet in Doha</td>' in html


def test_the_columns_say_who_saved_each_revision_and_when(client, two_revisions):
    html = client.get(compare_url(two_revisions, "newsroom/release")).content.decode()
    with translation.override("en"):
        older, newer = (
            formats.date_format(
                timezone.localtime(version.revision.date_created), "DATETIME_FORMAT"
            )
            for version in Version.objects.get_for_object(two_revisions).order_by("pk")
        )
    assert html.index(f"Saved by layla on {older}") < html.index(f"Saved by dariush on {newer}")


def test_rich_text_is_compared_as_text_never_rendered(client, two_revisions):
    html = client.get(compare_url(two_revisions, "newsroom/release")).content.decode()
    assert ("ltr", "First paragraph stays. Second <del>one.</del> <ins>two.</ins>") in word_diffs(
        html, "en"
    )
    assert "<p>First paragraph" not in html and "&lt;p&gt;" not in html
    # Paragraphs stay apart: the last word of one and the first of the next are two words.
    assert "stays.Second" not in html


def test_choices_and_linked_records_read_by_their_names(client, two_revisions):
    html = client.get(compare_url(two_revisions, "newsroom/release")).content.decode()
    assert "press release" in html and "press_release" not in html
    assert "Counter-Terrorism Centre" in html
    assert "الأمن البحري" in html


def test_an_unchanged_field_is_not_shown(client, two_revisions):
    html = client.get(compare_url(two_revisions, "newsroom/release")).content.decode()
    assert "فقرة افتتاحية." not in html  # the Arabic lede, the same in both revisions
    assert "Written in" not in html


def test_any_two_revisions_are_compared_the_older_first(client, editor, publisher):
    release = draft_release()
    for title in ("first words", "second words", "third words"):
        save_through_admin(client, publisher, release_url(release), title_en=title)
    first, _second, third = Version.objects.get_for_object(release).order_by("pk")

    html = client.get(compare_url(release, "newsroom/release", a=third, b=first)).content.decode()

    assert word_diffs(html, "en") == [("ltr", "<del>first</del> <ins>third</ins> words")]


def test_a_version_of_another_record_is_not_found(client, two_revisions, publisher):
    other = draft_release()
    save_through_admin(client, publisher, release_url(other), title_en="Another release")
    own = Version.objects.get_for_object(two_revisions).first()
    foreign = Version.objects.get_for_object(other).first()

    assert (
        client.get(compare_url(two_revisions, "newsroom/release", a=own, b=foreign)).status_code
        == 404
    )
    for query in ("?a=x&b=1", f"?a={own.pk}", f"?a={own.pk}&b=99999999999999999999"):
        assert client.get(compare_url(two_revisions, "newsroom/release") + query).status_code == 404


def test_staff_who_may_not_read_the_record_cannot_compare(client, two_revisions):
    client.force_login(staff("nobody"))
    assert client.get(compare_url(two_revisions, "newsroom/release")).status_code == 403


def test_the_history_page_offers_the_comparison_as_a_plain_form(client, two_revisions):
    html = client.get(release_url(two_revisions, "history")).content.decode()
    older, newer = Version.objects.get_for_object(two_revisions).order_by("pk")
    action = f"/admin/newsroom/release/{two_revisions.pk}/history/compare/"
    assert f'<form method="get" action="{action}"' in html
    assert f'name="a" value="{older.pk}" aria-label="Compare as the older revision" checked' in html
    assert f'name="b" value="{newer.pk}" aria-label="Compare as the newer revision" checked' in html
    assert 'type="submit" value="Compare"' in html
    assert "<script>" not in html.split('id="content-main"')[1]


def test_comparing_many_changed_fields_takes_no_more_queries_than_one(
    client, publisher, django_assert_max_num_queries
):
    one_change = draft_release()
    save_through_admin(client, publisher, release_url(one_change))
    save_through_admin(client, publisher, release_url(one_change), title_en="Ministers gather")
    with django_assert_max_num_queries(COMPARE_QUERIES):
        assert client.get(compare_url(one_change, "newsroom/release")).status_code == 200

    many_changes = draft_release()
    save_through_admin(client, publisher, release_url(many_changes))
    save_through_admin(
        client,
        publisher,
        release_url(many_changes),
        **{
            f"{field}_{code}": f"changed {field}"
            for field in ("title", "lede", "dateline", "source_name", "hero_image_alt")
            for code in ("ar", "en", "fa")
        },
        kind="statement",
        source_language="en",
    )
    with django_assert_max_num_queries(COMPARE_QUERIES):
        html = client.get(compare_url(many_changes, "newsroom/release")).content.decode()
    assert all(word_diffs(html, code) for code in ("ar", "en", "fa"))


def event_url(event, view="change"):
    return f"/admin/events/event/{event.pk}/{view}/"


@pytest.fixture
def event_revisions(client, editor, publisher):
    event = EventFactory(title_ar="مؤتمر دوشنبه", title_fa="کنفرانس دوشنبه", country="TJ")
    save_through_admin(client, editor, event_url(event))
    save_through_admin(
        client,
        publisher,
        event_url(event),
        title_fa="کنفرانس بزرگ دوشنبه",
        kind="forum",
        country="QA",
    )
    return event


def test_two_revisions_of_an_event_compare_like_a_releases(client, event_revisions):
    html = client.get(compare_url(event_revisions, "events/event")).content.decode()
    assert word_diffs(html, "fa") == [("rtl", "کنفرانس <ins>بزرگ</ins> دوشنبه")]
    assert "Saved by layla" in html and "Saved by dariush" in html
    assert "Tajikistan" in html and "Qatar" in html and "forum" in html
    assert "مؤتمر دوشنبه" not in html  # the Arabic title did not change


def test_an_events_revisions_are_checked_as_a_releases_are(client, event_revisions, publisher):
    other = EventFactory()
    save_through_admin(client, publisher, event_url(other))
    own = Version.objects.get_for_object(event_revisions).first()
    foreign = Version.objects.get_for_object(other).first()
    assert (
        client.get(compare_url(event_revisions, "events/event", a=own, b=foreign)).status_code
        == 404
    )

    client.force_login(staff("nobody"))
    assert client.get(compare_url(event_revisions, "events/event")).status_code == 403
    assert client.get(event_url(event_revisions, "history")).status_code == 403


def restore(client, event, version):
    url = f"/admin/events/event/{event.pk}/history/{version.pk}/"
    return client.post(url, change_form_data(client.get(url)))


def test_an_editor_restores_an_events_revision(client, event_revisions, editor):
    oldest = Version.objects.get_for_object(event_revisions).order_by("pk").first()
    client.force_login(editor)
    assert restore(client, event_revisions, oldest).status_code == 302
    event_revisions.refresh_from_db()
    assert event_revisions.title_fa == "کنفرانس دوشنبه"


@pytest.mark.parametrize("group", [roles.translator_group("fa"), roles.ADMINISTRATOR])
def test_who_may_not_change_every_field_may_not_restore_a_revision(client, event_revisions, group):
    oldest = Version.objects.get_for_object(event_revisions).order_by("pk").first()
    client.force_login(staff("someone", group))
    assert restore(client, event_revisions, oldest).status_code == 403
    assert Event.objects.get(pk=event_revisions.pk).title_fa == "کنفرانس بزرگ دوشنبه"


def test_an_events_revision_holding_a_pledge_is_restored_only_by_who_may_change_pledges(
    client, editor, publisher
):
    event = EventFactory()
    pledge = PledgeFactory(announced_at=event, description_ar="تعهد")
    save_through_admin(
        client, publisher, event_url(event), **{"pledges-0-description_ar": "تعهد معدل"}
    )
    saved = Version.objects.get_for_object(event).first()
    pledge_url = f"/admin/organisations/pledge/{pledge.pk}/change/"
    save_through_admin(client, publisher, pledge_url, description_ar="تعهد ثالث")

    client.force_login(editor)
    assert restore(client, event, saved).status_code == 403
    pledge.refresh_from_db()
    assert pledge.description_ar == "تعهد ثالث"

    client.force_login(publisher)
    assert restore(client, event, saved).status_code == 302
    pledge.refresh_from_db()
    assert pledge.description_ar == "تعهد معدل"  # the pledge was saved in the event's revision


@pytest.mark.parametrize(
    ("make", "app_model", "field", "old", "new", "changed"),
    [
        (PersonFactory, "people/person", "name_fa", "محمد علی", "محمد رضا", "<ins>رضا</ins>"),
        (
            OrganisationFactory,
            "organisations/organisation",
            "name_en",
            "Office",
            "UN Office",
            "<ins>UN</ins>",
        ),
        (
            PledgeFactory,
            "organisations/pledge",
            "description_fa",
            "کمک سالانه",
            "کمک ویژه",
            "<ins>ویژه</ins>",
        ),
    ],
)
def test_people_organisations_and_pledges_keep_revisions_to_compare(
    client, publisher, make, app_model, field, old, new, changed
):
    record = make(**{field: old})
    url = f"/admin/{app_model}/{record.pk}/change/"
    save_through_admin(client, publisher, url)
    save_through_admin(client, publisher, url, **{field: new})

    assert 'name="b"' in client.get(f"/admin/{app_model}/{record.pk}/history/").content.decode()
    html = client.get(compare_url(record, app_model)).content.decode()
    language = field.rpartition("_")[2]
    [(way, diff)] = word_diffs(html, language)
    assert changed in diff and way == ("ltr" if language == "en" else "rtl")
