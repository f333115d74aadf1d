import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# What the test process itself sets, which a real deployment would not have.
PROCESS_SETTINGS = {
    "DEBUG",
    "SECRET_KEY",
    "DATABASE_URL",
    "DJANGO_SETTINGS_MODULE",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
}


def deployment_environment(**env):
    """This machine's environment as a deployment would see it, with `env` set."""
    environment = {key: value for key, value in os.environ.items() if key not in PROCESS_SETTINGS}
    return environment | {"DJANGO_SETTINGS_MODULE": "newsroom.settings", **env}


def start_django(**env):
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env=deployment_environment(**env),
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize(
    "secret_key", [None, "short", "django-insecure-" + "x" * 50], ids=["unset", "short", "insecure"]
)
def test_production_refuses_to_start_without_a_real_secret_key(secret_key):
    env = {"DATABASE_URL": "postgres://db/newsroom"}
    if secret_key:
        env["SECRET_KEY"] = secret_key
    result = start_django(**env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_the_embedded_database():
    result = start_django(DEBUG="0", SECRET_KEY="k" * 50)
    assert result.returncode != 0
    assert "DATABASE_URL must name the production database" in result.stderr


def test_production_starts_with_real_settings():
    result = start_django(SECRET_KEY="k" * 50, DATABASE_URL="postgres://db/newsroom")
    assert result.returncode == 0, result.stderr


def test_local_development_needs_nothing_set():
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=deployment_environment(),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_deploy_checks_are_clean_under_production_settings():
    environment = deployment_environment(
        SECRET_KEY="a-long-random-production-secret-" + "k" * 40,
        DATABASE_URL="postgres://db/newsroom",
        ALLOWED_HOSTS="news.example.org",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def settings_seen(**env):
    """What Django makes of `env`: the media storage, its bucket, the cache and page caching."""
    code = (
        "import django; django.setup()\n"
        "from django.conf import settings\n"
        "from django.core.cache import caches\n"
        "from django.core.files.storage import storages\n"
        "media, cache = storages['default'], caches['default']\n"
        "print(type(media).__name__, getattr(media, 'bucket_name', '-'),"
        " type(cache).__name__, settings.PAGE_CACHE_SECONDS)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=deployment_environment(
            SECRET_KEY="k" * 50, DATABASE_URL="postgres://db/newsroom", **env
        ),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_several_app_servers_share_media_in_a_bucket_and_pages_in_redis():
    seen = settings_seen(AWS_STORAGE_BUCKET_NAME="newsroom-media", REDIS_URL="redis://cache:6379/0")
    assert seen == ["S3Storage", "newsroom-media", "RedisCache", "600"]


def test_one_server_alone_keeps_media_on_disk_and_caches_no_pages():
    # Without a shared cache, one process could not tell the others that a page changed.
    assert settings_seen() == ["FileSystemStorage", "-", "LocMemCache", "0"]


def run_in_production(code, **env):
    """Run `code` in a Django started as a deployment would be, with `env` set."""
    return subprocess.run(
        [sys.executable, "-W", "ignore", "-c", "import django; django.setup()\n" + code],
        cwd=ROOT,
        env=deployment_environment(
            SECRET_KEY="k" * 50, DATABASE_URL="postgres://db/newsroom", **env
        ),
        capture_output=True,
        text=True,
        check=False,
    )


def login_address_seen(**env):
    """The address logins are counted by, for a client behind nginx (X-Forwarded-For)."""
    code = (
        "from axes.helpers import get_client_ip_address\n"
        "from django.test import RequestFactory\n"
        "request = RequestFactory().post("
        "'/admin/login/', REMOTE_ADDR='172.18.0.5', HTTP_X_FORWARDED_FOR='203.0.113.10')\n"
        "print(get_client_ip_address(request))"
    )
    result = run_in_production(code, **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_logins_are_counted_by_the_connections_address_unless_proxies_are_trusted():
    assert login_address_seen() == "172.18.0.5"
    assert login_address_seen(TRUSTED_PROXY_COUNT="0") == "172.18.0.5"


def test_behind_a_trusted_proxy_logins_are_counted_by_the_forwarded_address():
    assert login_address_seen(TRUSTED_PROXY_COUNT="1") == "203.0.113.10"


def test_a_negative_number_of_trusted_proxies_is_refused():
    result = start_django(
        SECRET_KEY="k" * 50, DATABASE_URL="postgres://db/newsroom", TRUSTED_PROXY_COUNT="-1"
    )
    assert result.returncode != 0
    assert "TRUSTED_PROXY_COUNT" in result.stderr


def test_a_bad_host_header_is_logged_as_one_warning_line_in_production():
    code = (
        "from django.test import Client\n"
        "print(Client().get('/en/', headers={'host': 'attacker.example'}).status_code)"
    )
    result = run_in_production(code, ALLOWED_HOSTS="news.example.org")
    assert result.stdout.strip() == "400", result.stderr
    [line] = result.stderr.splitlines()
    record = json.loads(line)
    assert (record["level"], record["logger"]) == ("WARNING", "django.security.DisallowedHost")
    assert "exc_info" not in record
