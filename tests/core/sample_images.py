"""Image files made for tests: sound ones in each format, and the hostile ones uploads meet."""

import io
import os
import struct
import zlib

from PIL import ExifTags, Image


def image_bytes(image_format="JPEG", size=(800, 600), mode="RGB", colour="#3366aa", **options):
    buffer = io.BytesIO()
    Image.new(mode, size, colour).save(buffer, image_format, **options)
    return buffer.getvalue()


def png_claiming(width, height):
    """A tiny PNG whose header claims width × height pixels."""
    png = image_bytes("PNG", size=(1, 1))
    ihdr = struct.pack(">II", width, height) + png[24:29]
    chunk = struct.pack(">I", 13) + b"IHDR" + ihdr + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
    return png[:8] + chunk + png[33:]


def truncated_jpeg():
    """The first half of a JPEG of noise: the cut falls inside its compressed pixels."""
    noise = Image.frombytes("RGB", (400, 300), os.urandom(400 * 300 * 3))
    buffer = io.BytesIO()
    noise.save(buffer, "JPEG")
    return buffer.getvalue()[: len(buffer.getvalue()) // 2]


def jpeg_with_location():
    """A photo that says where it was taken and with what camera."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Camera maker"
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (25.0, 17.0, 10.0),
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: (51.0, 32.0, 1.0),
    }
    return image_bytes(exif=exif)
