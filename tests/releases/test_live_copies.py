"""Nothing reaches the public in any language until a publisher has approved it, while staff
keep working: a marker word in a working copy is on no public page, list, search, feed, sitemap
or piece of metadata, and is in the staff preview; once published or approved it is everywhere
at once, the page cache included."""

import time

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import override

from releases import services
from releases.models import Release
from staff import roles
from tests.factories import (
    EventFactory,
    OrganisationFactory,
    PersonFactory,
    ReleaseFactory,
    TopicFactory,
    approve,
)

pytestmark = pytest.mark.django_db

MARKERS = {"ar": "كلمةمميزةللاختبار", "en": "Quokkamarker", "fa": "واژهنشانگرآزمون"}


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def publisher():
    user = User.objects.create_user("publisher", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=roles.PUBLISHER))
    return user


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    def run(change):
        with django_capture_on_commit_callbacks(execute=True):
            return change()

    return run


@pytest.fixture
def linked():
    """What a release links to, whose pages list it."""
    return {
        "topic": TopicFactory(slug="marker-topic"),
        "event": EventFactory(slug="marker-event"),
        "person": PersonFactory(slug="marker-person"),
        "organisation": OrganisationFactory(slug="marker-organisation"),
    }


def translated_text(language, marker=""):
    return {
        f"title_{language}": f"Title {language} {marker}".strip(),
        f"lede_{language}": f"Lede {language} {marker}".strip(),
        f"body_{language}": f"<p>Body {language} {marker}</p>",
    }


def release_with(linked, **fields):
    release = ReleaseFactory(
        links={
            "topics": [linked["topic"]],
            "events": [linked["event"]],
            "people": [linked["person"]],
            "organisations": [linked["organisation"]],
        },
        **fields,
    )
    services.set_quotes(
        release=release,
        quotes=[{"person": linked["person"], "text_ar": "قول", "text_en": "A saying"}],
    )
    # The quote is part of the live text: publish it, as an editor's correction would be.
    services.publish_changes(release=release, user=None)
    return release


def write(release, **fields):
    """A staff member's save of the working copy."""
    for name, value in fields.items():
        setattr(release, name, value)
    services.save_release(release=release, written=list(fields))


def public_addresses(release, linked):
    addresses = [
        "/sitemap.xml",
        "/sitemap-releases.xml",
        "/sitemap-pages.xml",
        f"/ar/topics/{linked['topic'].slug}/feed/",
    ]
    for code in ("ar", "en", "fa"):
        addresses += [
            f"/{code}/",
            f"/{code}/news/",
            f"/{code}/news/?topic={linked['topic'].slug}",
            f"/{code}/news/feed/",
            f"/{code}/news/feed/atom/",
            f"/{code}/events/{linked['event'].slug}/",
            f"/{code}/people/{linked['person'].slug}/",
            f"/{code}/organisations/{linked['organisation'].slug}/",
            f"/api/v1/releases?language={code}",
            f"/api/v1/releases?language={code}&topic={linked['topic'].slug}",
            f"/api/v1/releases/{release.pk}?language={code}",
        ]
    release.__dict__.pop("current_texts", None)
    for code in release.public_languages():
        with override(code):
            addresses.append(release.get_absolute_url())
    return addresses


def public_text(client, release, linked):
    """Everything an anonymous reader (or a crawler) gets, joined."""
    pages = []
    for address in public_addresses(release, linked):
        response = client.get(address, follow=True)
        assert response.status_code == 200, address
        pages.append(response.content.decode())
    return "\n".join(pages)


def found_by_search(client, word):
    return [
        item.pk
        for code in ("ar", "en", "fa")
        for item in client.get(f"/{code}/news/", {"q": word}).context["releases"]
    ] + [
        item["id"]
        for code in ("ar", "en", "fa")
        for item in client.get("/api/v1/releases", {"q": word, "language": code}).json()["results"]
    ]


def preview(client, staff, release, language):
    client.force_login(staff)
    html = client.get(f"/{language}/news/preview/{release.pk}/").content.decode()
    client.logout()
    return html


# Each state: (the language of the marker, a release whose working copy holds it, and how the
# marker is then made public).


def translation_in_progress(linked, publisher):
    release = release_with(linked)
    write(release, **translated_text("fa", MARKERS["fa"]))
    version = release.language_versions.get(language="fa")
    return (
        "fa",
        release,
        lambda: services.set_translation_status(version=version, status="approved", user=publisher),
    )


def translation_in_review(linked, publisher):
    language, release, make_public = translation_in_progress(linked, publisher)
    release.language_versions.filter(language="fa").update(status="in_review")
    return language, release, make_public


def approved_then_edited(linked, publisher):
    release = release_with(linked, **translated_text("en"))
    approve(release, "en")
    write(release, body_en=f"<p>Body en {MARKERS['en']}</p>")
    assert release.language_versions.get(language="en").status == "in_progress"
    version = release.language_versions.get(language="en")
    return (
        "en",
        release,
        lambda: services.set_translation_status(version=version, status="approved", user=publisher),
    )


def source_change_in_review(linked, publisher):
    release = release_with(linked)
    release.changes = Release.Changes.IN_REVIEW
    write(release, title_ar=f"عنوان {MARKERS['ar']}", changes=Release.Changes.IN_REVIEW)
    assert release.changes == Release.Changes.IN_REVIEW
    return "ar", release, lambda: services.publish_changes(release=release, user=publisher)


STATES = {
    "translation in progress": translation_in_progress,
    "translation in review": translation_in_review,
    "approved translation, then edited": approved_then_edited,
    "source change in review": source_change_in_review,
}


@pytest.mark.parametrize("state", STATES)
def test_a_word_only_a_working_copy_holds_is_nowhere_public_until_it_is_approved(
    client, linked, publisher, committed, state
):
    language, release, make_public = STATES[state](linked, publisher)
    marker = MARKERS[language]

    assert marker not in public_text(client, release, linked)
    assert found_by_search(client, marker) == []
    assert marker in preview(client, publisher, release, language)

    committed(make_public)

    assert marker in public_text(client, release, linked)
    assert release.pk in found_by_search(client, marker)


def test_a_scheduled_change_stays_off_the_site_until_its_time_then_shows_by_itself(
    client, linked, publisher, committed, monkeypatch
):
    release = release_with(linked)
    write(release, title_ar=f"عنوان {MARKERS['ar']}")
    committed(
        lambda: services.publish_changes(
            release=release, user=publisher, at=timezone.now() + timezone.timedelta(hours=1)
        )
    )
    assert MARKERS["ar"] not in public_text(client, release, linked)
    assert found_by_search(client, MARKERS["ar"]) == []

    later = timezone.now() + timezone.timedelta(hours=2)
    clock = time.time() + 2 * 3600
    monkeypatch.setattr(timezone, "now", lambda: later)
    monkeypatch.setattr(time, "time", lambda: clock)

    assert MARKERS["ar"] in public_text(client, release, linked)
    assert release.pk in found_by_search(client, MARKERS["ar"])


def test_an_expired_release_leaves_every_public_surface_by_itself(client, linked, monkeypatch):
    release = release_with(linked, title_ar=f"عنوان {MARKERS['ar']}")
    Release.objects.filter(pk=release.pk).update(
        expires_at=timezone.now() + timezone.timedelta(minutes=30)
    )
    assert MARKERS["ar"] in public_text(client, release, linked)

    later = timezone.now() + timezone.timedelta(hours=1)
    clock = time.time() + 3600
    monkeypatch.setattr(timezone, "now", lambda: later)
    monkeypatch.setattr(time, "time", lambda: clock)

    html = "\n".join(
        client.get(address).content.decode()
        for address in public_addresses(release, linked)
        if "/news/" not in address or "?" in address or address.endswith(("/news/", "feed/"))
    )
    assert MARKERS["ar"] not in html
    assert found_by_search(client, MARKERS["ar"]) == []
    with override("ar"):
        assert client.get(f"/ar/news/{release.live_text('ar').slug}/").status_code == 404


def test_saving_a_working_copy_renews_no_readers_page(client, linked, committed):
    release = release_with(linked)
    page = client.get(f"/ar/news/{release.live_text('ar').slug}/").content

    committed(lambda: write(release, title_ar=f"عنوان {MARKERS['ar']}"))

    assert client.get(f"/ar/news/{release.live_text('ar').slug}/").content == page
