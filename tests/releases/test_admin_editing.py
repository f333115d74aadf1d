"""The release form as editors, publishers and translators use it."""

import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, User
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from PIL import Image
from reversion.models import Version

from core import page_tags
from core.images import rendition_name
from releases import freshness
from releases.models import Release
from staff import roles
from staff.models import StaffProfile
from tests.admin_forms import change_form_data
from tests.factories import ReleaseFactory

pytestmark = pytest.mark.django_db


def make_user(name, group=None, language="en"):
    """A staff member working in `language` (the admin follows their profile)."""
    user = User.objects.create_user(name, password="correct horse", is_staff=True)
    if group:
        user.groups.add(Group.objects.get(name=group))
    StaffProfile.objects.create(user=user, language=language)
    return user


@pytest.fixture
def publisher(client):
    user = make_user("publisher", roles.PUBLISHER)
    client.force_login(user)
    return user


def change_url(release):
    return f"/admin/newsroom/release/{release.pk}/change/"


def post_change(client, release, files=None, **changes):
    page = client.get(change_url(release))
    data = change_form_data(page, **changes)
    return client.post(change_url(release), data | (files or {}))


def draft(**fields):
    values = {"status": "draft", "published_at": None, "title_en": "", "title_fa": ""}
    return ReleaseFactory(**(values | fields))


HOSTILE = (
    '<p onclick="steal()" style="color:red">Text<script>alert(1)</script></p>'
    '<a href="javascript:alert(1)">link</a><iframe src="https://evil.example"></iframe>'
    '<img src=x onerror=alert(1)><h2 dir="rtl" lang="ar">عنوان</h2>'
)


def test_hostile_rich_text_is_sanitised_on_save(client, publisher):
    release = draft()
    assert post_change(client, release, body_ar=HOSTILE).status_code == 302
    release.refresh_from_db()
    body = release.body_ar
    for forbidden in ("<script", "onclick", "style=", "javascript:", "<iframe", "onerror", "<img"):
        assert forbidden not in body
    assert "<p>Text</p>" in body
    assert '<h2 dir="rtl" lang="ar">عنوان</h2>' in body


def test_the_later_of_two_saves_is_refused_with_a_clear_message(client, publisher):
    release = draft(title_ar="الأصل")
    first_page = client.get(change_url(release))
    second_page = client.get(change_url(release))
    first = client.post(change_url(release), change_form_data(first_page, title_ar="أول"))
    assert first.status_code == 302

    second = client.post(change_url(release), change_form_data(second_page, title_ar="ثان"))

    assert second.status_code == 200
    assert "Someone else saved this release" in str(second.context["adminform"].form.errors)
    release.refresh_from_db()
    assert release.title_ar == "أول"


def test_publishing_with_a_future_date_schedules_without_any_worker(client, publisher):
    release = draft()
    later = timezone.now() + timedelta(hours=2)
    response = post_change(
        client,
        release,
        status="published",
        published_at_0=later.strftime("%Y-%m-%d"),
        published_at_1=later.strftime("%H:%M:%S"),
    )
    assert response.status_code == 302
    release.refresh_from_db()
    assert release.is_scheduled
    assert release not in Release.objects.published()
    Release.objects.filter(pk=release.pk).update(published_at=timezone.now() - timedelta(seconds=1))
    assert release in Release.objects.published()


def test_staff_preview_an_unpublished_release_in_each_language_and_nobody_else(client):
    release = draft(title_ar="مسودة للمعاينة", title_en="Preview draft")
    url = f"/en/news/preview/{release.pk}/"
    assert client.get(url).status_code == 404
    client.force_login(User.objects.create_user("reader", password="x"))
    assert client.get(url).status_code == 404

    client.force_login(make_user("editor", roles.EDITOR))
    html = client.get(url).content.decode()
    assert "Preview draft" in html and "Preview" in html
    assert "مسودة للمعاينة" in client.get(f"/ar/news/preview/{release.pk}/").content.decode()


def test_every_save_keeps_a_revision_that_a_publisher_can_restore(client, publisher):
    release = draft(title_ar="النسخة الأولى")
    post_change(client, release, title_ar="النسخة الثانية")
    post_change(client, release, title_ar="النسخة الثالثة")
    history = client.get(f"/admin/newsroom/release/{release.pk}/history/")
    assert history.status_code == 200
    versions = Version.objects.get_for_object(release)
    assert len(versions) == 2
    oldest = versions.last()
    assert oldest.field_dict["title_ar"] == "النسخة الثانية"

    revision_url = f"/admin/newsroom/release/{release.pk}/history/{oldest.pk}/"
    page = client.get(revision_url)
    assert client.post(revision_url, change_form_data(page)).status_code == 302
    release.refresh_from_db()
    assert release.title_ar == "النسخة الثانية"


def test_an_editor_may_read_history_but_not_restore_it(client, publisher):
    release = draft(title_ar="أ")
    post_change(client, release, title_ar="ب")
    version = Version.objects.get_for_object(release).first()
    client.force_login(make_user("editor", roles.EDITOR))
    url = f"/admin/newsroom/release/{release.pk}/history/{version.pk}/"
    assert client.post(url, {}).status_code == 403


def test_editing_the_source_makes_exactly_the_affected_translations_stale(client, publisher):
    release = draft(title_ar="عنوان", lede_ar="مقدمة")
    post_change(client, release, title_en="Title", lede_en="Lede")
    assert set(freshness_states(release, "en").values()) == {"complete"}

    post_change(client, release, title_ar="عنوان جديد")

    assert freshness_states(release, "en") == {"title": "stale", "lede": "complete"}
    assert release.language_versions.get(language="en").status == "in_progress"


def freshness_states(release, language):
    release = Release.objects.get(pk=release.pk)
    return {
        field: state
        for field, state in freshness.field_states(release, language).items()
        if field in ("title", "lede")
    }


def test_translator_sees_the_source_diff_beside_a_stale_field(client, publisher):
    release = draft(title_ar="اجتماع في الدوحة", title_en="Meeting in Doha")
    post_change(client, release, title_en="Meeting in Doha.")
    post_change(client, release, title_ar="اجتماع رفيع في الدوحة")

    client.force_login(make_user("translator", roles.translator_group("en")))
    page = client.get(change_url(release))
    help_text = str(page.context["adminform"].form.fields["title_en"].help_text)
    assert "Stale" in help_text
    assert "<ins>رفيع</ins>" in help_text
    assert 'dir="rtl"' in help_text


def test_translator_queue_lists_missing_stale_and_in_review_for_their_language(client):
    missing = draft(title_ar="بلا ترجمة")
    in_review = draft(title_ar="قيد المراجعة", title_fa="در حال بازبینی")
    in_review.language_versions.filter(language="fa").update(status="in_review")
    client.force_login(make_user("translator", roles.translator_group("fa")))

    def queue(state):
        response = client.get(f"/admin/newsroom/release/?queue=fa:{state}")
        return set(response.context["cl"].result_list)

    assert missing in queue("missing")
    assert in_review in queue("review")
    assert missing not in queue("review")
    assert client.get("/admin/newsroom/release/?queue=xx:nonsense").status_code == 200


def set_translation_status(client, release, language, status):
    page = client.get(change_url(release))
    formset = page.context["inline_admin_formsets"][0].formset
    index = next(i for i, form in enumerate(formset.forms) if form.instance.language == language)
    data = change_form_data(page, **{f"{formset.prefix}-{index}-status": status})
    return client.post(change_url(release), data)


def test_translator_submits_for_review_and_only_a_publisher_approves(client):
    release = draft(
        title_ar="عنوان", title_fa="عنوان فارسی", lede_fa="مقدمه.", body_fa="<p>متن.</p>"
    )
    client.force_login(make_user("translator", roles.translator_group("fa")))

    assert set_translation_status(client, release, "fa", "approved").status_code == 200
    assert release.language_versions.get(language="fa").status == "in_progress"

    assert set_translation_status(client, release, "fa", "in_review").status_code == 302
    assert release.language_versions.get(language="fa").status == "in_review"

    client.force_login(make_user("publisher", roles.PUBLISHER))
    assert set_translation_status(client, release, "fa", "approved").status_code == 302
    version = release.language_versions.get(language="fa")
    assert (version.status, version.reviewed_by.username) == ("approved", "publisher")


def test_an_incomplete_translation_cannot_be_approved(client, publisher):
    release = draft(title_ar="عنوان", lede_ar="مقدمة", title_en="Title")
    release.language_versions.filter(language="en").update(status="in_review")
    response = set_translation_status(client, release, "en", "approved")
    assert response.status_code == 200
    assert "not complete" in str(response.context["inline_admin_formsets"][0].formset.errors)
    assert release.language_versions.get(language="en").status == "in_review"


def jpeg_with_location():
    image = Image.new("RGB", (800, 600), "steelblue")
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (25.0, 17.0, 10.0)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def test_uploaded_photo_loses_its_location_and_gets_renditions(
    client, publisher, django_capture_on_commit_callbacks
):
    release = draft(hero_image_alt_ar="وصف الصورة")
    upload = SimpleUploadedFile("الدوحة.jpg", jpeg_with_location(), content_type="image/jpeg")
    # Renditions are made once the save has committed.
    with django_capture_on_commit_callbacks(execute=True):
        response = post_change(client, release, files={"hero_image": upload})
    assert response.status_code == 302
    release.refresh_from_db()
    with release.hero_image.open("rb") as stored:
        assert not Image.open(stored).getexif()
    for rendition in ("list", "detail", "social"):
        assert default_storage.exists(rendition_name(release.hero_image.name, rendition))


def test_a_renamed_pdf_is_a_form_error_not_a_server_error(client, publisher):
    release = draft()
    upload = SimpleUploadedFile("photo.jpg", b"%PDF-1.7 not an image", content_type="image/jpeg")
    response = post_change(client, release, files={"hero_image": upload})
    assert response.status_code == 200
    assert "hero_image" in response.context["adminform"].form.errors
    release.refresh_from_db()
    assert not release.hero_image


def test_publishing_an_image_without_alt_text_is_refused(client, publisher):
    release = draft()
    upload = SimpleUploadedFile("photo.jpg", jpeg_with_location(), content_type="image/jpeg")
    response = post_change(client, release, files={"hero_image": upload}, status="published")
    assert response.status_code == 200
    assert "hero_image_alt_ar" in response.context["adminform"].form.errors


@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("fa", "rtl"), ("en", "ltr")])
def test_every_language_input_carries_its_own_direction(client, publisher, language, direction):
    release = draft()
    html = client.get(change_url(release)).content.decode()
    assert f'name="title_{language}"' in html
    field = html.split(f'name="title_{language}"')[0].rsplit("<input", 1)[1]
    field += html.split(f'name="title_{language}"')[1].split(">", 1)[0]
    assert f'dir="{direction}"' in field and f'lang="{language}"' in field


def test_tabs_load_jquery_ui_from_our_own_static_files(client, publisher):
    html = client.get(change_url(draft())).content.decode()
    assert "/static/vendor/jquery-ui/jquery-ui.min.js" in html
    assert "googleapis" not in html


@pytest.mark.parametrize(
    ("language", "text", "direction"), [("fa", "افزودن", "rtl"), ("en", "Add", "ltr")]
)
def test_the_admin_speaks_each_staff_members_language(client, language, text, direction):
    client.force_login(make_user("staff", roles.EDITOR, language=language))
    html = client.get("/admin/", headers={"accept-language": "ar"}).content.decode()
    assert f'lang="{language}"' in html and f'dir="{direction}"' in html


def test_change_list_queries_do_not_grow_with_the_archive(client, publisher):
    def queries_for_change_list():
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/admin/newsroom/release/")
        assert response.status_code == 200
        return len(queries), len(response.context["cl"].result_list)

    ReleaseFactory.create_batch(5)
    few, shown = queries_for_change_list()
    assert shown == 5
    ReleaseFactory.create_batch(70)
    many, shown = queries_for_change_list()
    assert shown == 50
    assert many == few
    assert many < 20


def test_repeated_wrong_passwords_lock_the_account_for_that_address(client):
    make_user("victim", roles.EDITOR)
    for _attempt in range(5):
        client.post("/admin/login/", {"username": "victim", "password": "wrong"})
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": "victim", "password": "correct horse"},
        headers={"accept-language": "en"},
    )
    assert response.status_code == 429
    assert "Too many failed logins" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_title_without_a_slug_gets_an_address_on_save(client, publisher):
    release = draft(title_en="", slug_en="")
    post_change(client, release, title_en="Roundtable opens")
    release.refresh_from_db()
    assert release.slug_en == "roundtable-opens"


def test_a_translators_save_never_fails_on_a_field_outside_their_form(client):
    # An older database can hold an English address that another release uses in Arabic.
    Release.objects.create(title_ar="أ", slug_ar="shared", status="draft")
    release = draft(title_ar="ب")
    Release.objects.filter(pk=release.pk).update(slug_en="shared")
    client.force_login(make_user("translator", roles.translator_group("fa"), language="fa"))

    response = post_change(client, release, title_fa="عنوان فارسی")

    assert response.status_code == 302
    release.refresh_from_db()
    assert release.title_fa == "عنوان فارسی"


def test_renditions_that_fail_after_the_save_committed_neither_fail_it_nor_keep_stale_pages(
    client, publisher, monkeypatch, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 600
    release = draft(hero_image_alt_ar="وصف الصورة")
    before = page_tags.renewals()

    def broken(field_file):
        raise OSError("storage is down")

    monkeypatch.setattr("releases.services.make_renditions", broken)
    upload = SimpleUploadedFile("photo.jpg", jpeg_with_location(), content_type="image/jpeg")
    with django_capture_on_commit_callbacks(execute=True):
        response = post_change(client, release, files={"hero_image": upload})

    assert response.status_code == 302
    assert not page_tags.unchanged_since(before, {f"release-{release.pk}"})
