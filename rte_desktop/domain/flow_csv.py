"""Reading work-item CSV files: BOM, delimiter, located cells and the date spellings of exports.

Jira writes dates in the exporting user's format (``22/Dec/25 2:38 PM``, ``2025-12-22 14:38``,
``12/22/2025 14:38``, ``22.12.2025 14:38``), Azure DevOps in the user's locale
(``12/22/2025 2:38:00 PM``), jira-agile-metrics ISO dates. Numeric day/month order is decided
once per file: day first when any value's first number is above 12, month first otherwise.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from rte_desktop.domain.errors import ImportFormatError

MAX_ERRORS = 10
MAX_CELL = 100_000  # a description longer than this is not an export but something else


class Where(NamedTuple):
    """Where a cell is: file name, 1-based line and column, the column's header.

    A tuple, not a dataclass: an import makes one per status change, hundreds of thousands.
    """

    source: str
    line: int
    column: int
    header: str

    def __str__(self) -> str:
        return f"{self.source}, line {self.line}, column {self.column} ({self.header})"


@dataclass(frozen=True)
class Table:
    """A CSV file: its header (names as written) and records with their first line numbers."""

    source: str
    header: list[str]
    records: list[tuple[int, list[str]]]

    def normalised(self) -> list[str]:
        """Header names lower-cased with runs of spaces collapsed (for matching)."""
        return [normal(name) for name in self.header]


def normal(name: str) -> str:
    """A header name as matched: case-folded, spaces collapsed, BOM and quotes stripped."""
    return " ".join(name.replace("\ufeff", "").strip().strip('"').split()).casefold()


class Problems:
    """Located problems of one file, reported together (up to MAX_ERRORS shown)."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.messages: list[str] = []

    def add(self, message: str) -> None:
        self.messages.append(message)

    def raise_if_any(self) -> None:
        """Raise one ImportFormatError listing the problems, when there are any."""
        if not self.messages:
            return
        shown = self.messages[:MAX_ERRORS]
        more = len(self.messages) - len(shown)
        count = len(self.messages)
        raise ImportFormatError(
            f"{self.source}: {count} problem{'s' if count > 1 else ''}, nothing was imported.\n"
            + "\n".join(shown)
            + (f"\n... and {more} more." if more else "")
        )


def read_table(text: str, source: str) -> Table:
    """Split CSV text (with or without BOM, ``,`` ``;`` or tab) into header and records.

    Quoted cells may span lines; each record keeps the line it starts on.

    Raises:
        ImportFormatError: empty file, broken quoting, NUL bytes, or an absurdly long cell.
    """
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise ImportFormatError(f"{source}, line 1: the file is empty; expected a header row.")
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise ImportFormatError(f"{source}, line {line}: the file holds binary data, not CSV.")
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records: list[tuple[int, list[str]]] = []
    long_cells = len(text) > MAX_CELL  # no cell can be too long in a shorter file
    start = 1
    try:
        for record in reader:
            if long_cells and record and max(map(len, record)) > MAX_CELL:
                raise ImportFormatError(
                    f"{source}, line {start}: a cell is longer than {MAX_CELL} characters."
                )
            records.append((start, record))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise ImportFormatError(f"{source}, line {reader.line_num}: {exc}.") from None
    header_line, header = records[0]
    if header_line != 1 or not any(h.strip() for h in header):
        raise ImportFormatError(f"{source}, line 1: the first line is not a header row.")
    # blank lines (Excel writes ",,,,") are not records; a cell of spaces is checked later
    body = [(line, rec) for line, rec in records[1:] if any(rec)]
    return Table(source, header, body)


_TEXT_MONTH = (
    "%d/%b/%y %I:%M %p",
    "%d/%b/%y %H:%M",
    "%d/%b/%Y %I:%M %p",
    "%d/%b/%Y %H:%M",
    "%d/%b/%y",
    "%d/%b/%Y",
    "%d-%b-%Y %H:%M",
    "%d-%b-%Y",
    "%d %b %Y %H:%M",
    "%d %b %Y",
)
_ISO = ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d", "%Y/%m/%d %H:%M", "%Y/%m/%d")
_NUMERIC_TIME = ("", " %H:%M", " %H:%M:%S", " %I:%M %p", " %I:%M:%S %p")
_SLASH = re.compile(r"^\s*(\d{1,2})[/.](\d{1,2})[/.](\d{2,4})\b")
_HAS_LETTER = re.compile(r"[A-Za-z]{3}")
EXAMPLES = "22/Dec/25 2:38 PM, 2025-12-22 14:38, 12/22/2025 14:38 or 22.12.2025"


class DateReader:
    """Parses the dates of one file; numeric day/month order is decided from all its dates."""

    def __init__(self, samples: Iterable[str]) -> None:
        self._seen: dict[str, datetime | None] = {}
        self.day_first = False
        for sample in samples:
            if sample[4:5] == "-" or sample[:1].isalpha():
                continue  # ISO or text-month dates say nothing about numeric order
            match = _SLASH.match(sample)
            if match and int(match.group(1)) > 12:
                self.day_first = True
                break
            if match and "." in sample[: match.end()]:
                self.day_first = True  # 22.12.2025 is the German/European spelling
                break

    def parse(self, text: str) -> datetime | None:
        """The date and time written in ``text`` (naive, as written), None when not a date.

        Results are remembered per spelling: an export repeats the same timestamps many times,
        and a failed ``strptime`` costs as much as a successful one.
        """
        if text in self._seen:
            return self._seen[text]
        parsed = self._parse(text)
        if len(self._seen) < 200_000:
            self._seen[text] = parsed
        return parsed

    def _parse(self, text: str) -> datetime | None:
        value = " ".join(text.split())
        if not value:
            return None
        if value[4:5] == "-" and value[:4].isdigit():
            try:
                return datetime.fromisoformat(value).replace(tzinfo=None)
            except ValueError:
                pass
        patterns = _TEXT_MONTH if _HAS_LETTER.search(value) else _ISO
        for pattern in patterns:
            try:
                return datetime.strptime(value, pattern)
            except ValueError:
                continue
        match = _SLASH.match(value)
        if match is None:
            return None
        year = "%Y" if len(match.group(3)) == 4 else "%y"
        sep = "." if "." in value[: match.end()] else "/"
        order = f"%d{sep}%m{sep}{year}" if self.day_first else f"%m{sep}%d{sep}{year}"
        for suffix in _NUMERIC_TIME:
            try:
                return datetime.strptime(value, order + suffix)
            except ValueError:
                continue
        return None
