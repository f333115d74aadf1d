"""Every public page, in every language: what a reader sees, and what they never see."""

from pathlib import Path

import pytest
from django.utils import translation
from django.utils.encoding import iri_to_uri

from tests.factories import (
    EventFactory,
    OrganisationFactory,
    ParticipationFactory,
    PersonFactory,
    PledgeFactory,
    ReleaseFactory,
    approve,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    unoct = OrganisationFactory(
        slug="unoct", name_en="UN Office of Counter-Terrorism", acronym_en="UNOCT"
    )
    uncct = OrganisationFactory(slug="uncct", name_en="UN Counter-Terrorism Centre", parent=unoct)
    qatar = OrganisationFactory(slug="qatar", name_en="State of Qatar", kind="member_state")
    voronkov = PersonFactory(
        slug="voronkov", name_en="Vladimir Voronkov", name_fa="ولادیمیر ورونکوف"
    )
    forum = EventFactory(
        slug="forum",
        title_en="Doha forum",
        kind="forum",
        start_date=None,
        date_precision="unknown",
        country="QA",
        city_en="Doha",
    )
    forum.organisers.add(qatar, uncct)
    ParticipationFactory(
        event=forum, person=voronkov, role="spoke", title_en="Head of UNOCT", order=1
    )
    release = approve(ReleaseFactory(title_en="Forum concludes", slug_en="forum-concludes"), "en")
    release.events.add(forum)
    release.people.add(voronkov)
    release.organisations.add(uncct)
    draft = ReleaseFactory(
        title_ar="مسودة سرية", title_en="Secret draft", status="draft", published_at=None
    )
    draft.events.add(forum)
    draft.people.add(voronkov)
    draft.organisations.add(uncct)
    PledgeFactory(
        donor=qatar, recipient=unoct, amount=15_000_000, amount_basis="per_year",
        first_year=2024, last_year=2026, announced_at=forum, reported_in=release,
    )  # fmt: skip
    PledgeFactory(donor=qatar, recipient=unoct, amount=123_456_789, reported_in=draft)
    return {"release": release, "draft": draft}


PAGES = ["/{}/events/", "/{}/events/forum/", "/{}/people/voronkov/", "/{}/organisations/",
         "/{}/organisations/unoct/", "/{}/organisations/qatar/", "/{}/news/", "/{}/"]  # fmt: skip


@pytest.mark.parametrize("language", ["ar", "en", "fa"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_opens_in_every_language_and_hides_drafts(client, site, page, language):
    response = client.get(page.format(language))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    assert "Secret draft" not in html and "مسودة سرية" not in html
    assert "456,789" not in html and "۴۵۶٬۷۸۹" not in html  # the draft's pledge


def test_event_page_shows_date_not_stated_speakers_and_pledges(client, site):
    html = client.get("/en/events/forum/").content.decode()
    assert "date not stated" in html
    assert "Vladimir Voronkov" in html and "Head of UNOCT" in html
    assert "Forum concludes" in html
    assert "15,000,000" in html


def test_person_page_in_persian_uses_the_persian_name(client, site):
    html = client.get("/fa/people/voronkov/").content.decode()
    assert "ولادیمیر ورونکوف" in html


def test_an_organisation_page_includes_its_units_news(client, site):
    html = client.get("/en/organisations/unoct/").content.decode()
    assert "UN Counter-Terrorism Centre" in html
    assert "Forum concludes" in html


def test_a_fallback_name_is_marked_with_its_own_language(client, site):
    html = client.get(
        "/en/people/" + PersonFactory(slug="arabic-only", name_en="", name_ar="اسم عربي").slug + "/"
    ).content.decode()
    assert '<bdi lang="ar" dir="rtl">اسم عربي</bdi>' in html


@pytest.mark.parametrize(
    "path", ["/en/events/nope/", "/fa/people/nope/", "/ar/organisations/nope/", "/en/news/nope/"]
)
def test_unknown_items_are_404_pages_in_the_readers_language(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert f'lang="{path[1:3]}"' in response.content.decode()


def test_release_page_has_canonical_hreflang_only_for_real_translations_and_json_ld(client, site):
    html = client.get("/en/news/forum-concludes/").content.decode()
    assert '<link rel="canonical" href="http://testserver/en/news/forum-concludes/">' in html
    assert 'rel="alternate" hreflang="en"' in html and 'rel="alternate" hreflang="ar"' in html
    assert 'rel="alternate" hreflang="fa"' not in html  # no approved Persian translation
    assert '"@type": "NewsArticle"' in html
    assert 'property="og:title" content="Forum concludes"' in html


def test_the_language_switcher_leads_straight_to_the_same_release_in_each_language(client, site):
    arabic_address = iri_to_uri(f"/fa/news/{site['release'].slug_ar}/")
    html = client.get("/en/news/forum-concludes/").content.decode()
    # No approved Persian: the Persian site shows it in Arabic, at the Arabic address.
    assert f'href="{arabic_address}"' in html
    persian = client.get(arabic_address)
    assert persian.status_code == 200
    assert persian.context["shown_in"] == "ar"  # no approved Persian: the labelled fallback
    # Any other address of it on the Persian site leads there for good.
    other = client.get("/fa/news/forum-concludes/")
    assert (other.status_code, other["Location"]) == (301, arabic_address)
    arabic = client.get("/ar/news/forum-concludes/")
    assert arabic.status_code == 301
    with translation.override("ar"):
        assert arabic["Location"] == site["release"].get_absolute_url()


def test_pages_are_light(client, site):
    from django.contrib.staticfiles import finders

    html = client.get("/en/news/forum-concludes/").content
    css = Path(finders.find("css/site.css")).read_bytes()
    assert len(html) + len(css) < 100_000


@pytest.mark.parametrize(
    "page",
    [
        "/en/events/forum/",
        "/en/people/voronkov/",
        "/en/organisations/unoct/",
        "/en/news/forum-concludes/",
    ],
)
def test_item_pages_run_a_constant_number_of_queries(
    client, site, page, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        assert client.get(page).status_code == 200
