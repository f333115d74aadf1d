import threading
import time
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.translation import override

from benchmark.load import redis_answers
from core import page_cache, page_tags
from core.approved_text import approve as approve_text
from events import services as event_services
from releases import news_index, services, views
from releases.models import Release
from staff import roles
from tests.factories import (
    EventFactory,
    OrganisationFactory,
    PersonFactory,
    PledgeFactory,
    ReleaseFactory,
    TopicFactory,
    approve,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what waits for the commit, as it runs once an editor's save has committed."""

    def run(change):
        with django_capture_on_commit_callbacks(execute=True):
            return change()

    return run


def test_a_second_reader_gets_the_page_without_touching_the_database(
    client, django_assert_num_queries
):
    ReleaseFactory(title_ar="خبر منشور")
    first = client.get("/ar/news/")

    with django_assert_num_queries(0):
        second = client.get("/ar/news/")

    assert second.status_code == 200
    assert second.content == first.content
    assert "خبر منشور" in second.content.decode()


def test_a_newly_published_release_shows_at_once(client, committed):
    ReleaseFactory(title_ar="خبر قديم")
    client.get("/ar/news/")
    draft = committed(lambda: ReleaseFactory(title_ar="خبر جديد", status=Release.Status.DRAFT))

    committed(
        lambda: services.set_status(release=draft, status=Release.Status.PUBLISHED, user=None)
    )

    assert "خبر جديد" in client.get("/ar/news/").content.decode()


def an_edited_release_shows_its_new_text_at_once(client, committed):
    release = ReleaseFactory(title_ar="عنوان أول")
    page = release.get_absolute_url()
    assert "عنوان أول" in client.get(page).content.decode()

    def edit():
        release.title_ar = "عنوان مصحح"
        services.save_release(release=release, written=["title_ar"])
        services.publish_changes(release=release, user=None)

    committed(edit)

    html = client.get(page).content.decode()
    assert "عنوان مصحح" in html
    assert "عنوان أول" not in html


def test_an_edited_release_shows_its_new_text_at_once(client, committed):
    an_edited_release_shows_its_new_text_at_once(client, committed)


def test_relinking_a_release_to_a_topic_shows_on_the_filtered_list_at_once(client, committed):
    release = ReleaseFactory(title_ar="خبر عن الضحايا")
    topic = TopicFactory(slug="victims")
    assert "خبر عن الضحايا" not in client.get("/ar/news/?topic=victims").content.decode()

    committed(lambda: services.set_links(release=release, links={"topics": [topic]}))

    assert "خبر عن الضحايا" in client.get("/ar/news/?topic=victims").content.decode()


def test_an_approved_translation_shows_at_once_in_its_language(client, committed):
    release = ReleaseFactory(
        title_en="The approved English", slug_en="approved", lede_en="Lede.", body_en="<p>Body.</p>"
    )
    assert "The approved English" not in client.get("/en/news/").content.decode()

    english = release.language_versions.get(language="en")
    committed(
        lambda: services.set_translation_status(version=english, status="approved", user=None)
    )

    assert "The approved English" in client.get("/en/news/").content.decode()


def test_a_change_to_an_event_shows_on_its_page_at_once(client, committed):
    event = EventFactory(slug="forum", title_ar="منتدى أول")
    client.get("/ar/events/forum/")

    def rename():
        event.title_ar = "منتدى مصحح"
        event_services.save_event(event=event)

    committed(rename)

    assert "منتدى مصحح" in client.get("/ar/events/forum/").content.decode()


def test_a_scheduled_release_shows_when_its_time_comes(client, monkeypatch):
    ReleaseFactory(
        title_ar="خبر مجدول", published_at=timezone.now() + timezone.timedelta(minutes=1)
    )
    assert "خبر مجدول" not in client.get("/ar/news/").content.decode()

    # Two minutes on, for the database's clock and the cache's alike; nobody saved anything.
    later = timezone.now() + timezone.timedelta(minutes=2)
    clock = time.time() + 120
    monkeypatch.setattr(timezone, "now", lambda: later)
    monkeypatch.setattr(time, "time", lambda: clock)

    assert "خبر مجدول" in client.get("/ar/news/").content.decode()


def test_each_language_keeps_its_own_page(client):
    approve(ReleaseFactory(title_ar="عنوان عربي", title_en="English title", slug_en="en"), "en")
    arabic = client.get("/ar/news/")
    english = client.get("/en/news/")

    assert '<html lang="ar"' in arabic.content.decode()
    assert '<html lang="en"' in english.content.decode()
    assert "English title" in english.content.decode()
    assert english["Content-Language"] == "en"
    assert client.get("/en/news/")["Content-Language"] == "en"


def queries_for(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


@pytest.fixture
def staff(client):
    user = get_user_model().objects.create_user("editor", password="x", is_staff=True)
    return user


def test_staff_are_never_served_a_page_kept_for_readers(client, staff):
    ReleaseFactory()
    client.get("/ar/news/")
    client.force_login(staff)

    assert queries_for(client, "/ar/news/") > 0
    assert "private" in client.get("/ar/news/")["Cache-Control"]


def test_a_page_rendered_for_staff_is_never_kept_for_readers(client, staff):
    ReleaseFactory()
    client.force_login(staff)
    client.get("/ar/news/")
    client.logout()

    assert queries_for(client, "/ar/news/") > 0


def test_readers_revalidate_with_the_etag_and_get_not_modified(client):
    ReleaseFactory()
    first = client.get("/ar/news/")
    assert "public" in first["Cache-Control"]
    assert "max-age=0" in first["Cache-Control"]

    again = client.get("/ar/news/", headers={"if-none-match": first["ETag"]})

    assert again.status_code == 304


def test_a_missing_page_is_not_kept(client, committed):
    assert client.get("/ar/news/not-yet/").status_code == 404
    committed(lambda: ReleaseFactory(slug_ar="not-yet"))

    assert client.get("/ar/news/not-yet/").status_code == 200


def test_a_cdn_may_keep_pages_for_the_configured_time(client, settings):
    settings.CDN_CACHE_SECONDS = 60
    ReleaseFactory()

    assert "s-maxage=60" in client.get("/ar/")["Cache-Control"]


def test_facet_counts_are_shared_by_every_page_and_language_until_content_changes(
    client, committed
):
    topic = TopicFactory(slug="victims", name_en="Victims")
    for release in ReleaseFactory.create_batch(25):
        release.topics.add(topic)
        approve(release, "en")
    client.get("/ar/news/")

    # Another language's second page: a page of its own, but the counts are already known.
    with CaptureQueriesContext(connection) as queries:
        second = client.get("/en/news/?page=2")
    assert len(queries) <= 4
    options = second.context["facets"][0].options
    assert [(option.label, option.count) for option in options] == [("Victims", 25)]

    committed(lambda: ReleaseFactory(links={"topics": [topic]}))

    facets = client.get("/en/news/?page=2").context["facets"]
    assert facets[0].options[0].count == 26


@pytest.mark.skipif(not redis_answers(), reason="needs Redis on 127.0.0.1:6379")
def test_pages_kept_in_redis_are_dropped_for_every_server_when_content_changes(
    client, committed, settings
):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/14",
            "KEY_PREFIX": f"test-{uuid.uuid4()}",
        }
    }
    an_edited_release_shows_its_new_text_at_once(client, committed)


def test_counts_of_items_in_the_readers_own_language_are_kept_per_language(client):
    ReleaseFactory(kind="statement")
    ReleaseFactory(kind="statement", source_language="fa", title_ar="", title_fa="بیانیه")

    def statements(language):
        facets = client.get(f"/{language}/news/?own_language=on").context["facets"]
        kinds = next(facet for facet in facets if facet.name == "kind")
        return [option.count for option in kinds.options]

    assert statements("ar") == [1]
    assert statements("fa") == [1]
    assert statements("en") == []


def test_query_parameters_the_page_does_not_read_make_no_page_of_their_own(
    client, django_assert_num_queries
):
    ReleaseFactory(title_ar="خبر")
    plain = client.get("/ar/news/")

    for junk in ("?x=1", "?utm_source=mail&x=2", "?page=1", "?topic=", "?q=&kind=", "?x=%C3%A9"):
        with django_assert_num_queries(0):
            response = client.get(f"/ar/news/{junk}")
        assert response.content == plain.content, junk


def test_the_same_filters_in_another_order_are_one_page(client, django_assert_num_queries):
    ReleaseFactory(kind="news", title_ar="خبر")
    first = client.get("/ar/news/?kind=news&year=2026")

    with django_assert_num_queries(0):
        second = client.get("/ar/news/?year=2026&kind=news&extra=1")

    assert second.content == first.content


def test_a_fuzz_of_unknown_parameters_does_not_grow_the_cache(client):
    ReleaseFactory()
    client.get("/ar/news/")
    client.get("/ar/events/")
    kept = len(cache._cache)

    for n in range(200):
        client.get(f"/ar/news/?{uuid.uuid4().hex}={n}")
        client.get(f"/ar/events/?page=1&{uuid.uuid4().hex}=1")

    assert len(cache._cache) == kept


def test_a_parameter_the_page_does_not_read_never_reaches_another_readers_page(client):
    ReleaseFactory()
    # The first reader's address is a forged one; the page kept from it is served to all.
    client.get('/en/news/?utm_source="evil.example/phish"&x=1')

    html = client.get("/en/news/").content.decode()

    assert "evil.example" not in html
    assert 'href="/ar/news/"' in html  # the language switcher, clean
    # Nor does the page think itself filtered: its filters stay folded.
    assert '<details class="facets">' in html


def test_the_staff_preview_is_private_and_never_indexed(client, staff):
    draft = ReleaseFactory(status=Release.Status.DRAFT, published_at=None)
    staff.groups.add(Group.objects.get(name=roles.EDITOR))
    client.force_login(staff)

    response = client.get(f"/ar/news/preview/{draft.pk}/")

    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]
    assert "noindex" in response["X-Robots-Tag"]


def test_a_staff_account_without_a_role_sees_no_draft(client, staff):
    draft = ReleaseFactory(status=Release.Status.DRAFT, published_at=None)
    client.force_login(staff)

    assert client.get(f"/ar/news/preview/{draft.pk}/").status_code == 404


@pytest.mark.django_db(transaction=True)
def test_readers_arriving_together_at_a_missing_page_wait_for_one_render(monkeypatch):
    ReleaseFactory(title_ar="خبر منشور")
    renders = []
    facets = views.release_facets

    def slow_facets(filterset):
        renders.append(threading.get_ident())
        time.sleep(0.3)  # long enough for every reader to arrive while it renders
        return facets(filterset)

    monkeypatch.setattr(views, "release_facets", slow_facets)
    start = threading.Barrier(6)
    pages = []

    def read():
        try:
            start.wait()
            pages.append(Client().get("/ar/news/").content)
        finally:
            connection.close()

    readers = [threading.Thread(target=read) for _ in range(6)]
    for reader in readers:
        reader.start()
    for reader in readers:
        reader.join()
    assert len(renders) == 1
    assert len(pages) == 6 and len(set(pages)) == 1
    assert "خبر منشور" in pages[0].decode()


def test_a_reader_renders_the_page_itself_when_the_render_it_waited_for_fails(client, monkeypatch):
    ReleaseFactory(title_ar="خبر منشور")
    monkeypatch.setattr(page_cache, "RENDER_WAIT_SECONDS", 0.2)
    # Another request took the page to render, and died before keeping it.
    with override("ar"):
        key = page_cache.page_key(RequestFactory().get("/ar/news/"))
    cache.set(f"{key}:rendering", True, 60)
    with override("ar"):
        response = client.get("/ar/news/")
    assert "خبر منشور" in response.content.decode()


# Only what a change touches is renewed (core/page_tags.py).


def served_from_the_cache(client, path, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_a_corrected_release_renews_its_page_and_the_lists_but_not_another_releases_page(
    client, committed, django_assert_num_queries
):
    corrected = ReleaseFactory(title_ar="عنوان أول")
    other = ReleaseFactory(title_ar="خبر آخر")
    for path in (corrected.get_absolute_url(), other.get_absolute_url(), "/ar/news/"):
        client.get(path)
    renewed = []

    def purge(sender, tags, **kwargs):
        renewed.extend(tags)

    page_tags.tags_renewed.connect(purge)

    def correct():
        corrected.title_ar = "عنوان مصحح"
        services.save_release(release=corrected, written=["title_ar"])
        services.publish_changes(release=corrected, user=None)

    try:
        committed(correct)
    finally:
        page_tags.tags_renewed.disconnect(purge)

    assert "عنوان مصحح" in client.get(corrected.get_absolute_url()).content.decode()
    assert "عنوان مصحح" in client.get("/ar/news/").content.decode()
    assert "خبر آخر" in served_from_the_cache(
        client, other.get_absolute_url(), django_assert_num_queries
    )
    assert f"release-{corrected.pk}" in renewed and "releases" in renewed
    assert f"release-{other.pk}" not in renewed and "site" not in renewed


def test_a_working_copy_save_renews_no_page(client, committed, django_assert_num_queries):
    release = ReleaseFactory(title_ar="العنوان المنشور")
    for path in (release.get_absolute_url(), "/ar/news/"):
        client.get(path)
    before = page_tags.renewals()

    def write():
        release.title_ar = "عنوان قيد الكتابة"
        release.title_fa = "عنوانی در دست ترجمه"
        services.save_release(release=release, written=["title_ar", "title_fa"])

    committed(write)

    assert page_tags.renewals() == before
    for path in (release.get_absolute_url(), "/ar/news/"):
        html = served_from_the_cache(client, path, django_assert_num_queries)
        assert "العنوان المنشور" in html and "قيد الكتابة" not in html


def test_an_unapproved_change_to_an_event_renews_nothing_until_it_is_approved(
    client, committed, django_assert_num_queries
):
    event = EventFactory(slug="forum", title_fa="همایش")
    approve_text(event)
    event.save()
    client.get("/fa/events/forum/")

    def translate():
        event.title_fa = "همایش بازنگری‌شده"
        event.save()

    committed(translate)
    assert "بازنگری" not in served_from_the_cache(
        client, "/fa/events/forum/", django_assert_num_queries
    )

    def approve_persian():
        approve_text(event, ["fa"])
        event.save(update_fields=["approved"])

    committed(approve_persian)
    assert "همایش بازنگری‌شده" in client.get("/fa/events/forum/").content.decode()


def test_renaming_a_person_renews_the_pages_of_releases_naming_them_and_no_other(
    client, committed, django_assert_num_queries
):
    person = PersonFactory(name_ar="فلان الفلاني")
    approve_text(person)
    person.save()
    naming = ReleaseFactory(title_ar="خبر عنه", links={"people": [person]})
    other = ReleaseFactory(title_ar="خبر آخر")
    for release in (naming, other):
        client.get(release.get_absolute_url())

    def rename():
        person.name_ar = "فلان بن فلان"
        approve_text(person)
        person.save()

    committed(rename)

    assert "فلان بن فلان" in client.get(naming.get_absolute_url()).content.decode()
    served_from_the_cache(client, other.get_absolute_url(), django_assert_num_queries)


def test_publishing_a_release_shows_on_the_page_of_the_event_it_is_about(client, committed):
    event = EventFactory(slug="forum")
    approve_text(event)
    event.save()
    draft = committed(
        lambda: ReleaseFactory(
            title_ar="خبر المنتدى", status=Release.Status.DRAFT, links={"events": [event]}
        )
    )
    assert "خبر المنتدى" not in client.get("/ar/events/forum/").content.decode()

    committed(
        lambda: services.set_status(release=draft, status=Release.Status.PUBLISHED, user=None)
    )

    assert "خبر المنتدى" in client.get("/ar/events/forum/").content.decode()


def test_every_kept_page_names_its_tags_for_a_cdn_to_purge_by(client):
    topic = TopicFactory(slug="victims")
    release = ReleaseFactory(links={"topics": [topic]})

    page = client.get(release.get_absolute_url())
    listing = client.get("/ar/news/")

    keys = set(page["Surrogate-Key"].split(" "))
    assert {"site", f"release-{release.pk}", f"topic-{topic.pk}"} <= keys
    assert set(page["Cache-Tag"].split(",")) == keys
    assert {"site", "releases", "topics"} <= set(listing["Surrogate-Key"].split(" "))
    # The list stands for its releases by their collection: no tag of each.
    assert f"release-{release.pk}" not in listing["Surrogate-Key"]


def test_a_page_whose_tags_the_cache_lost_is_rendered_again(client):
    release = ReleaseFactory(title_ar="خبر")
    client.get(release.get_absolute_url())
    cache.delete(page_tags.tag_key(f"release-{release.pk}"))

    with CaptureQueriesContext(connection) as queries:
        response = client.get(release.get_absolute_url())

    assert response.status_code == 200 and len(queries) > 0


def test_publishing_a_release_shows_the_pledge_it_reported_on_the_donors_page(client, committed):
    donor = OrganisationFactory(slug="qatar", kind="member_state")
    draft = ReleaseFactory(status=Release.Status.DRAFT)
    pledge = PledgeFactory(donor=donor, reported_in=draft, amount=1_000_000)
    assert client.get("/ar/organisations/qatar/").context["pledges_given"] == []

    committed(
        lambda: services.set_status(release=draft, status=Release.Status.PUBLISHED, user=None)
    )

    response = client.get("/ar/organisations/qatar/")
    assert response.context is not None, "served from the cache as it was"
    assert response.context["pledges_given"] == [pledge]


def test_moving_an_organisation_under_a_unit_shows_its_news_in_the_parents_feed(client, committed):
    parent = OrganisationFactory(slug="unoct")
    unit = OrganisationFactory(slug="uncct", parent=parent)
    moved = OrganisationFactory(slug="centre")
    ReleaseFactory(title_ar="خبر المركز", links={"organisations": [moved]})
    assert "خبر المركز" not in client.get("/ar/organisations/unoct/feed/").content.decode()

    def move():
        moved.parent = unit
        moved.save()

    committed(move)

    assert "خبر المركز" in client.get("/ar/organisations/unoct/feed/").content.decode()


def test_lists_kept_while_the_news_index_was_built_are_renewed_once_it_is_stored(committed):
    ReleaseFactory()
    page_tags.make_known({"releases"})
    before = page_tags.renewals()
    assert page_tags.unchanged_since(before, {"releases"})

    committed(news_index.rebuild)

    assert not page_tags.unchanged_since(before, {"releases"})


def test_a_cdn_keeps_a_page_no_longer_than_until_the_next_scheduled_release(client, settings):
    settings.CDN_CACHE_SECONDS = 3600
    ReleaseFactory(published_at=timezone.now() + timezone.timedelta(seconds=120))

    response = client.get("/ar/news/")

    assert 0 < cache_seconds(response, "s-maxage") <= 120


def cache_seconds(response, directive):
    for part in response["Cache-Control"].split(","):
        name, _sep, value = part.strip().partition("=")
        if name == directive:
            return int(value)
    return None


def test_nothing_is_kept_past_midnight_when_upcoming_events_become_recent(monkeypatch):
    late = timezone.make_aware(timezone.datetime(2026, 12, 1, 23, 59, 30))
    monkeypatch.setattr(timezone, "now", lambda: late)

    assert page_cache.timeout() <= 30


def a_late_renewal_never_lowers_a_tag():
    # Counts start from the clock in nanoseconds: past what a float holds to the unit.
    start = time.time_ns()
    page_tags.raise_to(start + 2, {"release-1", "releases"})
    page_tags.raise_to(start + 1, {"release-1", "release-2"})  # stored late, counted before
    page_tags.raise_to(start + 3, {"releases"})

    versions = {tag: cache.get(page_tags.tag_key(tag)) for tag in ("release-1", "releases")}
    assert versions == {"release-1": start + 2, "releases": start + 3}
    assert cache.get(page_tags.tag_key("release-2")) == start + 1


def test_renewals_stored_out_of_order_keep_the_later_count():
    cache.clear()
    a_late_renewal_never_lowers_a_tag()


@pytest.mark.skipif(not redis_answers(), reason="needs Redis on 127.0.0.1:6379")
def test_renewals_stored_out_of_order_keep_the_later_count_in_redis(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/14",
            "KEY_PREFIX": f"test-{uuid.uuid4()}",
        }
    }
    a_late_renewal_never_lowers_a_tag()
