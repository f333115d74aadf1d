"""What readers, editors, publishers and translators do, in a real browser."""

import re

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from playwright.sync_api import expect

from releases.models import Release
from staff import roles
from tests.factories import ReleaseFactory, TopicFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo():
    call_command("load_demo", verbosity=0)


def staff(username, group):
    user = User.objects.create_user(username, password="browser-pass", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


def log_in(page, live_server, username):
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "browser-pass")
    page.click("input[type=submit]")
    expect(page.locator("#user-tools")).to_be_visible()


def log_out(page, live_server):
    page.context.clear_cookies()


def test_switching_language_on_a_release_lands_on_the_same_release(
    page, live_server, demo, screenshot
):
    page.goto(f"{live_server.url}/en/news/")
    page.locator(".release-summary h2 a").first.click()
    release_id = page.locator("article.release").get_attribute("data-release")
    screenshot("release-en")
    for code in ("fa", "ar"):
        page.locator(f'.languages a[lang="{code}"]').click()
        expect(page.locator("html")).to_have_attribute("lang", code)
        assert page.locator("article.release").get_attribute("data-release") == release_id
        screenshot(f"release-{code}")


@pytest.mark.parametrize(("code", "direction"), [("ar", "rtl"), ("fa", "rtl"), ("en", "ltr")])
def test_arabic_and_persian_pages_run_right_to_left_and_mirror(
    page, live_server, demo, code, direction, screenshot
):
    page.goto(f"{live_server.url}/{code}/")
    expect(page.locator("html")).to_have_attribute("dir", direction)
    name = page.locator(".site-name").bounding_box()
    languages = page.locator(".languages").bounding_box()
    if direction == "rtl":
        assert name["x"] > languages["x"]  # the site name sits at the right
    else:
        assert name["x"] < languages["x"]
    screenshot(f"home-{code}")


def test_a_reader_filters_the_news_and_pages_through_the_results(
    page, live_server, demo, screenshot
):
    topic = TopicFactory(slug="browser-topic", name_en="Browser topic")
    for release in ReleaseFactory.create_batch(25, title_en="Filtered item"):
        release.topics.add(topic)
        release.language_versions.filter(language="en").update(status="approved")
    page.goto(f"{live_server.url}/en/news/")
    page.locator("details.facets summary").click()
    page.select_option("#id_topic", "browser-topic")
    page.get_by_role("button", name="Apply").click()
    expect(page).to_have_url(re.compile(r"topic=browser-topic"))
    expect(page.locator(".release-summary")).to_have_count(20)
    page.locator('.pagination a[rel="next"]').click()
    expect(page).to_have_url(re.compile(r"topic=browser-topic.*page=2"))
    expect(page.locator(".release-summary")).to_have_count(5)
    screenshot("news-filtered-page-2")


@pytest.mark.parametrize(
    ("code", "query"),
    [("ar", "ارهاب"), ("fa", "فورونکوف")],  # no article; Persian kaf for an Arabic-kaf name
)
def test_search_in_arabic_and_persian_finds_and_highlights(
    page, live_server, demo, code, query, screenshot
):
    page.goto(f"{live_server.url}/{code}/news/")
    page.fill("#id_q", query)
    page.press("#id_q", "Enter")
    expect(page.locator(".release-summary").first).to_be_visible()
    expect(page.locator(".release-summary mark").first).to_be_visible()
    screenshot(f"search-{code}")


def show_language(page, language):
    """Open the `language` tab of every translated field (modeltranslation's tabs)."""
    tabs = page.locator(".ui-tabs-nav a")
    for index in range(tabs.count()):
        tab = tabs.nth(index)
        if tab.inner_text().strip().lower() == language and tab.is_visible():
            tab.click()


def type_body(page, language, text):
    editor = page.locator(f".field-body_{language} .ProseMirror[contenteditable=true]")
    editor.click()
    editor.type(text)


def test_an_editor_writes_a_publisher_publishes_and_readers_see_it(page, live_server, screenshot):
    staff("editor", roles.EDITOR)
    staff("publisher", roles.PUBLISHER)

    log_in(page, live_server, "editor")
    page.goto(f"{live_server.url}/admin/newsroom/release/add/")
    show_language(page, "ar")
    page.fill("#id_title_ar", "بيان تجريبي من المتصفح")
    page.fill("#id_lede_ar", "فقرة افتتاحية كتبها المحرر.")
    type_body(page, "ar", "نص البيان.")
    page.select_option("#id_status", "in_review")
    screenshot("admin-editor-add")
    page.click('input[name="_save"]')
    expect(page.locator(".messagelist")).to_be_visible()
    release = Release.objects.get(title_ar="بيان تجريبي من المتصفح")
    assert release.status == "in_review"
    assert release.body_ar.startswith("<p>نص البيان")

    log_out(page, live_server)
    log_in(page, live_server, "publisher")
    page.goto(f"{live_server.url}/admin/newsroom/release/{release.pk}/change/")
    page.select_option("#id_status", "published")
    page.click('input[name="_save"]')
    expect(page.locator(".messagelist")).to_be_visible()

    page.goto(f"{live_server.url}/ar/news/")
    expect(page.get_by_text("بيان تجريبي من المتصفح")).to_be_visible()
    screenshot("news-after-publishing")


def test_a_translator_fills_persian_and_the_persian_page_shows_it(
    page, live_server, demo, screenshot
):
    staff("translator", roles.translator_group("fa"))
    staff("approver", roles.PUBLISHER)
    release = Release.objects.get(import_key="000_e54f5213487fe7ca.txt")
    assert not release.body_fa

    log_in(page, live_server, "translator")
    page.goto(f"{live_server.url}/admin/newsroom/release/{release.pk}/change/")
    show_language(page, "fa")
    type_body(page, "fa", "متن کامل فارسی این خبر.")
    version = page.locator("select[name$='-status']").nth(
        [v.language for v in release.language_versions.order_by("language")].index("fa")
    )
    version.select_option("in_review")
    screenshot("admin-translator-fa")
    page.click('input[name="_save"]')
    expect(page.locator(".messagelist")).to_be_visible()

    log_out(page, live_server)
    log_in(page, live_server, "approver")
    page.goto(f"{live_server.url}/admin/newsroom/release/{release.pk}/change/")
    page.locator("select[name$='-status']").nth(
        [v.language for v in release.language_versions.order_by("language")].index("fa")
    ).select_option("approved")
    page.click('input[name="_save"]')
    expect(page.locator(".messagelist")).to_be_visible()

    release.refresh_from_db()
    page.goto(f"{live_server.url}/fa/news/{release.slug_fa}/")
    expect(page.get_by_text("متن کامل فارسی این خبر.")).to_be_visible()
    expect(page.locator(".fallback-notice")).to_have_count(0)
    screenshot("release-fa-translated")


def test_an_editor_corrects_a_live_release_and_readers_see_it_once_a_publisher_publishes(
    page, live_server, screenshot
):
    staff("editor", roles.EDITOR)
    staff("publisher", roles.PUBLISHER)
    release = ReleaseFactory(title_ar="بيان فيه خطأ مطبعي", lede_ar="فقرة.")
    address = f"{live_server.url}/ar/news/{release.live_text('ar').slug}/"

    log_in(page, live_server, "editor")
    page.goto(f"{live_server.url}/admin/newsroom/release/{release.pk}/change/")
    show_language(page, "ar")
    page.fill("#id_title_ar", "بيان بلا خطأ مطبعي")
    page.select_option("#id_changes", "in_review")
    page.click('input[name="_save"]')
    expect(page.locator(".messagelist")).to_be_visible()

    log_out(page, live_server)
    page.goto(address)
    expect(page.locator("h1")).to_have_text("بيان فيه خطأ مطبعي")

    log_in(page, live_server, "publisher")
    page.goto(f"{live_server.url}/admin/newsroom/release/{release.pk}/changes/")
    expect(page.locator(".live-diff del")).to_contain_text("فيه")
    expect(page.locator(".live-diff ins")).to_contain_text("بلا")
    screenshot("admin-compare-with-live")
    page.click('button[value="publish"]')
    expect(page.locator(".messagelist")).to_be_visible()

    log_out(page, live_server)
    page.goto(address)  # its old address leads to the corrected one
    expect(page.locator("h1")).to_have_text("بيان بلا خطأ مطبعي")
    screenshot("release-after-correction")
