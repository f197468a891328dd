"""Where a train lives: a file path or a database URL, read without SQLAlchemy (start-up)."""

from __future__ import annotations

from pathlib import Path


def to_url(target: str | Path) -> str:
    """Turn a file path (or an existing SQLAlchemy URL) into a URL string."""
    text = str(target)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def is_server_url(target: str | Path) -> bool:
    """True for a database server (PostgreSQL ...), False for a SQLite file or path."""
    text = str(target)
    return "://" in text and not text.startswith("sqlite")
