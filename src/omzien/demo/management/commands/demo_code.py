"""`omzien demo_code USERNAME`: the current second-factor code of a demo account."""

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from omzien.demo.second_factor import current_code


class Command(BaseCommand):
    help = "Toont de huidige inlogcode (tweede stap) van een demo-account. Niet in productie."

    def add_arguments(self, parser) -> None:
        parser.add_argument("username")

    def handle(self, *args, username: str, **options) -> None:
        try:
            self.stdout.write(current_code(username))
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from error
        except Exception as error:
            raise CommandError(f"Geen demo-account met een tweede stap: {username}") from error
