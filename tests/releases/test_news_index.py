"""The news list's index (releases/news_index.py): the same list and counts as SQL gives,
current after every change, built once however many readers arrive together."""

import pickle
import threading
from datetime import UTC, datetime, timedelta
from itertools import combinations

import pytest
from django.contrib.auth.models import Group, User
from django.db import connection, transaction
from django.utils import timezone

from releases import news_index, services
from releases.models import NewsIndex, NewsIndexChange, Release
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


@pytest.fixture
def publisher():
    user = User.objects.create_user("publisher", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=roles.PUBLISHER))
    return user


def facets(response):
    return {
        facet.name: [(option.value, option.label, option.count) for option in facet.options]
        for facet in response.context["facets"]
    }


def listed(response):
    return [item.pk for item in response.context["releases"]], response.context[
        "page"
    ].paginator.count


@pytest.fixture
def archive():
    """Releases of every kind over three years, linked in overlapping ways."""
    topics = [TopicFactory(slug=f"topic-{n}") for n in range(3)]
    people = [PersonFactory(slug=f"person-{n}") for n in range(3)]
    parent = OrganisationFactory(slug="unoct")
    organisations = [parent, OrganisationFactory(slug="uncct", parent=parent)]
    events = [
        EventFactory(slug="doha", country="QA", kind="conference"),
        EventFactory(slug="dushanbe", country="TJ", kind="meeting"),
    ]
    kinds = [choice for choice, _label in Release.Kind.choices]
    for number in range(24):
        published = datetime(2019 + number % 3, 1 + number % 12, 3, 9, tzinfo=UTC)
        release = ReleaseFactory(
            kind=kinds[number % len(kinds)],
            published_at=published,
            title_en=f"Release {number}" if number % 4 == 0 else "",
            slug_en=f"release-{number}" if number % 4 == 0 else "",
        )
        if number % 4 == 0:
            approve(release, "en")
        release.topics.add(*topics[: 1 + number % 3])
        release.people.add(people[number % 3])
        release.organisations.add(organisations[number % 2])
        release.events.add(events[number % 2])
    ReleaseFactory(status=Release.Status.DRAFT).topics.add(topics[0])
    return {
        "topic": [t.slug for t in topics],
        "person": [p.slug for p in people],
        "organisation": ["unoct", "uncct"],
        "event": ["doha", "dushanbe"],
        "country": ["QA", "tj"],
        "event_kind": ["conference", "meeting"],
        "year": ["2019", "2020", "2021", "1990"],
        "kind": kinds,
        "own_language": ["on"],
        # Around days of publication, and on them: a day's releases are in its range.
        "date_from": ["2020-01-01", "2020-05-03", "2021-12-04"],
        "date_to": ["2020-08-03", "2019-12-31", "1990-01-01"],
    }


def test_every_filter_and_pair_of_filters_lists_and_counts_as_sql_does(
    client, archive, monkeypatch
):
    chosen = [(name, value) for name, values in archive.items() for value in values]
    asked = [[one] for one in chosen] + [
        list(pair) for pair in combinations(chosen[::3], 2) if pair[0][0] != pair[1][0]
    ]
    asked.append([("date_from", "2020-05-03"), ("date_to", "2020-08-03")])

    def read(path, *, sql):
        with monkeypatch.context() as patched:
            if sql:
                # The list and its facets counted in SQL, as without the index.
                patched.setattr(news_index, "listing_for", lambda filterset: None)
            return client.get(path)

    for language in ("ar", "en"):
        for filters in [[], *asked]:
            path = f"/{language}/news/?" + "&".join(f"{name}={value}" for name, value in filters)
            by_index, by_sql = read(path, sql=False), read(path, sql=True)
            assert by_index.context["filter"].listing is not None, path
            assert listed(by_index) == listed(by_sql), path
            assert facets(by_index) == facets(by_sql), path


def test_the_unfiltered_list_counts_what_the_public_sees(client, archive):
    response = client.get("/ar/news/")
    assert response.context["page"].paginator.count == 24
    assert sum(count for _value, _label, count in facets(response)["kind"]) == 24
    assert dict((value, count) for value, _label, count in facets(response)["year"]) == {
        "2021": 8,
        "2020": 8,
        "2019": 8,
    }


def test_a_deep_page_reads_only_its_own_releases(client, archive, django_assert_max_num_queries):
    client.get("/ar/news/")
    with django_assert_max_num_queries(4):
        response = client.get("/ar/news/?page=2")
    assert len(response.context["releases"]) == 4
    newest_first = [item.published_at for item in response.context["releases"]]
    assert newest_first == sorted(newest_first, reverse=True)


def test_a_change_shows_in_the_list_at_once(client, archive, publisher):
    release = Release.objects.published().first()
    assert release.pk in listed(client.get("/ar/news/"))[0]
    services.set_status(release=release, status=Release.Status.DRAFT, user=publisher)
    assert release.pk not in listed(client.get("/ar/news/"))[0]
    assert listed(client.get("/ar/news/"))[1] == 23

    topic = TopicFactory(slug="new", name_ar="موضوع جديد")
    ReleaseFactory(title_ar="خبر جديد").topics.add(topic)
    response = client.get("/ar/news/?topic=new")
    assert [item.title for item in response.context["releases"]] == ["خبر جديد"]
    # The topic facet is counted leaving the topic chosen out: the new one among the others.
    assert ("new", "موضوع جديد", 1) in facets(response)["topic"]
    assert facets(response)["kind"] == [("news", "خبر", 1)]


def test_a_renamed_topic_is_named_anew_in_the_facets(client, archive):
    client.get("/ar/news/")
    topic = TopicFactory._meta.model.objects.get(slug="topic-0")
    topic.name_ar = "اسم جديد"
    topic.save()
    labels = {value: label for value, label, _count in facets(client.get("/ar/news/"))["topic"]}
    assert labels["topic-0"] == "اسم جديد"


def test_a_scheduled_release_joins_the_list_when_its_time_comes(client, archive, monkeypatch):
    soon = timezone.now() + timedelta(minutes=5)
    scheduled = ReleaseFactory(published_at=soon)
    assert scheduled.pk not in listed(client.get("/ar/news/"))[0]
    later = soon + timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert scheduled.pk in listed(client.get("/ar/news/"))[0]


def test_an_index_behind_the_database_never_lists_an_unpublished_release(client, archive):
    client.get("/ar/news/")
    release = Release.objects.published().first()
    # Unpublished behind the index's back (no change noted): the page still leaves it out.
    Release.objects.filter(pk=release.pk).update(status=Release.Status.DRAFT)
    NewsIndexChange.objects.all().delete()
    assert release.pk not in listed(client.get("/ar/news/"))[0]


def test_each_change_commits_with_the_index_built_after_it(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        ReleaseFactory(title_ar="بعد الالتزام")
    # Built when the change committed: no change is left for a reader to build from.
    assert not NewsIndexChange.objects.exists()
    assert news_index.current().counted_rows({})["kind"][0][2] == 1


@pytest.mark.django_db(transaction=True)
def test_readers_arriving_together_wait_for_one_build(monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has no row locks: one process serves at a time there")
    for number in range(5):
        ReleaseFactory(title_ar=f"خبر {number}", published_at=timezone.now() - timedelta(days=1))
    NewsIndexChange.objects.create()  # a change whose commit did not build the index
    builds = []
    build = news_index.build

    def counted_build():
        builds.append(threading.get_ident())
        return build()

    monkeypatch.setattr(news_index, "build", counted_build)
    monkeypatch.setattr(news_index, "loaded", None)
    start = threading.Barrier(6)
    counts = []

    def read():
        try:
            start.wait()
            counts.append(len(news_index.current().order))
        finally:
            connection.close()

    readers = [threading.Thread(target=read) for _ in range(6)]
    for reader in readers:
        reader.start()
    for reader in readers:
        reader.join()
    assert counts == [5] * 6
    assert len(builds) == 1


@pytest.mark.django_db(transaction=True)
def test_a_reader_arriving_while_the_index_is_built_reads_the_one_before_without_waiting(
    monkeypatch,
):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has no row locks: one process serves at a time there")
    ReleaseFactory(title_ar="خبر أول", published_at=timezone.now() - timedelta(days=1))
    ReleaseFactory(title_ar="خبر ثان", published_at=timezone.now() - timedelta(days=1))
    assert len(news_index.current().order) == 2
    NewsIndexChange.objects.create()  # a change another process is building the index for
    building, done, let_go = threading.Event(), threading.Event(), threading.Event()

    def builder():
        try:
            with transaction.atomic():
                NewsIndex.objects.select_for_update().get(pk=1)
                building.set()
                done.wait(10)
            let_go.set()
        finally:
            connection.close()

    thread = threading.Thread(target=builder)
    thread.start()
    building.wait(10)
    builds = []
    monkeypatch.setattr(news_index, "build", lambda: builds.append(1))
    try:
        listing = news_index.current()
        # Answered while the other process still holds the index.
        answered_first = not let_go.is_set()
    finally:
        done.set()
        thread.join()

    assert answered_first
    assert len(listing.order) == 2 and builds == []


def test_the_year_of_a_release_is_the_sites_local_year(client, settings):
    # Published at 23:30 UTC on 31 December: in Doha's time zone already the next year.
    settings.TIME_ZONE = "Asia/Qatar"
    ReleaseFactory(published_at=datetime(2020, 12, 31, 23, 30, tzinfo=UTC))
    by_index = facets(client.get("/ar/news/"))["year"]
    by_sql = facets(client.get("/ar/news/?date_from=1900-01-01"))["year"]
    assert by_index == by_sql == [("2021", "2021", 1)]


def test_a_year_without_releases_lists_nothing(client, archive):
    response = client.get("/ar/news/?year=1990")
    assert listed(response) == ([], 0)


def test_a_working_copy_save_leaves_the_index_as_it_is(client, archive, publisher):
    client.get("/ar/news/")  # built
    release = Release.objects.published().first()
    release.title_en = "A translator's working title"
    release.lede_ar = "تصحيح في نسخة العمل"
    release.save()
    assert not NewsIndexChange.objects.exists()
    services.set_status(release=release, status=Release.Status.ARCHIVED, user=publisher)
    assert NewsIndexChange.objects.exists()


def test_an_index_stored_by_an_older_build_of_the_code_is_built_again(
    monkeypatch, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        ReleaseFactory(published_at=datetime(2020, 5, 3, 9, tzinfo=UTC))
    stored = news_index.current()
    stored.format = news_index.FORMAT - 1
    NewsIndex.objects.filter(pk=1).update(content=pickle.dumps(stored))
    monkeypatch.setattr(news_index, "loaded", None)

    listing = news_index.current()

    assert listing.format == news_index.FORMAT and len(listing.days) == 1
