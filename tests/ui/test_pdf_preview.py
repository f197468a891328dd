"""The in-app preview shows the written PDF's pages, and printing draws every page."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtPrintSupport import QPrinter

from rte_desktop.ui.widgets.pdf_preview import PdfPreviewDialog, print_pdf
from rte_desktop.workspace import Workspace
from tests.pdf_tools import pdf_text


def test_preview_and_print_to_a_pdf_printer(qtbot, demo_ws: Workspace, tmp_path: Path) -> None:
    pi = demo_ws.train.find_pi(None, None)
    report = demo_ws.objectives.export_pdf(pi.id, tmp_path / "objectives.pdf")
    dialog = PdfPreviewDialog(report)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.document.pageCount() == 9
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert print_pdf(dialog.document, printer) == 9
    assert len(pdf_text(tmp_path / "printed.pdf")) == 9
