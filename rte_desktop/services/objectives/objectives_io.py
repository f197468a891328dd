"""Objective files: import from CSV/XLSX (all or nothing), the template, and the PDF.

openpyxl and reportlab are imported inside the functions that need them so start-up stays fast.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rte_desktop.domain.errors import ImportFormatError, ValidationError
from rte_desktop.domain.model import Art, Objective, PlanningInterval, Team
from rte_desktop.domain.objectives import (
    ObjectiveRow,
    UnknownTeamsError,
    read_rows,
    template_rows,
)
from rte_desktop.domain.train import clean_name
from rte_desktop.services.common.files import write_atomically

if TYPE_CHECKING:
    from rte_desktop.services.common.context import ServiceContext
    from rte_desktop.services.objectives.summary import PiPredictability

CSV_SUFFIXES = {".csv", ".txt", ".tsv"}
XLSX_SUFFIXES = {".xlsx", ".xlsm"}
PAPERS = ("a4", "letter", "a3")


@dataclass(frozen=True)
class ImportResult:
    """What an import added."""

    count: int
    created_teams: list[str] = field(default_factory=list)
    per_team: dict[str, int] = field(default_factory=dict)


# -- reading files ------------------------------------------------------------------------------


def _decode(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    try:
        return data.decode("cp1252")  # Excel on Windows still writes cp1252 CSV
    except UnicodeDecodeError:
        line = data.count(b"\n", 0, first_bad) + 1
        raise ImportFormatError(
            f"{path.name}, line {line}: neither UTF-8 nor Windows-1252 text."
        ) from None


def csv_lines(data: bytes, path: Path) -> Iterator[tuple[int, list[str]]]:
    """(first line number, cells) for each CSV record; the delimiter (, ; tab) is sniffed."""
    text = _decode(data, path)
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = max((",", ";", "\t"), key=first.count) if first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    previous = 0
    try:
        for cells in reader:
            yield previous + 1, cells
            previous = reader.line_num
    except csv.Error as exc:
        raise ImportFormatError(f"line {reader.line_num + 1}: broken CSV ({exc}).") from None


def xlsx_lines(path: Path) -> Iterator[tuple[int, Sequence[object]]]:
    """(row number, cell values) of the "Objectives" sheet, else the first sheet."""
    import openpyxl

    # openpyxl parses lazily in read-only mode, so a damaged sheet fails while iterating, and a
    # damaged container can fail in zlib, zipfile, XML or openpyxl itself: whatever the library
    # raises while reading an untrusted workbook means "this file is damaged".
    unreadable: tuple[type[Exception], ...] = (Exception,)
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except unreadable as exc:
        raise ImportFormatError(f"{path.name} is not a readable XLSX workbook ({exc}).") from None
    try:
        names = {name.casefold(): name for name in book.sheetnames}
        sheet = book[names.get("objectives", book.sheetnames[0])]
        rows = enumerate(sheet.iter_rows(values_only=True), start=1)
        while True:
            try:
                number, values = next(rows)
            except StopIteration:
                return
            except unreadable as exc:
                raise ImportFormatError(f"{path.name} is damaged: {exc}") from None
            yield number, list(values)
    finally:
        book.close()


def read_objective_file(path: Path) -> list[ObjectiveRow]:
    """The objective rows of a CSV or XLSX file (validated, with line numbers).

    Raises:
        ImportFormatError: unknown format, unreadable file or a bad cell (line and column).
    """
    suffix = path.suffix.casefold()
    data = path.read_bytes()
    if suffix == ".xls":
        raise ImportFormatError(
            f"{path.name} is an old Excel .xls file; save it as .xlsx or .csv and import that."
        )
    if suffix in XLSX_SUFFIXES or (suffix not in CSV_SUFFIXES and data[:2] == b"PK"):
        return read_rows(xlsx_lines(path), spreadsheet=True)
    return read_rows(csv_lines(data, path))


# -- import -------------------------------------------------------------------------------------


def import_objectives(
    ctx: ServiceContext, path: Path, pi_id: int, create_teams: bool
) -> ImportResult:
    """Add every objective of the file to the PI in one transaction, or nothing.

    Raises:
        UnknownTeamsError: the file names teams the ART lacks and ``create_teams`` is False.
        ImportFormatError: a bad cell, named by line and column.
    """
    rows = read_objective_file(path)
    with ctx.uow() as uow:
        pi = uow.get(PlanningInterval, pi_id)
        art = uow.get(Art, pi.art_id)
        teams = uow.find(Team, art_id=pi.art_id)
        by_name = {t.name.casefold(): t for t in teams}
        unknown: dict[str, int] = {}
        seen: set[str] = set()  # "Ghosts" and "GHOSTS" are one team
        for row in rows:
            key = row.team.casefold()
            if key not in by_name and key not in seen:
                seen.add(key)
                unknown[row.team] = row.line
        created: list[str] = []
        if unknown and not create_teams:
            known = ", ".join(t.name for t in teams) or "none"
            listed = "; ".join(f"'{name}' (line {line})" for name, line in unknown.items())
            raise UnknownTeamsError(
                f"Nothing was imported: column team names teams that {art.name} does not have: "
                f"{listed}. Known teams: {known}. Fix the names, or import with "
                "--create-teams to add them.",
                list(unknown),
            )
        for position, name in enumerate(unknown, start=len(teams)):
            team = uow.add(
                Team(art_id=pi.art_id, name=clean_name(name, "Team name"), position=position)
            )
            by_name[name.casefold()] = team
            created.append(team.name)
        next_position: dict[int, int] = {}
        per_team: dict[str, int] = {}
        for row in rows:
            team = by_name[row.team.casefold()]
            team_id = team.id or 0
            if team_id not in next_position:
                next_position[team_id] = uow.count(Objective, pi_id=pi_id, team_id=team_id)
            uow.add(
                Objective(
                    pi_id=pi_id,
                    team_id=team_id,
                    position=next_position[team_id],
                    text=row.text,
                    committed=row.committed,
                    planned_bv=row.planned_bv,
                    actual_bv=row.actual_bv,
                    notes=row.notes,
                )
            )
            next_position[team_id] += 1
            per_team[team.name] = per_team.get(team.name, 0) + 1
    return ImportResult(len(rows), created, per_team)


# -- template -----------------------------------------------------------------------------------


def write_template(ctx: ServiceContext, path: Path, art_id: int | None) -> Path:
    """Write the import template as CSV or XLSX (by suffix), using the ART's team names."""
    teams: list[str] = []
    if art_id is not None:
        with ctx.uow() as uow:
            teams = [t.name for t in uow.find(Team, art_id=art_id)]
    rows = template_rows(teams)
    suffix = path.suffix.casefold()
    if suffix in XLSX_SUFFIXES:
        return write_atomically(path, _template_xlsx(rows))
    if suffix not in CSV_SUFFIXES:
        raise ValidationError(f"Save the template as .csv or .xlsx, not '{path.suffix}'.")
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    # A byte-order mark lets Excel open the UTF-8 file with the right characters.
    return write_atomically(path, buffer.getvalue().encode("utf-8-sig"))


def _template_xlsx(rows: list[list[str]]) -> bytes:
    import openpyxl
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Objectives"
    for row in rows:
        sheet.append([int(v) if v.isdigit() else v for v in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for letter, width in zip("ABCDEF", (18, 60, 14, 12, 12, 30), strict=True):
        sheet.column_dimensions[letter].width = width
    committed = DataValidation(type="list", formula1='"yes,no"', allow_blank=True)
    planned = DataValidation(type="whole", operator="between", formula1="1", formula2="10")
    actual = DataValidation(type="whole", operator="between", formula1="0", formula2="10")
    for validation, column in ((committed, "C"), (planned, "D"), (actual, "E")):
        validation.add(f"{column}2:{column}500")
        sheet.add_data_validation(validation)
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# -- PDF ----------------------------------------------------------------------------------------


def render_objectives_pdf(ctx: ServiceContext, summary: PiPredictability, paper: str) -> bytes:
    """The objectives PDF for one PI, from the stored data and its predictability summary."""
    from rte_desktop.reports.objectives import ObjectivesReport, TeamSheet, render_objectives

    if paper.casefold() not in PAPERS:
        raise ValidationError(f"Unknown paper '{paper}'; use one of {', '.join(PAPERS)}.")
    pi_id = summary.pi.id
    with ctx.uow() as uow:
        art = uow.get(Art, summary.pi.art_id)
        objectives = uow.find(Objective, pi_id=pi_id)
    sheets = [
        TeamSheet(
            name=line.team.name,
            objectives=[o for o in objectives if o.team_id == line.team.id],
            performance=line.performance,
        )
        for line in summary.teams
    ]
    report = ObjectivesReport(
        art_name=art.name,
        pi=summary.pi,
        teams=sheets,
        art=summary.art,
        assessed=summary.assessed,
    )
    return render_objectives(report, paper.casefold())
