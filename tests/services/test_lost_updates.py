"""Two clients on one database: the second writer of the same field is refused, not silent.

Each test opens a second workspace on the same database (file or server), as a second
facilitator's app would.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator

import pytest

from rte_desktop.domain.clock import FakeClock
from rte_desktop.domain.errors import ConflictError, NotFoundError
from rte_desktop.domain.model import Checklist, Feature, RoamStatus
from rte_desktop.services.workshop.improvements import ItemDraft
from rte_desktop.workspace import Workspace, open_workspace


@pytest.fixture
def other(demo_ws: Workspace, db_url: str, clock: FakeClock) -> Iterator[Workspace]:
    second = open_workspace(db_url, clock)
    yield second
    second.close()


@pytest.fixture
def pi_id(demo_ws: Workspace) -> int:
    art = demo_ws.train.arts()[0]
    return demo_ws.train.current_pi(art.id).id


def test_objective_second_writer_of_a_field_is_refused(
    demo_ws: Workspace, other: Workspace, pi_id: int
) -> None:
    seen_by_me = demo_ws.objectives.objectives(pi_id)[0]
    seen_by_them = other.objectives.get(seen_by_me.id or 0)
    other.objectives.update(seen_by_them.id or 0, seen_by_them, text="Their words")
    with pytest.raises(ConflictError) as refused:
        demo_ws.objectives.update(seen_by_me.id or 0, seen_by_me, text="My words")
    assert "text" in str(refused.value) and "“Their words”" in str(refused.value)
    assert demo_ws.objectives.get(seen_by_me.id or 0).text == "Their words"
    # Another field is no conflict, and their text stays.
    demo_ws.objectives.update(seen_by_me.id or 0, seen_by_me, planned_bv=9)
    stored = other.objectives.get(seen_by_me.id or 0)
    assert (stored.text, stored.planned_bv) == ("Their words", 9)


def test_risk_edit_keeps_the_others_fields_and_refuses_the_same_field(
    demo_ws: Workspace, other: Workspace, pi_id: int
) -> None:
    mine = demo_ws.risks.risks(pi_id)[0]
    theirs = other.risks.risk(mine.id or 0)
    other.risks.update(dataclasses.replace(theirs, owner="Mia"), seen=theirs)
    # A different field: merged, their owner kept (a plain overwrite would have erased it).
    saved = demo_ws.risks.update(dataclasses.replace(mine, mitigation="Pair up"), seen=mine).value
    assert (saved.owner, saved.mitigation) == ("Mia", "Pair up")
    # The same field: refused, theirs stays.
    with pytest.raises(ConflictError, match="owner"):
        demo_ws.risks.update(dataclasses.replace(mine, owner="Ole"), seen=mine)
    assert other.risks.risk(mine.id or 0).owner == "Mia"


def test_feature_and_agenda_item_refuse_the_second_writer(
    demo_ws: Workspace, other: Workspace, pi_id: int
) -> None:
    feature = demo_ws.board.add_feature(pi_id, "Checkout").value
    theirs: Feature = dataclasses.replace(feature, title="Checkout v2")
    other.board.update_feature(theirs, seen=feature)
    with pytest.raises(ConflictError, match="title"):
        demo_ws.board.update_feature(dataclasses.replace(feature, title="Pay"), seen=feature)
    assert other.board.board(pi_id).feature(feature.id or 0).title == "Checkout v2"

    agenda = demo_ws.agenda.create_from_template(pi_id, "art_sync_30").value
    item = demo_ws.agenda.items(agenda.id or 0)[0]
    other.agenda.edit_item(item.id or 0, item, title="Their title")
    with pytest.raises(ConflictError, match="title"):
        demo_ws.agenda.edit_item(item.id or 0, item, title="My title")
    assert other.agenda.items(agenda.id or 0)[0].title == "Their title"


def test_the_same_change_twice_is_no_conflict(
    demo_ws: Workspace, other: Workspace, pi_id: int
) -> None:
    seen = demo_ws.objectives.objectives(pi_id)[0]
    other.objectives.update(seen.id or 0, seen, committed=not seen.committed)
    demo_ws.objectives.update(seen.id or 0, seen, committed=not seen.committed)
    assert other.objectives.get(seen.id or 0).committed is (not seen.committed)


# -- calendar events ----------------------------------------------------------------------------


def _art(ws: Workspace) -> int:
    art_id = ws.train.arts()[0].id
    assert art_id is not None
    return art_id


def test_event_edit_move_and_delete_refuse_the_second_writer(
    demo_ws: Workspace, other: Workspace
) -> None:
    mine = demo_ws.calendar.events(_art(demo_ws))[0]
    event_id = mine.id or 0
    theirs = other.calendar.event(event_id)
    other.calendar.update_event(
        event_id,
        kind=theirs.kind,
        title="Their title",
        start=theirs.start,
        end=theirs.end,
        note=theirs.note,
        seen=theirs,
    )
    # The same field: refused with the record, the field and their value; theirs stays.
    with pytest.raises(ConflictError) as refused:
        demo_ws.calendar.update_event(
            event_id,
            kind=mine.kind,
            title="My title",
            start=mine.start,
            end=mine.end,
            note=mine.note,
            seen=mine,
        )
    message = str(refused.value)
    assert f"the event “{mine.title}”" in message and "“Their title”" in message
    assert "Another facilitator changed the title" in message
    assert other.calendar.event(event_id).title == "Their title"
    # Another field (the note): merged, their title kept.
    demo_ws.calendar.update_event(
        event_id,
        kind=mine.kind,
        title=mine.title,
        start=mine.start,
        end=mine.end,
        note="Bring snacks",
        seen=mine,
    )
    stored = other.calendar.event(event_id)
    assert (stored.title, stored.note) == ("Their title", "Bring snacks")
    # A move is a change of start and end: they moved it, my move of what I saw is refused.
    other.calendar.move_event(event_id, 1, seen=stored)
    with pytest.raises(ConflictError, match="start"):
        demo_ws.calendar.move_event(event_id, 2, seen=stored)
    assert demo_ws.calendar.event(event_id).start == stored.start + dt.timedelta(days=1)
    # A delete of what I saw, changed since: refused, it stays.
    with pytest.raises(ConflictError, match="It was not deleted"):
        demo_ws.calendar.delete_event(event_id, seen=mine)
    assert demo_ws.calendar.event(event_id).title == "Their title"


def test_event_already_deleted_is_named_and_nothing_changes(
    demo_ws: Workspace, other: Workspace
) -> None:
    art_id = _art(demo_ws)
    mine = demo_ws.calendar.events(art_id)[0]
    other.calendar.delete_event(mine.id or 0, seen=mine)
    count = len(demo_ws.calendar.events(art_id))
    with pytest.raises(
        NotFoundError, match=f"Another facilitator deleted the event “{mine.title}”"
    ):
        demo_ws.calendar.delete_event(mine.id or 0, seen=mine)
    with pytest.raises(NotFoundError, match="deleted"):
        demo_ws.calendar.move_event(mine.id or 0, 1, seen=mine)
    # An undo of an edit (put back what was seen) does not bring a deleted event back.
    with pytest.raises(NotFoundError):
        demo_ws.calendar.put_event(mine, seen=mine)
    assert len(demo_ws.calendar.events(art_id)) == count


# -- the ART Planning Board: feature placement, milestones, dependencies -------------------------


def _two_cells(ws: Workspace, pi_id: int) -> tuple[Feature, tuple[int, int], tuple[int, int]]:
    board = ws.board.board(pi_id)
    feature = next(f for f in board.features if f.team_id and f.iteration_id)
    teams = [t.id or 0 for t in board.teams]
    its = [it.id or 0 for it in board.iterations]
    first = next(
        (t, i) for t in teams for i in its if (t, i) != (feature.team_id, feature.iteration_id)
    )
    second = next(
        (t, i)
        for t in teams
        for i in its
        if (t, i) not in ((feature.team_id, feature.iteration_id), first)
    )
    return feature, first, second


def test_a_feature_another_facilitator_moved_is_not_moved_again(
    demo_ws: Workspace, other: Workspace, pi_id: int
) -> None:
    feature, theirs, mine = _two_cells(demo_ws, pi_id)
    other.board.place_feature(feature.id or 0, *theirs, seen=feature)
    with pytest.raises(ConflictError) as refused:
        demo_ws.board.place_feature(feature.id or 0, *mine, seen=feature)
    board = demo_ws.board.board(pi_id)
    team = next(t.name for t in board.teams if t.id == theirs[0])
    iteration = next(it.name for it in board.iterations if it.id == theirs[1])
    message = str(refused.value)
    assert f"Another facilitator moved the feature “{feature.title}” to {team}, {iteration}" in (
        message
    )
    assert "Your move was not saved" in message
    moved = board.feature(feature.id or 0)
    assert moved is not None and (moved.team_id, moved.iteration_id) == theirs
    # The same move twice is no conflict; a change of another field is none either.
    demo_ws.board.place_feature(feature.id or 0, *theirs, seen=feature)
    renamed = other.board.update_feature(
        dataclasses.replace(moved, title="Renamed"), seen=moved
    ).value
    placed = demo_ws.board.place_feature(feature.id or 0, *mine, seen=moved).value
    assert (placed.team_id, placed.iteration_id, placed.title) == (*mine, renamed.title)


def test_milestone_edit_and_delete_refuse_the_second_writer(
    demo_ws: Workspace, other: Workspace, pi_id: int
) -> None:
    mine = demo_ws.board.board(pi_id).milestones[0]
    other.board.update_milestone(dataclasses.replace(mine, title="Their launch"), seen=mine)
    with pytest.raises(ConflictError, match="title of the milestone .*“Their launch”"):
        demo_ws.board.update_milestone(dataclasses.replace(mine, title="My launch"), seen=mine)
    with pytest.raises(ConflictError, match="It was not deleted"):
        demo_ws.board.delete_milestone(mine.id or 0, seen=mine)
    assert other.board.board(pi_id).milestone(mine.id or 0) is not None
    now = other.board.board(pi_id).milestone(mine.id or 0)
    other.board.delete_milestone(mine.id or 0, seen=now)
    with pytest.raises(NotFoundError, match="Another facilitator deleted the milestone"):
        demo_ws.board.delete_milestone(mine.id or 0, seen=now)
    with pytest.raises(NotFoundError, match="deleted"):
        demo_ws.board.update_milestone(dataclasses.replace(mine, title="Again"), seen=mine)


def test_dependency_retarget_and_delete_refuse_the_second_writer(
    demo_ws: Workspace, other: Workspace, pi_id: int
) -> None:
    board = demo_ws.board.board(pi_id)
    mine = next(d for d in board.dependencies if d.consumer_feature_id)
    its = [it.id for it in board.iterations]
    theirs_it, my_it = [i for i in its if i != mine.needed_iteration_id][:2]
    other.board.update_dependency(
        dataclasses.replace(mine, needed_iteration_id=theirs_it), seen=mine
    )
    with pytest.raises(ConflictError) as refused:
        demo_ws.board.update_dependency(
            dataclasses.replace(mine, needed_iteration_id=my_it), seen=mine
        )
    their_name = next(it.name for it in board.iterations if it.id == theirs_it)
    message = str(refused.value)
    assert "needed-by iteration of the dependency of" in message and their_name in message
    # Another field (the description) merges; their iteration stays.
    demo_ws.board.update_dependency(dataclasses.replace(mine, description="API ready"), seen=mine)
    now = next(d for d in other.board.board(pi_id).dependencies if d.id == mine.id)
    assert (now.needed_iteration_id, now.description) == (theirs_it, "API ready")
    # Deleting what I saw, changed since: refused; deleting what is already gone: named.
    with pytest.raises(ConflictError, match="It was not deleted"):
        demo_ws.board.delete_dependency(mine.id or 0, seen=mine)
    other.board.delete_dependency(mine.id or 0, seen=now)
    count = len(demo_ws.board.board(pi_id).dependencies)
    with pytest.raises(NotFoundError, match="Another facilitator deleted the dependency of"):
        demo_ws.board.delete_dependency(mine.id or 0, seen=now)
    assert len(demo_ws.board.board(pi_id).dependencies) == count


def test_feature_delete_refuses_a_changed_feature(
    demo_ws: Workspace, other: Workspace, pi_id: int
) -> None:
    mine = demo_ws.board.board(pi_id).features[0]
    other.board.update_feature(dataclasses.replace(mine, title="Theirs"), seen=mine)
    with pytest.raises(ConflictError, match="It was not deleted"):
        demo_ws.board.delete_feature(mine.id or 0, seen=mine)
    assert other.board.board(pi_id).feature(mine.id or 0) is not None


# -- risks: ROAM moves and deletes ---------------------------------------------------------------


def test_a_risk_another_facilitator_re_roamed_is_not_moved_again(
    demo_ws: Workspace, other: Workspace, pi_id: int
) -> None:
    mine = next(r for r in demo_ws.risks.risks(pi_id) if r.status is RoamStatus.UNROAMED)
    other.risks.move(mine.id or 0, RoamStatus.ACCEPTED, seen=mine)
    with pytest.raises(ConflictError) as refused:
        demo_ws.risks.move(mine.id or 0, RoamStatus.RESOLVED, seen=mine)
    assert f"status of the risk “{mine.title}”" in str(refused.value)
    assert "status is now Accepted" in str(refused.value)
    stored = other.risks.risk(mine.id or 0)
    assert stored.status is RoamStatus.ACCEPTED
    history = [
        h.change.to_status for h in demo_ws.risks.history(pi_id) if h.change.risk_id == mine.id
    ]
    assert history.count(RoamStatus.RESOLVED) == 0
    # The same move twice is no conflict.
    demo_ws.risks.move(mine.id or 0, RoamStatus.ACCEPTED, seen=mine)
    # A delete of what I saw, changed since: refused; already deleted: named.
    with pytest.raises(ConflictError, match="It was not deleted"):
        demo_ws.risks.delete(mine.id or 0, seen=mine)
    other.risks.delete(mine.id or 0, seen=stored)
    with pytest.raises(NotFoundError, match="Another facilitator deleted the risk"):
        demo_ws.risks.delete(mine.id or 0, seen=stored)
    with pytest.raises(NotFoundError, match="deleted"):
        demo_ws.risks.move(mine.id or 0, RoamStatus.OWNED, owner="Ann", seen=stored)


# -- objective order, readiness, the I&A workshop, ART Sync ---------------------------------------


def test_an_objective_reorder_of_an_order_changed_meanwhile_is_refused(
    demo_ws: Workspace, other: Workspace, pi_id: int
) -> None:
    first = demo_ws.objectives.objectives(pi_id)[0]
    team_id = first.team_id
    shown = [o.id or 0 for o in demo_ws.objectives.objectives(pi_id, team_id)]
    assert len(shown) >= 3
    other.objectives.move(shown[2], -2, seen=shown)  # they put the third first
    theirs = [o.id or 0 for o in other.objectives.objectives(pi_id, team_id)]
    with pytest.raises(ConflictError, match="Another facilitator changed the order of"):
        demo_ws.objectives.move(shown[1], 1, seen=shown)
    assert [o.id for o in demo_ws.objectives.objectives(pi_id, team_id)] == theirs
    # Moving in the order as it is now works; deleting what was changed since is refused.
    demo_ws.objectives.move(theirs[0], 1, seen=theirs)
    seen = demo_ws.objectives.get(shown[0])
    other.objectives.update(shown[0], seen, text="Their text")
    with pytest.raises(ConflictError, match="It was not deleted"):
        demo_ws.objectives.delete(shown[0], seen=seen)


def test_readiness_edit_tick_and_delete_refuse_the_second_writer(
    demo_ws: Workspace, other: Workspace, pi_id: int
) -> None:
    item = demo_ws.readiness.add_item(pi_id, Checklist.LOGISTICS, "Book the big room").value
    other.readiness.put_item(dataclasses.replace(item, owner="Mia"), seen=item)
    with pytest.raises(ConflictError, match="owner of the checklist item “Book the big room”"):
        demo_ws.readiness.put_item(dataclasses.replace(item, owner="Ole"), seen=item)
    # Another field merges and keeps their owner.
    saved = demo_ws.readiness.put_item(dataclasses.replace(item, notes="Room 4"), seen=item).value
    assert (saved.owner, saved.notes) == ("Mia", "Room 4")
    other.readiness.set_done(item.id or 0, True, seen=saved)
    # The same tick: no conflict (a yes/no field both changed can only agree).
    assert demo_ws.readiness.set_done(item.id or 0, True, seen=saved).value.done
    with pytest.raises(ConflictError, match="It was not deleted"):
        demo_ws.readiness.delete_item(item.id or 0, seen=item)
    other.readiness.delete_item(item.id or 0)
    with pytest.raises(NotFoundError, match="Another facilitator deleted the checklist item"):
        demo_ws.readiness.delete_item(item.id or 0, seen=saved)
    with pytest.raises(NotFoundError):  # an undo of an edit does not bring it back
        demo_ws.readiness.put_item(item, seen=saved)


def test_workshop_problem_and_cause_edits_refuse_the_second_writer(
    demo_ws: Workspace, other: Workspace, pi_id: int
) -> None:
    shop = demo_ws.workshop.create_workshop(pi_id, "Late integration").value
    shop_id = shop.id or 0
    other.workshop.update_problem(shop_id, shop, where="Every team")
    with pytest.raises(ConflictError, match="where of the problem statement “Late integration”"):
        demo_ws.workshop.update_problem(shop_id, shop, where="Team Kraken")
    demo_ws.workshop.update_problem(shop_id, shop, impact="Two sprints lost")
    stored = other.workshop.workshop(shop_id)
    assert (stored.where, stored.impact) == ("Every team", "Two sprints lost")

    bone = demo_ws.workshop.fishbone(shop_id).bones[0]
    cause = demo_ws.workshop.add_cause(bone.id or 0, "No test env").value
    other.workshop.rename_cause(cause.id or 0, "No shared test env", seen=cause)
    with pytest.raises(ConflictError, match="text of the cause “No test env”"):
        demo_ws.workshop.rename_cause(cause.id or 0, "Env missing", seen=cause)
    with pytest.raises(ConflictError, match="It was not deleted"):
        demo_ws.workshop.delete_cause(cause.id or 0, seen=cause)
    other.workshop.rename_bone(bone.id or 0, "Humans", seen=bone)
    with pytest.raises(ConflictError, match="name of the bone"):
        demo_ws.workshop.rename_bone(bone.id or 0, "Folks", seen=bone)
    now = other.workshop.fishbone(shop_id).causes[-1]
    other.workshop.delete_cause(now.id or 0, seen=now)
    with pytest.raises(NotFoundError, match="Another facilitator deleted the cause"):
        demo_ws.workshop.delete_cause(now.id or 0, seen=now)


def test_art_sync_action_and_log_edits_refuse_the_second_writer(
    demo_ws: Workspace, other: Workspace, pi_id: int
) -> None:
    meeting = demo_ws.art_sync.add_meeting(pi_id).value
    action = demo_ws.art_sync.add_action(meeting.id or 0, "Fix the build").value
    other.art_sync.update_action(dataclasses.replace(action, owner="Mia"), seen=action)
    with pytest.raises(ConflictError, match="owner of the ART Sync action “Fix the build”"):
        demo_ws.art_sync.update_action(dataclasses.replace(action, owner="Ole"), seen=action)
    other.art_sync.set_done(action.id or 0, True, seen=action)
    with pytest.raises(ConflictError, match="It was not deleted"):
        demo_ws.art_sync.delete_action(action.id or 0, seen=action)
    other.art_sync.update_meeting(dataclasses.replace(meeting, decisions="Ship it"), seen=meeting)
    with pytest.raises(ConflictError, match="decisions of the ART Sync"):
        demo_ws.art_sync.update_meeting(
            dataclasses.replace(meeting, decisions="Wait"), seen=meeting
        )
    kept = demo_ws.art_sync.update_meeting(
        dataclasses.replace(meeting, attendees="Ann, Bo"), seen=meeting
    ).value
    assert (kept.decisions, kept.attendees) == ("Ship it", "Ann, Bo")


def test_workshop_solutions_and_improvement_items_refuse_the_second_writer(
    demo_ws: Workspace, other: Workspace, pi_id: int
) -> None:
    shop_id = demo_ws.workshop.create_workshop(pi_id, "Flaky builds").value.id or 0
    solution = demo_ws.improvements.add_solution(shop_id, "Nightly clean").value
    # Two "+1" clicks on what both saw as 0: the second is refused, not merged into one vote.
    other.improvements.update_solution(solution.id or 0, solution.text, 1, seen=solution)
    with pytest.raises(ConflictError, match="votes of the solution .*votes is now 1"):
        demo_ws.improvements.update_solution(solution.id or 0, solution.text, 1, seen=solution)
    with pytest.raises(ConflictError, match="It was not deleted"):
        demo_ws.improvements.delete_solution(solution.id or 0, seen=solution)

    item = demo_ws.improvements.add_item(shop_id, ItemDraft("Build cache")).value
    other.improvements.update_item(item.id or 0, ItemDraft("Build cache", owner="Mia"), seen=item)
    with pytest.raises(ConflictError, match="owner of the improvement item “Build cache”"):
        demo_ws.improvements.update_item(
            item.id or 0, ItemDraft("Build cache", owner="Ole"), seen=item
        )
    merged = demo_ws.improvements.update_item(
        item.id or 0, ItemDraft("Build cache", description="Per branch"), seen=item
    ).value
    assert (merged.owner, merged.description) == ("Mia", "Per branch")
    other.improvements.delete_item(item.id or 0, seen=merged)
    with pytest.raises(NotFoundError, match="Another facilitator deleted the improvement item"):
        demo_ws.improvements.delete_item(item.id or 0, seen=merged)


def test_giving_an_objective_to_a_team_another_facilitator_chose_is_refused(
    demo_ws: Workspace, other: Workspace, pi_id: int
) -> None:
    seen = demo_ws.objectives.objectives(pi_id)[0]
    teams = [t for t in demo_ws.train.teams(demo_ws.train.arts()[0].id) if t.id != seen.team_id]
    theirs, mine = teams[0], teams[1]
    other.objectives.move_to_team(seen.id or 0, theirs.id or 0, seen=seen)
    with pytest.raises(ConflictError, match=f"team is now {theirs.name}"):
        demo_ws.objectives.move_to_team(seen.id or 0, mine.id or 0, seen=seen)
    assert demo_ws.objectives.get(seen.id or 0).team_id == theirs.id


def test_holiday_and_meeting_deletes_refuse_what_changed_or_is_gone(
    demo_ws: Workspace, other: Workspace, pi_id: int
) -> None:
    art_id = _art(demo_ws)
    holiday = demo_ws.calendar.holidays(art_id)[0]
    other.calendar.delete_holiday(holiday.id or 0, seen=holiday)
    count = len(demo_ws.calendar.holidays(art_id))
    with pytest.raises(
        NotFoundError, match=f"Another facilitator deleted the holiday “{holiday.name}”"
    ):
        demo_ws.calendar.delete_holiday(holiday.id or 0, seen=holiday)
    assert len(demo_ws.calendar.holidays(art_id)) == count

    meeting = demo_ws.art_sync.add_meeting(pi_id).value
    other.art_sync.add_action(meeting.id or 0, "Their action")
    with pytest.raises(ConflictError, match="changed the actions of the ART Sync"):
        demo_ws.art_sync.delete_meeting(meeting.id or 0, meeting, [])
    assert [a.text for a in other.art_sync.actions(meeting.id or 0)] == ["Their action"]


def test_an_edit_of_something_another_facilitator_deleted_says_so(
    demo_ws: Workspace, other: Workspace, pi_id: int
) -> None:
    objective = demo_ws.objectives.objectives(pi_id)[0]
    feature = demo_ws.board.board(pi_id).features[0]
    other.objectives.delete(objective.id or 0, seen=objective)
    other.board.delete_feature(feature.id or 0, seen=feature)
    with pytest.raises(NotFoundError, match="Another facilitator deleted the objective"):
        demo_ws.objectives.update(objective.id or 0, objective, text="Mine")
    with pytest.raises(NotFoundError, match="Another facilitator deleted the feature"):
        demo_ws.board.update_feature(dataclasses.replace(feature, title="Mine"), seen=feature)
    with pytest.raises(NotFoundError, match="Another facilitator deleted the feature"):
        demo_ws.board.place_feature(feature.id or 0, None, None, seen=feature)
