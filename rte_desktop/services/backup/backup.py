"""Backups of a train file: rolling daily copies, a list by date, and restoring one.

Every copy is made with SQLite's online backup API (``storage.backup``), never a plain file copy
of a live database. Backups live in a ``backups`` folder beside the train file, named
``<file name>-<kind>-<YYYYMMDD>-<HHMMSS>.sqlite`` in local time (``train.sqlite-daily-...``), so
a person can find and sort them too, and two trains that differ only in their extension keep
apart. Backups named by the stem alone (before 0.2) still count when no other file in the folder
shares that stem:

* ``daily``: the first use of a day (the newest ``DAILY_KEEP`` are kept);
* ``before-<revision>``: before a schema migration (storage/migrate.py; kept);
* ``before-restore``: the current file, just before a backup replaced it (kept);
* ``manual``: ``rte-desktop backup`` without ``--out`` (kept).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import socket
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rte_desktop.domain.clock import Clock, SystemClock
from rte_desktop.domain.errors import DatabaseError, DomainError, UnreadableFileError
from rte_desktop.domain.model import Art
from rte_desktop.paths import backup_dir, backup_name, lock_path
from rte_desktop.storage.backup import backup_file, copy_into
from rte_desktop.storage.schema_check import inspect_sqlite_file, known_revisions

if TYPE_CHECKING:
    from rte_desktop.services.common.context import ServiceContext

DAILY_KEEP = 14
_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<kind>daily|manual|before-[0-9A-Za-z]+)"
    r"-(?P<date>\d{8})(?:-(?P<time>\d{6}))?\.sqlite$"
)
_KIND_LABELS = {
    "daily": "daily",
    "manual": "by hand",
    "before-restore": "before a restore",
}


@dataclass(frozen=True)
class BackupInfo:
    """One backup file of a train."""

    path: Path
    kind: str
    taken: dt.datetime  # local time, naive: as written in the file name
    size: int

    @property
    def label(self) -> str:
        """The kind in words: "daily", "before migrating to schema 0002", ..."""
        if self.kind in _KIND_LABELS:
            return _KIND_LABELS[self.kind]
        return f"before migrating to schema {self.kind.removeprefix('before-')}"


@dataclass(frozen=True)
class Restored:
    """What a restore did: where the train is, and where its previous contents went."""

    db: Path
    source: Path
    previous: Path | None  # safety backup of the replaced file (None: there was nothing)
    set_aside: bool  # True: the replaced file was unreadable and was moved, not copied


def _local_now(clock: Clock | None) -> dt.datetime:
    """The clock's "now" in this computer's time zone, naive: backup names are local times."""
    return (clock or SystemClock()).now().astimezone().replace(tzinfo=None)


def _stamp(when: dt.datetime) -> str:
    return when.strftime("%Y%m%d-%H%M%S")


def _sole_train_named(db: Path) -> bool:
    """True when no other file beside ``db`` has its stem (old stem-named backups are its own)."""
    try:
        return not any(
            other.stem == db.stem and not other.name.startswith(db.name)
            for other in db.parent.iterdir()
            if other.is_file() and other != db
        )
    except OSError:
        return False


def list_backups(db: Path) -> list[BackupInfo]:
    """Every backup of the train file ``db``, newest first."""
    db = Path(db).expanduser().resolve()
    folder = backup_dir(db)
    if not folder.is_dir():
        return []
    owners = {db.name} | ({db.stem} if _sole_train_named(db) else set())
    found: list[BackupInfo] = []
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if not match or match["stem"] not in owners or not entry.is_file():
            continue
        try:
            taken = dt.datetime.strptime(
                match["date"] + (match["time"] or "000000"), "%Y%m%d%H%M%S"
            )
        except ValueError:
            continue
        found.append(BackupInfo(entry, match["kind"], taken, entry.stat().st_size))
    return sorted(found, key=lambda b: (b.taken, b.path.name), reverse=True)


def latest_backup(db: Path) -> BackupInfo | None:
    """The newest backup of ``db``, if any."""
    backups = list_backups(db)
    return backups[0] if backups else None


def with_backup_advice(error: UnreadableFileError, db: Path) -> UnreadableFileError:
    """``error`` again, naming the latest backup of ``db`` and how to restore it, if one exists."""
    latest = latest_backup(db)
    if latest is None:
        return error
    advice = (
        f"The latest backup is {latest.path} ({latest.label}, {latest.taken:%d %b %Y %H:%M}). "
        f'Restore it with: rte-desktop restore "{latest.path}" --db "{db}"'
    )
    return UnreadableFileError(error.reason, latest.path, advice)


def lock_holder(db: Path) -> str | None:
    """Which other running RTE Desktop holds ``db`` open, judged from its lock file.

    Reads the lock file Qt's QLockFile writes (process id, application, host name) without Qt,
    so the command line can refuse to restore over a file the app has open.
    """
    try:
        fields = lock_path(db).read_text("utf-8", errors="replace").splitlines()
        pid = int(fields[0])
    except (OSError, ValueError, IndexError):
        return None
    host = fields[2] if len(fields) > 2 else ""
    if pid == os.getpid():
        return None
    if host and host != socket.gethostname():
        return f"process {pid} on {host}"  # another machine (shared folder): assume alive
    if os.name != "posix":  # no harmless "is it alive?" probe: assume it is
        return f"process {pid} (if RTE Desktop crashed, open and close it once)"
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None  # a stale lock: its process died
    except PermissionError:
        pass  # alive, but another user's
    return f"process {pid} on {host or 'this computer'}"


def make_backup(
    db: Path, out: Path | None = None, kind: str = "manual", clock: Clock | None = None
) -> Path:
    """Back up the train file ``db`` to ``out`` (default: a ``manual`` backup in its folder).

    ``clock`` dates the backup's name (the system clock when none is given).

    Raises:
        DatabaseError: ``db`` is missing, not ours or damaged; or ``out`` is ``db`` itself.
    """
    db = Path(db).expanduser().resolve()
    if not db.is_file():
        raise DatabaseError(f"{db} does not exist.")
    if inspect_sqlite_file(db) is None:
        raise DatabaseError(f"{db} holds no train yet; there is nothing to back up.")
    name = backup_name(db, kind, _stamp(_local_now(clock)))
    target = Path(out) if out else backup_dir(db) / name
    if target.expanduser().resolve() == db:
        raise DomainError("Choose another file: a backup cannot replace the train itself.")
    return _copy(db, target)


def _copy(source: Path, target: Path) -> Path:
    try:
        return backup_file(source, target)
    except sqlite3.Error as exc:
        raise DatabaseError(f"The backup to {target} failed: {exc}.") from exc


def restore_backup(backup: Path, db: Path, clock: Clock | None = None) -> Restored:
    """Replace the train file ``db`` with ``backup``; the workspace on ``db`` must be CLOSED.

    The backup is checked first (ours, sound, not newer). The current file is backed up before
    it is replaced; if it is unreadable it is moved into the backups folder instead, untouched.
    The copy goes through SQLite's backup API.

    Raises:
        DatabaseError: the backup is unusable, or ``db`` is open in a running RTE Desktop.
    """
    backup = Path(backup).expanduser().resolve()
    db = Path(db).expanduser().resolve()
    stamp = _stamp(_local_now(clock))
    if backup == db:
        raise DatabaseError("A file cannot be restored over itself.")
    if not backup.is_file():
        raise DatabaseError(f"The backup {backup} does not exist.")
    if (holder := lock_holder(db)) is not None:
        raise DatabaseError(
            f"{db.name} is open in RTE Desktop ({holder}); close it there, then restore."
        )
    revision = inspect_sqlite_file(backup)
    if revision is None:
        raise DatabaseError(f"The backup {backup} is empty.")
    if revision not in known_revisions():
        raise DatabaseError(
            f"The backup {backup} was written by a newer RTE Desktop (schema {revision}); "
            "please update RTE Desktop."
        )
    previous: Path | None = None
    set_aside = False
    if db.exists() and db.stat().st_size > 0:
        folder = backup_dir(db)
        try:
            inspect_sqlite_file(db)
            previous = _copy(db, folder / backup_name(db, "before-restore", stamp))
        except UnreadableFileError:
            previous = _set_aside(db, folder / backup_name(db, "unreadable", stamp))
            set_aside = True
    try:
        copy_into(backup, db)
    except sqlite3.Error as exc:
        raise DatabaseError(f"Restoring {backup} into {db} failed: {exc}.") from exc
    return Restored(db, backup, previous, set_aside)


def _set_aside(db: Path, target: Path) -> Path:
    """Move an unreadable file (and its -wal/-shm) out of the way, never writing to it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("-wal", "-shm", "-journal"):
        extra = Path(f"{db}{suffix}")
        if extra.exists():
            os.replace(extra, Path(f"{target}{suffix}"))
    os.replace(db, target)
    return target


class BackupService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def _has_no_train(self) -> bool:
        with self._ctx.uow() as uow:
            return uow.count(Art) == 0

    def _db(self) -> Path:
        source = self._ctx.path
        if source is None:
            raise DomainError(
                "Only a local train file can be backed up here; a train on a server is backed up "
                "by the server, or copied to a file with 'rte-desktop copy --from URL --to FILE'."
            )
        return source

    def backup_to(self, destination: Path) -> Path:
        """Write a consistent copy of the train to ``destination``.

        Raises:
            DomainError: the train is not a local file, or the copy would overwrite it.
        """
        source = self._db()
        if Path(destination).resolve() == source.resolve():
            raise DomainError("Choose another file: a backup cannot replace the train itself.")
        return _copy(source, Path(destination))

    def backups(self) -> list[BackupInfo]:
        """The backups of the open train, newest first (empty for a non-file database)."""
        return list_backups(self._ctx.path) if self._ctx.path else []

    def daily_backup(self, keep: int = DAILY_KEEP) -> Path | None:
        """Take today's backup unless there is one already, then keep only the newest ``keep``.

        Cheap when today's backup exists (one folder listing), so it can run at every start and
        on a timer. An empty train is not backed up.

        Returns:
            The new backup, or None when none was needed.
        """
        db = self._ctx.path
        if db is None:
            return None
        now = _local_now(self._ctx.clock)
        dailies = [b for b in list_backups(db) if b.kind == "daily"]
        taken: Path | None = None
        if not any(b.taken.date() == now.date() for b in dailies) and not self._has_no_train():
            taken = _copy(db, backup_dir(db) / backup_name(db, "daily", _stamp(now)))
            dailies = [b for b in list_backups(db) if b.kind == "daily"]
        for old in dailies[keep:]:
            old.path.unlink(missing_ok=True)
        return taken
