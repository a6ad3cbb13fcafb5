"""The record of processing, as a page and as a PDF, from `privacy.register`."""

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from omzien.access.checks import role_required
from omzien.access.roles import Role
from omzien.privacy.register import ACTIVITIES
from omzien.web.pdf import Document


@role_required(*Role.values)
def register_page(request):
    return render(request, "privacy/register.html", {"activities": ACTIVITIES})


def register_pdf_bytes() -> bytes:
    doc = Document(_("Register van verwerkingen"))
    doc.text(_("Gemaakt uit de instellingen die Omzien zelf gebruikt."))
    for activity in ACTIVITIES:
        doc.heading(activity.name)
        doc.pairs(
            [
                (_("Grondslag"), activity.basis),
                (_("Gegevens"), "; ".join(str(c) for c in activity.categories)),
                (_("Bijzondere gegevens"), "; ".join(str(c) for c in activity.special)),
                (_("Bewaartermijn"), activity.retention),
                (_("Ontvangers"), "; ".join(str(r) for r in activity.recipients)),
            ]
        )
    return doc.output()


@role_required(*Role.values)
def register_pdf(request):
    response = HttpResponse(register_pdf_bytes(), content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="register-van-verwerkingen.pdf"'
    return response
