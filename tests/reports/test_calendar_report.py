"""The calendar PDF read back with pypdf, pdftotext and qpdf/pikepdf."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pypdf import PdfReader

from rte_desktop.domain import model as m
from rte_desktop.workspace import Workspace
from tests.pdf_tools import assert_pdf_valid, pdf_metadata, pdf_text, pdftotext


def test_year_page_then_one_landscape_page_per_pi(demo_ws: Workspace, tmp_path: Path) -> None:
    art_id = demo_ws.train.arts()[0].id
    start = dt.datetime(2026, 12, 2, 9)
    demo_ws.calendar.add_event(
        art_id, m.EventKind.OTHER, "Offsite with 李雷 & <Ωmega>", start, start.replace(hour=12)
    )
    path = demo_ws.calendar.calendar_pdf(tmp_path / "calendar.pdf", art_id)
    assert_pdf_valid(path)
    pages = pdf_text(path)
    assert len(pages) == 4
    for page in PdfReader(str(path)).pages:
        assert float(page.mediabox.width) > float(page.mediabox.height)
    year = pages[0]
    assert "Aurora ART — August 2026 to July 2027 at a glance" in year
    for name in ("PI 2026.1", "PI 2026.2", "PI 2027.1", "System Demo", "Inspect & Adapt"):
        assert name in year
    current = " ".join(pages[2].split())  # lines wrap where the layout needs
    for text in (
        "PI 2026.2",
        "PI 2026.2 I1",
        "PI 2026.2 IP",
        "Innovation & Planning",
        "System Demo PI 2026.2 I3",
        "Inspect & Adapt PI 2026.2",
        "PI Planning PI 2027.1 · day 1",
        "Moved from Thu 24 Dec 2026: a holiday (Winter break).",
        "Winter break",
        "ART Sync 9×",
        "times in Europe/Berlin",
    ):
        assert text in current, text
    assert "Offsite with 李雷 & <Ωmega>" in current
    assert "李雷" in pdftotext(path)
    assert pdf_metadata(path)["/Title"] == "Aurora ART calendar"


def test_one_pi_gives_the_year_page_and_its_own_page(demo_ws: Workspace, tmp_path: Path) -> None:
    art_id = demo_ws.train.arts()[0].id
    pi = demo_ws.train.pis(art_id)[2]
    path = demo_ws.calendar.calendar_pdf(tmp_path / "one.pdf", art_id, pi.id)
    pages = pdf_text(path)
    assert len(pages) == 2
    assert "PI 2027.1 I4" in pages[1] and "PI 2026.2 I1" not in pages[1]
    first = path.read_bytes()
    assert demo_ws.calendar.calendar_pdf(tmp_path / "two.pdf", art_id, pi.id).read_bytes() == first
