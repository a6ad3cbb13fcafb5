from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from omzien.web.forms import NLDSFormMixin

from . import reading

CHECK, IMPORT = "check", "import"
# 100,000 rows are checked and loaded well within the proxy's and gunicorn's 90 seconds
# (docs/performance.md); bigger files go through the management command, which has no limit.
MAX_UPLOAD_MB = 18  # under the proxy's 20 MB for the whole request (deploy/nginx.conf)
MAX_ROWS = 100_000


class ImportForm(NLDSFormMixin, forms.Form):
    file = forms.FileField(
        label=_("Bestand"),
        help_text=format_lazy(
            _("CSV of XLSX in de indeling van een voorbeeldbestand; tot {mb} MB en {rows} rijen."),
            mb=MAX_UPLOAD_MB,
            rows=f"{MAX_ROWS:,}".replace(",", "."),
        ),
    )
    consent_on_file = forms.BooleanField(
        label=_(
            "Onze organisatie heeft van iedereen in dit bestand toestemming om een passende koppeling te zoeken."
        ),
        required=False,
        help_text=_("Alleen nodig om te importeren, niet om te controleren."),
    )
    import_id = forms.UUIDField(widget=forms.HiddenInput)
    # Set by the button that was pressed; rendered as buttons, not as a field.
    action = forms.ChoiceField(choices=[(CHECK, CHECK), (IMPORT, IMPORT)], required=False)

    @property
    def dry_run(self) -> bool:
        return self.cleaned_data.get("action") != IMPORT

    def clean_file(self) -> reading.Table:
        """The upload, read into rows: a file that cannot be read is an error at this field."""
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_MB * 1024 * 1024:
            raise forms.ValidationError(
                _("Dit bestand is groter dan %(mb)s MB.") % {"mb": MAX_UPLOAD_MB}
            )
        try:
            return reading.read(upload, upload.name, MAX_ROWS)
        except reading.FileProblem as problem:
            raise forms.ValidationError(str(problem)) from None

    def clean(self) -> dict:
        data = super().clean()
        if not self.dry_run and not data.get("consent_on_file"):
            self.add_error(
                "consent_on_file",
                _(
                    "Bevestig dat uw organisatie deze toestemming heeft; anders kunt u alleen controleren."
                ),
            )
        return data
