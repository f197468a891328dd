"""Rules for PI objectives: business-value ranges, and reading objective rows from a table.

Planned business value is 1-10 and actual business value 0-10 (DOMAIN.md decisions); either may
be empty while Business Owners have not scored yet. The import reads columns by header,
case-insensitive, and accepts SAFe 5 and spreadsheet synonyms ("stretch" means uncommitted).
Every problem names its line and column so the user can fix the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rte_desktop.domain.errors import ImportFormatError, ValidationError
from rte_desktop.domain.predictability import BAND_HIGH, BAND_LOW, Performance

PLANNED_RANGE = (1, 10)
ACTUAL_RANGE = (0, 10)
MAX_TEXT = 1000

# Canonical column -> accepted headers (compared after normalize_header).
COLUMNS: dict[str, tuple[str, ...]] = {
    "team": ("team", "team name", "agile team"),
    "objective": (
        "objective",
        "objectives",
        "pi objective",
        "team pi objective",
        "text",
        "description",
        "title",
    ),
    "committed": ("committed", "commitment", "committed uncommitted", "type"),
    "planned_bv": (
        "planned bv",
        "planned business value",
        "planned value",
        "planned",
        "bv",
        "business value",
    ),
    "actual_bv": ("actual bv", "actual business value", "actual value", "actual"),
    "notes": ("notes", "note", "comment", "comments"),
}
REQUIRED = ("team", "objective")

_TRUE = {"yes", "y", "true", "t", "1", "committed", "commit", "x", "c"}
_FALSE = {
    "no",
    "n",
    "false",
    "f",
    "0",
    "uncommitted",
    "not committed",
    "stretch",  # SAFe 4/5: "stretch objectives" became uncommitted objectives
    "stretch objective",
    "stretch goal",
    "u",
}


def band_words(perf: Performance, sep: str = " ") -> str:
    """The performance with its place against the 80-100% band in words ("104% above band")."""
    if perf.percent is None:
        return "n/a"
    if perf.percent < BAND_LOW:
        where = "below band"
    elif perf.percent > BAND_HIGH:
        where = "above band"
    else:
        where = "in band"
    return f"{perf.label()}{sep}{where}"


def check_bv(value: int | None, actual: bool) -> int | None:
    """Validate a business value; None means "not scored yet".

    Raises:
        ValidationError: out of range (planned 1-10, actual 0-10) or not a whole number.
    """
    if value is None:
        return None
    low, high = ACTUAL_RANGE if actual else PLANNED_RANGE
    what = "Actual" if actual else "Planned"
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValidationError(
            f"{what} business value must be a whole number from {low} to {high}; got {value!r}."
        )
    return value


def clean_text(text: str) -> str:
    """Trim an objective's text; refuse an empty or over-long one.

    Raises:
        ValidationError: empty, or longer than MAX_TEXT characters.
    """
    cleaned = text.strip()
    if not cleaned:
        raise ValidationError("An objective needs some text.")
    if len(cleaned) > MAX_TEXT:
        raise ValidationError(
            f"The objective is {len(cleaned)} characters long; the limit is {MAX_TEXT}."
        )
    return cleaned


def normalize_header(header: object) -> str:
    """Lower-case, underscores and dashes as spaces, no punctuation, single spaces."""
    text = str(header or "").casefold().replace("_", " ").replace("-", " ").replace("/", " ")
    text = re.sub(r"[^\w\s]", "", text)
    return " ".join(text.split())


def parse_committed(value: object) -> bool:
    """True for committed; accepts yes/no, true/false, 1/0, committed/uncommitted, stretch.

    Raises:
        ValueError: the value is none of these (an empty value counts as committed).
    """
    if value is None or isinstance(value, bool):
        return True if value is None else value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    text = " ".join(str(value).casefold().replace("-", " ").split())
    if not text or text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError(
        f"'{value}' is not a commitment; use yes/no, true/false, 1/0, committed/uncommitted "
        "(stretch = uncommitted)"
    )


def parse_bv(value: object, actual: bool) -> int | None:
    """A business value cell: empty -> None, else a whole number in range.

    Raises:
        ValueError: not a whole number, or out of range.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    number: int
    if isinstance(value, bool):
        raise ValueError(f"'{value}' is not a number")
    if isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    else:
        text = str(value).strip()
        if not re.fullmatch(r"[+-]?\d+(\.0+)?", text):
            raise ValueError(f"'{value}' is not a whole number")
        number = int(float(text))
    low, high = ACTUAL_RANGE if actual else PLANNED_RANGE
    if not low <= number <= high:
        raise ValueError(f"{number} is outside {low}-{high}")
    return number


@dataclass(frozen=True)
class ObjectiveRow:
    """One objective read from an import file, with the line it came from."""

    line: int
    team: str
    text: str
    committed: bool = True
    planned_bv: int | None = None
    actual_bv: int | None = None
    notes: str = ""


@dataclass(frozen=True)
class Cell:
    """Where a value sits in the file, for error messages."""

    line: int
    column: int  # 1-based
    header: str
    letter: bool = False  # spreadsheet: print the column as a letter

    def where(self) -> str:
        col = _letter(self.column) if self.letter else str(self.column)
        return f"line {self.line}, column {col} ({self.header})"


def _letter(column: int) -> str:
    name = ""
    while column:
        column, rem = divmod(column - 1, 26)
        name = chr(65 + rem) + name
    return name


class UnknownTeamsError(ImportFormatError):
    """The file names teams the ART does not have (``names``, in file order)."""

    def __init__(self, message: str, names: Sequence[str]) -> None:
        super().__init__(message)
        self.names = list(names)


def map_headers(headers: Sequence[object], line: int = 1) -> dict[str, int]:
    """Canonical column name -> 0-based index. Extra columns are ignored.

    Raises:
        ImportFormatError: a required column is missing, or a column appears twice.
    """
    # The best-ranked alias wins, so "objective" beats an extra "description" column.
    rank = {
        alias: (name, pos) for name, aliases in COLUMNS.items() for pos, alias in enumerate(aliases)
    }
    best: dict[str, tuple[int, int]] = {}  # name -> (alias rank, index)
    for index, header in enumerate(headers):
        hit = rank.get(normalize_header(header))
        if hit is None:
            continue
        name, pos = hit
        if name in best and best[name][0] == pos:
            raise ImportFormatError(
                f"line {line}: columns {best[name][1] + 1} and {index + 1} are both "
                f"'{header}'; keep one."
            )
        if name not in best or pos < best[name][0]:
            best[name] = (pos, index)
    found = {name: index for name, (_pos, index) in best.items()}
    missing = [name for name in REQUIRED if name not in found]
    if missing:
        shown = ", ".join(str(h) for h in headers if str(h or "").strip()) or "none"
        raise ImportFormatError(
            f"line {line}: the header needs the column(s) {', '.join(missing)} "
            f"(found: {shown}). Expected: team, objective, committed, planned_bv, actual_bv."
        )
    return found


def read_rows(
    lines: Iterable[tuple[int, Sequence[object]]], spreadsheet: bool = False
) -> list[ObjectiveRow]:
    """Objective rows from (line number, cells) pairs; the first pair is the header.

    Blank rows are skipped. All problems are collected and raised together.

    Raises:
        ImportFormatError: naming each bad cell by line and column (at most 10 listed).
    """
    iterator = iter(lines)
    try:
        header_line, header = next(iterator)
    except StopIteration:
        raise ImportFormatError("line 1: the file is empty; it needs a header line.") from None
    columns = map_headers(header, header_line)
    names = {index: str(header[index]).strip() for index in columns.values()}
    rows: list[ObjectiveRow] = []
    problems: list[str] = []

    def cell(cells: Sequence[object], name: str) -> object:
        index = columns.get(name)
        if index is None or index >= len(cells):
            return None
        value = cells[index]
        return value.strip() if isinstance(value, str) else value

    for line, cells in iterator:
        if all(c is None or not str(c).strip() for c in cells):
            continue

        def at(name: str, line: int = line) -> str:
            index = columns[name]
            return Cell(line, index + 1, names[index], spreadsheet).where()

        team = " ".join(str(cell(cells, "team") or "").split())
        text = str(cell(cells, "objective") or "").strip()
        if not team:
            problems.append(f"{at('team')}: the team is empty")
        if not text:
            problems.append(f"{at('objective')}: the objective is empty")
        elif len(text) > MAX_TEXT:
            problems.append(f"{at('objective')}: longer than {MAX_TEXT} characters")
        committed = True
        if "committed" in columns:
            try:
                committed = parse_committed(cell(cells, "committed"))
            except ValueError as exc:
                problems.append(f"{at('committed')}: {exc}")
        values: dict[str, int | None] = {"planned_bv": None, "actual_bv": None}
        for name in values:
            if name in columns:
                try:
                    values[name] = parse_bv(cell(cells, name), actual=name == "actual_bv")
                except ValueError as exc:
                    label = "planned" if name == "planned_bv" else "actual"
                    problems.append(f"{at(name)}: {label} business value {exc}")
        notes = str(cell(cells, "notes") or "") if "notes" in columns else ""
        rows.append(
            ObjectiveRow(
                line=line,
                team=team,
                text=text,
                committed=committed,
                planned_bv=values["planned_bv"],
                actual_bv=values["actual_bv"],
                notes=notes,
            )
        )
    if problems:
        shown = problems[:10]
        more = f"\n... and {len(problems) - 10} more" if len(problems) > 10 else ""
        raise ImportFormatError(
            "Nothing was imported; fix these cells and try again:\n" + "\n".join(shown) + more
        )
    if not rows:
        raise ImportFormatError("line 2: the file has a header but no objectives to import.")
    return rows


def template_rows(teams: Sequence[str]) -> list[list[str]]:
    """The header and example rows of the downloadable import template."""
    first = teams[0] if teams else "Phoenix"
    second = teams[1] if len(teams) > 1 else first
    return [
        ["team", "objective", "committed", "planned_bv", "actual_bv", "notes"],
        [first, "Customers can pay with saved cards in the mobile app", "yes", "8", "", ""],
        [first, "Cut checkout latency below 300 ms at p95", "yes", "6", "", ""],
        [second, "Pilot one-click returns with two retail partners", "uncommitted", "5", "", ""],
    ]
