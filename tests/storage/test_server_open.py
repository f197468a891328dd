"""Opening a train on a server that refuses: a sentence naming the server, never a traceback."""

from __future__ import annotations

import pytest

from rte_desktop.domain.errors import DatabaseError
from rte_desktop.storage.migrate import open_database
from tests.pg_server import PgServer


def test_no_server_there_is_said(pg_server: PgServer) -> None:
    url = f"postgresql+psycopg://nobody@/rte?host={pg_server.socket_dir}&port=1"
    with pytest.raises(
        DatabaseError, match=r"Cannot open the train at postgresql://nobody@.*:1/rte"
    ):
        open_database(url)


def test_a_role_that_cannot_create_the_tables_is_told_what_to_do(pg_server: PgServer) -> None:
    name = pg_server.create_database()  # no tables yet
    role = pg_server.new_name("reader")
    pg_server.execute(f"CREATE ROLE {role} LOGIN")
    # (PostgreSQL 15 grants no CREATE on public by default; older ones do)
    pg_server.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC", database=name)
    with pytest.raises(DatabaseError, match="may not create or update the train's tables"):
        open_database(pg_server.url(name, user=role))
    pg_server.drop_database(name)
