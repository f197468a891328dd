"""ART Sync meetings and actions, and open actions across meetings."""

from __future__ import annotations

import datetime as dt

import pytest

from rte_desktop.domain.errors import ValidationError
from rte_desktop.services.art_sync.art_sync import TIMER_TEMPLATES
from rte_desktop.workspace import Workspace


def scope(ws: Workspace):
    art = ws.train.arts()[0]
    return art, ws.train.current_pi(art.id)


def test_new_meeting_is_now_in_the_arts_time_zone(demo_ws: Workspace) -> None:
    _art, pi = scope(demo_ws)
    meeting = demo_ws.art_sync.add_meeting(pi.id).value
    assert meeting.held_at == dt.datetime(2026, 11, 25, 9, 0)  # 08:00 UTC in Berlin
    assert demo_ws.art_sync.meetings(pi.id)[0] == meeting  # newest first


def test_meeting_log_and_actions(demo_ws: Workspace) -> None:
    art, pi = scope(demo_ws)
    meeting = demo_ws.art_sync.add_meeting(pi.id).value
    from dataclasses import replace

    saved = demo_ws.art_sync.update_meeting(
        replace(meeting, attendees=" RTE, 李雷 ", impediments="Env down", decisions="Buy more")
    ).value
    assert saved.attendees == "RTE, 李雷"
    risk = demo_ws.risks.risks(pi.id)[0]
    action = demo_ws.art_sync.add_action(
        meeting.id, "Call vendor", owner="Zoë", due=dt.date(2026, 11, 20), risk_id=risk.id
    ).value
    with pytest.raises(ValidationError, match="needs a text"):
        demo_ws.art_sync.add_action(meeting.id, "   ")
    open_actions = demo_ws.art_sync.open_actions(art.id)
    first = open_actions[0]
    assert first.action == action and first.overdue and first.risk_title == risk.title
    assert demo_ws.art_sync.open_counts(pi.id)[meeting.id] == 1
    demo_ws.art_sync.set_done(action.id, True)
    assert demo_ws.art_sync.open_counts(pi.id)[meeting.id] == 0
    assert action.id not in [o.action.id for o in demo_ws.art_sync.open_actions(art.id)]


def test_open_actions_span_meetings_and_pis(demo_ws: Workspace) -> None:
    art, pi = scope(demo_ws)
    older_pi = demo_ws.train.pis(art.id)[0]
    old = demo_ws.art_sync.add_meeting(older_pi.id, dt.datetime(2026, 9, 1, 10)).value
    demo_ws.art_sync.add_action(old.id, "Carry over", due=None)
    new = demo_ws.art_sync.add_meeting(pi.id).value
    demo_ws.art_sync.add_action(new.id, "Soon", due=dt.date(2026, 11, 30))
    texts = [o.action.text for o in demo_ws.art_sync.open_actions(art.id)]
    assert texts.index("Soon") < texts.index("Carry over")  # dated first
    assert "Script test environment setup" in texts  # the demo's action, another meeting
    carried = next(
        o for o in demo_ws.art_sync.open_actions(art.id) if o.action.text == "Carry over"
    )
    assert carried.pi_name == older_pi.name and not carried.overdue


def test_delete_meeting_and_restore(demo_ws: Workspace) -> None:
    _art, pi = scope(demo_ws)
    meeting = demo_ws.art_sync.add_meeting(pi.id).value
    demo_ws.art_sync.add_action(meeting.id, "One")
    snapshot = demo_ws.art_sync.delete_meeting(meeting.id).value
    assert meeting not in demo_ws.art_sync.meetings(pi.id)
    demo_ws.art_sync.restore_meeting(snapshot)
    assert [a.text for a in demo_ws.art_sync.actions(meeting.id)] == ["One"]


def test_timer_templates_are_named_for_the_agenda_timer() -> None:
    assert TIMER_TEMPLATES == {30: "art_sync_30", 60: "art_sync_60"}
