"""Flow on the command line: import work items, print the flow figures (JSON or text)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rte_desktop.cli.common import Groups, add_command, open_ws
from rte_desktop.domain.errors import DomainError
from rte_desktop.domain.flow_metrics import StageKind, WorkType

if TYPE_CHECKING:
    from rte_desktop.workspace import Workspace


def register(groups: Groups) -> None:
    parser = add_command(
        groups,
        "import",
        "work-items",
        _import_work_items,
        "work items and their history from a Jira CSV, jira-agile-metrics cycle data, "
        "a status-transition CSV or an Azure DevOps query CSV",
    )
    parser.add_argument("file", type=Path, metavar="FILE", help="the export file")
    _art_option(parser)
    parser.add_argument(
        "--add-statuses",
        action="store_true",
        help="add statuses the ART's workflow does not know yet (kind guessed from the name)",
    )
    flow = add_command(groups, "", "flow", _flow, "the SAFe flow metrics of an ART or a team")
    _scope_options(flow)
    flow.add_argument("--json", action="store_true", help="print one JSON object")
    mapping = add_command(
        groups,
        "",
        "flow-map",
        _flow_map,
        "show or change an ART's workflow (status kinds), type mapping and team mapping",
    )
    _art_option(mapping)
    mapping.add_argument(
        "--status",
        action="append",
        default=[],
        metavar="NAME=KIND",
        help="set a status's kind: backlog, active, waiting or done (repeatable)",
    )
    mapping.add_argument(
        "--type",
        action="append",
        default=[],
        metavar="RAW=TYPE",
        help="count an item type as feature, enabler, defect, debt or risk (repeatable)",
    )
    mapping.add_argument(
        "--team",
        action="append",
        default=[],
        metavar="VALUE=TEAM",
        help="items whose team field reads VALUE belong to TEAM (repeatable)",
    )
    report = add_command(
        groups,
        "report",
        "flow",
        _report_flow,
        "the Flow report PDF (I&A quantitative review)",
        out=True,
    )
    _scope_options(report)
    report.add_argument(
        "--paper", choices=["a4", "letter", "a3"], default="a4", help="paper size (default a4)"
    )


def _scope_options(parser: argparse.ArgumentParser) -> None:
    _art_option(parser)
    parser.add_argument("--team", metavar="NAME", default=None, help="one team (default: the ART)")
    parser.add_argument("--pi", metavar="NAME", default=None, help="the PI (default: the current)")
    parser.add_argument("--from", dest="first", metavar="YYYY-MM-DD", type=_day, default=None)
    parser.add_argument("--to", dest="last", metavar="YYYY-MM-DD", type=_day, default=None)


def _window(ws: Workspace, art_id: int, args: argparse.Namespace) -> tuple[dt.date, dt.date]:
    if (args.first is None) != (args.last is None):
        raise DomainError("Give both --from and --to, or neither.")
    if args.first is not None and args.pi is not None:
        raise DomainError("Give either --pi or --from/--to, not both.")
    if args.first is not None:
        return args.first, args.last
    first, last = ws.flow.window_of_pi(art_id, args.pi)
    return first, last


def _predictability(ws: Workspace, art_id: int, first: dt.date, last: dt.date) -> str:
    """The ART predictability of the PI that holds the window's last day, as text."""
    for pi in ws.train.pis(art_id):
        if pi.start <= last <= pi.end and pi.id is not None:
            measure = ws.objectives.predictability(pi.id)
            if not measure.assessed:
                return f"{pi.name}: not assessed yet (no actual business value)"
            return f"{pi.name}: {measure.art.label()} (ratio of sums; target band 80-100%)"
    return "n/a (the window is not in a PI)"


def _pairs(values: list[str], what: str) -> list[tuple[str, str]]:
    pairs = []
    for value in values:
        left, sep, right = value.rpartition("=")
        if not sep or not left.strip() or not right.strip():
            raise DomainError(f"'{value}' is not {what}=VALUE.")
        pairs.append((left.strip(), right.strip()))
    return pairs


def _choice(enum: type[StageKind] | type[WorkType], value: str) -> Any:
    try:
        return enum(value.casefold())
    except ValueError:
        allowed = ", ".join(member.value for member in enum)
        raise DomainError(f"'{value}' is not one of {allowed}.") from None


def _flow_map(args: argparse.Namespace) -> int:
    changing = bool(args.status or args.type or args.team)
    ws = open_ws(args, writes=changing)
    art_id = _pick_art(ws, args.art)
    teams = {t.name.casefold(): t for t in ws.train.teams(art_id)}
    for name, kind in _pairs(args.status, "STATUS"):
        ws.flow.set_stage_kind(art_id, name, _choice(StageKind, kind))
    for raw, work_type in _pairs(args.type, "TYPE"):
        ws.flow.map_type(art_id, raw, _choice(WorkType, work_type))
    for value, team_name in _pairs(args.team, "VALUE"):
        team = teams.get(team_name.casefold())
        if team is None or team.id is None:
            known = ", ".join(t.name for t in teams.values())
            raise DomainError(f"No team is named '{team_name}'. Teams: {known}.")
        ws.flow.map_team(art_id, value, team.id)
    print("Workflow: " + " → ".join(f"{s.name} ({s.kind.value})" for s in ws.flow.workflow(art_id)))
    types = ws.flow.type_mapping(art_id)
    print(
        "Types: "
        + (
            ", ".join(f"{raw} = {t.value if t else 'unmapped'}" for raw, t in types.items())
            or "none"
        )
    )
    sources = ws.flow.team_sources(art_id)
    print("Teams: " + (", ".join(f"{v} = {t or 'no team'}" for v, t in sources.items()) or "none"))
    return 0


def _report_flow(args: argparse.Namespace) -> int:
    ws = open_ws(args)
    art_id = _pick_art(ws, args.art)
    first, last = _window(ws, art_id, args)
    text = _predictability(ws, art_id, first, last)
    path = ws.flow_report.export(
        args.out, art_id, first, last, text, team=args.team, paper=args.paper
    )
    print(f"Flow report {first} to {last} written to {path}")
    return 0


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-01-31") from None


def _art_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--art", metavar="NAME", default=None, help="the ART by name (default: the only one)"
    )


def _pick_art(ws: Workspace, name: str | None) -> int:
    arts = ws.train.arts()
    if not arts:
        raise DomainError("This file holds no ART yet; create a train or the demo first.")
    if name is None:
        if len(arts) > 1:
            names = ", ".join(a.name for a in arts)
            raise DomainError(f"This file holds several ARTs ({names}); choose one with --art.")
        chosen = arts[0]
    else:
        found = [a for a in arts if a.name.casefold() == name.strip().casefold()]
        if not found:
            names = ", ".join(a.name for a in arts)
            raise DomainError(f"No ART is named '{name}'. ARTs: {names}.")
        chosen = found[0]
    assert chosen.id is not None
    return chosen.id


def _import_work_items(args: argparse.Namespace) -> int:
    ws = open_ws(args, writes=True)
    art_id = _pick_art(ws, args.art)
    summary = ws.flow.import_work_items(art_id, args.file, add_statuses=args.add_statuses).value
    for line in summary.lines():
        print(line)
    return 0


def _flow(args: argparse.Namespace) -> int:
    ws = open_ws(args)
    art_id = _pick_art(ws, args.art)
    first, last = _window(ws, art_id, args)
    figures = ws.flow.figures(art_id, args.team, first, last)
    if args.json:
        print(json.dumps(figures.to_json(), ensure_ascii=False, indent=1))
        return 0
    stats = figures.flow_time
    scope = figures.team or figures.art
    print(f"{scope}, {first} to {last} ({figures.basis})")
    print(f"Velocity: {figures.velocity} items finished")
    shares = ", ".join(f"{name} {share:g}%" for name, share in figures.distribution.items())
    print(f"Distribution: {shares or 'nothing finished'}")
    if stats.count:
        print(
            f"{figures.basis.capitalize()}: p50 {stats.p50:g}, p85 {stats.p85:g}, "
            f"p95 {stats.p95:g} days (mean {stats.mean:.1f}, {stats.count} items)"
        )
    print(f"Load: {figures.mean_load:.1f} items in progress on average")
    print(f"Efficiency: {figures.efficiency_text()}")
    print(figures.little_law())
    return 0
