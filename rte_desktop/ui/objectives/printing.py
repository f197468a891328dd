"""Preview and print a PDF without QtPdf.

PySide6-Essentials (the app's Qt) has no QtPdf module, so the preview opens the PDF in the
system's viewer, and Print... asks for a printer with Qt's print dialog and hands the PDF to the
system's print spooler (CUPS ``lp`` on Linux and macOS, the shell's "print" verb on Windows).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices


def open_in_viewer(path: Path) -> bool:
    """Show the PDF in the system's PDF viewer."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def spool_command(path: Path, printer: str, copies: int) -> list[str] | None:
    """The CUPS command that prints ``path``, or None where there is no ``lp``."""
    lp = shutil.which("lp")
    if lp is None:
        return None
    command = [lp]
    if printer:
        command += ["-d", printer]
    command += ["-n", str(max(1, copies)), "-t", path.stem, str(path)]
    return command


def send_to_printer(path: Path, printer: str, copies: int = 1) -> str | None:
    """Print the PDF; returns None when handed over, else a message saying what failed."""
    if sys.platform.startswith("win"):  # pragma: no cover - Windows only
        try:
            os.startfile(str(path), "print")  # type: ignore[attr-defined]
        except OSError as exc:
            return f"Windows could not print {path.name}: {exc}"
        return None
    command = spool_command(path, printer, copies)
    if command is None:
        return (
            "No print spooler (lp) was found. The PDF opens in your viewer instead; "
            "print it from there."
        )
    result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=30)
    if result.returncode != 0:
        return f"The printer refused the job: {(result.stderr or result.stdout).strip()}"
    return None
