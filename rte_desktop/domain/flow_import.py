"""Work items and their status history from exports, recognised by their header row.

Four formats (docs/work-item-import.md lists the columns of each):

* **Jira CSV export (all fields)**, Cloud and Data Center: a snapshot without history. Repeated
  columns (``Labels``, ``Sprint``, ``Fix versions`` / ``Fix Version/s``, ``Component/s``) are all
  read. The status category (``To Do`` / ``In Progress`` / ``Done``) gives the default workflow.
* **jira-agile-metrics cycle data**: ``ID, Link, Name, <stage>..., Type, Status, Resolution,
  ...``; each stage column holds the date the item entered that stage.
* **Status transitions**: one row per status change (key, to status, timestamp; from status,
  type, title, team, created optional).
* **Azure DevOps query CSV**: ``ID, Work Item Type, Title, State, Created Date, Activated Date,
  Closed Date, Area Path, Iteration Path, Tags``. Activated/closed give start and done but not
  the time spent waiting, so efficiency stays "n/a" for these items.

Parsing is pure: it checks the shape (header, keys, dates, duplicates) and names file, line and
column for every problem. Mapping statuses, types and teams is the service's job.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any, NamedTuple

from rte_desktop.domain.errors import ImportFormatError
from rte_desktop.domain.flow_csv import EXAMPLES, DateReader, Problems, Table, Where, read_table
from rte_desktop.domain.flow_metrics import StageKind, WorkType

MAX_KEY = 64
MAX_TITLE = 500


class ExportFormat(StrEnum):
    JIRA = "Jira CSV export (all fields)"
    CYCLE_DATA = "jira-agile-metrics cycle data"
    TRANSITIONS = "status transitions"
    AZURE = "Azure DevOps query"


ACCEPTED = (
    "Jira CSV export (all fields): Issue key, Summary, Issue Type, Status, Created, Resolved; "
    "jira-agile-metrics cycle data: ID, Link, Name, a column per workflow stage, Type, Status; "
    "status transitions: Key, To Status, Timestamp (From Status, Type, Title, Team optional); "
    "Azure DevOps query: ID, Work Item Type, Title, State, Created Date, Activated Date, "
    "Closed Date, Area Path"
)

# Azure DevOps: activated/closed dates become these three synthetic stages
AZURE_STAGES = (
    ("New", StageKind.BACKLOG),
    ("Active", StageKind.ACTIVE),
    ("Closed", StageKind.DONE),
)
AZURE_DONE_STATES = {"closed", "done", "resolved", "removed", "completed"}
JIRA_CATEGORIES = {
    "to do": StageKind.BACKLOG,
    "new": StageKind.BACKLOG,
    "in progress": StageKind.ACTIVE,
    "indeterminate": StageKind.ACTIVE,
    "done": StageKind.DONE,
    "complete": StageKind.DONE,
}


@dataclass(frozen=True)
class ItemRow:
    """One work item as the file describes it (team fields raw, to be mapped by the service)."""

    key: str
    title: str
    raw_type: str
    status: str
    status_at: Where
    created: datetime | None = None
    resolved: datetime | None = None
    team: str | None = None  # team column, area path leaf, component or project, first found
    parent: str | None = None
    has_history: bool = False
    active_known: bool = True  # False: start/done known, the time spent waiting is not


class TransitionRow(NamedTuple):
    """The item ``key`` entered ``to_status`` at ``at`` (a tuple: a history has 400,000)."""

    key: str
    at: datetime
    from_status: str | None
    to_status: str
    status_at: Where


@dataclass
class ParsedWorkItems:
    """What a file holds: items, transitions, and the workflow the file implies."""

    format: ExportFormat
    source: str
    items: list[ItemRow] = field(default_factory=list)
    transitions: list[TransitionRow] = field(default_factory=list)
    stages: list[tuple[str, StageKind]] = field(default_factory=list)


def guess_kind(status: str) -> StageKind:
    """A status's kind from its name, when the file says nothing (editable in the app)."""
    name = status.casefold()
    if any(word in name for word in ("done", "closed", "resolved", "released", "complete")):
        return StageKind.DONE
    if any(w in name for w in ("backlog", "to do", "todo", "open", "new", "funnel", "selected")):
        return StageKind.BACKLOG
    if any(w in name for w in ("wait", "queue", "ready", "blocked", "hold", "awaiting")):
        return StageKind.WAITING
    return StageKind.ACTIVE


def guess_work_type(raw_type: str) -> WorkType | None:
    """SAFe's work type of an export's item type, None when the name does not say."""
    name = raw_type.casefold()
    rules = (
        (("bug", "defect", "incident", "problem"), WorkType.DEFECT),
        (("enabler", "spike", "technical story", "architecture"), WorkType.ENABLER),
        (("debt", "refactor"), WorkType.DEBT),
        (("risk",), WorkType.RISK),
        (("story", "feature", "epic", "product backlog item", "requirement"), WorkType.FEATURE),
    )
    for words, work_type in rules:
        if any(word in name for word in words):
            return work_type
    return None


class _Columns:
    """Header lookup by alias lists; all indexes of repeated names are kept."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.names = table.normalised()

    def all(self, *aliases: str) -> list[int]:
        return [i for i, name in enumerate(self.names) if name in aliases]

    def one(self, *aliases: str) -> int | None:
        found = self.all(*aliases)
        return found[0] if found else None


def _cell(table: Table, line: int, record: list[str], index: int | None) -> str:
    if index is None or index >= len(record):
        return ""
    return record[index].strip()


def _where(table: Table, line: int, index: int) -> Where:
    return Where(table.source, line, index + 1, table.header[index].strip())


def detect(table: Table) -> ExportFormat:
    """The export format the header row belongs to.

    Raises:
        ImportFormatError: "not a work-item export", with the accepted formats.
    """
    names = table.normalised()
    have = set(names)
    if names[:3] == ["id", "link", "name"] and {"type", "status"} <= have:
        return ExportFormat.CYCLE_DATA
    if {"id", "work item type", "state"} <= have:
        return ExportFormat.AZURE
    if have & {"to status", "to"} and have & _WHEN_ALIASES:
        return ExportFormat.TRANSITIONS  # the key column is then required, with a clear message
    if "summary" in have and ("issue key" in have or {"status", "issue type"} <= have):
        return ExportFormat.JIRA
    raise ImportFormatError(
        f"{table.source}, line 1: not a work-item export. Accepted formats: {ACCEPTED}."
    )


_KEY_ALIASES = {"key", "issue key", "item key", "id", "work item id"}
_WHEN_ALIASES = {"timestamp", "date", "changed", "changed at", "transition date", "when", "time"}


def parse_work_items(text: str, source: str) -> ParsedWorkItems:
    """Parse an export into items and transitions, or raise one located error.

    Raises:
        ImportFormatError: unknown format, missing key column, bad dates, empty keys,
            duplicate keys, values too long; each names file, line and column.
    """
    table = read_table(text, source)
    kind = detect(table)
    parser = _PARSERS[kind]
    parsed = parser(table)
    if not parsed.items:
        raise ImportFormatError(f"{source}, line 2: the file has a header but no work items.")
    return parsed


def _require(table: Table, columns: _Columns, label: str, *aliases: str) -> int:
    index = columns.one(*aliases)
    if index is None:
        raise ImportFormatError(
            f"{table.source}, line 1: no {label} column; name one of the columns "
            + ", ".join(a.title() for a in aliases[:3])
            + "."
        )
    return index


class _RowChecker:
    """Shared checks: key present, short enough, not repeated; dates readable."""

    def __init__(self, table: Table, problems: Problems, dates: DateReader) -> None:
        self.table = table
        self.problems = problems
        self.dates = dates
        self.first_line: dict[str, int] = {}

    def key(self, line: int, record: list[str], index: int, unique: bool = True) -> str | None:
        value = _cell(self.table, line, record, index)
        if not value:
            self.problems.add(f"{_where(self.table, line, index)}: the key is empty.")
            return None
        if len(value) > MAX_KEY:
            where = _where(self.table, line, index)
            self.problems.add(f"{where}: the key is longer than {MAX_KEY} characters.")
            return None
        if unique:
            folded = value.casefold()
            if folded in self.first_line:
                where = _where(self.table, line, index)
                self.problems.add(
                    f"{where}: key {value} appears again (first on line {self.first_line[folded]})."
                )
                return None
            self.first_line[folded] = line
        return value

    def date(self, line: int, record: list[str], index: int | None) -> datetime | None:
        value = _cell(self.table, line, record, index)
        if not value or index is None:
            return None
        parsed = self.dates.parse(value)
        if parsed is None:
            where = _where(self.table, line, index)
            self.problems.add(f"{where}: '{value[:40]}' is not a date; expected e.g. {EXAMPLES}.")
        return parsed

    def title(self, line: int, record: list[str], index: int | None) -> str:
        value = " ".join(_cell(self.table, line, record, index).split())
        if len(value) > MAX_TITLE and index is not None:
            where = _where(self.table, line, index)
            self.problems.add(f"{where}: the title is longer than {MAX_TITLE} characters.")
        return value


def _date_samples(table: Table, indexes: list[int | None]) -> list[str]:
    wanted = [i for i in indexes if i is not None]
    return [rec[i] for _, rec in table.records for i in wanted if i < len(rec) and rec[i].strip()]


def _first_filled(record: list[str], indexes: list[int]) -> str | None:
    for index in indexes:
        if index < len(record) and record[index].strip():
            return record[index].strip()
    return None


def _parse_jira(table: Table) -> ParsedWorkItems:
    cols = _Columns(table)
    key_at = _require(table, cols, "key", "issue key")
    status_at = _require(table, cols, "status", "status")
    title_at = cols.one("summary")
    type_at = cols.one("issue type")
    created_at = cols.one("created")
    resolved_at = cols.one("resolved", "resolution date")
    category_at = cols.one("status category")
    team_cols = (
        cols.all("custom field (team)", "team", "custom field (agile team)", "agile team")
        + cols.all("component/s", "components")
        + cols.all("project name")
    )
    parent_cols = cols.all("parent", "parent key", "custom field (epic link)", "epic link")
    dates = DateReader(_date_samples(table, [created_at, resolved_at]))
    problems = Problems(table.source)
    check = _RowChecker(table, problems, dates)
    parsed = ParsedWorkItems(ExportFormat.JIRA, table.source)
    categories: dict[str, StageKind] = {}
    for line, record in table.records:
        key = check.key(line, record, key_at)
        status = _cell(table, line, record, status_at)
        where = _where(table, line, status_at)
        if not status:
            problems.add(f"{where}: the status is empty.")
        category = _cell(table, line, record, category_at).casefold()
        if status and status.casefold() not in categories:
            categories[status.casefold()] = JIRA_CATEGORIES.get(category, guess_kind(status))
        created = check.date(line, record, created_at)
        resolved = check.date(line, record, resolved_at)
        if key is None or not status:
            continue
        parsed.items.append(
            ItemRow(
                key=key,
                title=check.title(line, record, title_at),
                raw_type=_cell(table, line, record, type_at),
                status=status,
                status_at=where,
                created=created,
                resolved=resolved,
                team=_first_filled(record, team_cols),
                parent=_first_filled(record, parent_cols),
            )
        )
    problems.raise_if_any()
    order = {StageKind.BACKLOG: 0, StageKind.WAITING: 1, StageKind.ACTIVE: 1, StageKind.DONE: 2}
    seen: dict[str, str] = {}
    for item in parsed.items:
        seen.setdefault(item.status.casefold(), item.status)
    parsed.stages = sorted(
        ((name, categories[folded]) for folded, name in seen.items()),
        key=lambda stage: order[stage[1]],
    )
    return parsed


def _parse_cycle_data(table: Table) -> ParsedWorkItems:
    cols = _Columns(table)
    type_at = _require(table, cols, "type", "type")
    status_at = _require(table, cols, "status", "status")
    stage_cols = list(range(3, type_at))
    if len(stage_cols) < 2:
        raise ImportFormatError(
            f"{table.source}, line 1: cycle data needs at least two stage columns between "
            "Name and Type."
        )
    team_at = cols.one("team", "agile team")
    dates = DateReader(_date_samples(table, list(stage_cols)))
    problems = Problems(table.source)
    check = _RowChecker(table, problems, dates)
    parsed = ParsedWorkItems(ExportFormat.CYCLE_DATA, table.source)
    last = len(stage_cols) - 1
    for position, index in enumerate(stage_cols):
        name = table.header[index].strip()
        kind = StageKind.BACKLOG if position == 0 else StageKind.DONE if position == last else None
        parsed.stages.append((name, kind if kind else _middle_kind(name)))
    for line, record in table.records:
        key = check.key(line, record, 0)
        entered = [(index, check.date(line, record, index)) for index in stage_cols]
        if key is None:
            continue
        status = _cell(table, line, record, status_at)
        for position, (index, when) in enumerate(entered):
            if when is not None:
                parsed.transitions.append(
                    TransitionRow(
                        key, when, None, parsed.stages[position][0], _where(table, line, index)
                    )
                )
        known = [when for _, when in entered if when is not None]
        parsed.items.append(
            ItemRow(
                key=key,
                title=check.title(line, record, 2),
                raw_type=_cell(table, line, record, type_at),
                status=status or parsed.stages[0][0],
                status_at=_where(table, line, status_at),
                created=min(known) if known else None,
                resolved=entered[-1][1],
                team=_cell(table, line, record, team_at) or None,
                has_history=True,
            )
        )
    problems.raise_if_any()
    return parsed


def _middle_kind(name: str) -> StageKind:
    kind = guess_kind(name)
    # a middle stage is never the backlog or done (the first and last columns are)
    return kind if kind is StageKind.WAITING else StageKind.ACTIVE


def _parse_transitions(table: Table) -> ParsedWorkItems:
    cols = _Columns(table)
    key_at = _require(table, cols, "key", *sorted(_KEY_ALIASES))
    to_at = _require(table, cols, "to status", "to status", "to")
    when_at = _require(table, cols, "timestamp", *sorted(_WHEN_ALIASES))
    from_at = cols.one("from status", "from")
    type_at = cols.one("type", "issue type", "work item type")
    title_at = cols.one("title", "summary", "name")
    team_at = cols.one("team", "agile team", "project", "area path")
    created_at = cols.one("created")
    dates = DateReader(_date_samples(table, [when_at, created_at]))
    problems = Problems(table.source)
    check = _RowChecker(table, problems, dates)
    parsed = ParsedWorkItems(ExportFormat.TRANSITIONS, table.source)
    # per key (case-folded): [key, title, raw type, team, earliest date, latest change]
    items: dict[str, list[Any]] = {}
    first_seen: dict[str, str] = {}
    to_header = table.header[to_at].strip()

    def cell(record: list[str], index: int | None) -> str:
        return record[index].strip() if index is not None and index < len(record) else ""

    # Hot loop (400,000 rows for ten years of history): cells are read directly, and a known
    # item's title, type and team are read only while still empty.
    for line, record in table.records:
        key: str | None = cell(record, key_at)
        if not key or len(key) > MAX_KEY:
            key = check.key(line, record, key_at, unique=False)  # records the located problem
        stamp = cell(record, when_at)
        when = dates.parse(stamp) if stamp else None
        if not stamp:
            problems.add(f"{_where(table, line, when_at)}: the timestamp is empty.")
        elif when is None:
            check.date(line, record, when_at)  # records the located problem
        to_status = cell(record, to_at)
        to_where = Where(table.source, line, to_at + 1, to_header)
        if not to_status:
            problems.add(f"{to_where}: the status is empty.")
        created = check.date(line, record, created_at) if created_at is not None else None
        if key is None or when is None or not to_status:
            continue
        from_status = cell(record, from_at) or None
        if to_status not in first_seen:  # every spelling, in the order first seen
            first_seen[to_status] = to_status
        if from_status and from_status not in first_seen:
            first_seen[from_status] = from_status
        change = TransitionRow(key, when, from_status, to_status, to_where)
        parsed.transitions.append(change)
        folded = key.casefold()
        known = items.get(folded)
        if known is None:
            known = items[folded] = [key, "", "", None, when, change]
        if not known[1]:
            known[1] = check.title(line, record, title_at)
        if not known[2]:
            known[2] = cell(record, type_at)
        if known[3] is None:
            known[3] = cell(record, team_at) or None
        if when < known[4]:
            known[4] = when
        if created is not None and created < known[4]:
            known[4] = created
        if when >= known[5].at:  # equal timestamps keep file order
            known[5] = change
    problems.raise_if_any()
    for key, title, raw_type, team, earliest, last in items.values():
        parsed.items.append(
            ItemRow(
                key=key,
                title=title or key,
                raw_type=raw_type,
                status=last.to_status,
                status_at=last.status_at,
                created=earliest,
                team=team,
                has_history=True,
            )
        )
    # statuses in the order first seen, once each whatever their case
    names: dict[str, str] = {}
    for name in first_seen.values():
        names.setdefault(name.casefold(), name)
    parsed.stages = [(name, guess_kind(name)) for name in names.values()]
    return parsed


def _parse_azure(table: Table) -> ParsedWorkItems:
    cols = _Columns(table)
    key_at = _require(table, cols, "id", "id")
    state_at = _require(table, cols, "state", "state")
    title_at = cols.one("title")
    type_at = cols.one("work item type")
    created_at = cols.one("created date")
    activated_at = cols.one("activated date")
    closed_at = cols.one("closed date")
    area_at = cols.one("area path")
    team_at = cols.one("team", "custom.team")
    dates = DateReader(_date_samples(table, [created_at, activated_at, closed_at]))
    problems = Problems(table.source)
    check = _RowChecker(table, problems, dates)
    parsed = ParsedWorkItems(ExportFormat.AZURE, table.source)
    parsed.stages = list(AZURE_STAGES)
    for line, record in table.records:
        key = check.key(line, record, key_at)
        state = _cell(table, line, record, state_at)
        where = _where(table, line, state_at)
        if not state:
            problems.add(f"{where}: the state is empty.")
        created = check.date(line, record, created_at)
        activated = check.date(line, record, activated_at)
        closed = check.date(line, record, closed_at)
        if key is None or not state:
            continue
        area = _cell(table, line, record, area_at)
        team = _cell(table, line, record, team_at) or (area.split("\\")[-1] if area else None)
        done = closed is not None and state.casefold() in AZURE_DONE_STATES
        for when, stage in ((created, "New"), (activated or (closed if done else None), "Active")):
            if when is not None:
                parsed.transitions.append(TransitionRow(key, when, None, stage, where))
        if done and closed is not None:
            parsed.transitions.append(TransitionRow(key, closed, None, "Closed", where))
        parsed.items.append(
            ItemRow(
                key=key,
                title=check.title(line, record, title_at),
                raw_type=_cell(table, line, record, type_at),
                status=state,
                status_at=where,
                created=created,
                resolved=closed if done else None,
                team=team or None,
                has_history=True,
                active_known=False,
            )
        )
    problems.raise_if_any()
    return parsed


_PARSERS: dict[ExportFormat, Callable[[Table], ParsedWorkItems]] = {
    ExportFormat.JIRA: _parse_jira,
    ExportFormat.CYCLE_DATA: _parse_cycle_data,
    ExportFormat.TRANSITIONS: _parse_transitions,
    ExportFormat.AZURE: _parse_azure,
}
