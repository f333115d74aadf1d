"""The framework floor the load test measures beside the site's pages."""

import pytest

from benchmark.load import FLOOR, share_of_floor, with_floor_ratios

pytestmark = pytest.mark.django_db


@pytest.mark.urls("benchmark.urls")
def test_the_floor_renders_a_twenty_item_list_about_the_news_lists_size(client):
    response = client.get("/benchmark/floor/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<article>") == 20
    assert 20_000 < len(response.content) < 35_000


def test_the_floor_is_no_address_of_the_site_itself(client):
    assert client.get("/benchmark/floor/").status_code == 404


def test_each_page_is_read_as_a_share_of_the_floor_in_its_own_setup():
    results = with_floor_ratios(
        [
            {"setup": "off", "page": FLOOR, "requests_per_second": 1200.0},
            {"setup": "off", "page": "news list", "requests_per_second": 100.0},
            {"setup": "on", "page": FLOOR, "requests_per_second": 1000.0},
            {"setup": "on", "page": "news list", "requests_per_second": 1500.0},
        ]
    )
    assert [share_of_floor(row["of_floor"]) for row in results] == ["1.0x", "1/12", "1.0x", "1.5x"]
