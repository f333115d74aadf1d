"""What every page tells search engines, link previews and feed readers, read from the page."""

import json
from html.parser import HTMLParser

import pytest

from tests.factories import EventFactory, OrganisationFactory, ReleaseFactory, TopicFactory

pytestmark = pytest.mark.django_db

LANGUAGES = ("ar", "en", "fa")


class Head(HTMLParser):
    """The links, metas, title and JSON-LD of a page; and its subscribe links."""

    def __init__(self, html):
        super().__init__()
        self.links, self.metas, self.anchors, self.jsonld = [], {}, [], []
        self.title, self._in = "", None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link":
            self.links.append(attrs)
        elif tag == "meta":
            self.metas[attrs.get("name") or attrs.get("property")] = attrs.get("content")
        elif tag == "a":
            self.anchors.append(attrs)
        elif tag == "title" or (tag == "script" and attrs.get("type") == "application/ld+json"):
            self._in = tag

    def handle_data(self, data):
        if self._in == "title":
            self.title += data
        elif self._in == "script":
            self.jsonld.append(json.loads(data))

    def handle_endtag(self, tag):
        self._in = None

    def alternates(self):
        return {
            link["hreflang"]: link["href"]
            for link in self.links
            if link.get("rel") == "alternate" and "hreflang" in link
        }

    def canonical(self):
        return next(link["href"] for link in self.links if link.get("rel") == "canonical")

    def feeds(self):
        return [
            (link["type"], link["href"])
            for link in self.links
            if link.get("rel") == "alternate" and "xml" in link.get("type", "")
        ]


def head(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return Head(response.content.decode())


@pytest.fixture
def site():
    topic = TopicFactory(slug="victims")
    event = EventFactory(slug="forum", title_en="Doha forum")
    organisation = OrganisationFactory(slug="unoct")
    ReleaseFactory(
        links={"topics": [topic], "events": [event], "organisations": [organisation]},
        lede_ar="ملخص الخبر",
    )


LIST_PAGES = ["/{}/", "/{}/news/", "/{}/news/?topic=victims", "/{}/events/", "/{}/people/",
              "/{}/organisations/", "/{}/funding/"]  # fmt: skip


@pytest.mark.parametrize("page", LIST_PAGES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_each_hreflang_of_a_list_page_leads_to_that_language(client, site, page, language):
    found = head(client, page.format(language))

    expected = {code: "http://testserver" + page.format(code) for code in LANGUAGES}
    assert found.alternates() == {**expected, "x-default": expected["ar"]}
    assert found.canonical() == expected[language]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_news_list_and_its_searches_say_what_they_are(client, site, language):
    found = head(client, f"/{language}/news/?q=forum&page=2")

    assert found.canonical() == f"http://testserver/{language}/news/?page=2&q=forum"
    assert found.metas["og:title"] and found.metas["og:url"] == found.canonical()
    assert found.metas["description"]
    assert [data["@type"] for data in found.jsonld] == ["CollectionPage"]
    assert found.jsonld[0]["inLanguage"] == language


@pytest.mark.parametrize(
    "page", [*LIST_PAGES, "/{}/events/forum/", "/{}/organisations/unoct/", "/{}/news/"]
)
def test_every_page_has_a_description(client, site, page):
    for language in LANGUAGES:
        assert head(client, page.format(language)).metas.get("description"), page


def test_the_home_page_has_a_title_of_its_own(client, site):
    for language in LANGUAGES:
        assert head(client, f"/{language}/").title != head(client, f"/{language}/news/").title


@pytest.mark.parametrize(
    ("page", "feeds"),
    [
        ("/{}/news/", ["/{}/news/feed/", "/{}/news/feed/atom/"]),
        ("/{}/news/?topic=victims", ["/{}/topics/victims/feed/"]),
        ("/{}/news/?event=forum", ["/{}/events/forum/feed/"]),
        ("/{}/news/?organisation=unoct", ["/{}/organisations/unoct/feed/"]),
        ("/{}/events/forum/", ["/{}/events/forum/feed/"]),
        ("/{}/organisations/unoct/", ["/{}/organisations/unoct/feed/"]),
    ],
)
@pytest.mark.parametrize("language", LANGUAGES)
def test_each_list_announces_its_own_feed_in_its_language_and_links_to_it(
    client, site, page, feeds, language
):
    found = head(client, page.format(language))

    addresses = [f"http://testserver{feed.format(language)}" for feed in feeds]
    assert [href for _type, href in found.feeds()] == addresses
    subscribe = [a["href"] for a in found.anchors if a.get("type") == "application/rss+xml"]
    assert subscribe == [feeds[0].format(language)]
    answer = client.get(addresses[0])
    assert answer.status_code == 200 and b"<rss" in answer.content


def test_the_language_links_of_a_missing_page_lead_to_it_in_each_language(client):
    response = client.get("/en/nowhere/at-all/")

    assert response.status_code == 404
    links = Head(response.content.decode()).anchors
    switcher = {a["hreflang"]: a["href"] for a in links if "hreflang" in a}
    assert switcher == {code: f"/{code}/nowhere/at-all/" for code in LANGUAGES}
