"""The PI objectives PDF read back by pypdf, pdftotext and qpdf/pikepdf."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from rte_desktop.domain.model import Objective, PlanningInterval
from rte_desktop.domain.predictability import team_performance
from rte_desktop.reports.objectives import ObjectivesReport, TeamSheet, render_objectives
from rte_desktop.workspace import Workspace
from tests.pdf_tools import assert_pdf_valid, pdf_metadata, pdf_text, pdftotext


def _norm(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_demo_pdf_has_summary_plus_one_page_per_team_with_every_objective(
    demo_ws: Workspace, tmp_path: Path, paper: str
) -> None:
    pi = demo_ws.train.find_pi(None, None)
    teams = demo_ws.train.teams(pi.art_id)
    path = demo_ws.objectives.export_pdf(pi.id, tmp_path / "o.pdf", paper)
    assert_pdf_valid(path)
    pages = pdf_text(path)
    assert len(pages) == len(teams) + 1
    assert "PI objectives" in pages[0] and pi.name in pages[0]
    assert "Actual business value has not been scored yet" in _norm(pages[0])
    for team, page in zip(teams, pages[1:], strict=True):
        assert team.name in page
        assert "Business Owners' initials" in page
        assert "Committed objectives" in page and "Uncommitted objectives" in page
        flat = _norm(page)
        for objective in demo_ws.objectives.objectives(pi.id, team.id):
            assert _norm(objective.text) in flat
    poppler = pdftotext(path)
    for word in ("Ωmega", "李雷", "Sakura 桜", "Café Crème", "<beta> & collect"):
        assert word in poppler
    meta = pdf_metadata(path)
    assert meta["/Title"] == f"PI objectives – {pi.name} – Aurora ART"
    assert meta["/Author"] == "RTE Desktop"


def test_committed_come_before_uncommitted_on_a_team_page(
    demo_ws: Workspace, tmp_path: Path
) -> None:
    pi = demo_ws.train.find_pi(None, None)
    team = demo_ws.train.teams(pi.art_id)[0]
    objectives = demo_ws.objectives.objectives(pi.id, team.id)
    # Make the first objective uncommitted: it must now print after every committed one.
    demo_ws.objectives.update(objectives[0].id, committed=False)
    page = _norm(pdf_text(demo_ws.objectives.export_pdf(pi.id, tmp_path / "o.pdf"))[1])
    committed = [o for o in objectives[1:] if o.committed]
    assert page.index(_norm(objectives[0].text)) > page.index("Uncommitted objectives")
    assert all(page.index(_norm(o.text)) < page.index("Uncommitted objectives") for o in committed)


def _expected_row(objectives: list[Objective]) -> list[str]:
    """A team's summary row worked out here from DOMAIN.md §3.3, not by the report's code.

    Objectives "committed + uncommitted", planned BV of the committed ones, actual BV of all,
    the percent rounded half up, and the 80-100% band in words.
    """
    from fractions import Fraction

    committed = sum(1 for o in objectives if o.committed)
    planned = sum(o.planned_bv or 0 for o in objectives if o.committed)
    actual = sum(o.actual_bv or 0 for o in objectives)
    ratio = Fraction(actual * 100, planned)
    percent = int(ratio + Fraction(1, 2))  # half up
    band = "below band" if ratio < 80 else "above band" if ratio > 100 else "in band"
    uncommitted = len(objectives) - committed
    return [f"{committed} + {uncommitted}", str(planned), str(actual), f"{percent}%", band]


def test_assessed_pi_prints_actuals_and_predictability(demo_ws: Workspace, tmp_path: Path) -> None:
    pi = demo_ws.train.pis(demo_ws.train.find_pi(None, None).art_id)[0]
    teams = demo_ws.train.teams(pi.art_id)
    path = demo_ws.objectives.export_pdf(pi.id, tmp_path / "first.pdf", "a4")
    pages = pdf_text(path)
    cells = [line.strip() for line in pages[0].splitlines() if line.strip()]
    every: list[Objective] = []
    for team in teams:
        objectives = demo_ws.objectives.objectives(pi.id, team.id)
        every += objectives
        row = cells.index(team.name)
        assert cells[row + 1 : row + 6] == _expected_row(objectives), team.name
    art = _expected_row(every)
    tail = " ".join(cells[cells.index("ART (ratio of") :])
    assert f"{art[1]} {art[2]} {art[3]} {art[4]}" in tail  # the ratio of the sums
    first_team = demo_ws.objectives.objectives(pi.id, teams[0].id)
    actual = sum(o.actual_bv or 0 for o in first_team)
    assert f"Actual BV: {actual}" in _norm(pages[1])


def _report(count: int, text: str = "Objective") -> ObjectivesReport:
    pi = PlanningInterval(
        id=1, art_id=1, name="PI X", start=dt.date(2027, 1, 4), end=dt.date(2027, 3, 12)
    )
    objectives = [
        Objective(
            id=i,
            pi_id=1,
            team_id=1,
            position=i,
            text=f"{text} {i}",
            planned_bv=5,
            committed=i % 4 != 0,
        )
        for i in range(count)
    ]
    sheet = TeamSheet("Team Long", objectives, team_performance(objectives))
    return ObjectivesReport("ART", pi, [sheet], sheet.performance, assessed=False)


def test_many_objectives_continue_with_the_header_repeated(tmp_path: Path) -> None:
    path = tmp_path / "long.pdf"
    path.write_bytes(render_objectives(_report(30), "a4"))
    assert_pdf_valid(path)
    pages = pdf_text(path)
    assert len(pages) >= 3
    for page in pages[1:]:
        assert "Team Long" in page and "PI X" in page and "Planned" in page
    flat = _norm(" ".join(pages))
    for i in range(30):
        assert f"Objective {i}" in flat


def test_long_text_wraps_and_is_never_clipped(tmp_path: Path) -> None:
    words = " ".join(f"word{i}" for i in range(120))
    path = tmp_path / "wrap.pdf"
    path.write_bytes(render_objectives(_report(2, words), "a4"))
    flat = _norm(" ".join(pdf_text(path)))
    assert _norm(f"{words} 0") in flat and _norm(f"{words} 1") in flat


def test_same_data_same_bytes_and_paper_sizes(demo_ws: Workspace) -> None:
    pi = demo_ws.train.find_pi(None, None)
    assert demo_ws.objectives.render_pdf(pi.id) == demo_ws.objectives.render_pdf(pi.id)
    import io

    from pypdf import PdfReader

    for paper, width in (("a4", 595), ("letter", 612), ("a3", 842)):
        reader = PdfReader(io.BytesIO(demo_ws.objectives.render_pdf(pi.id, paper)))
        assert round(float(reader.pages[0].mediabox.width)) == width
