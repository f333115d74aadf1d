import pytest
from django.conf import settings
from django.utils import translation

from tests.factories import OrganisationFactory, ReleaseFactory

pytestmark = pytest.mark.django_db


def test_every_language_falls_back_to_the_arabic_source():
    chains = settings.MODELTRANSLATION_FALLBACK_LANGUAGES
    assert chains["en"][0] == chains["fa"][0] == chains["default"][0] == "ar"


def test_untranslated_release_fields_show_the_arabic_source():
    release = ReleaseFactory(title_ar="العنوان", title_en="The title", title_fa="")
    with translation.override("en"):
        assert release.title == "The title"
    with translation.override("fa"):
        assert release.title == "العنوان"


def test_fallback_is_per_field_not_per_object():
    release = ReleaseFactory(title_fa="عنوان فارسی", lede_ar="مقدمة", lede_fa="")
    with translation.override("fa"):
        assert release.title == "عنوان فارسی"
        assert release.lede == "مقدمة"


def test_persian_falls_back_through_its_configured_chain():
    organisation = OrganisationFactory(name_ar="", name_en="Global Center", name_fa="")
    with translation.override("fa"):
        assert organisation.name == "Global Center"
