"""Punctuation comes from the language of the text around it, never from the template's."""

import pytest

from core.approved_text import approve
from releases import services
from releases.models import Release
from tests.factories import EventFactory, ParticipationFactory, PersonFactory, ReleaseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def forum():
    event = EventFactory(
        slug="forum",
        city_ar="الدوحة",
        city_en="Doha",
        city_fa="دوحه",
        country="QA",
        venue_en="Sheraton",
        venue_ar="شيراتون",
        venue_fa="شراتون",
    )
    approve(event)
    event.save()
    person = PersonFactory(slug="voronkov", name_en="Vladimir Voronkov")
    approve(person)
    person.save()
    participation = ParticipationFactory(
        event=event,
        person=person,
        role="spoke",
        title_ar="رئيس المكتب",
        title_en="Head of UNOCT",
        title_fa="رئیس دفتر",
        order=1,
    )
    approve(participation)
    participation.save()
    return event


def test_english_pages_join_with_the_latin_comma(client, forum):
    event_page = client.get("/en/events/forum/").content.decode()
    person_page = client.get("/en/people/voronkov/").content.decode()

    assert "Sheraton, Doha, Qatar" in event_page
    assert "spoke, Head of UNOCT" in event_page and "spoke, Head of UNOCT" in person_page
    assert "، " not in event_page and "، " not in person_page


def test_persian_and_arabic_pages_join_with_the_arabic_comma(client, forum):
    persian = client.get("/fa/events/forum/").content.decode()
    arabic = client.get("/ar/people/voronkov/").content.decode()

    assert "شراتون، دوحه، قطر" in persian and "سخنرانی، رئیس دفتر" in persian
    assert "إلقاء كلمة، رئيس المكتب" in arabic


def test_a_quote_credit_in_arabic_uses_the_arabic_comma(client, forum):
    person = forum.participations.get().person
    release = ReleaseFactory(status=Release.Status.DRAFT)
    services.set_quotes(
        release=release, quotes=[{"person": person, "event": forum, "text_ar": "نص الاقتباس"}]
    )
    services.set_status(release=release, status=Release.Status.PUBLISHED, user=None)

    html = client.get(release.get_absolute_url()).content.decode()

    assert "، " in html.split('class="quote"', 1)[1].split("</footer>", 1)[0]
