"""The ART backlog's columns in a feature file (CSV or XLSX), read cell by cell with locations.

``rte-desktop export backlog`` writes these headers and ``import features`` reads them back; a
file without them (a Jira export) leaves the backlog fields of existing features as they were.

=====================  ======================================================================
field                  headers
=====================  ======================================================================
state                  State, Backlog state
business_value         User-business value, Business value, UBV
time_criticality       Time criticality, TC
risk_reduction         Risk reduction / opportunity enablement, Risk reduction, RR/OE
job_size               Job size, Size
epic                   Epic, Parent epic, Epic link, Custom field (Epic Link), Parent
acceptance_criteria    Acceptance criteria, Custom field (Acceptance Criteria)
candidate_teams        Likely teams, Candidate teams
definition_of_ready    Definition of Ready (the items met, one per line or separated by ";")
=====================  ======================================================================

Columns the export adds for people (Rank, Cost of delay, WSJF) are derived and ignored on import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Protocol

from rte_desktop.domain.backlog import state_of
from rte_desktop.domain.errors import ValidationError
from rte_desktop.domain.kinds import BacklogState, WsjfColumn
from rte_desktop.domain.wsjf import check_value

BACKLOG_HEADERS: dict[str, tuple[str, ...]] = {
    "state": ("state", "backlog state"),
    "business_value": ("user-business value", "business value", "ubv"),
    "time_criticality": ("time criticality", "tc"),
    "risk_reduction": (
        "risk reduction / opportunity enablement",
        "risk reduction",
        "rr/oe",
    ),
    "job_size": ("job size", "size"),
    "epic": ("epic", "parent epic", "epic link", "custom field (epic link)", "parent"),
    "acceptance_criteria": ("acceptance criteria", "custom field (acceptance criteria)"),
    "candidate_teams": ("likely teams", "candidate teams"),
    "definition_of_ready": ("definition of ready",),
}
# The header each field gets in an export (the first alias, as people write it).
EXPORT_HEADERS: dict[str, str] = {
    "state": "State",
    "business_value": "User-business value",
    "time_criticality": "Time criticality",
    "risk_reduction": "Risk reduction / opportunity enablement",
    "job_size": "Job size",
    "epic": "Epic",
    "acceptance_criteria": "Acceptance criteria",
    "candidate_teams": "Likely teams",
    "definition_of_ready": "Definition of Ready",
}
MAX_TEXT = 500
MAX_CRITERIA = 5000


class Located(Protocol):
    @property
    def value(self) -> str: ...

    def where(self) -> str: ...


@dataclass(frozen=True)
class BacklogValues:
    """The backlog fields a row gives; only the keys present in ``fields`` were in the file.

    ``definition_of_ready`` is the list of item texts met (``None`` when the file has no such
    column); ``state_cell`` locates the state for messages that need it.
    """

    fields: dict[str, Any]
    definition_of_ready: list[str] | None
    state_cell: Located | None


def split_items(text: str) -> list[str]:
    """Definition of Ready items met, one per line or separated by semicolons."""
    return [" ".join(part.split()) for part in re.split(r"[;\n]+", text) if part.strip()]


def _number(cell: Located, column: WsjfColumn) -> int:
    text = cell.value.strip()
    try:
        number = float(text)  # a spreadsheet may give "8.0"
    except ValueError:
        raise ValidationError(
            f"{cell.where()}: '{text}' is not a number on the scale 1, 2, 3, 5, 8, 13, 20."
        ) from None
    if number != int(number):
        raise ValidationError(f"{cell.where()}: {text} is not a whole number.")
    value = int(number)
    check_value(column, value, cell.where())
    return value


def read_backlog_values(cells: dict[str, Located | None], errors: list[str]) -> BacklogValues:
    """Read one row's backlog cells (name -> cell, ``None`` for an empty cell of a column).

    Names missing from ``cells`` are columns the file lacks (their fields are left alone). Every
    problem is appended to ``errors`` with its location.
    """
    fields: dict[str, Any] = {}
    dor: list[str] | None = None
    state_cell = cells.get("state")
    for name, cell in cells.items():
        try:
            if name in ("business_value", "time_criticality", "risk_reduction", "job_size"):
                fields[name] = None if cell is None else _number(cell, WsjfColumn(name))
            elif name == "state":
                if cell is not None:
                    fields[name] = state_of(cell.value, cell.where())
            elif name == "definition_of_ready":
                dor = [] if cell is None else split_items(cell.value)
            else:
                text = "" if cell is None else cell.value.strip()
                limit = MAX_CRITERIA if name == "acceptance_criteria" else MAX_TEXT
                if len(text) > limit and cell is not None:
                    raise ValidationError(f"{cell.where()}: longer than {limit} characters.")
                fields[name] = text if name == "acceptance_criteria" else " ".join(text.split())
        except ValidationError as exc:
            errors.append(str(exc))
    return BacklogValues(fields, dor, state_cell)


def backlog_state_or(values: BacklogValues, default: BacklogState) -> BacklogState:
    state = values.fields.get("state")
    return state if isinstance(state, BacklogState) else default
