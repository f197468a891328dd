"""Importing a work-item export into an ART: one transaction, update by key, never duplicate.

* Items are matched by key (case-insensitive) within the ART: new keys are added, known keys
  updated. A snapshot (Jira CSV) never erases a history imported earlier.
* Status changes: a status-transition file adds the changes not stored yet (same item, time and
  status); cycle data and Azure DevOps files carry each item's whole history, which replaces the
  stored one.
* The first import of an ART sets its workflow from the file (Jira's status category, the cycle
  data's stage order, or the status names). Later files must use known statuses: an unknown one
  is refused with file, line and column, unless ``add_statuses`` adds them (kind guessed from the
  name, editable afterwards).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rte_desktop.domain.errors import ImportFormatError
from rte_desktop.domain.flow_csv import MAX_ERRORS
from rte_desktop.domain.flow_import import (
    AZURE_STAGES,
    ExportFormat,
    ParsedWorkItems,
    guess_kind,
    guess_work_type,
    parse_work_items,
)
from rte_desktop.domain.model import FlowStage, FlowTeamMap, FlowTypeMap, Team

if TYPE_CHECKING:
    from rte_desktop.storage.unit_of_work import UnitOfWork

MAX_FILE_BYTES = 200 * 1024 * 1024


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while building hundreds of thousands of rows.

    Each full collection walks every live object, so the time to read a big export grew faster
    than its size (about 40% of a 100,000-row import went to the collector). Nothing built here
    forms cycles; reference counting frees it all as usual. The previous state is restored.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@dataclass(frozen=True)
class ImportSummary:
    """What an import did, and what the RTE may want to map."""

    format: str
    added: int
    updated: int
    changes_added: int
    new_statuses: tuple[str, ...]
    unmapped_types: tuple[str, ...]
    unmatched_teams: tuple[str, ...]

    def lines(self) -> list[str]:
        """The summary as short lines for the command line and the status bar."""
        out = [
            f"{self.format}: {self.added} items added, {self.updated} updated, "
            f"{self.changes_added} status changes added."
        ]
        if self.new_statuses:
            out.append("New workflow statuses: " + ", ".join(self.new_statuses) + ".")
        if self.unmapped_types:
            out.append(
                "Types not mapped to a flow type (counted as 'unmapped'): "
                + ", ".join(self.unmapped_types)
                + "."
            )
        if self.unmatched_teams:
            out.append(
                "Team values matching no team (counted for the ART only): "
                + ", ".join(self.unmatched_teams)
                + "."
            )
        return out


def read_export(path: Path) -> ParsedWorkItems:
    """Read and parse a file; every problem names the file and the line.

    Raises:
        ImportFormatError: unreadable, too large, not UTF-8, or a bad export.
    """
    name = path.name
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ImportFormatError(f"{name}, line 1: the file is larger than 200 MB.")
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportFormatError(f"{name}, line 1: cannot read the file ({exc.strerror}).") from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise ImportFormatError(
            f"{name}, line {line}: not UTF-8 text ({exc.reason}); export the file as UTF-8."
        ) from exc
    return parse_work_items(text, name)


def store_export(
    uow: UnitOfWork, art_id: int, parsed: ParsedWorkItems, *, add_statuses: bool
) -> ImportSummary:
    """Write a parsed export into the ART inside the caller's transaction."""
    from rte_desktop.storage import flow_store  # bulk rows; loads SQLAlchemy on first use

    new_statuses = _workflow(uow, art_id, parsed, add_statuses)
    known = flow_store.item_ids(uow, art_id)
    had_history = flow_store.history_flags(uow, art_id)
    new_rows: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    for item in parsed.items:
        row = {
            "key": item.key,
            "title": item.title or item.key,
            "raw_type": item.raw_type[:100],
            "status": item.status[:100],
            "team_source": item.team[:200] if item.team else None,
            "parent_key": item.parent[:64] if item.parent else None,
            "created": item.created,
            "resolved": item.resolved,
            "has_history": item.has_history,
            "active_known": item.active_known,
            "source": parsed.format.value,
        }
        existing = known.get(item.key.casefold())
        if existing is None:
            new_rows.append(row)
        else:
            if had_history.get(existing) and not item.has_history:
                row["has_history"] = True  # a snapshot refreshes fields, the history stays
            updates.append({"item_id": existing, **row})
    ids = flow_store.insert_items(uow, art_id, new_rows)
    flow_store.update_items(uow, updates)
    changes = _changes(uow, art_id, parsed, ids)
    return ImportSummary(
        format=parsed.format.value,
        added=len(new_rows),
        updated=len(updates),
        changes_added=changes,
        new_statuses=tuple(new_statuses),
        unmapped_types=_unmapped_types(uow, art_id, parsed),
        unmatched_teams=_unmatched_teams(uow, art_id, parsed),
    )


def _changes(uow: UnitOfWork, art_id: int, parsed: ParsedWorkItems, ids: dict[str, int]) -> int:
    from rte_desktop.storage import flow_store  # bulk rows; loads SQLAlchemy on first use

    rows = [(ids[t.key.casefold()], t.at, t.from_status, t.to_status) for t in parsed.transitions]
    if parsed.format is ExportFormat.TRANSITIONS:
        stored = flow_store.change_keys(uow, art_id)
        fresh = []
        for row in rows:
            signature = (row[0], row[1], row[3])
            if signature not in stored:
                stored.add(signature)
                fresh.append(row)
        rows = fresh
    elif parsed.transitions or parsed.format is not ExportFormat.JIRA:
        flow_store.delete_changes(uow, {ids[i.key.casefold()] for i in parsed.items})
    flow_store.insert_changes(uow, rows)
    return len(rows)


def _workflow(
    uow: UnitOfWork, art_id: int, parsed: ParsedWorkItems, add_statuses: bool
) -> list[str]:
    """Set up or check the ART's workflow; returns the statuses added."""
    stages = uow.find(FlowStage, art_id=art_id, order_by=["position"])
    if not stages:
        for position, (name, kind) in enumerate(parsed.stages):
            uow.add(FlowStage(art_id=art_id, name=name[:100], kind=kind, position=position))
        return [name for name, _ in parsed.stages]
    known = {stage.name.casefold() for stage in stages}
    if parsed.format is ExportFormat.AZURE:
        wanted = [(name, kind) for name, kind in AZURE_STAGES]
    else:
        wanted = [(name, guess_kind(name)) for name, _ in _used_statuses(parsed)]
    unknown = [(name, kind) for name, kind in wanted if name.casefold() not in known]
    if not unknown:
        return []
    if not add_statuses and parsed.format is not ExportFormat.AZURE:
        _refuse_unknown(parsed, {name.casefold() for name, _ in unknown}, stages)
    added: list[str] = []
    position = max(stage.position for stage in stages) + 1
    for name, kind in unknown:
        if name.casefold() in known:
            continue
        uow.add(FlowStage(art_id=art_id, name=name[:100], kind=kind, position=position))
        known.add(name.casefold())
        added.append(name)
        position += 1
    return added


def _used_statuses(parsed: ParsedWorkItems) -> list[tuple[str, object]]:
    seen: dict[str, tuple[str, object]] = {}
    if parsed.format is ExportFormat.JIRA:
        for item in parsed.items:
            seen.setdefault(item.status.casefold(), (item.status, item.status_at))
    for change in parsed.transitions:
        seen.setdefault(change.to_status.casefold(), (change.to_status, change.status_at))
    return list(seen.values())


def _refuse_unknown(
    parsed: ParsedWorkItems, unknown: set[str], stages: Sequence[FlowStage]
) -> None:
    places: list[str] = []
    names: dict[str, str] = {}
    sources: list[tuple[str, object]] = []
    if parsed.format is ExportFormat.JIRA:
        sources += [(i.status, i.status_at) for i in parsed.items]
    sources += [(t.to_status, t.status_at) for t in parsed.transitions]
    for status, where in sources:
        folded = status.casefold()
        if folded in unknown and folded not in names:
            names[folded] = status
            places.append(f"{where}: unknown status '{status}'.")
    shown = places[:MAX_ERRORS]
    workflow = ", ".join(stage.name for stage in stages)
    raise ImportFormatError(
        f"{parsed.source}: {len(names)} unknown status{'es' if len(names) > 1 else ''}, "
        "nothing was imported.\n"
        + "\n".join(shown)
        + f"\nThe workflow has: {workflow}. Add the new statuses to the workflow "
        "(Flow > Workflow, or import again with --add-statuses)."
    )


def _unmapped_types(uow: UnitOfWork, art_id: int, parsed: ParsedWorkItems) -> tuple[str, ...]:
    mapped = {m.raw_type.casefold() for m in uow.find(FlowTypeMap, art_id=art_id)}
    names: dict[str, str] = {}
    for item in parsed.items:
        folded = item.raw_type.casefold()
        if folded not in mapped and guess_work_type(item.raw_type) is None:
            names.setdefault(folded, item.raw_type or "(no type)")
    return tuple(sorted(names.values()))


def _unmatched_teams(uow: UnitOfWork, art_id: int, parsed: ParsedWorkItems) -> tuple[str, ...]:
    matched = {m.source_value.casefold() for m in uow.find(FlowTeamMap, art_id=art_id)}
    matched |= {t.name.casefold() for t in uow.find(Team, art_id=art_id)}
    names: dict[str, str] = {}
    for item in parsed.items:
        if item.team and item.team.casefold() not in matched:
            names.setdefault(item.team.casefold(), item.team)
    return tuple(sorted(names.values()))
