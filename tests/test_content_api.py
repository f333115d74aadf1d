"""The read-only content API (/api/v1/), as a site republishing the office's news uses it:
only public items and approved text, in the language asked for or a labelled fallback, lists
walked by cursor, JSON errors, and the headers a client or CDN relies on."""

import json
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.utils import timezone

from newsroom.api import api
from organisations.models import AmountBasis
from releases import services
from releases.models import Release
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

NOW = timezone.now()


def get(client, path, **params):
    response = client.get(f"/api/v1/{path}", params)
    assert response["Content-Type"].startswith("application/json"), response.content[:200]
    return response, json.loads(response.content)


def walk(client, path, **params):
    """Every item of a list, page by page through its `next` links, and the pages' count."""
    items, pages = [], 0
    response, body = get(client, path, **params)
    while True:
        assert response.status_code == 200
        items += body["results"]
        pages += 1
        if not body["next"]:
            return items, pages
        response = client.get(body["next"])
        body = json.loads(response.content)


@pytest.fixture
def archive():
    """Five public releases a day apart, newest first as `public`, and what is not public."""
    topic = TopicFactory(slug="security", name_en="Security")
    public = [
        ReleaseFactory(
            title_ar=f"بيان {n}",
            published_at=NOW - timedelta(days=n + 1),
            links={"topics": [topic]} if n % 2 == 0 else None,
        )
        for n in range(5)
    ]
    hidden = [
        ReleaseFactory(title_ar="مسودة", status=Release.Status.DRAFT, published_at=None),
        ReleaseFactory(title_ar="مجدول", published_at=NOW + timedelta(days=2)),
        ReleaseFactory(title_ar="منتهٍ", expires_at=NOW - timedelta(minutes=1)),
    ]
    return {"public": public, "hidden": hidden, "topic": topic}


def test_the_release_list_gives_only_public_releases_newest_first(client, archive):
    response, body = get(client, "releases")

    assert response.status_code == 200
    assert [item["id"] for item in body["results"]] == [r.pk for r in archive["public"]]
    assert body["count"] == 5
    titles = json.dumps(body, ensure_ascii=False)
    assert "مسودة" not in titles and "مجدول" not in titles and "منتهٍ" not in titles


def test_a_client_walks_the_whole_list_by_cursor_each_release_once(client, archive):
    items, pages = walk(client, "releases", limit=2)

    assert [item["id"] for item in items] == [r.pk for r in archive["public"]]
    assert pages == 3


def test_a_cursor_stays_put_when_a_release_is_published_meanwhile(client, archive):
    _response, first = get(client, "releases", limit=2)
    ReleaseFactory(title_ar="جديد", published_at=NOW - timedelta(minutes=5))

    rest = json.loads(client.get(first["next"]).content)

    assert [item["id"] for item in rest["results"]] == [r.pk for r in archive["public"][2:4]]


def test_a_filtered_list_is_walked_by_cursor_too(client, archive):
    items, _pages = walk(client, "releases", topic="security", limit=1)

    assert [item["id"] for item in items] == [r.pk for r in archive["public"][::2]]


def test_a_release_comes_in_the_language_asked_for_or_says_its_fallback(client):
    release = ReleaseFactory(title_ar="عنوان", title_en="English title", lede_en="Lede")
    approve(release, "en")

    _response, english = get(client, f"releases/{release.pk}", language="en")
    _response, persian = get(client, f"releases/{release.pk}", language="fa")

    assert (english["title"], english["language"]) == ("English title", "en")
    assert english["url"] == f"http://testserver/en/news/{release.live_text('en').slug}/"
    assert (persian["title"], persian["language"]) == ("عنوان", "ar")
    assert persian["languages"] == ["ar", "en"]
    assert set(persian["alternates"]) == {"ar", "en"}


def test_without_a_language_parameter_accept_language_chooses_and_the_response_says_so(client):
    release = ReleaseFactory(title_en="English title")
    approve(release, "en")

    response = client.get(f"/api/v1/releases/{release.pk}", headers={"accept-language": "en"})

    assert json.loads(response.content)["title"] == "English title"
    assert response["Content-Language"] == "en"
    assert "Accept-Language" in response["Vary"]


def test_an_unapproved_translation_is_not_in_the_api(client):
    release = ReleaseFactory(title_ar="عنوان")
    release.title_en = "Unapproved English words"
    release.save()

    _response, item = get(client, f"releases/{release.pk}", language="en")
    _response, listed = get(client, "releases", language="en", q="Unapproved")

    assert item["language"] == "ar" and item["languages"] == ["ar"]
    assert "Unapproved" not in json.dumps(item)
    assert listed["results"] == []


def test_a_release_that_is_not_public_is_a_json_404(client, archive):
    for release in archive["hidden"]:
        response, body = get(client, f"releases/{release.pk}")
        assert response.status_code == 404
        assert body["detail"] == f"No release {release.pk}."


def test_the_list_is_filtered_as_the_news_list_is(client, archive):
    statement = ReleaseFactory(
        kind=Release.Kind.STATEMENT, title_ar="بيان صحفي عن الحدود", published_at=NOW
    )

    assert [i["id"] for i in get(client, "releases", kind="statement")[1]["results"]] == [
        statement.pk
    ]
    assert [i["id"] for i in get(client, "releases", q="الحدود")[1]["results"]] == [statement.pk]
    assert get(client, "releases", topic="security")[1]["count"] == 3
    year = archive["public"][0].published_at.year
    assert get(client, "releases", year=year + 1)[1]["count"] == 0


def test_a_filter_value_naming_nothing_is_a_404_and_a_malformed_one_a_400(client, archive):
    unknown, missing = get(client, "releases", topic="no-such-topic")
    malformed, wrong = get(client, "releases", year="twenty")
    bad_date, _body = get(client, "releases", date_to="0")
    bad_cursor, _body = get(client, "releases", cursor="not-a-cursor")
    bad_language, _body = get(client, "releases", language="de")

    assert (unknown.status_code, missing["detail"]) == (404, "No topic 'no-such-topic'.")
    assert malformed.status_code == 400
    assert wrong["errors"][0]["loc"] == ["query", "year"]
    assert {bad_date.status_code, bad_cursor.status_code, bad_language.status_code} == {400}


def test_an_address_no_resource_has_is_answered_in_json(client):
    missing = client.get("/api/v1/no-such-thing/")
    assert missing.status_code == 404
    assert json.loads(missing.content)["detail"] == "Not found."


def test_a_release_gives_its_body_quotes_links_and_pledges(client):
    person = PersonFactory(slug="voronkov", name_en="Vladimir Voronkov")
    event = EventFactory(slug="forum")
    release = ReleaseFactory(links={"people": [person], "events": [event]})
    services.set_quotes(release=release, quotes=[{"person": person, "text_ar": "قول"}])
    services.publish_changes(release=release, user=None)
    pledge = PledgeFactory(reported_in=release, amount=Decimal("100"))

    _response, item = get(client, f"releases/{release.pk}", language="en")

    assert item["body"] == "<p>نص البيان.</p>"
    assert item["quotes"][0]["text"] == "قول"
    assert item["quotes"][0]["person"]["name"] == {"text": "Vladimir Voronkov", "language": "en"}
    assert item["events"][0]["api_url"] == "http://testserver/api/v1/events/forum"
    assert item["pledges"] == [f"http://testserver/api/v1/pledges/{pledge.pk}"]


def test_events_people_and_organisations_are_listed_with_their_labelled_text(client):
    parent = OrganisationFactory(slug="unoct", name_en="UNOCT")
    unit = OrganisationFactory(slug="uncct", name_en="", parent=parent)
    event = EventFactory(slug="doha-forum", title_en="Doha forum", country="QA")
    event.organisers.add(unit)
    PersonFactory(slug="voronkov", name_en="Vladimir Voronkov")

    _response, events = get(client, "events", language="en", organisation="unoct")
    _response, people = get(client, "people", language="fa", q="Voronkov")
    _response, organisation = get(client, "organisations/uncct", language="en")

    assert [item["slug"] for item in events["results"]] == ["doha-forum"]
    assert events["results"][0]["title"] == {"text": "Doha forum", "language": "en"}
    assert events["results"][0]["organisers"][0]["slug"] == "uncct"
    assert people["results"][0]["name"]["language"] == "ar"
    assert organisation["name"]["language"] == "ar"
    assert organisation["parent"]["name"] == {"text": "UNOCT", "language": "en"}
    assert organisation["languages"] == ["ar"]


def test_events_run_newest_first_and_undated_last_across_pages(client):
    dated = [EventFactory(start_date=(NOW - timedelta(days=n)).date()) for n in range(3)]
    undated = EventFactory(start_date=None, date_precision="unknown")

    items, _pages = walk(client, "events", limit=1)

    assert [item["id"] for item in items] == [*(e.pk for e in dated), undated.pk]


def test_pledges_are_public_as_on_the_funding_page_with_totals_per_currency(client):
    qatar = OrganisationFactory(slug="qatar", kind="member_state")
    unoct = OrganisationFactory(slug="unoct")
    draft = ReleaseFactory(status=Release.Status.DRAFT, published_at=None)
    PledgeFactory(
        donor=qatar,
        recipient=unoct,
        amount=Decimal("15000000"),
        amount_basis=AmountBasis.PER_YEAR,
        first_year=2024,
        last_year=2026,
    )
    PledgeFactory(donor=qatar, recipient=unoct, amount=Decimal("500"), currency="EUR")
    PledgeFactory(donor=qatar, recipient=unoct, amount=Decimal("999"), reported_in=draft)

    _response, listed = get(client, "pledges", donor="qatar")
    _response, totals = get(client, "pledges/totals", year=2025)

    assert listed["count"] == 2
    assert listed["results"][0]["total"] == "45000000.00"
    assert listed["results"][0]["years"] == [2024, 2025, 2026]
    # As on the funding page: the whole pledges counting in the year, and the year's share.
    assert {(row["currency"], row["total"]) for row in totals["by_donor"]} == {
        ("USD", "45000000.00")
    }
    assert totals["by_year"] == [
        {"year": 2025, "currency": "USD", "total": "15000000.00", "undisclosed": 0}
    ]
    _response, every = get(client, "pledges/totals")
    assert {(row["currency"], row["total"]) for row in every["by_donor"]} == {
        ("USD", "45000000.00"),
        ("EUR", "500.00"),
    }


def test_topics_and_programmes_link_to_their_releases_and_pledges(client, archive):
    _response, topics = get(client, "topics", language="en")

    assert topics["results"][0]["name"] == {"text": "Security", "language": "en"}
    assert topics["results"][0]["releases"] == "http://testserver/api/v1/releases?topic=security"
    assert get(client, "programmes")[1]["results"] == []


def test_a_list_costs_the_same_queries_whatever_its_length(
    client, archive, django_assert_max_num_queries
):
    person, event = PersonFactory(), EventFactory()
    for release in archive["public"]:
        release.people.add(person)
        release.events.add(event)
    get(client, "releases")  # the news index is built once, then read
    with django_assert_max_num_queries(7) as few:
        get(client, "releases", limit=2)
    with django_assert_max_num_queries(len(few)):
        get(client, "releases", limit=20)
    for path in ("events", "people", "organisations", "pledges", "topics", "pledges/totals"):
        with django_assert_max_num_queries(8):
            get(client, path)


def test_an_unchanged_list_revalidates_to_a_bare_304_and_is_cacheable(client, archive):
    response = client.get("/api/v1/releases")

    again = client.get("/api/v1/releases", headers={"if-none-match": response["ETag"]})

    assert again.status_code == 304 and again.content == b""
    assert "public" in response["Cache-Control"] and "max-age=0" in response["Cache-Control"]
    assert not response.cookies


def test_a_head_request_gets_the_headers_of_its_get_without_the_body(client, archive):
    full = client.get("/api/v1/releases")
    head = client.head("/api/v1/releases")

    assert head.status_code == 200 and head.content == b""
    assert head["ETag"] == full["ETag"]
    assert head["Content-Length"] == str(len(full.content))


def test_any_origin_may_read_it_without_cookies_and_a_preflight_is_answered(client):
    read = client.get("/api/v1/releases", headers={"origin": "https://victims.example"})
    preflight = client.options(
        "/api/v1/releases",
        headers={
            "origin": "https://victims.example",
            "access-control-request-method": "GET",
            "access-control-request-headers": "if-none-match",
        },
    )
    page = client.get("/en/news/", headers={"origin": "https://victims.example"})

    assert read["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in read["Access-Control-Expose-Headers"]
    assert "Access-Control-Allow-Credentials" not in read
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert "if-none-match" in preflight["Access-Control-Allow-Headers"]
    assert "Access-Control-Allow-Origin" not in page


def test_a_client_over_its_rate_limit_is_told_to_wait_in_json(client, monkeypatch):
    [throttle] = api.throttle
    monkeypatch.setattr(throttle, "num_requests", 2)
    cache.clear()

    statuses = [client.get("/api/v1/topics").status_code for _ in range(3)]
    refused = client.get("/api/v1/topics")

    assert statuses == [200, 200, 429]
    assert json.loads(refused.content) == {"detail": "Too many requests."}
    assert int(refused["Retry-After"]) > 0


def test_the_schema_describes_every_resource_and_the_docs_need_no_other_site(client):
    schema = json.loads(client.get("/api/v1/schema/").content)
    docs = client.get("/api/v1/docs/").content.decode()

    assert schema["openapi"].startswith("3.")
    assert {
        "/api/v1/releases",
        "/api/v1/releases/{pk}",
        "/api/v1/events",
        "/api/v1/people",
        "/api/v1/organisations",
        "/api/v1/programmes",
        "/api/v1/pledges",
        "/api/v1/pledges/totals",
        "/api/v1/topics",
    } <= set(schema["paths"])
    assert "cdn" not in docs and "https://" not in docs
    assert "/static/ninja/swagger-ui-bundle.js" in docs


def test_a_list_read_off_the_news_index_names_the_same_links_as_a_release_and_a_search(client):
    topic = TopicFactory(slug="borders", name_en="Borders")
    person = PersonFactory(slug="voronkov", name_en="Vladimir Voronkov")
    event = EventFactory(slug="forum", title_en="Forum")
    organisation = OrganisationFactory(slug="uncct", name_en="UNCCT")
    links = {"topics": [topic], "people": [person], "events": [event]}
    release = ReleaseFactory(title_ar="حدود", links={**links, "organisations": [organisation]})

    [listed] = get(client, "releases", language="en")[1]["results"]
    [searched] = get(client, "releases", language="en", q="حدود")[1]["results"]
    _response, alone = get(client, f"releases/{release.pk}", language="en")

    for relation in ("topics", "events", "people", "organisations"):
        assert listed[relation] == searched[relation] == alone[relation], relation
    assert listed["events"][0]["name"] == {"text": "Forum", "language": "en"}
    assert listed["topics"][0]["url"] == "http://testserver/en/news/?topic=borders"


def test_a_walk_goes_on_when_the_last_release_of_a_page_is_redated(client, archive):
    _response, first = get(client, "releases", limit=2)
    moved = archive["public"][1]
    Release.objects.filter(pk=moved.pk).update(published_at=NOW - timedelta(days=30))
    services.save_release(release=Release.objects.get(pk=moved.pk), written=["published_at"])

    rest = json.loads(client.get(first["next"]).content)

    assert [item["id"] for item in rest["results"]][:2] == [r.pk for r in archive["public"][2:4]]


def test_a_release_left_out_of_a_page_does_not_end_the_walk(client, archive):
    archive["public"][1].live_texts.all().delete()

    items, _pages = walk(client, "releases", limit=1)

    shown = [archive["public"][n].pk for n in (0, 2, 3, 4)]
    assert [item["id"] for item in items] == shown


def test_releases_published_before_1970_are_walked_too(client):
    old = [ReleaseFactory(published_at=NOW.replace(year=1960 - n)) for n in range(3)]

    items, _pages = walk(client, "releases", limit=1)

    assert [item["id"] for item in items] == [release.pk for release in old]


def test_a_write_is_refused_in_json_and_no_error_is_kept_by_a_cache(client):
    written = client.post("/api/v1/releases")
    missing = client.get("/api/v1/releases/99999")
    malformed = client.get("/api/v1/releases", {"year": "x"})

    assert written.status_code == 405 and written["Allow"] == "GET"
    assert json.loads(written.content)["detail"] == "Method not allowed."
    for response in (written, missing, malformed):
        assert "no-store" in response["Cache-Control"]


def test_a_client_cannot_escape_its_rate_limit_by_writing_its_own_forwarded_address(
    client, monkeypatch
):
    [throttle] = api.throttle
    monkeypatch.setattr(throttle, "num_requests", 2)
    cache.clear()

    statuses = [
        client.get("/api/v1/topics", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}").status_code
        for n in range(3)
    ]

    assert statuses == [200, 200, 429]


def test_an_ipv6_client_is_limited_as_its_whole_64(client, monkeypatch):
    [throttle] = api.throttle
    monkeypatch.setattr(throttle, "num_requests", 2)
    cache.clear()

    statuses = [
        client.get("/api/v1/topics", REMOTE_ADDR=f"2001:db8:1:2::{n}").status_code
        for n in range(1, 4)
    ]
    other = client.get("/api/v1/topics", REMOTE_ADDR="2001:db8:1:3::1")

    assert statuses == [200, 200, 429]
    assert other.status_code == 200


def test_a_search_with_more_matches_than_it_lists_says_it_is_capped(client, monkeypatch):
    for n in range(3):
        ReleaseFactory(title_ar=f"حدود {n}")
    monkeypatch.setattr("releases.models.release.SEARCH_LIMIT", 2)
    monkeypatch.setattr("releases.api.SEARCH_LIMIT", 2)

    _response, capped = get(client, "releases", q="حدود")
    _response, plain = get(client, "releases")

    assert capped["count"] == 2 and capped["capped"] is True
    assert plain["capped"] is False


def test_any_well_formed_cursor_is_a_place_in_every_list(client):
    EventFactory()
    for path in ("events", "pledges", "people", "releases", "topics"):
        for cursor in ("-5-3", "0-1", "9999999999999999-999999999999"):
            response, _body = get(client, path, cursor=cursor)
            assert response.status_code == 200, (path, cursor)
