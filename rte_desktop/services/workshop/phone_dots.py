"""Phones place dots on the fishbone's causes: open a workshop's phone round, record, count, close.

Each device gets the workshop's dots per participant (N) to spread over the workshop's causes
(any cause, sub-causes included, several dots on one cause allowed). A device's submission is
its whole ballot: it replaces whatever that device placed before. ``PhoneBallot`` remembers the
device (the salted hash of its random cookie, never the cookie), ``PhoneDot`` its dots per cause.

A cause's dots are the dots placed in the room (``Cause.votes``: typed, or + / −, as before)
plus the dots phones placed on it (``phone_dots``). Phones never write ``Cause.votes`` and the
RTE's edits never touch a device's dots, so people without a phone can still be counted by hand
while the phones vote, and neither side loses the other's dots. "Clear dots" clears both.

The web server (``rte_desktop.phones``) calls this service from its own threads, each call in
its own unit of work; nothing here is shared between calls. Every write publishes
``Area.WORKSHOP`` (the Pareto changes).
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from rte_desktop.domain.errors import ValidationError
from rte_desktop.domain.fishbone import build_tree
from rte_desktop.domain.model import (
    Bone,
    Cause,
    PhoneBallot,
    PhoneBallotKind,
    PhoneDot,
    PhoneRound,
    PlanningInterval,
    Workshop,
)
from rte_desktop.services.common.changes import Area, Changes, Outcome
from rte_desktop.services.common.phone_devices import DeviceCount, check_device

if TYPE_CHECKING:
    from rte_desktop.services.common.context import ServiceContext
    from rte_desktop.storage.unit_of_work import UnitOfWork

WORKSHOP = Changes.of(Area.WORKSHOP)


class DotRoundClosedError(ValidationError):
    """The workshop's phone round no longer takes dots (closed here, or by another client)."""


@dataclass(frozen=True)
class DotRound:
    """A workshop's phone round with what its page and the panel show."""

    phone_round: PhoneRound
    workshop: Workshop
    pi: str

    @property
    def id(self) -> int:
        """The phone round's id."""
        return self.phone_round.id or 0

    @property
    def is_open(self) -> bool:
        return self.phone_round.is_open


@dataclass(frozen=True)
class BallotCause:
    """One cause as a phone lists it (in the fishbone's order)."""

    id: int
    text: str
    bone: str
    depth: int  # 0: on the bone; 1: a "why?" under a cause; ...


@dataclass(frozen=True)
class DotBallot:
    """What a device's page shows: the workshop, its causes, N, and this device's dots."""

    title: str
    pi: str
    dots: int  # N, the dots each device may place
    causes: tuple[BallotCause, ...]
    mine: Mapping[int, int]  # cause id -> this device's dots (causes with none left out)
    voted: bool  # this device sent its dots at least once

    @property
    def placed(self) -> int:
        return sum(self.mine.values())


@dataclass(frozen=True)
class DotTally:
    """What phones change while they vote, read at once (the panel's refresh)."""

    is_open: bool  # False once closed (here or by another client) or gone
    count: DeviceCount
    phone_dots: dict[int, int]  # cause id -> the phones' dots (causes without any left out)


def utc_now(ctx: ServiceContext) -> dt.datetime:
    """The workspace clock as naive UTC (how timestamps are stored)."""
    return ctx.clock.now().astimezone(dt.UTC).replace(tzinfo=None)


def workshop_causes(uow: UnitOfWork, workshop_id: int) -> list[Cause]:
    """Every cause on the workshop's bones (sub-causes too), in no particular order."""
    bone_ids = [b.id for b in uow.find(Bone, workshop_id=workshop_id)]
    return uow.find(Cause, bone_id=bone_ids) if bone_ids else []


def phone_dots_on(uow: UnitOfWork, cause_ids: list[int]) -> dict[int, int]:
    """The dots phones placed on each of these causes (every round; causes without any left out)."""
    totals: dict[int, int] = {}
    if cause_ids:
        for dot in uow.find(PhoneDot, cause_id=cause_ids):
            if dot.dots:
                totals[dot.cause_id] = totals.get(dot.cause_id, 0) + dot.dots
    return totals


Kept = frozenset[tuple[int, int]]  # a device's dots as (cause id, dots) pairs


@dataclass(frozen=True)
class TakenPhoneDots:
    """Phones' dots taken off causes (cleared, or gone with their cause), to put back on undo.

    ``left`` remembers each device's other dots as they were: a device whose dots differ by the
    time of the undo saved again and keeps its new ballot (a ballot is all or none).
    """

    dots: list[PhoneDot] = field(default_factory=list)
    left: dict[int, Kept] = field(default_factory=dict)  # phone ballot id -> its other dots


def _kept(uow: UnitOfWork, ballot_ids: list[int]) -> dict[int, Kept]:
    found: dict[int, set[tuple[int, int]]] = {b: set() for b in ballot_ids}
    for dot in uow.find(PhoneDot, phone_ballot_id=ballot_ids) if ballot_ids else []:
        found[dot.phone_ballot_id].add((dot.cause_id, dot.dots))
    return {b: frozenset(pairs) for b, pairs in found.items()}


def take_phone_dots(uow: UnitOfWork, cause_ids: list[int]) -> TakenPhoneDots:
    """Delete the phones' dots on these causes and return them (with what each device kept)."""
    dots = uow.find(PhoneDot, cause_id=cause_ids) if cause_ids else []
    if not dots:
        return TakenPhoneDots()
    uow.delete_where(PhoneDot, id=[d.id for d in dots])
    left = _kept(uow, sorted({d.phone_ballot_id for d in dots}))
    return TakenPhoneDots(dots, left)


def put_back_phone_dots(uow: UnitOfWork, taken: TakenPhoneDots) -> None:
    """Undo ``take_phone_dots`` for every device that has not saved again since."""
    if not taken.dots:
        return
    alive = {b.id for b in uow.find(PhoneBallot, id=list(taken.left))}
    now = _kept(uow, sorted(b for b in taken.left if b in alive))
    uow.add_many(
        [
            replace(dot, id=None)
            for dot in taken.dots
            if dot.phone_ballot_id in now
            and now[dot.phone_ballot_id] == taken.left[dot.phone_ballot_id]
        ]
    )


class PhoneDotService:
    """The I&A dot voting's phone rounds (see the module docstring)."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    # -- rounds ---------------------------------------------------------------------------------

    def open(self, workshop_id: int) -> Outcome[DotRound]:
        """Let phones place dots in this workshop (a closed round of it is opened again).

        A workshop has one phone round: opening it again keeps its salt, so a device that voted
        before replaces its dots rather than adding a second ballot.

        Raises:
            ValidationError: no such workshop.
        """
        now = utc_now(self._ctx)
        with self._ctx.uow() as uow:
            uow.get(Workshop, workshop_id)
            found = uow.find(PhoneRound, workshop_id=workshop_id, order_by=["id"])
            if found:
                phone = found[-1]
                if not phone.is_open:
                    phone = uow.patch(PhoneRound, phone.id or 0, is_open=True, closed_at=None)
            else:
                phone = uow.add(
                    PhoneRound(
                        kind=PhoneBallotKind.DOTS,
                        workshop_id=workshop_id,
                        salt=secrets.token_hex(16),
                        opened_at=now,
                    )
                )
            result = self._round(uow, phone)
        return Outcome(result, self._ctx.publish(WORKSHOP))

    def find_open(self, workshop_id: int) -> DotRound | None:
        """The workshop's open phone round, if any."""
        with self._ctx.uow(read_only=True) as uow:
            found = uow.find(PhoneRound, workshop_id=workshop_id, is_open=True)
            return self._round(uow, found[-1]) if found else None

    def get(self, phone_round_id: int) -> DotRound:
        with self._ctx.uow(read_only=True) as uow:
            return self._round(uow, uow.get(PhoneRound, phone_round_id))

    def is_open(self, phone_round_id: int) -> bool:
        """True while phones may place dots; False once closed (here or elsewhere) or gone."""
        with self._ctx.uow(read_only=True) as uow:
            found = uow.find(PhoneRound, id=phone_round_id)
            return bool(found) and found[0].is_open and found[0].workshop_id is not None

    def close(self, phone_round_id: int) -> Outcome[DotRound]:
        """Stop taking dots from phones; the dots placed stay on the causes."""
        now = utc_now(self._ctx)
        with self._ctx.uow() as uow:
            phone = uow.get(PhoneRound, phone_round_id)
            if phone.is_open:
                phone = uow.patch(PhoneRound, phone_round_id, is_open=False, closed_at=now)
            result = self._round(uow, phone)
        return Outcome(result, self._ctx.publish(WORKSHOP))

    # -- ballots --------------------------------------------------------------------------------

    def cast(
        self, phone_round_id: int, device: str, dots: Mapping[int, int]
    ) -> Outcome[dict[int, int]]:
        """Record a device's dots (cause id -> dots), replacing what it placed before.

        Returns:
            The device's dots as stored (causes with none left out).

        Raises:
            DotRoundClosedError: the round is closed.
            ValidationError: a negative number, a cause of another workshop (or none), more dots
                than the workshop's dots per participant, or a bad device key. Nothing changes.
        """
        check_device(device)
        for cause_id, count in dots.items():
            if count < 0:
                raise ValidationError("A cause cannot get fewer than 0 dots.")
            if cause_id <= 0:
                raise ValidationError("That is not one of this workshop's causes.")
        now = utc_now(self._ctx)
        with self._ctx.uow() as uow:
            # FOR UPDATE (PostgreSQL): one ballot of a round at a time, so a double tap of one
            # phone replaces instead of racing to two rows (SQLite's writers queue anyway).
            phone = uow.get(PhoneRound, phone_round_id, for_update=True)
            if not phone.is_open or phone.workshop_id is None:
                raise DotRoundClosedError("This dot voting is closed.")
            shop = uow.get(Workshop, phone.workshop_id)
            ids = {c.id for c in workshop_causes(uow, phone.workshop_id)}
            if any(cause_id not in ids for cause_id in dots):
                raise ValidationError(
                    "That is not one of this workshop's causes (reload the page: the list may "
                    "have changed)."
                )
            total = sum(dots.values())
            if total > shop.dots_per_participant:
                raise ValidationError(
                    f"That is {total} dots; each person has {shop.dots_per_participant}."
                )
            mine = uow.first(PhoneBallot, phone_round_id=phone_round_id, device=device)
            if mine is None:
                mine = uow.add(
                    PhoneBallot(phone_round_id=phone_round_id, device=device, cast_at=now)
                )
            else:
                mine = uow.patch(PhoneBallot, mine.id or 0, cast_at=now)
                uow.delete_where(PhoneDot, phone_ballot_id=mine.id)
            kept = {cause_id: count for cause_id, count in sorted(dots.items()) if count}
            uow.add_many(
                [
                    PhoneDot(phone_ballot_id=mine.id or 0, cause_id=cause_id, dots=count)
                    for cause_id, count in kept.items()
                ]
            )
        return Outcome(kept, self._ctx.publish(WORKSHOP))

    def ballot(self, phone_round_id: int, device: str | None) -> DotBallot:
        """What a device's page shows (``device`` None: a device seen for the first time)."""
        with self._ctx.uow(read_only=True) as uow:
            phone = uow.get(PhoneRound, phone_round_id)
            if phone.workshop_id is None:
                raise ValidationError("That phone round is not a dot voting.")
            shop = uow.get(Workshop, phone.workshop_id)
            pi = uow.get(PlanningInterval, shop.pi_id)
            tree = build_tree(
                uow.find(Bone, workshop_id=shop.id), workshop_causes(uow, shop.id or 0)
            )
            causes = tuple(
                BallotCause(node.cause.id or 0, node.cause.text, bone.bone.name, node.depth)
                for bone in tree
                for node in bone.walk()
            )
            mine: dict[int, int] = {}
            voted = False
            if device is not None:
                ballot = uow.first(PhoneBallot, phone_round_id=phone_round_id, device=device)
                if ballot is not None:
                    voted = True
                    mine = {
                        d.cause_id: d.dots
                        for d in uow.find(PhoneDot, phone_ballot_id=ballot.id)
                        if d.dots
                    }
        return DotBallot(shop.title, pi.name, shop.dots_per_participant, causes, mine, voted)

    def count(self, phone_round_id: int) -> DeviceCount:
        """Devices that placed at least one dot, against the workshop's participants (0: unset)."""
        with self._ctx.uow(read_only=True) as uow:
            return self._count(uow, uow.get(PhoneRound, phone_round_id))

    def tally(self, phone_round_id: int) -> DotTally:
        """Open or not, the devices and the phones' dots, in one unit of work.

        The dots are on the round's workshop's causes, every round's, as the Pareto counts them.
        """
        with self._ctx.uow(read_only=True) as uow:
            found = uow.find(PhoneRound, id=phone_round_id)
            phone = found[0] if found else None
            if phone is None or phone.workshop_id is None:
                return DotTally(False, DeviceCount(0, 0), {})
            causes = workshop_causes(uow, phone.workshop_id)
            return DotTally(
                phone.is_open,
                self._count(uow, phone),
                phone_dots_on(uow, [c.id for c in causes if c.id is not None]),
            )

    @staticmethod
    def _count(uow: UnitOfWork, phone: PhoneRound) -> DeviceCount:
        shop = uow.get(Workshop, phone.workshop_id) if phone.workshop_id else None
        ballots = [b.id for b in uow.find(PhoneBallot, phone_round_id=phone.id)]
        devices = (
            len({d.phone_ballot_id for d in uow.find(PhoneDot, phone_ballot_id=ballots)})
            if ballots
            else 0
        )
        return DeviceCount(devices, shop.participants if shop else 0)

    # -- helpers --------------------------------------------------------------------------------

    @staticmethod
    def _round(uow: UnitOfWork, phone: PhoneRound) -> DotRound:
        if phone.workshop_id is None:
            raise ValidationError("That phone round is not a dot voting.")
        shop = uow.get(Workshop, phone.workshop_id)
        return DotRound(phone, shop, uow.get(PlanningInterval, shop.pi_id).name)
