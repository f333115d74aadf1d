from datetime import date

import pytest
from django.db import IntegrityError, transaction
from django.utils import translation

from people.models import Position
from tests.factories import OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_honorific_is_kept_apart_from_the_name():
    person = PersonFactory(honorific="maj_gen", name_en="Abdulaziz Abdullah Al-Ansari")
    with translation.override("en"):
        assert person.name == "Abdulaziz Abdullah Al-Ansari"
        assert person.name_with_honorific == "Maj. Gen. Abdulaziz Abdullah Al-Ansari"


def test_unknown_latin_spelling_falls_back_to_the_arabic_name():
    person = PersonFactory(name_ar="أوغولجيرين نيازبردييفا", name_en="")
    with translation.override("en"):
        assert person.name == "أوغولجيرين نيازبردييفا"


def test_positions_run_newest_first_and_cannot_end_before_they_start():
    person = PersonFactory()
    unoct = OrganisationFactory()
    old = Position.objects.create(
        person=person, title_ar="قديم", organisation=unoct, started_on=date(2010, 1, 1),
        ended_on=date(2017, 1, 1),
    )  # fmt: skip
    current = Position.objects.create(
        person=person, title_ar="حالي", organisation=unoct, started_on=date(2017, 6, 21)
    )
    assert list(person.positions.all()) == [current, old]

    with pytest.raises(IntegrityError), transaction.atomic():
        Position.objects.create(
            person=person, title_ar="خطأ", started_on=date(2020, 1, 1), ended_on=date(2019, 1, 1)
        )
