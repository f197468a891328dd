"""What the ART Sync view has chosen: the ART, the PI and the meeting on screen.

The view owns it and its action edits read it, so neither reaches into the other.
"""

from __future__ import annotations

from dataclasses import dataclass

from rte_desktop.domain.model import ArtSyncMeeting


@dataclass
class MeetingScope:
    """The ART and PI the view shows and the meeting being edited (None: none chosen)."""

    art_id: int | None = None
    pi_id: int | None = None
    meeting: ArtSyncMeeting | None = None
