"""The presenter window: F5 and Esc, its type scaled to the window, the chime file."""

from __future__ import annotations

import wave

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from rte_desktop.domain.agenda_timer import TimerState
from rte_desktop.ui.agenda.chime import Chime, chime_path, chime_wav
from rte_desktop.ui.agenda.presenter_view import STYLE, AgendaPresenterView, PresenterFrame


def test_f5_shows_then_fills_the_screen_and_esc_leaves(qtbot, panel) -> None:
    qtbot.keyClick(panel.view.table, Qt.Key.Key_F5)
    window = panel.presenter_window
    assert window.isVisible() and not window.isFullScreen()
    qtbot.keyClick(panel.view.table, Qt.Key.Key_F5)
    assert window.isFullScreen()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isFullScreen()
    # Timer keys work from the presenter window too (the RTE may have clicked it).
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert panel.presenter_view.frame.badge == "RUNNING"
    other = AgendaPresenterView()
    window.show_content(other)  # another panel (the vote) takes the wall
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert panel.presenter_view.frame.badge == "RUNNING"  # not the agenda's key any more


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (3840, 2160), (1024, 768)])
def test_type_scales_with_the_window_and_fits(qtbot, size) -> None:
    view = AgendaPresenterView()
    qtbot.addWidget(view)
    view.resize(*size)
    view.set_frame(
        PresenterFrame(
            state=TimerState.OVERRUN,
            title="Management review & problem-solving",
            big="+1:02:03",
            caption="over time",
            progress=1.0,
            next_line="Next: Planning adjustments · day 2, 08:00",
            day_line="Day 1 ends 19:05 · 65 min behind",
            badge="OVERRUN",
        )
    )
    image = view.grab().toImage()
    assert image.width() == size[0]
    assert view._big_font.pixelSize() >= size[1] * 0.2
    assert view._title_font.pixelSize() >= min(size[1] / 720, size[0] / 1280) * 50
    from PySide6.QtGui import QFontMetricsF

    big = QFontMetricsF(view._big_font).horizontalAdvance("+1:02:03")
    assert big <= size[0]
    background = STYLE[TimerState.OVERRUN][0]
    assert image.pixelColor(5, size[1] // 2) == background


def test_states_differ_in_words_colour_and_shape(qtbot) -> None:
    view = AgendaPresenterView()
    qtbot.addWidget(view)
    view.resize(1280, 720)
    corners = {}
    for state in TimerState:
        view.set_frame(PresenterFrame(state=state, badge=state.value.upper(), big="01:00"))
        corners[state] = view.grab().toImage().pixelColor(5, 700).name()
    assert corners[TimerState.WRAP_UP] != corners[TimerState.RUNNING]
    assert corners[TimerState.OVERRUN] not in (
        corners[TimerState.WRAP_UP],
        corners[TimerState.RUNNING],
    )
    assert QColor(corners[TimerState.WRAP_UP]) == STYLE[TimerState.WRAP_UP][0]


def test_the_shipped_chime_is_the_generated_one_and_mute_silences(qtbot) -> None:
    assert chime_path().read_bytes() == chime_wav()
    with wave.open(str(chime_path())) as sound:
        assert sound.getnchannels() == 1 and sound.getframerate() == 22050
        assert 0.5 < sound.getnframes() / sound.getframerate() < 1.5

    class Counting(Chime):
        outputs = 0

        def _output(self) -> None:
            Counting.outputs += 1

    chime = Counting()
    chime.play()
    chime.muted = True
    chime.play()
    assert (chime.played, Counting.outputs) == (1, 1)


def test_keys_reach_the_presenter_while_the_panel_is_hidden_and_stop_when_it_closes(
    qtbot, panel
) -> None:
    qtbot.keyClick(panel.view.table, Qt.Key.Key_F5)
    window = panel.presenter_window
    panel.hide()  # the RTE went to another panel; the projector still shows the timer
    assert panel.ticker.isActive()
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert panel.presenter_view.frame.badge == "RUNNING"
    window.close()
    qtbot.waitUntil(lambda: not panel.ticker.isActive())
    # Nobody sees the timer: its keys stop filtering every event of the app.
    assert not panel._listening
    panel.show()
    assert panel._listening and panel.ticker.isActive()
