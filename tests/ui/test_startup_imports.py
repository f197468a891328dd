"""Start-up stays light: the first panel paints before SQLAlchemy loads; no heavy module loads.

Each check runs the real ``--startup-check`` in a fresh interpreter (imports are per process).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from rte_desktop.ui.panels import panel_specs
from rte_desktop.workspace import Workspace
from tests.ui.test_early_panels import DRAWN_EARLY

HEAVY = (
    "reportlab",
    "openpyxl",
    "icalendar",
    "alembic",
    "PySide6.QtPdf",
    "PySide6.QtMultimedia",
    "PySide6.QtPrintSupport",
    "matplotlib",
    "numpy",
)

PROBE = """
import contextlib, io, json, sys
import rte_desktop.app as app
moments = []
measure = app.elapsed
def noted():
    moments.append("sqlalchemy" in sys.modules)
    return measure()
app.elapsed = noted
with contextlib.redirect_stdout(io.StringIO()):
    code = app.main(["--startup-check", "--db", sys.argv[1], "--panel", sys.argv[2]])
heavy = [name for name in json.loads(sys.argv[3]) if name in sys.modules]
print(json.dumps({"code": code, "sqlalchemy_at": moments, "heavy": heavy}))
"""


def _python(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """A fresh interpreter offscreen, with its settings in tmp_path."""
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "config"), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env=env, timeout=120
    )


def _start(db: Path, panel: str, tmp_path: Path) -> dict[str, object]:
    done = _python(tmp_path, "-c", PROBE, str(db), panel, json.dumps(HEAVY))
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_first_paint_comes_before_sqlalchemy_and_no_heavy_module_loads(
    demo_ws: Workspace, db_path: Path, tmp_path: Path
) -> None:
    demo_ws.close()  # the app opens the file itself
    # (startup, ready, open) for a panel drawn from the early reads: ready at the first paint,
    # SQLAlchemy loaded for the full open after it. Others paint waiting, before SQLAlchemy
    # too, and are ready once the train is open (startup, open, ready).
    for spec in panel_specs():
        moments = [False, False, True] if spec.key in DRAWN_EARLY else [False, True, True]
        result = _start(db_path, spec.key, tmp_path)
        assert result["code"] == 0
        assert result["sqlalchemy_at"] == moments, spec.key
        assert result["heavy"] == [], spec.key


FAILING = """
import sys
from rte_desktop.app import main
from rte_desktop.ui.main_window import MainWindow

def broken(self, ws):
    raise RuntimeError("a slot broke")

MainWindow.open_fully = broken  # called after the first paint
raise SystemExit(main(["--startup-check", "--db", sys.argv[1]]))
"""


def test_a_startup_check_with_an_error_fails_instead_of_waiting_on_a_message_box(
    demo_ws: Workspace, db_path: Path, tmp_path: Path
) -> None:
    demo_ws.close()
    done = _python(tmp_path, "-c", FAILING, str(db_path))
    assert done.returncode == 1
    assert "RuntimeError: a slot broke" in done.stderr


def test_a_damaged_train_is_refused_by_the_full_open_not_the_early_reads(
    demo_ws: Workspace, db_path: Path, tmp_path: Path
) -> None:
    from tests.ui.test_early_panels import blank_first_page_of

    demo_ws.close()
    blank_first_page_of(db_path, "art")
    done = _python(tmp_path, "-m", "rte_desktop", "--startup-check", "--db", str(db_path))
    assert done.returncode == 1
    assert "is damaged and cannot be read" in done.stderr
    assert "still opening" not in done.stderr and "Traceback" not in done.stderr
