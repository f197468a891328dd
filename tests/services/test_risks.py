"""Risks on a real SQLite file: add, edit, move with history, owners, filters, delete/restore."""

from __future__ import annotations

import datetime as dt

import pytest

from rte_desktop.domain.errors import ValidationError
from rte_desktop.domain.model import ArtSyncAction, RiskSource, RoamStatus
from rte_desktop.services.common.changes import Area
from rte_desktop.workspace import Workspace


def current_pi(ws: Workspace) -> int:
    art = ws.train.arts()[0]
    return ws.train.current_pi(art.id).id


def test_add_records_creation_in_history(demo_ws: Workspace, clock) -> None:
    pi_id = current_pi(demo_ws)
    outcome = demo_ws.risks.add(
        pi_id, "  Vendor  late ", likelihood=4, impact=5, source=RiskSource.ART_SYNC
    )
    risk = outcome.value
    assert outcome.changes.touches(Area.RISKS)
    assert (risk.title, risk.score, risk.status) == ("Vendor late", 20, RoamStatus.UNROAMED)
    history = demo_ws.risks.history(pi_id, risk.id)
    assert [(h.change.from_status, h.change.to_status) for h in history] == [
        (None, RoamStatus.UNROAMED)
    ]
    assert history[0].change.at == dt.datetime(2026, 11, 25, 8, 0)


def test_move_needs_owner_for_owned_and_keeps_data_unchanged(demo_ws: Workspace) -> None:
    pi_id = current_pi(demo_ws)
    risk = demo_ws.risks.add(pi_id, "No owner yet").value
    with pytest.raises(ValidationError, match="needs an owner"):
        demo_ws.risks.move(risk.id, RoamStatus.OWNED)
    assert demo_ws.risks.risk(risk.id).status is RoamStatus.UNROAMED
    assert len(demo_ws.risks.history(pi_id, risk.id)) == 1
    moved = demo_ws.risks.move(risk.id, RoamStatus.OWNED, owner="Zoë Ñúñez").value
    assert (moved.status, moved.owner) == (RoamStatus.OWNED, "Zoë Ñúñez")


def test_every_move_is_stamped_with_the_clock(demo_ws: Workspace, clock) -> None:
    pi_id = current_pi(demo_ws)
    risk = demo_ws.risks.add(pi_id, "Moves around").value
    clock.advance(3600)
    demo_ws.risks.move(risk.id, RoamStatus.ACCEPTED, note="at ROAM session")
    clock.advance(60)
    demo_ws.risks.move(risk.id, RoamStatus.MITIGATED, owner="李雷")
    history = demo_ws.risks.history(pi_id, risk.id)
    assert [
        (h.change.from_status, h.change.to_status, h.change.at.hour, h.change.at.minute)
        for h in history
    ] == [
        (RoamStatus.ACCEPTED, RoamStatus.MITIGATED, 9, 1),
        (RoamStatus.UNROAMED, RoamStatus.ACCEPTED, 9, 0),
        (None, RoamStatus.UNROAMED, 8, 0),
    ]
    assert history[1].change.note == "at ROAM session"


def test_moving_to_the_same_column_changes_nothing(demo_ws: Workspace) -> None:
    pi_id = current_pi(demo_ws)
    risk = demo_ws.risks.add(pi_id, "Stays").value
    outcome = demo_ws.risks.move(risk.id, RoamStatus.UNROAMED)
    assert not outcome.changes
    assert len(demo_ws.risks.history(pi_id, risk.id)) == 1


def test_update_validates_scale_and_team(demo_ws: Workspace) -> None:
    pi_id = current_pi(demo_ws)
    risk = demo_ws.risks.add(pi_id, "Edit me").value
    from dataclasses import replace

    with pytest.raises(ValidationError, match="1 to 5"):
        demo_ws.risks.update(replace(risk, impact=7))
    with pytest.raises(ValidationError, match="not a team"):
        demo_ws.risks.update(replace(risk, team_id=9999))
    saved = demo_ws.risks.update(replace(risk, due=dt.date(2026, 12, 1), mitigation="Plan B"))
    assert demo_ws.risks.risk(risk.id) == saved.value


def test_filter_by_team_and_text_and_order(demo_ws: Workspace) -> None:
    pi_id = current_pi(demo_ws)
    art = demo_ws.train.arts()[0]
    kraken = next(t for t in demo_ws.train.teams(art.id) if t.name == "Kraken")
    demo_ws.risks.add(pi_id, "Kraken only thing", team_id=kraken.id, likelihood=5, impact=5)
    everything = demo_ws.risks.risks(pi_id)
    statuses = [r.status for r in everything]
    from rte_desktop.domain.roam import COLUMNS

    assert statuses == sorted(statuses, key=COLUMNS.index)
    assert all(r.team_id == kraken.id for r in demo_ws.risks.risks(pi_id, team_id=kraken.id))
    found = demo_ws.risks.risks(pi_id, text="kraken ONLY")
    assert [r.title for r in found] == ["Kraken only thing"]
    assert demo_ws.risks.risks(pi_id, text="kraken", team_id=kraken.id)


def test_delete_and_restore_bring_back_history_and_links(demo_ws: Workspace) -> None:
    pi_id = current_pi(demo_ws)
    risk = demo_ws.risks.add(pi_id, "Linked").value
    meeting = demo_ws.art_sync.meetings(pi_id)[0]
    action = demo_ws.art_sync.add_action(meeting.id, "Follow up", risk_id=risk.id).value
    demo_ws.risks.move(risk.id, RoamStatus.ACCEPTED)
    snapshot = demo_ws.risks.delete(risk.id).value
    assert risk.id not in [r.id for r in demo_ws.risks.risks(pi_id)]
    assert demo_ws.art_sync.actions(meeting.id)[-1].risk_id is None
    demo_ws.risks.restore(snapshot)
    assert demo_ws.risks.risk(risk.id).status is RoamStatus.ACCEPTED
    assert len(demo_ws.risks.history(pi_id, risk.id)) == 2
    with demo_ws.uow() as uow:
        assert uow.get(ArtSyncAction, action.id).risk_id == risk.id
