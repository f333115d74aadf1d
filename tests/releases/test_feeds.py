import re
from email.utils import parsedate_to_datetime
from xml.etree import ElementTree

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import resolve, reverse
from django.utils import timezone, translation

from core.approved_text import approve as approve_text
from releases.models import Release
from releases.sitemaps import ReleaseSitemap
from tests.factories import (
    EventFactory,
    OrganisationFactory,
    PersonFactory,
    ReleaseFactory,
    TopicFactory,
    approve,
)

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def url(name, language=None, **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


def address(release, language):
    return f"http://testserver{url_of(release, language)}"


def url_of(release, language):
    with translation.override(language):
        return release.get_absolute_url()


def entries(response):
    """A feed's items, RSS or Atom, as dicts in the feed's order; descriptions stay HTML."""
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    if root.tag == "rss":
        return [
            {
                "title": item.findtext("title"),
                "description": item.findtext("description"),
                "link": item.findtext("link"),
                "published": parsedate_to_datetime(item.findtext("pubDate")),
                "categories": [category.text for category in item.findall("category")],
            }
            for item in root.iter("item")
        ]
    return [
        {
            "title": entry.findtext(f"{ATOM}title"),
            "description": entry.findtext(f"{ATOM}summary"),
            "link": entry.find(f"{ATOM}link").get("href"),
            # RSS dates have whole seconds; Atom's keep the microseconds.
            "published": timezone.datetime.fromisoformat(
                entry.findtext(f"{ATOM}published")
            ).replace(microsecond=0),
            "categories": [category.get("term") for category in entry.findall(f"{ATOM}category")],
        }
        for entry in root.iter(f"{ATOM}entry")
    ]


def titles(response):
    return [entry["title"] for entry in entries(response)]


@pytest.mark.parametrize("feed", ["feeds:feed_rss", "feeds:feed_atom"])
def test_feeds_list_published_releases_only_newest_first(client, feed):
    now = timezone.now()
    newer = ReleaseFactory(title_ar="الأحدث", published_at=now - timezone.timedelta(hours=1))
    older = ReleaseFactory(title_ar="الأقدم", published_at=now - timezone.timedelta(days=2))
    ReleaseFactory(title_ar="مسودة", status=Release.Status.DRAFT)
    ReleaseFactory(title_ar="قيد المراجعة", status=Release.Status.IN_REVIEW)
    ReleaseFactory(title_ar="مجدول", published_at=now + timezone.timedelta(days=1))
    ReleaseFactory(title_ar="مؤرشف", status=Release.Status.ARCHIVED)

    items = entries(client.get(url(feed, "en")))

    assert [item["title"] for item in items] == ["الأحدث", "الأقدم"]
    assert [item["published"] for item in items] == [
        release.published_at.replace(microsecond=0) for release in (newer, older)
    ]


@pytest.mark.parametrize("feed", ["feeds:feed_rss", "feeds:feed_atom"])
def test_a_reader_gets_an_approved_translation_and_never_an_unapproved_one(client, feed):
    topic = TopicFactory(name_ar="أمن الحدود", name_en="Border security")
    approved = approve(
        ReleaseFactory(
            title_en="Approved English",
            slug_en="approved-english",
            lede_en="An approved lede & more.",
            published_at=timezone.now() - timezone.timedelta(minutes=1),
        ),
        "en",
    )
    approved.topics.add(topic)
    unapproved = ReleaseFactory(
        title_ar="العنوان العربي",
        slug_ar="arabic-slug",
        lede_ar="المقدمة العربية",
        title_en="Draft English",
        slug_en="draft-english",
    )
    unapproved.language_versions.filter(language="en").update(status="in_review")

    response = client.get(url(feed, "en"))
    first, second = entries(response)

    assert (first["title"], first["description"]) == (
        "Approved English",
        "An approved lede &amp; more.",  # descriptions are HTML
    )
    assert first["link"] == "http://testserver/en/news/approved-english/"
    assert first["categories"] == ["Border security"]
    assert (second["title"], second["description"]) == ("العنوان العربي", "المقدمة العربية")
    assert second["link"] == "http://testserver/en/news/arabic-slug/"
    assert "draft-english" not in response.content.decode()
    assert client.get(second["link"]).status_code == 200


def test_a_release_without_a_slug_in_the_readers_language_is_linked_by_its_own(client):
    ReleaseFactory(
        source_language="en", title_ar="", slug_ar="", title_en="Only English", slug_en="only"
    )

    (item,) = entries(client.get(url("feeds:feed_rss", "ar")))

    assert (item["title"], item["link"]) == ("Only English", "http://testserver/ar/news/only/")
    with translation.override("ar"):
        assert resolve("/ar/news/only/").url_name == "release"


def test_a_topic_feed_lists_only_the_topics_releases(client):
    topic = TopicFactory(name_en="Border security")
    ReleaseFactory(title_ar="في الموضوع").topics.add(topic)
    ReleaseFactory(title_ar="مسودة في الموضوع", status=Release.Status.DRAFT).topics.add(topic)
    ReleaseFactory(title_ar="خارج الموضوع").topics.add(TopicFactory())

    response = client.get(url("feeds:topic_feed", "en", slug=topic.slug))

    assert titles(response) == ["في الموضوع"]
    channel = ElementTree.fromstring(response.content).find("channel")
    assert channel.findtext("title") == "News about Border security"
    assert channel.findtext("link") == f"http://testserver/en/news/?topic={topic.slug}"


def test_an_event_feed_lists_only_the_events_releases(client):
    event = EventFactory()
    ReleaseFactory(title_ar="عن الفعالية").events.add(event)
    ReleaseFactory(title_ar="عن فعالية أخرى").events.add(EventFactory())

    assert titles(client.get(url("feeds:event_feed", "en", slug=event.slug))) == ["عن الفعالية"]


def test_an_organisations_feed_includes_its_units_releases(client):
    unoct = OrganisationFactory(slug="unoct")
    uncct = OrganisationFactory(slug="uncct", parent=unoct)
    now = timezone.now()
    ReleaseFactory(
        title_ar="المكتب", published_at=now - timezone.timedelta(hours=1)
    ).organisations.add(unoct)
    ReleaseFactory(
        title_ar="المركز", published_at=now - timezone.timedelta(hours=2)
    ).organisations.add(uncct)
    ReleaseFactory(title_ar="غيرهما").organisations.add(OrganisationFactory())

    assert titles(client.get(url("feeds:organisation_feed", "en", slug="unoct"))) == [
        "المكتب",
        "المركز",
    ]
    assert titles(client.get(url("feeds:organisation_feed", "en", slug="uncct"))) == ["المركز"]


@pytest.mark.parametrize(
    "feed", ["feeds:topic_feed", "feeds:event_feed", "feeds:organisation_feed"]
)
def test_a_feed_for_an_unknown_slug_is_a_404(client, feed):
    assert client.get(url(feed, "en", slug="no-such-thing")).status_code == 404


@pytest.mark.parametrize("language", ["ar", "en", "fa"])
def test_a_feed_is_in_the_language_of_its_address(client, language):
    channel = ElementTree.fromstring(client.get(url("feeds:feed_rss", language)).content)[0]
    atom = ElementTree.fromstring(client.get(url("feeds:feed_atom", language)).content)

    assert channel.findtext("language") == language
    assert channel.findtext("link") == f"http://testserver/{language}/news/"
    assert atom.get(XML_LANG) == language


def sitemap_pages(client):
    """The addresses of the sitemap's pages, as its index lists them."""
    index = client.get(url("sitemap"))
    assert index.status_code == 200
    return [loc.text for loc in ElementTree.fromstring(index.content).iter(f"{SITEMAP}loc")]


def sitemap(client):
    """The entries of every sitemap page as (address, {hreflang: address}) pairs, in order."""
    entries = []
    for page in sitemap_pages(client):
        response = client.get(page.removeprefix("http://testserver"))
        assert response.status_code == 200
        entries += [
            (
                entry.findtext(f"{SITEMAP}loc"),
                {link.get("hreflang"): link.get("href") for link in entry.iter(f"{XHTML}link")},
            )
            for entry in ElementTree.fromstring(response.content).iter(f"{SITEMAP}url")
        ]
    return entries


def releases_in(entries):
    """The release entries of the sitemap: under /news/, not the news list itself."""
    return [
        (loc, alternates)
        for loc, alternates in entries
        if "/news/" in loc and not loc.endswith("/news/")
    ]


def test_the_sitemap_lists_releases_once_per_public_language_with_their_alternates(client):
    arabic_only = ReleaseFactory(title_en="Unapproved English", slug_en="unapproved")
    arabic_only.language_versions.filter(language="en").update(status="in_review")
    translated = approve(
        ReleaseFactory(title_en="English", slug_en="english", title_fa="فارسی", slug_fa="farsi"),
        "fa",
        "en",
    )
    written_in_english = ReleaseFactory(
        source_language="en", title_ar="", slug_ar="", title_en="Only English", slug_en="only"
    )
    ReleaseFactory(slug_ar="مسودة", status=Release.Status.DRAFT)

    entries = releases_in(sitemap(client))

    def default(release):
        # The page's own x-default: its address in the first of its languages.
        return address(release, "ar")

    translated_alternates = {
        "ar": address(translated, "ar"),
        "en": "http://testserver/en/news/english/",
        "fa": "http://testserver/fa/news/farsi/",
        "x-default": default(translated),
    }
    assert sorted(entries) == sorted(
        [
            (
                address(arabic_only, "ar"),
                {"ar": address(arabic_only, "ar"), "x-default": default(arabic_only)},
            ),
            *((translated_alternates[code], translated_alternates) for code in ("ar", "en", "fa")),
            (
                "http://testserver/en/news/only/",
                {
                    "en": "http://testserver/en/news/only/",
                    "x-default": "http://testserver/en/news/only/",
                },
            ),
        ]
    )
    assert written_in_english.public_languages() == {"en"}


def test_the_sitemap_lists_every_section_page_and_item_in_every_language(client):
    event = EventFactory(slug="forum", title_fa="همایش")
    pages = [loc for loc, _alternates in sitemap(client)]
    for path in ("", "news/", "events/", "organisations/", "funding/", f"events/{event.slug}/"):
        for code in ("ar", "en", "fa"):
            assert f"http://testserver/{code}/{path}" in pages


def test_robots_txt_keeps_crawlers_out_of_previews_names_the_sitemap_and_hides_the_admin(
    client, settings
):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    # The admin's path is the deployment's secret: robots.txt must not announce it.
    assert not any(settings.ADMIN_URL.strip("/") in line for line in lines)
    assert "Disallow: /*/news/preview/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert client.get("/sitemap.xml").status_code == 200


def test_a_large_section_is_split_into_sitemap_pages_that_list_every_release_once(
    client, monkeypatch
):
    monkeypatch.setattr(ReleaseSitemap, "limit", 2)
    releases = ReleaseFactory.create_batch(5)

    pages = [page for page in sitemap_pages(client) if "sitemap-releases.xml" in page]
    listed = [loc for loc, _alternates in releases_in(sitemap(client))]

    assert pages == [
        "http://testserver/sitemap-releases.xml",
        "http://testserver/sitemap-releases.xml?p=2",
        "http://testserver/sitemap-releases.xml?p=3",
    ]
    assert sorted(listed) == sorted(address(release, "ar") for release in releases)


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("feeds:feed_rss", {}),
        ("sitemap", {}),
        ("sitemap_section", {"section": "releases"}),
    ],
)
def test_feed_and_sitemap_queries_do_not_grow_with_the_releases(
    client, name, kwargs, django_capture_on_commit_callbacks
):
    topic = TopicFactory()

    def publish(count):
        # Each change's commit builds the news index, as in production.
        with django_capture_on_commit_callbacks(execute=True):
            for release in ReleaseFactory.create_batch(count):
                release.topics.add(topic)
                approve(release, "en")

    publish(5)
    with CaptureQueriesContext(connection) as five:
        client.get(url(name, "en", **kwargs))
    publish(25)
    with CaptureQueriesContext(connection) as thirty:
        response = client.get(url(name, "en", **kwargs))

    assert response.status_code == 200
    assert len(thirty) == len(five)


def test_the_sitemap_gives_a_page_the_same_alternates_as_the_page_itself(client):
    person = PersonFactory(slug="voronkov", name_fa="")  # no Persian name: no Persian page
    approve_text(person)
    person.save()

    listed = {loc: alternates for loc, alternates in sitemap(client) if "/voronkov/" in loc}
    html = client.get("/en/people/voronkov/").content.decode()
    in_head = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))

    assert sorted(listed) == ["http://testserver/ar/people/voronkov/",
                              "http://testserver/en/people/voronkov/"]  # fmt: skip
    assert all(alternates == in_head for alternates in listed.values())
    assert in_head["x-default"] == "http://testserver/ar/people/voronkov/"
