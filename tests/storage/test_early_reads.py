"""Start-up's standard-library reads answer exactly what a UnitOfWork answers, or wait.

The early reads are a second reader of the same tables: every table of the demo train, the
filters and orderings, and generated values at the edges are compared with the SQLAlchemy
unit of work's answer on the same file.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
import threading
import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from rte_desktop.domain import model as m
from rte_desktop.domain.clock import FakeClock
from rte_desktop.domain.errors import NotFoundError, StillOpeningError
from rte_desktop.domain.kinds import EventKind, RoamStatus
from rte_desktop.services.common.changes import Area
from rte_desktop.storage.tables import TABLES
from rte_desktop.workspace import Workspace, open_early, open_workspace

pytestmark = pytest.mark.sqlite_only  # the early reads read a file


def early_reads_of(path: Path, clock: FakeClock) -> Workspace:
    """The file's workspace on its early reads (the file is up to date: there are some)."""
    opened = open_early(path, clock)
    assert opened is not None and opened.opening
    return opened


@pytest.fixture
def early(demo_ws: Workspace, db_path: Path, clock: FakeClock) -> Workspace:
    opened = early_reads_of(db_path, clock)
    yield opened
    opened.close()


def typed(values: list[object]) -> list[list[tuple[type, object]]]:
    """Each value's fields with their types."""
    return [[(type(v), v) for v in dataclasses.astuple(value)] for value in values]  # type: ignore[call-overload]


def test_every_table_reads_the_same_as_the_unit_of_work(
    demo_ws: Workspace, early: Workspace
) -> None:
    read = 0
    for cls in TABLES:
        with demo_ws.uow() as uow:
            expected = uow.find(cls)
        with early.uow() as uow:
            # typed: 0 == False and 3 == 3.0 in Python, so the types are compared too
            assert typed(uow.find(cls)) == typed(expected), cls.__name__
            assert uow.count(cls) == len(expected)
        read += len(expected)
    assert read > 3000  # the demo train fills most tables: the comparison compared something


def test_filters_orderings_and_get_match_the_unit_of_work(
    demo_ws: Workspace, early: Workspace
) -> None:
    art = demo_ws.train.arts()[0]
    pis = demo_ws.train.pis(art.id)
    queries = [
        (m.Event, {"art_id": art.id, "order_by": ["start"]}),
        (m.Iteration, {"pi_id": [pi.id for pi in pis], "order_by": ["start"]}),
        (m.Iteration, {"pi_id": []}),
        (m.Risk, {"status": RoamStatus.OWNED}),
        (m.Risk, {"status": [RoamStatus.OWNED, RoamStatus.MITIGATED]}),
        (m.Feature, {"team_id": None}),
        (m.Objective, {"pi_id": pis[-1].id, "order_by": ["team_id", "position"]}),
        (m.Feature, {"order_by": ["title"]}),
        (m.PlanningInterval, {"start": pis[-1].start}),  # a date
        (m.Art, {"art_sync_time": art.art_sync_time}),  # a time
        (m.Event, {"start": demo_ws.calendar.events(art.id)[3].start}),  # a datetime
        (m.Event, {"start": [e.start for e in demo_ws.calendar.events(art.id)[:5]]}),
    ]
    for cls, query in queries:
        with demo_ws.uow() as uow:
            expected = uow.find(cls, **query)
            assert expected or query == {"pi_id": []}, (cls.__name__, query)  # compares something
            first = uow.first(cls, **query)
            count = uow.count(cls, **{k: v for k, v in query.items() if k != "order_by"})
        with early.uow() as uow:
            assert uow.find(cls, **query) == expected, (cls.__name__, query)
            assert uow.first(cls, **query) == first
            assert uow.count(cls, **{k: v for k, v in query.items() if k != "order_by"}) == count
    with early.uow() as uow:
        assert uow.get(m.PlanningInterval, pis[0].id) == pis[0]
        with pytest.raises(NotFoundError, match="PlanningInterval 9999 does not exist"):
            uow.get(m.PlanningInterval, 9999)
        with pytest.raises(AttributeError):  # a name that is no field never becomes SQL
            uow.find(m.Event, **{'title" OR 1=1 --': "x"})


def test_anything_but_a_read_waits_for_the_full_open(early: Workspace, db_path: Path) -> None:
    before = db_path.read_bytes()
    art = early.train.arts()[0]
    team = early.train.teams(art.id)[0]
    with pytest.raises(StillOpeningError, match="still opening; nothing was changed"):
        early.train.rename_team(team.id, "Borealis")
    with early.uow() as uow, pytest.raises(StillOpeningError):
        uow.get(m.Art, art.id, for_update=True)
    with pytest.raises(StillOpeningError):
        early.engine  # noqa: B018
    assert db_path.read_bytes() == before
    assert early.train.teams(art.id)[0] == team


def test_another_thread_waits_for_the_full_open(early: Workspace) -> None:
    raised: list[BaseException] = []

    def read() -> None:
        try:
            with early.uow() as uow:
                uow.find(m.Art)
        except BaseException as exc:  # noqa: BLE001 - the test inspects it
            raised.append(exc)

    worker = threading.Thread(target=read)
    worker.start()
    worker.join()
    assert len(raised) == 1 and isinstance(raised[0], StillOpeningError)


def test_attach_hands_over_the_engine_and_tells_if_the_file_changed(
    demo_ws: Workspace, db_path: Path, clock: FakeClock
) -> None:
    quiet = early_reads_of(db_path, clock)
    assert not quiet.attach(open_workspace(db_path, clock))
    assert not quiet.opening
    art = quiet.train.arts()[0]
    team = quiet.train.teams(art.id)[0]
    quiet.train.rename_team(team.id, "Borealis")  # writes through the engine now
    quiet.close()

    moved = early_reads_of(db_path, clock)
    assert moved.train.teams(art.id)[0].name == "Borealis"
    demo_ws.train.rename_team(team.id, "Cygnus")  # another client, while early reads show
    assert moved.attach(open_workspace(db_path, clock))
    assert moved.train.teams(art.id)[0].name == "Cygnus"
    moved.close()


def test_a_commit_right_after_attach_reaches_the_change_feed(
    demo_ws: Workspace, db_path: Path, clock: FakeClock
) -> None:
    shown = early_reads_of(db_path, clock)
    assert not shown.attach(open_workspace(db_path, clock))
    team = demo_ws.train.teams(demo_ws.train.arts()[0].id)[0]
    demo_ws.train.rename_team(team.id, "Cygnus")  # before the window's first poll
    assert shown.poll_changes().touches(Area.TRAIN)
    shown.close()


def test_files_that_need_the_full_open_are_declined(tmp_path: Path, clock: FakeClock) -> None:
    assert open_early(tmp_path / "missing.sqlite", clock) is None
    (tmp_path / "notes.sqlite").write_text("hello")
    assert open_early(tmp_path / "notes.sqlite", clock) is None
    foreign = tmp_path / "foreign.sqlite"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY)")
    assert open_early(foreign, clock) is None
    older = tmp_path / "older.sqlite"
    open_workspace(older, clock).close()
    with sqlite3.connect(older) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0001'")
    before = older.read_bytes()
    assert open_early(older, clock) is None
    assert older.read_bytes() == before  # looked at, never written


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
_MOMENT = st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2090, 1, 1))


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    title=_TEXT.filter(str.strip),
    note=_TEXT,
    start=_MOMENT,
    length=st.timedeltas(min_value=dt.timedelta(minutes=1), max_value=dt.timedelta(days=14)),
    kind=st.sampled_from(EventKind),
    manual=st.booleans(),
    in_pi=st.booleans(),
)
def test_values_at_the_edges_read_back_the_same(
    ws: Workspace,
    db_path: Path,
    clock: FakeClock,
    title: str,
    note: str,
    start: dt.datetime,
    length: dt.timedelta,
    kind: EventKind,
    manual: bool,
    in_pi: bool,
) -> None:
    with ws.uow() as uow:
        art = uow.first(m.Art) or uow.add(m.Art(name="Ωmega ART", time_zone="Europe/Berlin"))
        pi = uow.first(m.PlanningInterval) or uow.add(
            m.PlanningInterval(
                art_id=art.id, name="PI 1", start=dt.date(2026, 1, 5), end=dt.date(2026, 3, 27)
            )
        )
        event = uow.add(
            m.Event(
                art_id=art.id,
                pi_id=pi.id if in_pi else None,
                kind=kind,
                title=title,
                start=start,
                end=start + length,
                uid=uuid.uuid4().hex,
                manual=manual,
                note=note,
            )
        )
    early = early_reads_of(db_path, clock)
    try:
        with early.uow() as uow:
            assert typed([uow.get(m.Event, event.id)]) == typed([event])
            assert uow.get(m.Art, art.id) == art
            assert uow.get(m.PlanningInterval, pi.id) == pi
    finally:
        early.close()


def test_a_damaged_file_is_left_to_the_full_open(
    demo_ws: Workspace, db_path: Path, clock: FakeClock
) -> None:
    demo_ws.close()
    with sqlite3.connect(db_path) as conn:
        page = conn.execute("PRAGMA page_size").fetchone()[0]
        (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'event'").fetchone()
    conn.close()
    data = bytearray(db_path.read_bytes())
    data[(root - 1) * page : root * page] = b"\xa5" * page  # the events' first page
    db_path.write_bytes(bytes(data))
    early = early_reads_of(db_path, clock)  # the schema and the version read fine
    failed = 0
    for cls in TABLES:
        try:
            with early.uow() as uow:
                uow.find(cls)
        except StillOpeningError:  # never a raw sqlite3 error: the full open judges the file
            failed += 1
    early.close()
    assert failed == 1
    assert bytes(data) == db_path.read_bytes()
