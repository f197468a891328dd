"""The Problem step: what, where, when, impact (never who), and the restated problem.

Every field is saved when it loses focus (or on Enter in one-line fields), as an undoable edit.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from rte_desktop.domain.model import Workshop


class ProblemTab(QWidget):
    field_edited = Signal(str, str)  # field name, new text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workshop: Workshop | None = None
        self.title = QLineEdit()
        self.what = QPlainTextEdit()
        self.where = QLineEdit()
        self.when = QLineEdit()
        self.impact = QPlainTextEdit()
        self.restated = QPlainTextEdit()
        self.parent_label = QLabel()
        self.parent_label.setEnabled(False)
        self.title.setPlaceholderText(self.tr("A short name for the problem"))
        self.what.setPlaceholderText(self.tr("What happens? Facts and numbers, no solution."))
        self.where.setPlaceholderText(self.tr("Where does it happen (teams, systems, steps)?"))
        self.when.setPlaceholderText(self.tr("When does it happen, since when, how often?"))
        self.impact.setPlaceholderText(self.tr("What does it cost (time, money, quality)?"))
        self.restated.setPlaceholderText(
            self.tr("The biggest root cause, written as a new problem statement")
        )
        for text_edit in (self.what, self.impact, self.restated):
            text_edit.setTabChangesFocus(True)
            text_edit.setMaximumHeight(self.fontMetrics().lineSpacing() * 4 + 14)
            text_edit.installEventFilter(self)
        form = QFormLayout(self)
        form.addRow(self.tr("&Title:"), self.title)
        form.addRow(self.tr("W&hat:"), self.what)
        form.addRow(self.tr("Whe&re:"), self.where)
        form.addRow(self.tr("Whe&n:"), self.when)
        form.addRow(self.tr("&Impact:"), self.impact)
        form.addRow(self.tr("Restated &problem:"), self.restated)
        form.addRow("", self.parent_label)
        hint = QLabel(
            self.tr(
                "A good statement says what, where, when and the impact, never who, "
                "and does not imply a solution."
            )
        )
        hint.setWordWrap(True)
        hint.setEnabled(False)
        form.addRow("", hint)
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {
            "title": self.title,
            "what": self.what,
            "where": self.where,
            "when": self.when,
            "impact": self.impact,
            "restated_problem": self.restated,
        }
        for name, edit in self.fields.items():
            if isinstance(edit, QLineEdit):
                edit.editingFinished.connect(lambda name=name: self._save(name))

    def load(self, workshop: Workshop | None, parent_title: str = "") -> None:
        self.workshop = workshop
        for name, edit in self.fields.items():
            value = getattr(workshop, name) if workshop else ""
            current = edit.text() if isinstance(edit, QLineEdit) else edit.toPlainText()
            if current != value:
                if isinstance(edit, QLineEdit):
                    edit.setText(value)
                else:
                    edit.setPlainText(value)
            edit.setEnabled(workshop is not None)
        self.parent_label.setText(
            self.tr("Follow-up of the workshop “%1”").replace("%1", parent_title)
            if parent_title
            else ""
        )

    def _save(self, name: str) -> None:
        if self.workshop is None:
            return
        edit = self.fields[name]
        text = edit.text() if isinstance(edit, QLineEdit) else edit.toPlainText()
        if text.strip() != getattr(self.workshop, name):
            self.field_edited.emit(name, text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.FocusOut:
            for name, edit in self.fields.items():
                if edit is watched:
                    self._save(name)
        return super().eventFilter(watched, event)
