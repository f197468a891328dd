"""Errors the user can act on. Each message says what is wrong and where."""

from __future__ import annotations


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
