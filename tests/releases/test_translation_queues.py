"""The translation queues read each translation's freshness as stored on its language version;
every write that can change it stores it again."""

import importlib
from datetime import timedelta

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from reversion.models import Version

from releases import freshness, services
from releases.models import LanguageVersion, LiveText, Release
from staff import roles
from tests.admin_forms import change_form_data
from tests.factories import (
    EventFactory,
    OrganisationFactory,
    PersonFactory,
    ReleaseFactory,
    TopicFactory,
    approve,
)
from tests.releases.test_admin_editing import change_url, make_user, post_change

pytestmark = pytest.mark.django_db

QUEUES = "/admin/newsroom/release/"


@pytest.fixture
def publisher(client):
    user = make_user("publisher", roles.PUBLISHER)
    client.force_login(user)
    return user


def queue(client, name):
    response = client.get(f"{QUEUES}?queue={name}")
    assert response.status_code == 200
    return set(response.context["cl"].result_list)


def stored(release, language):
    return LanguageVersion.objects.get(release=release, language=language).freshness


def assert_stored_as_computed(release):
    """Each language version holds the state freshness.language_state computes now."""
    release = Release.objects.get(pk=release.pk)
    for version in LanguageVersion.objects.filter(release=release):
        assert version.freshness == freshness.language_state(release, version.language), (
            version.language
        )


def translated(**fields):
    """A published Arabic release with an English translation made from its text."""
    values = {
        "title_ar": "اجتماع في الدوحة",
        "lede_ar": "مقدمة.",
        "body_ar": "<p>نص.</p>",
        "title_en": "Meeting in Doha",
        "lede_en": "Lede.",
        "body_en": "<p>Text.</p>",
    }
    return ReleaseFactory(**(values | fields))


def test_the_stale_queue_lists_a_release_whose_source_changed_until_it_is_retranslated(
    client, publisher
):
    release = translated(status="draft", published_at=None)
    other = translated(status="draft", published_at=None)
    assert stored(release, "en") == "complete"
    assert release not in queue(client, "en:stale")

    post_change(client, release, title_ar="اجتماع رفيع في الدوحة")

    assert stored(release, "en") == "stale"
    assert queue(client, "en:stale") == {release}
    assert other not in queue(client, "en:stale")

    client.force_login(make_user("translator", roles.translator_group("en")))
    assert post_change(client, release, title_en="High-level meeting in Doha").status_code == 302

    assert stored(release, "en") == "complete"
    assert release not in queue(client, "en:stale")


def test_the_missing_queue_lists_an_untranslated_field_until_the_translator_fills_it(client):
    release = translated(status="draft", published_at=None, lede_en="")
    client.force_login(make_user("translator", roles.translator_group("en")))
    assert queue(client, "en:missing") == {release}
    assert stored(release, "fa") == "missing"

    assert post_change(client, release, lede_en="Lede.").status_code == 302

    assert stored(release, "en") == "complete"
    assert queue(client, "en:missing") == set()
    assert release in queue(client, "fa:missing")


def test_a_published_source_goes_stale_only_once_its_changes_are_published(client, publisher):
    release = translated()
    # The translation is made from what the public reads; the working copy's edits are not yet.
    post_change(client, release, title_ar="اجتماع رفيع في الدوحة")
    assert stored(release, "en") == "complete"
    assert release not in queue(client, "en:stale")

    services.publish_changes(release=Release.objects.get(pk=release.pk), user=publisher)

    assert stored(release, "en") == "stale"
    assert queue(client, "en:stale") == {release}
    assert_stored_as_computed(release)


def test_unpublishing_compares_with_the_working_copy_again(publisher):
    release = translated()
    release.title_ar = "اجتماع رفيع في الدوحة"
    services.save_release(release=release, user=publisher, written=["title_ar"])
    assert stored(release, "en") == "complete"

    services.set_status(release=release, status="draft", user=publisher)

    assert stored(release, "en") == "stale"
    assert_stored_as_computed(release)


def scheduled_and_taken_over(publisher):
    """A release whose source's change was published for two hours on, and those two hours
    gone by: the scheduled text has taken over, with no write since."""
    release = translated()
    release.title_ar = "اجتماع رفيع في الدوحة"
    services.save_release(release=release, user=publisher, written=["title_ar"])
    at = timezone.now() + timedelta(hours=2)
    services.publish_changes(release=release, user=publisher, at=at)
    assert stored(release, "en") == "complete"
    earlier = timezone.now() - timedelta(minutes=1)
    texts = LiveText.objects.filter(release=release, language="ar")
    texts.filter(live_until=at).update(live_until=earlier)
    texts.filter(live_from=at).update(live_from=earlier)
    LanguageVersion.objects.filter(release=release).update(freshness_until=earlier)
    return release


def test_a_scheduled_change_of_the_source_makes_the_translation_stale_when_it_takes_over(
    client, publisher
):
    release = scheduled_and_taken_over(publisher)

    assert queue(client, "en:stale") == {release}
    assert LanguageVersion.objects.get(release=release, language="en").freshness_until is None


def test_the_change_form_shows_the_freshness_a_scheduled_change_has_brought(client, publisher):
    release = scheduled_and_taken_over(publisher)

    page = client.get(change_url(release))

    assert "Stale" in str(page.context["adminform"].form.fields["title_en"].help_text)
    assert stored(release, "en") == "stale"


def test_restoring_a_revision_stores_the_freshness_of_the_text_it_brings_back(client, publisher):
    release = translated(status="draft", published_at=None)
    post_change(client, release, title_ar="اجتماع رفيع في الدوحة")
    # Back to the title the English was made from.
    post_change(client, release, title_ar="اجتماع في الدوحة")
    assert stored(release, "en") == "complete"

    oldest = Version.objects.get_for_object(release).last()
    assert oldest.field_dict["title_ar"] == "اجتماع رفيع في الدوحة"
    url = f"/admin/newsroom/release/{release.pk}/history/{oldest.pk}/"
    assert client.post(url, change_form_data(client.get(url))).status_code == 302

    assert Release.objects.get(pk=release.pk).title_ar == "اجتماع رفيع في الدوحة"
    assert stored(release, "en") == "stale"
    assert queue(client, "en:stale") == {release}
    assert_stored_as_computed(release)


def test_releases_created_in_bulk_have_their_freshness_stored():
    def archived(**fields):
        return Release(status="published", published_at=timezone.now(), **fields)

    complete = services.ArchivedRelease(
        release=archived(title_ar="أ", slug_ar="a", title_en="A", slug_en="a"),
        translations={"en": "approved"},
    )
    untranslated = services.ArchivedRelease(release=archived(title_ar="ب", slug_ar="b"))
    services.create_releases_in_bulk(archived=[complete, untranslated])

    assert stored(complete.release, "en") == "complete"
    assert stored(complete.release, "fa") == "missing"
    assert stored(untranslated.release, "en") == "missing"
    for item in (complete, untranslated):
        assert_stored_as_computed(item.release)


def test_the_migration_stores_every_existing_releases_freshness():
    migration = importlib.import_module("releases.migrations.0014_language_version_freshness")
    stale = translated(status="draft", published_at=None)
    stale.title_ar = "اجتماع رفيع في الدوحة"
    services.save_release(release=stale, written=["title_ar"])
    published = translated()
    approve(published, "en")
    # As before the migration: no state stored, and a version missing.
    LanguageVersion.objects.update(freshness="missing", freshness_until=None)
    LanguageVersion.objects.filter(release=published, language="fa").delete()

    migration.store_freshness(apps, None)

    assert (stored(stale, "en"), stored(published, "en")) == ("stale", "complete")
    assert stored(published, "fa") == "missing"
    for release in (stale, published):
        assert_stored_as_computed(release)


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("name", ["en:stale", "en:missing", "fa:review", None])
def test_the_change_list_and_each_queue_read_a_bounded_number_of_queries(client, publisher, name):
    url = f"{QUEUES}?queue={name}" if name else QUEUES

    def make(count):
        for _ in range(count):
            release = translated(status="draft", published_at=None, lede_en="")
            release.title_ar += " ـ"
            services.save_release(release=release, written=["title_ar"])

    make(3)
    few = queries_for(client, url)
    make(12)
    assert queries_for(client, url) == few
    assert few <= 15


def test_a_publisher_opens_a_release_with_links_and_translations_in_at_most_15_statements(
    client, publisher
):
    release = translated(
        title_fa="نشست در دوحه",
        source_organisation=OrganisationFactory(),
        links={
            "topics": TopicFactory.create_batch(3),
            "events": EventFactory.create_batch(2),
            "people": PersonFactory.create_batch(3),
            "organisations": OrganisationFactory.create_batch(3),
        },
    )
    services.set_quotes(
        release=release,
        quotes=[
            {"person": PersonFactory(), "event": EventFactory(), "text_ar": f"قول {n}"}
            for n in range(4)
        ],
    )
    version = release.language_versions.get(language="en")
    services.set_translation_status(version=version, status="approved", user=publisher)
    # The source's published change leaves the English stale: the form shows what changed.
    release.title_ar = "اجتماع رفيع في الدوحة"
    services.save_release(release=release, user=publisher, written=["title_ar"])
    services.publish_changes(release=release, user=publisher)
    assert stored(release, "en") == "stale"

    with CaptureQueriesContext(connection) as queries:
        response = client.get(change_url(release))

    assert response.status_code == 200
    assert "Stale" in str(response.context["adminform"].form.fields["title_en"].help_text)
    assert len(queries) <= 15, "\n".join(query["sql"][:120] for query in queries)
