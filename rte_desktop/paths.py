"""Where the app keeps its files by default (one place, so tests can point elsewhere)."""

from __future__ import annotations

from pathlib import Path

APP_NAME = "rte-desktop"


def data_dir() -> Path:
    """The user data folder (platformdirs), e.g. ~/.local/share/rte-desktop on Linux."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_db() -> Path:
    """The train file used when no ``--db`` is given."""
    return data_dir() / "train.sqlite"


def backup_dir(db: Path) -> Path:
    """Where automatic backups of ``db`` go: a ``backups`` folder beside it."""
    return db.parent / "backups"


def backup_name(db: Path, kind: str, stamp: str) -> str:
    """The file name of a backup of ``db``: ``<file name>-<kind>-<stamp>.sqlite``.

    Keyed by the whole file name, not the stem, so ``train.sqlite`` and ``train.db`` in one
    folder never share (or restore) each other's backups.
    """
    return f"{Path(db).name}-{kind}-{stamp}.sqlite"


def lock_path(db: Path) -> Path:
    """The lock file that marks ``db`` as open in a running RTE Desktop (QLockFile's format)."""
    return Path(f"{Path(db).expanduser().resolve()}.lock")
