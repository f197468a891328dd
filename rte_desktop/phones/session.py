"""A confidence phone round being served: its round, its server, and stopping both.

The server's threads call the services through a workspace of their own on the same engine
(each call its own unit of work), so they never touch the caller's listeners: the GUI's event
bus lives on the GUI thread. What they change is handed to ``on_change`` (called on a server
thread; the GUI turns it into a queued Qt signal), and announced to other clients like any
change (a PostgreSQL notice; a SQLite file's other processes see its data_version move).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from rte_desktop.phones.confidence import ConfidenceBallots
from rte_desktop.phones.server import Limits, PhoneServer
from rte_desktop.workspace import Workspace

if TYPE_CHECKING:
    from rte_desktop.services.common.changes import Changes
    from rte_desktop.services.vote.phone_rounds import DeviceCount, PhoneVote


def server_workspace(
    ws: Workspace, on_change: Callable[[Changes], None] | None = None
) -> Workspace:
    """A workspace for the server's threads on ``ws``'s engine, clock and change feed.

    It shares the client id (a PostgreSQL notice of its own is not news to ``ws``) and, when
    ``ws`` watches a feed already, that feed (its own commits are then not news either: they
    reach ``ws`` through ``on_change`` instead of as "anything may have changed").
    """
    mine = Workspace(ws.engine, ws.clock, ws.url)
    mine.client_id = ws.client_id
    if "change_feed" in ws.__dict__:
        mine.__dict__["change_feed"] = ws.change_feed
    if on_change is not None:
        mine.listeners.append(on_change)
    return mine


class ServedRound:
    """A phone round's server and the workspace its threads use: what every kind shares.

    Args:
        ws: the server's own workspace (``server_workspace``).
        server: the started server.
    """

    def __init__(self, ws: Workspace, server: PhoneServer) -> None:
        self._ws = ws
        self.server = server

    @property
    def url(self) -> str:
        return self.server.url

    @property
    def running(self) -> bool:
        return self.server.running

    def stop(self) -> None:
        """Stop serving; the round stays open (a new session takes it again, same devices)."""
        self.server.stop()


class ConfidenceSession(ServedRound):
    """One confidence vote's phone round, served on ``url`` until ``stop`` or ``close``."""

    def __init__(self, ws: Workspace, vote: PhoneVote, server: PhoneServer) -> None:
        super().__init__(ws, server)
        self.vote = vote

    @classmethod
    def start(
        cls,
        ws: Workspace,
        pi_id: int,
        team_id: int | None,
        host: str,
        port: int = 0,
        *,
        on_change: Callable[[Changes], None] | None = None,
        limits: Limits | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> ConfidenceSession:
        """Open (or take) the scope's phone round and serve it.

        Raises:
            ValidationError: no such PI or team.
            OSError: the address cannot be listened on (the round stays open, unserved).
        """
        mine = server_workspace(ws, on_change)
        vote = mine.phone_votes.open(pi_id, team_id).value
        server = PhoneServer(
            ConfidenceBallots(mine.phone_votes, vote), host, port, limits=limits, clock=clock
        )
        server.start()
        return cls(mine, vote, server)

    def is_open(self) -> bool:
        """False once the round was closed (here or by another client)."""
        return self._ws.phone_votes.is_open(self.vote.id)

    def count(self) -> DeviceCount:
        return self._ws.phone_votes.count(self.vote.id)

    def close(self) -> PhoneVote:
        """Stop serving and close the round."""
        self.server.stop()
        return self._ws.phone_votes.close(self.vote.id).value
