"""Records to domain values and back, by field name.

Each domain dataclass has a record with the same field names, so one generic mapping serves all
of them; enums are turned back into their enum type on the way out.
"""

from __future__ import annotations

import dataclasses
import enum
import typing
from typing import Any, TypeVar

from rte_desktop.domain import model as m
from rte_desktop.storage import orm

RECORDS: dict[type[Any], type[orm.Base]] = {
    m.Art: orm.ArtRecord,
    m.Team: orm.TeamRecord,
    m.PlanningInterval: orm.PlanningIntervalRecord,
    m.Iteration: orm.IterationRecord,
    m.Holiday: orm.HolidayRecord,
    m.Event: orm.EventRecord,
    m.ReadinessItem: orm.ReadinessItemRecord,
    m.Agenda: orm.AgendaRecord,
    m.AgendaItem: orm.AgendaItemRecord,
    m.TimerEvent: orm.TimerEventRecord,
    m.VoteRound: orm.VoteRoundRecord,
    m.Ballot: orm.BallotRecord,
    m.Risk: orm.RiskRecord,
    m.Concern: orm.ConcernRecord,
    m.Objective: orm.ObjectiveRecord,
    m.RiskStatusChange: orm.RiskStatusChangeRecord,
    m.Feature: orm.FeatureRecord,
    m.Milestone: orm.MilestoneRecord,
    m.Dependency: orm.DependencyRecord,
    m.ArtSyncMeeting: orm.ArtSyncMeetingRecord,
    m.ArtSyncAction: orm.ArtSyncActionRecord,
    m.Workshop: orm.WorkshopRecord,
    m.Bone: orm.BoneRecord,
    m.Cause: orm.CauseRecord,
    m.Solution: orm.SolutionRecord,
    m.ImprovementItem: orm.ImprovementItemRecord,
    m.FlowStage: orm.FlowStageRecord,
    m.FlowTeamMap: orm.FlowTeamMapRecord,
    m.FlowTypeMap: orm.FlowTypeMapRecord,
    m.WorkItem: orm.WorkItemRecord,
    m.WorkItemChange: orm.WorkItemChangeRecord,
    m.DorItem: orm.DorItemRecord,
    m.FeatureDorTick: orm.FeatureDorTickRecord,
    m.WsjfSession: orm.WsjfSessionRecord,
    m.DemoItem: orm.DemoItemRecord,
    m.DemoFeedback: orm.DemoFeedbackRecord,
    m.PhoneRound: orm.PhoneRoundRecord,
    m.PhoneBallot: orm.PhoneBallotRecord,
    m.PhoneDot: orm.PhoneDotRecord,
}

T = TypeVar("T")


_ENUMS: dict[type[Any], dict[str, type[enum.Enum]]] = {}
_FIELDS: dict[type[Any], tuple[str, ...]] = {}


def _enum_fields(cls: type[Any]) -> dict[str, type[enum.Enum]]:
    if cls in _ENUMS:
        return _ENUMS[cls]
    hints = typing.get_type_hints(cls, vars(m))
    found: dict[str, type[enum.Enum]] = {}
    for name, hint in hints.items():
        for candidate in (hint, *typing.get_args(hint)):
            if isinstance(candidate, type) and issubclass(candidate, enum.Enum):
                found[name] = candidate
    _ENUMS[cls] = found
    return found


def field_names(cls: type[Any]) -> tuple[str, ...]:
    if cls not in _FIELDS:
        _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return _FIELDS[cls]


def to_domain(cls: type[T], record: orm.Base) -> T:
    """Build the domain value of ``cls`` from a record."""
    enums = _enum_fields(cls)
    values: dict[str, Any] = {}
    for name in field_names(cls):
        value = getattr(record, name)
        if value is not None and name in enums:
            value = enums[name](value)
        values[name] = value
    return cls(**values)


def to_columns(value: Any, with_id: bool = False) -> dict[str, Any]:
    """The column values of a domain value (enums as their plain string value)."""
    columns: dict[str, Any] = {}
    for name in field_names(type(value)):
        if name == "id" and not with_id:
            continue
        item = getattr(value, name)
        columns[name] = item.value if isinstance(item, enum.Enum) else item
    return columns
