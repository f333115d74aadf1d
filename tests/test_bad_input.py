"""Whatever a reader (or a scanner) puts in the address, every page answers with a proper page:
never a server error, never their markup echoed back. An address holding a control character
(a NUL above all, which PostgreSQL refuses in a query) is no page at all: "page not found"."""

import pytest
from django.contrib.auth.models import Group, User
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from staff import roles
from tests.factories import EventFactory, OrganisationFactory, PersonFactory, ReleaseFactory

pytestmark = pytest.mark.django_db

PARAMETERS = [
    "q", "page", "topic", "event", "event_kind", "organisation", "person", "country", "year",
    "date_from", "date_to", "kind", "own_language", "format", "donor", "recipient",
]  # fmt: skip
NASTY = [
    "abc", "-1", "0", "999999999", "99999999999999999999", "2021-02-31", "1e308", "NaN",
    "<script>alert(1)</script>", "' OR 1=1 --", "%00", "\x00", "ا" * 5000, "فورونکوف UNOCT ۲۰۲۴",
    "\u200f\u202e", "😀", "../../etc/passwd", "true", "on", "[]", "{}",
]  # fmt: skip
PATHS = [
    "/{}/", "/{}/news/", "/{}/events/", "/{}/organisations/", "/{}/funding/",
    "/{}/events/fuzz-event/", "/{}/people/fuzz-person/", "/{}/organisations/fuzz-org/",
    "/{}/news/feed/", "/{}/news/feed/atom/",
]  # fmt: skip

values = st.one_of(st.sampled_from(NASTY), st.text(max_size=300))
query_strings = st.lists(st.tuples(st.sampled_from(PARAMETERS), values), max_size=5)
# What no address holds; a search box may still carry a pasted tab or line break.
NO_ADDRESS_HOLDS = set(map(chr, range(32))) - set("\t\n\r")


@pytest.fixture
def content():
    ReleaseFactory.create_batch(3)
    EventFactory(slug="fuzz-event")
    PersonFactory(slug="fuzz-person")
    OrganisationFactory(slug="fuzz-org")


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    path=st.sampled_from(PATHS),
    language=st.sampled_from(["ar", "en", "fa"]),
    params=query_strings,
)
def test_any_query_string_gives_a_proper_page(client, content, path, language, params):
    query = dict(params)
    refused = any(NO_ADDRESS_HOLDS & set(value) for value in query.values())
    response = client.get(path.format(language), query)
    assert response.status_code == (404 if refused else 200), (path, params)
    assert b"<script>alert(1)</script>" not in response.content


# Every address with a slug in it (releases/urls.py, events/urls.py, people/urls.py,
# organisations/urls.py and the feeds of newsroom/syndication_urls.py).
SLUG_ROUTES = [
    "/{}/news/{}/", "/{}/events/{}/", "/{}/people/{}/", "/{}/organisations/{}/",
    "/{}/topics/{}/feed/", "/{}/events/{}/feed/", "/{}/organisations/{}/feed/",
]  # fmt: skip
# A NUL byte makes PostgreSQL refuse the query (DataError); the other controls are no address.
CONTROL_CHARACTERS = ["%00", "%01", "%09", "%0A", "%1B", "%1F", "news%00x"]


@pytest.mark.parametrize("route", SLUG_ROUTES)
@pytest.mark.parametrize("character", CONTROL_CHARACTERS)
def test_a_control_character_in_a_slug_is_page_not_found(client, content, route, character):
    response = client.get(route.format("en", character))
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


@pytest.mark.parametrize(
    ("language", "heading"), [("ar", "الصفحة غير موجودة"), ("fa", "صفحه پیدا نشد")]
)
def test_the_page_not_found_for_a_nul_speaks_the_readers_language(client, language, heading):
    response = client.get(f"/{language}/news/%00/")
    assert response.status_code == 404
    assert heading in response.content.decode()


@pytest.mark.parametrize("query", ["q=%00", "q=a%00b", "page=%01", "%00=1", "topic=%1F"])
def test_a_control_character_in_the_query_string_is_page_not_found(client, query):
    assert client.get(f"/en/news/?{query}").status_code == 404


@pytest.mark.parametrize("query", ["q=tab%09and%0D%0Aline+breaks", "q=%2500"])
def test_form_whitespace_and_an_escaped_percent_are_still_searched(client, query):
    # A search box may carry a pasted tab or line break; "%2500" is the text "%00", no NUL.
    assert client.get(f"/en/news/?{query}").status_code == 200


@pytest.fixture
def editor(client):
    user = User.objects.create_user("editor", password="pass", is_staff=True)
    user.groups.add(Group.objects.get(name=roles.EDITOR))
    client.force_login(user)
    return user


@pytest.mark.parametrize(
    "address",
    [
        "/admin/autocomplete/?app_label=newsroom&model_name=release&field_name=people&term=%00",
        "/admin/newsroom/release/?q=%00",
        "/admin/newsroom/release/?status__exact=%00",
    ],
    ids=["autocomplete", "change-list-search", "change-list-filter"],
)
def test_a_nul_in_an_admin_query_is_page_not_found(client, editor, address):
    ReleaseFactory()
    assert client.get(address).status_code == 404


def test_a_nul_in_a_posted_field_is_a_form_error(client):
    # Django's form fields refuse NUL themselves, before anything reaches the database.
    response = client.post(
        "/admin/login/",
        {"username": "edi\x00tor", "password": "x"},
        headers={"accept-language": "en"},
    )
    assert response.status_code == 200
    assert "Null characters are not allowed." in response.content.decode()


@pytest.mark.parametrize("path", ["/en/", "/admin/"])
def test_a_nul_in_the_session_cookie_is_page_not_found(client, path):
    # A quoted cookie may spell bytes in octal: this one is eight NULs for the session's key.
    nuls = "\\000" * 8
    assert client.get(path, headers={"cookie": f'sessionid="{nuls}"'}).status_code == 404
