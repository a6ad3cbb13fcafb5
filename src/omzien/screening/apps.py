from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScreeningConfig(AppConfig):
    name = "omzien.screening"
    verbose_name = _("Screening")

    def ready(self) -> None:
        # An offer becomes available only when the programme's screening is complete.
        from omzien.intake.models import AVAILABILITY_CONDITIONS

        from .rules import missing

        if missing not in AVAILABILITY_CONDITIONS:
            AVAILABILITY_CONDITIONS.append(missing)
