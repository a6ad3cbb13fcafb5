"""The readable copy of everything held about one person (right of access), as PDF."""

from django.utils import timezone
from django.utils.translation import gettext as _

from omzien.web.pdf import Document

from .dossier import audit_rows, collect
from .models.subject import SUBJECT_LABELS


def dossier_pdf(kind: str, subject, user) -> bytes:
    doc = Document(_("Uw gegevens bij Omzien"))
    doc.text(
        _(
            "Dit is een kopie van alle gegevens die wij over u bewaren (%(kind)s, nummer %(id)s), gemaakt op %(date)s."
        )
        % {
            "kind": SUBJECT_LABELS[kind],
            "id": subject.pk,
            "date": timezone.localtime().strftime("%d-%m-%Y"),
        }
    )
    for section in collect(kind, subject.pk, user):
        doc.heading(section.title.capitalize())
        for row in section.rows:
            doc.pairs((label, display) for _name, label, _raw, display in row)
        if section.withheld:
            doc.text(
                _(
                    "%(n)s regels staan niet in deze kopie. Vraag de functionaris gegevensbescherming waarom."
                )
                % {"n": section.withheld}
            )
    access = audit_rows(kind, subject.pk)
    doc.heading(_("Wie uw gegevens bekeek of veranderde"))
    if not access:
        doc.text(_("Nog niemand."))
    for row in access:
        doc.text(f"{row['at'][:16].replace('T', ' ')}  {row['role']}: {row['action']}")
    return doc.output()
