"""Small readable PDF documents (fpdf2) in DejaVu Sans, embedded so that every name prints as
written ("Şükrü", "Łucja"); the built-in PDF fonts know Latin-1 only.

The font files and their licence are in `fonts/`, shipped with the package.
"""

from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos

FONT = "DejaVuSans"
FONTS = Path(__file__).parent / "fonts"


class UnicodePDF(FPDF):
    """An A4 page in Dutch by Omzien, with `FONT` in regular and bold."""

    def __init__(self, title: str, *, lang: str = "nl"):
        super().__init__(format="A4")
        self.add_font(FONT, "", FONTS / "DejaVuSans.ttf")
        self.add_font(FONT, "B", FONTS / "DejaVuSans-Bold.ttf")
        self.set_font(FONT)
        self.set_title(title)
        self.set_lang(lang)
        self.set_creator("Omzien")


class Document:
    """Headings, text and label-value lines, one after the other."""

    def __init__(self, title: str, *, lang: str = "nl"):
        self.pdf = UnicodePDF(str(title), lang=lang)
        self.pdf.set_auto_page_break(auto=True, margin=15)
        self.pdf.add_page()
        self.heading(title, size=16)

    def heading(self, text, *, size: int = 13) -> None:
        self.pdf.set_font(FONT, "B", size)
        self.pdf.ln(2)
        self.pdf.multi_cell(0, size * 0.55, str(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.pdf.ln(1)

    def text(self, text, *, size: int = 10) -> None:
        self.pdf.set_font(FONT, "", size)
        self.pdf.multi_cell(0, 5, str(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def pairs(self, rows) -> None:
        """Label and value on one line each, the label in bold."""
        for label, value in rows:
            self.pdf.set_font(FONT, "B", 10)
            self.pdf.write(5, f"{label}: ")
            self.pdf.set_font(FONT, "", 10)
            self.pdf.write(5, str(value if value not in (None, "") else "-"))
            self.pdf.ln(5)
        self.pdf.ln(2)

    def output(self) -> bytes:
        return bytes(self.pdf.output())
