"""The house's arrows point down: an app imports only the apps listed before it.

The order of ``INSTALLED_APPS`` is the layer order (DESIGN §6). An app that needs to add to a
lower one (a panel on the case page, a due item, a ledger) registers at start-up instead of
being imported by it. Tests, test helpers and migrations are left out: they may reach anywhere.
"""

import ast
from pathlib import Path

from django.conf import settings

import yorisoi

ROOT = Path(yorisoi.__file__).parent


def layers() -> list[str]:
    apps = [a.split(".")[1] for a in settings.INSTALLED_APPS if a.startswith("yorisoi.")]
    return list(dict.fromkeys(apps))  # core's admin config repeats "core"


def imported_apps(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        for name in names:
            parts = name.split(".")
            if parts[0] == "yorisoi" and len(parts) > 1:
                found.add(parts[1])
    return found


def upward_arrows(root: Path = ROOT, order: list[str] | None = None) -> list[str]:
    order = order or layers()
    rank = {app: i for i, app in enumerate(order)}
    arrows = []
    for app in order:
        for path in sorted((root / app).rglob("*.py")):
            relative = path.relative_to(root / app).parts
            if {"tests", "testing", "migrations"} & set(relative):
                continue
            for target in imported_apps(path):
                if target in rank and rank[target] > rank[app]:
                    arrows.append(f"{path.relative_to(root)} imports {target}")
    return arrows


def test_every_app_folder_is_a_layer():
    folders = {p.parent.name for p in ROOT.glob("*/apps.py")}
    assert folders == set(layers())


def test_no_app_imports_a_higher_one():
    assert upward_arrows() == []


def test_the_check_sees_an_upward_arrow(tmp_path):
    # The check itself must be able to fail: a lower app importing a higher one is caught.
    for app in ("cases", "handovers"):
        (tmp_path / app).mkdir()
    (tmp_path / "cases" / "panels.py").write_text("from yorisoi.handovers.models import Handover\n")
    (tmp_path / "handovers" / "views.py").write_text("import yorisoi.cases.models\n")
    assert upward_arrows(tmp_path, ["cases", "handovers"]) == ["cases/panels.py imports handovers"]
