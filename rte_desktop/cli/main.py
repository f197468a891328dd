"""The ``rte-desktop`` command line: every file the app produces can be made without the GUI."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
from types import ModuleType

from rte_desktop import __version__, cli
from rte_desktop.cli.common import Groups, add_db_option, run_safely


def command_modules() -> list[ModuleType]:
    """Every ``rte_desktop/cli/*_commands.py`` module; each has ``register(groups)``.

    A capability adds its commands by adding such a module, with no list to edit.
    """
    names = sorted(
        info.name for info in pkgutil.iter_modules(cli.__path__) if info.name.endswith("_commands")
    )
    return [importlib.import_module(f"rte_desktop.cli.{name}") for name in names]


GROUPS = {
    "export": "export data (json, ...)",
    "import": "import data (json, ...)",
    "report": "render a PDF report",
    "vote": "the confidence vote (phones vote over the room's network)",
    "workshop": "the I&A problem-solving workshop (phones place dots over the room's network)",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rte-desktop",
        description="RTE Desktop: run the events of an Agile Release Train, offline. "
        "Without a command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    add_db_option(parser, top=True)
    parser.add_argument(
        "--startup-check",
        action="store_true",
        help="open the main window, wait for its first paint, print the seconds taken and exit",
    )
    parser.add_argument(
        "--panel",
        metavar="KEY",
        default=None,
        help="open on this panel (calendar, readiness, agenda, vote, objectives, "
        "risks, board, workshop, backlog, system_demo)",
    )
    top = parser.add_subparsers(dest="command", metavar="COMMAND")
    groups: Groups = {"": top}
    for name, help_text in GROUPS.items():
        group = top.add_parser(name, help=help_text, description=help_text)
        groups[name] = group.add_subparsers(dest="what", metavar="WHAT", required=True)
    for module in command_modules():
        module.register(groups)
    return parser


def run(args: argparse.Namespace) -> int:
    """Run a parsed non-GUI command."""
    return run_safely(args.run, args)
