"""Editing the agenda from the panel: every change through the service, undoable.

Undo takes a snapshot of the agenda before the change (``AgendaService.layout``) and restores
it exactly; redo restores the snapshot taken after the first run, so ids stay stable for the
undo steps around it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QMenu, QStyledItemDelegate

from rte_desktop.domain.errors import ValidationError
from rte_desktop.services.agenda.agenda import AgendaLayout
from rte_desktop.ui.agenda import models
from rte_desktop.ui.undo import push

if TYPE_CHECKING:
    from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex
    from PySide6.QtWidgets import QStyleOptionViewItem, QWidget

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
        for keys, slot in (
            ("Ins", self.insert_after_selected),
            ("Del", self.delete_selected),
            ("Alt+Up", partial(self.move_selected, -1)),
            ("Alt+Down", partial(self.move_selected, 1)),
        ):
            shortcut = QShortcut(QKeySequence(keys), view.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

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
        """Run ``change`` on the current agenda as one undo step; a refusal shows its message."""
        agenda_id = self.panel.agenda_id
        if agenda_id is None:
            return False
        before = self.ws.agenda.layout(agenda_id)
        after: list[AgendaLayout] = []

        def do() -> None:
            if after:
                self.ws.agenda.restore(after[0])
                return
            change()
            after.append(self.ws.agenda.layout(agenda_id))

        return self.panel.guard(
            lambda: push(self.panel.ctx.undo, text, do, lambda: self.ws.agenda.restore(before))
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
        created: list[AgendaLayout] = []

        def do() -> None:
            if created:
                self.ws.agenda.restore(created[0])
                return
            agenda = self.ws.agenda.create_from_template(pi_id, key).value
            assert agenda.id is not None
            created.append(self.ws.agenda.layout(agenda.id))
            self.panel.choose_agenda(agenda.id)

        def undo() -> None:
            assert created[0].agenda.id is not None
            self.ws.agenda.delete_agenda(created[0].agenda.id)

        self.panel.guard(lambda: push(self.panel.ctx.undo, self.tr("New agenda"), do, undo))

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
        def change() -> None:
            if field == "start":
                self.ws.agenda.edit_item(item_id, start=parse_time(text))
            elif field == "duration_min":
                self.ws.agenda.edit_item(item_id, duration_min=parse_minutes(text))
            elif field == "kind":
                kinds = models.KINDS
                self.ws.agenda.edit_item(
                    item_id, is_break=text == kinds[2], all_hands=text == kinds[0]
                )
            else:
                self.ws.agenda.edit_item(item_id, **{field: text})

        return self.undoable(self.tr("Edit agenda item"), change)

    def insert_after_selected(self) -> None:
        agenda_id = self.panel.agenda_id
        if agenda_id is None:
            return
        after = self.selected_item_id()
        if after is None and self.panel.model.items:
            after = self.panel.model.items[-1].id
        day = self.panel._shown_day
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
        day = self.panel._shown_day
        if self.undoable(
            self.tr("Move agenda item"), lambda: self.ws.agenda.move_item(item_id, day, index)
        ):
            self.select(item_id)
