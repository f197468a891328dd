"""The workshop report PDF, read back with pypdf, pdftotext and qpdf/pikepdf."""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf

from rte_desktop.workspace import Workspace
from tests.pdf_tools import assert_pdf_valid, pdf_metadata, pdf_text, pdftotext


def _pi_id(ws: Workspace, name: str) -> int:
    pi = ws.train.find_pi(None, name)
    assert pi is not None and pi.id is not None
    return pi.id


def _render(ws: Workspace, tmp_path: Path, name: str = "PI 2026.1") -> Path:
    return ws.inspect_adapt.render_report(tmp_path / "workshop.pdf", _pi_id(ws, name))


def test_report_prints_every_part_of_the_workshop(demo_ws: Workspace, tmp_path: Path) -> None:
    path = _render(demo_ws, tmp_path)
    assert_pdf_valid(path)
    text = " ".join(pdf_text(path))
    flat = re.sub(r"\s+", " ", text)
    for expected in (
        "Problem-solving workshop: Features slip to the next PI",
        "4 of 16 committed features were not done",
        "Teams Kraken and Ωmega",
        "Root causes (fishbone)",
        "Late dependency discovery",
        "No Coach Sync on dependencies",  # a "why?" sub-cause
        "12 participants × 5 dots = 60 dots available; 54 placed.",
        "Integration environments are not available when teams need them",
        "Self-service test environments",
        "Dependency check at every Coach Sync",
        "Zoë Ñúñez",
        "李雷",
        "PI 2026.2",
    ):
        assert expected in flat, expected
    assert pdf_metadata(path)["/Title"] == "I&A workshop report — PI 2026.1"
    assert "李雷" in pdftotext(path)


def test_vote_table_rows_are_ranked_with_cumulative_and_vital_few(
    demo_ws: Workspace, tmp_path: Path
) -> None:
    layout_text = pdftotext(_render(demo_ws, tmp_path))
    rows = re.findall(
        r"^\s*(\d+)\s+(.+?)\s{2,}(\S+)\s+(\d+)\s+([\d.]+)%\s+([\d.]+)%\s*(yes)?",
        layout_text,
        flags=re.MULTILINE,
    )
    ranked = [(int(r[0]), r[1], int(r[3]), float(r[5]), bool(r[6])) for r in rows]
    names = [r[1] for r in ranked]
    assert names[:3] == [
        "Late dependency discovery",
        "Shared test environment",
        "Key experts overloaded",
    ]
    counts = [r[2] for r in ranked]
    assert counts == sorted(counts, reverse=True)
    assert ranked[-1][3] == 100.0
    assert [r[4] for r in ranked].count(True) == 5  # 14+11+9+8+5 = 47 of 54 >= 80%


def test_fishbone_and_pareto_are_vector_graphics(demo_ws: Workspace, tmp_path: Path) -> None:
    path = _render(demo_ws, tmp_path)
    with pikepdf.open(path) as pdf:
        images = sum(len(page.get_images()) for page in pdf.pages)
        ops = [op for page in pdf.pages for _operands, op in pikepdf.parse_content_stream(page)]
    assert images == 0
    names = [str(op) for op in ops]
    assert names.count("l") > 40  # lines: spine, ribs, connectors, bars' axes
    assert names.count("re") > 10  # rectangles: labels and bars


def test_hidden_votes_are_not_printed(demo_ws: Workspace, tmp_path: Path) -> None:
    shop = demo_ws.workshop.workshops(_pi_id(demo_ws, "PI 2026.1"))[0]
    demo_ws.workshop.set_votes_hidden(shop.id, True)
    text = re.sub(r"\s+", " ", " ".join(pdf_text(_render(demo_ws, tmp_path))))
    assert "The dots are still hidden" in text
    assert "Cumulative" not in text


def test_several_workshops_each_start_a_page(demo_ws: Workspace, tmp_path: Path) -> None:
    pi_id = _pi_id(demo_ws, "PI 2026.2")
    first = demo_ws.workshop.create_workshop(pi_id, "Releases are late").value
    demo_ws.workshop.create_workshop(pi_id, "Too many defects 李雷")
    bone = demo_ws.workshop.fishbone(first.id).bones[0]
    for index in range(30):
        demo_ws.workshop.add_cause(bone.id, f"Cause number {index} with a longer text")
    pages = pdf_text(_render(demo_ws, tmp_path, "PI 2026.2"))
    starts = [i for i, page in enumerate(pages) if "Problem-solving workshop:" in page]
    assert len(starts) == 2 and starts[0] == 0
    assert "Too many defects 李雷" in pages[starts[1]]
    assert "No dots yet." in " ".join(pages)
    assert "Cause number 29 with a longer text" in " ".join(pages)
