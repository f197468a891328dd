"""The shared PDF machinery: literal text, every script, metadata, determinism."""

from pathlib import Path

from rte_desktop.reports._doc import FALLBACK, build_pdf, markup, para, style
from tests.pdf_tools import assert_pdf_valid, pdf_metadata, pdf_text, pdftotext


def test_markup_escapes_and_switches_to_the_fallback_font() -> None:
    assert markup("a < b & c > d") == "a &lt; b &amp; c &gt; d"
    text = markup("Team 李雷 Ωmega")
    assert f'<font name="{FALLBACK}">李雷</font>' in text
    assert "Ωmega" in text and "<font" not in text.split("</font>")[1]


def test_pdf_prints_every_script_literally(tmp_path: Path) -> None:
    words = ["Zoë Ñúñez", "李雷", "Ωmega", "Олена", "<beta> & co"]
    data = build_pdf([para(w, style(16)) for w in words], title="Unicode check", subject="test")
    path = tmp_path / "u.pdf"
    path.write_bytes(data)
    assert_pdf_valid(path)
    text = pdf_text(path)[0]
    for word in words:
        assert word in text
    assert "李雷" in pdftotext(path)
    assert pdf_metadata(path)["/Title"] == "Unicode check"
    assert pdf_metadata(path)["/Author"] == "RTE Desktop"


def test_same_data_same_bytes() -> None:
    first = build_pdf([para("x")], title="t")
    assert first == build_pdf([para("x")], title="t")


def test_the_cjk_fallback_font_is_loaded_only_for_text_that_needs_it() -> None:
    import subprocess
    import sys

    probe = (
        "import sys\n"
        "from reportlab.pdfbase import pdfmetrics\n"
        "from rte_desktop.reports._doc import FALLBACK, build_pdf, para\n"
        "build_pdf([para(sys.argv[1])], title='t')\n"
        "print(FALLBACK in pdfmetrics.getRegisteredFontNames())\n"
    )

    def loaded_for(text: str) -> bool:
        out = subprocess.run(
            [sys.executable, "-c", probe, text], capture_output=True, text=True, check=True
        )
        return out.stdout.strip() == "True"

    assert not loaded_for("Zoë Ñúñez, Ωmega, Олена")  # DejaVu has them: 60 ms not spent
    assert loaded_for("Sakura 桜")
