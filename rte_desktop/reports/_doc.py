"""What every PDF shares: bundled fonts, literal Unicode text, page sizes, metadata.

Text is always printed literally: ``para("a < b & c")`` escapes markup, and characters the main
font lacks (CJK) are set in the bundled fallback font, so every script prints. Renders are
deterministic (reportlab's invariant mode), so the same data gives the same bytes.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Sequence
from importlib import resources
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A3, A4, letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate

SANS = "RteSans"
SANS_BOLD = "RteSans-Bold"
FALLBACK = "RteFallback"
PAPERS = {"a4": A4, "letter": letter, "a3": A3}
MARGIN = 15 * mm

# Print-safe colours (Okabe-Ito): distinguishable for colour-blind readers; always paired with a
# word or a line style in the reports.
GREEN = colors.HexColor("#009E73")
ORANGE = colors.HexColor("#E69F00")
RED = colors.HexColor("#D55E00")
BLUE = colors.HexColor("#0072B2")
GREY = colors.HexColor("#6b6b6b")
LIGHT = colors.HexColor("#eeeeee")


def _font_path(name: str) -> str:
    return str(resources.files("rte_desktop") / "resources" / "fonts" / name)


@functools.cache
def register_fonts() -> None:
    """Register the bundled TTF fonts once (embedded and subset in every PDF)."""
    pdfmetrics.registerFont(TTFont(SANS, _font_path("DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(SANS_BOLD, _font_path("DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFontFamily(
        SANS, normal=SANS, bold=SANS_BOLD, italic=SANS, boldItalic=SANS_BOLD
    )


@functools.cache
def fallback_font() -> str:
    """The CJK fallback's name, registered on first need: parsing its 4 MB costs 60 ms."""
    pdfmetrics.registerFont(TTFont(FALLBACK, _font_path("DroidSansFallbackFull.ttf")))
    return FALLBACK


def font_runs(text: str, bold: bool = False) -> list[tuple[str, str]]:
    """Split ``text`` into (font name, chunk) runs; characters DejaVu lacks use the fallback."""
    main_font = SANS_BOLD if bold else SANS
    covered = _covered(main_font)
    result: list[tuple[str, str]] = []
    for char in text:
        font = main_font if ord(char) in covered or char.isspace() else fallback_font()
        if result and result[-1][0] == font:
            result[-1] = (font, result[-1][1] + char)
        else:
            result.append((font, char))
    return result


@functools.cache
def _covered(font_name: str) -> frozenset[int]:
    register_fonts()
    font = pdfmetrics.getFont(font_name)
    return frozenset(font.face.charToGlyph)


def markup(text: str, bold: bool = False) -> str:
    """Paragraph markup for literal ``text``: escaped, with fallback-font runs where needed."""
    parts = [
        escape(chunk) if font != FALLBACK else f'<font name="{font}">{escape(chunk)}</font>'
        for font, chunk in font_runs(text, bold)
    ]
    body = "".join(parts).replace("\n", "<br/>")
    return f"<b>{body}</b>" if bold else body


def style(
    size: float = 11,
    bold: bool = False,
    leading: float | None = None,
    color: Any = colors.black,
    align: int = 0,
    name: str = "",
) -> ParagraphStyle:
    """A paragraph style in the bundled font (align: 0 left, 1 centre, 2 right)."""
    register_fonts()
    return ParagraphStyle(
        name or f"s{size}{bold}{align}",
        fontName=SANS_BOLD if bold else SANS,
        fontSize=size,
        leading=leading or size * 1.25,
        textColor=color,
        alignment=align,
    )


def para(text: str, st: ParagraphStyle | None = None, bold: bool = False) -> Paragraph:
    """A paragraph that prints ``text`` exactly as typed (wrapping, never clipping)."""
    st = st or style()
    return Paragraph(markup(text, bold=bold or st.fontName == SANS_BOLD), st)


def page_size(paper: str = "a4", landscape_mode: bool = False) -> tuple[float, float]:
    """Points for a paper name; raises ValueError naming the allowed ones."""
    try:
        size: tuple[float, float] = PAPERS[paper.lower()]
    except KeyError:
        raise ValueError(f"Unknown paper '{paper}'; use one of {', '.join(PAPERS)}.") from None
    if landscape_mode:
        size = (max(size), min(size))
    return size


def build_pdf(
    story: Sequence[Flowable],
    *,
    title: str,
    subject: str = "",
    paper: str = "a4",
    landscape_mode: bool = False,
    footer: str = "",
    margin: float = MARGIN,
) -> bytes:
    """Lay out ``story`` and return the PDF bytes (title, author and subject set).

    ``footer`` is printed at the bottom of every page with the page number.
    """
    register_fonts()
    buffer = io.BytesIO()
    size = page_size(paper, landscape_mode)
    doc = SimpleDocTemplate(
        buffer,
        pagesize=size,
        title=title,
        author="RTE Desktop",
        subject=subject,
        creator="RTE Desktop",
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin + 6 * mm,
        invariant=1,
    )

    def decorate(canvas: Any, document: Any) -> None:
        canvas.saveState()
        canvas.setFont(SANS, 8)
        canvas.setFillColor(GREY)
        text = f"{footer}  ·  page {document.page}" if footer else f"page {document.page}"
        canvas.drawRightString(size[0] - margin, margin / 2, text)
        canvas.restoreState()

    doc.build(list(story), onFirstPage=decorate, onLaterPages=decorate)
    return buffer.getvalue()
