"""The ART planning board as a poster, tiled over as many pages as it needs.

The board is drawn at a fixed, readable size (``services.board_poster.POSTER_METRICS``). When it is
larger than the page it is cut into tiles at column and row boundaries; every tile repeats the
iteration headers and team names of what it shows, and says which tile it is, so the pages can
be taped together or read one by one. Dependency lines carry their health as colour, line style
and a word (OK solid green, SAME dashed orange, LATE/UNPLANNED dotted thick red). The list of
dependencies follows the tiles.
"""

from __future__ import annotations

import math
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table, TableStyle

from rte_desktop.domain.board_layout import Rect, label_rect
from rte_desktop.reports._doc import (
    BLUE,
    GREEN,
    GREY,
    LIGHT,
    MARGIN,
    ORANGE,
    RED,
    SANS,
    SANS_BOLD,
    build_pdf,
    font_runs,
    page_size,
    para,
    style,
)
from rte_desktop.reports.board_poster_data import (
    BoardPosterData,
    PosterCard,
    PosterEdge,
    PosterMilestone,
)
from rte_desktop.reports.board_tiles import STRIP_H, plan_tiles

FRAME_PADDING = 6.0  # SimpleDocTemplate's frame padding on each side
COLOURS = {"green": GREEN, "orange": ORANGE, "red": RED}
DASHES: dict[str, tuple[list[float], float]] = {  # dash pattern, line width
    "green": ([], 1.6),
    "orange": ([7, 4], 2.0),
    "red": ([0.1, 4.5], 3.4),  # round-capped dots
}
FEATURE_FILL = colors.HexColor("#dcebf7")
ENABLER_FILL = colors.HexColor("#ece3f3")
MILESTONE_FILL = colors.HexColor("#fde9c9")
UNPLANNED_FILL = colors.HexColor("#f4f4f4")


def _text(canvas: Any, x: float, y: float, text: str, size: float, bold: bool = False) -> float:
    """Draw ``text`` from (x, y), switching to the fallback font for characters DejaVu lacks."""
    for font, run in font_runs(text, bold):
        canvas.setFont(font, size)
        canvas.drawString(x, y, run)
        x += stringWidth(run, font, size)
    return x


def _lines(text: str, size: float, width: float, limit: int, bold: bool = False) -> list[str]:
    font = SANS_BOLD if bold else SANS
    lines = simpleSplit(text, font, size, width) or [""]
    if len(lines) > limit:
        lines = lines[:limit]
        lines[-1] = lines[-1].rstrip()[: max(1, len(lines[-1]) - 2)] + "…"
    return lines


def _card_words(card: PosterCard) -> Rect:
    """Where a card's text is printed (see ``BoardTile._card``), for label placement."""
    head = card.key + ("  ENABLER" if card.kind == "enabler" else "")
    lines = _lines(card.title, 8.5, card.rect.w - 10, 3)
    width = max([stringWidth(head, SANS_BOLD, 7.5)] + [stringWidth(x, SANS, 8.5) for x in lines])
    return Rect(card.rect.x + 5, card.rect.y + 2, width, 12 + 10 * len(lines))


def _milestone_words(milestone: PosterMilestone) -> Rect:
    lines = _lines(milestone.title, 8.5, milestone.rect.w - 30, 2, bold=True)
    width = max(stringWidth(x, SANS_BOLD, 8.5) for x in lines)
    return Rect(milestone.rect.x + 24, milestone.rect.y + 2, width, milestone.rect.h - 4)


class BoardTile(Flowable):  # type: ignore[misc]
    """One page's window on the board: headers for what it shows, body clipped to the window."""

    def __init__(
        self,
        data: BoardPosterData,
        window: tuple[float, float, float, float],
        size: tuple[float, float],
        caption: str,
        zoom: float = 1.0,
    ) -> None:
        super().__init__()
        self.data = data
        self.x0, self.y0, self.x1, self.y1 = window
        self.size = size  # on the page
        self.zoom = zoom
        self.logical = (size[0] / zoom, size[1] / zoom)  # in board units
        self.caption = caption

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size

    # Board coordinates (y down) to this flowable's coordinates (y up).
    def _x(self, x: float) -> float:
        return self.data.layout.metrics.header_w + (x - self.x0)

    def _y(self, y: float) -> float:
        return self.logical[1] - STRIP_H - self.data.layout.metrics.header_h - (y - self.y0)

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.scale(self.zoom, self.zoom)  # the whole tile, text included, at the poster's zoom
        self._draw(c)
        c.restoreState()

    def _draw(self, c: Any) -> None:
        mx = self.data.layout.metrics
        width, height = self.logical
        top = height - STRIP_H
        c.setFillColor(colors.black)
        _text(c, 0, height - 14, self.caption, 12, bold=True)
        self._legend(c, height - 41)
        c.setFillColor(GREY)
        _text(c, 0, height - 27, self.data.subtitle, 8)

        body = c.beginPath()
        shown_w, shown_h = self.x1 - self.x0, self.y1 - self.y0  # only this tile's window
        body.rect(mx.header_w, top - mx.header_h - shown_h, shown_w, shown_h)
        c.saveState()
        c.clipPath(body, stroke=0, fill=0)
        self._grid(c)
        for edge in self.data.edges:  # under the cards: a card is never hidden by yarn
            self._edge(c, edge)
        for card in self.data.cards:
            self._card(c, card)
        for milestone in self.data.milestones:
            self._milestone(c, milestone)
        self._labels(c)
        c.restoreState()
        self._headers(c, width, top)

    def _legend(self, c: Any, y: float) -> None:
        x = 0.0
        for health, word in (
            ("green", "OK: earlier"),
            ("orange", "SAME: same iteration"),
            ("red", "LATE / UNPLANNED"),
        ):
            dash, lw = DASHES[health]
            c.saveState()
            c.setStrokeColor(COLOURS[health])
            c.setLineWidth(lw)
            c.setLineCap(1)
            c.setDash(dash)
            c.line(x, y + 3, x + 34, y + 3)
            c.restoreState()
            c.setFillColor(colors.black)
            x = _text(c, x + 40, y, word, 8.5) + 18

    def _grid(self, c: Any) -> None:
        layout = self.data.layout
        c.setLineWidth(0.5)
        for index, row in enumerate(layout.rows):
            shade = MILESTONE_FILL if index == 0 else (LIGHT if index % 2 == 0 else colors.white)
            c.setFillColor(shade)
            c.setStrokeColor(colors.HexColor("#c8c8c8"))
            c.rect(self._x(row.rect.x), self._y(row.rect.bottom), row.rect.w, row.rect.h, fill=1)
        for column in layout.columns:
            if column.key == 0:  # the unplanned column: hatched, so it reads as "not scheduled"
                self._hatch(c, column.rect)
            c.setStrokeColor(colors.HexColor("#b0b0b0"))
            x = self._x(column.rect.x)
            c.line(x, self._y(column.rect.y), x, self._y(column.rect.bottom))

    def _hatch(self, c: Any, rect: Rect) -> None:
        x, y = self._x(rect.x), self._y(rect.bottom)
        c.saveState()
        area = c.beginPath()
        area.rect(x, y, rect.w, rect.h)
        c.clipPath(area, stroke=0, fill=0)
        c.setStrokeColor(colors.HexColor("#dddddd"))
        c.setLineWidth(0.6)
        step = 12.0
        offset = -rect.h
        while offset < rect.w:
            c.line(x + offset, y, x + offset + rect.h, y + rect.h)
            offset += step
        c.restoreState()

    def _card(self, c: Any, card: PosterCard) -> None:
        r = card.rect
        x, y = self._x(r.x), self._y(r.bottom)
        c.setFillColor(ENABLER_FILL if card.kind == "enabler" else FEATURE_FILL)
        c.setStrokeColor(BLUE)
        c.setLineWidth(0.8)
        c.roundRect(x, y, r.w, r.h, 4, fill=1)
        c.setFillColor(colors.black)
        head = card.key or ""
        if card.kind == "enabler":
            head = f"{head}  ENABLER".strip()
        _text(c, x + 5, y + r.h - 11, head, 7.5, bold=True)
        for i, line in enumerate(_lines(card.title, 8.5, r.w - 10, 3)):
            _text(c, x + 5, y + r.h - 22 - i * 10, line, 8.5)

    def _milestone(self, c: Any, milestone: PosterMilestone) -> None:
        r = milestone.rect
        x, y = self._x(r.x), self._y(r.bottom)
        c.setFillColor(colors.white)
        c.setStrokeColor(ORANGE)
        c.setLineWidth(1.2)
        c.roundRect(x, y, r.w, r.h, 4, fill=1)
        cx, cy, s = x + 12, y + r.h / 2, 7
        path = c.beginPath()
        path.moveTo(cx, cy + s)
        path.lineTo(cx + s, cy)
        path.lineTo(cx, cy - s)
        path.lineTo(cx - s, cy)
        path.close()
        c.setFillColor(ORANGE)
        c.drawPath(path, fill=1, stroke=0)
        c.setFillColor(colors.black)
        lines = _lines(milestone.title, 8.5, r.w - 30, 2, bold=True)
        for i, line in enumerate(lines):
            _text(c, x + 24, y + r.h - 14 - i * 10, line, 8.5, bold=True)
        if milestone.when:
            _text(c, x + 24, y + 6, milestone.when, 7.5)

    def _edge(self, c: Any, edge: PosterEdge) -> None:
        points = [(self._x(px), self._y(py)) for px, py in edge.path]
        dash, lw = DASHES[edge.health]
        colour = COLOURS[edge.health]
        c.saveState()
        c.setStrokeColor(colour)
        c.setLineWidth(lw)
        c.setLineCap(1)
        c.setDash(dash)
        c.bezier(*[v for point in points for v in point])
        c.restoreState()
        (x2, y2), (x3, y3) = points[2], points[3]
        angle = math.atan2(y3 - y2, x3 - x2) if (x3, y3) != (x2, y2) else 0.0
        head = c.beginPath()
        head.moveTo(x3, y3)
        for turn in (2.6, -2.6):
            head.lineTo(x3 + 9 * math.cos(angle + turn), y3 + 9 * math.sin(angle + turn))
        head.close()
        c.setFillColor(colour)
        c.drawPath(head, fill=1, stroke=0)

    def _labels(self, c: Any) -> None:
        """Each line's word, on a spot of the line that hides no card and no other word."""
        soft = [card.rect for card in self.data.cards] + [m.rect for m in self.data.milestones]
        words = [_card_words(card) for card in self.data.cards]
        words += [_milestone_words(m) for m in self.data.milestones]
        taken: list[Rect] = []
        for edge in self.data.edges:
            size = (stringWidth(edge.label, SANS_BOLD, 7) + 6, 11.0)
            spot = label_rect(edge.path, size, words, taken, soft)
            taken.append(spot)
            colour = COLOURS[edge.health]
            x, y = self._x(spot.x), self._y(spot.bottom)
            c.setFillColor(colors.white)
            c.setStrokeColor(colour)
            c.setLineWidth(1)
            c.roundRect(x, y, spot.w, spot.h, 3, fill=1)
            c.setFillColor(colors.black)
            _text(c, x + 3, y + 3, edge.label, 7, bold=True)

    def _headers(self, c: Any, width: float, top: float) -> None:
        layout = self.data.layout
        mx = layout.metrics
        c.saveState()
        strip = c.beginPath()
        strip.rect(mx.header_w, top - mx.header_h, self.x1 - self.x0, mx.header_h)
        c.clipPath(strip, stroke=0, fill=0)
        for column in layout.columns:
            x = self._x(column.rect.x)
            c.setFillColor(LIGHT if column.key else UNPLANNED_FILL)
            c.setStrokeColor(GREY)
            c.rect(x, top - mx.header_h, column.rect.w, mx.header_h, fill=1)
            c.setFillColor(colors.black)
            title = self.data.column_titles.get(column.key, column.title)
            if column.is_ip:
                title += " (IP)" if "IP" not in title else ""
            _text(c, x + 6, top - 17, title, 11, bold=True)
            _text(c, x + 6, top - 31, column.subtitle, 8)
        c.restoreState()
        c.saveState()
        side = c.beginPath()
        shown_h = self.y1 - self.y0
        side.rect(0, top - mx.header_h - shown_h, mx.header_w, shown_h)
        c.clipPath(side, stroke=0, fill=0)
        for index, row in enumerate(layout.rows):
            y = self._y(row.rect.bottom)
            c.setFillColor(MILESTONE_FILL if index == 0 else LIGHT)
            c.setStrokeColor(GREY)
            c.rect(0, y, mx.header_w, row.rect.h, fill=1)
            c.setFillColor(colors.black)
            for i, line in enumerate(_lines(row.title, 10, mx.header_w - 10, 3, bold=True)):
                _text(c, 6, y + row.rect.h - 16 - i * 12, line, 10, bold=True)
        c.restoreState()
        c.setFillColor(colors.white)
        c.setStrokeColor(GREY)
        c.rect(0, top - mx.header_h, mx.header_w, mx.header_h, fill=1)
        c.setFillColor(GREY)
        _text(c, 6, top - 17, "Team ↓", 9, bold=True)
        _text(c, 6, top - 31, "Iteration →", 9, bold=True)


def render_board_poster(data: BoardPosterData, paper: str = "a3") -> bytes:
    """The poster's PDF bytes: one page per tile, then the list of dependencies."""
    page_w, page_h = page_size(paper, landscape_mode=True)
    frame = (
        page_w - 2 * MARGIN - 2 * FRAME_PADDING - 1,
        page_h - 2 * MARGIN - 6 * mm - 2 * FRAME_PADDING - 1,
    )
    zoom, windows = plan_tiles(data, frame)
    story: list[Flowable] = []
    for number, window in enumerate(windows, start=1):
        caption = data.title
        if len(windows) > 1:
            caption += f" — tile {number} of {len(windows)}"
        story += [BoardTile(data, window, frame, caption, zoom), PageBreak()]
    story += _dependency_list(data, frame[0])
    return build_pdf(
        story,
        title=data.title,
        subject="ART planning board with dependencies",
        paper=paper,
        landscape_mode=True,
        footer=data.title,
    )


def _dependency_list(data: BoardPosterData, width: float) -> list[Flowable]:
    story: list[Flowable] = [
        para("Dependencies", style(16, bold=True)),
        para(
            "Health in words and colour: OK = the provider is planned earlier than the need; "
            "SAME = same iteration (at risk); LATE = planned after the need; UNPLANNED = "
            "provider (or need) not planned.",
            style(9, color=GREY),
        ),
        Spacer(1, 3 * mm),
    ]
    if not data.dependencies:
        story.append(para("No dependencies recorded.", style(10)))
        return story
    rows: list[list[Any]] = [[para("Health", bold=True), para("Dependency", bold=True)]]
    health_w = 92.0
    commands: list[tuple[Any, ...]] = []
    for index, (health, label, line, why) in enumerate(data.dependencies, start=1):
        colour = COLOURS.get(health, GREY)
        word = Paragraph(f'<font color="{colour.hexval()}"><b>{label}</b></font>', style(9.5))
        text = line.split(": ", 1)[-1]
        rows.append([word, [para(text, style(9.5)), para(why, style(8, color=GREY))]])
        commands.append(("LINEBEFORE", (0, index), (0, index), 4, colour))
    table = Table(rows, colWidths=[health_w, width - health_w], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, LIGHT),
                *commands,
            ]
        )
    )
    story.append(table)
    return story
