"""The stored values of flow: work items, their status changes and the ART's flow mappings.

Re-exported by ``domain/model.py`` (storage and the JSON format find every stored type there).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rte_desktop.domain.flow_metrics import StageKind, WorkType


@dataclass(frozen=True, kw_only=True)
class WorkItem:
    """A team's work item (story, bug, enabler...) as last imported; unique per ART by key."""

    id: int | None = None
    art_id: int
    key: str
    title: str = ""
    raw_type: str = ""  # as the export spells it; FlowTypeMap maps it to a WorkType
    status: str = ""
    team_source: str | None = None  # team column, area path, component or project; FlowTeamMap
    parent_key: str | None = None  # the feature/epic it belongs to (links board features)
    created: dt.datetime | None = None
    resolved: dt.datetime | None = None
    has_history: bool = False
    active_known: bool = True  # False: history gives start and done but not the waiting time
    source: str = ""  # the export format it came from


@dataclass(frozen=True, kw_only=True)
class WorkItemChange:
    """The item entered ``to_status`` at ``at`` (one status change of its history)."""

    id: int | None = None
    work_item_id: int
    at: dt.datetime
    from_status: str | None = None
    to_status: str


@dataclass(frozen=True, kw_only=True)
class FlowStage:
    """One status of the ART's workflow, in order, and what it means for flow."""

    id: int | None = None
    art_id: int
    name: str
    kind: StageKind
    position: int = 0


@dataclass(frozen=True, kw_only=True)
class FlowTeamMap:
    """Items whose team source equals ``source_value`` (case-insensitive) belong to ``team_id``."""

    id: int | None = None
    art_id: int
    source_value: str
    team_id: int


@dataclass(frozen=True, kw_only=True)
class FlowTypeMap:
    """Items of the export's type ``raw_type`` (case-insensitive) count as ``work_type``."""

    id: int | None = None
    art_id: int
    raw_type: str
    work_type: WorkType
