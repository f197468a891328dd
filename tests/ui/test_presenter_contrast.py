"""Every text on the presenter reads from the back of the room: WCAG contrast 4.5:1 or more.

Measured on the painted pixels (see ``tests/ui/contrast.py``) in every state the wall shows:
the agenda timer (ready, running, wrap-up, overrun, paused, finished; a full paint and the
one-second repaint of the live area), the confidence vote (pass, fail, hidden, waiting,
more ballots than eligible) and Business Owner scoring, in the light and the dark theme.
"""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtGui import QRegion
from PySide6.QtWidgets import QApplication

from rte_desktop.domain.agenda_timer import TimerState
from rte_desktop.domain.model import Objective
from rte_desktop.ui.agenda import presenter_view
from rte_desktop.ui.agenda.display import state_word
from rte_desktop.ui.agenda.presenter_view import AgendaPresenterView, PresenterFrame
from rte_desktop.ui.objectives.scoring import ScoringView
from rte_desktop.ui.presenter.window import PresenterWindow
from rte_desktop.ui.theme import apply_theme
from rte_desktop.ui.vote import display as vote_display
from rte_desktop.ui.vote.projector import VoteProjectorView
from rte_desktop.ui.vote.state import DisplayState
from tests.ui.contrast import SkippingPainter, failures, label_texts, painted_texts, render

SIZE = (1280, 720)

CAPTIONS = {
    TimerState.IDLE: "planned - ready to start",
    TimerState.RUNNING: "remaining",
    TimerState.WRAP_UP: "remaining - time to wrap up",
    TimerState.OVERRUN: "over time",
    TimerState.PAUSED: "remaining - paused",
    TimerState.FINISHED: "agenda finished",
}


@pytest.fixture(params=["light", "dark"])
def theme(request, qapp):
    app = QApplication.instance()
    palette, style = app.palette(), app.style().name()
    apply_theme(app, request.param)
    yield request.param
    app.setStyle(style)
    app.setPalette(palette)


def _frame(state: TimerState, big: str = "12:34") -> PresenterFrame:
    return PresenterFrame(
        state=state,
        title="Architecture vision & development practices",
        big="END" if state is TimerState.FINISHED else big,
        caption=CAPTIONS[state],
        progress=0.4 if state is not TimerState.IDLE else 0.0,
        next_line="Next: Planning context & lunch  ·  12:00",
        day_line="Day 1 ends 17:35 · 5 min behind",
        badge=state_word(state),
    )


@pytest.mark.parametrize("state", list(TimerState))
def test_agenda_presenter_texts_reach_aa(qtbot, theme, monkeypatch, state) -> None:
    monkeypatch.setattr(presenter_view, "QPainter", SkippingPainter)
    window = PresenterWindow()
    qtbot.addWidget(window)
    view = AgendaPresenterView()
    window.show_content(view)
    window.resize(*SIZE)
    window.show()
    qtbot.waitExposed(window)
    view.set_frame(_frame(state))

    def clear_glyphs() -> None:
        view._glyphs.clear()

    full = list(painted_texts(lambda: render(view), clear_glyphs))
    assert {r.text for r in full} >= {CAPTIONS[state], state_word(state), view.frame.big[0]}
    # The once-a-second repaint: only the number, its caption and the bar are painted again.
    base = render(view)
    view.set_frame(dataclasses.replace(view.frame, big="12:33"))
    live = QRegion(view._live_rect)
    ticks = list(painted_texts(lambda: render(view, live, base), clear_glyphs))
    assert CAPTIONS[state] in {r.text for r in ticks}
    bad = failures(full, f"{state} full") + failures(ticks, f"{state} tick")
    assert not bad, "\n".join(bad)


def _vote(**changes: object) -> DisplayState:
    state = DisplayState(
        scope="Phoenix",
        detail="Round 1 · voting open",
        counts=(1, 2, 3, 5, 2),
        participation="13 of 14 voted (93%)",
        average="3.31",
        verdict="PASS",
        passed=True,
        threshold="Passes at an average of 3.00 or more",
        to_be_heard=3,
    )
    return dataclasses.replace(state, **changes)


VOTES = {
    "pass": _vote(),
    "fail": _vote(counts=(5, 4, 2, 1, 1), average="2.23", verdict="FAIL", passed=False),
    "nobody low": _vote(counts=(0, 0, 3, 5, 2), average="3.90", to_be_heard=0),
    "hidden": _vote(
        detail="Round 1 · voting open · hidden",
        counts=None,
        average=None,
        verdict=None,
        passed=None,
        to_be_heard=None,
        hidden=True,
        message="Votes are hidden until the RTE reveals them",
    ),
    "waiting": _vote(
        detail="No vote yet",
        counts=None,
        participation="",
        average=None,
        verdict=None,
        passed=None,
        to_be_heard=None,
        message="Waiting for the vote to start",
    ),
    "no ballots": _vote(counts=(0, 0, 0, 0, 0), average="–", verdict=None, passed=None),
    "over count": _vote(
        participation="7 of 6 voted (117%)",
        warning="More ballots (7) than people eligible (6): count again",
    ),
}


@pytest.mark.parametrize("name", list(VOTES))
def test_vote_on_the_wall_texts_reach_aa(qtbot, theme, monkeypatch, name) -> None:
    monkeypatch.setattr(vote_display, "QPainter", SkippingPainter)
    window = PresenterWindow()
    qtbot.addWidget(window)
    view = VoteProjectorView()
    window.show_content(view)
    window.resize(*SIZE)
    window.show()
    qtbot.waitExposed(window)
    view.set_state(VOTES[name])
    results = list(painted_texts(lambda: render(view.display)))
    assert "Phoenix" in {r.text for r in results}
    bad = failures(results, f"vote {name}")
    assert not bad, "\n".join(bad)


def test_business_owner_scoring_texts_reach_aa(qtbot, theme) -> None:
    window = PresenterWindow()
    qtbot.addWidget(window)
    view = ScoringView(lambda *_: True)
    window.show_content(view)
    window.resize(*SIZE)
    window.show()
    qtbot.waitExposed(window)
    objectives = [
        Objective(id=1, pi_id=1, team_id=1, position=0, text="Pay by invoice", planned_bv=8),
        Objective(
            id=2, pi_id=1, team_id=1, position=1, text="Spike: offline maps", committed=False
        ),
    ]
    view.set_items([("Phoenix", o) for o in objectives], 1)
    results = list(label_texts(window))
    view.toggle_field()  # scoring the actual value: the other box is the active one
    view.go(1)  # an uncommitted objective without values
    results += list(label_texts(window))
    assert {"Pay by invoice", "COMMITTED", "UNCOMMITTED"} <= {r.text for r in results}
    bad = failures(results, "scoring")
    assert not bad, "\n".join(bad)
