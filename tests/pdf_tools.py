"""Reading PDFs back with independent tools (pypdf for text, qpdf/pikepdf for structure)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pikepdf
from pypdf import PdfReader


def pdf_text(path: Path) -> list[str]:
    """The extracted text of each page."""
    return [page.extract_text() or "" for page in PdfReader(str(path)).pages]


def pdf_metadata(path: Path) -> dict[str, str]:
    meta = PdfReader(str(path)).metadata or {}
    return {str(k): str(v) for k, v in meta.items()}


def assert_pdf_valid(path: Path) -> None:
    """qpdf --check when installed, and pikepdf always: the structure must be clean."""
    if shutil.which("qpdf"):
        result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True,
                                check=False)
        assert result.returncode == 0, result.stdout + result.stderr
    with pikepdf.open(path) as pdf:
        assert len(pdf.pages) > 0


def pdftotext(path: Path) -> str:
    """poppler's pdftotext (layout mode): a second extractor beside pypdf."""
    result = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                            text=True, check=True)
    return result.stdout
