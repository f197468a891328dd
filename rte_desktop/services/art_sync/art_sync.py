"""ART Sync: a log per meeting and the actions it raised, followed across meetings.

A meeting's ``held_at`` is the local time of the ART (naive, in the ART's time zone, as events
are). Actions may point at a risk of the same train; deleting the risk keeps the action.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rte_desktop.domain.concurrency import (
    RELOAD,
    check_fields_unchanged,
    check_unchanged,
    merge_edit,
)
from rte_desktop.domain.errors import ConflictError, ValidationError
from rte_desktop.domain.model import Art, ArtSyncAction, ArtSyncMeeting, PlanningInterval, Risk
from rte_desktop.domain.train import zone_or_utc
from rte_desktop.services.common.changes import Area, Changes, Outcome
from rte_desktop.services.common.dates import art_today
from rte_desktop.services.common.seen import current

if TYPE_CHECKING:
    from rte_desktop.services.common.context import ServiceContext
    from rte_desktop.storage.unit_of_work import UnitOfWork

# Agenda-timer templates of the two usual ART Sync lengths (DOMAIN.md §7.2: 30-60 min).
TIMER_TEMPLATES = {30: "art_sync_30", 60: "art_sync_60"}
MEETING_TEXT_FIELDS = ("attendees", "impediments", "dependency_updates", "decisions")


@dataclass(frozen=True)
class OpenAction:
    """An action not done yet, with the meeting that raised it and its risk's title."""

    action: ArtSyncAction
    meeting: ArtSyncMeeting
    pi_name: str
    risk_title: str
    overdue: bool


@dataclass(frozen=True)
class DeletedMeeting:
    meeting: ArtSyncMeeting
    actions: tuple[ArtSyncAction, ...]


class ArtSyncService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def _done(self) -> Changes:
        return self._ctx.publish(Changes.of(Area.ART_SYNC))

    def local_now(self, pi_id: int) -> dt.datetime:
        """Now in the ART's time zone, naive, to the minute (a new meeting's default time)."""
        with self._ctx.uow() as uow:
            art = uow.get(Art, uow.get(PlanningInterval, pi_id).art_id)
        now = self._ctx.clock.now().astimezone(zone_or_utc(art.time_zone)).replace(tzinfo=None)
        return now.replace(second=0, microsecond=0)

    # -- meetings -------------------------------------------------------------------------------

    def meetings(self, pi_id: int) -> list[ArtSyncMeeting]:
        """The PI's meetings, newest first."""
        with self._ctx.uow() as uow:
            found = uow.find(ArtSyncMeeting, pi_id=pi_id, order_by=["held_at"])
        return list(reversed(found))

    def open_counts(self, pi_id: int) -> dict[int, int]:
        """Open actions per meeting of the PI (two queries, however many meetings)."""
        with self._ctx.uow() as uow:
            ids = [m.id for m in uow.find(ArtSyncMeeting, pi_id=pi_id) if m.id is not None]
            actions = uow.find(ArtSyncAction, meeting_id=ids, done=False)
        counts = dict.fromkeys(ids, 0)
        for action in actions:
            counts[action.meeting_id] += 1
        return counts

    def meeting(self, meeting_id: int) -> ArtSyncMeeting:
        with self._ctx.uow() as uow:
            return uow.get(ArtSyncMeeting, meeting_id)

    def add_meeting(
        self, pi_id: int, held_at: dt.datetime | None = None
    ) -> Outcome[ArtSyncMeeting]:
        """Start the log of a meeting (now, in the ART's time zone, unless told otherwise)."""
        when = held_at or self.local_now(pi_id)
        with self._ctx.uow() as uow:
            uow.get(PlanningInterval, pi_id)
            meeting = uow.add(ArtSyncMeeting(pi_id=pi_id, held_at=when))
        return Outcome(meeting, self._done())

    def update_meeting(
        self, meeting: ArtSyncMeeting, seen: ArtSyncMeeting | None = None
    ) -> Outcome[ArtSyncMeeting]:
        """Write a meeting's log (when it was held, attendees, impediments, ...).

        With ``seen`` (the log as the caller showed it) only the fields the caller changed are
        written, and a field another client changed meanwhile refuses the edit.

        Raises:
            ConflictError: another client changed one of the same fields meanwhile.
            NotFoundError: the meeting was deleted meanwhile.
        """
        meeting_id = meeting.id
        assert meeting_id is not None
        cleaned = dataclasses.replace(
            meeting, **{name: getattr(meeting, name).strip() for name in MEETING_TEXT_FIELDS}
        )
        with self._ctx.uow() as uow:
            what = (
                f"the ART Sync of {seen.held_at:%a %d %b %H:%M}"
                if seen is not None
                else f"ART Sync meeting {meeting_id}"
            )
            old = current(uow, ArtSyncMeeting, meeting_id, what)
            if seen is not None:
                cleaned = merge_edit(seen, cleaned, old, what)
            saved = uow.update(dataclasses.replace(cleaned, pi_id=old.pi_id))
        return Outcome(saved, self._done())

    def delete_meeting(
        self,
        meeting_id: int,
        seen: ArtSyncMeeting | None = None,
        seen_actions: list[ArtSyncAction] | None = None,
    ) -> Outcome[DeletedMeeting]:
        """Delete a meeting with its actions (undo with ``restore_meeting``).

        Raises:
            ConflictError: another client changed the log since ``seen``, or added, changed or
                removed one of its actions since ``seen_actions``; it stays.
            NotFoundError: it is already deleted; nothing changes.
        """
        with self._ctx.uow() as uow:
            what = (
                f"the ART Sync of {seen.held_at:%a %d %b %H:%M}"
                if seen is not None
                else f"ART Sync meeting {meeting_id}"
            )
            meeting = current(uow, ArtSyncMeeting, meeting_id, what)
            if seen is not None:
                check_unchanged(seen, meeting, what)
            actions = tuple(uow.find(ArtSyncAction, meeting_id=meeting_id, order_by=["id"]))
            if seen_actions is not None and list(actions) != sorted(
                seen_actions, key=lambda a: a.id or 0
            ):
                raise ConflictError(
                    f"Another facilitator changed the actions of {what} since you opened it. "
                    f"It was not deleted; {RELOAD} (reload): do it again if you still mean to.",
                    ("actions",),
                )
            uow.delete_where(ArtSyncAction, meeting_id=meeting_id)
            uow.delete(ArtSyncMeeting, meeting_id)
        return Outcome(DeletedMeeting(meeting, actions), self._done())

    def restore_meeting(self, snapshot: DeletedMeeting) -> Outcome[ArtSyncMeeting]:
        with self._ctx.uow() as uow:
            meeting = uow.add(snapshot.meeting)
            for action in snapshot.actions:
                if action.risk_id is not None and not uow.count(Risk, id=action.risk_id):
                    action = dataclasses.replace(action, risk_id=None)
                uow.add(action)
        return Outcome(meeting, self._done())

    # -- actions --------------------------------------------------------------------------------

    def actions(self, meeting_id: int) -> list[ArtSyncAction]:
        with self._ctx.uow() as uow:
            return uow.find(ArtSyncAction, meeting_id=meeting_id, order_by=["id"])

    def add_action(
        self,
        meeting_id: int,
        text: str,
        *,
        owner: str = "",
        due: dt.date | None = None,
        risk_id: int | None = None,
    ) -> Outcome[ArtSyncAction]:
        """Record an action raised in a meeting.

        Raises:
            ValidationError: empty text, or a risk of another train.
        """
        draft = _clean_action(
            ArtSyncAction(meeting_id=meeting_id, text=text, owner=owner, due=due, risk_id=risk_id)
        )
        with self._ctx.uow() as uow:
            _check_risk(uow, meeting_id, risk_id)
            action = uow.add(draft)
        return Outcome(action, self._done())

    def update_action(
        self, action: ArtSyncAction, seen: ArtSyncAction | None = None
    ) -> Outcome[ArtSyncAction]:
        """Write an action (text, owner, due date, risk, done).

        With ``seen`` (the action as the caller showed it) only the fields the caller changed
        are written, and a field another client changed meanwhile refuses the edit.

        Raises:
            ValidationError: empty text, or a risk of another train.
            ConflictError: another client changed one of the same fields meanwhile.
            NotFoundError: the action was deleted meanwhile.
        """
        action_id = action.id
        assert action_id is not None
        action = _clean_action(action)
        with self._ctx.uow() as uow:
            what = _action_name(seen, action_id)
            old = current(uow, ArtSyncAction, action_id, what)
            if seen is not None:
                action = merge_edit(seen, action, old, what)
            _check_risk(uow, old.meeting_id, action.risk_id)
            saved = uow.update(dataclasses.replace(action, meeting_id=old.meeting_id))
        return Outcome(saved, self._done())

    def set_done(
        self, action_id: int, done: bool, seen: ArtSyncAction | None = None
    ) -> Outcome[ArtSyncAction]:
        """Mark an action done or reopen it.

        Raises:
            ConflictError: another client marked or reopened it since ``seen`` (the other way).
            NotFoundError: it was deleted meanwhile.
        """
        with self._ctx.uow() as uow:
            what = _action_name(seen, action_id)
            now = current(uow, ArtSyncAction, action_id, what)
            if seen is not None:
                check_fields_unchanged(seen, now, {"done": done}, what)
            saved = uow.patch(ArtSyncAction, action_id, done=done)
        return Outcome(saved, self._done())

    def delete_action(
        self, action_id: int, seen: ArtSyncAction | None = None
    ) -> Outcome[ArtSyncAction]:
        """Delete an action and return it (``restore_action`` puts it back).

        Raises:
            ConflictError: another client changed the action since ``seen``; it stays.
            NotFoundError: it is already deleted; nothing changes.
        """
        with self._ctx.uow() as uow:
            what = _action_name(seen, action_id)
            action = current(uow, ArtSyncAction, action_id, what)
            if seen is not None:
                check_unchanged(seen, action, what)
            uow.delete(ArtSyncAction, action_id)
        return Outcome(action, self._done())

    def restore_action(self, action: ArtSyncAction) -> Outcome[ArtSyncAction]:
        with self._ctx.uow() as uow:
            saved = uow.add(action)
        return Outcome(saved, self._done())

    def open_actions(self, art_id: int) -> list[OpenAction]:
        """Every action not done, across all meetings of the ART, most urgent first.

        Actions with a due date come first (earliest first), then those without one, oldest
        meeting first: an action does not stop mattering when its PI ends.
        """
        today = self.local_today(art_id)
        with self._ctx.uow() as uow:
            pis = {p.id: p for p in uow.find(PlanningInterval, art_id=art_id)}
            meetings = {m.id: m for m in uow.find(ArtSyncMeeting, pi_id=list(pis))}
            actions = uow.find(ArtSyncAction, meeting_id=list(meetings), done=False)
            risk_ids = [a.risk_id for a in actions if a.risk_id is not None]
            risks = {r.id: r for r in uow.find(Risk, id=risk_ids)}
        found = []
        for action in actions:
            meeting = meetings[action.meeting_id]
            risk = risks.get(action.risk_id) if action.risk_id is not None else None
            found.append(
                OpenAction(
                    action,
                    meeting,
                    pis[meeting.pi_id].name,
                    risk.title if risk else "",
                    action.due is not None and action.due < today,
                )
            )
        return sorted(
            found,
            key=lambda o: (
                o.action.due is None,
                o.action.due or dt.date.max,
                o.meeting.held_at,
                o.action.id or 0,
            ),
        )

    def local_today(self, art_id: int) -> dt.date:
        """Today in the ART's time zone (what decides that an action is overdue)."""
        return art_today(self._ctx, art_id)


def _clean_action(action: ArtSyncAction) -> ArtSyncAction:
    text = action.text.strip()
    if not text:
        raise ValidationError("An action needs a text: what will be done?")
    owner = " ".join(action.owner.split())
    if len(owner) > 200:
        raise ValidationError(f"The owner is {len(owner)} characters long; the limit is 200.")
    return dataclasses.replace(action, text=text, owner=owner)


def _check_risk(uow: UnitOfWork, meeting_id: int, risk_id: int | None) -> None:
    if risk_id is None:
        return
    meeting = uow.get(ArtSyncMeeting, meeting_id)
    art_id = uow.get(PlanningInterval, meeting.pi_id).art_id
    risk = uow.get(Risk, risk_id)
    if uow.get(PlanningInterval, risk.pi_id).art_id != art_id:
        raise ValidationError(f"Risk '{risk.title}' belongs to another train.")


def _action_name(seen: ArtSyncAction | None, action_id: int) -> str:
    return f"the ART Sync action “{seen.text}”" if seen is not None else f"action {action_id}"
