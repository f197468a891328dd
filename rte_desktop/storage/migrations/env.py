"""Alembic environment: runs inside the app with a connection handed over in the config."""

from alembic import context

from rte_desktop.storage.orm import Base

config = context.config
connection = config.attributes.get("connection")


def _run(conn) -> None:  # type: ignore[no-untyped-def]
    context.configure(connection=conn, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


if connection is not None:
    _run(connection)
else:  # `alembic` command line during development: sqlalchemy.url from the config
    from rte_desktop.storage.db import make_engine

    with make_engine(config.get_main_option("sqlalchemy.url") or "").connect() as conn:
        _run(conn)
