"""Time, injected: production uses the system clock, tests a fake they advance by hand."""

from __future__ import annotations

import datetime as dt
import time
from typing import Protocol


class Clock(Protocol):
    """Where the app reads time from."""

    def monotonic(self) -> float:
        """Seconds from an arbitrary origin; never goes backwards."""
        ...

    def now(self) -> dt.datetime:
        """The current wall-clock time, time-zone aware (UTC)."""
        ...


class SystemClock:
    """The real clocks of the machine."""

    def monotonic(self) -> float:
        return time.monotonic()

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)


class FakeClock:
    """A clock that only moves when told to (tests, benchmarks, demo data)."""

    def __init__(self, start: dt.datetime | None = None, mono: float = 1000.0) -> None:
        self._now = start or dt.datetime(2026, 11, 25, 8, 0, tzinfo=dt.UTC)
        self._mono = mono

    def monotonic(self) -> float:
        return self._mono

    def now(self) -> dt.datetime:
        return self._now

    def advance(self, seconds: float) -> None:
        """Move both clocks forward together."""
        self._mono += seconds
        self._now += dt.timedelta(seconds=seconds)

    def jump_wall(self, seconds: float) -> None:
        """Move only the wall clock (a user changing the time, a time-zone change)."""
        self._now += dt.timedelta(seconds=seconds)

    def reboot(self, mono: float = 5.0) -> None:
        """Simulate a restart: the monotonic origin changes, wall time goes on."""
        self._mono = mono
