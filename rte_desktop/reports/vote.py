"""The confidence-vote report: summary of every scope, each round's histogram, concerns, trend.

Takes plain data (the dataclasses below, built by ``services/vote/vote_report.py``). Results are
printed in words and symbols as well as colour (✔ PASS, ✘ FAIL, ⚠ to be heard). Counts of a
hidden round that was never revealed are not printed.
"""

from __future__ import annotations

from typing import Any

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Spacer, Table, TableStyle

from rte_desktop.reports._doc import (
    BLUE,
    GREEN,
    GREY,
    LIGHT,
    ORANGE,
    RED,
    SANS,
    SANS_BOLD,
    build_pdf,
    para,
    style,
)
from rte_desktop.reports.vote_data import (
    SCALE,
    RoundLine,
    TrendLine,
    VoteReportData,
)


def verdict(passed: bool | None, hidden: bool = False) -> str:
    """The result in words with a symbol: "✔ PASS", "✘ FAIL", "hidden", "no ballots"."""
    if hidden:
        return "hidden"
    if passed is None:
        return "no ballots"
    return "✔ PASS" if passed else "✘ FAIL"


def _verdict_colour(passed: bool | None) -> Any:
    return GREY if passed is None else (GREEN if passed else RED)


def _participation(line: RoundLine) -> str:
    if line.eligible <= 0:
        return f"{line.ballots} ballots (eligible voters not set)"
    return f"{line.ballots} of {line.eligible} eligible ({100 * line.ballots / line.eligible:.0f}%)"


def _heard(line: RoundLine) -> str:
    if line.to_be_heard is None:
        return "hidden"
    return f"⚠ {line.to_be_heard} to be heard" if line.to_be_heard else "none"


def _summary_table(data: VoteReportData) -> Table:
    rows: list[list[Any]] = [
        [
            para(h, style(9, bold=True))
            for h in (
                "Scope",
                "Round",
                "Ballots / eligible",
                "Average",
                "Result",
                "To be heard",
                "Concerns (all rounds)",
            )
        ]
    ]
    colours = []
    for index, scope in enumerate(data.scopes, start=1):
        if not scope.rounds:
            rows.append([para(scope.name, style(9)), "–", "–", "–", "not voted", "–", "–"])
            colours.append((index, GREY))
            continue
        last = scope.rounds[-1]
        hidden = last.counts is None
        concerns = [c for line in scope.rounds for c in line.concerns]
        risks = sum(1 for c in concerns if c.risk)
        rounds = f"{last.round_no} of {len(scope.rounds)}" if len(scope.rounds) > 1 else "1"
        rounds += "" if last.closed else " (open)"
        rows.append(
            [
                para(scope.name, style(9)),
                para(rounds, style(9, align=1)),
                f"{last.ballots} / {last.eligible}" if last.eligible else str(last.ballots),
                "hidden" if hidden else last.average,
                verdict(last.passed, hidden),
                "hidden" if hidden else (str(last.to_be_heard) if last.to_be_heard else "–"),
                f"{len(concerns)} ({risks} risk{'' if risks == 1 else 's'})" if concerns else "–",
            ]
        )
        colours.append((index, GREY if hidden else _verdict_colour(last.passed)))
    table = Table(
        rows,
        colWidths=[44 * mm, 19 * mm, 22 * mm, 21 * mm, 24 * mm, 22 * mm, 28 * mm],
        repeatRows=1,
    )
    commands: list[Any] = [
        ("FONT", (0, 0), (-1, -1), SANS, 9),
        ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#bbbbbb")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (1, 1), (5, -1), "CENTER"),
    ]
    for row, colour in colours:
        commands += [
            ("TEXTCOLOR", (4, row), (4, row), colour),
            ("FONT", (4, row), (4, row), SANS_BOLD, 9),
        ]
    table.setStyle(TableStyle(commands))
    return table


def histogram(counts: tuple[int, ...], width: float = 62 * mm, height: float = 30 * mm) -> Drawing:
    """Five bars (1..5) with their counts above; 1 and 2 in orange (to be heard)."""
    drawing = Drawing(width, height)
    top = max(counts) or 1
    slot = width / 5
    base = 9.0
    usable = height - base - 11
    for index, (value, count) in enumerate(zip(SCALE, counts, strict=True)):
        x = index * slot + slot * 0.15
        bar = usable * count / top
        fill = ORANGE if value <= 2 else BLUE
        drawing.add(Rect(x, base, slot * 0.7, bar, fillColor=fill, strokeColor=None))
        drawing.add(
            String(
                x + slot * 0.35,
                base + bar + 2,
                str(count),
                fontName=SANS_BOLD,
                fontSize=9,
                textAnchor="middle",
            )
        )
        drawing.add(
            String(
                x + slot * 0.35,
                0,
                str(value),
                fontName=SANS,
                fontSize=8,
                textAnchor="middle",
                fillColor=GREY,
            )
        )
    drawing.add(Line(0, base, width, base, strokeColor=GREY, strokeWidth=0.5))
    return drawing


def _round_block(scope: str, line: RoundLine, total: int) -> list[Any]:
    latest = line.round_no == total
    title = f"{scope} — round {line.round_no}" + (" (latest)" if latest and total > 1 else "")
    hidden = line.counts is None
    facts = [
        ("Result", verdict(line.passed, hidden)),
        ("Average", "hidden" if hidden else line.average),
        ("Ballots", _participation(line)),
        ("To be heard", _heard(line)),
        ("Entry", line.mode),
        ("Opened", line.opened),
        ("Closed", line.closed or "still open"),
    ]
    fact_rows = [
        [para(k, style(8.5, color=GREY)), para(v, style(9.5, bold=k == "Result"))] for k, v in facts
    ]
    fact_table = Table(fact_rows, colWidths=[24 * mm, 78 * mm])
    fact_table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("TEXTCOLOR", (1, 0), (1, 0), GREY if hidden else _verdict_colour(line.passed)),
            ]
        )
    )
    if hidden:
        left: Any = para("Counts hidden: this round was never revealed.", style(9, color=GREY))
        counts_row: list[Any] = ["Votes", *(["?"] * 5)]
    else:
        assert line.counts is not None
        left = histogram(line.counts)
        counts_row = ["Votes", *(str(c) for c in line.counts)]
    counts_table = Table(
        [["Fingers", *(str(v) for v in SCALE)], counts_row], colWidths=[16 * mm] + [9 * mm] * 5
    )
    counts_table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), SANS, 8.5),
                ("TEXTCOLOR", (0, 0), (-1, 0), GREY),
                ("ALIGN", (1, 0), (-1, -1), "CENTER"),
                ("GRID", (0, 0), (-1, -1), 0.3, colors.HexColor("#cccccc")),
            ]
        )
    )
    body = Table(
        [[[left, Spacer(1, 2 * mm), counts_table], fact_table]], colWidths=[66 * mm, 104 * mm]
    )
    body.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    block: list[Any] = [para(title, style(11.5, bold=True)), Spacer(1, 1.5 * mm), body]
    if line.concerns:
        block.append(para("Concerns", style(9.5, bold=True)))
        for concern in line.concerns:
            who = []
            if concern.vote is not None:
                who.append(f"voted {concern.vote}")
            if concern.voter:
                who.append(concern.voter)
            suffix = f" ({', '.join(who)})" if who else ""
            risk = f"  → risk, {concern.risk}" if concern.risk else "  (not a risk)"
            block.append(para(f"• {concern.text}{suffix}{risk}", style(9.5)))
    if line.comments:
        block.append(para("Ballot comments", style(9.5, bold=True)))
        block += [para(f"• {c}", style(9)) for c in line.comments]
    block.append(Spacer(1, 5 * mm))
    return [KeepTogether(block)]


def trend_chart(
    trend: tuple[TrendLine, ...], threshold: float, width: float = 170 * mm, height: float = 60 * mm
) -> Drawing:
    """The ART vote average per PI on a 1..5 axis with the pass line (dashed)."""
    drawing = Drawing(width, height)
    left, bottom, right, top = 16.0, 16.0, width - 8, height - 8

    def y_of(value: float) -> float:
        return bottom + (value - 1) / 4 * (top - bottom)

    for value in SCALE:
        y = y_of(value)
        drawing.add(Line(left, y, right, y, strokeColor=LIGHT, strokeWidth=0.6))
        drawing.add(
            String(
                left - 4,
                y - 3,
                str(value),
                fontName=SANS,
                fontSize=8,
                textAnchor="end",
                fillColor=GREY,
            )
        )
    ty = y_of(threshold)
    drawing.add(Line(left, ty, right, ty, strokeColor=GREY, strokeWidth=1, strokeDashArray=[4, 3]))
    drawing.add(
        String(
            right,
            ty + 3,
            f"pass ≥ {threshold:.2f}",
            fontName=SANS,
            fontSize=8,
            textAnchor="end",
            fillColor=GREY,
        )
    )
    step = (right - left) / max(len(trend), 1)
    points: list[float] = []
    for index, line in enumerate(trend):
        x = left + step * (index + 0.5)
        drawing.add(String(x, 2, line.pi, fontName=SANS, fontSize=8, textAnchor="middle"))
        if line.average is None:
            drawing.add(
                String(
                    x,
                    bottom + 4,
                    "no ART vote",
                    fontName=SANS,
                    fontSize=7.5,
                    textAnchor="middle",
                    fillColor=GREY,
                )
            )
            continue
        y = y_of(line.average)
        points += [x, y]
        if line.passed:
            drawing.add(Circle(x, y, 3.5, fillColor=GREEN, strokeColor=None))
        else:
            drawing.add(
                Polygon([x - 4, y + 3.5, x + 4, y + 3.5, x, y - 4], fillColor=RED, strokeColor=None)
            )
        drawing.add(
            String(
                x,
                y + 6,
                f"{line.average_label} {verdict(line.passed)}",
                fontName=SANS_BOLD,
                fontSize=8,
                textAnchor="middle",
            )
        )
    if len(points) >= 4:
        drawing.insert(0, PolyLine(points, strokeColor=BLUE, strokeWidth=1.2))
    return drawing


def render_vote_report(data: VoteReportData, paper: str = "a4") -> bytes:
    """The whole report as PDF bytes (deterministic for the same data)."""
    story: list[Any] = [
        para(f"Confidence vote — {data.pi}", style(20, bold=True)),
        para(
            f"{data.art} · passes at an average ≥ {data.threshold:.2f} · anyone voting 1 or 2 is "
            f"to be heard · times in {data.time_zone}",
            style(10, color=GREY),
        ),
        Spacer(1, 5 * mm),
        para("Summary (latest round of each vote)", style(13, bold=True)),
        Spacer(1, 2 * mm),
        _summary_table(data),
        Spacer(1, 7 * mm),
    ]
    for scope in data.scopes:
        for line in scope.rounds:
            story += _round_block(scope.name, line, len(scope.rounds))
    if data.trend:
        story += [
            CondPageBreak(95 * mm),
            para("The ART's vote across PIs", style(13, bold=True)),
            Spacer(1, 2 * mm),
            trend_chart(data.trend, data.threshold),
            Spacer(1, 3 * mm),
        ]
        rows = [["PI", "ART average", "Result"]] + [
            [
                para(t.pi, style(9)),
                t.average_label,
                verdict(t.passed) if t.average is not None else "no ART vote",
            ]
            for t in data.trend
        ]
        table = Table(rows, colWidths=[50 * mm, 30 * mm, 30 * mm])
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), SANS, 9),
                    ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
                    ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#bbbbbb")),
                ]
            )
        )
        story.append(table)
    return build_pdf(
        story,
        title=f"Confidence vote {data.pi}",
        subject=f"{data.art}: confidence vote of {data.pi}",
        paper=paper,
        footer=f"{data.art} · confidence vote · {data.pi}",
    )
