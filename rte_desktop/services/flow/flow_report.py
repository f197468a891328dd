"""The Flow report PDF: figures of the ART and every team, charts, aging WIP and forecasts.

Charts are drawn by matplotlib (``flow_charts``) to PNG and handed to ``reports/flow_report.py``
with the text rows; forecasts use a fixed seed, so the same data prints the same report.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from rte_desktop.domain.errors import ValidationError
from rte_desktop.services.common.files import write_atomically
from rte_desktop.services.flow.flow import FlowFigures, FlowService

if TYPE_CHECKING:  # reportlab is loaded when a report is written, not with the Flow panel
    from rte_desktop.reports.flow_report import MetricLine

REPORT_SEED = 20261125


def _line(scope: str, figures: FlowFigures) -> MetricLine:
    from rte_desktop.reports.flow_report import MetricLine

    stats = figures.flow_time
    time_text = (
        f"p50 {stats.p50:g} · p85 {stats.p85:g} · p95 {stats.p95:g} (mean {stats.mean:.1f}, "
        f"{stats.count} items)"
        if stats.count and stats.mean is not None
        else "no item finished"
    )
    return MetricLine(
        scope=scope,
        velocity=f"{figures.velocity} finished",
        distribution=", ".join(f"{k} {v:g}%" for k, v in figures.distribution.items()) or "–",
        flow_time=time_text,
        load=f"average {figures.mean_load:.1f}",
        efficiency=figures.efficiency_text(),
    )


def flow_report_pdf(
    flow: FlowService,
    art_id: int,
    first: dt.date,
    last: dt.date,
    predictability: str,
    *,
    team: str | None = None,
    paper: str = "a4",
) -> bytes:
    """The report of the ART (and each of its teams), or of one team, as PDF bytes.

    Raises:
        ValidationError: a bad window or team (as ``FlowService.figures``).
    """
    from rte_desktop.reports.flow_report import FlowReportData, render_flow_report
    from rte_desktop.services.flow import flow_charts  # matplotlib: only when a report is made

    main = flow.figures(art_id, team, first, last)
    lines = [_line(main.team or f"{main.art} (ART)", main)]
    if team is None:
        lines += [
            _line(name, flow.figures(art_id, name, first, last)) for name in flow.data(art_id).teams
        ]
    forecasts: list[str] = []
    try:
        when = flow.forecast(art_id, team, items=max(10, main.velocity), seed=REPORT_SEED)
        ahead = flow.forecast(
            art_id, team, until=main.today + dt.timedelta(days=70), seed=REPORT_SEED
        )
        days = when.by_confidence
        forecasts.append(
            f"{max(10, main.velocity)} more items (this window's velocity) done within: "
            + ", ".join(
                f"{c}%: {'more than ten years' if days[c] is None else f'{days[c]} days'}"
                for c in (50, 85, 95)
            )
        )
        forecasts.append(
            "Items done in the next 70 days: "
            + ", ".join(f"{c}%: at least {ahead.by_confidence[c]}" for c in (50, 85, 95))
        )
        forecasts.append(
            f"{when.trials:,} trials over the daily throughput of the last 90 days, "
            f"seed {when.seed}."
        )
    except ValidationError as exc:
        forecasts.append(f"No forecast: {exc}")
    charts = [
        (title, flow_charts.chart_png(draw, main)) for _key, title, draw in flow_charts.CHARTS
    ]
    data = FlowReportData(
        title=f"Flow report – {main.team or main.art}",
        window=f"{first} to {last}",
        basis=main.basis,
        predictability=predictability,
        little_law=main.little_law(),
        lines=lines,
        forecasts=forecasts,
        aging=[(a.key, a.age_days, a.band) for a in main.aging[:40]],
        charts=charts,
    )
    return render_flow_report(data, paper)


class FlowReportService:
    """Writes the Flow report PDF from the flow service's figures."""

    def __init__(self, flow: FlowService) -> None:
        self._flow = flow

    def export(
        self,
        path: Path,
        art_id: int,
        first: dt.date,
        last: dt.date,
        predictability: str,
        *,
        team: str | None = None,
        paper: str = "a4",
    ) -> Path:
        """Write the report of the ART (or ``team``) for the window; returns the path written.

        Raises:
            ValidationError: a bad window or team.
        """
        pdf = flow_report_pdf(
            self._flow, art_id, first, last, predictability, team=team, paper=paper
        )
        return write_atomically(Path(path), pdf)
