"""A server role that may only SELECT: the train opens read-only, edits refused, reports work."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from rte_desktop.app import main
from rte_desktop.domain.clock import FakeClock
from rte_desktop.domain.errors import ReadOnlyError
from rte_desktop.workspace import Workspace, open_workspace
from tests.pdf_tools import assert_pdf_valid, pdf_text
from tests.pg_server import PgServer


@pytest.fixture
def train(pg_server: PgServer, pg_template: str, clock: FakeClock) -> Iterator[str]:
    """A demo train on the server; yields its database name."""
    name = pg_server.create_database(template=pg_template)
    ws = open_workspace(pg_server.url(name), clock)
    ws.demo.create()
    ws.close()
    yield name
    pg_server.drop_database(name)


@pytest.fixture
def reader(pg_server: PgServer, train: str, clock: FakeClock) -> Iterator[Workspace]:
    role = pg_server.new_name("reader")
    pg_server.execute(
        f"CREATE ROLE {role} LOGIN",
        f'GRANT CONNECT ON DATABASE "{train}" TO {role}',
    )
    pg_server.execute(
        f"GRANT USAGE ON SCHEMA public TO {role}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}",
        database=train,
    )
    ws = open_workspace(pg_server.url(train, user=role), clock)
    yield ws
    ws.close()


def test_the_train_opens_read_only_and_every_edit_is_refused(
    reader: Workspace, pg_server: PgServer, train: str, clock: FakeClock
) -> None:
    writer = open_workspace(pg_server.url(train), clock)
    assert reader.read_only and not writer.read_only
    art = reader.train.arts()[0]
    pi = reader.train.current_pi(art.id)
    objective = reader.objectives.objectives(pi.id)[0]
    risk = reader.risks.risks(pi.id)[0]
    edits = [
        lambda: reader.objectives.update(objective.id or 0, objective, text="Mine"),
        lambda: reader.risks.update(dataclasses.replace(risk, owner="Ole"), seen=risk),
        lambda: reader.risks.add(pi.id, "A new risk"),
        lambda: reader.board.add_feature(pi.id, "A feature"),
        lambda: reader.objectives.delete(objective.id or 0),
    ]
    for edit in edits:
        with pytest.raises(ReadOnlyError, match="read-only for you"):
            edit()
    # Nothing was changed, and the reader still reads.
    assert writer.transfer.export_data() == reader.transfer.export_data()
    writer.close()


def test_reports_and_exports_work_and_the_cli_refuses_edits(
    reader: Workspace, tmp_path: Path, capsys
) -> None:
    url = reader.url
    pdf = tmp_path / "objectives.pdf"
    assert main(["report", "objectives", "--db", url, "--out", str(pdf)]) == 0
    assert_pdf_valid(pdf)
    assert "Objectives" in pdf_text(pdf)[0]
    assert main(["export", "json", "--db", url, "--out", str(tmp_path / "t.json")]) == 0
    csv = tmp_path / "o.csv"
    csv.write_text("team,objective\nΩmega,Not allowed\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["import", "objectives", str(csv), "--db", url]) == 1
    err = capsys.readouterr().err
    assert "read-only for you" in err and "Traceback" not in err
