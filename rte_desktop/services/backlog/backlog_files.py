"""The backlog's files: the PI Planning pre-read (PDF) and the export (CSV or XLSX).

The export's headers are the ones ``import features`` reads (``domain.feature_csv`` and
``domain.backlog_columns``), so exporting and importing again changes nothing; Rank, Cost of
delay and WSJF are there for people and ignored on import. openpyxl and reportlab are imported
inside the functions that need them so start-up stays fast.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import TYPE_CHECKING

from rte_desktop.domain.backlog import STATE_LABELS
from rte_desktop.domain.backlog_columns import EXPORT_HEADERS
from rte_desktop.domain.errors import ValidationError
from rte_desktop.domain.kinds import BacklogState
from rte_desktop.domain.wsjf import format_wsjf
from rte_desktop.services.common.files import write_atomically

if TYPE_CHECKING:
    from rte_desktop.reports.backlog_report import BacklogReport
    from rte_desktop.services.backlog.backlog_view import BacklogRow, BacklogView

SUFFIXES = (".csv", ".xlsx")
HEADERS: tuple[str, ...] = (
    "Rank",
    "Key",
    "Title",
    "Kind",
    "Team",
    EXPORT_HEADERS["state"],
    EXPORT_HEADERS["business_value"],
    EXPORT_HEADERS["time_criticality"],
    EXPORT_HEADERS["risk_reduction"],
    EXPORT_HEADERS["job_size"],
    "Cost of delay",
    "WSJF",
    EXPORT_HEADERS["epic"],
    EXPORT_HEADERS["acceptance_criteria"],
    EXPORT_HEADERS["candidate_teams"],
    EXPORT_HEADERS["definition_of_ready"],
)


def rank_text(row: BacklogRow) -> str:
    if row.rank is None:
        return ""
    return f"={row.rank}" if row.tied else str(row.rank)


def _number(value: int | None) -> int | str:
    return "" if value is None else value


def table(view: BacklogView) -> list[list[object]]:
    """The export's rows (header first): the backlog in WSJF order."""
    texts = {item.id: item.text for item in view.definition}
    rows: list[list[object]] = [list(HEADERS)]
    for row in view.rows:
        f = row.feature
        met = [texts[i.id] for i in view.definition if i.id in row.met and i.id in texts]
        rows.append(
            [
                rank_text(row),
                f.key,
                f.title,
                f.kind.value,
                row.team,
                f.state.value,
                _number(f.business_value),
                _number(f.time_criticality),
                _number(f.risk_reduction),
                _number(f.job_size),
                _number(row.cost_of_delay),
                "" if row.wsjf is None else round(float(row.wsjf), 2),
                f.epic,
                f.acceptance_criteria,
                f.candidate_teams,
                "; ".join(met),
            ]
        )
    return rows


def export_backlog(view: BacklogView, out: Path) -> Path:
    """Write the backlog as CSV (UTF-8 with BOM, for Excel) or XLSX, by the file's suffix.

    Raises:
        ValidationError: the suffix is neither .csv nor .xlsx.
    """
    suffix = out.suffix.casefold()
    if suffix not in SUFFIXES:
        raise ValidationError(
            f"{out.name}: export the backlog as .csv or .xlsx (the suffix decides)."
        )
    rows = table(view)
    if suffix == ".csv":
        buffer = io.StringIO(newline="")
        csv.writer(buffer).writerows(rows)
        return write_atomically(out, ("\ufeff" + buffer.getvalue()).encode("utf-8"))
    import openpyxl
    from openpyxl.styles import Alignment, Font

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Features"
    for values in rows:
        sheet.append(values)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for column, width in zip(
        "ABCDEFGHIJKLMNOP", (6, 10, 40, 9, 12, 10, 8, 8, 8, 8, 8, 8, 20, 50, 18, 40), strict=True
    ):
        sheet.column_dimensions[column].width = width
    for line in sheet.iter_rows(min_row=2, min_col=14, max_col=14):
        for cell in line:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "C2"
    buffer_bytes = io.BytesIO()
    book.save(buffer_bytes)
    return write_atomically(out, buffer_bytes.getvalue())


def report_data(view: BacklogView, printed_on: str) -> BacklogReport:
    from rte_desktop.reports.backlog_report import BacklogLine, BacklogReport

    total = len(view.definition)
    lines = []
    for row in view.rows:
        f = row.feature
        lines.append(
            BacklogLine(
                rank=rank_text(row),
                key=f.key,
                title=f.title,
                kind=f.kind.value,
                epic=f.epic,
                state=STATE_LABELS[f.state],
                ready=f.state is BacklogState.READY,
                dor=f"{len(row.met)}/{total}" if total else "–",
                parts=(
                    str(_number(f.business_value)),
                    str(_number(f.time_criticality)),
                    str(_number(f.risk_reduction)),
                ),
                cost_of_delay=str(_number(row.cost_of_delay)),
                job_size=str(_number(f.job_size)),
                wsjf=format_wsjf(row.wsjf) if row.wsjf is not None else "",
                teams=f.candidate_teams or row.team,
                acceptance_criteria=f.acceptance_criteria,
            )
        )
    session = view.session
    if session is None:
        said = "No WSJF session yet"
    elif session.finished_at is None:
        said = f"WSJF session open since {session.started_at:%d %b %Y}"
    else:
        said = f"WSJF session finished {session.finished_at:%d %b %Y}"
    return BacklogReport(
        art_name=view.art.name,
        pi_name=view.pi.name,
        printed_on=printed_on,
        readiness=view.readiness.sentence(),
        capacity=view.art.pi_capacity_features,
        session=said,
        lines=lines,
        definition=[i.text for i in view.definition],
    )


def write_backlog_report(view: BacklogView, out: Path, printed_on: str, paper: str = "a4") -> Path:
    from rte_desktop.reports.backlog_report import render_backlog

    return write_atomically(out, render_backlog(report_data(view, printed_on), paper))
