"""Turning an uploaded image into a safe stored image and its renditions.

Uploaded images are untrusted: the file name and the browser's content type can lie, and a
small file can claim billions of pixels to exhaust the server's memory. Photographs also carry
metadata (EXIF GPS coordinates, camera serial numbers, XMP, comments) that can reveal where a
photographer or a source was; none of it may reach the public site, so images are re-encoded
from their pixels alone.
"""

import contextlib
import io
import warnings
from pathlib import PurePosixPath

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageCms, ImageOps

ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP"}
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
MIN_SIDE = 200
# Target (width, height). "list" and "detail" fit within the box; "social" is cropped to it.
RENDITIONS = {"list": (480, 270), "detail": (1200, 675), "social": (1200, 630)}

EXTENSIONS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}
SAVE_OPTIONS = {
    "JPEG": {"quality": 88, "progressive": True, "optimize": True},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 85},
}
RESAMPLE = Image.Resampling.LANCZOS


def validate_image(uploaded_file):
    """Refuse anything that is not a sound JPEG, PNG or WebP image of a usable size."""
    if uploaded_file.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("This file is too large: the limit is %(limit)s MB."),
            code="file_too_large",
            params={"limit": f"{MAX_UPLOAD_BYTES / 2**20:g}"},
        )
    try:
        with warnings.catch_warnings():
            # Pillow only warns between its limit and twice its limit; refuse those too.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            _check_image(uploaded_file)
    finally:
        uploaded_file.seek(0)


def _check_image(file):
    too_many_pixels = ValidationError(
        _("This image has too many pixels to process safely: the limit is %(limit)s megapixels."),
        code="too_many_pixels",
        params={"limit": f"{MAX_PIXELS / 1_000_000:g}"},
    )
    file.seek(0)
    try:
        # Image.open reads only the header, so the size is known before any pixel is decoded.
        with Image.open(file) as image:
            image_format, (width, height) = image.format, image.size
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise too_many_pixels from None
    except Image.UnidentifiedImageError:
        raise ValidationError(
            _("This file is not a JPEG, PNG or WebP image."), code="not_an_image"
        ) from None

    if image_format not in ACCEPTED_FORMATS:
        raise ValidationError(
            _("This is a %(format)s image; upload a JPEG, PNG or WebP image instead."),
            code="unsupported_format",
            params={"format": image_format},
        )
    if width * height > MAX_PIXELS:
        raise too_many_pixels
    if width < MIN_SIDE or height < MIN_SIDE:
        raise ValidationError(
            _(
                "This image is %(width)s × %(height)s pixels; a hero image needs at least "
                "%(min)s pixels on each side."
            ),
            code="too_small",
            params={"width": width, "height": height, "min": MIN_SIDE},
        )

    try:
        # verify() checks the structure but leaves the image unusable, so decode a fresh one.
        file.seek(0)
        with Image.open(file, formats=[image_format]) as image:
            image.verify()
        file.seek(0)
        with Image.open(file, formats=[image_format]) as image:
            image.load()
    except Exception:  # Damaged files make Pillow raise many kinds of errors.
        raise ValidationError(
            _("This image file is damaged or incomplete; try exporting it again."),
            code="corrupt",
        ) from None


def clean_image(uploaded_file):
    """Re-encode a validated image from its pixels, upright and without metadata.

    Returns a ContentFile named after the original (ASCII slug) with the real format's extension.
    """
    uploaded_file.seek(0)
    with Image.open(uploaded_file, formats=list(ACCEPTED_FORMATS)) as original:
        image_format = original.format
        image, icc_profile = _pixels_only(original, keep_alpha=image_format != "JPEG")
    uploaded_file.seek(0)

    buffer = io.BytesIO()
    options = SAVE_OPTIONS[image_format]
    if icc_profile:
        options = {**options, "icc_profile": icc_profile}
    image.save(buffer, image_format, **options)

    stem = slugify(PurePosixPath(uploaded_file.name or "").stem) or "image"
    return ContentFile(buffer.getvalue(), name=stem + EXTENSIONS[image_format])


def _pixels_only(image, *, keep_alpha):
    """An upright RGB(A) copy of `image` carrying no metadata, and the ICC profile worth keeping."""
    icc_profile = image.info.get("icc_profile")
    profile = _readable_profile(icc_profile)
    colour_space = profile.profile.xcolor_space if profile else None
    image = ImageOps.exif_transpose(image)
    alpha = keep_alpha and image.has_transparency_data
    if image.mode == "CMYK" and colour_space == "CMYK":
        # Print-ready CMYK looks wrong when converted naively; let its profile do it.
        with contextlib.suppress(ImageCms.PyCMSError):
            image = ImageCms.profileToProfile(
                image, profile, ImageCms.createProfile("sRGB"), outputMode="RGB"
            )
    image = image.convert("RGBA" if alpha else "RGB")
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


def make_renditions(field_file):
    """Write the WebP renditions of a stored image, replacing earlier ones.

    Returns {rendition: {"name": storage name, "width": w, "height": h}}.
    """
    storage = field_file.storage
    with (
        storage.open(field_file.name, "rb") as file,
        Image.open(file, formats=list(ACCEPTED_FORMATS)) as original,
    ):
        image, icc_profile = _pixels_only(original, keep_alpha=True)

    made = {}
    for rendition, size in RENDITIONS.items():
        if rendition == "social":
            resized = ImageOps.fit(image, size, RESAMPLE)
        else:
            resized = image.copy()
            resized.thumbnail(size, RESAMPLE)  # Never enlarges.
        buffer = io.BytesIO()
        resized.save(buffer, "WEBP", **SAVE_OPTIONS["WEBP"], icc_profile=icc_profile)

        name = rendition_name(field_file.name, rendition)
        # Without this, the storage would keep the old file and save the new one as name_abc123.
        if storage.exists(name):
            storage.delete(name)
        name = storage.save(name, ContentFile(buffer.getvalue()))
        made[rendition] = {"name": name, "width": resized.width, "height": resized.height}
    return made


class UploadedImageField(forms.ImageField):
    """The form field of every public image: an upload is checked, then re-encoded from its
    pixels without metadata, before the model sees it."""

    def to_python(self, data):
        if data in self.empty_values:
            return None
        validate_image(data)
        super().to_python(data)
        return clean_image(data)


class PublicImageField(models.ImageField):
    """An image the public site shows (a hero image, a photo, a logo): uploaded only through
    UploadedImageField, with its checks."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": UploadedImageField, **kwargs})
