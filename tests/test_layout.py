"""The dependency picture: the project wires the apps, the shared core imports no domain app,
and the domain apps' arrows run one way (read from the source, as a reviewer would)."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORE = "core"
DOMAIN_APPS = {"staff", "organisations", "people", "events", "releases", "demo", "benchmark"}
PACKAGES = [CORE, *sorted(DOMAIN_APPS), "newsroom"]


def modules(package):
    return [
        path for path in sorted((ROOT / package).rglob("*.py")) if "migrations" not in path.parts
    ]


def imported(path):
    """(top-level package, line, whether the import sits inside a function) for each import."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []

    def visit(node, in_function):
        for child in ast.iter_child_nodes(node):
            inside = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            if isinstance(child, ast.Import):
                found.extend(
                    (alias.name.split(".")[0], child.lineno, in_function) for alias in child.names
                )
            elif isinstance(child, ast.ImportFrom) and child.level == 0 and child.module:
                found.append((child.module.split(".")[0], child.lineno, in_function))
            visit(child, inside)

    visit(tree, False)
    return found


def arrows(package):
    """{(module, imported package)} for the project's own packages that `package` imports."""
    return {
        (str(path.relative_to(ROOT)), target)
        for path in modules(package)
        for target, _line, _in_function in imported(path)
        if target in PACKAGES and target != package
    }


def test_the_shared_core_imports_no_domain_app_and_not_the_project():
    assert arrows(CORE) == set()


@pytest.mark.parametrize("app", ["events", "people", "organisations"])
def test_events_people_and_organisations_never_import_the_releases_app(app):
    assert {target for _module, target in arrows(app)} <= {CORE, "organisations", "people"}
    assert "releases" not in {target for _module, target in arrows(app)}


def test_organisations_and_people_import_no_other_app_so_events_cannot_loop_with_them():
    assert {target for _module, target in arrows("organisations")} <= {CORE}
    assert {target for _module, target in arrows("people")} <= {CORE}
    assert {target for _module, target in arrows("events")} <= {CORE, "organisations"}


def test_no_app_imports_the_demo_the_benchmark_or_the_project():
    for app in DOMAIN_APPS - {"demo", "benchmark"}:
        targets = {target for _module, target in arrows(app)}
        assert not targets & {"demo", "benchmark", "newsroom"}, app


def test_no_import_hides_inside_a_function_to_dodge_a_cycle():
    hidden = [
        f"{path.relative_to(ROOT)}:{line}"
        for package in PACKAGES
        for path in modules(package)
        for target, line, in_function in imported(path)
        if in_function and target in PACKAGES and path.name != "apps.py"
    ]
    assert hidden == []
