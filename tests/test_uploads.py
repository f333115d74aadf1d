"""Image uploads through the admin, as editors make them: every public image field checks the
file before decoding it, stores only a clean re-encoding, and leaves nothing in storage that no
record refers to."""

import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from PIL import Image

from core import images
from core.images import PublicImageField, rendition_name
from staff import roles
from staff.models import StaffProfile
from tests.admin_forms import change_form_data
from tests.core.sample_images import image_bytes, jpeg_with_location, png_claiming, truncated_jpeg
from tests.factories import OrganisationFactory, PersonFactory, ReleaseFactory

pytestmark = pytest.mark.django_db


@dataclass
class ImageForm:
    """An admin change form with a public image field, and who edits it."""

    field: str
    admin_path: str
    role: str
    make_record: Callable[[], models.Model]

    def url(self, record):
        return f"/admin/{self.admin_path}/{record.pk}/change/"


def draft_release():
    return ReleaseFactory(status="draft", published_at=None, title_en="", title_fa="")


IMAGE_FORMS = {
    "release hero image": ImageForm(
        "hero_image", "newsroom/release", roles.PUBLISHER, draft_release
    ),
    "person photo": ImageForm("photo", "people/person", roles.EDITOR, PersonFactory),
    "organisation logo": ImageForm(
        "logo", "organisations/organisation", roles.EDITOR, OrganisationFactory
    ),
}


@pytest.fixture(params=IMAGE_FORMS.values(), ids=IMAGE_FORMS.keys())
def image_form(request):
    return request.param


def log_in(client, role, language="en"):
    user = User.objects.create_user(f"{role}-{language}", password="correct horse", is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    StaffProfile.objects.create(user=user, language=language)
    client.force_login(user)


def upload(client, image_form, record, content, name="photo.jpg"):
    page = client.get(image_form.url(record))
    # The browser's claim is deliberately always "image/jpeg": it must not matter.
    file = SimpleUploadedFile(name, content, content_type="image/jpeg")
    return client.post(image_form.url(record), change_form_data(page) | {image_form.field: file})


def field_errors(response, image_form):
    return response.context["adminform"].form.errors.get(image_form.field, [])


def stored_files():
    """Every file in storage (the tests' own media folder), by storage name."""
    root = Path(settings.MEDIA_ROOT)
    return sorted(path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file())


def over_the_byte_limit():
    """A sound small JPEG padded past the limit: re-encoded, it would be well under it."""
    picture = image_bytes()
    return picture + b"\0" * (images.MAX_UPLOAD_BYTES + 1 - len(picture))


def zip_archive():
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("payload.html", "<script>alert(1)</script>")
    return archive.getvalue()


REFUSED = {
    "gif renamed .jpg": (lambda: image_bytes("GIF"), "This is a GIF image"),
    "bmp renamed .jpg": (lambda: image_bytes("BMP"), "This is a BMP image"),
    "tiff renamed .jpg": (lambda: image_bytes("TIFF"), "This is a TIFF image"),
    "gif with a zip appended": (lambda: image_bytes("GIF") + zip_archive(), "This is a GIF image"),
    "truncated jpeg": (truncated_jpeg, "damaged or incomplete"),
    "over the byte limit": (over_the_byte_limit, "This file is too large"),
    "12000 x 12000 png bomb": (lambda: png_claiming(12_000, 12_000), "too many pixels"),
}


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
@pytest.mark.parametrize(("make_file", "message"), REFUSED.values(), ids=REFUSED.keys())
def test_a_refused_upload_is_an_error_on_its_field_and_nothing_is_stored(
    client, image_form, make_file, message
):
    log_in(client, image_form.role)
    record = image_form.make_record()

    response = upload(client, image_form, record, make_file())

    assert response.status_code == 200
    assert message in " ".join(field_errors(response, image_form))
    record.refresh_from_db()
    assert not getattr(record, image_form.field)
    assert stored_files() == []


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("ar", "هذه صورة بصيغة GIF؛ حمِّل بدلًا منها صورة بصيغة JPEG أو PNG أو WebP."),
        ("fa", "این تصویر در قالب GIF است"),
    ],
    ids=["arabic", "persian"],
)
def test_a_refused_upload_is_explained_in_the_editors_own_language(
    client, image_form, language, message
):
    log_in(client, image_form.role, language)
    response = upload(client, image_form, image_form.make_record(), image_bytes("GIF"))
    assert response.status_code == 200
    assert message in " ".join(field_errors(response, image_form))


def jpeg_with_html():
    return jpeg_with_location() + b"<html><script>alert(document.cookie)</script></html>"


def large_enough_to_be_spooled_to_disk():
    """Over Django's in-memory upload size, so it reaches the checks as a temporary file."""
    return jpeg_with_html() + b"\0" * 3 * 2**20


ACCEPTED = {
    "jpeg with gps location": (jpeg_with_location, "JPEG"),
    "jpeg with html appended": (jpeg_with_html, "JPEG"),
    "png with a zip appended": (lambda: image_bytes("PNG") + zip_archive(), "PNG"),
    "jpeg spooled to disk": (large_enough_to_be_spooled_to_disk, "JPEG"),
}
END_OF_IMAGE = {"JPEG": b"\xff\xd9", "PNG": b"IEND\xaeB`\x82"}


@pytest.mark.parametrize(("make_file", "image_format"), ACCEPTED.values(), ids=ACCEPTED.keys())
def test_an_accepted_upload_is_stored_re_encoded_without_metadata_or_anything_appended(
    client, image_form, make_file, image_format
):
    log_in(client, image_form.role)
    record = image_form.make_record()

    response = upload(client, image_form, record, make_file())

    assert response.status_code == 302
    record.refresh_from_db()
    stored = getattr(record, image_form.field)
    with stored.open("rb") as file:
        data = file.read()
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == image_format
        assert not image.getexif()
    assert data.endswith(END_OF_IMAGE[image_format])
    for leak in (b"Camera maker", b"<script", b"PK\x03\x04", b"Exif"):
        assert leak not in data
    assert stored_files() == [stored.name]


def test_the_file_picker_offers_only_jpeg_png_and_webp(client, image_form):
    log_in(client, image_form.role)
    html = client.get(image_form.url(image_form.make_record())).content.decode()
    field = html.split(f'name="{image_form.field}"')[1].split(">", 1)[0]
    assert 'accept="image/jpeg,image/png,image/webp"' in field


def failing_log_change(self, request, obj, message):
    raise RuntimeError("The step after the save failed.")


def test_a_save_that_fails_after_storing_the_file_leaves_it_out_of_storage(
    client, image_form, monkeypatch, django_capture_on_commit_callbacks
):
    log_in(client, image_form.role)
    record = image_form.make_record()
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, image_form, record, image_bytes(colour="navy"), name="first.jpg")
    record.refresh_from_db()
    kept = set(stored_files())
    # The admin logs the change after the save, inside the same transaction.
    monkeypatch.setattr(admin.ModelAdmin, "log_change", failing_log_change)

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        upload(client, image_form, record, image_bytes(colour="red"), name="second.jpg")

    assert set(stored_files()) == kept
    first = getattr(record, image_form.field).name
    record.refresh_from_db()
    assert getattr(record, image_form.field).name == first


def test_replacing_a_hero_image_removes_the_old_file_and_its_renditions_after_the_commit(
    client, django_capture_on_commit_callbacks
):
    hero = IMAGE_FORMS["release hero image"]
    log_in(client, hero.role)
    release = hero.make_record()
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, hero, release, image_bytes(colour="navy"), name="first.jpg")
    release.refresh_from_db()
    old = [release.hero_image.name] + [
        rendition_name(release.hero_image.name, rendition) for rendition in images.RENDITIONS
    ]
    assert all(default_storage.exists(name) for name in old)

    with django_capture_on_commit_callbacks() as after_commit:
        upload(client, hero, release, image_bytes(colour="red"), name="second.jpg")
    assert all(default_storage.exists(name) for name in old)  # Never before the commit.
    for callback in after_commit:
        callback()

    release.refresh_from_db()
    new = [release.hero_image.name] + [
        rendition_name(release.hero_image.name, rendition) for rendition in images.RENDITIONS
    ]
    assert stored_files() == sorted(new)


def test_deleting_a_record_removes_its_image_and_renditions(
    client, image_form, django_capture_on_commit_callbacks
):
    log_in(client, image_form.role)
    record = image_form.make_record()
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, image_form, record, image_bytes())
    assert stored_files()
    # Only a superuser may delete people, organisations and releases.
    client.force_login(User.objects.create_superuser("chief", password="correct horse"))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            image_form.url(record).replace("/change/", "/delete/"), {"post": "yes"}
        )

    assert response.status_code == 302
    assert stored_files() == []


def test_every_image_field_in_the_project_is_a_public_image_field():
    plain = [
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, models.ImageField) and not isinstance(field, PublicImageField)
    ]
    assert plain == []
