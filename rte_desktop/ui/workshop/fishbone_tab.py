"""The Fishbone step: the editor view plus the service calls its requests turn into."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rte_desktop.domain.errors import DomainError
from rte_desktop.services.common.files import write_atomically
from rte_desktop.services.workshop.workshop import Fishbone
from rte_desktop.ui.theme import BAD
from rte_desktop.ui.workshop.edits import WorkshopEdits
from rte_desktop.ui.workshop.fishbone_editor import EditRequest
from rte_desktop.ui.workshop.fishbone_nav import NodeKey
from rte_desktop.ui.workshop.fishbone_view import FishboneView

FAILED = object()
PNG_SCALE = 2.0  # exported PNGs are sharp when printed or projected


class FishboneTab(QWidget):
    def __init__(self, edits: WorkshopEdits, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edits = edits
        self.view = FishboneView()
        self.status = QLabel()
        self.status.setWordWrap(True)
        hint = QLabel(
            self.tr(
                "Enter sibling · Tab why? · F2 rename · Del remove · Alt+↑↓ bone · "
                "Alt+←→ out/indent · +/− dots · drag to move"
            )
        )
        hint.setWordWrap(True)
        hint.setEnabled(False)  # the disabled colour reads as a quiet hint in both themes
        self.fit_button = QPushButton(self.tr("Zoom to &fit"))
        self.fit_button.setToolTip("Ctrl+0")
        self.png_button = QPushButton(self.tr("Export &PNG..."))
        self.svg_button = QPushButton(self.tr("Export S&VG..."))
        for button in (self.fit_button, self.png_button, self.svg_button):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        bar = QHBoxLayout()
        bar.addWidget(hint, 1)
        bar.addWidget(self.fit_button)
        bar.addWidget(self.png_button)
        bar.addWidget(self.svg_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        self.fit_button.clicked.connect(self._on_fit)
        self.png_button.clicked.connect(self._on_png)
        self.svg_button.clicked.connect(self._on_svg)
        self.view.edit_committed.connect(self._on_edit)
        self.view.delete_requested.connect(self._on_delete)
        self.view.move_requested.connect(self._on_move)
        self.view.vote_requested.connect(self._on_vote)

    def load(self, data: Fishbone | None, show_votes: bool) -> None:
        self.view.show_fishbone(data, show_votes)

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {BAD.name()};" if error else "")

    def _run(self, action: Callable[[], Any]) -> Any:
        """Run an edit; a refused one is explained below the diagram and changes nothing.

        Returns the action's result, or ``FAILED``.
        """
        try:
            result = action()
        except (DomainError, OSError) as exc:
            self._say(str(exc), error=True)
            return FAILED
        self._say("")
        return result

    # -- requests from the view -----------------------------------------------------------------

    def _on_edit(self, request: EditRequest, text: str) -> None:
        data = self.view.data
        if data is None or data.workshop.id is None:
            return
        kind, key_id = request.key
        shop = data.workshop
        shop_id = data.workshop.id
        new_key: NodeKey | None = None
        if kind == "head":
            if request.action == "rename":
                self._run(lambda: self.edits.update_problem(shop, "title", text))
            else:
                bone = self._run(lambda: self.edits.add_bone(shop_id, text))
                new_key = ("bone", getattr(bone, "id", None))
        elif kind == "bone" and key_id is not None:
            bone_value = next(b for b in data.bones if b.id == key_id)
            if request.action == "rename":
                self._run(lambda: self.edits.rename_bone(bone_value, text))
            elif request.action == "sibling":
                bone = self._run(lambda: self.edits.add_bone(shop_id, text, after_id=key_id))
                new_key = ("bone", getattr(bone, "id", None))
            else:
                cause = self._run(lambda: self.edits.add_cause(key_id, text))
                new_key = ("cause", getattr(cause, "id", None))
        elif kind == "cause":
            current = self.view.cause(key_id)
            if current is None:
                return
            if request.action == "rename":
                self._run(lambda: self.edits.rename_cause(current, text))
            else:
                child = request.action == "child"
                cause = self._run(
                    lambda: self.edits.add_cause(
                        current.bone_id,
                        text,
                        parent_id=current.id if child else current.parent_id,
                        after_id=None if child else current.id,
                    )
                )
                new_key = ("cause", getattr(cause, "id", None))
        if new_key is not None and new_key[1] is not None:
            self.view.select(new_key)

    def _on_delete(self, key: NodeKey) -> None:
        kind, key_id = key
        if key_id is None or self.view.data is None:
            return
        keys = self.view.order()
        index = keys.index(key) if key in keys else 0
        if kind == "cause":
            shown = self.view.cause(key_id)
            self._run(lambda: self.edits.delete_cause(key_id, shown))
        else:
            count = sum(1 for c in self.view.data.causes if c.bone_id == key_id)
            if self._run(lambda: self.edits.delete_bone(key_id)) is not FAILED:
                self._say(
                    self.tr("Bone removed with its %1 cause(s); Ctrl+Z brings it back.").replace(
                        "%1", str(count)
                    )
                )
        remaining = self.view.order()
        if remaining:
            self.view.select(remaining[min(index, len(remaining)) - 1])

    def _on_move(self, cause_id: int, bone_id: int, parent_id: int | None) -> None:
        cause = self.view.cause(cause_id)
        if cause is not None:
            self._run(lambda: self.edits.move_cause(cause, bone_id, parent_id))
            self.view.select(("cause", cause_id))

    def _on_vote(self, cause_id: int, delta: int) -> None:
        cause = self.view.cause(cause_id)
        if cause is not None and cause.votes + delta >= 0:
            self._run(lambda: self.edits.set_votes(cause, cause.votes + delta))

    # -- zoom and export ------------------------------------------------------------------------

    def _on_fit(self) -> None:
        self.view.fit_mode = True
        self.view.zoom_to_fit()
        self.view.setFocus()

    def _ask(self, title: str, suffix: str, file_filter: str) -> Path | None:
        data = self.view.data
        stem = "".join(ch if ch.isalnum() else "-" for ch in data.workshop.title) if data else ""
        name, _ = QFileDialog.getSaveFileName(
            self, title, f"fishbone-{stem[:40]}{suffix}", file_filter
        )
        return Path(name) if name else None

    def _on_png(self) -> None:
        path = self._ask(self.tr("Export the fishbone as PNG"), ".png", "PNG (*.png)")
        if path is not None:
            self._run(lambda: self.export_png(path))

    def _on_svg(self) -> None:
        path = self._ask(self.tr("Export the fishbone as SVG"), ".svg", "SVG (*.svg)")
        if path is not None:
            self._run(lambda: self.export_svg(path))

    def export_png(self, path: Path) -> Path:
        rect = self.view.scene().sceneRect()
        size = QSize(int(rect.width() * PNG_SCALE), int(rect.height() * PNG_SCALE))
        image = QImage(size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        self.view.render_for_export(painter, QRectF(0, 0, size.width(), size.height()))
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stub wants bytes
        buffer.close()
        written = write_atomically(path, bytes(data.data()))
        self._say(self.tr("Saved %s") % written)
        return written

    def export_svg(self, path: Path) -> Path:
        from PySide6.QtSvg import QSvgGenerator  # only needed here

        rect = self.view.scene().sceneRect()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setSize(QSize(int(rect.width()), int(rect.height())))
        generator.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
        title = self.view.data.workshop.title if self.view.data else ""
        generator.setTitle(f"Fishbone: {title}")
        generator.setDescription("Exported from RTE Desktop")
        painter = QPainter(generator)
        self.view.render_for_export(painter, QRectF(0, 0, rect.width(), rect.height()))
        painter.end()
        buffer.close()
        written = write_atomically(path, bytes(data.data()))
        self._say(self.tr("Saved %s") % written)
        return written
