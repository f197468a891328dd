"""The wrap-up chime: a WAV made in code (shipped in resources/sounds), played without a network.

Playing: Qt Multimedia's ``QSoundEffect`` when the installed PySide6 has it (PySide6-Essentials
does not); else the platform's own player for a WAV (``winsound`` on Windows, ``afplay`` on macOS,
``paplay``/``pw-play``/``aplay`` on Linux, started detached); else ``QApplication.beep()``.
"""

from __future__ import annotations

import io
import math
import shutil
import struct
import sys
import wave
from importlib import resources
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QProcess, QUrl
from PySide6.QtWidgets import QApplication

RATE = 22050


def chime_wav() -> bytes:
    """Two soft bell tones (E6 then C6), 0.9 s, 16-bit mono: the file in resources/sounds."""
    frames = bytearray()
    notes = ((1318.5, 0.0), (1046.5, 0.28))  # (frequency, start seconds)
    length = int(RATE * 0.9)
    for n in range(length):
        t = n / RATE
        value = 0.0
        for freq, start in notes:
            if t >= start:
                local = t - start
                envelope = math.exp(-local * 5.0) * min(1.0, local * 200)
                value += envelope * (
                    math.sin(2 * math.pi * freq * local)
                    + 0.3 * math.sin(2 * math.pi * 2 * freq * local)
                )
        frames += struct.pack("<h", int(max(-1.0, min(1.0, value * 0.45)) * 32767))
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(bytes(frames))
    return buffer.getvalue()


def chime_path() -> Path:
    return Path(str(resources.files("rte_desktop") / "resources" / "sounds" / "chime.wav"))


class Chime(QObject):
    """Plays the chime unless muted; ``played`` counts requests (tests read it)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.muted = False
        self.played = 0
        self._effect: Any = None
        self._looked_for_effect = False

    def _sound_effect(self) -> Any:
        """Qt Multimedia's player, built on the first chime (None where it is not installed)."""
        if not self._looked_for_effect:
            self._looked_for_effect = True
            try:
                from PySide6.QtMultimedia import QSoundEffect

                self._effect = QSoundEffect(self)
                self._effect.setSource(QUrl.fromLocalFile(str(chime_path())))
            except ImportError:
                self._effect = None
        return self._effect

    def play(self) -> None:
        if self.muted:
            return
        self.played += 1
        self._output()

    def _output(self) -> None:
        effect = self._sound_effect()
        if effect is not None:
            effect.play()
            return
        path = str(chime_path())
        if sys.platform == "win32":
            import winsound

            winsound.PlaySound(path, winsound.SND_FILENAME | winsound.SND_ASYNC)
            return
        for player in ("afplay", "paplay", "pw-play", "aplay"):
            found = shutil.which(player)
            if found:
                args = [path] if player != "aplay" else ["-q", path]
                QProcess.startDetached(found, args)
                return
        QApplication.beep()


class SilentChime(Chime):
    """Counts but makes no sound (tests, benchmarks)."""

    def _output(self) -> None:
        pass
