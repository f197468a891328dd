"""The flow charts are legible on the wall in both themes: every label stands out from its
background, and the percentile labels on the scatter plot never overlap."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure

from rte_desktop.services.flow.flow_charts import CHARTS, draw_cfd, draw_scatter
from rte_desktop.workspace import Workspace


def _luminance(colour: object) -> float:
    r, g, b = to_rgb(colour)  # type: ignore[arg-type]
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


@pytest.fixture
def figures(demo_ws: Workspace):
    art = demo_ws.train.arts()[0]
    today = dt.date(2026, 12, 5)
    return demo_ws.flow.figures(art.id, None, today - dt.timedelta(days=90), today)


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("chart", [c[0] for c in CHARTS])
def test_every_text_stands_out_from_the_background(figures, chart: str, dark: bool) -> None:
    draw = dict((key, fn) for key, _title, fn in CHARTS)[chart]
    figure = Figure(figsize=(9, 4))
    draw(figure, figures, dark)
    ax = figure.axes[0]
    background = _luminance(ax.get_facecolor())
    texts = [*ax.texts, ax.title, ax.xaxis.label, ax.yaxis.label]
    texts += [t for t in ax.get_xticklabels() + ax.get_yticklabels() if t.get_text()]
    for text in (t for t in texts if t.get_text()):
        assert abs(_luminance(text.get_color()) - background) > 0.5, (chart, text.get_text())


def test_percentile_labels_never_overlap(figures) -> None:
    close = dataclasses.replace(figures.flow_time, p50=10.0, p85=18.0, p95=18.5)  # p85 ~ p95
    figure = Figure(figsize=(9, 4))
    draw_scatter(figure, dataclasses.replace(figures, flow_time=close), dark=False)
    renderer = FigureCanvasAgg(figure).get_renderer()
    boxes = [t.get_window_extent(renderer) for t in figure.axes[0].texts]
    assert len(boxes) == 3  # p50, p85, p95
    for i, box in enumerate(boxes):
        for other in boxes[i + 1 :]:
            assert not box.overlaps(other)


def test_the_cfd_counts_from_the_windows_first_day(demo_ws: Workspace) -> None:
    art = demo_ws.train.arts()[0]
    today = dt.date(2026, 12, 5)
    figures = demo_ws.flow.figures(art.id, None, today - dt.timedelta(days=20), today)
    names = list(figures.cfd)
    done_before = figures.cfd[names[-1]][0]
    assert done_before > 0  # the demo finished items before these 20 days
    figure = Figure(figsize=(9, 4))
    draw_cfd(figure, figures)
    top = figure.axes[0].dataLim.ymax
    shown = len(figures.elapsed())
    assert top == figures.cfd[names[0]][shown - 1] - done_before  # arrivals since day one
