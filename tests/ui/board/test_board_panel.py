"""The planning board driven by keyboard and mouse, checked in the database."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox

from rte_desktop.domain.dependency_health import Reason
from rte_desktop.ui.board.panel import BoardPanel


def stored(panel: BoardPanel, feature_id: int):
    return panel.ctx.ws.board.board(panel.pi_id).feature(feature_id)


def select(panel: BoardPanel, key: str):
    feature = next(f for f in panel.board.features if f.key == key)
    panel.scene.select("feature", feature.id)
    panel.view.setFocus()
    return feature


def test_place_a_feature_by_keyboard(qtbot, board_panel: BoardPanel) -> None:
    feature = select(board_panel, "AUR-100")  # Phoenix, unplanned
    assert feature.iteration_id is None
    view = board_panel.view
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    first, second = board_panel.board.iterations[:2]
    assert stored(board_panel, feature.id).iteration_id == first.id
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert stored(board_panel, feature.id).iteration_id == second.id
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    moved = stored(board_panel, feature.id)
    assert board_panel.board.team_name(moved.team_id) == "Ωmega"
    assert board_panel.scene.selected_card().item_id == feature.id  # still selected
    qtbot.keyClick(view, Qt.Key.Key_U)
    assert stored(board_panel, feature.id).iteration_id is None
    for _ in range(4):
        board_panel.ctx.undo.undo()
    back = stored(board_panel, feature.id)
    assert (back.team_id, back.iteration_id) == (feature.team_id, None)


def test_placing_the_provider_earlier_turns_its_line_green(qtbot, board_panel: BoardPanel) -> None:
    late = next(h for h in board_panel.board.healths.values() if h.reason is Reason.LATER)
    provider = board_panel.board.feature(late.dependency.provider_id)
    select(board_panel, provider.key)
    for _ in range(3):
        qtbot.keyClick(board_panel.view, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert board_panel.board.healths[late.dependency.id].reason is Reason.EARLIER
    texts = [
        board_panel.dependencies.item(i).text() for i in range(board_panel.dependencies.count())
    ]
    assert not any(t.startswith(f"LATE: {provider.key}") for t in texts)


def test_drag_a_card_to_another_cell(qtbot, board_panel: BoardPanel) -> None:
    feature = next(f for f in board_panel.board.features if f.key == "AUR-108")  # Phoenix, I1
    card = board_panel.scene.cards[("feature", feature.id)]
    layout = board_panel.scene.board_layout
    target_column = layout.columns[3]  # I3
    kraken = next(r for r in layout.rows if r.title == "Kraken")
    view = board_panel.view
    start = view.mapFromScene(card.sceneBoundingRect().center())
    end = view.mapFromScene(target_column.rect.center[0], kraken.rect.center[1])
    viewport = view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 11):
        point = start + (end - start) * (step / 10)
        qtbot.mouseMove(viewport, QPoint(int(point.x()), int(point.y())))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)
    qtbot.waitUntil(lambda: stored(board_panel, feature.id).iteration_id == target_column.key)
    assert board_panel.board.team_name(stored(board_panel, feature.id).team_id) == "Kraken"


def test_hovering_a_card_highlights_its_lines(qtbot, board_panel: BoardPanel) -> None:
    dep = next(d for d in board_panel.board.dependencies if d.consumer_feature_id)
    card = board_panel.scene.cards[("feature", dep.provider_id)]
    view = board_panel.view
    qtbot.mouseMove(view.viewport(), view.mapFromScene(card.sceneBoundingRect().center()))
    qtbot.waitUntil(lambda: any(e.opacity() < 0.5 for e, _x, _e in board_panel.scene.edges))
    for edge, extras, ends in board_panel.scene.edges:
        mine = ("feature", dep.provider_id) in ends
        assert (edge.opacity() == 1.0) == mine
        assert (edge.pen().widthF() > edge.base_width) == mine
        assert all(x.opacity() == edge.opacity() for x in extras)
    partner = board_panel.scene.cards[("feature", dep.consumer_feature_id)]
    assert partner.highlighted
    qtbot.mouseMove(view.viewport(), QPoint(2, 2))
    qtbot.waitUntil(lambda: all(e.opacity() == 1.0 for e, _x, _e in board_panel.scene.edges))


def test_lines_carry_style_and_word_as_well_as_colour(board_panel: BoardPanel) -> None:
    seen = {}
    for edge, extras, _ends in board_panel.scene.edges:
        words = [x for x in extras if hasattr(x, "text")]
        seen[edge.health.label] = (edge.pen().style(), words[0].text())
    assert seen["OK"] == (Qt.PenStyle.SolidLine, "OK")
    assert seen["SAME"] == (Qt.PenStyle.DashLine, "SAME")
    assert seen["LATE"] == (Qt.PenStyle.DotLine, "LATE")
    assert seen["UNPLANNED"] == (Qt.PenStyle.DotLine, "UNPLANNED")


def test_problem_list_selects_the_provider(qtbot, board_panel: BoardPanel) -> None:
    lst = board_panel.dependencies
    assert lst.count() == len(board_panel.board.problems)
    assert lst.item(0).text().startswith(("UNPLANNED", "LATE"))
    lst.setCurrentRow(2)
    dep_id = lst.current_id()
    dep = next(d for d in board_panel.board.dependencies if d.id == dep_id)
    assert board_panel.scene.selected_card().item_id == dep.provider_id
    board_panel.show_all.setChecked(True)
    assert lst.count() == len(board_panel.board.dependencies)
    lst.setFocus()
    lst.setCurrentRow(0)
    removed = lst.current_id()
    qtbot.keyClick(lst, Qt.Key.Key_Delete)
    assert removed not in [d.id for d in board_panel.board.dependencies]
    board_panel.ctx.undo.undo()
    assert removed in [d.id for d in board_panel.board.dependencies]


def test_import_with_a_bad_row_shows_where_and_changes_nothing(
    board_panel: BoardPanel, tmp_path: Path, monkeypatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    bad = tmp_path / "bad.csv"
    bad.write_text("Summary,Issue key,Sprint\nGood,G-1,I2\nBad,G-2,Sprint 42\n", encoding="utf-8")
    before = list(board_panel.board.features)
    assert not board_panel.import_file(bad)
    assert "line 3, column 3 (Sprint)" in shown[-1]
    assert board_panel.board.features == before
    good = tmp_path / "good.csv"
    good.write_text("Summary,Issue key,Sprint\nGood,G-1,I2\n", encoding="utf-8")
    assert board_panel.import_file(good)
    assert "1 feature added" in shown[-1]
    assert ("feature", next(f.id for f in board_panel.board.features if f.key == "G-1")) in (
        board_panel.scene.cards
    )


def test_arrow_keys_walk_between_cards(qtbot, board_panel: BoardPanel) -> None:
    select(board_panel, "AUR-100")
    qtbot.keyClick(board_panel.view, Qt.Key.Key_Right)
    card = board_panel.scene.selected_card()
    assert board_panel.board.feature(card.item_id).key == "AUR-108"
    qtbot.keyClick(board_panel.view, Qt.Key.Key_Left)
    assert board_panel.board.feature(board_panel.scene.selected_card().item_id).key == "AUR-100"
