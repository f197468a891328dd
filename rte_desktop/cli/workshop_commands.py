"""Commands for the I&A workshop: its PDF report, the improvement items as CSV, phone dots."""

from __future__ import annotations

import argparse
import sys

from rte_desktop.cli.common import Groups, add_command, open_ws, pick_pi, serve_until_stopped
from rte_desktop.domain.errors import DomainError


def register(groups: Groups) -> None:
    parser = add_command(
        groups,
        "report",
        "workshop",
        _report,
        "the I&A problem-solving workshop report (every workshop of the PI)",
        pi=True,
        out=True,
    )
    parser.add_argument(
        "--paper", default="a4", choices=["a4", "letter", "a3"], help="paper size (landscape)"
    )
    parser = add_command(
        groups,
        "export",
        "improvements",
        _export_improvements,
        "improvement backlog items as CSV for the ART backlog (all of them unless --pi or "
        "--target names a PI)",
        out=True,
    )
    parser.add_argument(
        "--pi", metavar="NAME", default=None, help="only items from this PI's workshops"
    )
    parser.add_argument(
        "--target", metavar="NAME", default=None, help="only items targeted at this PI"
    )
    serve = add_command(
        groups,
        "workshop",
        "serve",
        _serve_dots,
        "let phones place their dots on a workshop's fishbone causes: prints the join URL "
        "alone on the first line, serves until the voting closes or Ctrl+C / SIGTERM (exit 0)",
        pi=True,
    )
    serve.add_argument(
        "--workshop",
        metavar="TITLE",
        default=None,
        help="the workshop by its problem's title (default: the PI's only or first workshop)",
    )
    serve.add_argument(
        "--host",
        metavar="ADDR",
        default=None,
        help="the address to listen on (default: the interface with the default route)",
    )
    serve.add_argument(
        "--port", metavar="N", type=int, default=0, help="the port (default 0: a free one)"
    )


def _report(args: argparse.Namespace) -> int:
    ws = open_ws(args)
    pi = pick_pi(ws, args)
    if args.pi is None:  # by default the latest I&A: it may belong to the PI before this one
        pi = ws.inspect_adapt.workshop_pi(pi)
    assert pi.id is not None
    path = ws.inspect_adapt.render_report(args.out, pi.id, paper=args.paper)
    print(f"Workshop report for {pi.name} written to {path}")
    return 0


def _export_improvements(args: argparse.Namespace) -> int:
    ws = open_ws(args)
    source = ws.train.find_pi(None, args.pi) if args.pi else None
    target = ws.train.find_pi(None, args.target) if args.target else None
    path, count = ws.improvements.export_csv(
        args.out,
        pi_id=source.id if source else None,
        target_pi_id=target.id if target else None,
    )
    print(f"{count} improvement item(s) written to {path}")
    return 0


def _serve_dots(args: argparse.Namespace) -> int:
    from rte_desktop.phones.dots import DotSession
    from rte_desktop.phones.network import default_route_address

    if not 0 <= args.port <= 65535:
        raise DomainError(f"--port must be 0 to 65535, not {args.port}.")
    ws = open_ws(args, writes=True)
    pi = pick_pi(ws, args)
    if args.pi is None:  # by default the latest I&A: it may belong to the PI before this one
        pi = ws.inspect_adapt.workshop_pi(pi)
    assert pi.id is not None
    shops = ws.workshop.workshops(pi.id)
    if not shops:
        raise DomainError(f"{pi.name} has no problem-solving workshop yet.")
    shop = shops[0]
    if args.workshop is not None:
        wanted = " ".join(args.workshop.split()).casefold()
        found = [s for s in shops if s.title.casefold() == wanted]
        if not found:
            titles = "; ".join(s.title for s in shops)
            raise DomainError(f"No workshop titled '{args.workshop}' in {pi.name} ({titles}).")
        shop = found[0]
    assert shop.id is not None
    host = args.host or default_route_address()
    session = DotSession.start(ws, shop.id, host, args.port)
    closed = serve_until_stopped(
        session,
        f"Phones place up to {shop.dots_per_participant} dots each on the causes of "
        f"'{shop.title}' ({pi.name}). Ctrl+C stops serving (the voting stays open).",
    )
    count = session.count()
    print(
        f"{count.devices} device(s) placed dots; the voting is "
        f"{'closed' if closed else 'still open'}.",
        file=sys.stderr,
    )
    return 0
