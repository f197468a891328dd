"""Which table holds each domain value: the one place its name is written.

The records (``orm.py``) take their ``__tablename__`` from here, and so does the standard-library
reader that shows the first panel while SQLAlchemy loads (``early_reads.py``).
"""

from __future__ import annotations

from typing import Any

from rte_desktop.domain import model as m

TABLES: dict[type[Any], str] = {
    m.Art: "art",
    m.Team: "team",
    m.PlanningInterval: "pi",
    m.Iteration: "iteration",
    m.Holiday: "holiday",
    m.Event: "event",
    m.ReadinessItem: "readiness_item",
    m.Agenda: "agenda",
    m.AgendaItem: "agenda_item",
    m.TimerEvent: "timer_event",
    m.VoteRound: "vote_round",
    m.Ballot: "ballot",
    m.Risk: "risk",
    m.Concern: "concern",
    m.Objective: "objective",
    m.RiskStatusChange: "risk_status_change",
    m.Feature: "feature",
    m.Milestone: "milestone",
    m.Dependency: "dependency",
    m.ArtSyncMeeting: "art_sync_meeting",
    m.ArtSyncAction: "art_sync_action",
    m.Workshop: "workshop",
    m.Bone: "bone",
    m.Cause: "cause",
    m.Solution: "solution",
    m.ImprovementItem: "improvement_item",
    m.WorkItem: "work_item",
    m.WorkItemChange: "work_item_change",
    m.FlowStage: "flow_stage",
    m.FlowTeamMap: "flow_team_map",
    m.FlowTypeMap: "flow_type_map",
    m.DorItem: "dor_item",
    m.FeatureDorTick: "feature_dor_tick",
    m.WsjfSession: "wsjf_session",
    m.DemoItem: "demo_item",
    m.DemoFeedback: "demo_feedback",
    m.PhoneRound: "phone_round",
    m.PhoneBallot: "phone_ballot",
    m.PhoneDot: "phone_dot",
}
