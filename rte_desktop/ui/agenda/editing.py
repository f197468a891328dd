"""Editing the agenda from the panel: every change through the service, undoable.

Every change is one step on the one undo recipe (``ui.undo_recipes``): undo restores a snapshot
of the agenda taken before the change (``AgendaService.layout``), redo the one taken after the
first run, so ids stay stable for the undo steps around it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QComboBox, QMenu, QStyledItemDelegate

from rte_desktop.domain.errors import ValidationError
from rte_desktop.services.agenda.agenda import AgendaService
from rte_desktop.ui.agenda import models
from rte_desktop.ui.agenda.models import AgendaTableModel
from rte_desktop.ui.agenda.view import AgendaView
from rte_desktop.ui.shortcuts import bind, bind_each
from rte_desktop.ui.undo_recipes import push_created, push_replaced

if TYPE_CHECKING:
    from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex
    from PySide6.QtWidgets import QStyleOptionViewItem, QWidget

    from rte_desktop.domain.model import Agenda
    from rte_desktop.services.agenda.agenda_timer import AgendaRunData
    from rte_desktop.ui.undo import UndoStack


def parse_time(text: str) -> dt.time:
    """'9:05', '09:05' or '0905' as a time of day; a clear message otherwise."""
    cleaned = text.strip().replace(".", ":").replace("h", ":")
    if cleaned.isdigit() and len(cleaned) in (3, 4):
        cleaned = f"{cleaned[:-2]}:{cleaned[-2:]}"
    try:
        hours, minutes = (int(part) for part in cleaned.split(":"))
        return dt.time(hours, minutes)
    except ValueError:
        raise ValidationError(f"'{text}' is not a time of day; write it like 09:30.") from None


def parse_minutes(text: str) -> int | None:
    """Minutes as a whole number; empty or '?' means open-ended."""
    cleaned = text.strip().lower().removesuffix("min").strip()
    if cleaned in ("", "?", "open"):
        return None
    if not cleaned.isdigit():
        raise ValidationError(f"'{text}' is not a number of minutes (leave it empty: open-ended).")
    return int(cleaned)


class KindDelegate(QStyledItemDelegate):
    """A drop-down for the Type column (all-hands, breakout, break)."""

    def createEditor(  # noqa: N802 (Qt override)
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        combo = QComboBox(parent)
        combo.addItems(list(models.KINDS))
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        editor.setCurrentText(str(index.data()))

    def setModelData(  # noqa: N802 (Qt override)
        self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentText())


class AgendaHost(Protocol):
    """What the editor reads of the panel it edits for (the panel, structurally)."""

    @property
    def pi_id(self) -> int | None: ...

    @property
    def agenda_id(self) -> int | None: ...

    @property
    def data(self) -> AgendaRunData | None: ...

    @property
    def shown_day(self) -> int: ...

    def choose_agenda(self, agenda_id: int | None) -> None: ...

    def guard(self, action: object) -> bool: ...


class AgendaEditor(QObject):
    """Creates agendas and edits, inserts, deletes and moves their items, each one undo step.

    Args:
        host: the panel: which agenda and day it shows, where refusals are shown.
        view: the panel's widgets (table, buttons, time zone box).
        model: the day's table model (its edits and drops come here).
        agenda: the agenda service (the one write path).
        undo: the window's undo stack.
    """

    def __init__(
        self,
        host: AgendaHost,
        view: AgendaView,
        model: AgendaTableModel,
        agenda: AgendaService,
        undo: UndoStack,
    ) -> None:
        super().__init__(view)
        self.host, self.view, self.model = host, view, model
        self.agenda, self.undo = agenda, undo
        self.template_menu = QMenu(view)
        view.new_button.setMenu(self.template_menu)
        model.edit_requested = self.edit_cell
        model.move_requested = self.move_within_day
        view.table.setItemDelegateForColumn(models.KIND, KindDelegate(view.table))
        view.insert_button.clicked.connect(self.insert_after_selected)
        view.delete_button.clicked.connect(self.delete_selected)
        view.up_button.clicked.connect(partial(self.move_selected, -1))
        view.down_button.clicked.connect(partial(self.move_selected, 1))
        zone_edit = view.zone_combo.lineEdit()
        assert zone_edit is not None
        zone_edit.editingFinished.connect(self.zone_edited)
        view.zone_combo.activated.connect(lambda _i: self.zone_edited())
        bind(view.table, "agenda.table.insert", self.insert_after_selected)
        bind(view.table, "agenda.table.delete", self.delete_selected)
        moves = [partial(self.move_selected, -1), partial(self.move_selected, 1)]
        bind_each(view.table, "agenda.table.move", moves)

    # -- helpers ---------------------------------------------------------------------------------

    def selected_item_id(self) -> int | None:
        index = self.view.table.currentIndex()
        item = self.model.item_at(index.row()) if index.isValid() else None
        return item.id if item else None

    def select(self, item_id: int | None) -> None:
        row = self.model.row_of(item_id)
        if row >= 0:
            table = self.view.table
            table.setCurrentIndex(self.model.index(row, models.TITLE))

    def undoable(self, text: str, change: Callable[[], object]) -> bool:
        """Run ``change`` on the current agenda as one undo step; a refusal shows its message.

        Undo and redo restore snapshots of the whole agenda (``AgendaService.layout``) taken
        before and after the first run, ids included.
        """
        agenda_id = self.host.agenda_id
        if agenda_id is None:
            return False
        return self.host.guard(
            lambda: push_replaced(
                self.undo, text, change, lambda: self.agenda.layout(agenda_id), self.agenda.restore
            )
        )

    # -- agendas -----------------------------------------------------------------------------------

    def fill_template_menu(self) -> None:
        self.template_menu.clear()
        for key, title in self.agenda.templates():
            action = self.template_menu.addAction(title)
            action.triggered.connect(partial(self.create_agenda, key))

    def create_agenda(self, key: str, _checked: bool = False) -> None:
        pi_id = self.host.pi_id
        if pi_id is None:
            return

        def create() -> Agenda:
            made = self.agenda.create_from_template(pi_id, key).value
            assert made.id is not None
            self.host.choose_agenda(made.id)
            return made

        self.host.guard(
            lambda: push_created(
                self.undo,
                self.tr("New agenda"),
                create,
                lambda made: self.agenda.delete_agenda(made.id or 0).value,
                self.agenda.restore,
            )
        )

    def zone_edited(self) -> None:
        agenda_id = self.host.agenda_id
        data = self.host.data
        text = self.view.zone_combo.currentText().strip()
        if agenda_id is None or data is None or text == (data.agenda.second_time_zone or ""):
            return
        self.undoable(
            self.tr("Second time zone"),
            lambda: self.agenda.set_second_time_zone(agenda_id, text or None),
        )

    # -- items ---------------------------------------------------------------------------------

    def edit_cell(self, item_id: int, field: str, text: str) -> bool:
        # The item as this window shows it: another client's edit of the same field since
        # then is refused instead of overwritten.
        data = self.host.data
        seen = next((i for i in data.items if i.id == item_id), None) if data else None

        def change() -> None:
            edit = self.agenda.edit_item
            if field == "start":
                edit(item_id, seen, start=parse_time(text))
            elif field == "duration_min":
                edit(item_id, seen, duration_min=parse_minutes(text))
            elif field == "kind":
                kinds = models.KINDS
                edit(item_id, seen, is_break=text == kinds[2], all_hands=text == kinds[0])
            else:
                edit(item_id, seen, **{field: text})

        return self.undoable(self.tr("Edit agenda item"), change)

    def insert_after_selected(self) -> None:
        agenda_id = self.host.agenda_id
        if agenda_id is None:
            return
        after = self.selected_item_id()
        if after is None and self.model.items:
            after = self.model.items[-1].id
        day = self.host.shown_day
        new_ids: list[int] = []

        def change() -> None:
            item = self.agenda.insert_item(agenda_id, after, self.tr("New item"), 15, day)
            new_ids.append(item.value.id or 0)

        if self.undoable(self.tr("Insert agenda item"), change) and new_ids:
            self.select(new_ids[0])
            table = self.view.table
            table.edit(self.model.index(table.currentIndex().row(), models.TITLE))

    def delete_selected(self) -> None:
        item_id = self.selected_item_id()
        if item_id is None:
            return
        row = self.model.row_of(item_id)
        if self.undoable(self.tr("Delete agenda item"), lambda: self.agenda.delete_item(item_id)):
            last = self.model.rowCount() - 1
            self.view.table.setCurrentIndex(self.model.index(max(0, min(row, last)), models.TITLE))

    def move_selected(self, step: int) -> None:
        item_id = self.selected_item_id()
        if item_id is None:
            return
        row = self.model.row_of(item_id) + step
        if 0 <= row < self.model.rowCount():
            self.move_within_day(item_id, row)

    def move_within_day(self, item_id: int, index: int) -> None:
        day = self.host.shown_day
        if self.undoable(
            self.tr("Move agenda item"), lambda: self.agenda.move_item(item_id, day, index)
        ):
            self.select(item_id)
