"""The top-level resources/ (what installs the app, not what it runs on) is complete and valid.

The running app loads only rte_desktop/resources/; the desktop entry, the AppStream file and the
icon sources and build inputs live in resources/ (read by packaging/rte-desktop.spec).
"""

from __future__ import annotations

import configparser
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APP_ID = "io.github.rtedesktop.RTEDesktop"


def test_the_desktop_entry_launches_the_app_with_our_icon() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive in desktop entries
    entry.read(ROOT / "resources" / "linux" / f"{APP_ID}.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Exec"].split()[0] == "rte-desktop"
    assert section["Icon"] == APP_ID


@pytest.mark.parametrize("opened", [None, "/home/rte/Trains/aurora train.sqlite"])
def test_the_desktop_entry_command_line_parses_with_and_without_a_file(opened) -> None:
    """A launcher replaces %f by the file, or removes it when started from the menu.

    "--db %f" then became a bare "--db", which argparse refuses: the app did not start.
    """
    import shlex

    from rte_desktop.cli.common import db_target
    from rte_desktop.cli.main import build_parser
    from rte_desktop.paths import default_db

    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(ROOT / "resources" / "linux" / f"{APP_ID}.desktop", encoding="utf-8")
    words = shlex.split(entry["Desktop Entry"]["Exec"])
    argv = [word.replace("%f", opened or "") for word in words[1:]]
    argv = [word for word in argv if word]  # a field code alone in a word goes with it
    args = build_parser().parse_args(argv)
    assert args.command is None  # the window opens
    assert db_target(args) == (opened or str(default_db()))


def test_the_appstream_file_names_the_desktop_entry() -> None:
    root = ET.parse(ROOT / "resources" / "linux" / f"{APP_ID}.metainfo.xml").getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert (ROOT / "resources" / "linux" / root.findtext("launchable")).is_file()


@pytest.mark.parametrize("name", ["rte-desktop.svg", "rte-desktop.ico", "rte-desktop.icns"])
def test_the_icon_source_and_build_inputs_are_readable(qapp, name: str) -> None:
    from PySide6.QtGui import QImage

    image = QImage(str(ROOT / "resources" / "icons" / name))
    assert not image.isNull(), name
    if name != "rte-desktop.svg":
        assert (image.width(), image.height()) == (256, 256)


def test_the_package_holds_only_what_the_app_loads() -> None:
    package = ROOT / "rte_desktop" / "resources"
    installers = {".desktop", ".xml", ".svg", ".ico", ".icns"}
    assert [p.name for p in package.rglob("*") if p.suffix in installers] == []
    assert (package / "icons" / "rte-desktop-256.png").is_file()  # the window icon stays
