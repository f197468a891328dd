"""Vector drawings for the workshop report: the fishbone and the Pareto chart.

The fishbone uses the same domain layout as the app (``domain.fishbone.layout``), measured with
the PDF font, so the printed diagram matches the screen and never overlaps labels. Text is set
in runs: characters the main font lacks (CJK) use the bundled fallback font.
"""

from __future__ import annotations

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from rte_desktop.domain.fishbone import BoneNode, LayoutStyle, layout
from rte_desktop.domain.geometry import Box
from rte_desktop.domain.pareto import Pareto
from rte_desktop.reports._doc import (
    BLUE,
    GREY,
    LIGHT,
    ORANGE,
    font_runs,
    register_fonts,
)

TEXT_SIZE = 8.0
INK = colors.HexColor("#222222")
BONE_FILL = colors.HexColor("#dbe9f6")
HEAD_FILL = colors.HexColor("#fde9c8")


def text_width(text: str, size: float, bold: bool = False) -> float:
    return float(sum(stringWidth(chunk, font, size) for font, chunk in font_runs(text, bold)))


def text_group(
    text: str,
    x: float,
    y: float,
    size: float,
    bold: bool = False,
    anchor: str = "start",
    color: colors.Color = INK,
) -> Group:
    """One line of text at baseline (x, y) as a group of font runs."""
    register_fonts()
    width = text_width(text, size, bold)
    start = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    group = Group()
    for font, chunk in font_runs(text, bold):
        group.add(String(start, y, chunk, fontName=font, fontSize=size, fillColor=color))
        start += stringWidth(chunk, font, size)
    return group


def fishbone_drawing(
    tree: tuple[BoneNode, ...], problem: str, max_width: float, max_height: float
) -> Drawing:
    """The fishbone scaled to fit (enlarged at most 1.5 times), as a reportlab Drawing."""
    register_fonts()
    size = TEXT_SIZE
    style = LayoutStyle(
        line_height=size * 1.25,
        pad=3,
        row_gap=4,
        indent=18,
        rib_gap=7,
        bone_gap=26,
        spine_gap=16,
        max_label_width=150,
        head_width=150,
        head_gap=16,
        margin=4,
    )
    result = layout(
        tree,
        problem,
        lambda s: text_width(s, size),
        style,
        heading_measure=lambda s: text_width(s, size, bold=True),
    )
    height = result.height
    group = Group()

    def flip(y: float) -> float:
        return height - y

    def line(
        x1: float, y1: float, x2: float, y2: float, width: float, color: colors.Color = INK
    ) -> None:
        group.add(Line(x1, flip(y1), x2, flip(y2), strokeWidth=width, strokeColor=color))

    def label(box: Box, lines: tuple[str, ...], bold: bool, fill: colors.Color | None) -> None:
        if fill is not None:
            group.add(
                Rect(
                    box.x,
                    flip(box.bottom),
                    box.w,
                    box.h,
                    fillColor=fill,
                    strokeColor=INK,
                    strokeWidth=0.6,
                    rx=2,
                    ry=2,
                )
            )
        for index, text in enumerate(lines):
            baseline = box.y + style.pad + index * style.line_height + size * 0.95
            group.add(text_group(text, box.x + style.pad, flip(baseline), size, bold))

    spine = result.spine
    line(spine.x1, spine.y1, spine.x2, spine.y2, 2.2)
    for bone in result.bones:
        line(bone.rib.x1, bone.rib.y1, bone.rib.x2, bone.rib.y2, 1.4)
        label(bone.label.box, bone.label.lines, True, BONE_FILL)
    for cause in result.causes:
        for seg in cause.connectors:
            line(seg.x1, seg.y1, seg.x2, seg.y2, 0.7, GREY if cause.depth else INK)
        label(cause.label.box, cause.label.lines, False, None)
    label(result.head.box, result.head.lines, True, HEAD_FILL)

    scale = min(1.5, max_width / result.width, max_height / result.height)
    group.scale(scale, scale)
    drawing = Drawing(result.width * scale, result.height * scale)
    drawing.add(group)
    return drawing


def _short(text: str, limit: int = 26) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def pareto_drawing(chart: Pareto, width: float, height: float = 230) -> Drawing:
    """Bars in descending order, cumulative % on a right axis, the 80% line, vital few in blue.

    Only causes with dots are drawn; the vote table lists every cause.
    """
    register_fonts()
    rows = [r for r in chart.rows if r.count > 0]
    drawing = Drawing(width, height)
    left, right, top, bottom = 34.0, 40.0, 18.0, 92.0
    plot_w, plot_h = width - left - right, height - top - bottom
    if not rows:
        drawing.add(text_group("No dots yet.", width / 2, height / 2, 10, anchor="middle"))
        return drawing
    peak = max(r.count for r in rows)
    step = max(1, -(-peak // 5))
    axis_max = step * -(-peak // step)

    def y_count(value: float) -> float:
        return bottom + plot_h * value / axis_max

    def y_percent(value: float) -> float:
        return bottom + plot_h * value / 100

    for tick in range(0, axis_max + 1, step):
        drawing.add(
            Line(
                left,
                y_count(tick),
                left + plot_w,
                y_count(tick),
                strokeColor=LIGHT,
                strokeWidth=0.5,
            )
        )
        drawing.add(text_group(str(tick), left - 4, y_count(tick) - 3, 7, anchor="end"))
    for tick in (0, 20, 40, 60, 80, 100):
        drawing.add(text_group(f"{tick}%", left + plot_w + 4, y_percent(tick) - 3, 7))
    slot = plot_w / len(rows)
    bar_w = slot * 0.7
    points: list[float] = []
    for index, row in enumerate(rows):
        x = left + index * slot + (slot - bar_w) / 2
        fill = BLUE if row.vital else colors.HexColor("#b9b9b9")
        drawing.add(
            Rect(
                x,
                bottom,
                bar_w,
                y_count(row.count) - bottom,
                fillColor=fill,
                strokeColor=INK,
                strokeWidth=0.4,
            )
        )
        inside = y_count(row.count) - bottom > 14  # the count sits inside tall bars, in white
        drawing.add(
            text_group(
                str(row.count),
                x + bar_w / 2,
                y_count(row.count) + (-10 if inside else 2),
                7,
                bold=inside,
                anchor="middle",
                color=colors.white if inside and row.vital else INK,
            )
        )
        centre = x + bar_w / 2
        points += [centre, y_percent(row.cumulative)]
        name = Group(text_group(f"{row.rank}. {_short(row.name)}", 0, 0, 7, anchor="end"))
        name.translate(centre + 2, bottom - 6)
        name.rotate(40)
        drawing.add(name)
    cut = left + len(chart.vital_few) * slot
    threshold_y = y_percent(chart.threshold)
    drawing.add(
        Line(
            left,
            threshold_y,
            left + plot_w,
            threshold_y,
            strokeColor=ORANGE,
            strokeWidth=1,
            strokeDashArray=[4, 3],
        )
    )
    drawing.add(
        text_group(
            f"{chart.threshold:g}%",
            left + plot_w - 2,
            threshold_y + 3,
            7,
            anchor="end",
            color=ORANGE,
        )
    )
    if chart.vital_few and len(chart.vital_few) < len(rows):
        drawing.add(
            Line(
                cut,
                bottom,
                cut,
                bottom + plot_h,
                strokeColor=ORANGE,
                strokeWidth=0.8,
                strokeDashArray=[2, 2],
            )
        )
    drawing.add(
        text_group(
            f"Blue bars: the vital few (together at least {chart.threshold:g}% of the dots)",
            left + plot_w / 2,
            bottom + plot_h + 6,
            8,
            bold=True,
            color=BLUE,
            anchor="middle",
        )
    )
    drawing.add(PolyLine(points, strokeColor=INK, strokeWidth=1.2))
    for index in range(0, len(points), 2):
        drawing.add(Circle(points[index], points[index + 1], 2, fillColor=INK, strokeColor=INK))
    drawing.add(Line(left, bottom, left, bottom + plot_h, strokeColor=INK, strokeWidth=0.8))
    drawing.add(
        Line(
            left + plot_w, bottom, left + plot_w, bottom + plot_h, strokeColor=INK, strokeWidth=0.8
        )
    )
    drawing.add(Line(left, bottom, left + plot_w, bottom, strokeColor=INK, strokeWidth=0.8))
    drawing.add(text_group("Dots", left - 4, bottom + plot_h + 6, 7, anchor="end"))
    drawing.add(text_group("Cumulative", left + plot_w + 4, bottom + plot_h + 6, 7))
    return drawing
