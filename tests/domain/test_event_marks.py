import datetime as dt

from rte_desktop.domain.event_marks import caption, is_moved, mark
from rte_desktop.domain.model import Event, EventKind


def _event(kind: EventKind, title: str = "x", note: str = "", manual: bool = False) -> Event:
    start = dt.datetime(2026, 12, 10, 14)
    return Event(
        art_id=1, kind=kind, title=title, start=start, end=start, uid="u", note=note, manual=manual
    )


def test_star_only_for_moved_events_pencil_for_hand_edits() -> None:
    moved = _event(EventKind.SYSTEM_DEMO, note="Moved from Thu 24 Dec 2026: a holiday.")
    assert is_moved(moved) and mark(moved) == " *"
    noted = _event(EventKind.OTHER, note="Bring the BO deck", manual=True)
    assert not is_moved(noted) and mark(noted) == " ✎"
    assert mark(_event(EventKind.ART_SYNC)) == ""


def test_captions() -> None:
    assert caption(_event(EventKind.SYSTEM_DEMO)) == "10 Dec"
    assert caption(_event(EventKind.PI_PLANNING, "PI Planning day 1")) == "PI Planning"
    assert caption(_event(EventKind.PI_PLANNING, "PI Planning day 2")) is None
    assert caption(_event(EventKind.ART_SYNC)) is None
