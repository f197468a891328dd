"""The planning board as a QGraphicsScene: grid, feature cards, milestones, dependency lines.

Geometry comes from ``domain.board_layout`` (the poster uses the same). Lines carry health three
ways: colour (theme OK/WARN/BAD), line style (solid / dashed / dotted and thick) and a word on
the line (OK, SAME, LATE, UNPLANNED). Hovering or selecting a card brings its lines forward and
fades the others.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainterPath,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsScene,
    QWidget,
)

from rte_desktop.domain import board_layout as bl
from rte_desktop.services.board.board_data import BoardData, short_iteration_name
from rte_desktop.ui.board.items import HEALTH_COLOUR, Z_EDGE, Z_GRID, Z_LABEL, CardItem, EdgeItem
from rte_desktop.ui.theme import WARN, is_dark

# Pixels at 100 %; six columns fit a 1280-pixel window at 70 % beside the dependency list.
SCREEN_METRICS = bl.Metrics(
    header_w=110, header_h=46, column_w=164, card_w=140, card_h=58, gap=10, min_row_h=78
)


def rectf(rect: bl.Rect) -> QRectF:
    return QRectF(rect.x, rect.y, rect.w, rect.h)


class BoardScene(QGraphicsScene):
    """Builds itself from a ``BoardData``; reports drops and double-clicks as signals."""

    place_requested = Signal(int, object, object)  # feature id, team id|None, iteration id|None
    milestone_place_requested = Signal(int, object)  # milestone id, iteration id|None
    activated = Signal(str, int)  # "feature"|"milestone", id

    def __init__(self, palette: QPalette, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colours = palette
        self.board_layout: bl.BoardLayout | None = None
        self.board: BoardData | None = None
        self.cards: dict[tuple[str, int], CardItem] = {}
        self.edges: list[tuple[EdgeItem, list[QGraphicsItem], set[tuple[str, int]]]] = []
        self.selectionChanged.connect(self._on_selection_changed)

    # -- building -------------------------------------------------------------------------------

    def build(self, board: BoardData) -> None:
        self.cards.clear()
        self.edges.clear()
        self.blockSignals(True)  # clearing deselects: no highlight on items being deleted
        self.clear()
        self.blockSignals(False)
        self.board = board
        layout = bl.layout_board(
            board.teams, board.iterations, board.features, board.milestones, SCREEN_METRICS
        )
        self.board_layout = layout
        self._grid(board, layout)
        dark = is_dark(self.colours)
        text = self.colours.color(QPalette.ColorRole.Text)
        feature_fill = QColor("#1f3a52" if dark else "#dcebf7")
        enabler_fill = QColor("#3a2d4a" if dark else "#ece3f3")
        base = self.colours.color(QPalette.ColorRole.Base)
        for feature in board.features:
            if feature.id is None or feature.id not in layout.cards:
                continue
            enabler = feature.kind.value == "enabler"
            card = CardItem(
                "feature",
                feature.id,
                layout.cards[feature.id],
                feature.key,
                feature.title,
                enabler_fill if enabler else feature_fill,
                QColor("#0072B2"),
                text,
            )
            card.tag = "ENABLER" if enabler else ""
            card.setToolTip(self._feature_tip(board, feature.id))
            self.addItem(card)
            self.cards[("feature", feature.id)] = card
        for milestone in board.milestones:
            if milestone.id is None or milestone.id not in layout.milestones:
                continue
            when = f"{milestone.day:%d %b %Y}" if milestone.day else "MILESTONE"
            card = CardItem(
                "milestone",
                milestone.id,
                layout.milestones[milestone.id],
                when,
                milestone.title,
                base,
                WARN,
                text,
            )
            self.addItem(card)
            self.cards[("milestone", milestone.id)] = card
        self._edges(board, layout)
        self.setSceneRect(QRectF(0, 0, layout.width + 20, layout.height + 20))

    def _grid(self, board: BoardData, layout: bl.BoardLayout) -> None:
        mx = layout.metrics
        window = self.colours.color(QPalette.ColorRole.Window)
        base = self.colours.color(QPalette.ColorRole.Base)
        alt = self.colours.color(QPalette.ColorRole.AlternateBase)
        line = QPen(self.colours.color(QPalette.ColorRole.Mid), 1)
        text = self.colours.color(QPalette.ColorRole.Text)
        milestone_fill = QColor(WARN)
        milestone_fill.setAlpha(40)
        for index, row in enumerate(layout.rows):
            fill = milestone_fill if row.key == bl.MILESTONE_ROW else (alt if index % 2 else base)
            self.addRect(rectf(row.rect), line, fill).setZValue(Z_GRID)
            head = self.addRect(QRectF(0, row.rect.y, mx.header_w, row.rect.h), line, window)
            head.setZValue(Z_GRID)
            label = self.addText(row.title)
            label.setDefaultTextColor(text)
            font = QFont(label.font())
            font.setBold(True)
            font.setPointSizeF(10)
            label.setFont(font)
            label.setTextWidth(mx.header_w - 8)
            label.setPos(4, row.rect.y + 4)
            label.setZValue(Z_GRID)
        hatch = QBrush(self.colours.color(QPalette.ColorRole.Mid), Qt.BrushStyle.BDiagPattern)
        names = {it.id: short_iteration_name(it, board.pi.name) for it in board.iterations}
        for column in layout.columns:
            if column.key == bl.UNPLANNED:
                self.addRect(rectf(column.rect), QPen(Qt.PenStyle.NoPen), hatch).setZValue(Z_GRID)
            self.addLine(column.rect.x, 0, column.rect.x, layout.height, line).setZValue(Z_GRID)
            self.addRect(QRectF(column.rect.x, 0, column.rect.w, mx.header_h), line, window)
            title = names.get(column.key, column.title)
            if column.is_ip and "IP" not in title:
                title += " (IP)"
            label = self.addText(f"{title}\n{column.subtitle}")
            label.setDefaultTextColor(text)
            font = QFont(label.font())
            font.setPointSizeF(9.5)
            label.setFont(font)
            label.setPos(column.rect.x + 4, 2)
        corner = self.addText("Iteration →\nTeam ↓")
        corner.setDefaultTextColor(self.colours.color(QPalette.ColorRole.PlaceholderText))
        corner.setPos(4, 2)

    def _feature_tip(self, board: BoardData, feature_id: int) -> str:
        feature = board.feature(feature_id)
        if feature is None:
            return ""
        lines = [
            board.feature_label(feature_id),
            f"{board.team_name(feature.team_id)}, {board.iteration_name(feature.iteration_id)}",
        ]
        for health in board.healths.values():
            dep = health.dependency
            if feature_id in (dep.provider_id, dep.consumer_feature_id):
                lines.append(board.describe(health))
        return "\n".join(lines)

    def _edges(self, board: BoardData, layout: bl.BoardLayout) -> None:
        soft = list(layout.cards.values()) + list(layout.milestones.values())
        words = [card.text_rect() for card in self.cards.values()]
        taken: list[bl.Rect] = []
        font = QFont()
        font.setPointSizeF(8.5)
        font.setBold(True)
        metrics = QFontMetricsF(font)
        base = self.colours.color(QPalette.ColorRole.Base)
        for dep in board.dependencies:
            health = board.healths.get(dep.id or 0)
            start = layout.cards.get(dep.provider_id)
            end_key = (
                ("milestone", dep.consumer_milestone_id or 0)
                if dep.consumer_milestone_id is not None
                else ("feature", dep.consumer_feature_id or 0)
            )
            end = (layout.milestones if end_key[0] == "milestone" else layout.cards).get(end_key[1])
            if health is None or start is None or end is None:
                continue  # one end is in another PI: listed beside the board
            points = bl.edge_path(start, end)
            path = QPainterPath(QPointF(*points[0]))
            path.cubicTo(QPointF(*points[1]), QPointF(*points[2]), QPointF(*points[3]))
            edge = EdgeItem(health, path)
            self.addItem(edge)
            colour = HEALTH_COLOUR[health.health]
            arrow = self._arrow(points, colour)
            size = (metrics.horizontalAdvance(health.label) + 10, metrics.height() + 4)
            spot = bl.label_rect(points, size, words, taken, soft)
            taken.append(spot)
            box = self.addRect(rectf(spot), QPen(colour, 1.5), base)
            box.setZValue(Z_LABEL)
            word = self.addSimpleText(health.label, font)
            word.setBrush(self.colours.color(QPalette.ColorRole.Text))
            word.setPos(spot.x + 5, spot.y + 2)
            word.setZValue(Z_LABEL)
            box.setToolTip(board.describe(health))
            ends = {("feature", dep.provider_id), end_key}
            self.edges.append((edge, [arrow, box, word], ends))

    def _arrow(self, points: tuple[bl.Point, ...], colour: QColor) -> QGraphicsItem:
        import math

        (x2, y2), (x3, y3) = points[2], points[3]
        angle = math.atan2(y3 - y2, x3 - x2) if (x3, y3) != (x2, y2) else 0.0
        head = QPolygonF(
            [QPointF(x3, y3)]
            + [
                QPointF(x3 - 11 * math.cos(angle + turn), y3 - 11 * math.sin(angle + turn))
                for turn in (0.45, -0.45)
            ]
        )
        item = self.addPolygon(head, QPen(colour, 1), QBrush(colour))
        item.setZValue(Z_EDGE)
        return item

    # -- interaction ----------------------------------------------------------------------------

    def _on_selection_changed(self) -> None:
        self.highlight(self.selected_card())

    def selected_card(self) -> CardItem | None:
        for item in self.selectedItems():
            if isinstance(item, CardItem):
                return item
        return None

    def select(self, kind: str, item_id: int) -> CardItem | None:
        card = self.cards.get((kind, item_id))
        self.clearSelection()
        if card is not None:
            card.setSelected(True)
        return card

    def highlight(self, card: CardItem | None) -> None:
        """Bring the lines of ``card`` forward and fade the rest (None: all normal)."""
        key = (card.kind, card.item_id) if card is not None else None
        linked: set[tuple[str, int]] = set()
        for edge, extras, ends in self.edges:
            level = 0 if key is None else (1 if key in ends else -1)
            edge.set_emphasis(level)
            for extra in extras:
                extra.setOpacity(0.18 if level < 0 else 1.0)
            if level > 0:
                linked |= ends
        for item_key, item in self.cards.items():
            item.highlighted = item_key in linked
            item.update()

    def card_activated(self, kind: str, item_id: int) -> None:
        """A card was double-clicked: ask for its editor."""
        self.activated.emit(kind, item_id)

    def dropped(self, card: CardItem) -> None:
        """A card was dragged: ask for the cell under its centre, or snap it back."""
        layout = self.board_layout
        centre = card.sceneBoundingRect().center()
        row = layout.row_at(centre.y()) if layout else None
        column = layout.column_at(centre.x()) if layout else None
        iteration = None if column is None or column.key == bl.UNPLANNED else column.key
        card.setPos(card.home)  # the database decides; the board redraws from it
        if column is None or row is None:
            return
        if card.kind == "feature" and row.key != bl.MILESTONE_ROW:
            team = None if row.key == bl.NO_TEAM else row.key
            self.place_requested.emit(card.item_id, team, iteration)
        elif card.kind == "milestone":
            self.milestone_place_requested.emit(card.item_id, iteration)
