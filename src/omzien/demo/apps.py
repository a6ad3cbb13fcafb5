from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    name = "omzien.demo"
    verbose_name = _("Demo")

    def ready(self) -> None:
        from . import second_factor  # noqa: F401  (registers the deploy check)
