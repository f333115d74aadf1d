"""Schemathesis, a real outside client, against the content API's own schema on a live server
over the demo's content: with its default checks (no server error, every response as the
schema says: status, content type, headers and body; malformed input refused, well-formed
input accepted), over every operation and the links between them."""

import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres]

SCHEMATHESIS = Path(sys.executable).with_name("st")


def test_schemathesis_finds_no_failure_in_any_operation(live_server, tmp_path):
    call_command("load_demo", verbosity=0)

    run = subprocess.run(
        [
            str(SCHEMATHESIS),
            "run",
            f"{live_server.url}/api/v1/schema/",
            "--max-examples=15",
            "--seed=20261201",
            "--workers=1",
            "--request-timeout=30",
            "--no-color",
        ],
        cwd=tmp_path,  # where it keeps its reports
        capture_output=True,
        text=True,
        timeout=900,
    )

    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    assert "No issues found" in run.stdout
