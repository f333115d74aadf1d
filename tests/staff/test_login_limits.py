"""Login limiting counts wrong passwords per username and client address; behind the proxies the
deployment trusts (TRUSTED_PROXY_COUNT), the client's address is the one they forwarded."""

import pytest
from django.contrib.auth.models import User
from django.test import Client

pytestmark = pytest.mark.django_db

PROXY = "172.18.0.5"  # the compose stack's nginx, as the app sees it
CLIENT_A, CLIENT_B = "203.0.113.10", "198.51.100.20"
PASSWORD = "correct horse battery"


@pytest.fixture(autouse=True)
def victim(settings):
    # A fast hash: each test tries the password half a dozen times.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return User.objects.create_user("victim", password=PASSWORD, is_staff=True)


def log_in(password, *, forwarded_for=None, remote_addr=PROXY):
    """One admin login from a fresh browser; the status: 302 in, 200 refused, 429 locked out."""
    headers = {"accept-language": "en"}
    if forwarded_for:
        headers["x-forwarded-for"] = forwarded_for
    client = Client(REMOTE_ADDR=remote_addr)
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": "victim", "password": password},
        headers=headers,
    )
    return response.status_code


def test_behind_a_trusted_proxy_wrong_passwords_lock_only_that_client(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for _attempt in range(5):
        log_in("wrong", forwarded_for=CLIENT_A)

    assert log_in(PASSWORD, forwarded_for=CLIENT_A) == 429
    assert log_in(PASSWORD, forwarded_for=CLIENT_B) == 302


def test_behind_a_trusted_proxy_a_forged_forwarded_for_does_not_dodge_the_lock(settings):
    # The client's own X-Forwarded-For comes first; the proxy appends the address it saw.
    settings.TRUSTED_PROXY_COUNT = 1
    for attempt in range(5):
        log_in("wrong", forwarded_for=f"10.0.0.{attempt}, {CLIENT_A}")

    assert log_in(PASSWORD, forwarded_for=f"10.9.9.9, {CLIENT_A}") == 429


def test_without_trusted_proxies_a_forged_forwarded_for_does_not_dodge_the_lock():
    for attempt in range(5):
        log_in("wrong", forwarded_for=f"10.0.0.{attempt}", remote_addr=CLIENT_A)

    assert log_in(PASSWORD, forwarded_for="10.9.9.9", remote_addr=CLIENT_A) == 429
    assert log_in(PASSWORD, remote_addr=CLIENT_B) == 302


@pytest.mark.parametrize(
    ("count", "forwarded_for"),
    [(1, "not-an-address"), (1, ""), (2, CLIENT_A)],
    ids=["garbage", "absent", "fewer-addresses-than-proxies"],
)
def test_an_unusable_forwarded_for_counts_against_the_proxys_address(
    settings, count, forwarded_for
):
    settings.TRUSTED_PROXY_COUNT = count
    for _attempt in range(5):
        log_in("wrong", forwarded_for=forwarded_for)

    assert log_in(PASSWORD, forwarded_for=forwarded_for) == 429
