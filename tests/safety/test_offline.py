"""Offline proof: a whole session (every panel, every report and export) with the network cut.

Generic on purpose: panels come from ``panel_specs()`` and commands from the parser, so a panel
or a report that lands later is covered without editing this test.
"""

from __future__ import annotations

import argparse
import socket
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from rte_desktop.app import main, take_daily_backup
from rte_desktop.cli.main import build_parser
from rte_desktop.ui.bus import AppEvents
from rte_desktop.ui.main_window import MainWindow
from rte_desktop.ui.settings import UiSettings
from rte_desktop.ui.shortcuts import shortcut
from rte_desktop.workspace import Workspace

FILE_GROUPS = ("report", "export")  # every command that writes a file


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every way Python code reaches the network fails, and is recorded."""
    attempts: list[str] = []

    def refuse(name: str):
        def fail(*args: object, **kwargs: object) -> None:
            attempts.append(f"{name}{args[1:] if name.startswith('socket.') else args}")
            raise OSError(f"{name}: the network is cut in this test")

        return fail

    for name in ("connect", "connect_ex", "sendto", "sendall", "send"):
        monkeypatch.setattr(socket.socket, name, refuse(f"socket.{name}"))
    for name in ("create_connection", "getaddrinfo", "gethostbyname"):
        monkeypatch.setattr(socket, name, refuse(name))
    return attempts


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def file_commands() -> list[tuple[str, str, argparse.ArgumentParser]]:
    """(group, name, parser) of every ``report`` and ``export`` command the CLI offers."""
    top = _subcommands(build_parser())
    return [
        (group, name, parser)
        for group in FILE_GROUPS
        for name, parser in _subcommands(top[group]).items()
    ]


def out_suffix(group: str, name: str) -> str:
    """The file suffix that ``group name --out`` writes (the suffix picks the format)."""
    return "pdf" if group == "report" else {"backlog": "xlsx"}.get(name, name)


def _arguments(group: str, name: str, parser: argparse.ArgumentParser, db: Path, out: Path):
    args = [group, name, "--db", str(db)]
    for action in parser._actions:
        if "--out" in action.option_strings:
            args += ["--out", str(out)]
        elif not action.option_strings and action.required and action.dest != "help":
            pytest.fail(
                f"'{group} {name}' needs the argument {action.dest}; teach this test a value "
                "for it (tests/safety/test_offline.py::_arguments)"
            )
    return args


def test_whole_session_works_with_the_network_cut(
    qtbot, demo_ws: Workspace, tmp_path: Path, no_network: list[str], capsys
) -> None:
    settings = UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    window = MainWindow(demo_ws, settings, AppEvents())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    for spec in window.specs:
        combo = QKeySequence(shortcut(f"window.go.{spec.key}").keys[0])[0]
        qtbot.keyClick(window, combo.key(), combo.keyboardModifiers())
        panel = window.current_panel()
        assert panel is window.panels[spec.key], spec.key
        qtbot.waitExposed(panel)
        image = panel.grab().toImage()
        grid = range(0, image.width(), 7), range(0, image.height(), 7)
        assert len({image.pixel(x, y) for x in grid[0] for y in grid[1]}) > 1, spec.key
    for theme in ("dark", "light", "system"):
        window.set_theme(theme)
    assert take_daily_backup(window) is not None

    commands = file_commands()
    assert ("export", "json") in [(g, n) for g, n, _ in commands]
    db = demo_ws.path
    assert db is not None
    for group, name, parser in commands:
        out = tmp_path / f"{group}-{name}.{out_suffix(group, name)}"
        code = main(_arguments(group, name, parser, db, out))
        err = capsys.readouterr().err
        assert code == 0, f"'{group} {name}' failed offline: {err}"
        assert out.exists() and out.stat().st_size > 0, f"'{group} {name}' wrote nothing"
    assert no_network == [], f"something tried the network: {no_network}"


def test_the_cut_is_real(no_network: list[str]) -> None:
    """The fixture itself must be able to fail: a connection attempt is refused and recorded."""
    with pytest.raises(OSError, match="network is cut"):
        socket.create_connection(("127.0.0.1", 9))
    with pytest.raises(OSError, match="network is cut"), socket.socket() as raw:
        raw.connect(("127.0.0.1", 9))
    assert len(no_network) == 2
