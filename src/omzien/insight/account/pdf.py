"""The yearly account as PDF (fpdf2): a title, then per section its figures as tables."""

from django.utils.translation import gettext as _
from fpdf.fonts import FontFace

from omzien.access.suppression import threshold
from omzien.web.pdf import FONT, UnicodePDF

from ..formatting import ROUNDED_NOTE, SUPPRESSED_NOTE, display
from .content import Account

HEADINGS = FontFace(emphasis="BOLD", fill_color=(227, 239, 240))
PRIMARY = (26, 92, 102)


class AccountPDF(UnicodePDF):
    def __init__(self, account: Account):
        super().__init__(f"{account.title} {account.municipality}")
        self.account = account
        self.set_auto_page_break(auto=True, margin=18)

    def footer(self):
        self.set_y(-12)
        self.set_font(FONT, size=8)
        self.set_text_color(90, 90, 90)
        text = (
            f"{self.account.title} - {self.account.municipality} - {_('pagina')} {self.page_no()}"
        )
        self.cell(0, 6, text, align="C")

    def heading(self, text, size: int) -> None:
        self.set_font(FONT, "B", size)
        self.set_text_color(*PRIMARY)
        self.multi_cell(0, size * 0.5, str(text), new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(0, 0, 0)
        self.ln(1)

    def paragraph(self, text, size: int = 10) -> None:
        self.set_font(FONT, size=size)
        self.multi_cell(0, 5, str(text), new_x="LMARGIN", new_y="NEXT")
        self.ln(2)

    def figure(self, figure) -> None:
        self.heading(figure.title, 12)
        self.paragraph(figure.explanation, 9)
        if figure.empty:
            self.paragraph(_("Er zijn geen gegevens voor deze periode."), 9)
            return
        self.set_font(FONT, size=8)
        widths = [3] + [2] * len(figure.columns)
        with self.table(
            col_widths=widths, text_align="LEFT", headings_style=HEADINGS, line_height=5
        ) as table:
            header = table.row()
            header.cell(str(figure.row_heading).capitalize())
            for column in figure.columns:
                header.cell(str(column.label))
            for row in [*figure.rows, *([figure.total] if figure.total else [])]:
                cells = table.row()
                cells.cell(str(row.label))
                for column, value, unavailable in row.cells(figure.columns):
                    cells.cell(display(value, column.kind, unavailable), align="RIGHT")
        self.ln(4)


def write_pdf(account: Account) -> bytes:
    pdf = AccountPDF(account)
    pdf.add_page()
    pdf.heading(f"{account.title} - {account.municipality}", 20)
    pdf.paragraph(
        _("Programma's: %(scope)s. Periode: %(start)s tot en met %(end)s. Gemaakt op %(made)s.")
        % {
            "scope": account.scope,
            "start": account.filters.start.strftime("%d-%m-%Y"),
            "end": account.filters.end.strftime("%d-%m-%Y"),
            "made": account.made_at,
        }
    )
    pdf.paragraph(SUPPRESSED_NOTE % {"threshold": threshold()}, 9)
    pdf.paragraph(ROUNDED_NOTE % {"threshold": threshold()}, 9)
    for section in account.sections:
        pdf.heading(section.title, 16)
        pdf.paragraph(section.intro)
        for figure in section.figures:
            pdf.figure(figure)
    return bytes(pdf.output())
