"""Whatever a reader (or a scanner) puts in the query string, every public page answers with a
proper page: never a server error, never their markup echoed back."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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
    response = client.get(path.format(language), dict(params))
    assert response.status_code == 200, (path, params)
    assert b"<script>alert(1)</script>" not in response.content
