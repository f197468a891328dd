"""ServerAddress: the URL it builds is read back by SQLAlchemy's own parser."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import make_url

from rte_desktop.domain.errors import ValidationError
from rte_desktop.domain.server_address import ServerAddress


def test_url_round_trips_odd_characters_through_sqlalchemy() -> None:
    address = ServerAddress("db.example.org", 6543, "train ö", "ana@rte", "require")
    parsed = make_url(address.url("p@ss:w/rd%"))
    assert parsed.drivername == "postgresql+psycopg"
    assert (parsed.host, parsed.port, parsed.database) == ("db.example.org", 6543, "train ö")
    assert (parsed.username, parsed.password) == ("ana@rte", "p@ss:w/rd%")
    assert parsed.query == {"sslmode": "require"}


def test_a_socket_folder_goes_to_the_query() -> None:
    parsed = make_url(ServerAddress("/run/postgresql", 5433, "rte", "me").url())
    assert parsed.host is None and parsed.password is None
    assert parsed.query == {"host": "/run/postgresql", "port": "5433", "sslmode": "prefer"}


@pytest.mark.parametrize(
    ("address", "message"),
    [
        (ServerAddress(" "), "host"),
        (ServerAddress("h", database=""), "database"),
        (ServerAddress("h", port=0), "Port 0"),
        (ServerAddress("h", sslmode="maybe"), "TLS mode"),
    ],
)
def test_bad_addresses_are_refused(address: ServerAddress, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        address.checked()
