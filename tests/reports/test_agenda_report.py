"""The timing report, read back with pypdf and pdftotext; and its command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from rte_desktop.app import main
from rte_desktop.domain.clock import FakeClock
from rte_desktop.workspace import Workspace
from tests.pdf_tools import assert_pdf_valid, pdf_metadata, pdf_text, pdftotext


def run_a_morning(ws: Workspace, clock: FakeClock) -> int:
    art = ws.train.arts()[0]
    pi = ws.train.current_pi(art.id)
    agenda = ws.agenda.find(pi.id)
    first = ws.agenda.items(agenda.id)[0]
    ws.agenda.edit_item(first.id, title="Business context 李雷 <Ωmega> & co")
    timer = ws.agenda_timer
    timer.start(agenda.id)
    clock.advance(65 * 60)  # 5 minutes over
    timer.next(agenda.id)
    clock.advance(80 * 60)  # 10 minutes under
    timer.next(agenda.id)
    clock.advance(10 * 60)
    return agenda.id


def test_report_shows_planned_vs_actual_and_the_overrun(
    demo_ws: Workspace, clock: FakeClock, tmp_path: Path
) -> None:
    agenda_id = run_a_morning(demo_ws, clock)
    out = demo_ws.agenda_timer.timing_report(agenda_id, tmp_path / "timing.pdf")
    assert_pdf_valid(out)
    text = " ".join("\n".join(pdf_text(out)).split())
    assert "Timing report: PI Planning" in text
    assert "Business context 李雷 <Ωmega> & co" in text
    assert "+5:00 over" in text
    assert "-10:00 under" in text
    assert "Total overrun: 5:00" in text
    assert "Net difference of the items that ran: -5:00 under" in text
    assert "running" in text  # the current item, still within its plan
    assert "not run" in text
    assert "Day 2" in text
    assert "in progress" in text
    layout = pdftotext(out)
    assert "Projected end" in layout
    assert pdf_metadata(out)["/Title"] == "Timing report: PI Planning"
    again = demo_ws.agenda_timer.timing_report(agenda_id, tmp_path / "again.pdf")
    assert again.read_bytes() == out.read_bytes()


def test_cli_renders_the_report_and_names_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, out = tmp_path / "t.sqlite", tmp_path / "r.pdf"
    assert main(["demo", "--db", str(db)]) == 0
    assert main(["report", "agenda", "--db", str(db), "--out", str(out)]) == 0
    assert "written to" in capsys.readouterr().out
    text = "\n".join(pdf_text(out))
    assert "Not run yet" in text and "Business context" in text
    assert main(["report", "agenda", "--db", str(db), "--out", str(out), "--agenda", "X"]) == 1
    assert "No agenda is titled 'X'" in capsys.readouterr().err
    code = main(["report", "agenda", "--db", str(db), "--out", str(out), "--pi", "PI 1999.9"])
    assert code == 1
    assert "No PI is named" in capsys.readouterr().err
