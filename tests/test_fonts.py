"""The web font as the site serves it: Vazirmatn for Arabic script and for Latin, each script in
its own file chosen by unicode-range, so a page downloads only the scripts it shows."""

import itertools
import posixpath
import re
import struct
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db

STYLESHEET = "css/site.css"
LATIN = "AZaz09.,;:!?()&@%$€"
ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
PERSIAN = "پچژگکی"  # the letters Persian adds, and its own kaf and yeh
ARABIC_SCRIPT_SIGNS = "،؛؟٠٩۰۹\u200c"  # comma, semicolon, question mark, both digit sets, ZWNJ


def faces():
    """[(file inside static/, [(first, last) code points])] for each @font-face of the site."""
    css = Path(finders.find(STYLESHEET)).read_text(encoding="utf-8")
    found = []
    for rule in re.findall(r"@font-face\s*{([^}]*)}", css):
        assert 'font-family: "Vazirmatn"' in rule
        url = re.search(r'url\("([^"]+)"\)\s*format\("woff2"\)', rule).group(1)
        ranges = re.search(r"unicode-range:\s*([^;]+);", rule).group(1)
        path = posixpath.normpath(posixpath.join(posixpath.dirname(STYLESHEET), url))
        found.append((path, [code_points(each) for each in ranges.split(",")]))
    return found


def code_points(unicode_range):
    """U+0600-06FF -> (0x600, 0x6FF); U+0131 -> (0x131, 0x131)."""
    first, _, last = unicode_range.strip().removeprefix("U+").partition("-")
    return int(first, 16), int(last or first, 16)


def face_for(character):
    covering = [
        path for path, ranges in faces() if any(a <= ord(character) <= b for a, b in ranges)
    ]
    assert len(covering) == 1, f"U+{ord(character):04X} is in {len(covering)} faces"
    return covering[0]


def test_every_latin_and_arabic_script_character_has_a_vazirmatn_face():
    for character in LATIN + ARABIC + PERSIAN + ARABIC_SCRIPT_SIGNS:
        assert face_for(character)


def test_latin_and_arabic_script_are_in_separate_files_so_english_skips_the_arabic_one():
    latin = {face_for(character) for character in LATIN}
    arabic = {face_for(character) for character in ARABIC + PERSIAN + ARABIC_SCRIPT_SIGNS}

    assert latin == {"fonts/vazirmatn-latin-variable.woff2"}
    assert arabic == {"fonts/vazirmatn-nl-variable.woff2"}


def test_no_two_faces_claim_the_same_character():
    claimed = sorted((first, last, path) for path, ranges in faces() for first, last in ranges)
    for (_first, last, path), (first, _last, other) in itertools.pairwise(claimed):
        assert last < first, f"{path} and {other} overlap at U+{first:04X}"


@pytest.mark.parametrize("path", sorted({path for path, _ranges in faces()}))
def test_each_font_file_exists_is_woff2_and_has_its_licence_beside_it(path):
    found = finders.find(path)
    assert found, f"{path} is not in the static files"
    data = Path(found).read_bytes()
    # The WOFF2 header: signature, flavour, length, number of tables, a reserved zero.
    signature, flavour, length, tables, reserved = struct.unpack(">4s4sLHH", data[:16])
    assert signature == b"wOF2"
    assert flavour in (b"\x00\x01\x00\x00", b"OTTO")  # TrueType or CFF outlines
    assert length == len(data)
    assert tables > 0 and reserved == 0
    assert finders.find(posixpath.join(posixpath.dirname(path), "Vazirmatn-OFL.txt"))


@pytest.mark.parametrize(
    ("language", "preloaded"),
    [
        ("ar", "fonts/vazirmatn-nl-variable.woff2"),
        ("fa", "fonts/vazirmatn-nl-variable.woff2"),
        ("en", "fonts/vazirmatn-latin-variable.woff2"),
    ],
)
def test_a_page_preloads_only_the_face_of_its_own_script(client, language, preloaded):
    html = client.get(f"/{language}/news/").content.decode()

    assert re.findall(r'<link rel="preload" href="/static/([^"]+)" as="font"', html) == [preloaded]
