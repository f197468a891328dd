"""Two facilitators on one board: a feature moved meanwhile is not moved again.

``other_app`` is the other facilitator's app on the same train; the board is driven by the
mouse and keys, the message box is read and closed by a key, and the data decides.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from rte_desktop.ui.board.panel import BoardPanel
from rte_desktop.workspace import Workspace


def stored(panel: BoardPanel, feature_id: int):
    return panel.ctx.ws.board.board(panel.pi_id).feature(feature_id)


def test_a_drag_of_a_feature_moved_meanwhile_is_refused_with_a_message(
    qtbot, board_panel: BoardPanel, when_modal, read_box, other_app: Workspace
) -> None:
    feature = next(f for f in board_panel.board.features if f.key == "AUR-108")  # Phoenix, I1
    layout = board_panel.scene.board_layout
    kraken = next(r for r in layout.rows if r.title == "Kraken")
    theirs = (kraken.key, layout.columns[2].key)
    other_app.board.place_feature(feature.id, *theirs, seen=feature)  # this board shows I1
    card = board_panel.scene.cards[("feature", feature.id)]
    target_column = layout.columns[3]
    view = board_panel.view
    start = view.mapFromScene(card.sceneBoundingRect().center())
    end = view.mapFromScene(target_column.rect.center[0], kraken.rect.center[1])
    viewport = view.viewport()
    shown: list[str] = []
    when_modal(read_box(shown))
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 11):
        point = start + (end - start) * (step / 10)
        qtbot.mouseMove(viewport, QPoint(int(point.x()), int(point.y())))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)
    qtbot.waitUntil(lambda: bool(shown))
    iteration = next(it.name for it in board_panel.board.iterations if it.id == theirs[1])
    assert (
        f"Another facilitator moved the feature “{feature.title}” to Kraken, {iteration}"
        in (shown[0])
    )
    assert "Your move was not saved" in shown[0]
    now = stored(board_panel, feature.id)
    assert (now.team_id, now.iteration_id) == theirs
    assert board_panel.ctx.undo.count() == 0
    shown = board_panel.board.feature(feature.id)  # Return pressed Reload: the board shows theirs
    assert (shown.team_id, shown.iteration_id) == theirs


def test_undo_of_a_move_does_not_undo_the_other_facilitators_move(
    qtbot, board_panel: BoardPanel, other_app: Workspace
) -> None:
    feature = next(f for f in board_panel.board.features if f.key == "AUR-100")  # unplanned
    board_panel.scene.select("feature", feature.id)
    board_panel.view.setFocus()
    qtbot.keyClick(board_panel.view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    mine = stored(board_panel, feature.id)
    assert mine.iteration_id == board_panel.board.iterations[0].id
    last = board_panel.board.iterations[-1].id
    other_app.board.place_feature(feature.id, mine.team_id, last, seen=mine)
    failures: list[str] = []
    board_panel.ctx.undo.failed.connect(failures.append)
    board_panel.ctx.undo.undo()
    qtbot.waitUntil(lambda: bool(failures))
    assert "Another facilitator moved the feature" in failures[0]
    assert stored(board_panel, feature.id).iteration_id == last


def test_deleting_a_dependency_already_deleted_says_so_and_changes_nothing(
    qtbot, board_panel: BoardPanel, when_modal, read_box, other_app: Workspace
) -> None:
    dep = board_panel.board.dependencies[0]
    other_app.board.delete_dependency(dep.id, seen=dep)
    count = len(board_panel.ctx.ws.board.board(board_panel.pi_id).dependencies)
    shown: list[str] = []
    when_modal(read_box(shown))
    board_panel.delete_dependency(dep.id)  # what Delete in the problem list calls
    qtbot.waitUntil(lambda: bool(shown))
    assert "Another facilitator deleted the dependency of" in shown[0]
    assert len(board_panel.ctx.ws.board.board(board_panel.pi_id).dependencies) == count
    assert board_panel.ctx.undo.count() == 0
