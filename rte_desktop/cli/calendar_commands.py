"""Commands for the ART calendar: ICS export, holiday import, the calendar PDF."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from rte_desktop.cli.common import Groups, add_command, open_ws, pick_pi
from rte_desktop.domain.errors import DomainError

if TYPE_CHECKING:
    from rte_desktop.workspace import Workspace


def register(groups: Groups) -> None:
    add_command(
        groups,
        "export",
        "ics",
        _export_ics,
        "export the ART calendar as iCalendar (all PIs, or one with --pi)",
        pi=True,
        out=True,
    )
    parser = add_command(
        groups, "import", "holidays", _import_holidays, "import holidays from an .ics file"
    )
    parser.add_argument("file", type=Path, help="the .ics file to read")
    _art_option(parser)
    add_command(
        groups,
        "report",
        "calendar",
        _report_calendar,
        "the calendar PDF: a year at a glance and one landscape page per PI (or only --pi)",
        pi=True,
        out=True,
    )


def _art_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--art", metavar="NAME", default=None, help="the ART by name (default: the only one)"
    )


def _scope(ws: Workspace, args: argparse.Namespace) -> tuple[int, int | None]:
    """The ART and (with --pi) the PI a command works on."""
    pi = pick_pi(ws, args)
    assert pi.id is not None
    return pi.art_id, pi.id if args.pi else None


def _pick_art(ws: Workspace, name: str | None) -> int:
    arts = ws.train.arts()
    if not arts:
        raise DomainError("This train has no ART yet; create a train or the demo first.")
    if name is None:
        if len(arts) > 1:
            names = ", ".join(a.name for a in arts)
            raise DomainError(f"This file holds several ARTs ({names}); choose one with --art.")
        chosen = arts[0]
    else:
        found = [a for a in arts if a.name.casefold() == name.strip().casefold()]
        if not found:
            raise DomainError(f"No ART is named '{name}'.")
        chosen = found[0]
    assert chosen.id is not None
    return chosen.id


def _export_ics(args: argparse.Namespace) -> int:
    ws = open_ws(args)
    art_id, pi_id = _scope(ws, args)
    path = ws.calendar.export_ics(args.out, art_id, pi_id)
    print(f"Exported to {path}")
    return 0


def _import_holidays(args: argparse.Namespace) -> int:
    ws = open_ws(args, writes=True)
    result = ws.calendar.import_holidays(_pick_art(ws, args.art), args.file).value
    print(
        f"Imported {result.added} holiday(s) from {args.file}"
        + (f"; {result.duplicates} already there" if result.duplicates else "")
    )
    return 0


def _report_calendar(args: argparse.Namespace) -> int:
    ws = open_ws(args)
    art_id, pi_id = _scope(ws, args)
    path = ws.calendar.calendar_pdf(args.out, art_id, pi_id)
    print(f"Wrote {path}")
    return 0
