from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupportFiguresConfig(AppConfig):
    name = "omzien.support_figures"
    verbose_name = _("Steunfiguren")
