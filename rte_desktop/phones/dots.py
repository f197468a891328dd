"""I&A dot voting from phones: the page of the fishbone's causes, and recording a device's dots.

The page is one form (no script): a number box per cause and a "Save my dots" button. A device's
form is its whole ballot; the service checks it (at most N dots in all, none negative, causes of
this workshop only) and replaces what that device placed before. ``DotSession`` serves a
workshop's round the way ``session.ConfidenceSession`` serves a confidence round (the same
server, the same hardening).
"""

from __future__ import annotations

import dataclasses
import re
import time
from collections.abc import Callable, Mapping, Sequence
from html import escape
from typing import TYPE_CHECKING

from rte_desktop.domain.errors import ValidationError
from rte_desktop.phones.page import document
from rte_desktop.phones.server import BallotClosedError, BallotRejectedError, Limits, PhoneServer
from rte_desktop.phones.session import ServedRound, server_workspace

if TYPE_CHECKING:
    from rte_desktop.services.common.changes import Changes
    from rte_desktop.services.common.phone_devices import DeviceCount
    from rte_desktop.services.workshop.phone_dots import (
        DotBallot,
        DotRound,
        DotTally,
        PhoneDotService,
    )
    from rte_desktop.workspace import Workspace

FIELD = re.compile(r"c([1-9][0-9]{0,9})")  # one number box per cause: c<cause id>
# One field per cause: the 4 KiB body limit is what bounds a ballot (a field is >= 4 bytes).
MAX_FIELDS = 1000

STYLE = """
.how{margin:0 0 1rem}
fieldset{border:0;margin:0 0 1rem;padding:0}
legend{font-weight:700;color:var(--muted);text-transform:uppercase;font-size:.85rem;
letter-spacing:.04em;padding:0;margin:0 0 .35rem}
.cause{display:flex;align-items:center;gap:.8rem;padding:.55rem .7rem;margin:0 0 .45rem;
background:var(--card);border:2px solid var(--line);border-radius:.7rem}
.cause.mine{border-color:var(--accent);background:var(--mine)}
.cause label{flex:1;overflow-wrap:anywhere}
.d1{margin-left:1.2rem}.d2{margin-left:2.4rem}.d3{margin-left:3.6rem}
.cause input{width:4.2rem;min-height:3rem;font:inherit;font-size:1.4rem;font-weight:700;
text-align:center;border:2px solid var(--line);border-radius:.6rem;background:var(--bg);
color:var(--fg)}
.cause input:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.save{display:block;width:100%;min-height:3.6rem;margin:.4rem 0 0;border:0;border-radius:.8rem;
background:var(--accent);color:var(--bg);font:inherit;font-size:1.2rem;font-weight:700;
position:sticky;bottom:.6rem;text-align:center;box-shadow:0 .2rem .8rem rgba(0,0,0,.35)}
.save:focus-visible{outline:3px solid var(--fg);outline-offset:2px}
.empty{color:var(--muted)}
"""


def dots_page(ballot: DotBallot, action: str) -> str:
    """The dot-voting page for one device (every text from the train escaped here).

    Args:
        ballot: the workshop, its causes, N and this device's dots.
        action: the form's action, the join path.
    """
    n = ballot.dots
    status = ""
    if ballot.voted:
        status = (
            f"<p class=status role=status>Saved: you placed {ballot.placed} of your {n} "
            f"dot{'s' if n != 1 else ''}. You can change them until the voting closes.</p>\n"
        )
    groups: list[str] = []
    bone: str | None = None
    rows: list[str] = []
    for cause in ballot.causes:
        if cause.bone != bone:
            if rows:
                groups.append(_group(bone or "", rows))
            bone, rows = cause.bone, []
        mine = ballot.mine.get(cause.id, 0)
        depth = min(cause.depth, 3)
        classes = "cause" + (f" d{depth}" if depth else "") + (" mine" if mine else "")
        rows.append(
            f'<div class="{classes}"><label for=c{cause.id}>'
            f"{'↳ ' if depth else ''}{escape(cause.text)}</label>"
            f"<input type=number inputmode=numeric id=c{cause.id} name=c{cause.id} min=0 "
            f"max={n} step=1 value={mine}></div>"
        )
    if rows:
        groups.append(_group(bone or "", rows))
    if groups:
        form = (
            f'<form method=post action="{escape(action)}">\n'
            + "\n".join(groups)
            + "\n<button type=submit class=save>Save my dots</button>\n</form>"
        )
    else:
        form = "<p class=empty>The fishbone has no causes yet. Reload when it has.</p>"
    body = (
        f"<style>{STYLE}</style>\n"
        "<h1>Which causes matter most?</h1>\n"
        f"<p class=scope>{escape(ballot.title)} · {escape(ballot.pi)}</p>\n"
        f"{status}"
        f"<p class=how>You have <strong>{n} dot{'s' if n != 1 else ''}</strong>. Put them on "
        "the causes you think matter most; several on one cause is fine. Then tap "
        "“Save my dots”.</p>\n"
        f"{form}\n"
        "<p class=note>Anonymous: this phone is remembered only so that saving again "
        "replaces your dots.</p>"
    )
    return document(f"Dot voting · {ballot.title}", body)


def _group(bone: str, rows: list[str]) -> str:
    return f"<fieldset><legend>{escape(bone)}</legend>\n" + "\n".join(rows) + "\n</fieldset>"


def parse_dots(form: Mapping[str, Sequence[str]]) -> dict[int, int]:
    """The posted dots (cause id -> dots); an empty box counts as 0.

    The service checks the rest (the total against N, the causes against the workshop's).

    Raises:
        BallotRejectedError: a field that is not a cause's box, a box sent twice, or a value
            that is not a whole number from 0 to 999.
    """
    dots: dict[int, int] = {}
    for name, values in form.items():
        match = FIELD.fullmatch(name)
        if match is None or len(values) != 1:
            raise BallotRejectedError("That is not a dot vote; send it from the page.")
        text = values[0].strip()
        if text == "":
            text = "0"
        if not text.isascii() or not text.isdigit() or len(text) > 3:
            raise BallotRejectedError("Type a whole number of dots (0 or more) for each cause.")
        dots[int(match.group(1))] = int(text)
    return dots


class DotBallots:
    """A ``BallotKind`` for one workshop's dot voting from phones.

    Args:
        service: the phone dot service of the server's own workspace (one unit of work per call).
        dot_round: the round as opened.
    """

    def __init__(self, service: PhoneDotService, dot_round: DotRound) -> None:
        self._service = service
        self._id = dot_round.id
        self._salt = dot_round.phone_round.salt

    @property
    def salt(self) -> str:
        return self._salt

    def is_open(self) -> bool:
        return self._service.is_open(self._id)

    def page(self, device: str | None, path: str) -> str:
        return dots_page(self._service.ballot(self._id, device), path)

    def submit(self, device: str, form: Mapping[str, Sequence[str]]) -> None:
        from rte_desktop.services.workshop.phone_dots import DotRoundClosedError

        dots = parse_dots(form)
        try:
            self._service.cast(self._id, device, dots)
        except DotRoundClosedError as exc:
            raise BallotClosedError(str(exc)) from exc
        except ValidationError as exc:
            raise BallotRejectedError(f"{exc} Go back, change your dots and save again.") from exc


class DotSession(ServedRound):
    """One workshop's dot voting from phones, served on ``url`` until ``stop`` or ``close``."""

    def __init__(self, ws: Workspace, dot_round: DotRound, server: PhoneServer) -> None:
        super().__init__(ws, server)
        self.round = dot_round

    @classmethod
    def start(
        cls,
        ws: Workspace,
        workshop_id: int,
        host: str,
        port: int = 0,
        *,
        on_change: Callable[[Changes], None] | None = None,
        limits: Limits | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> DotSession:
        """Open (or take) the workshop's phone round and serve it.

        Raises:
            ValidationError: no such workshop.
            OSError: the address cannot be listened on (the round stays open, unserved).
        """
        mine = server_workspace(ws, on_change)
        dot_round = mine.phone_dots.open(workshop_id).value
        server = PhoneServer(
            DotBallots(mine.phone_dots, dot_round),
            host,
            port,
            limits=dataclasses.replace(limits or Limits(), max_fields=MAX_FIELDS),
            clock=clock,
        )
        server.start()
        return cls(mine, dot_round, server)

    @property
    def workshop_id(self) -> int:
        return self.round.workshop.id or 0

    def is_open(self) -> bool:
        """False once the round was closed (here or by another client)."""
        return self._ws.phone_dots.is_open(self.round.id)

    def count(self) -> DeviceCount:
        return self._ws.phone_dots.count(self.round.id)

    def tally(self) -> DotTally:
        """Open or not, the devices and the phones' dots on the workshop's causes (one read)."""
        return self._ws.phone_dots.tally(self.round.id)

    def close(self) -> DotRound:
        """Stop serving and close the round (the dots stay on the causes)."""
        self.server.stop()
        return self._ws.phone_dots.close(self.round.id).value
