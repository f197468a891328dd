"""A panel gets the services it uses in its constructor, from one factory function.

Inside a converted panel package nothing reads the workspace (``ctx.ws``, ``.ws.``) except that
factory, so the constructor's parameters are the whole list of what the panel uses. Packages
join the list as they are converted.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

UI = Path(__file__).resolve().parents[2] / "rte_desktop" / "ui"
CONVERTED = {
    "agenda": "agenda_panel",
    "art_sync": "",
    "backlog": "backlog_panel",
    "board": "board_panel",
    "calendar": "calendar_panel",
    "flow": "flow_panel",
    "objectives": "objectives_panel",
    "readiness": "readiness_panel",
    "risks": "risks_panel",
    "system_demo": "system_demo_panel",
    "workshop": "workshop_panel",
}  # package: its factory function


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


@pytest.mark.parametrize("package", sorted(CONVERTED))
def test_only_the_factory_reads_the_workspace(package: str) -> None:
    found = [
        hit
        for path in sorted((UI / package).glob("*.py"))
        for hit in _workspace_reads(path, CONVERTED[package])
    ]
    assert found == []


def test_the_check_sees_a_workspace_read(tmp_path: Path) -> None:
    sample = tmp_path / "panel.py"
    lines = ["def build(ctx):", "    return ctx.ws", "class P:", "    def f(self):"]
    sample.write_text("\n".join([*lines, "        return self.ctx.ws.train", ""]))
    assert _workspace_reads(sample, "build") == ["panel.py:5"]
