"""Errors the user can act on. Each message says what is wrong and where."""

from __future__ import annotations

from pathlib import Path


class DomainError(Exception):
    """Bad input or an impossible request; the message is shown to the user as is."""


class ValidationError(DomainError):
    """A value is out of range or malformed."""


class NotFoundError(DomainError):
    """Something the request names does not exist."""


class ImportFormatError(DomainError):
    """An imported file is malformed; the message names the line/column or field path."""


class DatabaseError(DomainError):
    """The data file cannot be used (not a database, corrupt, newer, read-only, locked)."""


class UnreadableFileError(DatabaseError):
    """The file is not an RTE Desktop database or is damaged; a backup may bring the train back.

    Attributes:
        reason: what is wrong with the file, without any advice.
        latest_backup: the newest backup of this train file, when one exists.
    """

    def __init__(self, reason: str, latest_backup: Path | None = None, advice: str = "") -> None:
        super().__init__(f"{reason} {advice}".strip())
        self.reason = reason
        self.latest_backup = latest_backup


class ConflictError(DomainError):
    """Another client changed a record since this one read it; nothing was written.

    Attributes:
        fields: the fields both changed, in declaration order.
    """

    def __init__(self, message: str, fields: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.fields = fields


class ReadOnlyError(DomainError):
    """The database may only be read (a server role without write rights, or a lost link)."""


class ServerUnreachableError(DatabaseError):
    """The database server cannot be reached (stopped, restarting, network down)."""


class StillOpeningError(DatabaseError):
    """Start-up shows the train from a first read; this needs the train fully open (a moment)."""

    def __init__(self, message: str = "") -> None:
        super().__init__(
            message or "The train is still opening; nothing was changed. Try again in a moment."
        )
