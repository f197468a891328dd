"""Shared fixtures. Qt runs offscreen; settings and data live in tmp_path; time is fake.

The storage, services and command-line suites run twice: on a SQLite file and on a throwaway
PostgreSQL server (``tests/pg_server.py``), through the ``backend`` parameter that ``db_url``,
``new_db`` and ``ws`` depend on. Elsewhere, and for tests marked ``sqlite_only``, only SQLite.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import datetime as dt  # noqa: E402
from collections.abc import Callable, Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from rte_desktop.domain.clock import FakeClock  # noqa: E402
from rte_desktop.ui.source_scan import stop_source_scan  # noqa: E402
from rte_desktop.workspace import Workspace, open_workspace  # noqa: E402
from tests.pg_server import PgServer, find_bin_dir  # noqa: E402

stop_source_scan()  # as the app does (pytest-qt has imported PySide6 by now)

# Suites that run on both back ends (paths relative to the repository root).
BOTH_BACKENDS = ("tests/storage/", "tests/services/", "tests/cli/")
_ROOT = Path(__file__).resolve().parent.parent


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" not in metafunc.fixturenames:
        return
    where = Path(str(metafunc.definition.path)).resolve().relative_to(_ROOT).as_posix()
    both = where.startswith(BOTH_BACKENDS) and not metafunc.definition.get_closest_marker(
        "sqlite_only"
    )
    metafunc.parametrize("backend", ["sqlite", "postgresql"] if both else ["sqlite"], indirect=True)


_PG_SKIPPED: list[str] = []


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say it loudly at the end when the PostgreSQL half did not run."""
    if _PG_SKIPPED:
        terminalreporter.write_sep("!", "PostgreSQL tests SKIPPED", red=True, bold=True)
        terminalreporter.write_line(_PG_SKIPPED[0], red=True)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """A PostgreSQL cluster for the whole session (skipped, loudly, without the binaries)."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        reason = (
            "PostgreSQL binaries (initdb, pg_ctl) not found: the PostgreSQL half of the suite "
            "is SKIPPED. Install them with scripts/system-deps.sh (Debian package 'postgresql')."
        )
        if os.environ.get("CI"):
            pytest.fail(reason)  # CI must test both back ends
        _PG_SKIPPED.append(reason)
        pytest.skip(reason)
    server = PgServer(bin_dir)
    server.init()
    server.start()
    yield server
    server.destroy()


@pytest.fixture(scope="session")
def pg_template(pg_server: PgServer) -> str:
    """A migrated, empty database that each test's database is copied from (fast)."""
    name = pg_server.create_database()
    open_workspace(pg_server.url(name)).close()
    return name


@pytest.fixture(scope="session")
def pg_demo_template(pg_server: PgServer, pg_template: str) -> str:
    """The demo train written with the ``clock`` fixture's time (copied: writing it is slow)."""
    name = pg_server.create_database(template=pg_template)
    workspace = open_workspace(pg_server.url(name), FakeClock(DEMO_TIME))
    workspace.demo.create()
    workspace.close()
    return name


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """``sqlite`` or ``postgresql`` (parametrised by pytest_generate_tests)."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture
def new_db(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[Callable[..., str]]:
    """``new_db(name)`` gives a fresh database: a file path or a PostgreSQL URL.

    ``new_db(name, migrated=False)`` leaves a PostgreSQL database without tables (a new file
    has none either); by default it is already at the current schema (copied from a template).
    """
    made: list[str] = []
    server: PgServer | None = None

    def make(name: str = "train", migrated: bool = True, demo: bool = False) -> str:
        nonlocal server
        if backend == "sqlite":
            return str(tmp_path / f"{name}.sqlite")
        server = request.getfixturevalue("pg_server")
        template = request.getfixturevalue("pg_template") if migrated else None
        if demo:
            template = request.getfixturevalue("pg_demo_template")
        database = server.create_database(template=template)
        made.append(database)
        return server.url(database)

    yield make
    for database in made:
        assert server is not None
        server.drop_database(database)


DEMO_TIME = dt.datetime(2026, 11, 25, 8, 0, tzinfo=dt.UTC)


@pytest.fixture
def clock() -> FakeClock:
    """Wednesday 25 November 2026, 08:00 UTC (inside the demo train's current PI)."""
    return FakeClock(DEMO_TIME)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "train.sqlite"


@pytest.fixture
def db_url(
    backend: str, db_path: Path, new_db: Callable[..., str], request: pytest.FixtureRequest
) -> str:
    """The database ``ws`` is opened on: ``db_path`` on SQLite, a fresh database on PostgreSQL.

    On PostgreSQL a test that asks for ``demo_ws`` gets a copy of the demo template (the same
    demo, written with the same fake time) instead of writing it again.
    """
    if backend == "sqlite":
        return str(db_path)
    return new_db(demo="demo_ws" in request.fixturenames)


@pytest.fixture
def ws(db_url: str, clock: FakeClock) -> Iterator[Workspace]:
    """An empty, migrated train (a file, or a PostgreSQL database)."""
    workspace = open_workspace(db_url, clock)
    yield workspace
    workspace.close()


@pytest.fixture
def demo_ws(ws: Workspace, backend: str) -> Workspace:
    """The demo train, written with the fake clock (copied from a template on PostgreSQL)."""
    if backend == "sqlite":
        ws.demo.create()
    return ws
