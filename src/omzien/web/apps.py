from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    name = "omzien.web"
    verbose_name = _("Website")

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the deploy checks)
