"""A panel gets the services it uses in its constructor, from one factory function.

Inside a panel's package nothing reads the workspace (``ctx.ws``, ``.ws.``) except that factory,
so the constructor's parameters are the whole list of what the panel uses. A new panel is held to
this as soon as it is listed in ui/panels.py.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from rte_desktop.ui.panels import panel_specs

UI = Path(__file__).resolve().parents[2] / "rte_desktop" / "ui"
PARTS = {"art_sync": ""}  # ui packages that are part of another panel: no factory of their own


def _factories() -> dict[str, str]:
    """Every panel's ui package and the name of its factory function."""
    found = dict(PARTS)
    for spec in panel_specs():
        module, _, name = spec.factory.partition(":")
        found[module.split(".")[2]] = name
    return found


def _workspace_reads(path: Path, factory: str) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    allowed: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == factory:
            allowed |= {id(n) for n in ast.walk(node)}
    return [
        f"{path.name}:{node.lineno}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr == "ws" and id(node) not in allowed
    ]


@pytest.mark.parametrize(("package", "factory"), sorted(_factories().items()))
def test_only_the_factory_reads_the_workspace(package: str, factory: str) -> None:
    found = [
        hit
        for path in sorted((UI / package).glob("*.py"))
        for hit in _workspace_reads(path, factory)
    ]
    assert found == []


def test_the_check_sees_a_workspace_read(tmp_path: Path) -> None:
    sample = tmp_path / "panel.py"
    lines = ["def build(ctx):", "    return ctx.ws", "class P:", "    def f(self):"]
    sample.write_text("\n".join([*lines, "        return self.ctx.ws.train", ""]))
    assert _workspace_reads(sample, "build") == ["panel.py:5"]
