"""The names, titles and descriptions of events, people, organisations, programmes, pledges and
topics: a translator's change is public once a publisher approves its language, and until then
the approved or fallback text shows; an editor's change is public at once."""

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.test import Client

from staff import roles
from tests.admin_forms import change_form_data
from tests.factories import EventFactory, PersonFactory, ReleaseFactory, TopicFactory

pytestmark = pytest.mark.django_db

MARKER = "واژهنشانگرتأییدنشده"


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    def run(change):
        with django_capture_on_commit_callbacks(execute=True):
            return change()

    return run


def staff_client(role, name):
    user = User.objects.create_user(name, password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def translator():
    return staff_client(roles.translator_group("fa"), "translator")


@pytest.fixture
def publisher():
    return staff_client(roles.PUBLISHER, "publisher")


@pytest.fixture
def editor():
    return staff_client(roles.EDITOR, "editor")


def edit(staff, url, **changes):
    page = staff.get(url)
    assert page.status_code == 200
    response = staff.post(url, change_form_data(page, **changes))
    assert response.status_code == 302, response.content[:500]


def approve_in_admin(staff, changelist, record, language):
    return staff.post(
        changelist, {"action": f"approve_{language}", "_selected_action": [str(record.pk)]}
    )


def test_a_translators_new_title_waits_for_a_publisher_then_shows_at_once(
    client, translator, publisher, committed
):
    event = EventFactory(slug="forum", title_ar="منتدى", title_fa="")
    page = "/fa/events/forum/"
    assert MARKER not in client.get(page).content.decode()

    committed(lambda: edit(translator, f"/admin/events/event/{event.pk}/change/", title_fa=MARKER))

    html = client.get(page).content.decode()
    assert MARKER not in html
    assert '<bdi lang="ar" dir="rtl">منتدى</bdi>' in html  # the fallback, labelled
    queue = publisher.get("/admin/events/event/?awaiting=fa")
    assert event in queue.context["cl"].result_list
    assert event not in publisher.get("/admin/events/event/?awaiting=en").context["cl"].result_list

    committed(lambda: approve_in_admin(publisher, "/admin/events/event/", event, "fa"))

    assert MARKER in client.get(page).content.decode()
    assert event not in publisher.get("/admin/events/event/?awaiting=fa").context["cl"].result_list


def test_an_edited_approved_name_keeps_the_approved_one_public_until_the_new_one_is_approved(
    client, translator, publisher, committed
):
    person = PersonFactory(slug="voronkov", name_ar="فورونكوف", name_fa="ورونکوف")
    committed(lambda: edit(publisher, f"/admin/people/person/{person.pk}/change/"))
    ReleaseFactory(links={"people": [person]})

    committed(lambda: edit(translator, f"/admin/people/person/{person.pk}/change/", name_fa=MARKER))

    html = client.get("/fa/people/voronkov/").content.decode()
    assert "ورونکوف" in html
    assert MARKER not in html
    news = client.get("/fa/news/").content.decode()
    assert MARKER not in news  # the person facet's option too

    committed(lambda: approve_in_admin(publisher, "/admin/people/person/", person, "fa"))

    assert MARKER in client.get("/fa/people/voronkov/").content.decode()
    assert MARKER in client.get("/fa/news/").content.decode()


def test_a_translators_session_title_waits_and_approving_the_event_approves_it(
    client, translator, publisher, committed
):
    event = EventFactory(slug="roundtable")
    event.sessions.create(order=1, title_ar="الافتتاح")
    url = f"/admin/events/event/{event.pk}/change/"
    committed(lambda: edit(publisher, url))

    committed(lambda: edit(translator, url, **{"sessions-0-title_fa": MARKER}))

    assert MARKER not in client.get("/fa/events/roundtable/").content.decode()
    assert event in publisher.get("/admin/events/event/?awaiting=fa").context["cl"].result_list

    committed(lambda: approve_in_admin(publisher, "/admin/events/event/", event, "fa"))

    assert MARKER in client.get("/fa/events/roundtable/").content.decode()


def test_an_editors_change_is_public_at_once(client, editor, committed):
    topic = TopicFactory(slug="victims", name_ar="الضحايا")
    ReleaseFactory(links={"topics": [topic]})

    committed(lambda: edit(editor, f"/admin/newsroom/topic/{topic.pk}/change/", name_fa=MARKER))

    assert MARKER in client.get("/fa/news/").content.decode()


@pytest.mark.parametrize("role", ["editor", "translator"])
def test_only_a_publisher_approves(client, request, role, committed):
    staff = request.getfixturevalue(role)
    event = EventFactory(slug="forum", title_ar="منتدى")
    translator = request.getfixturevalue("translator") if role != "translator" else staff
    committed(lambda: edit(translator, f"/admin/events/event/{event.pk}/change/", title_fa=MARKER))

    assert "approve_fa" not in staff.get("/admin/events/event/").content.decode()
    committed(lambda: approve_in_admin(staff, "/admin/events/event/", event, "fa"))

    assert MARKER not in client.get("/fa/events/forum/").content.decode()
