"""The train's data as plain, immutable values.

Every record the app stores has a frozen dataclass here. Storage maps its rows to these classes
field by field (same names), so a new column is one line here and one in ``storage/orm.py``.
``id`` is ``None`` until the value has been stored.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rte_desktop.domain.flow_metrics import (  # re-exported: the flow values' vocabularies
    StageKind as StageKind,
    WorkType as WorkType,
)
from rte_desktop.domain.flow_model import (  # re-exported: every value type is found here
    FlowStage as FlowStage,
    FlowTeamMap as FlowTeamMap,
    FlowTypeMap as FlowTypeMap,
    WorkItem as WorkItem,
    WorkItemChange as WorkItemChange,
)
from rte_desktop.domain.kinds import (  # re-exported: every value type is found here
    BacklogState as BacklogState,
    Checklist as Checklist,
    EventKind as EventKind,
    PhoneBallotKind as PhoneBallotKind,
    RiskSource as RiskSource,
    RoamStatus as RoamStatus,
    TimerAction as TimerAction,
    VoteMode as VoteMode,
    WorkKind as WorkKind,
)


@dataclass(frozen=True, kw_only=True)
class Art:
    """An Agile Release Train and its cadence settings."""

    id: int | None = None
    name: str
    time_zone: str = "UTC"
    second_time_zone: str | None = None
    iteration_weeks: int = 2
    dev_iterations: int = 4
    ip_iteration: bool = True
    vote_threshold: float = 3.0
    dots_per_participant: int = 5
    art_sync_weekday: int = 2  # Monday is 0
    art_sync_time: dt.time = dt.time(10, 0)
    working_days: str = "01234"  # weekday digits, Monday is 0
    pi_capacity_features: int = 10  # features the ART expects to take in a PI (readiness top-N)


@dataclass(frozen=True, kw_only=True)
class Team:
    id: int | None = None
    art_id: int
    name: str
    size: int = 8
    position: int = 0


@dataclass(frozen=True, kw_only=True)
class PlanningInterval:
    """A PI (SAFe 6 "Planning Interval"; formerly "Program Increment")."""

    id: int | None = None
    art_id: int
    name: str
    start: dt.date
    end: dt.date  # inclusive

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True, kw_only=True)
class Iteration:
    id: int | None = None
    pi_id: int
    number: int
    name: str
    start: dt.date
    end: dt.date  # inclusive
    is_ip: bool = False


@dataclass(frozen=True, kw_only=True)
class Holiday:
    id: int | None = None
    art_id: int
    name: str
    start: dt.date
    end: dt.date  # inclusive


@dataclass(frozen=True, kw_only=True)
class Event:
    """A dated ART event; ``uid`` stays stable across ICS exports."""

    id: int | None = None
    art_id: int
    pi_id: int | None = None
    kind: EventKind
    title: str
    start: dt.datetime  # naive, in the ART's time zone
    end: dt.datetime
    uid: str
    manual: bool = False  # edited by hand: cadence regeneration keeps it
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class ReadinessItem:
    id: int | None = None
    pi_id: int
    checklist: Checklist
    title: str
    owner: str = ""
    due_offset_days: int = -7  # relative to PI Planning day 1
    done: bool = False
    notes: str = ""
    position: int = 0


@dataclass(frozen=True, kw_only=True)
class Agenda:
    id: int | None = None
    pi_id: int
    event_id: int | None = None
    title: str
    template: str = "blank"
    second_time_zone: str | None = None


@dataclass(frozen=True, kw_only=True)
class AgendaItem:
    id: int | None = None
    agenda_id: int
    day: int = 1
    position: int = 0
    title: str
    start: dt.time
    duration_min: int | None = None  # None: open-ended ("14:15 - ?")
    presenter: str = ""
    notes: str = ""
    is_break: bool = False
    all_hands: bool = True


@dataclass(frozen=True, kw_only=True)
class TimerEvent:
    """One entry of an agenda run's log; the timer state is derived from these."""

    id: int | None = None
    agenda_id: int
    seq: int
    action: TimerAction
    item_id: int | None = None
    amount_s: int = 0
    wall: dt.datetime  # UTC
    mono: float


@dataclass(frozen=True, kw_only=True)
class VoteRound:
    id: int | None = None
    pi_id: int
    team_id: int | None = None  # None: the whole ART
    round_no: int = 1
    previous_id: int | None = None
    eligible: int = 0
    mode: VoteMode = VoteMode.TALLY
    is_open: bool = True
    revealed: bool = True
    opened_at: dt.datetime
    closed_at: dt.datetime | None = None


@dataclass(frozen=True, kw_only=True)
class Ballot:
    id: int | None = None
    round_id: int
    value: int
    voter: str = ""
    comment: str = ""
    cast_at: dt.datetime


@dataclass(frozen=True, kw_only=True)
class Concern:
    id: int | None = None
    round_id: int
    ballot_id: int | None = None
    text: str
    risk_id: int | None = None


@dataclass(frozen=True, kw_only=True)
class Objective:
    id: int | None = None
    pi_id: int
    team_id: int
    position: int = 0
    text: str
    committed: bool = True
    planned_bv: int | None = None
    actual_bv: int | None = None
    notes: str = ""


@dataclass(frozen=True, kw_only=True)
class Risk:
    id: int | None = None
    pi_id: int
    team_id: int | None = None
    title: str
    description: str = ""
    status: RoamStatus = RoamStatus.UNROAMED
    owner: str = ""
    likelihood: int = 3
    impact: int = 3
    mitigation: str = ""
    due: dt.date | None = None
    source: RiskSource = RiskSource.PI_PLANNING
    created_at: dt.datetime
    position: int = 0

    @property
    def score(self) -> int:
        return self.likelihood * self.impact


@dataclass(frozen=True, kw_only=True)
class RiskStatusChange:
    id: int | None = None
    risk_id: int
    from_status: RoamStatus | None = None
    to_status: RoamStatus
    at: dt.datetime
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class Feature:
    id: int | None = None
    pi_id: int
    team_id: int | None = None
    iteration_id: int | None = None  # None: unplanned
    key: str = ""
    title: str
    kind: WorkKind = WorkKind.FEATURE
    position: int = 0  # order within its board cell
    # The ART backlog (domain/backlog.py): a backlog state never goes with an iteration.
    state: BacklogState = BacklogState.FUNNEL
    backlog_position: int = 0  # the backlog's own order; WSJF ties keep it
    business_value: int | None = None  # WSJF parts on the modified Fibonacci scale
    time_criticality: int | None = None
    risk_reduction: int | None = None
    job_size: int | None = None
    epic: str = ""
    acceptance_criteria: str = ""
    candidate_teams: str = ""  # the team(s) likely to take it, as typed (before the board)


@dataclass(frozen=True, kw_only=True)
class Milestone:
    id: int | None = None
    pi_id: int
    iteration_id: int | None = None
    title: str
    day: dt.date | None = None


@dataclass(frozen=True, kw_only=True)
class Dependency:
    """The provider feature delivers what a consumer feature or milestone needs."""

    id: int | None = None
    provider_id: int
    consumer_feature_id: int | None = None
    consumer_milestone_id: int | None = None
    needed_iteration_id: int | None = None
    description: str = ""


@dataclass(frozen=True, kw_only=True)
class ArtSyncMeeting:
    id: int | None = None
    pi_id: int
    held_at: dt.datetime
    attendees: str = ""
    impediments: str = ""
    dependency_updates: str = ""
    decisions: str = ""


@dataclass(frozen=True, kw_only=True)
class ArtSyncAction:
    id: int | None = None
    meeting_id: int
    text: str
    owner: str = ""
    due: dt.date | None = None
    done: bool = False
    risk_id: int | None = None


@dataclass(frozen=True, kw_only=True)
class Workshop:
    """An I&A problem-solving workshop for one problem."""

    id: int | None = None
    pi_id: int
    title: str
    what: str = ""
    where: str = ""
    when: str = ""
    impact: str = ""
    restated_problem: str = ""
    participants: int = 0
    dots_per_participant: int = 5
    votes_hidden: bool = False
    parent_id: int | None = None


@dataclass(frozen=True, kw_only=True)
class Bone:
    id: int | None = None
    workshop_id: int
    name: str
    position: int = 0


@dataclass(frozen=True, kw_only=True)
class Cause:
    id: int | None = None
    bone_id: int
    parent_id: int | None = None  # None: directly on the bone
    text: str
    position: int = 0
    votes: int = 0


@dataclass(frozen=True, kw_only=True)
class Solution:
    id: int | None = None
    workshop_id: int
    text: str
    votes: int = 0
    position: int = 0


@dataclass(frozen=True, kw_only=True)
class ImprovementItem:
    id: int | None = None
    workshop_id: int
    title: str
    description: str = ""
    owner: str = ""
    target_pi_id: int | None = None
    kind: WorkKind = WorkKind.ENABLER
    position: int = 0


@dataclass(frozen=True, kw_only=True)
class DorItem:
    """One line of the ART's own Definition of Ready."""

    id: int | None = None
    art_id: int
    text: str
    position: int = 0


@dataclass(frozen=True, kw_only=True)
class FeatureDorTick:
    """A feature meets one Definition of Ready item."""

    id: int | None = None
    feature_id: int
    dor_item_id: int


@dataclass(frozen=True, kw_only=True)
class WsjfSession:
    """A WSJF estimation session on a PI's backlog (finished when ``finished_at`` is set)."""

    id: int | None = None
    pi_id: int
    started_at: dt.datetime
    finished_at: dt.datetime | None = None


@dataclass(frozen=True, kw_only=True)
class DemoItem:
    """One slot of a System Demo's plan: a feature (or free title) shown by someone."""

    id: int | None = None
    event_id: int
    feature_id: int | None = None
    title: str
    presenter: str = ""
    position: int = 0
    minutes: int = 5
    demoed: bool = False
    accepted: bool | None = None  # None: not decided yet


@dataclass(frozen=True, kw_only=True)
class DemoFeedback:
    """Stakeholder feedback typed during a demo; it may have become a feature or a risk."""

    id: int | None = None
    demo_item_id: int
    text: str
    at: dt.datetime
    feature_id: int | None = None
    risk_id: int | None = None


@dataclass(frozen=True, kw_only=True)
class PhoneRound:
    """Phones vote over the room's network: one per confidence round (or I&A workshop).

    ``salt`` (random, per round) turns each device's random cookie into the stored hash; the
    cookie itself, an IP address or a user agent is never stored. A confidence round's phone
    ballots are ordinary ``Ballot`` rows (the histogram, report and trend count them as any
    other); ``PhoneBallot`` only remembers which device cast which, so a second vote replaces
    the first.
    """

    id: int | None = None
    kind: PhoneBallotKind = PhoneBallotKind.CONFIDENCE
    vote_round_id: int | None = None  # kind CONFIDENCE
    workshop_id: int | None = None  # kind DOTS
    salt: str
    is_open: bool = True
    opened_at: dt.datetime
    closed_at: dt.datetime | None = None


@dataclass(frozen=True, kw_only=True)
class PhoneBallot:
    """One device's ballot in a phone round (``device``: the salted hash of its cookie)."""

    id: int | None = None
    phone_round_id: int
    device: str
    ballot_id: int | None = None  # the confidence vote's Ballot; None for dots
    cast_at: dt.datetime


@dataclass(frozen=True, kw_only=True)
class PhoneDot:
    """The dots one device put on one cause of the fishbone (I&A dot voting from phones)."""

    id: int | None = None
    phone_ballot_id: int
    cause_id: int
    dots: int = 0


# Every stored type, parents before children (the order of JSON export and import).
ALL_TYPES: tuple[type, ...] = (
    Art,
    Team,
    PlanningInterval,
    Iteration,
    Holiday,
    Event,
    ReadinessItem,
    Agenda,
    AgendaItem,
    TimerEvent,
    VoteRound,
    Ballot,
    Risk,
    Concern,
    Objective,
    RiskStatusChange,
    Feature,
    Milestone,
    Dependency,
    ArtSyncMeeting,
    ArtSyncAction,
    Workshop,
    Bone,
    Cause,
    Solution,
    ImprovementItem,
    FlowStage,
    FlowTeamMap,
    FlowTypeMap,
    WorkItem,
    WorkItemChange,
    DorItem,
    FeatureDorTick,
    WsjfSession,
    DemoItem,
    DemoFeedback,
    PhoneRound,
    PhoneBallot,
    PhoneDot,
)
