"""On PostgreSQL, rows inserted with their own ids (a JSON import) do not block later rows."""

from __future__ import annotations

from rte_desktop.workspace import open_workspace
from tests.pg_server import postgres_socket_dir, postgres_url  # noqa: F401 (fixtures)


def test_rows_added_after_a_json_import_get_new_ids(request, tmp_path, clock) -> None:
    url = request.getfixturevalue("postgres_url")
    source = open_workspace(str(tmp_path / "train.sqlite"), clock)
    source.demo.create()
    data = source.transfer.export_data()
    source.close()
    ws = open_workspace(url, clock)
    try:
        ws.transfer.import_data(data)
        pi = ws.train.find_pi(None, None)
        team = ws.train.teams(pi.art_id)[0]
        imported = {o.id for o in ws.objectives.objectives(pi.id)}
        added = ws.objectives.add(pi.id, team.id, "Written after the import").value
        assert added.id not in imported
        assert added.id > max(row["id"] for row in data["tables"]["objective"])
    finally:
        ws.close()
