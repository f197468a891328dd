"""Importing objectives from CSV and XLSX: synonyms, bad rows (line and column), all or nothing."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from rte_desktop.domain.errors import ImportFormatError
from rte_desktop.domain.objectives import UnknownTeamsError
from rte_desktop.services.common.changes import Area
from rte_desktop.workspace import Workspace


def _pi(ws: Workspace):
    return ws.train.find_pi(None, None)


def _write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def test_csv_with_synonyms_extra_columns_and_unicode(demo_ws: Workspace, tmp_path: Path) -> None:
    pi = _pi(demo_ws)
    before = {
        t.name: len(demo_ws.objectives.objectives(pi.id, t.id))
        for t in demo_ws.train.teams(pi.art_id)
    }
    path = tmp_path / "o.csv"
    path.write_text(
        "Owner,TEAM,PI Objective,Type,Planned Business Value,Actual BV,Notes\n"
        'x,ωMEGA,"Ship <α> & β, with ""quotes""",committed,8,,from BO\n'
        "x,Kraken,Try the spike,Stretch,5,3,\n"
        "x,kraken,Multi-line\n"
        "\n"
        'x,Kraken,"Two\nlines",0,10,0,\n',
        encoding="utf-8-sig",
    )
    outcome = demo_ws.objectives.import_file(path, pi.id)
    assert outcome.value.count == 4 and outcome.changes.touches(Area.OBJECTIVES)
    assert outcome.value.per_team == {"Ωmega": 1, "Kraken": 3}
    teams = {t.name: t.id for t in demo_ws.train.teams(pi.art_id)}
    omega = demo_ws.objectives.objectives(pi.id, teams["Ωmega"])[-1]
    assert (omega.text, omega.committed, omega.planned_bv, omega.actual_bv, omega.notes) == (
        'Ship <α> & β, with "quotes"',
        True,
        8,
        None,
        "from BO",
    )
    kraken = demo_ws.objectives.objectives(pi.id, teams["Kraken"])[-3:]
    assert [(o.committed, o.planned_bv, o.actual_bv) for o in kraken] == [
        (False, 5, 3),
        (True, None, None),
        (False, 10, 0),
    ]
    assert kraken[2].text == "Two\nlines"
    assert [o.position for o in demo_ws.objectives.objectives(pi.id, teams["Kraken"])] == list(
        range(before["Kraken"] + 3)
    )


def test_semicolon_csv_in_windows_1252(demo_ws: Workspace, tmp_path: Path) -> None:
    pi = _pi(demo_ws)
    path = tmp_path / "excel.csv"
    path.write_bytes(
        "team;objective;committed\nCafé Crème;Crème brûlée for all;yes\n".encode("cp1252")
    )
    assert demo_ws.objectives.import_file(path, pi.id).value.per_team == {"Café Crème": 1}


@pytest.mark.parametrize(
    ("body", "where"),
    [
        (
            "Phoenix,Good,yes,7,\nPhoenix,Bad,yes,11,\n",
            "line 3, column 4 (planned_bv): planned business value 11 is outside 1-10",
        ),
        (
            "Phoenix,Good,yes,7,\nPhoenix,Bad,perhaps,7,\n",
            "line 3, column 3 (committed): 'perhaps' is not a commitment",
        ),
        (
            "Phoenix,Good,yes,7,11\n",
            "line 2, column 5 (actual_bv): actual business value 11 is outside 0-10",
        ),
        (
            "Phoenix,Good,yes,seven,\n",
            "line 2, column 4 (planned_bv): planned business value 'seven' is not a whole number",
        ),
        ("Phoenix,Good,yes,7.5,\n", "line 2, column 4 (planned_bv)"),
        ("Phoenix,,yes,7,\n", "line 2, column 2 (objective): the objective is empty"),
        (",Text,yes,7,\n", "line 2, column 1 (team): the team is empty"),
        ('Phoenix,"multi\nline",yes,7,\nPhoenix,Bad,yes,0,\n', "line 4, column 4 (planned_bv)"),
    ],
)
def test_a_bad_row_names_line_and_column_and_imports_nothing(
    demo_ws: Workspace, tmp_path: Path, body: str, where: str
) -> None:
    pi = _pi(demo_ws)
    before = demo_ws.objectives.objectives(pi.id)
    path = tmp_path / "bad.csv"
    path.write_text("team,objective,committed,planned_bv,actual_bv\n" + body, encoding="utf-8")
    with pytest.raises(ImportFormatError) as info:
        demo_ws.objectives.import_file(path, pi.id)
    assert where in str(info.value)
    assert "Nothing was imported" in str(info.value)
    assert demo_ws.objectives.objectives(pi.id) == before


def test_missing_required_column_is_named(demo_ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "h.csv"
    path.write_text("team,planned_bv\nPhoenix,3\n", encoding="utf-8")
    with pytest.raises(ImportFormatError, match="line 1: the header needs the column.s. objective"):
        demo_ws.objectives.import_file(path, _pi(demo_ws).id)


def test_unknown_teams_list_the_known_ones_unless_created(
    demo_ws: Workspace, tmp_path: Path
) -> None:
    pi = _pi(demo_ws)
    path = tmp_path / "t.csv"
    path.write_text("team,objective\nPhoenix,A\nNew Team,B\n李雷队,C\n", encoding="utf-8")
    before = demo_ws.objectives.objectives(pi.id)
    with pytest.raises(UnknownTeamsError) as info:
        demo_ws.objectives.import_file(path, pi.id)
    message = str(info.value)
    assert "'New Team' (line 3)" in message and "'李雷队' (line 4)" in message
    assert "Known teams: Phoenix, Ωmega, Kraken" in message and "--create-teams" in message
    assert info.value.names == ["New Team", "李雷队"]
    assert demo_ws.objectives.objectives(pi.id) == before
    assert len(demo_ws.train.teams(pi.art_id)) == 8
    outcome = demo_ws.objectives.import_file(path, pi.id, create_teams=True)
    assert outcome.value.created_teams == ["New Team", "李雷队"]
    assert outcome.changes.touches(Area.TRAIN)
    names = [t.name for t in demo_ws.train.teams(pi.art_id)]
    assert names[-2:] == ["New Team", "李雷队"]


def test_xlsx_with_numbers_booleans_and_a_bad_cell_named_by_letter(
    demo_ws: Workspace, tmp_path: Path
) -> None:
    pi = _pi(demo_ws)
    good = _write_xlsx(
        tmp_path / "o.xlsx",
        [
            ["Team", "Objective", "Committed", "Planned BV", "Actual BV", "Ignored"],
            ["Atlas", "From Excel", True, 9, None, "zzz"],
            ["Atlas", "Float BV", "no", 4.0, 2, None],
            [None, None, None, None, None, None],
        ],
    )
    assert demo_ws.objectives.import_file(good, pi.id).value.count == 2
    atlas = next(t for t in demo_ws.train.teams(pi.art_id) if t.name == "Atlas")
    last = demo_ws.objectives.objectives(pi.id, atlas.id)[-2:]
    assert [(o.text, o.committed, o.planned_bv, o.actual_bv) for o in last] == [
        ("From Excel", True, 9, None),
        ("Float BV", False, 4, 2),
    ]
    before = demo_ws.objectives.objectives(pi.id)
    bad = _write_xlsx(
        tmp_path / "bad.xlsx",
        [
            ["team", "objective", "committed", "planned_bv"],
            ["Atlas", "ok", "yes", 3],
            ["Atlas", "x", "yes", 11],
        ],
    )
    with pytest.raises(ImportFormatError, match=r"line 3, column D \(planned_bv\)"):
        demo_ws.objectives.import_file(bad, pi.id)
    assert demo_ws.objectives.objectives(pi.id) == before


def test_not_a_workbook_and_old_xls_are_refused(demo_ws: Workspace, tmp_path: Path) -> None:
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ImportFormatError, match="not a readable XLSX"):
        demo_ws.objectives.import_file(broken, _pi(demo_ws).id)
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(ImportFormatError, match="save it as .xlsx"):
        demo_ws.objectives.import_file(old, _pi(demo_ws).id)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_template_imports_as_is(demo_ws: Workspace, tmp_path: Path, suffix: str) -> None:
    pi = _pi(demo_ws)
    path = demo_ws.objectives.write_template(tmp_path / f"template{suffix}", pi.art_id)
    result = demo_ws.objectives.import_file(path, pi.id).value
    assert result.count == 3 and result.per_team == {"Phoenix": 2, "Ωmega": 1}
    if suffix == ".csv":
        assert path.read_bytes().startswith(b"\xef\xbb\xbfteam,objective,committed")
    else:
        sheet = openpyxl.load_workbook(path).active
        assert sheet.title == "Objectives" and sheet["D2"].value == 8
