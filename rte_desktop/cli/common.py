"""Shared pieces of the command line: the parser shape, opening the database, error handling."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from rte_desktop.domain.errors import DomainError
from rte_desktop.paths import default_db

if TYPE_CHECKING:
    from rte_desktop.domain.model import PlanningInterval
    from rte_desktop.workspace import Workspace

# argparse names its sub-parsers type only privately; add_subparsers() returns it.
Groups = dict[str, "argparse._SubParsersAction[argparse.ArgumentParser]"]  # noqa: SLF001
Runner = Callable[[argparse.Namespace], int]


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=None,
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


def open_ws(args: argparse.Namespace, writes: bool = False) -> Workspace:
    """Open the workspace named by ``--db``.

    A command that ``writes`` is refused while RTE Desktop has the file open: the window would
    not show the change, and its undo history would no longer match the file.
    """
    from rte_desktop.workspace import open_workspace

    target = db_target(args)
    if writes and "://" not in target:
        from rte_desktop.services.backup.backup import lock_holder

        path = Path(target).expanduser().resolve()
        if (holder := lock_holder(path)) is not None:
            raise DomainError(
                f"{path.name} is open in RTE Desktop ({holder}); make the change there, "
                "or close it first."
            )
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
