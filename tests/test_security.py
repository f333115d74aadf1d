"""Protections a reader's browser and a load balancer rely on."""

import logging
from unittest import mock

import pytest
from django.db import OperationalError
from django.test import override_settings

from tests.factories import ReleaseFactory, approve

pytestmark = pytest.mark.django_db


def test_pages_carry_a_strict_content_security_policy(client):
    ReleaseFactory()
    response = client.get("/en/")
    policy = response["Content-Security-Policy"]
    script_src = next(part for part in policy.split(";") if part.strip().startswith("script-src"))
    # Public pages have no inline script at all; the admin's get a per-request nonce.
    assert script_src.split() == ["script-src", "'self'"]
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_json_ld_cannot_break_out_of_its_script(client):
    ReleaseFactory(title_en="</script><script>alert(1)</script>", slug_en="x")
    from releases.models import Release

    approve(Release.objects.get(slug_en="x"), "en")
    html = client.get("/en/news/x/").content.decode()
    assert "</script><script>alert(1)" not in html


def test_https_is_enforced_in_production(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31536000
    response = client.get("/en/")
    assert response.status_code == 301
    assert response["Location"].startswith("https://")
    secure = client.get("/en/", secure=True)
    assert "max-age=31536000" in secure["Strict-Transport-Security"]
    assert client.get("/health/").status_code == 200  # the load balancer may use plain HTTP


def test_health_check_reports_the_database(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_health_check_fails_when_the_database_is_unreachable(client):
    with mock.patch("newsroom.health.connection.cursor", side_effect=OperationalError("down")):
        response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"


@override_settings(ALLOWED_HOSTS=["news.example.org"])
def test_a_bad_host_header_is_one_warning_line_without_a_traceback(client, caplog):
    with caplog.at_level(logging.INFO):
        response = client.get("/en/", headers={"host": "attacker.example"})

    assert response.status_code == 400
    [record] = caplog.records
    assert record.name == "django.security.DisallowedHost"
    assert record.levelno == logging.WARNING
    assert "attacker.example" in record.getMessage()
    assert record.exc_info is None
    assert "Traceback" not in caplog.text
