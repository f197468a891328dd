"""Shared pieces of the command line: the parser shape, opening the database, error handling."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from rte_desktop.domain.errors import DomainError
from rte_desktop.paths import default_db

if TYPE_CHECKING:
    from rte_desktop.domain.model import PlanningInterval
    from rte_desktop.workspace import Workspace

# argparse names its sub-parsers type only privately; add_subparsers() returns it.
Groups = dict[str, "argparse._SubParsersAction[argparse.ArgumentParser]"]  # noqa: SLF001
Runner = Callable[[argparse.Namespace], int]


class HeldLock(Protocol):
    def unlock(self) -> None: ...


# The app's single-instance lock, wired in by app.py (the command line itself never imports
# Qt). Without it, writers can only check for a holder, not keep others out while they write.
_take_lock: Callable[[Path], HeldLock | None] | None = None
_held: list[HeldLock] = []


def set_write_lock(take: Callable[[Path], HeldLock | None] | None) -> None:
    """Use ``take(path)`` (the lock, or None when held elsewhere) for command-line writers."""
    global _take_lock
    _take_lock = take


def hold_for_writing(path: Path) -> None:
    """Take the train file's lock until the command ends; refuse when RTE Desktop has it open.

    The window would not show the change, and its undo history would no longer match the file.
    """
    from rte_desktop.services.backup.backup import lock_holder

    path = Path(path).expanduser().resolve()
    if _take_lock is not None and (lock := _take_lock(path)) is not None:
        _held.append(lock)
        return
    holder = lock_holder(path)
    if _take_lock is not None or holder is not None:
        raise DomainError(
            f"{path.name} is open in RTE Desktop ({holder or 'another process'}); make the "
            "change there, or close it first."
        )


def release_locks() -> None:
    while _held:
        _held.pop().unlock()


def add_db_option(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    """``--db``, accepted before the command (``top``) and after it.

    Only the top-level parser has a default: argparse copies every attribute a sub-command's
    parser sets over the top-level namespace, so a default there would overwrite a ``--db``
    given before the command.
    """
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=None if top else argparse.SUPPRESS,
        help=f"the train file or a SQLAlchemy URL (default: {default_db()})",
    )


def add_command(
    groups: Groups,
    group: str,
    name: str,
    runner: Runner,
    help_text: str,
    *,
    pi: bool = False,
    out: bool = False,
) -> argparse.ArgumentParser:
    """Add ``rte-desktop [group] name`` with ``--db`` and optionally ``--pi`` / ``--out``."""
    parser = groups[group].add_parser(name, help=help_text, description=help_text)
    add_db_option(parser)
    if pi:
        parser.add_argument(
            "--pi", metavar="NAME", default=None, help="the PI by name (default: the current PI)"
        )
    if out:
        parser.add_argument(
            "--out", metavar="FILE", type=Path, required=True, help="the file to write"
        )
    parser.set_defaults(run=runner)
    return parser


def db_target(args: argparse.Namespace) -> str:
    return str(args.db) if args.db else str(default_db())


def existing_db(args: argparse.Namespace) -> Path:
    """The train file named by ``--db`` (or the default), which must exist.

    Raises:
        DomainError: there is no such file; nothing is created.
    """
    path = Path(db_target(args)).expanduser()
    if not path.is_file():
        raise DomainError(
            f"{path} does not exist; write a train into it first "
            f'(e.g. rte-desktop --db "{path}" demo) or name another file with --db.'
        )
    return path


def open_ws(args: argparse.Namespace, writes: bool = False, creates: bool = False) -> Workspace:
    """Open the workspace named by ``--db``.

    Only a command that ``creates`` (the demo, a JSON import) may start a new file; the others
    refuse a missing one rather than leave an empty train file behind.

    A command that ``writes`` is refused while RTE Desktop has the file open: the window would
    not show the change, and its undo history would no longer match the file.
    """
    if not creates and "://" not in db_target(args):
        existing_db(args)
    return open_target_ws(db_target(args), writes)


def open_target_ws(target: str, writes: bool = False) -> Workspace:
    """Open a file or URL; a command that ``writes`` to a file holds its lock while it writes.

    Raises:
        DomainError: RTE Desktop has the file open (for a command that writes).
    """
    from rte_desktop.workspace import open_workspace

    if writes and "://" not in target:
        hold_for_writing(Path(target))
    return open_workspace(target)


def pick_pi(ws: Workspace, args: argparse.Namespace) -> PlanningInterval:
    """The PI named by ``--pi``, or the current one; refuses an empty train."""
    pi = ws.train.find_pi(None, getattr(args, "pi", None))
    if pi is None:
        raise DomainError("This train has no PI yet; create a train or the demo first.")
    return pi


def fail(message: str) -> int:
    print(f"rte-desktop: error: {message}", file=sys.stderr)
    return 1


def run_safely(runner: Runner, args: argparse.Namespace) -> int:
    """Run a command; a DomainError becomes a one-line message and exit status 1."""
    try:
        return runner(args)
    except DomainError as exc:
        return fail(str(exc))
    except OSError as exc:
        return fail(f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": "))
    finally:
        release_locks()


class ServingSession(Protocol):
    """A phone round being served (a confidence vote or dot voting, from ``phones/``)."""

    @property
    def url(self) -> str: ...

    def is_open(self) -> bool: ...

    def stop(self) -> None: ...


def serve_until_stopped(session: ServingSession, intro: str) -> bool:
    """Print the join URL alone on stdout, then serve until SIGINT/SIGTERM or the round closes.

    Args:
        session: the started round; it is stopped here, whatever happens.
        intro: one line for stderr (what is served, how to stop).

    Returns:
        Whether the round was closed (by someone else) rather than left open.
    """
    import signal
    import threading
    from types import FrameType

    stop = threading.Event()

    def stop_serving(_signal: int, _frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, stop_serving)
    signal.signal(signal.SIGINT, stop_serving)
    try:
        print(session.url, flush=True)
        print(intro, file=sys.stderr, flush=True)
        while not stop.wait(0.5):
            if not session.is_open():
                break
        return not session.is_open()
    finally:
        session.stop()
