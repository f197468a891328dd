"""The installable one-folder app (``make package``) starts, migrates, renders and quits cleanly.

Skipped, saying why, when dist/rte-desktop has not been built or is older than the source; CI
builds it first (.ci/run: ``make package``, about a minute), so there it always runs.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rte_desktop.ui.panels import panel_specs
from tests.safety.test_offline import file_commands, out_suffix

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dist" / "rte-desktop" / ("rte-desktop.exe" if os.name == "nt" else "rte-desktop")
BAD_SIGNS = ("Traceback", "ModuleNotFoundError", "No module named", "ImportError", "FileNotFound")


def _newest_source() -> float:
    """When the app's source last changed (bytecode caches written by test runs do not count)."""
    return max(
        p.stat().st_mtime
        for folder in ("rte_desktop", "resources", "packaging")
        for p in (ROOT / folder).rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    )


def _skip_reason() -> str | None:
    if not BUNDLE.exists():
        return f"the bundle is not built ({BUNDLE} is missing): `make package` builds it"
    if BUNDLE.stat().st_mtime < _newest_source():
        return "the bundle is older than the source: run `make package` again"
    return None


pytestmark = pytest.mark.skipif(_skip_reason() is not None, reason=str(_skip_reason()))


@pytest.fixture
def run_bundle(tmp_path: Path):
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
    )
    env.pop("PYTHONPATH", None)  # the bundle must not lean on the source tree

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [str(BUNDLE), *args],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        for sign in BAD_SIGNS:
            assert sign not in result.stderr + result.stdout, f"{args}: {result.stderr}"
        assert result.returncode == 0, f"{args} exited {result.returncode}: {result.stderr}"
        return result

    return run


def test_bundle_migrates_a_new_file_and_opens_every_panel(run_bundle, tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite"
    run_bundle("demo", "--db", str(db))  # a new file: Alembic migrations run from the bundle
    started = time.perf_counter()
    first = run_bundle("--startup-check", "--db", str(db))
    wall = time.perf_counter() - started
    assert first.stdout.startswith("startup: ")
    print(f"bundle {first.stdout.strip()} (first paint), whole process {wall:.2f} s")
    for spec in panel_specs():  # panels are imported by name: each must be in the bundle
        shown = run_bundle("--startup-check", "--panel", spec.key, "--db", str(db))
        assert shown.stdout.startswith("startup: "), spec.key


def test_bundle_has_every_command_and_writes_every_file(run_bundle, tmp_path: Path) -> None:
    help_text = run_bundle("--help").stdout
    for command in ("demo", "export", "import", "report", "backup", "restore"):
        assert command in help_text  # commands are discovered with pkgutil: frozen too
    db = tmp_path / "demo.sqlite"
    run_bundle("demo", "--db", str(db))
    for group, name, parser in file_commands():
        out = tmp_path / f"{group}-{name}.{out_suffix(group, name)}"
        extra = (
            ["--out", str(out)] if any("--out" in a.option_strings for a in parser._actions) else []
        )
        run_bundle(group, name, "--db", str(db), *extra)
        assert out.exists() and out.stat().st_size > 0, f"{group} {name}"
    run_bundle(
        "import", "json", str(tmp_path / "export-json.json"), "--db", str(tmp_path / "b.sqlite")
    )
    run_bundle("backup", "--db", str(db))
    assert "by hand" in run_bundle("backups", "--db", str(db)).stdout


@pytest.mark.skipif(sys.platform != "linux", reason="the .desktop file is for Linux desktops")
def test_bundle_carries_resources(tmp_path: Path) -> None:
    internal = BUNDLE.parent / "_internal" / "rte_desktop"
    share = BUNDLE.parent / "_internal" / "share"
    for installable in (  # from the top-level resources/, for installing on a Linux desktop
        "applications/io.github.rtedesktop.RTEDesktop.desktop",
        "metainfo/io.github.rtedesktop.RTEDesktop.metainfo.xml",
        "icons/hicolor/scalable/apps/rte-desktop.svg",
    ):
        assert (share / installable).is_file(), installable
    for relative in (
        "resources/fonts/DejaVuSans.ttf",
        "resources/train.schema.json",
        "resources/icons/rte-desktop-256.png",
        "resources/sounds/chime.wav",
        "storage/migrations/env.py",
        "storage/migrations/script.py.mako",
        "storage/migrations/versions/0001_the_whole_train.py",
    ):
        assert (internal / relative).is_file(), relative
