from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutcomesConfig(AppConfig):
    name = "omzien.outcomes"
    verbose_name = _("Uitkomsten")

    def ready(self) -> None:
        from omzien.matches.signals import match_closing

        from .questionnaires import questionnaires_due_at_closing

        match_closing.connect(questionnaires_due_at_closing, dispatch_uid="outcomes.closing")
