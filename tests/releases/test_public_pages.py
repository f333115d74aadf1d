import pytest
from django.utils import timezone

from releases.models import Release
from tests.factories import ReleaseFactory, approve

pytestmark = pytest.mark.django_db


def test_root_sends_the_reader_to_their_browsers_language(client):
    response = client.get("/", headers={"accept-language": "fa-IR,fa;q=0.9,en;q=0.5"})
    assert response.status_code == 302
    assert response["Location"] == "/fa/"


@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("fa", "rtl"), ("en", "ltr")])
def test_pages_carry_their_languages_direction(client, language, direction):
    html = client.get(f"/{language}/").content.decode()
    assert f'<html lang="{language}" dir="{direction}">' in html


def test_home_lists_published_releases_only(client):
    ReleaseFactory(title_ar="خبر منشور")
    ReleaseFactory(title_ar="مسودة سرية", status=Release.Status.DRAFT)
    ReleaseFactory(title_ar="خبر مجدول", published_at=timezone.now() + timezone.timedelta(days=1))

    html = client.get("/ar/").content.decode()

    assert "خبر منشور" in html
    assert "مسودة سرية" not in html
    assert "خبر مجدول" not in html


def test_the_home_pages_key_figures_count_only_what_the_public_sees(client):
    ReleaseFactory.create_batch(3)
    ReleaseFactory(status=Release.Status.DRAFT)
    ReleaseFactory(published_at=timezone.now() + timezone.timedelta(days=1))
    response = client.get("/en/")
    assert response.context["figures"]["releases"] == 3
    assert "<strong>3</strong> news items" in response.content.decode()


def test_release_page_shows_the_release_in_the_readers_language(client):
    release = approve(
        ReleaseFactory(title_en="The English title", slug_en="the-english-title"), "en"
    )
    response = client.get(f"/en/news/{release.slug_en}/")
    assert response.status_code == 200
    assert "The English title" in response.content.decode()


def test_a_link_with_another_languages_slug_lands_on_this_languages_address(client):
    release = approve(
        ReleaseFactory(slug_ar="بيان", title_en="Statement", slug_en="statement"), "en"
    )
    response = client.get("/en/news/بيان/")
    assert response.status_code == 301
    assert response["Location"] == "/en/news/statement/"
    assert release.slug_en == "statement"


def test_drafts_are_a_404_in_the_readers_language(client):
    draft = ReleaseFactory(status=Release.Status.DRAFT, slug_en="secret")
    response = client.get(f"/en/news/{draft.slug_en}/")
    assert response.status_code == 404
    assert "secret" not in response.content.decode().lower().split("<main")[1]
    assert 'lang="en"' in response.content.decode()


def test_home_runs_a_constant_number_of_queries(
    client, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    # Each change's commit builds the news index, as in production.
    with django_capture_on_commit_callbacks(execute=True):
        ReleaseFactory.create_batch(15)
    with django_assert_max_num_queries(7):
        client.get("/ar/")


@pytest.mark.parametrize(
    ("language", "heading"), [("ar", "الأخبار"), ("fa", "اخبار"), ("en", "News")]
)
def test_interface_speaks_the_readers_language(client, language, heading):
    assert f"<h1>{heading}</h1>" in client.get(f"/{language}/news/").content.decode()


def test_an_unapproved_translation_is_never_shown_and_the_fallback_is_labelled(client):
    ReleaseFactory(
        title_ar="العنوان العربي", slug_ar="عنوان", title_en="Draft English title", slug_en="draft"
    )
    html = client.get("/en/news/عنوان/").content.decode()
    assert "Draft English title" not in html
    assert "العنوان العربي" in html
    assert "not yet available in your language" in html
    assert '<div lang="ar" dir="rtl">' in html


def test_an_approved_translation_is_shown_even_while_another_is_in_review(client):
    release = approve(ReleaseFactory(title_en="Approved English", slug_en="approved"), "en")
    release.language_versions.filter(language="fa").update(status="in_review")
    release.title_fa = "عنوان در حال بازبینی"
    release.save()
    assert "Approved English" in client.get("/en/news/approved/").content.decode()
    assert "عنوان در حال بازبینی" not in client.get("/fa/").content.decode()


def test_a_fallback_item_links_within_the_readers_site_without_the_unapproved_slug(client):
    release = ReleaseFactory(slug_ar="بيان-عربي", title_fa="عنوان تأییدنشده", slug_fa="تأییدنشده")
    html = client.get("/fa/").content.decode()
    assert f'href="/fa/news/{release.slug_ar}/"' in html
    assert "تأییدنشده" not in html
