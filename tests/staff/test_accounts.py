"""Who may do what to staff accounts, tried as an attacker would: real admin requests with CSRF
checks on, including hand-made POSTs of fields the form does not show."""

import re

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group, Permission, User
from django.core import mail
from django.test import Client
from django.utils import translation

from staff import roles
from tests.admin_forms import change_form_data

pytestmark = pytest.mark.django_db

ROLES = {
    "editor": roles.EDITOR,
    "publisher": roles.PUBLISHER,
    "translator-ar": roles.translator_group("ar"),
    "translator-en": roles.translator_group("en"),
    "translator-fa": roles.translator_group("fa"),
    "administrator": roles.ADMINISTRATOR,
}
NOT_ACCOUNT_MANAGERS = ["editor", "publisher", "translator-ar", "translator-en", "translator-fa"]
USERS = "/admin/auth/user/"


def account(username, *role_names, **flags):
    user = User.objects.create_user(username, password=f"{username}-secret-pass", is_staff=True)
    for flag, value in flags.items():
        setattr(user, flag, value)
    user.save()
    user.groups.set(Group.objects.filter(name__in=[ROLES.get(r, r) for r in role_names]))
    return user


@pytest.fixture
def browser():
    """A client that checks CSRF tokens, as a real browser session is checked."""
    return Client(enforce_csrf_checks=True)


@pytest.fixture
def as_role(browser):
    def log_in(role):
        if role == "superuser":
            user = account("root", is_superuser=True)
        else:
            user = account(f"the-{role}", role)
        browser.force_login(user)
        return user

    return log_in


def change_url(user):
    return f"{USERS}{user.pk}/change/"


def token_of(page):
    return str(page.context["csrf_token"])


def submit(browser, url, **changes):
    """GET the form, then POST back every field it rendered, with `changes` and the token."""
    page = browser.get(url)
    assert page.status_code == 200, page.status_code
    data = change_form_data(page, **changes)
    data["csrfmiddlewaretoken"] = token_of(page)
    return browser.post(url, data)


def forged_post(browser, url, data):
    """A POST of fields chosen by the sender, with a valid token from a page it can open."""
    page = browser.get(USERS)
    token = token_of(page) if page.status_code == 200 else browser.cookies["csrftoken"].value
    return browser.post(url, {**data, "csrfmiddlewaretoken": token})


def group_id(role):
    return str(Group.objects.get(name=ROLES[role]).pk)


def can_log_in(username, password):
    response = Client().post(
        "/admin/login/?next=/admin/", {"username": username, "password": password}
    )
    return response.status_code == 302


def logged(entry):
    """The log entry as staff read it in the admin's history."""
    with translation.override("en"):
        return entry.get_change_message()


def role_names(user):
    return sorted(user.groups.values_list("name", flat=True))


# Who reaches the accounts at all -------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "status"),
    [("superuser", 200), ("administrator", 200)] + [(r, 403) for r in NOT_ACCOUNT_MANAGERS],
)
def test_only_administrators_and_superusers_open_the_accounts(browser, as_role, role, status):
    as_role(role)
    assert browser.get(USERS).status_code == status


@pytest.mark.parametrize("role", NOT_ACCOUNT_MANAGERS)
def test_other_roles_can_neither_change_an_account_nor_post_to_one(browser, as_role, role):
    target = account("target", "editor")
    as_role(role)
    assert browser.get(change_url(target)).status_code == 403
    browser.get("/admin/")
    response = browser.post(
        change_url(target),
        {
            "username": "target",
            "is_superuser": "on",
            "csrfmiddlewaretoken": browser.cookies["csrftoken"].value,
        },
    )
    assert response.status_code == 403
    target.refresh_from_db()
    assert not target.is_superuser


def test_a_post_without_the_csrf_token_is_refused(browser, as_role):
    as_role("administrator")
    target = account("target", "editor")
    response = browser.post(change_url(target), {"username": "target", "is_active": ""})
    assert response.status_code == 403
    target.refresh_from_db()
    assert target.is_active


# An Administrator's own account --------------------------------------------------------------


def test_an_administrator_cannot_make_itself_superuser_or_give_itself_roles(browser, as_role):
    me = as_role("administrator")
    response = submit(
        browser,
        change_url(me),
        first_name="Amal",
        is_superuser="on",
        is_staff="on",
        groups=[group_id("publisher"), group_id("administrator")],
        user_permissions=[str(Permission.objects.get(codename="publish_release").pk)],
    )

    assert response.status_code == 302
    me.refresh_from_db()
    assert me.first_name == "Amal"
    assert not me.is_superuser
    assert role_names(me) == [roles.ADMINISTRATOR]
    assert not me.user_permissions.exists()


def test_an_administrator_cannot_deactivate_itself(browser, as_role):
    me = as_role("administrator")
    submit(browser, change_url(me), is_active="")
    me.refresh_from_db()
    assert me.is_active


# Other accounts ------------------------------------------------------------------------------


def test_an_administrator_gives_another_account_a_role_and_the_log_says_from_what_to_what(
    browser, as_role
):
    admin = as_role("administrator")
    editor = account("editor", "editor")

    response = submit(browser, change_url(editor), groups=[group_id("publisher")])

    assert response.status_code == 302
    assert role_names(editor) == [roles.PUBLISHER]
    entry = LogEntry.objects.filter(object_id=str(editor.pk)).latest("action_time")
    assert entry.user == admin
    assert "Roles: Editor → Publisher" in logged(entry)


def test_an_administrator_deactivates_an_account_and_the_log_says_so(browser, as_role):
    as_role("administrator")
    editor = account("editor", "editor")

    assert submit(browser, change_url(editor), is_active="").status_code == 302

    editor.refresh_from_db()
    assert not editor.is_active
    entry = LogEntry.objects.filter(object_id=str(editor.pk)).latest("action_time")
    assert "Active: yes → no" in logged(entry)


def test_an_administrator_cannot_grant_the_administrator_role(browser, as_role):
    as_role("administrator")
    editor = account("editor", "editor")

    response = submit(browser, change_url(editor), groups=[group_id("administrator")])

    assert response.status_code == 200
    assert "groups" in response.context["adminform"].form.errors
    assert role_names(editor) == [roles.EDITOR]


def test_a_hand_made_post_of_superuser_and_permissions_for_another_account_is_ignored(
    browser, as_role
):
    as_role("administrator")
    editor = account("editor", "editor")

    submit(
        browser,
        change_url(editor),
        is_superuser="on",
        user_permissions=[str(Permission.objects.get(codename="publish_release").pk)],
        password="pbkdf2_sha256$1$x$forged",
    )

    editor.refresh_from_db()
    assert not editor.is_superuser
    assert not editor.user_permissions.exists()
    assert editor.check_password("editor-secret-pass")


@pytest.mark.parametrize("kind", ["superuser", "administrator"])
def test_an_administrator_cannot_edit_a_superuser_or_another_administrator(browser, as_role, kind):
    as_role("administrator")
    target = account("root", is_superuser=True) if kind == "superuser" else account("other", kind)

    page = browser.get(change_url(target))
    assert page.status_code == 200
    assert page.context["has_change_permission"] is False
    response = forged_post(browser, change_url(target), {"username": "x", "is_active": ""})

    assert response.status_code == 403
    target.refresh_from_db()
    assert target.is_active and target.username != "x"


def test_an_administrator_never_sets_another_accounts_password(browser, as_role):
    as_role("administrator")
    publisher = account("publisher", "publisher")
    url = f"{USERS}{publisher.pk}/password/"

    assert browser.get(url).status_code == 403
    response = forged_post(
        browser, url, {"password1": "Taken-over-2026!", "password2": "Taken-over-2026!"}
    )

    assert response.status_code == 403
    assert not can_log_in("publisher", "Taken-over-2026!")
    assert can_log_in("publisher", "publisher-secret-pass")


def test_an_administrator_cannot_delete_an_account(browser, as_role):
    as_role("administrator")
    editor = account("editor", "editor")
    response = forged_post(browser, f"{USERS}{editor.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403
    assert User.objects.filter(pk=editor.pk).exists()


# New accounts --------------------------------------------------------------------------------


def test_an_administrator_creates_an_account_without_a_password_and_sends_the_link(
    browser, as_role
):
    as_role("administrator")
    page = browser.get(f"{USERS}add/")
    assert "password1" not in page.context["adminform"].form.fields

    response = browser.post(
        f"{USERS}add/",
        {
            "username": "new-translator",
            "email": "new@example.org",
            "groups": [group_id("translator-fa")],
            # Not in the form: ignored.
            "is_superuser": "on",
            "password1": "Chosen-by-admin-1",
            "password2": "Chosen-by-admin-1",
            "staff_profile-TOTAL_FORMS": "1",
            "staff_profile-INITIAL_FORMS": "0",
            "staff_profile-0-language": "fa",
            "csrfmiddlewaretoken": token_of(page),
        },
    )

    assert response.status_code == 302
    created = User.objects.get(username="new-translator")
    assert created.is_staff and not created.is_superuser
    assert not created.has_usable_password()
    assert role_names(created) == [roles.translator_group("fa")]
    entry = LogEntry.objects.get(object_id=str(created.pk))
    assert "Roles: none → Translator (Persian)" in logged(entry)

    listing = browser.get(USERS)
    browser.post(
        USERS,
        {
            "action": "send_password_links",
            "_selected_action": [str(created.pk)],
            "csrfmiddlewaretoken": token_of(listing),
        },
    )
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["new@example.org"]
    link = re.search(r"https?://[^/\s]+(/\S+/reset/\S+/)", mail.outbox[0].body).group(1)
    new_owner = Client()
    form_page = new_owner.get(link, follow=True)
    assert form_page.status_code == 200
    done = new_owner.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "Own-choice-2026!", "new_password2": "Own-choice-2026!"},
    )
    assert done.status_code == 302
    assert can_log_in("new-translator", "Own-choice-2026!")


def test_an_administrator_cannot_create_an_administrator(browser, as_role):
    as_role("administrator")
    page = browser.get(f"{USERS}add/")
    response = browser.post(
        f"{USERS}add/",
        {
            "username": "second-admin",
            "email": "x@example.org",
            "groups": [group_id("administrator")],
            "staff_profile-TOTAL_FORMS": "0",
            "staff_profile-INITIAL_FORMS": "0",
            "csrfmiddlewaretoken": token_of(page),
        },
    )
    assert response.status_code == 200
    assert not User.objects.filter(username="second-admin").exists()


# Roles are defined in code -------------------------------------------------------------------


@pytest.mark.parametrize("role", ["administrator", "superuser"])
def test_nobody_edits_a_roles_permissions_or_adds_a_group_in_the_admin(browser, as_role, role):
    as_role(role)
    publisher = Group.objects.get(name=roles.PUBLISHER)
    before = set(publisher.permissions.values_list("pk", flat=True))
    everything = [str(pk) for pk in Permission.objects.values_list("pk", flat=True)]

    changed = forged_post(
        browser,
        f"/admin/auth/group/{publisher.pk}/change/",
        {"name": roles.PUBLISHER, "permissions": everything},
    )
    added = forged_post(
        browser, "/admin/auth/group/add/", {"name": "Everything", "permissions": everything}
    )

    assert changed.status_code == 403
    assert added.status_code == 403
    assert set(publisher.permissions.values_list("pk", flat=True)) == before
    assert not Group.objects.filter(name="Everything").exists()


def test_a_superuser_alone_grants_superuser_and_the_administrator_role(browser, as_role):
    as_role("superuser")
    editor = account("editor", "editor")

    response = submit(
        browser, change_url(editor), is_superuser="on", groups=[group_id("administrator")]
    )

    assert response.status_code == 302
    editor.refresh_from_db()
    assert editor.is_superuser
    assert role_names(editor) == [roles.ADMINISTRATOR]
    entry = LogEntry.objects.filter(object_id=str(editor.pk)).latest("action_time")
    assert "Superuser status: no → yes" in logged(entry)
    assert "Roles: Editor → Administrator" in logged(entry)


# Public records that need a publisher --------------------------------------------------------


@pytest.mark.parametrize(("role", "status"), [("editor", 403), ("publisher", 200)])
def test_only_a_publisher_adds_a_pledge(browser, as_role, role, status):
    as_role(role)
    assert browser.get("/admin/organisations/pledge/add/").status_code == status


def test_an_administrator_cannot_change_an_accounts_address_to_take_its_password_link(
    browser, as_role
):
    as_role("administrator")
    publisher = account("publisher", "publisher")
    publisher.email = "owner@example.org"
    publisher.save()

    submit(browser, change_url(publisher), email="attacker@example.org")

    publisher.refresh_from_db()
    assert publisher.email == "owner@example.org"


@pytest.mark.parametrize("role", ["administrator", "superuser"])
def test_nobody_changes_or_activates_the_system_account(browser, as_role, role):
    as_role(role)
    system = User.objects.get(username="system")

    page = browser.get(change_url(system))
    response = forged_post(
        browser, change_url(system), {"username": "system", "is_active": "on", "is_staff": "on"}
    )

    assert page.context["has_change_permission"] is False
    assert response.status_code == 403
    system.refresh_from_db()
    assert not system.is_active


def test_nobody_can_take_the_system_accounts_name(browser, as_role):
    User.objects.filter(username="system").delete()
    as_role("administrator")
    page = browser.get(f"{USERS}add/")
    response = browser.post(
        f"{USERS}add/",
        {
            "username": "system",
            "email": "x@example.org",
            "staff_profile-TOTAL_FORMS": "0",
            "staff_profile-INITIAL_FORMS": "0",
            "csrfmiddlewaretoken": token_of(page),
        },
    )
    assert response.status_code == 200
    assert "username" in response.context["adminform"].form.errors
