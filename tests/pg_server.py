"""A throwaway PostgreSQL server for tests that must hold on both back ends.

The server runs from a temporary directory on a Unix socket only (no TCP port to collide with),
without fsync, and is stopped at the end of the session. Tests that use it are skipped when
PostgreSQL's server programs are not installed (``scripts/system-deps.sh`` installs them).
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

_names = itertools.count(1)


def _program(name: str) -> str | None:
    # Debian keeps the server programs out of PATH, under /usr/lib/postgresql/<version>/bin
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)
    return candidates[0] if candidates else None


def _run_as() -> str | None:
    """initdb refuses to run as root: run the server as the 'postgres' account then."""
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        pytest.skip("running as root and there is no 'postgres' account to run PostgreSQL")
    return "postgres"


@pytest.fixture(scope="session")
def postgres_socket_dir() -> Iterator[Path]:
    """Start a PostgreSQL server for the session; yields the directory of its socket."""
    initdb, pg_ctl = _program("initdb"), _program("pg_ctl")
    if initdb is None or pg_ctl is None:
        pytest.skip("PostgreSQL is not installed (scripts/system-deps.sh installs it)")
    user = _run_as()
    root = Path(tempfile.mkdtemp(prefix="rte-pg-"))  # short: socket paths are limited
    if user is not None:
        shutil.chown(root, user)

    def run(*args: str) -> None:
        subprocess.run(args, check=True, capture_output=True, user=user, timeout=120)

    data = root / "data"
    run(initdb, "-D", str(data), "-A", "trust", "-U", "postgres", "--no-sync")
    options = f"-k {root} -c listen_addresses='' -c fsync=off -c full_page_writes=off"
    run(pg_ctl, "-D", str(data), "-o", options, "-l", str(root / "log"), "-w", "start")
    try:
        yield root
    finally:
        run(pg_ctl, "-D", str(data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_socket_dir: Path) -> Iterator[str]:
    """A fresh, empty database on the session's server, as an SQLAlchemy URL."""
    psycopg = pytest.importorskip("psycopg")
    name = f"train_{os.getpid()}_{next(_names)}"
    admin = f"host={postgres_socket_dir} dbname=postgres user=postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    yield f"postgresql+psycopg://postgres@/{name}?host={postgres_socket_dir}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
