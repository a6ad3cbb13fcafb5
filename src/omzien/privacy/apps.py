from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "omzien.privacy"
    verbose_name = _("Privacy")

    def ready(self) -> None:
        from .recording import connect_signals

        connect_signals()
