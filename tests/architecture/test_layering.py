"""The apps form one layering: an app imports only apps of lower layers.

Every ``import`` in the apps' code counts, including imports inside functions, so a
dependency cannot hide behind a late import. Lower layers that need something from a
higher one declare a Wagtail hook, and the higher layer registers it (README, "Where
things are").
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Lowest first. An app may import the apps of the layers below its own, never its own
# layer's neighbours nor anything above it.
LAYERS = [
    {"core"},
    {"products"},
    {"guides", "help_center"},
    {"home"},
    {"accounts"},
    {"commerce"},
    {"search"},
    {"analytics"},
    {"demo"},
    {"config"},
]
LAYER_OF = {app: rank for rank, apps in enumerate(LAYERS) for app in apps}
# Nothing may import the demo content, whatever its layer (config only names the app).
IMPORTED_BY_NOBODY = {"demo"}


def _python_files(app: str):
    for path in sorted((ROOT / app).rglob("*.py")):
        if "migrations" not in path.parts:
            yield path


def _imported_apps(path: Path):
    """(line, top-level package) of every absolute import of one of the apps."""
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            top = name.split(".", maxsplit=1)[0]
            if top in LAYER_OF:
                yield node.lineno, top


def import_violations() -> list[str]:
    problems = []
    for app, rank in LAYER_OF.items():
        for path in _python_files(app):
            for line, imported in _imported_apps(path):
                if imported == app:
                    continue
                where = f"{path.relative_to(ROOT)}:{line} imports {imported}"
                if imported in IMPORTED_BY_NOBODY:
                    problems.append(f"{where} (nothing imports {imported})")
                elif LAYER_OF[imported] >= rank:
                    problems.append(f"{where} (layer {LAYER_OF[imported]} >= {app}'s {rank})")
    return problems


def test_every_app_is_in_a_layer():
    packages = {
        path.parent.name
        for path in ROOT.glob("*/__init__.py")
        if path.parent.name not in {"tests", "bench"}
    }
    assert packages == set(LAYER_OF)


def test_apps_import_only_lower_layers():
    assert import_violations() == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from commerce.orders import x\n", ["commerce"]),
        ("def f():\n    import search.text\n", ["search"]),
        ("from .models import x\nimport django\n", []),
    ],
)
def test_the_walk_sees_module_level_and_late_imports(tmp_path, source, expected):
    module = tmp_path / "module.py"
    module.write_text(source)
    assert [app for _line, app in _imported_apps(module)] == expected
