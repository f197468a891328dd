"""Where a train lives on a PostgreSQL server: host, port, database, user and TLS mode.

The password is not part of it: it comes from the system keyring, libpq's ``.pgpass`` or
service file, or the person, and is never written to the settings file.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode

from rte_desktop.domain.errors import ValidationError

SSL_MODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")


@dataclass(frozen=True)
class ServerAddress:
    host: str
    port: int = 5432
    database: str = "rte"
    user: str = ""
    sslmode: str = "prefer"

    def checked(self) -> ServerAddress:
        """The address with its text trimmed.

        Raises:
            ValidationError: no host or database, a port out of range or an unknown TLS mode.
        """
        address = ServerAddress(
            self.host.strip(), self.port, self.database.strip(), self.user.strip(), self.sslmode
        )
        if not address.host:
            raise ValidationError("Give the server's host name (or a socket folder).")
        if not address.database:
            raise ValidationError("Give the name of the database on the server.")
        if not 1 <= address.port <= 65535:
            raise ValidationError(f"Port {address.port} is not between 1 and 65535.")
        if address.sslmode not in SSL_MODES:
            raise ValidationError(
                f"TLS mode {address.sslmode!r} is unknown; use one of {', '.join(SSL_MODES)}."
            )
        return address

    @property
    def key(self) -> str:
        """The name a remembered password is filed under: ``user@host:port/database``."""
        return f"{self.user}@{self.host}:{self.port}/{self.database}"

    def url(self, password: str | None = None) -> str:
        """The SQLAlchemy URL (psycopg 3); a host starting with ``/`` is a Unix socket folder."""
        who = quote(self.user, safe="")
        if password:
            who += ":" + quote(password, safe="")
        query = {"sslmode": self.sslmode}
        if self.host.startswith("/"):
            query = {"host": self.host, "port": str(self.port), **query}
            where = ""
        else:
            where = (
                f"{self.host}:{self.port}" if ":" not in self.host else f"[{self.host}]:{self.port}"
            )
        at = "@" if who else ""
        database = quote(self.database, safe="")
        return f"postgresql+psycopg://{who}{at}{where}/{database}?{urlencode(query)}"
