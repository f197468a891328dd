"""A server role that may only read: the window says so, and an edit is refused in one message."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from rte_desktop.domain.clock import FakeClock
from rte_desktop.domain.model import RoamStatus
from rte_desktop.ui.risks.panel import RisksPanel
from rte_desktop.workspace import open_workspace
from tests.pg_server import PgServer


def test_a_reader_sees_read_only_and_a_delete_is_refused(
    qtbot, make_window, pg_server: PgServer, pg_template: str, clock: FakeClock
) -> None:
    name = pg_server.create_database(template=pg_template)
    writer = open_workspace(pg_server.url(name), clock)
    writer.demo.create()
    role = pg_server.new_name("viewer")
    pg_server.execute(f"CREATE ROLE {role} LOGIN", f'GRANT CONNECT ON DATABASE "{name}" TO {role}')
    pg_server.execute(
        f"GRANT USAGE ON SCHEMA public TO {role}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}",
        database=name,
    )
    reader = open_workspace(pg_server.url(name, user=role), clock)
    try:
        window = make_window(reader)
        assert "read-only" in window.file_label.text()
        qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
        panel = window.current_panel()
        assert isinstance(panel, RisksPanel)
        view = panel.board.columns[RoamStatus.UNROAMED]
        view.setFocus()
        view.select_row(0)
        risk = view.selected_risk()
        said: list[str] = []

        def read_and_close() -> None:
            box = QApplication.activeModalWidget()
            assert isinstance(box, QMessageBox)
            said.append(box.text())
            box.accept()

        QTimer.singleShot(0, read_and_close)
        qtbot.keyClick(view, Qt.Key.Key_Delete)
        assert len(said) == 1 and "read-only for you" in said[0]
        assert writer.risks.risk(risk.id) == risk  # still there, unchanged
        assert panel.ctx.undo.count() == 0  # a refused edit never enters the undo history
    finally:
        reader.close()
        writer.close()
