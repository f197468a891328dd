"""A throwaway PostgreSQL server for the tests: initdb into a temporary folder, a Unix socket only.

Nothing listens on the network (``listen_addresses=''``); the port only names the socket file.
When the tests run as root (CI does), the server runs as the ``postgres`` user that Debian's
package creates, because PostgreSQL refuses to run as root.
"""

from __future__ import annotations

import contextlib
import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path
from typing import Any

__all__ = ["PgServer", "find_bin_dir"]


def find_bin_dir() -> Path | None:
    """initdb and pg_ctl's folder: on PATH, else the newest Debian /usr/lib/postgresql/N/bin."""
    on_path = shutil.which("initdb")
    if on_path and shutil.which("pg_ctl"):
        return Path(os.path.realpath(on_path)).parent

    def major(path: str) -> int:
        name = Path(path).parent.parent.name
        return int(name) if name.isdigit() else 0

    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=major)
    return Path(found[-1]).parent if found else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PgServer:
    """One PostgreSQL cluster in a temporary folder, driven with pg_ctl."""

    superuser = "rte_admin"

    def __init__(self, bin_dir: Path) -> None:
        self.bin_dir = bin_dir
        self.base = Path(tempfile.mkdtemp(prefix="rte-pg-"))
        self.data = self.base / "data"
        self.socket_dir = self.base / "run"
        self.port = _free_port()
        self._names = itertools.count(1)
        self._run_as: dict[str, Any] = {}
        if os.geteuid() == 0:
            account = pwd.getpwnam("postgres")
            self._run_as = {"user": account.pw_uid, "group": account.pw_gid}
            os.chown(self.base, account.pw_uid, account.pw_gid)
        self.base.chmod(0o755)

    # -- life cycle ---------------------------------------------------------------------------

    def _run(self, *args: str) -> None:
        result = subprocess.run(
            [str(self.bin_dir / args[0]), *args[1:]],
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
            cwd=self.base,
            **self._run_as,
        )
        if result.returncode != 0:
            raise RuntimeError(f"{args[0]} failed: {result.stdout}\n{result.stderr}")

    def init(self) -> None:
        """initdb with a trusting superuser (only reachable through the private socket)."""
        if not self.socket_dir.exists():
            self._run(
                "initdb",
                "-D",
                str(self.data),
                "-U",
                self.superuser,
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C",
                "--no-sync",
            )
            self._run_as_mkdir(self.socket_dir)

    def _run_as_mkdir(self, path: Path) -> None:
        path.mkdir(mode=0o755)
        if self._run_as:
            os.chown(path, self._run_as["user"], self._run_as["group"])

    def start(self) -> None:
        """Start the server (it is durable enough for tests: no fsync)."""
        options = (
            f"-c listen_addresses='' -k {self.socket_dir} -p {self.port} -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-l",
            str(self.base / "server.log"),
            "-o",
            options,
            "-w",
            "-t",
            "60",
            "start",
        )

    def stop(self) -> None:
        """Stop the server now (open connections are cut, as in a real outage)."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def destroy(self) -> None:
        with contextlib.suppress(Exception):
            self.stop()
        shutil.rmtree(self.base, ignore_errors=True)

    # -- databases ----------------------------------------------------------------------------

    def url(
        self, database: str = "postgres", user: str | None = None, password: str | None = None
    ) -> str:
        """A SQLAlchemy URL through the socket (``host`` is the socket folder)."""
        who = user or self.superuser
        if password:
            who = f"{who}:{password}"
        return f"postgresql+psycopg://{who}@/{database}?host={self.socket_dir}&port={self.port}"

    def execute(self, *statements: str, database: str = "postgres") -> None:
        """Run statements outside a transaction as the superuser (CREATE DATABASE needs that)."""
        import psycopg

        with psycopg.connect(
            host=str(self.socket_dir),
            port=self.port,
            user=self.superuser,
            dbname=database,
            autocommit=True,
        ) as conn:
            for statement in statements:
                conn.execute(statement)  # type: ignore[arg-type]

    def new_name(self, prefix: str = "t") -> str:
        return f"{prefix}{os.getpid()}_{next(self._names)}"

    def create_database(self, template: str | None = None) -> str:
        """A fresh database (a copy of ``template`` when given); returns its name."""
        name = self.new_name()
        suffix = f" TEMPLATE {template}" if template else ""
        self.execute(f'CREATE DATABASE "{name}"{suffix}')
        return name

    def drop_database(self, name: str) -> None:
        self.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
