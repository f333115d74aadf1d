"""Peak memory of one worker while an editor uploads the largest images the checks allow.

    DJANGO_SETTINGS_MODULE=tests.settings .venv/bin/python -m benchmark.upload_memory

Each upload is served by a fresh child process, as a worker would serve it: Django set up, an
editor logged in and the release's change form opened, then the image posted through the admin,
checked, re-encoded, stored and given its renditions after the commit. The child reports its
own peak resident memory (the whole process's, Django included). The database is a throwaway
SQLite file and the media a temporary folder, so nothing but this machine is needed.

Django's test client keeps the encoded request in memory, which a real server streams to disk:
the figures overstate a worker's peak by up to a few times the file's size.

Exits non-zero if any upload takes a worker to LIMIT_MB or more, or is not answered as it should
be (the largest images stored with their renditions, the bomb refused as too many pixels).
"""

import argparse
import html
import json
import math
import os
import re
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import django
from django.apps import apps
from django.core.management import call_command
from django.test import Client
from django.test.utils import setup_test_environment
from PIL import ExifTags, Image

from core.images import MAX_PIXELS, MAX_UPLOAD_BYTES, RENDITIONS, rendition_name

LIMIT_MB = 300
EDITOR = "upload-memory-editor"
ERROR = re.compile(r'<ul class="errorlist[^"]*"[^>]*><li>(.*?)</li>', re.S)


@dataclass
class Upload:
    label: str
    file_name: str
    make: Callable[[], bytes]
    stored: bool  # Whether the checks should let it through.


def largest_photo(image_format, mode="RGB", grain=24):
    """An image of the most pixels the checks allow in `image_format`, 3:2, its EXIF saying the
    camera was turned (so it must be stood upright), at the best quality that keeps it within
    the byte limit. `grain` is noise, as a photograph has; a PNG that large fits only without."""
    width = math.isqrt(MAX_PIXELS[image_format] * 3 // 2)
    height = MAX_PIXELS[image_format] // width
    size = (width, height)
    channels = [Image.linear_gradient("L").resize(size), Image.radial_gradient("L").resize(size)]
    third = (
        Image.effect_noise(size, grain)
        if grain
        else channels[0].transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    )
    picture = Image.merge("RGB", [*channels, third]).convert(mode)
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    for quality in (92, 85, 75, 60, 40, 25, 10):
        buffer = BytesIO()
        picture.save(buffer, image_format, quality=quality, exif=exif)
        if buffer.tell() <= MAX_UPLOAD_BYTES:
            return buffer.getvalue()
    raise RuntimeError(f"No {image_format} of {size} fits in {MAX_UPLOAD_BYTES} bytes.")


def png_claiming(width, height):
    """A tiny PNG whose header claims width × height pixels: a decompression bomb."""
    buffer = BytesIO()
    Image.new("RGB", (1, 1)).save(buffer, "PNG")
    png = buffer.getvalue()
    ihdr = struct.pack(">II", width, height) + png[24:29]
    chunk = struct.pack(">I", 13) + b"IHDR" + ihdr + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
    return png[:8] + chunk + png[33:]


UPLOADS = [
    Upload("largest JPEG", "largest.jpg", lambda: largest_photo("JPEG"), stored=True),
    Upload("largest JPEG, CMYK", "largest-cmyk.jpg", lambda: largest_photo("JPEG", "CMYK"), True),
    Upload("largest PNG, RGBA", "largest.png", lambda: largest_photo("PNG", "RGBA", grain=0), True),
    Upload("largest WebP, RGBA", "largest.webp", lambda: largest_photo("WEBP", "RGBA"), True),
    Upload("12000 x 12000 PNG bomb", "bomb.png", lambda: png_claiming(12_000, 12_000), False),
]


def main():
    with tempfile.TemporaryDirectory(prefix="upload-memory-") as folder:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "tests.settings"),
            "DATABASE_URL": f"sqlite:///{folder}/uploads.sqlite3",
            "MEDIA_ROOT": f"{folder}/media",
        }
        release_pk = child(["--prepare"], env)["release"]
        failures = 0
        print(f"{'upload':<24} {'file':>9} {'before':>8} {'peak':>8} {'seconds':>8}  outcome")
        for upload in UPLOADS:
            path = Path(folder) / upload.file_name
            path.write_bytes(upload.make())
            result = child(["--upload", str(path), "--release", str(release_pk)], env)
            ok = result["peak_mb"] < LIMIT_MB and result["stored"] == upload.stored
            failures += not ok
            print(
                f"{upload.label:<24} {path.stat().st_size / 2**20:>7.1f}MB "
                f"{result['before_mb']:>6.0f}MB {result['peak_mb']:>6.0f}MB "
                f"{result['seconds']:>8.1f}  {result['outcome']}{'' if ok else '  ✗'}"
            )
    print(f"Limit: {LIMIT_MB} MB per worker; {failures or 'no'} upload(s) over it or mishandled.")
    return 1 if failures else 0


def child(arguments, env):
    """Run this module in a fresh process and return the JSON it prints last."""
    command = [sys.executable, "-m", "benchmark.upload_memory", *arguments]
    finished = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if finished.returncode:
        sys.exit(f"{' '.join(arguments)} failed:\n{finished.stderr}")
    return json.loads(finished.stdout.strip().splitlines()[-1])


def prepare():
    """The throwaway database: migrated, with an editor (a superuser, so that no role needs
    setting up) and a release to upload to."""
    django.setup()
    call_command("migrate", verbosity=0)
    user_model = apps.get_model("auth", "User")
    user_model.objects.create_superuser(EDITOR, password="not used: logged in directly")
    release = apps.get_model("newsroom", "Release").objects.create(
        title_ar="بيان", slug_ar="بيان", lede_ar="فقرة.", body_ar="<p>نص.</p>", status="draft"
    )
    return {"release": release.pk}


def upload_as_a_worker(path, release_pk):
    """Serve one upload and report the process's memory before it and at its peak."""
    django.setup()
    # The test suite's way of posting a change form as a browser would; it reads the page's
    # template context, which the test environment keeps.
    from tests.admin_forms import change_form_data

    setup_test_environment()
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(apps.get_model("auth", "User").objects.get(username=EDITOR))
    url = f"/admin/newsroom/release/{release_pk}/change/"
    form = change_form_data(client.get(url))
    before = peak_mb()

    started = time.perf_counter()
    with open(path, "rb") as file:
        response = client.post(url, form | {"hero_image": file})
    seconds = time.perf_counter() - started

    hero = apps.get_model("newsroom", "Release").objects.get(pk=release_pk).hero_image
    if response.status_code == 302 and hero:
        made = sum(hero.storage.exists(rendition_name(hero.name, r)) for r in RENDITIONS)
        stored, outcome = made == len(RENDITIONS), f"stored, {made} renditions"
    else:
        error = ERROR.search(response.content.decode())
        stored, outcome = False, html.unescape(error.group(1)) if error else "no error shown"
    return {
        "before_mb": before,
        "peak_mb": peak_mb(),
        "seconds": seconds,
        "stored": stored,
        "outcome": outcome,
    }


def peak_mb():
    """This process's peak resident memory. Not getrusage's ru_maxrss: after fork and exec it
    starts from the parent's, which has just made the large images."""
    status = Path("/proc/self/status").read_text()
    return int(re.search(r"^VmHWM:\s+(\d+) kB", status, re.M).group(1)) / 1024


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--prepare", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--upload", help=argparse.SUPPRESS)
    parser.add_argument("--release", type=int, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.prepare:
        print(json.dumps(prepare()))
    elif arguments.upload:
        print(json.dumps(upload_as_a_worker(arguments.upload, arguments.release)))
    else:
        sys.exit(main())
