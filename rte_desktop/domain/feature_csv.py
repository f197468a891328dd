"""Reading features and their dependencies from CSV, our own columns or a Jira CSV export.

Columns are found by header name, case-insensitively, with synonyms (the Jira names first):

================  ============================================================================
field             headers
================  ============================================================================
key               Issue key, Key, ID
title (required)  Summary, Title, Feature, Name
team              Custom field (Team), Team, Agile Team, Custom field (Agile Team)
iteration         Sprint, Iteration, Custom field (Iteration), Planned iteration
kind              Issue Type, Type, Kind ("enabler" anywhere in the value makes an enabler)
depends on        Inward issue link (Blocks), Depends on, Blocked by, Providers
blocks            Outward issue link (Blocks), Blocks, Consumers, Needed by
================  ============================================================================

The ART backlog's columns (state, the WSJF parts, epic, acceptance criteria, likely teams,
Definition of Ready) are read by ``domain.backlog_columns`` when the file has them.

Jira repeats a header once per value ("Sprint" twice when an issue was in two sprints, one
"Outward issue link (Blocks)" per link): every column is read; the iteration is the last non-empty
sprint, links are all of them. A link cell may hold several keys separated by commas, semicolons
or spaces. ``Inward issue link (Blocks)`` on A naming B means "A is blocked by B", so B provides
for A; ``Outward issue link (Blocks)`` on A naming B means "A blocks B", so A provides for B.

Parsing is pure: it checks the file's shape (header, required values, duplicate keys, lengths) and
names line and column for every problem; resolving team and iteration names is the service's job.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from rte_desktop.domain.backlog_columns import BACKLOG_HEADERS, BacklogValues, read_backlog_values
from rte_desktop.domain.errors import ImportFormatError
from rte_desktop.domain.model import WorkKind

HEADERS: dict[str, tuple[str, ...]] = {
    "key": ("issue key", "key", "id", "feature key"),
    "title": ("summary", "title", "feature", "name", "feature title"),
    "team": ("custom field (team)", "team", "agile team", "custom field (agile team)"),
    "iteration": ("sprint", "iteration", "custom field (iteration)", "planned iteration"),
    "kind": ("issue type", "type", "kind"),
    "depends_on": ("inward issue link (blocks)", "depends on", "blocked by", "providers"),
    "blocks": ("outward issue link (blocks)", "blocks", "consumers", "needed by"),
}
MAX_TITLE = 500
MAX_KEY = 64
MAX_ERRORS = 10


@dataclass(frozen=True)
class Cell:
    """A value and where it came from (1-based line and column, and the column's header)."""

    value: str
    line: int
    column: int
    header: str

    def where(self) -> str:
        return f"line {self.line}, column {self.column} ({self.header})"


@dataclass(frozen=True)
class FeatureRow:
    """One feature of the file."""

    line: int
    key: str
    title: str
    kind: WorkKind
    team: Cell | None  # None when the file has no team column or the cell is empty
    iteration: Cell | None  # None: unplanned
    backlog: BacklogValues | None = None  # the ART backlog's columns (domain/backlog_columns)


@dataclass(frozen=True)
class LinkRow:
    """A dependency named in the file: ``provider`` delivers what ``consumer`` needs.

    ``row`` is the index of the feature row that named it; ``other`` is the linked key's cell.
    """

    row: int
    other: Cell
    this_provides: bool

    def provider_consumer(self, this_key: str) -> tuple[str, str]:
        other = self.other.value
        return (this_key, other) if self.this_provides else (other, this_key)


@dataclass
class ParsedFeatures:
    rows: list[FeatureRow] = field(default_factory=list)
    links: list[LinkRow] = field(default_factory=list)


class ErrorList:
    """Collects located problems so one import reports all of them (up to ``MAX_ERRORS``)."""

    def __init__(self) -> None:
        self.messages: list[str] = []

    def add(self, message: str) -> None:
        self.messages.append(message)

    def raise_if_any(self, what: str) -> None:
        if not self.messages:
            return
        shown = self.messages[:MAX_ERRORS]
        more = len(self.messages) - len(shown)
        tail = f"\n... and {more} more." if more else ""
        count = len(self.messages)
        raise ImportFormatError(
            f"{what}: {count} problem{'s' if count > 1 else ''}, nothing was imported.\n"
            + "\n".join(shown)
            + tail
        )


def _dialect(text: str) -> type[csv.Dialect] | csv.Dialect:
    first = text.split("\n", 1)[0]
    try:
        return csv.Sniffer().sniff(first, delimiters=",;\t")
    except csv.Error:
        return csv.excel


def _columns(header: list[str]) -> dict[str, list[int]]:
    every = HEADERS | BACKLOG_HEADERS
    found: dict[str, list[int]] = {name: [] for name in every}
    for index, raw in enumerate(header):
        name = " ".join(raw.split()).casefold()
        for fieldname, aliases in every.items():
            if name in aliases:
                found[fieldname].append(index)
    return found


def split_keys(text: str) -> list[str]:
    return [part for part in re.split(r"[,;\s]+", text) if part]


def kind_of(text: str) -> WorkKind:
    return WorkKind.ENABLER if "enabler" in text.casefold() else WorkKind.FEATURE


def parse_features_csv(text: str, what: str = "The CSV file") -> ParsedFeatures:
    """Parse CSV text into feature rows and links, or raise one error naming every bad cell.

    Raises:
        ImportFormatError: no header, no title column, an empty title, a duplicate key, a value
            too long, a link to the row itself, or a link on a row without a key.
    """
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise ImportFormatError("line 1: the file is empty; expected a header row.")
    reader = csv.reader(io.StringIO(text, newline=""), _dialect(text), strict=True)
    try:
        records = []
        start = 1
        for record in reader:
            records.append((start, record))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise ImportFormatError(f"line {reader.line_num}: {exc}.") from None
    return parse_feature_records(records, what)


def parse_feature_records(
    records: list[tuple[int, list[str]]], what: str = "The file"
) -> ParsedFeatures:
    """Parse (line, cells) records, the first being the header (CSV lines or sheet rows).

    Raises:
        ImportFormatError: as ``parse_features_csv``, plus bad backlog cells (off-scale WSJF
            values, unknown states), every one named by line and column.
    """
    if not records:
        raise ImportFormatError("line 1: the file is empty; expected a header row.")
    header_line, header = records[0]
    columns = _columns(header)
    if not columns["title"]:
        names = ", ".join(a.title() for a in HEADERS["title"][:2])
        raise ImportFormatError(
            f"line {header_line}: no title column; name one of the columns {names}."
        )
    errors = ErrorList()
    parsed = ParsedFeatures()
    first_line_of_key: dict[str, int] = {}

    def cell(index: int, line: int, record: list[str]) -> Cell:
        value = record[index].strip() if index < len(record) else ""
        return Cell(value, line, index + 1, header[index].strip())

    def first(name: str, line: int, record: list[str], last: bool = False) -> Cell | None:
        cells = [cell(i, line, record) for i in columns[name]]
        filled = [c for c in cells if c.value]
        if not filled:
            return None
        return filled[-1] if last else filled[0]

    for line, record in records[1:]:
        if not any(value.strip() for value in record):
            continue  # blank lines (Excel adds them) are not features
        title = first("title", line, record)
        title_where = cell(columns["title"][0], line, record).where()
        if title is None:
            errors.add(f"{title_where}: the title is empty.")
            continue
        if len(title.value) > MAX_TITLE:
            errors.add(f"{title.where()}: the title is longer than {MAX_TITLE} characters.")
        key_cell = first("key", line, record)
        key = key_cell.value if key_cell else ""
        if key_cell is not None:
            if len(key) > MAX_KEY:
                errors.add(f"{key_cell.where()}: the key is longer than {MAX_KEY} characters.")
            if key.casefold() in first_line_of_key:
                errors.add(
                    f"{key_cell.where()}: key {key} appears again "
                    f"(first on line {first_line_of_key[key.casefold()]})."
                )
            first_line_of_key.setdefault(key.casefold(), line)
        kind_cell = first("kind", line, record)
        backlog = None
        if any(columns[name] for name in BACKLOG_HEADERS):
            cells = {name: first(name, line, record) for name in BACKLOG_HEADERS if columns[name]}
            problems: list[str] = []
            backlog = read_backlog_values(dict(cells), problems)
            for problem in problems:
                errors.add(problem)
        row_index = len(parsed.rows)
        parsed.rows.append(
            FeatureRow(
                line=line,
                key=key,
                title=" ".join(title.value.split()),
                kind=kind_of(kind_cell.value) if kind_cell else WorkKind.FEATURE,
                team=first("team", line, record),
                iteration=first("iteration", line, record, last=True),
                backlog=backlog,
            )
        )
        for name, provides in (("depends_on", False), ("blocks", True)):
            for index in columns[name]:
                source = cell(index, line, record)
                for other in split_keys(source.value):
                    if not key:
                        errors.add(
                            f"{source.where()}: this row links to {other} but has no key; "
                            "give it an issue key."
                        )
                    elif other.casefold() == key.casefold():
                        errors.add(f"{source.where()}: {key} cannot depend on itself.")
                    else:
                        target = Cell(other, source.line, source.column, source.header)
                        parsed.links.append(LinkRow(row_index, target, provides))
    errors.raise_if_any(what)
    if not parsed.rows:
        raise ImportFormatError(f"line {header_line + 1}: the file has a header but no features.")
    return parsed
