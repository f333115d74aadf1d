"""One page of every kind, in each language, as the W3C Nu HTML checker reads it.

The checker is npm's vnu-jar, run with the machine's Java; CI installs it and names it in
VNU_JAR (.ci/run). Without VNU_JAR the test is skipped; with it, it must run.
"""

import json
import os
import subprocess
from pathlib import Path

import pytest
from django.utils import translation

from tests.test_site_in_every_language import site  # noqa: F401  (the fixture)

pytestmark = pytest.mark.django_db
VNU_JAR = os.environ.get("VNU_JAR", "")

PAGES = {
    "home": "/{}/",
    "news": "/{}/news/",
    "news-filtered": "/{}/news/?organisation=unoct&kind=news",
    "search": "/{}/news/?q=forum",
    "events": "/{}/events/",
    "event": "/{}/events/forum/",
    "people": "/{}/people/?q=vladimir",
    "person": "/{}/people/voronkov/",
    "organisations": "/{}/organisations/",
    "organisation": "/{}/organisations/unoct/",
    "funding": "/{}/funding/",
    "missing": "/{}/no-such-page/",
}


@pytest.mark.skipif(not VNU_JAR, reason="needs the Nu HTML checker: VNU_JAR=path/to/vnu.jar")
def test_one_page_of_every_kind_is_valid_html_in_every_language(client, site, tmp_path):  # noqa: F811
    assert Path(VNU_JAR).is_file(), f"VNU_JAR names no file: {VNU_JAR}"
    files = []
    for language in ("ar", "en", "fa"):
        with translation.override(language):
            pages = {**PAGES, "release": site["release"].get_absolute_url()}
        for name, path in pages.items():
            response = client.get(path.format(language) if "{}" in path else path)
            assert response.status_code in (200, 404), path
            page = tmp_path / f"{language}-{name}.html"
            page.write_bytes(response.content)
            files.append(str(page))

    checked = subprocess.run(
        ["java", "-jar", VNU_JAR, "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )

    errors = [
        f"{Path(message['url']).name}:{message.get('lastLine')}: {message['message']}"
        for message in json.loads(checked.stderr or "{}").get("messages", [])
    ]
    assert errors == []
