"""Type and layout as a reader's browser draws them: the web font for Latin words inside Arabic
and Persian, and the funding page and the news list on a 360-pixel phone.

The accessibility checks run axe-core (npm's axe-core), which CI installs and names in AXE_JS
(.ci/run). Without AXE_JS they are skipped; with it, they must run.
"""

import os
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.browser.conftest import SCREENSHOTS

pytestmark = pytest.mark.django_db(transaction=True)
AXE_JS = os.environ.get("AXE_JS", "")
LANGUAGES = ("ar", "fa", "en")


@pytest.fixture
def demo():
    call_command("load_demo", verbosity=0)


@pytest.fixture
def phone(browser):
    # axe is injected as a script tag, which the site's Content-Security-Policy rightly refuses.
    context = browser.new_context(viewport={"width": 360, "height": 740}, bypass_csp=True)
    page = context.new_page()
    yield page
    context.close()


def open_page(page, url):
    page.goto(url)
    page.evaluate("document.fonts.ready.then(() => true)")


def drawn_in_vazirmatn(page, selector):
    """Whether Chromium drew all the text of the first `selector` with the site's web font (the
    Arabic file names itself "Vazirmatn NL"), and none of it with a system font."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    cdp.detach()
    return bool(fonts) and all(
        font["isCustomFont"] and font["familyName"].startswith("Vazirmatn") for font in fonts
    )


@pytest.mark.parametrize("code", ["ar", "fa"])
def test_latin_words_inside_arabic_and_persian_are_drawn_in_vazirmatn(
    phone, live_server, demo, code
):
    open_page(phone, f"{live_server.url}/{code}/funding/")

    # "English" in the switcher, the page's own script, and both in one line: "15 مليون".
    for selector in ('.languages a[lang="en"]', "h1", ".funding-chart text:last-of-type"):
        assert drawn_in_vazirmatn(phone, selector), selector


def test_english_pages_are_drawn_in_vazirmatn_too(phone, live_server, demo):
    open_page(phone, f"{live_server.url}/en/funding/")

    assert drawn_in_vazirmatn(phone, "h1")


@pytest.mark.parametrize("code", LANGUAGES)
def test_funding_on_a_phone_fits_the_screen_with_a_legible_chart_and_stacked_pledges(
    phone, live_server, demo, code
):
    open_page(phone, f"{live_server.url}/{code}/funding/")
    SCREENSHOTS.mkdir(exist_ok=True)
    phone.screenshot(path=SCREENSHOTS / f"funding-phone-{code}.png", full_page=True)

    layout = phone.evaluate(
        """() => {
          const page = document.documentElement;
          const chart = document.querySelector(".funding-chart").getBoundingClientRect();
          const texts = [...document.querySelectorAll(".funding-chart text")].map(text => {
            const box = text.getBoundingClientRect();
            return {
              text: text.textContent,
              // The size as drawn: the computed size times the SVG's scale, if it had one.
              px: parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM().a,
              inside: box.left >= chart.left - 1 && box.right <= chart.right + 1,
            };
          });
          const table = document.querySelector("table.stacked");
          const headers = [...table.querySelectorAll("thead th")].map(th => th.textContent);
          const cells = [...table.querySelectorAll("tbody tr:first-child td")].map(td => ({
            display: getComputedStyle(td).display,
            label: getComputedStyle(td, "::before").content,
            left: td.getBoundingClientRect().left,
            right: td.getBoundingClientRect().right,
          }));
          return {overflow: page.scrollWidth - page.clientWidth, width: page.clientWidth,
                  texts, headers, cells};
        }"""
    )

    assert layout["overflow"] <= 0, "the page scrolls sideways"
    assert layout["texts"], "the chart has no text"
    for text in layout["texts"]:
        assert text["px"] >= 12, text
        assert text["inside"], f"{text['text']} is cut off by the chart's edge"
    # Each pledge is a card: every cell on its own line, named after its column, on screen.
    assert [cell["label"] for cell in layout["cells"]] == [f'"{h}"' for h in layout["headers"]]
    shown = [cell for cell in layout["cells"] if cell["display"] != "none"]  # empty: hidden
    assert len(shown) >= 4
    for cell in shown:
        assert cell["display"] == "block"
        assert cell["left"] >= 0 and cell["right"] <= layout["width"]


def serious_violations(page):
    page.add_script_tag(path=AXE_JS)
    violations = page.evaluate("axe.run(document).then(result => result.violations)")
    return [
        (violation["id"], [node["target"] for node in violation["nodes"]])
        for violation in violations
        if violation["impact"] in ("serious", "critical")
    ]


@pytest.mark.skipif(not AXE_JS, reason="needs axe-core: AXE_JS=path/to/axe.min.js")
@pytest.mark.parametrize("code", LANGUAGES)
def test_funding_and_the_news_filters_on_a_phone_pass_axe(phone, live_server, demo, code):
    assert Path(AXE_JS).is_file(), f"AXE_JS names no file: {AXE_JS}"

    open_page(phone, f"{live_server.url}/{code}/funding/")
    assert serious_violations(phone) == []

    open_page(phone, f"{live_server.url}/{code}/news/")
    phone.locator("details.facets summary").click()
    SCREENSHOTS.mkdir(exist_ok=True)
    phone.screenshot(path=SCREENSHOTS / f"news-filters-phone-{code}.png", full_page=True)
    assert serious_violations(phone) == []
