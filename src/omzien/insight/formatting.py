"""Figures in words, the same on the pages, in the PDF and in the spreadsheet."""

from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from .tables import COUNT, DECIMAL, HOURS, PER_THOUSAND, PERCENT

SUPPRESSED = _("niet getoond")
UNAVAILABLE = "–"  # no figure: nothing to count (a median of nobody) or no source figure
UNAVAILABLE_LABEL = _("geen cijfer")
SUPPRESSED_NOTE = _(
    "‘Niet getoond’: minder dan %(threshold)s mensen, of uit een totaal terug te rekenen. "
    "Zo blijft niemand herkenbaar. Het is nooit nul."
)
ROUNDED_NOTE = _(
    "De andere aantallen en uren van het dashboard zijn afgerond op een veelvoud van "
    "%(threshold)s, steeds op dezelfde manier. Ook als je twee uitkomsten van elkaar aftrekt, "
    "blijft niemand herkenbaar."
)
DECIMALS = {COUNT: 0, HOURS: 0, PER_THOUSAND: 1, DECIMAL: 2, PERCENT: 1}


def display(value, kind: str = COUNT, unavailable: bool = False) -> str:
    """A value as Dutch (or English) text: '1.234', '12,5', '40,0%', or why there is none."""

    if unavailable:
        return UNAVAILABLE
    if value is None:
        return str(SUPPRESSED)
    text = number_format(value, DECIMALS.get(kind, 0), force_grouping=True)
    return f"{text}%" if kind == PERCENT else text
