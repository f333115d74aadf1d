"""What the public pages read is shaped once, when it is written: a live text's summary, the
facets of a list kept to one topic, kind, year, event kind, country or language; and pages that
list a record's releases or quotes show the newest few, however long the archive."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.utils import timezone

from releases import news_index, services, summaries
from releases.models import LiveText, Release
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

# Thirty words, each a different letter after kaf: a summary keeps the first twenty-five.
WORDS = [f"ك{chr(0x0628 + number)}" for number in range(30)]
LONG_LEDE = " ".join(WORDS)


def test_a_published_text_keeps_its_summary_as_lists_show_it(client):
    release = ReleaseFactory(title_ar="مكتب UNOCT يفتتح <مركزا>", lede_ar=LONG_LEDE)
    text = LiveText.objects.get(release=release)

    assert text.summary_format == summaries.FORMAT
    assert text.summary_title == 'مكتب <bdi dir="ltr">UNOCT</bdi> يفتتح &lt;مركزا&gt;'
    assert text.summary_lede == " ".join(WORDS[:25]) + " …"
    html = client.get("/ar/news/").content.decode()
    assert text.summary_title in html and text.summary_lede in html


def test_a_text_stored_by_an_older_rule_is_shown_as_the_current_rule_renders_it(client):
    release = ReleaseFactory(title_ar="مكتب UNOCT يفتتح مركزا", lede_ar=LONG_LEDE)
    LiveText.objects.filter(release=release).update(
        summary_format=0, summary_title="عنوان قديم", summary_lede="فقرة قديمة"
    )

    html = client.get("/ar/news/").content.decode()

    assert "عنوان قديم" not in html and "فقرة قديمة" not in html
    assert 'مكتب <bdi dir="ltr">UNOCT</bdi> يفتتح مركزا' in html
    assert " ".join(WORDS[:25]) + " …" in html


@pytest.fixture
def archive():
    topics = [TopicFactory(slug=f"topic-{number}") for number in range(2)]
    event = EventFactory(slug="doha", country="QA", kind="conference")
    for number in range(9):
        release = ReleaseFactory(
            kind=["press_release", "statement", "news"][number % 3],
            published_at=datetime(2020 + number % 2, 3, 1 + number, tzinfo=UTC),
        )
        release.topics.add(topics[number % 2])
        if number % 3 == 0:
            release.events.add(event)
    return topics


@pytest.mark.parametrize(
    "query",
    [
        "topic=topic-1",
        "kind=statement",
        "year=2021",
        "event_kind=conference",
        "country=qa",
        "own_language=on",
        "year=1990",
    ],
)
def test_a_list_kept_to_one_value_of_a_small_filter_counts_nothing_when_read(
    client, archive, monkeypatch, query
):
    counted = client.get(f"/en/news/?{query}").context["facets"]
    news_index.current()  # built, and read by this process

    def no_counting(*args, **kwargs):
        raise AssertionError("counted at read time")

    monkeypatch.setattr(news_index, "counted", no_counting)
    kept = client.get(f"/en/news/?{query}").context["facets"]

    assert [facet.options for facet in kept] == [facet.options for facet in counted]


def test_the_kept_counts_follow_a_release_published_into_the_list(client, archive):
    def statements():
        facets = client.get("/en/news/?kind=statement").context["facets"]
        topics = next(facet for facet in facets if facet.name == "topic")
        return {option.value: option.count for option in topics.options}

    before = statements()
    release = ReleaseFactory(kind="statement", status=Release.Status.DRAFT)
    release.topics.add(archive[0])
    services.set_status(release=release, status=Release.Status.PUBLISHED, user=None)

    assert statements() == {**before, "topic-0": before.get("topic-0", 0) + 1}


def test_an_event_page_shows_its_newest_releases_and_links_to_them_all(client):
    event = EventFactory(slug="doha")
    now = timezone.now()
    for number in range(14):
        ReleaseFactory(
            title_ar=f"خبر الدوحة {number}", published_at=now - timedelta(days=number)
        ).events.add(event)

    response = client.get("/ar/events/doha/")

    shown = [release.title for release in response.context["releases"]]
    assert shown == [f"خبر الدوحة {number}" for number in range(10)]
    assert 'href="/ar/news/?event=doha"' in response.content.decode()


def test_a_person_page_shows_their_newest_quotes_each_once(client):
    person = PersonFactory(slug="voronkov")
    now = timezone.now()
    for number in range(12):
        release = ReleaseFactory(status=Release.Status.DRAFT, title_en=f"Statement {number}")
        services.set_quotes(
            release=release,
            quotes=[{"person": person, "text_ar": f"قول {number}", "text_en": f"Saying {number}"}],
        )
        release.published_at = now - timedelta(days=number)
        release.save()
        services.set_status(release=release, status=Release.Status.PUBLISHED, user=None)
        approve(release, "en")

    quotes = client.get("/ar/people/voronkov/").context["quotes"]

    assert [quote.text for quote in quotes] == [f"قول {number}" for number in range(10)]


def test_an_organisation_page_shows_its_newest_events_and_pledges_and_links_to_them_all(client):
    organisation = OrganisationFactory(slug="unoct")
    today = date(2026, 6, 1)
    for number in range(13):
        EventFactory(
            title_en=f"Meeting {number}", start_date=today - timedelta(days=number)
        ).organisers.add(organisation)
        PledgeFactory(donor=organisation, amount=1000 + number, first_year=2026 - number)
        PledgeFactory(recipient=organisation, amount=2000 + number, first_year=2026 - number)

    response = client.get("/en/organisations/unoct/")

    shown = [event.title_en for event in response.context["events"]]
    assert shown == [f"Meeting {number}" for number in range(10)]
    given = [pledge.first_year for pledge in response.context["pledges_given"]]
    received = [pledge.first_year for pledge in response.context["pledges_received"]]
    assert given == received == [2026 - number for number in range(10)]
    html = response.content.decode()
    assert 'href="/en/events/?organisation=unoct"' in html
    assert 'href="/en/funding/?donor=unoct"' in html
    assert 'href="/en/funding/?recipient=unoct"' in html
