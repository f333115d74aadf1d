"""A number's noun takes the form its language gives that number (catalogues' plural rules)."""

import pytest

from tests.factories import EventFactory, ReleaseFactory

pytestmark = pytest.mark.django_db


def figures(client, language):
    html = client.get(f"/{language}/").content.decode()
    return html.split('class="figures"', 1)[1].split("</section>", 1)[0]


@pytest.mark.parametrize(
    ("events", "arabic"), [(1, "فعالية"), (2, "فعاليتان"), (3, "فعاليات"), (11, "فعالية")]
)
def test_arabic_counts_take_the_form_of_their_number(client, events, arabic):
    EventFactory.create_batch(events, country="")

    # Latin digits on Arabic pages, as UN Arabic documents write them.
    assert f"<strong>{events}</strong> {arabic} " in figures(client, "ar")


def test_persian_keeps_the_singular_after_a_number(client):
    EventFactory.create_batch(5, country="")
    ReleaseFactory()

    shown = figures(client, "fa")

    assert "<strong>۵</strong> رویداد " in shown and "رویدادها" not in shown
    assert "<strong>۱</strong> مطلب " in shown


def test_english_counts_say_one_item_or_many(client):
    EventFactory(country="QA")
    shown = figures(client, "en")

    assert "<strong>1</strong> event " in shown and "<strong>1</strong> country" in shown
