import pytest

from core.approved_text import approve
from people.models import Position
from tests.factories import OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def approved_person(**names):
    person = PersonFactory(**names)
    approve(person)
    person.save()
    return person


@pytest.fixture
def people():
    unoct = OrganisationFactory(slug="unoct")
    uncct = OrganisationFactory(slug="uncct", parent=unoct)
    voronkov = approved_person(
        slug="voronkov",
        name_ar="فلاديمير فورونكوف",
        name_en="Vladimir Voronkov",
        name_fa="ولادیمیر ورونکوف",
    )
    khan = approved_person(slug="khan", name_ar="جهانغير خان", name_en="Jehangir Khan")
    Position.objects.create(person=voronkov, organisation=unoct, title="Under-Secretary-General")
    Position.objects.create(person=khan, organisation=uncct, title="Director")
    approved_person(slug="al-muraikhi", name_ar="أحمد المريخي", name_en="Ahmad Al-Muraikhi")
    return {"voronkov": voronkov, "khan": khan}


def listed(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return [person.slug for person in response.context["page"]]


@pytest.mark.parametrize("language", ["ar", "en", "fa"])
def test_every_person_is_listed_in_every_language(client, people, language):
    assert listed(client, f"/{language}/people/") == ["al-muraikhi", "khan", "voronkov"]


@pytest.mark.parametrize("name", ["Voronkov", "voronkov", "فورونكوف", "ورونکوف", "vladimir VOR"])
def test_a_person_is_found_by_their_name_in_any_script(client, people, name):
    assert listed(client, f"/en/people/?q={name}") == ["voronkov"]


def test_a_spelling_awaiting_approval_finds_no_one(client, people):
    khan = people["khan"]
    khan.name_fa = "جهانگیر خان"  # a translator's, not yet approved
    khan.save()

    assert listed(client, "/fa/people/?q=جهانگیر") == []


def test_an_organisation_lists_its_people_and_its_units_people(client, people):
    assert listed(client, "/en/people/?organisation=unoct") == ["khan", "voronkov"]
    assert listed(client, "/en/people/?organisation=uncct") == ["khan"]
    assert listed(client, "/en/people/?organisation=nowhere") == ["al-muraikhi", "khan", "voronkov"]


def test_the_list_reads_the_same_number_of_queries_however_many_people(
    client, people, django_assert_max_num_queries
):
    with django_assert_max_num_queries(3):
        client.get("/ar/people/")
    for number in range(20):
        approved_person(slug=f"person-x-{number}")
    with django_assert_max_num_queries(3):
        client.get("/ar/people/")
