"""The fixed vocabularies the train's values use (stored as their string values)."""

from __future__ import annotations

from enum import StrEnum


class EventKind(StrEnum):
    PI_PLANNING = "pi_planning"
    INSPECT_ADAPT = "inspect_adapt"
    SYSTEM_DEMO = "system_demo"
    ART_SYNC = "art_sync"
    COACH_SYNC = "coach_sync"
    PO_SYNC = "po_sync"
    BACKLOG_REFINEMENT = "backlog_refinement"
    HOLIDAY = "holiday"
    OTHER = "other"


class Checklist(StrEnum):
    ORGANIZATIONAL = "organizational"
    CONTENT = "content"
    LOGISTICS = "logistics"


class TimerAction(StrEnum):
    START = "start"
    PAUSE = "pause"
    RESUME = "resume"
    NEXT = "next"
    PREVIOUS = "previous"
    JUMP = "jump"
    EXTEND = "extend"
    RESET = "reset"


class VoteMode(StrEnum):
    TALLY = "tally"
    INDIVIDUAL = "individual"
    HIDDEN = "hidden"


class PhoneBallotKind(StrEnum):
    """What a phone round collects: a confidence vote, or the I&A workshop's dots."""

    CONFIDENCE = "confidence"
    DOTS = "dots"


class RoamStatus(StrEnum):
    UNROAMED = "unroamed"
    RESOLVED = "resolved"
    OWNED = "owned"
    ACCEPTED = "accepted"
    MITIGATED = "mitigated"


class RiskSource(StrEnum):
    PI_PLANNING = "pi_planning"
    ART_SYNC = "art_sync"
    VOTE_CONCERN = "vote_concern"
    OTHER = "other"


class WorkKind(StrEnum):
    FEATURE = "feature"
    ENABLER = "enabler"


class BacklogState(StrEnum):
    """Where a feature stands on its way through the ART backlog (SAFe's ART Kanban, short)."""

    FUNNEL = "funnel"
    ANALYSING = "analysing"
    READY = "ready"
    PLANNED = "planned"
    DONE = "done"


class WsjfColumn(StrEnum):
    """The four relative estimates of WSJF, in the order a session estimates them."""

    BUSINESS_VALUE = "business_value"
    TIME_CRITICALITY = "time_criticality"
    RISK_REDUCTION = "risk_reduction"
    JOB_SIZE = "job_size"
