"""Requests per second on three pages: gunicorn serving the archive, wrk loading it on 127.0.0.1.

wrk comes from Debian's packages (`apt-get install wrk`). Each page is loaded for a bounded
time, with the page cache off (every request rendered) and, when Redis answers, on.
"""

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager

import redis
from django.conf import settings

from releases.models import Release

FLOOR = "framework floor"
PAGES = [
    (FLOOR, "/benchmark/floor/"),  # benchmark/floor.py: what Django itself costs here
    ("home", "/ar/"),
    ("news list", "/ar/news/"),
    ("release", None),  # the newest release, found at run time
]
PORT = 8765
WORKERS = 2 * (os.cpu_count() or 1)
CONNECTIONS = 16
REDIS_URL = "redis://127.0.0.1:6379/15"


def newest_release_path():
    return Release.objects.published().first().get_absolute_url()


def redis_answers():
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1):
            return True
    except OSError:
        return False


@contextmanager
def gunicorn(environment):
    env = {
        **os.environ,
        **environment,
        # As behind the TLS proxy: production settings, nothing weakened.
        "TRUST_X_FORWARDED_PROTO": "1",
        "LOG_LEVEL": "WARNING",
    }
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "newsroom.wsgi",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            str(WORKERS),
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=settings.BASE_DIR,
    )
    try:
        wait_until_serving()
        yield
    finally:
        server.terminate()
        server.wait(timeout=30)


def wait_until_serving():
    for _ in range(60):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/health/", timeout=2)
            return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError("gunicorn did not start serving within 30 seconds")


def wrk(path, seconds, connections=CONNECTIONS):
    output = subprocess.run(
        [
            "wrk",
            "--threads",
            "2",
            "--connections",
            str(connections),
            "--duration",
            f"{seconds}s",
            "--latency",
            "--header",
            "X-Forwarded-Proto: https",
            f"http://127.0.0.1:{PORT}{path}",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 30,
    ).stdout
    requests = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = dict(re.findall(r"\s+(50|99)%\s+([\d.]+\w+)", output))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "requests_per_second": round(requests, 1),
        "latency_p50": latency.get("50"),
        "latency_p99": latency.get("99"),
        "non_2xx": int(errors.group(1)) if errors else 0,
    }


def measure(*, seconds, report, connections=CONNECTIONS):
    if not shutil.which("wrk"):
        report("  wrk is not installed (apt-get install wrk): load test skipped.")
        return []
    pages = [(name, path or newest_release_path()) for name, path in PAGES]
    setups = [("page cache off", {"PAGE_CACHE_SECONDS": "0", "REDIS_URL": ""})]
    if redis_answers():
        setups.append(
            ("page cache on (Redis)", {"PAGE_CACHE_SECONDS": "600", "REDIS_URL": REDIS_URL})
        )
    else:
        report("  Redis is not answering on 127.0.0.1:6379: measuring without the page cache only.")
    results = []
    for setup, environment in setups:
        if environment["REDIS_URL"]:
            # Pages of an earlier run's archive must not be served from it.
            redis.Redis.from_url(REDIS_URL).flushdb()
        with gunicorn(environment):
            for name, path in pages:
                figures = wrk(path, seconds, connections)
                report(f"  {setup}, {name}: {figures['requests_per_second']} requests/s")
                results.append(
                    {
                        "setup": setup,
                        "page": name,
                        "path": path,
                        "connections": connections,
                        **figures,
                    }
                )
    return results


def with_floor_ratios(results):
    """Each page's requests per second as a share of the framework floor's in the same setup."""
    floors = {row["setup"]: row["requests_per_second"] for row in results if row["page"] == FLOOR}
    for row in results:
        floor = floors.get(row["setup"])
        row["of_floor"] = round(row["requests_per_second"] / floor, 3) if floor else None
    return results


def share_of_floor(share):
    """ "1/12" for a page at a twelfth of the floor's speed; "3.2x" for a kept page above it."""
    if not share:
        return "—"
    return f"{share:.1f}x" if share >= 1 else f"1/{1 / share:.0f}"


def table(results):
    header = (
        f"{'setup':<24} {'page':<16} {'req/s':>8} {'of floor':>9} {'p50':>9} {'p99':>9} "
        f"{'errors':>7}"
    )
    lines = [header, "-" * len(header)]
    for row in with_floor_ratios(results):
        ratio = share_of_floor(row["of_floor"])
        lines.append(
            f"{row['setup']:<24} {row['page']:<16} {row['requests_per_second']:8.1f} "
            f"{ratio:>9} {row['latency_p50'] or '—':>9} {row['latency_p99'] or '—':>9} "
            f"{row['non_2xx']:>7}"
        )
    lines.append(
        f"gunicorn with {WORKERS} sync workers; wrk with 2 threads and "
        f"{results[0]['connections'] if results else CONNECTIONS} connections."
    )
    return "\n".join(lines)
