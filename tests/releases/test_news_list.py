from datetime import date, datetime

import pytest
from django.utils import timezone
from django.utils.encoding import iri_to_uri

from releases.models import Release
from tests.factories import (
    EventFactory,
    OrganisationFactory,
    PersonFactory,
    ReleaseFactory,
    TopicFactory,
    approve,
)

pytestmark = pytest.mark.django_db


def published_on(day):
    return datetime.combine(day, datetime.min.time(), tzinfo=timezone.UTC)


def titles(response):
    return [item.release.title_ar for item in response.context["releases"]]


def facet(response, name):
    facet = next(f for f in response.context["facets"] if f.name == name)
    return {option.value: option.count for option in facet.options}


def test_filters_combine_and_each_option_shows_its_count(client):
    nuclear = TopicFactory(slug="nuclear")
    borders = TopicFactory(slug="borders")
    a = ReleaseFactory(
        title_ar="أ", kind="press_release", published_at=published_on(date(2021, 2, 25))
    )
    a.topics.add(nuclear)
    b = ReleaseFactory(title_ar="ب", kind="news", published_at=published_on(date(2022, 10, 20)))
    b.topics.add(nuclear, borders)
    ReleaseFactory(title_ar="ج", kind="news", published_at=published_on(date(2022, 1, 25)))

    response = client.get("/ar/news/?topic=nuclear&kind=news")

    assert titles(response) == ["ب"]
    assert facet(response, "topic") == {"nuclear": 1, "borders": 1}
    assert facet(response, "kind") == {"press_release": 1, "news": 1}
    assert facet(response, "year")["2022"] == 1


def test_an_organisation_includes_its_units(client):
    unoct = OrganisationFactory(slug="unoct")
    uncct = OrganisationFactory(slug="uncct", parent=unoct)
    release = ReleaseFactory(title_ar="عن المركز")
    release.organisations.add(uncct)
    ReleaseFactory(title_ar="غيره")
    assert titles(client.get("/ar/news/?organisation=unoct")) == ["عن المركز"]


def test_event_kind_country_person_and_dates_filter(client):
    roundtable = EventFactory(slug="roundtable", kind="roundtable", country="TJ")
    voronkov = PersonFactory(slug="voronkov")
    release = ReleaseFactory(title_ar="طاولة", published_at=published_on(date(2020, 12, 8)))
    release.events.add(roundtable)
    release.people.add(voronkov)
    ReleaseFactory(title_ar="آخر", published_at=published_on(date(2023, 1, 1)))
    for query in (
        "event_kind=roundtable",
        "country=TJ",
        "person=voronkov",
        "event=roundtable",
        "date_from=2020-12-01&date_to=2020-12-31",
        "year=2020",
    ):
        assert titles(client.get(f"/ar/news/?{query}")) == ["طاولة"], query


def test_only_items_written_in_this_language(client):
    ReleaseFactory(title_ar="عربي فقط")
    approve(ReleaseFactory(title_ar="مترجم", title_en="Translated"), "en")
    ReleaseFactory(title_ar="إنجليزي", source_language="en", title_en="English original")
    response = client.get("/en/news/?own_language=true")
    assert sorted(titles(response)) == ["إنجليزي", "مترجم"]


def test_search_ranks_and_highlights_the_matched_words(client):
    ReleaseFactory(title_ar="مكافحة الإرهاب في آسيا الوسطى")
    ReleaseFactory(title_ar="خبر عن التنمية")
    html = client.get("/ar/news/?q=ارهاب").content.decode()
    assert "<mark>الإرهاب</mark>" in html
    assert "التنمية" not in html


def test_persian_search_highlights_a_word_with_its_non_joiner(client):
    release = ReleaseFactory(
        source_language="fa", title_ar="", slug_ar="", title_fa="ما می\u200cخواهیم همکاری کنیم"
    )
    approve(release, "fa")
    html = client.get("/fa/news/?q=میخواهیم").content.decode()
    assert "<mark>می\u200cخواهیم</mark>" in html


def test_pagination_keeps_the_filters(client):
    topic = TopicFactory(slug="t")
    for release in ReleaseFactory.create_batch(25):
        release.topics.add(topic)
    html = client.get("/ar/news/?topic=t").content.decode()
    assert 'href="?topic=t&amp;page=2"' in html
    assert len(titles(client.get("/ar/news/?topic=t&page=2"))) == 5


def test_an_empty_result_says_so_and_offers_to_clear(client):
    ReleaseFactory()
    html = client.get("/en/news/?q=nothingmatchesthis").content.decode()
    assert "No releases match these filters." in html
    assert 'href="/en/news/"' in html


@pytest.mark.parametrize(
    "query",
    [
        "page=abc",
        "page=999999999",
        "topic=no-such-topic",
        "year=abc",
        "date_from=2021-02-31",
        "kind=<script>alert(1)</script>",
        "q=" + "ا" * 5000,
        "q=' OR 1=1; DROP TABLE newsroom_release; --",
        "country=ZZZ",
        "own_language=maybe",
        "q=UNOCT مكتب دفتر ۲۰۲۴",
    ],
)
def test_bad_input_gives_a_proper_page(client, query):
    ReleaseFactory()
    response = client.get(f"/ar/news/?{query}")
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_drafts_are_in_no_list_count_or_facet(client):
    topic = TopicFactory(slug="t")
    draft = ReleaseFactory(title_ar="مسودة", status=Release.Status.DRAFT)
    draft.topics.add(topic)
    response = client.get("/ar/news/?q=مسودة")
    assert titles(response) == []
    assert "t" not in facet(client.get("/ar/news/"), "topic")


def test_news_list_queries_do_not_grow_with_the_page(
    client, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    # Each change's commit builds the news index, as in production.
    with django_capture_on_commit_callbacks(execute=True):
        topic = TopicFactory()
        person = PersonFactory()
        for release in ReleaseFactory.create_batch(30):
            release.topics.add(topic)
            release.people.add(person)
    # Whether the index is current, the page's releases and their live texts: the facets
    # and the count are read off the index.
    with django_assert_max_num_queries(4):
        response = client.get("/ar/news/")
    assert len(response.context["releases"]) == 20
    assert response.context["page"].paginator.count == 30
    with django_assert_max_num_queries(4):
        assert len(client.get("/ar/news/?page=2").context["releases"]) == 10
    # And the filters' own records, looked up by their slugs.
    with django_assert_max_num_queries(6):
        response = client.get(f"/ar/news/?topic={topic.slug}&person={person.slug}&page=2")
    assert len(response.context["releases"]) == 10


def test_a_filtered_list_off_the_index_reads_as_one_counted_in_sql(client):
    """The index answers the facet filters; a search or a date range leaves the list to SQL:
    both give the same releases and counts."""
    topic = TopicFactory(slug="t")
    for number in range(5):
        release = ReleaseFactory(title_ar=f"خبر {number}", kind="press_release")
        if number % 2:
            release.topics.add(topic)
    by_index = client.get("/ar/news/?topic=t")
    by_sql = client.get("/ar/news/?topic=t&date_from=1900-01-01")
    assert titles(by_index) == titles(by_sql)
    assert len(titles(by_index)) == 2
    assert facet(by_index, "kind") == facet(by_sql, "kind")
    assert by_index.context["page"].paginator.count == 2


def test_an_organisation_and_all_its_units_are_looked_up_once(
    client, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        parent = OrganisationFactory(slug="unoct")
        unit = OrganisationFactory(parent=parent)
        sub_unit = OrganisationFactory(parent=unit)
        deep_unit = OrganisationFactory(parent=OrganisationFactory(parent=sub_unit))
        ReleaseFactory(title_ar="خبر الوحدة العميقة").organisations.add(deep_unit)

    # The organisation, its units (four levels down in two queries), then as for any list.
    with django_assert_max_num_queries(7):
        response = client.get("/ar/news/?organisation=unoct")
    assert titles(response) == ["خبر الوحدة العميقة"]


def test_a_search_matching_more_than_the_limit_keeps_the_newest_and_says_so(client, monkeypatch):
    monkeypatch.setattr("releases.models.release.SEARCH_LIMIT", 3)
    monkeypatch.setattr("releases.views.SEARCH_LIMIT", 3)
    for year in range(2015, 2020):
        ReleaseFactory(
            title_ar=f"مكافحة الإرهاب {year}", published_at=published_on(date(year, 5, 1))
        )

    response = client.get("/ar/news/?q=الإرهاب")

    assert sorted(titles(response)) == [f"مكافحة الإرهاب {year}" for year in (2017, 2018, 2019)]
    assert (
        "Add a word or a filter to narrow the search"
        in client.get("/en/news/?q=الإرهاب").content.decode()
    )
    # The other filters come first: an older year's matches are found, not lost to the limit.
    assert titles(client.get("/ar/news/?q=الإرهاب&year=2015")) == ["مكافحة الإرهاب 2015"]


def test_a_search_under_the_limit_says_nothing_of_it(client):
    ReleaseFactory(title_ar="مكافحة الإرهاب")
    response = client.get("/en/news/?q=الإرهاب")
    assert not response.context["search_capped"]


def test_searching_with_filters_runs_the_search_once_per_set_of_filters(
    client, django_assert_max_num_queries
):
    topic = TopicFactory(slug="t")
    for release in ReleaseFactory.create_batch(5, title_ar="مكافحة الإرهاب"):
        release.topics.add(topic)
    # The topic looked up once; one search for q with the topic, one for q alone (the topic
    # facet's); then the page, its translations and the seven facets (which also count it).
    with django_assert_max_num_queries(12):
        response = client.get("/ar/news/?q=الإرهاب&topic=t")
    assert len(response.context["releases"]) == 5


def test_release_links_keep_their_letters_and_lead_to_the_release(client):
    release = ReleaseFactory(title_ar="بيان عن الأمن", slug_ar="بيان-عن-الأمن")
    html = client.get("/ar/news/").content.decode()
    assert 'href="/ar/news/بيان-عن-الأمن/"' in html
    assert "%D8" not in html
    # As a browser follows it: the letters escaped on the way.
    response = client.get(iri_to_uri("/ar/news/بيان-عن-الأمن/"))
    assert response.status_code == 200
    assert response.context["release"].pk == release.pk


def test_a_person_beyond_the_commonest_options_is_reached_and_shown_chosen(client):
    common = [PersonFactory(slug=f"common-{n}") for n in range(16)]
    for person in common:
        for _ in range(2):
            ReleaseFactory(links={"people": [person]})
    rare = PersonFactory(slug="al-muraikhi", name_en="Sultan Al-Muraikhi")
    ReleaseFactory(links={"people": [rare]})

    news = client.get("/en/news/")
    [facet] = [facet for facet in news.context["facets"] if facet.name == "person"]
    person_page = client.get("/en/people/al-muraikhi/").content.decode()
    chosen = client.get("/en/news/", {"person": "al-muraikhi"})
    [shown] = [facet for facet in chosen.context["facets"] if facet.name == "person"]

    assert "al-muraikhi" not in [option.value for option in facet.options]
    assert 'href="/en/people/"' in news.content.decode()
    assert 'href="/en/news/?person=al-muraikhi"' in person_page
    assert [(o.label, o.count) for o in shown.options if o.selected] == [("Sultan Al-Muraikhi", 1)]
    assert len(chosen.context["releases"]) == 1
