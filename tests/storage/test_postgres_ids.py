"""On PostgreSQL, rows inserted with their own ids (a JSON import) do not block later rows."""

from __future__ import annotations

from rte_desktop.workspace import open_workspace


def test_rows_added_after_a_json_import_get_new_ids(pg_server, tmp_path, clock) -> None:
    url = pg_server.url(pg_server.create_database())
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
