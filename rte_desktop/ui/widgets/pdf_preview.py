"""In-app PDF preview (QtPdf) with Print... through the system print dialog.

Every report can be previewed here before it goes to the wall: the pages are drawn by QtPdf from
the very file that was written, and printing renders those pages onto a QPrinter.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, QRect, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from rte_desktop.ui.shortcuts import bind


def print_pdf(document: QPdfDocument, printer: QPrinter) -> int:
    """Draw every page of ``document`` onto ``printer``, scaled to fit; returns pages printed."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        dpi = printer.resolution()
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            size = QSize(int(points.width() / 72 * dpi), int(points.height() / 72 * dpi))
            image = document.render(page, size)
            target = QRect(QPointF(0, 0).toPoint(), painter.viewport().size())
            scaled = size.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(target.topLeft(), scaled), image)
    finally:
        painter.end()
    return document.pageCount()


class PdfPreviewDialog(QDialog):
    """Shows a PDF file's pages; Print... (Ctrl+P) and Open in viewer."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.setWindowTitle(self.tr("Preview — %s") % self.path.name)
        self.resize(900, 1000)
        self.document = QPdfDocument(self)
        self.document.load(str(self.path))
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pages = QLabel(self.tr("%n page(s)", "", self.document.pageCount()))
        print_button = QPushButton(self.tr("&Print..."))
        open_button = QPushButton(self.tr("&Open in viewer"))
        close_button = QPushButton(self.tr("Close"))
        print_button.clicked.connect(self.print_document)
        open_button.clicked.connect(self.open_externally)
        close_button.clicked.connect(self.accept)
        bind(self, "preview.print", self.print_document)
        row = QHBoxLayout()
        row.addWidget(self.pages)
        row.addStretch(1)
        for button in (print_button, open_button, close_button):
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)

    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.path.stem)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            print_pdf(self.document, printer)

    def open_externally(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path)))


def preview_pdf(path: Path, parent: QWidget | None = None) -> PdfPreviewDialog:
    """Open the preview window for ``path`` (non-modal) and return it."""
    dialog = PdfPreviewDialog(path, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
