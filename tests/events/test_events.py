from datetime import date

import pytest
from django.db import IntegrityError, transaction
from django.utils import translation

from events.models import Event
from tests.factories import EventFactory, ParticipationFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "fields",
    [
        {"start_date": date(2020, 12, 10), "end_date": date(2020, 12, 8)},
        {"start_date": None, "end_date": date(2020, 12, 8), "date_precision": "unknown"},
        {"start_date": date(2020, 12, 8), "date_precision": "unknown"},
        {"start_date": None, "date_precision": "day"},
    ],
    ids=["ends before it starts", "end without start", "unknown yet dated", "dated without date"],
)
def test_database_refuses_impossible_dates(fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(**fields)


def test_event_without_a_date_says_so_in_the_readers_language(client):
    event = EventFactory(start_date=None, date_precision="unknown")

    html = client.get(f"/en/events/{event.slug}/").content.decode()
    assert "date not stated" in html
    assert "to be confirmed" not in html


def test_dates_show_only_as_precisely_as_they_are_known(client):
    roundtable = EventFactory(start_date=date(2020, 12, 8), end_date=date(2020, 12, 10))
    conference = EventFactory(start_date=date(2022, 10, 1), date_precision="month")

    roundtable_page = client.get(f"/en/events/{roundtable.slug}/").content.decode()
    assert "8–\u206010\u00a0December\u00a02020" in roundtable_page
    conference_page = client.get(f"/en/events/{conference.slug}/").content.decode()
    assert "October\u00a02022" in conference_page
    assert "1\u00a0October" not in conference_page


def test_head_counts_can_be_negative_nowhere():
    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(participant_count=-1)


def test_speakers_keep_the_order_and_title_stated_at_the_event():
    event = EventFactory()
    voronkov = PersonFactory(name_en="Vladimir Voronkov")
    ParticipationFactory(event=event, role="spoke", order=2, title_en="Head of UNOCT")
    ParticipationFactory(
        event=event, person=voronkov, role="opened", order=1, title_en="Under-Secretary-General"
    )

    first = event.participations.first()
    assert first.person == voronkov
    with translation.override("en"):
        assert first.get_role_display() == "opened"
        assert first.title == "Under-Secretary-General"


def test_one_person_can_hold_two_roles_at_one_event_but_not_the_same_twice():
    event = EventFactory()
    person = PersonFactory()
    ParticipationFactory(event=event, person=person, role="opened")
    ParticipationFactory(event=event, person=person, role="spoke")
    with pytest.raises(IntegrityError), transaction.atomic():
        ParticipationFactory(event=event, person=person, role="spoke")


def test_format_and_kind_are_closed_lists():
    assert set(Event.Format.values) == {"in_person", "virtual", "hybrid"}
    assert {"conference", "forum", "advocacy_event", "roundtable", "launch"} <= set(
        Event.Kind.values
    )


def test_paging_through_filtered_events_keeps_the_filter(client):
    EventFactory.create_batch(35, kind=Event.Kind.WORKSHOP)
    EventFactory.create_batch(5, kind=Event.Kind.FORUM)

    html = client.get("/en/events/?kind=workshop").content.decode()

    assert 'href="?kind=workshop&amp;page=2"' in html
    second = client.get("/en/events/?kind=workshop&page=2")
    assert len(second.context["page"]) == 5
