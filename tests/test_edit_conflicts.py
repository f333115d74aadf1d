"""Two people saving the same record at the same moment: one save is kept, the other refused
with a message, none silently lost; tried with two real concurrent transactions."""

import threading
import time

import pytest
from django.contrib.auth.models import Group, User
from django.db import connection
from django.test import Client

from core import edit_conflicts
from staff import roles
from tests.admin_forms import change_form_data
from tests.factories import (
    EventFactory,
    OrganisationFactory,
    PersonFactory,
    PledgeFactory,
    ReleaseFactory,
)

RECORDS = {
    "release": (
        lambda: ReleaseFactory(status="draft", published_at=None),
        "newsroom/release",
        "title_ar",
    ),
    "event": (EventFactory, "events/event", "title_ar"),
    "person": (PersonFactory, "people/person", "name_ar"),
    "organisation": (OrganisationFactory, "organisations/organisation", "name_ar"),
    "pledge": (PledgeFactory, "organisations/pledge", "description_ar"),
}


def publisher_client(name):
    user = User.objects.create_user(name, password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=roles.PUBLISHER))
    client = Client()
    client.force_login(user)
    return client


def change_url(path, obj):
    return f"/admin/{path}/{obj.pk}/change/"


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("kind", RECORDS)
def test_two_saves_of_the_same_form_at_the_same_moment_keep_one_and_refuse_the_other(
    kind, monkeypatch
):
    make, path, field = RECORDS[kind]
    record = make()
    url = change_url(path, record)
    clients = {"first": publisher_client("first"), "second": publisher_client("second")}
    data = {}
    for name, client in clients.items():
        page = client.get(url)
        assert page.status_code == 200
        data[name] = change_form_data(page, **{field: f"{name} edit"})

    # Whoever takes the row's lock holds it a moment: the other save truly waits on it.
    locked = edit_conflicts.locked_version

    def slowly_locked(instance):
        version = locked(instance)
        time.sleep(0.3)
        return version

    monkeypatch.setattr(edit_conflicts, "locked_version", slowly_locked)
    start = threading.Barrier(2)
    statuses = {}

    def save(name):
        start.wait()
        try:
            statuses[name] = clients[name].post(url, data[name]).status_code
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(name,)) for name in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(statuses.values()) == [200, 302]
    kept = next(name for name, status in statuses.items() if status == 302)
    record.refresh_from_db()
    assert getattr(record, field) == f"{kept} edit"


@pytest.mark.django_db
@pytest.mark.parametrize("kind", RECORDS)
def test_a_save_begun_before_anothers_is_refused_with_a_message(kind):
    make, path, field = RECORDS[kind]
    record = make()
    url = change_url(path, record)
    first, second = publisher_client("first"), publisher_client("second")
    first_page, second_page = first.get(url), second.get(url)

    assert first.post(url, change_form_data(first_page, **{field: "first"})).status_code == 302
    refused = second.post(url, change_form_data(second_page, **{field: "second"}))

    assert refused.status_code == 200
    [error] = refused.context["adminform"].form.non_field_errors().as_data()
    assert error.code == "conflict"
    assert "(first)" in error.message  # who saved it
    record.refresh_from_db()
    assert getattr(record, field) == "first"


@pytest.mark.django_db
@pytest.mark.parametrize("kind", RECORDS)
def test_a_form_that_does_not_say_which_version_it_was_opened_at_is_refused(kind):
    make, path, field = RECORDS[kind]
    record = make()
    url = change_url(path, record)
    client = publisher_client("editor")
    data = change_form_data(client.get(url), **{field: "unchecked"})
    del data["loaded_version"]

    response = client.post(url, data)

    assert response.status_code == 200
    assert "loaded_version" in response.context["adminform"].form.errors
    record.refresh_from_db()
    assert getattr(record, field) != "unchecked"


@pytest.mark.django_db
def test_a_version_never_comes_back_so_a_form_opened_long_ago_stays_refused():
    record = PersonFactory()
    url = change_url("people/person", record)
    client = publisher_client("editor")
    old_page = client.get(url)
    opened_at = old_page.context["adminform"].form["loaded_version"].value()
    client.post(url, change_form_data(client.get(url), name_ar="second"))
    # As restoring an old revision would: the stored version goes back to an earlier one.
    type(record).objects.filter(pk=record.pk).update(version=opened_at)
    client.post(url, change_form_data(client.get(url), name_ar="third"))

    refused = client.post(url, change_form_data(old_page, name_ar="stale"))

    record.refresh_from_db()
    assert record.version > opened_at
    assert refused.status_code == 200
    assert record.name_ar == "third"


@pytest.mark.django_db
def test_a_pledge_edited_on_its_events_page_refuses_a_stale_save_on_its_own_page():
    pledge = PledgeFactory(announced_at=EventFactory(), description_ar="أصل")
    own_url = change_url("organisations/pledge", pledge)
    event_url = change_url("events/event", pledge.announced_at)
    first, second = publisher_client("first"), publisher_client("second")
    stale = first.get(own_url)

    event_page = second.get(event_url)
    formset = next(
        inline.formset
        for inline in event_page.context["inline_admin_formsets"]
        if inline.formset.model._meta.model_name == "pledge"
    )
    index = next(i for i, form in enumerate(formset.forms) if form.instance.pk == pledge.pk)
    changed = change_form_data(event_page, **{f"{formset.prefix}-{index}-description_ar": "ثان"})
    assert second.post(event_url, changed).status_code == 302

    refused = first.post(own_url, change_form_data(stale, description_ar="أول"))

    assert refused.status_code == 200
    pledge.refresh_from_db()
    assert pledge.description_ar == "ثان"
