import io
import os

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import ExifTags, Image, ImageCms, ImageFile

from core import images
from releases.models import Release
from tests.core.sample_images import image_bytes, png_claiming, truncated_jpeg


@pytest.fixture(autouse=True)
def english():
    # The site's default language is Arabic; the messages are asserted in their source language.
    with translation.override("en"):
        yield


def upload(content, name="photo.jpg"):
    # The browser's claim is deliberately always "image/jpeg": it must not matter.
    return SimpleUploadedFile(name, content, content_type="image/jpeg")


def refusal(uploaded_file):
    with pytest.raises(ValidationError) as excinfo:
        images.validate_image(uploaded_file)
    return excinfo.value.messages[0]


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP"])
def test_a_jpeg_png_or_webp_image_is_accepted_and_left_ready_to_read(image_format):
    uploaded = upload(image_bytes(image_format))
    images.validate_image(uploaded)
    assert uploaded.tell() == 0


def test_a_pdf_renamed_jpg_is_refused_as_not_an_image():
    pdf = upload(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n", name="photo.jpg")
    assert refusal(pdf) == "This file is not a JPEG, PNG or WebP image."


def test_a_gif_is_refused_naming_its_format():
    assert "GIF" in refusal(upload(image_bytes("GIF"), name="photo.jpg"))


def test_a_file_over_the_size_limit_is_refused_giving_the_limit_in_mb(monkeypatch):
    monkeypatch.setattr(images, "MAX_UPLOAD_BYTES", 2**20)
    assert "1 MB" in refusal(upload(b"\xff" * (2**20 + 1)))


def test_the_size_limit_counts_the_bytes_received_before_any_is_read(monkeypatch):
    monkeypatch.setattr(images, "MAX_UPLOAD_BYTES", 2**20)
    monkeypatch.setattr(Image, "open", opening_is_forbidden)
    # A small picture with padding after it: its re-encoding would be far under the limit.
    padded = image_bytes() + b"\0" * 2**20
    assert "1 MB" in refusal(upload(padded))


def opening_is_forbidden(*args, **kwargs):
    raise AssertionError("The file was read as an image.")


def test_a_file_shorter_than_any_signature_is_refused_as_not_an_image():
    assert refusal(upload(b"B")) == "This file is not a JPEG, PNG or WebP image."


def test_a_file_that_starts_like_a_png_but_has_a_broken_header_is_refused_as_damaged():
    broken = b"\x89PNG\r\n\x1a\n" + b"\0\0\0\x0dIHDR" + os.urandom(64)
    assert "damaged or incomplete" in refusal(upload(broken, name="logo.png"))


def test_a_multi_picture_jpeg_from_a_camera_is_accepted_and_kept_as_one_jpeg():
    buffer = io.BytesIO()
    main, second = Image.new("RGB", (800, 600), "navy"), Image.new("RGB", (800, 600), "red")
    main.save(buffer, "MPO", save_all=True, append_images=[second])
    with Image.open(io.BytesIO(buffer.getvalue())) as original:
        assert (original.format, original.n_frames) == ("MPO", 2)

    cleaned = images.clean_image(upload(buffer.getvalue()))

    with Image.open(cleaned) as result:
        assert (result.format, getattr(result, "n_frames", 1)) == ("JPEG", 1)
        assert result.getpixel((400, 300))[2] > 100  # The main picture, not the second.
    assert cleaned.name == "photo.jpg"


def test_an_upload_through_the_form_field_is_decoded_once(monkeypatch):
    decoded = []
    load = ImageFile.ImageFile.load

    def counting_load(image):
        if image.tile:  # Pixels still to decode: a real decode, not a no-op on a loaded image.
            decoded.append(image.size)
        return load(image)

    monkeypatch.setattr(ImageFile.ImageFile, "load", counting_load)
    cleaned = images.UploadedImageField().clean(upload(image_bytes()))
    assert cleaned.name == "photo.jpg"
    assert decoded == [(800, 600)]


@pytest.mark.parametrize(
    ("width", "height"),
    [
        (8_000, 6_000),  # Over our limit, under Pillow's.
        (10_000, 10_000),  # Over Pillow's limit: it warns.
        (50_000, 50_000),  # Over twice Pillow's limit: it raises.
    ],
)
@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_a_decompression_bomb_is_refused_before_its_pixels_are_decoded(width, height, monkeypatch):
    monkeypatch.setattr(ImageFile.ImageFile, "load", decoding_is_forbidden)
    message = refusal(upload(png_claiming(width, height), name="bomb.png"))
    assert "too many pixels" in message
    assert f"{images.MAX_PIXELS['PNG'] / 1_000_000:g} megapixels" in message


def decoding_is_forbidden(image):
    raise AssertionError("The pixels were decoded.")


def test_each_format_has_the_pixel_limit_its_decoder_can_afford():
    size = (3_000, 3_000)  # 9 megapixels: within the JPEG limit, over the WebP one.
    images.validate_image(upload(image_bytes("JPEG", size=size)))
    message = refusal(upload(image_bytes("WEBP", size=size), name="photo.webp"))
    assert f"{images.MAX_PIXELS['WEBP'] / 1_000_000:g} megapixels" in message


def test_a_truncated_jpeg_is_refused_as_damaged():
    assert "damaged or incomplete" in refusal(upload(truncated_jpeg()))


def test_an_image_under_the_minimum_side_is_refused_as_too_small():
    message = refusal(upload(image_bytes(size=(100, 100))))
    assert message == (
        "This image is 100 × 100 pixels; a hero image needs at least 200 pixels on each side."
    )


def test_cleaning_removes_location_and_all_metadata_and_stands_the_picture_upright():
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6  # Stored landscape, shown rotated 90° clockwise.
    exif[ExifTags.Base.Make] = "Camera"
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (40.0, 44.0, 54.36),
        ExifTags.GPS.GPSLongitudeRef: "W",
        ExifTags.GPS.GPSLongitude: (73.0, 59.0, 8.5),
    }
    picture = Image.new("RGB", (800, 600), "blue")
    picture.paste("red", (0, 0, 100, 100))  # Marks the stored top-left corner.
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", exif=exif, comment=b"shot from home", xmp=b"<x:xmpmeta/>")
    with Image.open(io.BytesIO(buffer.getvalue())) as original:
        assert original.getexif().get_ifd(ExifTags.IFD.GPSInfo)  # The test image does leak.

    cleaned = images.clean_image(upload(buffer.getvalue()))

    data = cleaned.read()
    with Image.open(io.BytesIO(data)) as result:
        assert dict(result.getexif()) == {}
        assert not {"exif", "xmp", "comment"} & result.info.keys()
        assert result.size == (600, 800)
        red, _green, blue = result.getpixel((result.width - 10, 10))
        assert red > 200 and blue < 60
    assert b"Exif" not in data
    assert b"shot from home" not in data


def test_cleaning_removes_png_text_chunks():
    from PIL.PngImagePlugin import PngInfo

    text = PngInfo()
    text.add_text("Comment", "shot from home")
    text.add_text("XML:com.adobe.xmp", "<x:xmpmeta/>")
    cleaned = images.clean_image(upload(image_bytes("PNG", pnginfo=text), name="logo.png"))
    assert b"shot from home" not in cleaned.read()


def test_cleaning_keeps_an_rgb_colour_profile():
    srgb = srgb_profile()
    cleaned = images.clean_image(upload(image_bytes(icc_profile=srgb)))
    with Image.open(cleaned) as result:
        assert result.info["icc_profile"] == srgb


def srgb_profile():
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


@pytest.mark.parametrize(
    "icc_profile",
    [
        srgb_profile()[:16] + b"CMYK" + srgb_profile()[20:],  # Claims CMYK, cannot convert.
        b"not a profile" * 20,
    ],
    ids=["inconsistent", "garbage"],
)
def test_a_broken_colour_profile_is_dropped_without_failing(icc_profile):
    content = image_bytes(mode="CMYK", colour=(0, 0, 0, 0), icc_profile=icc_profile)
    cleaned = images.clean_image(upload(content))
    with Image.open(cleaned) as result:
        assert result.mode == "RGB"
        assert "icc_profile" not in result.info


@pytest.mark.parametrize(
    ("image_format", "mode", "expected_mode"),
    [
        ("JPEG", "CMYK", "RGB"),
        ("PNG", "P", "RGB"),
        ("PNG", "LA", "RGBA"),
        ("WEBP", "RGBA", "RGBA"),
    ],
)
def test_cleaning_converts_to_rgb_keeping_alpha_where_the_format_has_it(
    image_format, mode, expected_mode
):
    # Half transparent where the mode has alpha: encoders may drop an alpha that is all opaque.
    colour = "#3366aa80" if "A" in mode else "#3366aa"
    cleaned = images.clean_image(upload(image_bytes(image_format, mode=mode, colour=colour)))
    with Image.open(cleaned) as result:
        assert (result.format, result.mode) == (image_format, expected_mode)


@pytest.mark.parametrize(
    ("name", "image_format", "expected"),
    [
        ("Photo of the Minister.JPG", "JPEG", "photo-of-the-minister.jpg"),
        ("Réunion à Genève.png", "PNG", "reunion-a-geneve.png"),
        ("صورة الوزير.jpg", "JPEG", "image.jpg"),
        ("disguised.webp", "JPEG", "disguised.jpg"),
        ("no-extension", "WEBP", "no-extension.webp"),
    ],
)
def test_the_cleaned_name_is_ascii_with_the_real_formats_extension(name, image_format, expected):
    cleaned = images.clean_image(upload(image_bytes(image_format), name=name))
    assert cleaned.name == expected


def stored_image(size):
    release = Release()
    release.hero_image.save(
        "photo.jpg", images.clean_image(upload(image_bytes(size=size))), save=False
    )
    return release.hero_image


def test_renditions_are_webp_files_of_the_documented_sizes():
    hero = stored_image((1600, 1200))
    assert images.rendition_url(hero, "list") is None

    made = images.make_renditions(hero)

    assert {rendition: (r["width"], r["height"]) for rendition, r in made.items()} == {
        "list": (360, 270),
        "detail": (900, 675),
        "social": (1200, 630),
    }
    for rendition, made_rendition in made.items():
        assert made_rendition["name"] == images.rendition_name(hero.name, rendition)
        with default_storage.open(made_rendition["name"]) as file, Image.open(file) as result:
            assert result.format == "WEBP"
            assert result.size == (made_rendition["width"], made_rendition["height"])
    assert images.rendition_url(hero, "social") == default_storage.url(made["social"]["name"])


def test_renditions_are_never_enlarged_except_the_social_crop():
    made = images.make_renditions(stored_image((400, 300)))
    assert (made["list"]["width"], made["list"]["height"]) == (360, 270)
    assert (made["detail"]["width"], made["detail"]["height"]) == (400, 300)
    assert (made["social"]["width"], made["social"]["height"]) == (1200, 630)


def test_making_renditions_again_replaces_them_instead_of_adding_copies():
    hero = stored_image((1600, 1200))
    first = images.make_renditions(hero)
    second = images.make_renditions(hero)

    assert second == first
    folder = os.path.dirname(first["list"]["name"])
    _folders, files = default_storage.listdir(folder)
    assert sorted(files) == sorted(os.path.basename(r["name"]) for r in first.values())


def test_renditions_of_a_large_jpeg_are_decoded_at_a_fraction_of_its_size(monkeypatch):
    hero = stored_image((4800, 3600))
    decoded = []
    load = ImageFile.ImageFile.load

    def recording_load(image):
        if image.tile:
            decoded.append(image.size)
        return load(image)

    monkeypatch.setattr(ImageFile.ImageFile, "load", recording_load)
    made = images.make_renditions(hero)
    # Half its size is still twice the largest rendition, as Image.thumbnail would decode it.
    assert decoded == [(2400, 1800)]
    assert (made["detail"]["width"], made["detail"]["height"]) == (900, 675)
