"""Commands for agendas: the timing report (planned vs actual) as a PDF."""

from __future__ import annotations

import argparse

from rte_desktop.cli.common import Groups, add_command, open_ws, pick_pi


def register(groups: Groups) -> None:
    parser = add_command(
        groups,
        "report",
        "agenda",
        _report_agenda,
        "the agenda timing report: planned vs actual per item and day, total overrun",
        pi=True,
        out=True,
    )
    parser.add_argument(
        "--agenda",
        metavar="TITLE",
        default=None,
        help="the agenda by title (default: the PI's PI Planning agenda, else its first)",
    )
    parser.add_argument("--paper", default="a4", choices=["a4", "letter", "a3"])


def _report_agenda(args: argparse.Namespace) -> int:
    ws = open_ws(args)
    pi = pick_pi(ws, args)
    assert pi.id is not None
    agenda = ws.agenda.find(pi.id, args.agenda)
    assert agenda.id is not None
    path = ws.agenda_timer.timing_report(agenda.id, args.out, paper=args.paper)
    print(f"Timing report of '{agenda.title}' ({pi.name}) written to {path}")
    return 0
