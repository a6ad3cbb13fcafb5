"""Small readable PDF documents (fpdf2) with the built-in Helvetica: headings, text, label-value lines.

Helvetica knows Latin-1 only; the few typographic characters outside it are replaced, so the
document needs no font file on the server.
"""

from fpdf import FPDF
from fpdf.enums import XPos, YPos

REPLACEMENTS = str.maketrans(
    {"–": "-", "—": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "…": "...", "€": "EUR"}
)


def latin1(text) -> str:
    return str(text).translate(REPLACEMENTS).encode("latin-1", "replace").decode("latin-1")


class Document:
    def __init__(self, title: str, *, lang: str = "nl"):
        self.pdf = FPDF(format="A4")
        self.pdf.set_title(latin1(title))
        self.pdf.set_lang(lang)
        self.pdf.set_creator("Omzien")
        self.pdf.set_auto_page_break(auto=True, margin=15)
        self.pdf.add_page()
        self.heading(title, size=16)

    def heading(self, text, *, size: int = 13) -> None:
        self.pdf.set_font("Helvetica", "B", size)
        self.pdf.ln(2)
        self.pdf.multi_cell(0, size * 0.55, latin1(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.pdf.ln(1)

    def text(self, text, *, size: int = 10) -> None:
        self.pdf.set_font("Helvetica", "", size)
        self.pdf.multi_cell(0, 5, latin1(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def pairs(self, rows) -> None:
        """Label and value on one line each, the label in bold."""
        for label, value in rows:
            self.pdf.set_font("Helvetica", "B", 10)
            self.pdf.write(5, latin1(f"{label}: "))
            self.pdf.set_font("Helvetica", "", 10)
            self.pdf.write(5, latin1(value if value not in (None, "") else "-"))
            self.pdf.ln(5)
        self.pdf.ln(2)

    def output(self) -> bytes:
        return bytes(self.pdf.output())
