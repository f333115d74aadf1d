from urllib.parse import unquote

import pytest
from django.utils import translation

from core.slugs import slugify
from releases.slugs import SLUG_MAX_LENGTH
from tests.factories import ReleaseFactory, approve

DOHA_FA = (
    "نخستین مجمع سالانه بهره‌مندان از کمک‌های فنی در زمینه مبارزه با تروریسم "
    "در دوحه به کار خود پایان داد"
)


def persian_release(title):
    return approve(
        ReleaseFactory(source_language="fa", title_ar="", slug_ar="", title_fa=title), "fa"
    )


def address(release, language):
    with translation.override(language):
        return release.get_absolute_url()


@pytest.mark.django_db
def test_a_persian_title_keeps_its_non_joined_words_apart_in_its_address(client):
    release = persian_release("کارگاه‌های آموزشی برای بهره‌مندان")

    path = address(release, "fa")

    # The non-joiner becomes a hyphen: بهره-مندان, not the misspelt بهرهمندان.
    assert unquote(path) == "/fa/news/کارگاه-های-آموزشی-برای-بهره-مندان/"
    assert client.get(path).status_code == 200


@pytest.mark.django_db
def test_a_long_persian_title_is_cut_after_a_whole_word_not_inside_one(client):
    release = persian_release(DOHA_FA)

    slug = release.slug_fa

    assert slug == "نخستین-مجمع-سالانه-بهره-مندان-از-کمک-های-فنی-در-زمینه-مبارزه-با-تروریسم-در-دوحه"
    assert len(slug) <= SLUG_MAX_LENGTH
    assert client.get(address(release, "fa")).status_code == 200


@pytest.mark.django_db
def test_a_long_english_title_is_cut_after_a_whole_word():
    title = (
        "UN Counter-Terrorism Centre launches virtual roundtable of counter-terrorism and PCVE "
        "entities and centres of excellence, 8 to 10 December 2020"
    )
    release = ReleaseFactory(source_language="en", title_ar="", slug_ar="", title_en=title)

    assert release.slug_en == (
        "un-counter-terrorism-centre-launches-virtual-roundtable-of-counter-terrorism-and"
    )


def test_the_cut_falls_between_words_not_inside_a_non_joined_word():
    # A cut at the last hyphen within 12 characters would leave "کارگاه" without its "های".
    assert slugify("دوره کارگاه‌های آموزشی", max_length=12) == "دوره"
    assert slugify("دوره کارگاه‌های آموزشی", max_length=15) == "دوره-کارگاه-های"


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Forum concludes in Doha", "forum-concludes-in-doha"),
        ("اختتام المنتدى السنوي الأول في الدوحة.", "اختتام-المنتدى-السنوي-الأول-في-الدوحة"),
        # Diacritics and tatweel are not spelling: the address reads as the word does.
        ("حلولاً مشتركـــة", "حلولا-مشتركة"),
        ("ما می\u200cخواهیم", "ما-می-خواهیم"),
        ("Roundtable, 8–10 December 2020", "roundtable-8-10-december-2020"),
        ("Advocacy event – Republic of Tajikistan", "advocacy-event-republic-of-tajikistan"),
        ("25 شباط/فبراير 2021", "25-شباط-فبراير-2021"),
        ("U.N. and Qatar's pledge", "un-and-qatars-pledge"),
        ("از ۸ تا ۱۰ دسامبر", "از-۸-تا-۱۰-دسامبر"),
        ("…", ""),
    ],
)
def test_a_slug_reads_as_its_title_in_each_language(title, slug):
    assert slugify(title) == slug


def test_a_single_word_longer_than_the_slug_is_cut_at_its_length():
    assert slugify("a" * 100, max_length=80) == "a" * 80


@pytest.mark.django_db
def test_a_title_with_nothing_an_address_can_hold_still_gets_one():
    release = ReleaseFactory(source_language="en", title_ar="", slug_ar="", title_en="…")

    assert release.slug_en == "release"
