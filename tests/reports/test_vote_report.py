"""The confidence-vote PDF, read back with pypdf and pdftotext."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rte_desktop.app import main
from rte_desktop.domain.model import VoteMode
from rte_desktop.workspace import Workspace
from tests.pdf_tools import assert_pdf_valid, pdf_metadata, pdf_text, pdftotext


def histogram_after(text: str, heading: str) -> list[int]:
    """The five counts of the "Votes" row that follows ``heading``."""
    tail = text[text.index(heading) :]
    numbers = re.search(r"Votes\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)", tail)
    assert numbers, tail[:300]
    return [int(n) for n in numbers.groups()]


def facts_after(text: str, heading: str) -> str:
    tail = text[text.index(heading) :]
    return " ".join(tail[: tail.index("Closed")].split())


@pytest.fixture
def voted_ws(demo_ws: Workspace) -> tuple[Workspace, int]:
    """The demo's planned PI with a failed and a passed Ωmega round, a hidden Kraken round."""
    art = demo_ws.train.arts()[0]
    pi = demo_ws.train.pis(art.id)[2]
    teams = {t.name: t for t in demo_ws.train.teams(art.id)}
    votes = demo_ws.votes
    first = votes.start_round(pi.id, teams["Ωmega"].id, mode=VoteMode.INDIVIDUAL).value
    low = None
    for value in (1, 2, 3, 3, 4):
        ballot = votes.add_ballot(first.id, value, voter="李雷" if value == 1 else "").value
        low = low or ballot
    votes.add_ballot(first.id, 4, comment="Confident <really> & sure")
    concern = votes.add_concern(first.id, "Test environment booked until May", low.id).value
    votes.concern_to_risk(concern.id)
    votes.add_concern(first.id, "Unclear scope of the SSO feature")
    second = votes.revote(first.id).value
    for value in (3, 4, 4, 4):
        votes.add_ballot(second.id, value)
    hidden = votes.start_round(pi.id, teams["Kraken"].id, mode=VoteMode.HIDDEN).value
    for value in (1, 1, 5):
        votes.add_ballot(hidden.id, value)
    return demo_ws, pi.id


def test_report_prints_histograms_averages_results_and_concerns(
    voted_ws: tuple[Workspace, int], tmp_path: Path
) -> None:
    ws, pi_id = voted_ws
    path = ws.votes.render_report(pi_id, tmp_path / "vote.pdf")
    assert_pdf_valid(path)
    text = "\n".join(pdf_text(path))
    assert "Confidence vote — PI 2027.1" in text
    assert pdf_metadata(path)["/Title"] == "Confidence vote PI 2027.1"

    assert histogram_after(text, "Ωmega — round 1") == [1, 1, 2, 2, 0]
    first = facts_after(text, "Ωmega — round 1")
    assert "Result ✘ FAIL Average 2.83" in first  # 17 / 6
    assert "6 of 8 eligible (75%)" in first and "⚠ 2 to be heard" in first
    assert histogram_after(text, "Ωmega — round 2 (latest)") == [0, 0, 1, 3, 0]
    second = facts_after(text, "Ωmega — round 2 (latest)")
    assert "✔ PASS" in second and "3.75" in second and "4 of 8 eligible (50%)" in second

    assert "Test environment booked until May (voted 1, 李雷) → risk, unroamed" in text
    assert "Unclear scope of the SSO feature (not a risk)" in text
    assert "4 · anonymous: Confident <really> & sure" in text
    assert "李雷" in pdftotext(path)


def test_a_hidden_round_prints_no_counts(voted_ws: tuple[Workspace, int], tmp_path: Path) -> None:
    ws, pi_id = voted_ws
    path = ws.votes.render_report(pi_id, tmp_path / "vote.pdf")
    text = "\n".join(pdf_text(path))
    facts = facts_after(text, "Kraken — round 1")
    assert "Counts hidden" in facts
    assert "Result hidden" in facts and "Average hidden" in facts
    assert "3 of 9 eligible" in facts  # how many voted is no secret; what they voted is
    assert "⚠" not in facts and "2.33" not in facts
    kraken = ws.votes.latest_round(
        pi_id, next(t.id for t in ws.train.teams(ws.train.arts()[0].id) if t.name == "Kraken")
    )
    ws.votes.reveal(kraken.id)
    path = ws.votes.render_report(pi_id, tmp_path / "revealed.pdf")
    text = "\n".join(pdf_text(path))
    assert histogram_after(text, "Kraken — round 1") == [2, 0, 0, 0, 1]
    assert "⚠ 2 to be heard" in facts_after(text, "Kraken — round 1")


def test_summary_table_and_trend_name_every_scope_and_pi(
    voted_ws: tuple[Workspace, int], tmp_path: Path
) -> None:
    ws, pi_id = voted_ws
    path = ws.votes.render_report(pi_id, tmp_path / "vote.pdf")
    layout = pdftotext(path)
    summary = layout[: layout.index("Ωmega — round 1")]
    cells = "\n".join(pdf_text(path))
    omega = cells[cells.index("Ωmega") : cells.index("Kraken")]  # one cell per line in pypdf
    assert " ".join(omega.split()) == "Ωmega 2 of 2 (open) 4 / 8 3.75 ✔ PASS – 2 (1 risk)"
    phoenix = next(line for line in summary.splitlines() if "Phoenix" in line)
    assert "not voted" in phoenix
    assert "Whole ART (Aurora ART)" in summary
    trend = layout[layout.index("The ART's vote across PIs") :]
    for pi_name, average in (("PI 2026.1", "3.84"), ("PI 2026.2", "3.95")):
        rows = [line.split() for line in trend.splitlines() if line.split()[:2] == pi_name.split()]
        assert rows[-1][2:] == [average, "✔", "PASS"]  # the table under the chart
    assert "no ART vote" in trend


def test_same_votes_same_bytes(voted_ws: tuple[Workspace, int], tmp_path: Path) -> None:
    ws, pi_id = voted_ws
    first = ws.votes.render_report(pi_id, tmp_path / "a.pdf").read_bytes()
    assert first == ws.votes.render_report(pi_id, tmp_path / "b.pdf").read_bytes()


def test_command_line_writes_the_report_and_refuses_an_unknown_pi(tmp_path: Path, capsys) -> None:
    db, out = tmp_path / "t.sqlite", tmp_path / "vote.pdf"
    assert main(["demo", "--db", str(db)]) == 0
    assert main(["report", "vote", "--db", str(db), "--out", str(out)]) == 0
    assert "Whole ART (Aurora ART)" in "\n".join(pdf_text(out))
    assert (
        main(
            [
                "report",
                "vote",
                "--db",
                str(db),
                "--out",
                str(tmp_path / "x.pdf"),
                "--pi",
                "PI 1999.9",
            ]
        )
        == 1
    )
    assert "No PI is named 'PI 1999.9'" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()
