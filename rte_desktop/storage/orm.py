"""SQLAlchemy records: one per domain value, with the same field names.

Only portable types are used (no SQLite-only SQL), so a PostgreSQL URL works the same way.
Children are deleted with their parent (``ondelete="CASCADE"``); optional links are cleared
(``SET NULL``).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    MetaData,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from rte_desktop.domain import model as m
from rte_desktop.storage.tables import TABLES

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {
        str: String(500),
        dt.datetime: DateTime(),
        dt.date: Date(),
        dt.time: Time(),
        float: Float(),
    }


def _fk(target: str, nullable: bool = False) -> Mapped[int]:
    return mapped_column(
        ForeignKey(target, ondelete="SET NULL" if nullable else "CASCADE"),
        index=True,
        nullable=nullable,
    )


class ArtRecord(Base):
    __tablename__ = TABLES[m.Art]
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    time_zone: Mapped[str] = mapped_column(String(64))
    second_time_zone: Mapped[str | None] = mapped_column(String(64))
    iteration_weeks: Mapped[int]
    dev_iterations: Mapped[int]
    ip_iteration: Mapped[bool]
    vote_threshold: Mapped[float]
    dots_per_participant: Mapped[int]
    art_sync_weekday: Mapped[int]
    art_sync_time: Mapped[dt.time]
    working_days: Mapped[str] = mapped_column(String(7))
    pi_capacity_features: Mapped[int]


class TeamRecord(Base):
    __tablename__ = TABLES[m.Team]
    id: Mapped[int] = mapped_column(primary_key=True)
    art_id: Mapped[int] = _fk("art.id")
    name: Mapped[str]
    size: Mapped[int]
    position: Mapped[int]


class PlanningIntervalRecord(Base):
    __tablename__ = TABLES[m.PlanningInterval]
    id: Mapped[int] = mapped_column(primary_key=True)
    art_id: Mapped[int] = _fk("art.id")
    name: Mapped[str]
    start: Mapped[dt.date] = mapped_column(index=True)
    end: Mapped[dt.date]


class IterationRecord(Base):
    __tablename__ = TABLES[m.Iteration]
    id: Mapped[int] = mapped_column(primary_key=True)
    pi_id: Mapped[int] = _fk("pi.id")
    number: Mapped[int]
    name: Mapped[str]
    start: Mapped[dt.date]
    end: Mapped[dt.date]
    is_ip: Mapped[bool]


class HolidayRecord(Base):
    __tablename__ = TABLES[m.Holiday]
    id: Mapped[int] = mapped_column(primary_key=True)
    art_id: Mapped[int] = _fk("art.id")
    name: Mapped[str]
    start: Mapped[dt.date]
    end: Mapped[dt.date]


class EventRecord(Base):
    __tablename__ = TABLES[m.Event]
    __table_args__ = (Index("ix_event_art_start", "art_id", "start"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    art_id: Mapped[int] = mapped_column(ForeignKey("art.id", ondelete="CASCADE"))
    pi_id: Mapped[int | None] = _fk("pi.id", nullable=True)
    kind: Mapped[str] = mapped_column(String(32))
    title: Mapped[str]
    start: Mapped[dt.datetime]
    end: Mapped[dt.datetime]
    uid: Mapped[str] = mapped_column(String(128), unique=True)
    manual: Mapped[bool]
    note: Mapped[str] = mapped_column(Text)


class ReadinessItemRecord(Base):
    __tablename__ = TABLES[m.ReadinessItem]
    id: Mapped[int] = mapped_column(primary_key=True)
    pi_id: Mapped[int] = _fk("pi.id")
    checklist: Mapped[str] = mapped_column(String(32))
    title: Mapped[str]
    owner: Mapped[str]
    due_offset_days: Mapped[int]
    done: Mapped[bool]
    notes: Mapped[str] = mapped_column(Text)
    position: Mapped[int]


class AgendaRecord(Base):
    __tablename__ = TABLES[m.Agenda]
    id: Mapped[int] = mapped_column(primary_key=True)
    pi_id: Mapped[int] = _fk("pi.id")
    event_id: Mapped[int | None] = _fk("event.id", nullable=True)
    title: Mapped[str]
    template: Mapped[str] = mapped_column(String(64))
    second_time_zone: Mapped[str | None] = mapped_column(String(64))


class AgendaItemRecord(Base):
    __tablename__ = TABLES[m.AgendaItem]
    id: Mapped[int] = mapped_column(primary_key=True)
    agenda_id: Mapped[int] = _fk("agenda.id")
    day: Mapped[int]
    position: Mapped[int]
    title: Mapped[str]
    start: Mapped[dt.time]
    duration_min: Mapped[int | None]
    presenter: Mapped[str]
    notes: Mapped[str] = mapped_column(Text)
    is_break: Mapped[bool]
    all_hands: Mapped[bool]


class TimerEventRecord(Base):
    __tablename__ = TABLES[m.TimerEvent]
    id: Mapped[int] = mapped_column(primary_key=True)
    agenda_id: Mapped[int] = _fk("agenda.id")
    seq: Mapped[int]
    action: Mapped[str] = mapped_column(String(16))
    item_id: Mapped[int | None] = _fk("agenda_item.id", nullable=True)
    amount_s: Mapped[int]
    wall: Mapped[dt.datetime]
    mono: Mapped[float]


class VoteRoundRecord(Base):
    __tablename__ = TABLES[m.VoteRound]
    id: Mapped[int] = mapped_column(primary_key=True)
    pi_id: Mapped[int] = _fk("pi.id")
    team_id: Mapped[int | None] = _fk("team.id", nullable=True)
    round_no: Mapped[int]
    previous_id: Mapped[int | None] = _fk("vote_round.id", nullable=True)
    eligible: Mapped[int]
    mode: Mapped[str] = mapped_column(String(16))
    is_open: Mapped[bool]
    revealed: Mapped[bool]
    opened_at: Mapped[dt.datetime]
    closed_at: Mapped[dt.datetime | None]


class BallotRecord(Base):
    __tablename__ = TABLES[m.Ballot]
    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = _fk("vote_round.id")
    value: Mapped[int]
    voter: Mapped[str]
    comment: Mapped[str] = mapped_column(Text)
    cast_at: Mapped[dt.datetime]


class RiskRecord(Base):
    __tablename__ = TABLES[m.Risk]
    id: Mapped[int] = mapped_column(primary_key=True)
    pi_id: Mapped[int] = _fk("pi.id")
    team_id: Mapped[int | None] = _fk("team.id", nullable=True)
    title: Mapped[str]
    description: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16))
    owner: Mapped[str]
    likelihood: Mapped[int]
    impact: Mapped[int]
    mitigation: Mapped[str] = mapped_column(Text)
    due: Mapped[dt.date | None]
    source: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[dt.datetime]
    position: Mapped[int]


class ConcernRecord(Base):
    __tablename__ = TABLES[m.Concern]
    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = _fk("vote_round.id")
    ballot_id: Mapped[int | None] = _fk("ballot.id", nullable=True)
    text: Mapped[str] = mapped_column(Text)
    risk_id: Mapped[int | None] = _fk("risk.id", nullable=True)


class ObjectiveRecord(Base):
    __tablename__ = TABLES[m.Objective]
    __table_args__ = (Index("ix_objective_pi_team", "pi_id", "team_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    pi_id: Mapped[int] = mapped_column(ForeignKey("pi.id", ondelete="CASCADE"))
    team_id: Mapped[int] = _fk("team.id")
    position: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    committed: Mapped[bool]
    planned_bv: Mapped[int | None]
    actual_bv: Mapped[int | None]
    notes: Mapped[str] = mapped_column(Text)


class RiskStatusChangeRecord(Base):
    __tablename__ = TABLES[m.RiskStatusChange]
    id: Mapped[int] = mapped_column(primary_key=True)
    risk_id: Mapped[int] = _fk("risk.id")
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str] = mapped_column(String(16))
    at: Mapped[dt.datetime]
    note: Mapped[str] = mapped_column(Text)


class FeatureRecord(Base):
    __tablename__ = TABLES[m.Feature]
    id: Mapped[int] = mapped_column(primary_key=True)
    pi_id: Mapped[int] = _fk("pi.id")
    team_id: Mapped[int | None] = _fk("team.id", nullable=True)
    iteration_id: Mapped[int | None] = _fk("iteration.id", nullable=True)
    key: Mapped[str] = mapped_column(String(64))
    title: Mapped[str]
    kind: Mapped[str] = mapped_column(String(16))
    position: Mapped[int]
    state: Mapped[str] = mapped_column(String(16))
    backlog_position: Mapped[int]
    business_value: Mapped[int | None]
    time_criticality: Mapped[int | None]
    risk_reduction: Mapped[int | None]
    job_size: Mapped[int | None]
    epic: Mapped[str]
    acceptance_criteria: Mapped[str] = mapped_column(Text)
    candidate_teams: Mapped[str]


class MilestoneRecord(Base):
    __tablename__ = TABLES[m.Milestone]
    id: Mapped[int] = mapped_column(primary_key=True)
    pi_id: Mapped[int] = _fk("pi.id")
    iteration_id: Mapped[int | None] = _fk("iteration.id", nullable=True)
    title: Mapped[str]
    day: Mapped[dt.date | None]


class DependencyRecord(Base):
    __tablename__ = TABLES[m.Dependency]
    id: Mapped[int] = mapped_column(primary_key=True)
    provider_id: Mapped[int] = _fk("feature.id")
    consumer_feature_id: Mapped[int | None] = mapped_column(
        ForeignKey("feature.id", ondelete="CASCADE"), index=True
    )
    consumer_milestone_id: Mapped[int | None] = mapped_column(
        ForeignKey("milestone.id", ondelete="CASCADE"), index=True
    )
    needed_iteration_id: Mapped[int | None] = _fk("iteration.id", nullable=True)
    description: Mapped[str] = mapped_column(Text)


class ArtSyncMeetingRecord(Base):
    __tablename__ = TABLES[m.ArtSyncMeeting]
    id: Mapped[int] = mapped_column(primary_key=True)
    pi_id: Mapped[int] = _fk("pi.id")
    held_at: Mapped[dt.datetime]
    attendees: Mapped[str] = mapped_column(Text)
    impediments: Mapped[str] = mapped_column(Text)
    dependency_updates: Mapped[str] = mapped_column(Text)
    decisions: Mapped[str] = mapped_column(Text)


class ArtSyncActionRecord(Base):
    __tablename__ = TABLES[m.ArtSyncAction]
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = _fk("art_sync_meeting.id")
    text: Mapped[str] = mapped_column(Text)
    owner: Mapped[str]
    due: Mapped[dt.date | None]
    done: Mapped[bool]
    risk_id: Mapped[int | None] = _fk("risk.id", nullable=True)


class WorkshopRecord(Base):
    __tablename__ = TABLES[m.Workshop]
    id: Mapped[int] = mapped_column(primary_key=True)
    pi_id: Mapped[int] = _fk("pi.id")
    title: Mapped[str]
    what: Mapped[str] = mapped_column(Text)
    where: Mapped[str] = mapped_column(Text)
    when: Mapped[str] = mapped_column(Text)
    impact: Mapped[str] = mapped_column(Text)
    restated_problem: Mapped[str] = mapped_column(Text)
    participants: Mapped[int]
    dots_per_participant: Mapped[int]
    votes_hidden: Mapped[bool]
    parent_id: Mapped[int | None] = _fk("workshop.id", nullable=True)


class BoneRecord(Base):
    __tablename__ = TABLES[m.Bone]
    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = _fk("workshop.id")
    name: Mapped[str]
    position: Mapped[int]


class CauseRecord(Base):
    __tablename__ = TABLES[m.Cause]
    id: Mapped[int] = mapped_column(primary_key=True)
    bone_id: Mapped[int] = _fk("bone.id")
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("cause.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    position: Mapped[int]
    votes: Mapped[int]


class SolutionRecord(Base):
    __tablename__ = TABLES[m.Solution]
    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = _fk("workshop.id")
    text: Mapped[str] = mapped_column(Text)
    votes: Mapped[int]
    position: Mapped[int]


class ImprovementItemRecord(Base):
    __tablename__ = TABLES[m.ImprovementItem]
    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = _fk("workshop.id")
    title: Mapped[str]
    description: Mapped[str] = mapped_column(Text)
    owner: Mapped[str]
    target_pi_id: Mapped[int | None] = _fk("pi.id", nullable=True)
    kind: Mapped[str] = mapped_column(String(16))
    position: Mapped[int]


# -- flow (issue 14): work items, their status history, the ART's workflow and mappings ------


class WorkItemRecord(Base):
    __tablename__ = TABLES[m.WorkItem]
    __table_args__ = (UniqueConstraint("art_id", "key", name="uq_work_item_art_id_key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    art_id: Mapped[int] = _fk("art.id")
    key: Mapped[str] = mapped_column(String(64))
    title: Mapped[str]
    raw_type: Mapped[str] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(100))
    team_source: Mapped[str | None] = mapped_column(String(200))
    parent_key: Mapped[str | None] = mapped_column(String(64))
    created: Mapped[dt.datetime | None]
    resolved: Mapped[dt.datetime | None]
    has_history: Mapped[bool]
    active_known: Mapped[bool]
    source: Mapped[str] = mapped_column(String(64))


class WorkItemChangeRecord(Base):
    __tablename__ = TABLES[m.WorkItemChange]
    id: Mapped[int] = mapped_column(primary_key=True)
    work_item_id: Mapped[int] = _fk("work_item.id")
    at: Mapped[dt.datetime]
    from_status: Mapped[str | None] = mapped_column(String(100))
    to_status: Mapped[str] = mapped_column(String(100))


class FlowStageRecord(Base):
    __tablename__ = TABLES[m.FlowStage]
    id: Mapped[int] = mapped_column(primary_key=True)
    art_id: Mapped[int] = _fk("art.id")
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(16))
    position: Mapped[int]


class FlowTeamMapRecord(Base):
    __tablename__ = TABLES[m.FlowTeamMap]
    id: Mapped[int] = mapped_column(primary_key=True)
    art_id: Mapped[int] = _fk("art.id")
    source_value: Mapped[str] = mapped_column(String(200))
    team_id: Mapped[int] = _fk("team.id")


class FlowTypeMapRecord(Base):
    __tablename__ = TABLES[m.FlowTypeMap]
    id: Mapped[int] = mapped_column(primary_key=True)
    art_id: Mapped[int] = _fk("art.id")
    raw_type: Mapped[str] = mapped_column(String(100))
    work_type: Mapped[str] = mapped_column(String(16))


class DorItemRecord(Base):
    __tablename__ = TABLES[m.DorItem]
    id: Mapped[int] = mapped_column(primary_key=True)
    art_id: Mapped[int] = _fk("art.id")
    text: Mapped[str]
    position: Mapped[int]


class FeatureDorTickRecord(Base):
    __tablename__ = TABLES[m.FeatureDorTick]
    __table_args__ = (UniqueConstraint("feature_id", "dor_item_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    feature_id: Mapped[int] = _fk("feature.id")
    dor_item_id: Mapped[int] = _fk("dor_item.id")


class WsjfSessionRecord(Base):
    __tablename__ = TABLES[m.WsjfSession]
    id: Mapped[int] = mapped_column(primary_key=True)
    pi_id: Mapped[int] = _fk("pi.id")
    started_at: Mapped[dt.datetime]
    finished_at: Mapped[dt.datetime | None]


class DemoItemRecord(Base):
    __tablename__ = TABLES[m.DemoItem]
    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = _fk("event.id")
    feature_id: Mapped[int | None] = _fk("feature.id", nullable=True)
    title: Mapped[str]
    presenter: Mapped[str]
    position: Mapped[int]
    minutes: Mapped[int]
    demoed: Mapped[bool]
    accepted: Mapped[bool | None]


class DemoFeedbackRecord(Base):
    __tablename__ = TABLES[m.DemoFeedback]
    id: Mapped[int] = mapped_column(primary_key=True)
    demo_item_id: Mapped[int] = _fk("demo_item.id")
    text: Mapped[str] = mapped_column(Text)
    at: Mapped[dt.datetime]
    feature_id: Mapped[int | None] = _fk("feature.id", nullable=True)
    risk_id: Mapped[int | None] = _fk("risk.id", nullable=True)


def _owner(target: str, nullable: bool = False) -> Mapped[int]:
    """A link to the row this one belongs to: deleted with it, even when the link is optional."""
    return mapped_column(ForeignKey(target, ondelete="CASCADE"), index=True, nullable=nullable)


class PhoneRoundRecord(Base):
    __tablename__ = TABLES[m.PhoneRound]
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    vote_round_id: Mapped[int | None] = _owner("vote_round.id", nullable=True)
    workshop_id: Mapped[int | None] = _owner("workshop.id", nullable=True)
    salt: Mapped[str] = mapped_column(String(64))
    is_open: Mapped[bool]
    opened_at: Mapped[dt.datetime]
    closed_at: Mapped[dt.datetime | None]


class PhoneBallotRecord(Base):
    __tablename__ = TABLES[m.PhoneBallot]
    __table_args__ = (UniqueConstraint("phone_round_id", "device"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    phone_round_id: Mapped[int] = _fk("phone_round.id")
    device: Mapped[str] = mapped_column(String(64))
    ballot_id: Mapped[int | None] = _owner("ballot.id", nullable=True)
    cast_at: Mapped[dt.datetime]


class PhoneDotRecord(Base):
    __tablename__ = TABLES[m.PhoneDot]
    __table_args__ = (UniqueConstraint("phone_ballot_id", "cause_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    phone_ballot_id: Mapped[int] = _fk("phone_ballot.id")
    cause_id: Mapped[int] = _fk("cause.id")
    dots: Mapped[int]
