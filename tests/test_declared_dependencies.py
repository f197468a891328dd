"""Every third-party module the code imports is a declared dependency in pyproject.toml.

An undeclared import works on the developer's machine (something else pulled it in) and breaks a
clean install; this reads the imports with ``ast`` and maps them to distributions installed here.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirement_names(requirements: list[str]) -> set[str]:
    return {_normalise(re.split(r"[ <>=!~;\[]", req, maxsplit=1)[0]) for req in requirements}


def third_party_imports(folder: Path) -> dict[str, list[str]]:
    """Top-level modules imported under ``folder`` that are neither stdlib nor our own."""
    found: dict[str, list[str]] = {}
    for source in sorted(folder.rglob("*.py")):
        tree = ast.parse(source.read_text("utf-8"), str(source))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top in sys.stdlib_module_names or top in ("rte_desktop", "tests", "bench"):
                    continue
                if (source.parent / f"{top}.py").exists():  # a script's sibling (bench/run.py)
                    continue
                found.setdefault(top, []).append(f"{source.relative_to(ROOT)}:{node.lineno}")
    return found


def undeclared(folder: Path, declared: set[str]) -> dict[str, list[str]]:
    distributions = packages_distributions()
    missing = {}
    for module, where in third_party_imports(folder).items():
        names = {_normalise(d) for d in distributions.get(module, [module])}
        if not names & declared:
            missing[module] = where[:3]
    return missing


RUNTIME = _requirement_names(PYPROJECT["project"]["dependencies"])
TEST = RUNTIME | _requirement_names(PYPROJECT["project"]["optional-dependencies"]["test"])


def test_the_scan_sees_known_imports() -> None:
    imports = third_party_imports(ROOT / "rte_desktop")
    assert {"PySide6", "sqlalchemy", "reportlab", "icalendar"} <= set(imports)
    assert "json" not in imports and "rte_desktop" not in imports


def test_every_import_of_the_app_is_a_runtime_dependency() -> None:
    assert undeclared(ROOT / "rte_desktop", RUNTIME) == {}


@pytest.mark.parametrize("folder", ["tests", "bench"])
def test_every_import_of_the_tests_is_declared(folder: str) -> None:
    assert undeclared(ROOT / folder, TEST) == {}
