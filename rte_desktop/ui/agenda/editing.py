"""Editing the agenda from the panel: every change through the service, undoable.

Every change is one step on the one undo recipe (``ui.undo_recipes``): undo restores a snapshot
of the agenda taken before the change (``AgendaService.layout``), redo the one taken after the
first run, so ids stay stable for the undo steps around it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QComboBox, QMenu, QStyledItemDelegate

from rte_desktop.domain.errors import ValidationError
from rte_desktop.ui.agenda import models
from rte_desktop.ui.shortcuts import bind, bind_each
from rte_desktop.ui.undo_recipes import push_created, push_replaced

if TYPE_CHECKING:
    from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex
    from PySide6.QtWidgets import QStyleOptionViewItem, QWidget

    from rte_desktop.domain.model import Agenda
    from rte_desktop.ui.agenda.panel import AgendaPanel
    from rte_desktop.workspace import Workspace


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


class AgendaEditor(QObject):
    def __init__(self, panel: AgendaPanel) -> None:
        super().__init__(panel)
        self.panel = panel
        view = panel.view
        self.template_menu = QMenu(view)
        view.new_button.setMenu(self.template_menu)
        panel.model.edit_requested = self.edit_cell
        panel.model.move_requested = self.move_within_day
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

    @property
    def ws(self) -> Workspace:
        return self.panel.ctx.ws

    def selected_item_id(self) -> int | None:
        index = self.panel.view.table.currentIndex()
        item = self.panel.model.item_at(index.row()) if index.isValid() else None
        return item.id if item else None

    def select(self, item_id: int | None) -> None:
        row = self.panel.model.row_of(item_id)
        if row >= 0:
            table = self.panel.view.table
            table.setCurrentIndex(self.panel.model.index(row, models.TITLE))

    def undoable(self, text: str, change: Callable[[], object]) -> bool:
        """Run ``change`` on the current agenda as one undo step; a refusal shows its message.

        Undo and redo restore snapshots of the whole agenda (``AgendaService.layout``) taken
        before and after the first run, ids included.
        """
        agenda_id = self.panel.agenda_id
        if agenda_id is None:
            return False
        agenda = self.ws.agenda
        return self.panel.guard(
            lambda: push_replaced(
                self.panel.ctx.undo, text, change, lambda: agenda.layout(agenda_id), agenda.restore
            )
        )

    # -- agendas -----------------------------------------------------------------------------------

    def fill_template_menu(self) -> None:
        self.template_menu.clear()
        for key, title in self.ws.agenda.templates():
            action = self.template_menu.addAction(title)
            action.triggered.connect(partial(self.create_agenda, key))

    def create_agenda(self, key: str, _checked: bool = False) -> None:
        pi_id = self.panel.pi_id
        if pi_id is None:
            return
        agenda = self.ws.agenda

        def create() -> Agenda:
            made = agenda.create_from_template(pi_id, key).value
            assert made.id is not None
            self.panel.choose_agenda(made.id)
            return made

        self.panel.guard(
            lambda: push_created(
                self.panel.ctx.undo,
                self.tr("New agenda"),
                create,
                lambda made: agenda.delete_agenda(made.id or 0).value,
                agenda.restore,
            )
        )

    def zone_edited(self) -> None:
        agenda_id = self.panel.agenda_id
        data = self.panel.data
        text = self.panel.view.zone_combo.currentText().strip()
        if agenda_id is None or data is None or text == (data.agenda.second_time_zone or ""):
            return
        self.undoable(
            self.tr("Second time zone"),
            lambda: self.ws.agenda.set_second_time_zone(agenda_id, text or None),
        )

    # -- items ---------------------------------------------------------------------------------

    def edit_cell(self, item_id: int, field: str, text: str) -> bool:
        # The item as this window shows it: another client's edit of the same field since
        # then is refused instead of overwritten.
        data = self.panel.data
        seen = next((i for i in data.items if i.id == item_id), None) if data else None

        def change() -> None:
            edit = self.ws.agenda.edit_item
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
        agenda_id = self.panel.agenda_id
        if agenda_id is None:
            return
        after = self.selected_item_id()
        if after is None and self.panel.model.items:
            after = self.panel.model.items[-1].id
        day = self.panel.shown_day
        new_ids: list[int] = []

        def change() -> None:
            item = self.ws.agenda.insert_item(agenda_id, after, self.tr("New item"), 15, day)
            new_ids.append(item.value.id or 0)

        if self.undoable(self.tr("Insert agenda item"), change) and new_ids:
            self.select(new_ids[0])
            table = self.panel.view.table
            table.edit(self.panel.model.index(table.currentIndex().row(), models.TITLE))

    def delete_selected(self) -> None:
        item_id = self.selected_item_id()
        if item_id is None:
            return
        row = self.panel.model.row_of(item_id)
        if self.undoable(
            self.tr("Delete agenda item"), lambda: self.ws.agenda.delete_item(item_id)
        ):
            last = self.panel.model.rowCount() - 1
            self.panel.view.table.setCurrentIndex(
                self.panel.model.index(max(0, min(row, last)), models.TITLE)
            )

    def move_selected(self, step: int) -> None:
        item_id = self.selected_item_id()
        if item_id is None:
            return
        row = self.panel.model.row_of(item_id) + step
        if 0 <= row < self.panel.model.rowCount():
            self.move_within_day(item_id, row)

    def move_within_day(self, item_id: int, index: int) -> None:
        day = self.panel.shown_day
        if self.undoable(
            self.tr("Move agenda item"), lambda: self.ws.agenda.move_item(item_id, day, index)
        ):
            self.select(item_id)
