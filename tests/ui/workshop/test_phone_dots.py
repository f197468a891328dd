"""Dot voting from phones started from the workshop panel by keys: phones post over HTTP, the
panel's Pareto and device count follow, closing stops the server."""

from __future__ import annotations

import re
import socket
import threading
from collections import Counter

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from rte_desktop.phones.network import LOOPBACK
from rte_desktop.services.common.phone_devices import DeviceCount
from rte_desktop.services.workshop.phone_dots import DotTally
from rte_desktop.ui.bus import AppEvents
from rte_desktop.ui.workshop.panel import VOTE, WorkshopPanel
from rte_desktop.ui.workshop.phone_dots import PhoneDots
from rte_desktop.ui.workshop.vote_tab import COL_CAUSE, COL_DOTS, COL_PHONES
from tests.phones.client import phones
from tests.phones.dots.room import send

K = Qt.Key
ALT = Qt.KeyboardModifier.AltModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def press(qtbot, panel: WorkshopPanel, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(QApplication.focusWidget() or panel, key, modifier)


def start_on_this_computer(qtbot, panel: WorkshopPanel) -> None:
    """Alt+3 to the Vote & Pareto step, Alt+O to the network list, End: this computer only,
    Ctrl+Shift+M: start."""
    press(qtbot, panel, K.Key_3, ALT)
    assert panel.tabs.currentIndex() == VOTE
    press(qtbot, panel, K.Key_O, ALT)
    combo = panel.vote.phone_bar.network
    assert QApplication.focusWidget() is combo
    press(qtbot, panel, K.Key_End)
    assert combo.currentData() == LOOPBACK
    press(qtbot, panel, K.Key_M, CTRL_SHIFT)


def shown_dots(panel: WorkshopPanel) -> Counter[str]:
    """Cause -> dots as the panel's chart shows them."""
    return Counter({row.name: row.count for row in panel.vote.chart.rows()})


def test_phones_place_dots_in_a_voting_started_by_keys(qtbot, make_panel) -> None:
    panel = make_panel()
    shop = panel.workshop
    assert shop is not None and shop.id is not None
    ws = panel.ctx.ws
    room = Counter({c.text: c.votes for c in ws.workshop.fishbone(shop.id).causes if c.votes})
    start_on_this_computer(qtbot, panel)
    phones_on = panel.phones
    assert phones_on is not None and phones_on.running
    session = phones_on.session
    assert session is not None and session.url.startswith("http://127.0.0.1:")
    assert panel.vote.join.isVisible() and panel.vote.join.url.text() == session.url
    assert not panel.vote.table.isColumnHidden(COL_PHONES)

    wanted = Counter(room)  # the room's dots stay; the phones' come on top
    texts: dict[int, str] = {}
    for i, phone in enumerate(phones(session.url, 4)):
        page = phone.open().body
        for cause_id, text in re.findall(r"<label for=c(\d+)>(?:↳ )?([^<]+)</label>", page):
            texts[int(cause_id)] = text.replace("&amp;", "&")
        ids = sorted(texts)
        ballot = {ids[i]: 2, ids[-1]: 3}
        assert send(phone, ballot).status == 303
        wanted.update({texts[c]: n for c, n in ballot.items()})
    # the server thread's dots reach the panel (a queued signal, gathered into one refresh)
    qtbot.waitUntil(lambda: shown_dots(panel) == wanted, timeout=5000)
    assert panel.vote.join.count.text() == f"4 of {shop.participants} devices voted"
    last = texts[sorted(texts)[-1]]
    row = next(
        r
        for r in range(panel.vote.table.rowCount())
        if panel.vote.table.item(r, COL_CAUSE).text().strip().endswith(last)
    )
    assert panel.vote.table.item(row, COL_PHONES).text() == "12"

    # the fishbone (another step) gets the phones' dots when it is shown
    press(qtbot, panel, K.Key_2, ALT)
    data = panel.fishbone.view.data
    assert data is not None
    assert Counter({c.text: data.dots(c) for c in data.causes if data.dots(c)}) == wanted
    press(qtbot, panel, K.Key_3, ALT)

    port = session.server.port
    press(qtbot, panel, K.Key_M, CTRL_SHIFT)  # close the phone voting: the server stops
    assert not phones_on.running
    assert not panel.vote.join.isVisible()
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection((LOOPBACK, port), 2)
    assert not ws.phone_dots.is_open(session.round.id)
    assert shown_dots(panel) == wanted  # the dots stay on the causes
    assert panel.status.text() == "Phone voting closed; the dots stay on the causes."


def test_the_phones_stop_when_another_pi_is_shown(qtbot, make_panel) -> None:
    panel = make_panel()
    start_on_this_computer(qtbot, panel)
    assert panel.phones is not None and panel.phones.session is not None
    session = panel.phones.session
    port = session.server.port
    ws = panel.ctx.ws
    other = ws.train.pis(ws.train.arts()[0].id)[2]
    panel.set_scope(other.art_id, other.id)
    assert not panel.phones.running
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection((LOOPBACK, port), 2)
    assert ws.phone_dots.is_open(session.round.id)  # stopped serving, not closed
    assert panel.status.text() == "Phones stopped: another PI is shown."


def test_the_phones_stop_when_the_voting_is_closed_elsewhere(qtbot, make_panel) -> None:
    panel = make_panel()
    start_on_this_computer(qtbot, panel)
    assert panel.phones is not None and panel.phones.session is not None
    session = panel.phones.session
    panel.ctx.ws.phone_dots.close(session.round.id)  # another client (its change reaches the bus)
    qtbot.waitUntil(lambda: not panel.phones.running, timeout=5000)
    assert not panel.vote.join.isVisible()
    assert panel.status.text() == "The phone voting was closed: phones stopped."


def test_the_phones_stop_when_the_panel_goes(qtbot, make_panel) -> None:
    """Another train opened: the old panel is deleted, and its server with it."""
    panel = make_panel()
    start_on_this_computer(qtbot, panel)
    assert panel.phones is not None and panel.phones.session is not None
    port = panel.phones.session.server.port
    panel.deleteLater()

    def refused() -> bool:
        try:
            socket.create_connection((LOOPBACK, port), 1).close()
        except ConnectionRefusedError:
            return True
        return False

    qtbot.waitUntil(refused, timeout=5000)


def test_phone_dots_keep_the_rte_typing_a_count(qtbot, make_panel) -> None:
    """Phones vote over HTTP while the RTE types a room count: the refresh updates the "Phones"
    cells and the chart in place; the selection, the scroll position, the open editor and what
    was typed stay, and the count typed is saved and undone as usual."""
    panel = make_panel()
    panel.resize(1100, 420)  # a table shorter than its rows: it scrolls
    shop = panel.workshop
    assert shop is not None and shop.id is not None
    ws = panel.ctx.ws
    start_on_this_computer(qtbot, panel)
    session = panel.phones.session if panel.phones else None
    assert session is not None
    table = panel.vote.table
    qtbot.waitUntil(lambda: table.verticalScrollBar().maximum() > 0)
    causes = {c.id: c for c in ws.workshop.fishbone(shop.id).causes}
    rows = {table.item(r, COL_CAUSE).data(Qt.ItemDataRole.UserRole): r for r in range(len(causes))}
    items = [table.item(r, COL_CAUSE) for r in range(table.rowCount())]

    # the RTE scrolls down, picks the last row's "Dots" and starts typing 7 (not yet Enter)
    table.setFocus()
    qtbot.keyClick(table, K.Key_End, Qt.KeyboardModifier.ControlModifier)
    last = table.rowCount() - 1
    assert table.currentIndex().row() == last
    qtbot.keyClick(table, K.Key_Home)  # the row's cause
    qtbot.keyClick(table, K.Key_Right)  # its dots (the bone column is hidden beside the QR code)
    assert table.currentIndex().column() == COL_DOTS
    qtbot.keyClick(table, K.Key_7)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "7"
    assert table.state() == QAbstractItemView.State.EditingState
    scrolled = table.verticalScrollBar().value()
    assert scrolled > 0
    typed_on = next(c for c, r in rows.items() if r == last)
    before = causes[typed_on].votes

    # three phones vote over HTTP; the "Phones" cells follow, counted by hand here
    ids = sorted(causes)
    ballots = [{ids[0]: 2, ids[3]: 3}, {ids[3]: 1, typed_on: 4}, {ids[5]: 5}]
    phoned: Counter[int] = Counter()
    for phone, ballot in zip(phones(session.url, 3), ballots, strict=True):
        phone.open()
        assert send(phone, ballot).status == 303
        phoned.update(ballot)
    assert phoned == {ids[0]: 2, ids[3]: 4, typed_on: 4, ids[5]: 5}

    def phones_column() -> dict[int, int]:
        return {c: int(table.item(r, COL_PHONES).text()) for c, r in rows.items()}

    qtbot.waitUntil(lambda: phones_column() == {c: phoned[c] for c in causes}, timeout=5000)
    assert [table.item(r, COL_CAUSE) for r in range(table.rowCount())] == items  # not rebuilt
    assert QApplication.focusWidget() is editor and editor.text() == "7"
    assert table.state() == QAbstractItemView.State.EditingState
    assert (table.currentIndex().row(), table.currentIndex().column()) == (last, COL_DOTS)
    assert [i.row() for i in table.selectionModel().selectedRows()] == [last]
    assert table.verticalScrollBar().value() == scrolled
    assert panel.vote.join.count.text() == f"3 of {shop.participants} devices voted"

    # the chart: every cause's room dots plus its phones' dots, largest first (ties by name)
    total = {c.text: c.votes + phoned[c.id] for c in causes.values()}
    ranked = sorted(((n, v) for n, v in total.items() if v), key=lambda t: (-t[1], t[0].casefold()))
    assert [(r.name, r.count) for r in panel.vote.chart.rows()] == ranked
    first = panel.vote.chart.rows()[0]
    assert first.cumulative == pytest.approx(100 * ranked[0][1] / sum(total.values()))
    used = sum(total.values())
    available = shop.participants * shop.dots_per_participant
    assert used > available  # 54 in the room + 15 from phones, over the demo's 60
    assert panel.vote.budget_label.text() == (
        f"⚠ Too many dots: {used} placed, only {available} available ({used - available} over)"
    )

    # Enter saves the typed count (the room's dots only); undo puts the old count back
    qtbot.keyClick(editor, K.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)  # queued
    saved = {c.id: c for c in ws.workshop.fishbone(shop.id).causes}[typed_on]
    assert saved.votes == 7
    assert table.item(last, COL_DOTS).text() == "7" and table.item(last, COL_PHONES).text() == "4"
    assert {r.key: r.count for r in panel.vote.chart.rows()}[typed_on] == 7 + 4
    panel.ctx.undo.undo()
    undone = {c.id: c for c in ws.workshop.fishbone(shop.id).causes}[typed_on]
    assert undone.votes == before
    assert table.item(rows[typed_on], COL_DOTS).text() == str(before)
    assert table.item(rows[typed_on], COL_PHONES).text() == "4"
    assert {r.key: r.count for r in panel.vote.chart.rows()}[typed_on] == before + 4


class SlowSession:
    """A served round whose reads wait for the test (the reader thread's)."""

    workshop_id = 1

    def __init__(self) -> None:
        self.gate = threading.Event()
        self.reads = 0
        self.running = True

    def tally(self) -> DotTally:
        self.reads += 1
        read = self.reads
        assert self.gate.wait(5)
        return DotTally(True, DeviceCount(read, 0), {1: read})

    def stop(self) -> None:
        self.running = False


def test_dots_during_a_read_are_read_again_and_a_read_older_than_a_reload_is_dropped(
    qtbot,
) -> None:
    session = SlowSession()
    phones = PhoneDots(lambda *_args, **_kw: session, AppEvents())
    got: list[DotTally | None] = []
    phones.arrived.connect(got.append)
    phones.start(1, LOOPBACK)
    phones._announce()  # a gathered burst: the first read starts off the GUI thread, waits
    phones._announce()  # more dots came during it
    phones.forget_reads()  # the panel read everything again meanwhile
    session.gate.set()
    qtbot.waitUntil(lambda: len(got) == 1)
    assert session.reads == 2  # the first read dropped, the second one shown
    assert got[0] is not None and got[0].phone_dots == {1: 2}
    phones._announce()  # later dots: one read, shown
    qtbot.waitUntil(lambda: len(got) == 2)
    assert session.reads == 3 and got[1] is not None and got[1].count.devices == 3
    phones.stop()
    assert not session.running
