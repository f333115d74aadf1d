"""Turning an uploaded image into a safe stored image and its renditions, and removing them once
nothing refers to them.

Uploaded images are untrusted: the file name and the browser's content type can lie, and a
small file can claim billions of pixels to exhaust the server's memory. Photographs also carry
metadata (EXIF GPS coordinates, camera serial numbers, XMP, comments) that can reveal where a
photographer or a source was; none of it may reach the public site, so images are re-encoded
from their pixels alone, which also drops anything appended to the file (a polyglot's HTML or
ZIP).

An upload is checked cheapest first, and no pixel is decoded before the cheap checks pass: the
bytes received, the format its own first bytes announce, the dimensions its header declares.
Only then are its pixels decoded, once, and re-encoded.
"""

import contextlib
import io
import logging
from dataclasses import dataclass
from pathlib import PurePosixPath

from asgiref.local import Local
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.signals import request_finished, request_started
from django.db import models, router, transaction
from django.dispatch import receiver
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django_cleanup.signals import cleanup_post_delete
from PIL import Image, ImageCms, ImageOps

logger = logging.getLogger(__name__)

ACCEPTED_FORMATS = ("JPEG", "PNG", "WEBP")
MAX_UPLOAD_BYTES = 10 * 2**20
# Pixels per image, so that a worker stays under 300 MB while it decodes, re-encodes and makes
# renditions, even one already at 120 MB (benchmark/upload_memory.py measures it). A PNG costs
# up to 8 bytes a pixel: 4 decoded, 4 more to stand it upright; Pillow's WebP decoder keeps two
# canvases of its own beside the image: 20 bytes a pixel. A JPEG is decoded straight at half, a
# quarter or an eighth of its size (Image.draft) whenever that still leaves STORED_MIN_SIDE, so
# a photograph from a 24- or 45-megapixel camera costs what a 6- or 12-megapixel one would.
MAX_PIXELS = {"JPEG": 50_000_000, "PNG": 20_000_000, "WEBP": 8_000_000}
MIN_SIDE = 200
# Target (width, height). "list" and "detail" fit within the box; "social" is cropped to it.
RENDITIONS = {"list": (480, 270), "detail": (1200, 675), "social": (1200, 630)}
# The shorter side a stored JPEG keeps at least: every rendition, at twice its size, fits in it.
STORED_MIN_SIDE = 1600

# Pillow recognises every format it knows by at most this many first bytes.
HEADER_BYTES = 16
ACCEPT_ATTRIBUTE = "image/jpeg,image/png,image/webp"
EXTENSIONS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}
SAVE_OPTIONS = {
    "JPEG": {"quality": 88, "progressive": True, "optimize": True},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 85},
}
RESAMPLE = Image.Resampling.LANCZOS


def validate_image(uploaded_file):
    """Refuse anything that is not a sound JPEG, PNG or WebP image of a usable size: every check
    clean_image makes, the last of them decoding the pixels. Leaves the file ready to read."""
    _decoded(uploaded_file, _checked_format(uploaded_file))


def clean_image(uploaded_file):
    """The upload checked, then re-encoded from its pixels: upright, without metadata, nothing
    appended. Its pixels are decoded once, and only after the checks that need no decoding.

    Returns a ContentFile named after the original (ASCII slug) with the real format's extension.
    """
    image_format = _checked_format(uploaded_file)
    image = _decoded(uploaded_file, image_format)
    # Rebinding `image` lets the decoded original go as soon as its clean copy exists.
    image, icc_profile = _pixels_only(image, keep_alpha=image_format != "JPEG")
    buffer = io.BytesIO()
    options = SAVE_OPTIONS[image_format]
    if icc_profile:
        options = {**options, "icc_profile": icc_profile}
    image.save(buffer, image_format, **options)

    stem = slugify(PurePosixPath(uploaded_file.name or "").stem) or "image"
    return ContentFile(buffer.getvalue(), name=stem + EXTENSIONS[image_format])


def _checked_format(uploaded_file):
    """The upload's format, once its size, its format and its declared dimensions are acceptable;
    no pixel is decoded. Leaves the file ready to read."""
    if uploaded_file.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("This file is too large: the limit is %(limit)s MB."),
            code="file_too_large",
            params={"limit": f"{MAX_UPLOAD_BYTES / 2**20:g}"},
        )
    try:
        image_format = _announced_format(uploaded_file)
        _check_dimensions(*_declared_size(uploaded_file, image_format), image_format)
    finally:
        uploaded_file.seek(0)
    return image_format


def _announced_format(file):
    """The format the file's first bytes announce (by Pillow's own signatures), if it is ours."""
    file.seek(0)
    header = file.read(HEADER_BYTES)
    image_format = _format_with_signature(header)
    if image_format is None:
        raise ValidationError(_("This file is not a JPEG, PNG or WebP image."), code="not_an_image")
    if image_format not in ACCEPTED_FORMATS:
        raise ValidationError(
            _("This is a %(format)s image; upload a JPEG, PNG or WebP image instead."),
            code="unsupported_format",
            params={"format": image_format},
        )
    return image_format


def _format_with_signature(header):
    Image.init()
    for image_format in Image.ID:
        _factory, accepts = Image.OPEN[image_format]
        try:
            if accepts and accepts(header):
                return image_format
        except Exception:  # Some signature checks fail on a header shorter than they expect.
            continue
    return None


def _declared_size(file, image_format):
    file.seek(0)
    try:
        # Image.open parses the header only: the size is known before any pixel is decoded.
        with Image.open(file, formats=[image_format]) as image:
            return image.size
    except Image.DecompressionBombError:  # Pillow's own limit, far above ours.
        raise _too_many_pixels(image_format) from None
    except Exception:  # It starts like one of our formats but its header is broken.
        raise _damaged() from None


def _check_dimensions(width, height, image_format):
    if width * height > MAX_PIXELS[image_format]:
        raise _too_many_pixels(image_format)
    if width < MIN_SIDE or height < MIN_SIDE:
        raise ValidationError(
            _(
                "This image is %(width)s × %(height)s pixels; a hero image needs at least "
                "%(min)s pixels on each side."
            ),
            code="too_small",
            params={"width": width, "height": height, "min": MIN_SIDE},
        )


def _too_many_pixels(image_format):
    return ValidationError(
        _("This image has too many pixels to process safely: the limit is %(limit)s megapixels."),
        code="too_many_pixels",
        params={"limit": f"{MAX_PIXELS[image_format] / 1_000_000:g}"},
    )


def _damaged():
    return ValidationError(
        _("This image file is damaged or incomplete; try exporting it again."), code="corrupt"
    )


def _decoded(file, image_format):
    """The file's image with its pixels decoded: the one copy an upload costs (a large JPEG's at
    a fraction of its size)."""
    file.seek(0)
    try:
        with Image.open(file, formats=[image_format]) as image:
            image.draft(None, (STORED_MIN_SIDE, STORED_MIN_SIDE))  # JPEG only; others ignore it.
            image.load()
    except Exception:  # Damaged files make Pillow raise many kinds of errors.
        raise _damaged() from None
    finally:
        file.seek(0)
    return image


def _pixels_only(image, *, keep_alpha):
    """`image` upright in RGB(A), carrying no metadata, and the ICC profile worth keeping.

    Works in place where Pillow can: each step makes a full-size copy only when it must."""
    icc_profile = image.info.get("icc_profile")
    profile = _readable_profile(icc_profile)
    colour_space = profile.profile.xcolor_space if profile else None
    ImageOps.exif_transpose(image, in_place=True)
    mode = "RGBA" if keep_alpha and image.has_transparency_data else "RGB"
    if image.mode == "CMYK" and colour_space == "CMYK":
        # Print-ready CMYK looks wrong when converted naively; let its profile do it.
        with contextlib.suppress(ImageCms.PyCMSError):
            image = ImageCms.profileToProfile(
                image, profile, ImageCms.createProfile("sRGB"), outputMode="RGB"
            )
    if image.mode != mode:
        image = image.convert(mode)
    # The pixels are now RGB: a grey or CMYK profile would describe them wrongly.
    if colour_space != "RGB ":
        icc_profile = None
    # Some encoders copy metadata such as JPEG comments from .info, so leave nothing there.
    image.info.clear()
    return image, icc_profile


def _readable_profile(icc_profile):
    """The embedded ICC profile, or None when there is none or it is broken (untrusted bytes)."""
    if not icc_profile:
        return None
    try:
        return ImageCms.ImageCmsProfile(io.BytesIO(icc_profile))
    except OSError:
        return None


def rendition_name(name, rendition):
    """The storage name of a rendition of the stored image `name`, computed without opening it.

    The whole stored name is kept, extension included, so that photo.jpg and photo.png uploaded
    the same month do not share renditions.
    """
    return f"renditions/{name}-{rendition}.webp"


def rendition_url(field_file, rendition):
    """The URL of an existing rendition of `field_file`, or None."""
    if not field_file:
        return None
    name = rendition_name(field_file.name, rendition)
    return field_file.storage.url(name) if field_file.storage.exists(name) else None


# The largest rendition's box, doubled as Image.thumbnail does, so that a JPEG decoded at a
# fraction of its size (Image.draft) still gives sharp renditions.
DRAFT_BOX = tuple(2 * max(sides) for sides in zip(*RENDITIONS.values(), strict=True))


def make_renditions(field_file):
    """Write the WebP renditions of a stored image, replacing earlier ones.

    Returns {rendition: {"name": storage name, "width": w, "height": h}}.
    """
    storage = field_file.storage
    image, icc_profile = _pixels_only(_stored_pixels(field_file), keep_alpha=True)

    made = {}
    for rendition, size in RENDITIONS.items():
        if rendition == "social":
            resized = ImageOps.fit(image, size, RESAMPLE)
        else:
            resized = _within(image, size)
        buffer = io.BytesIO()
        resized.save(buffer, "WEBP", **SAVE_OPTIONS["WEBP"], icc_profile=icc_profile)

        name = rendition_name(field_file.name, rendition)
        # Without this, the storage would keep the old file and save the new one as name_abc123.
        if storage.exists(name):
            storage.delete(name)
        name = storage.save(name, ContentFile(buffer.getvalue()))
        made[rendition] = {"name": name, "width": resized.width, "height": resized.height}
    return made


def _stored_pixels(field_file):
    """The stored image, decoded; a JPEG at 1/2, 1/4 or 1/8 of its size when that is still
    large enough for every rendition (Image.draft)."""
    with (
        field_file.storage.open(field_file.name, "rb") as file,
        Image.open(file, formats=list(ACCEPTED_FORMATS)) as image,
    ):
        image.draft(None, DRAFT_BOX)
        image.load()
    return image


def _within(image, box):
    """`image` scaled to fit within `box`, never enlarged, without a full-size copy first."""
    if image.width <= box[0] and image.height <= box[1]:
        return image
    return ImageOps.contain(image, box, RESAMPLE)


def remove_renditions(storage, name):
    for rendition in RENDITIONS:
        storage.delete(rendition_name(name, rendition))


@receiver(cleanup_post_delete, dispatch_uid="core.images.remove_renditions")
def remove_renditions_of_removed_image(file, file_name, **kwargs):
    """django-cleanup removes a replaced or deleted record's image after the commit; its
    renditions go with it. (`file` no longer has a name: it has been deleted.)"""
    if not isinstance(getattr(file, "field", None), PublicImageField):
        return
    try:
        remove_renditions(file.storage, file_name)
    except Exception:  # A rendition left behind is harmless; failing a committed save is not.
        logger.exception("Could not remove the renditions of %s", file_name)


class UploadedImageField(forms.FileField):
    """The form field of every public image: the upload is checked, then re-encoded from its
    pixels without metadata (clean_image), before the model sees it.

    Not a forms.ImageField: its to_python reads the whole upload into memory and parses it with
    Pillow before any check of ours could run.
    """

    def to_python(self, data):
        uploaded = super().to_python(data)  # A named, non-empty upload, or None.
        return None if uploaded is None else clean_image(uploaded)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if isinstance(widget, forms.FileInput) and "accept" not in widget.attrs:
            attrs["accept"] = ACCEPT_ATTRIBUTE
        return attrs


class PublicImageField(models.ImageField):
    """An image the public site shows (a hero image, a photo, a logo): uploaded only through
    UploadedImageField, with its checks, and never left in storage by a save that did not commit.

    django-cleanup (settings.INSTALLED_APPS) removes a replaced or deleted record's image after
    the commit, and remove_renditions_of_removed_image its renditions.
    """

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": UploadedImageField, **kwargs})

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        storing = bool(file) and not file._committed
        file = super().pre_save(model_instance, add)  # Stores a new file before its row is saved.
        if storing:
            _remember_stored_file(
                self, file.name, router.db_for_write(self.model, instance=model_instance)
            )
        return file


# A file is stored before its row is written, so a save that is rolled back leaves it in
# storage, where its address would still serve it; Django has no rollback hook to remove it (nor
# has django-cleanup). Instead each file stored while a request is handled is remembered, marked
# kept when its transaction commits, and once the response is finished, when every transaction
# the request opened is over, one never marked kept is removed unless a row refers to it (it was
# saved outside a transaction, or an earlier commit callback failed before ours ran).
_current_request = Local()


@dataclass
class _StoredFile:
    field: PublicImageField
    name: str
    using: str
    kept: bool = False

    def keep(self):
        self.kept = True

    def is_orphan(self):
        if self.kept:
            return False
        rows = self.field.model._base_manager.using(self.using)
        return not rows.filter(**{self.field.attname: self.name}).exists()


def _remember_stored_file(field, name, using):
    stored = getattr(_current_request, "stored_files", None)
    if stored is None:  # Outside a request: nothing would look at it again.
        return
    record = _StoredFile(field, name, using)
    stored.append(record)
    # Outside a transaction on_commit would run at once, before the row is even written.
    if transaction.get_connection(using).in_atomic_block:
        transaction.on_commit(record.keep, using=using)


@receiver(request_started, dispatch_uid="core.images.remember_stored_files")
def _start_remembering_stored_files(**kwargs):
    _current_request.stored_files = []


@receiver(request_finished, dispatch_uid="core.images.remove_orphaned_files")
def _remove_files_of_saves_that_did_not_commit(**kwargs):
    stored = getattr(_current_request, "stored_files", None) or []
    _current_request.stored_files = None
    for record in stored:
        try:
            if record.is_orphan():
                record.field.storage.delete(record.name)
        except Exception:  # The response is already sent; the next record may still go.
            logger.exception(
                "Could not remove %s, stored by a save that did not commit", record.name
            )
