"""The calendar commands: ICS export, holiday import, calendar PDF."""

from __future__ import annotations

from pathlib import Path

from rte_desktop.app import main
from rte_desktop.workspace import open_workspace
from tests.ics_read import components, read_ics
from tests.pdf_tools import assert_pdf_valid, pdf_text


def test_export_ics_report_calendar_and_import_holidays(tmp_path: Path, new_db, capsys) -> None:
    db = new_db("t")
    assert main(["demo", "--db", str(db)]) == 0
    out = tmp_path / "all.ics"
    assert main(["export", "ics", "--db", str(db), "--out", str(out)]) == 0
    everything = components(read_ics(out.read_bytes()), "VEVENT")
    assert len(everything) > 50
    ws = open_workspace(db)
    first = ws.train.pis(ws.train.arts()[0].id)[0]
    ws.close()
    one = tmp_path / "one.ics"
    assert main(["export", "ics", "--db", str(db), "--out", str(one), "--pi", first.name]) == 0
    assert 0 < len(components(read_ics(one.read_bytes()), "VEVENT")) < len(everything)
    pdf = tmp_path / "cal.pdf"
    assert main(["report", "calendar", "--db", str(db), "--out", str(pdf)]) == 0
    assert_pdf_valid(pdf)
    assert len(pdf_text(pdf)) == 4
    holidays = tmp_path / "h.ics"
    holidays.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY:Founders day\r\n"
        "DTSTART;VALUE=DATE:20300305\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        encoding="utf-8",
    )
    assert main(["import", "holidays", str(holidays), "--db", str(db)]) == 0
    assert "Imported 1 holiday(s)" in capsys.readouterr().out


def test_bad_input_gives_a_message_exit_1_and_no_file(tmp_path: Path, new_db, capsys) -> None:
    db = new_db("t")
    assert main(["demo", "--db", str(db)]) == 0
    capsys.readouterr()
    out = tmp_path / "x.ics"
    assert main(["export", "ics", "--db", str(db), "--out", str(out), "--pi", "PI 1999.9"]) == 1
    assert "No PI is named 'PI 1999.9'" in capsys.readouterr().err
    assert not out.exists()
    notes = tmp_path / "notes.ics"
    notes.write_text("just some notes", encoding="utf-8")
    assert main(["import", "holidays", str(notes), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "not an iCalendar (.ics) file" in err and "Traceback" not in err
    from rte_desktop.workspace import open_workspace

    open_workspace(tmp_path / "empty.sqlite").close()  # a train file with no train in it
    assert (
        main(
            [
                "report",
                "calendar",
                "--db",
                new_db("empty", migrated=False),
                "--out",
                str(tmp_path / "c.pdf"),
            ]
        )
        == 1
    )
    assert "no PI yet" in capsys.readouterr().err
