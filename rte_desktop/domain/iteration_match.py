"""Finding an iteration from what people type or export ("I3", "Sprint 3", "PI 2026.2 IP")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rte_desktop.domain.model import Iteration

_TRAILING_NUMBER = re.compile(r"(\d+)\s*$")


def match_iteration(text: str, iterations: Sequence[Iteration]) -> Iteration | None:
    """The iteration of a PI that ``text`` names, or None when nothing matches.

    Tried in order: the exact name (case-insensitive); "IP" or a name ending in "IP" for the IP
    iteration; a trailing number for the iteration with that number ("3", "I3", "Sprint 3",
    "Iteration 3").
    """
    wanted = " ".join(text.split()).casefold()
    if not wanted:
        return None
    for iteration in iterations:
        if iteration.name.casefold() == wanted:
            return iteration
    if wanted == "ip" or wanted.endswith((" ip", ".ip", "-ip")):
        for iteration in iterations:
            if iteration.is_ip:
                return iteration
    if found := _TRAILING_NUMBER.search(wanted):
        number = int(found.group(1))
        for iteration in iterations:
            if iteration.number == number:
                return iteration
    return None
