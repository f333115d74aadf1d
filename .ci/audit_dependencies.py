"""Audit the pinned requirements with pip-audit, and say plainly when it could not.

pip-audit asks PyPI's vulnerability service about each pinned package. Where that service does
not answer (as on machines without internet access), it reports every package as "not found"
and exits 0, which would read as a pass: this says "NOT AUDITED" instead. Known vulnerabilities
fail the run.
"""

import json
import subprocess
import sys
from pathlib import Path

VENV = Path(sys.executable).parent
REQUIREMENTS = ["requirements.txt", "requirements-dev.txt"]


def audit(requirements):
    result = subprocess.run(
        [
            VENV / "pip-audit",
            "--requirement",
            requirements,
            "--no-deps",
            "--disable-pip",
            "--progress-spinner",
            "off",
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    try:
        return json.loads(result.stdout)["dependencies"]
    except (json.JSONDecodeError, KeyError):
        print(result.stderr.strip() or result.stdout.strip())
        return None


def main():
    audited, unreachable, vulnerable = 0, 0, []
    for requirements in REQUIREMENTS:
        dependencies = audit(requirements)
        if dependencies is None:
            unreachable += 1
            continue
        for dependency in dependencies:
            if "skip_reason" in dependency:
                unreachable += 1
                continue
            audited += 1
            for vulnerability in dependency.get("vulns", []):
                fixed = ", ".join(vulnerability.get("fix_versions", [])) or "no fixed release"
                vulnerable.append(
                    f"{dependency['name']} {dependency['version']}: {vulnerability['id']} "
                    f"(fixed in {fixed})"
                )
    if vulnerable:
        print("Known vulnerabilities in the pinned dependencies:")
        print("\n".join(f"  {line}" for line in vulnerable))
        return 1
    if not audited:
        print(
            "NOT AUDITED: pip-audit could not reach its vulnerability service from this machine "
            f"({unreachable} packages unchecked). Run `make audit` where PyPI answers."
        )
        return 0
    note = f"; {unreachable} could not be checked" if unreachable else ""
    print(f"No known vulnerabilities in {audited} pinned packages{note}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
