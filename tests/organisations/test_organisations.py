from datetime import date

import pytest
from django.db import IntegrityError, transaction
from django.utils import translation

from organisations.models import Organisation
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_an_organisation_includes_its_units_at_any_depth():
    un = OrganisationFactory()
    unoct = OrganisationFactory(parent=un)
    uncct = OrganisationFactory(parent=unoct)
    unrelated = OrganisationFactory()

    assert set(Organisation.objects.with_units(unoct)) == {unoct, uncct}
    assert set(Organisation.objects.with_units(un)) == {un, unoct, uncct}
    assert unrelated not in Organisation.objects.with_units(un)


def test_an_organisation_cannot_be_its_own_parent():
    organisation = OrganisationFactory()
    organisation.parent = organisation
    with pytest.raises(IntegrityError), transaction.atomic():
        organisation.save()


def test_establishment_date_needs_its_precision():
    with pytest.raises(IntegrityError), transaction.atomic():
        OrganisationFactory(established_on=date(2017, 6, 1))


def test_month_precision_shows_only_month_and_year(client):
    unoct = OrganisationFactory(established_on=date(2017, 6, 1), established_precision="month")

    page = client.get(f"/en/organisations/{unoct.slug}/").content.decode()
    assert "June\u00a02017" in page
    assert "1\u00a0June" not in page


def test_acronyms_differ_by_language():
    interpol = OrganisationFactory(acronym_ar="الإنتربول", acronym_en="INTERPOL")
    with translation.override("ar"):
        assert interpol.short_name == "الإنتربول"
    with translation.override("en"):
        assert interpol.short_name == "INTERPOL"
