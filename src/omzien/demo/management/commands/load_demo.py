"""`omzien load_demo`: the example municipality Voorbeeldstad, its people and one account per role."""

from django.core.management.base import BaseCommand, CommandParser
from django.db import connection
from django.utils import timezone

from omzien.demo import generator, second_factor
from omzien.demo.accounts import login_table
from omzien.demo.api_clients import token_lines


class Command(BaseCommand):
    help = "Laadt de voorbeeldgemeente Voorbeeldstad met verzonnen gezinnen, vrijwilligers en koppelingen."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--seed",
            type=int,
            default=generator.DEFAULT_SEED,
            help="Dezelfde seed geeft dezelfde gegevens (standaard %(default)s).",
        )
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Verwijder een eerder geladen demo en laad hem opnieuw.",
        )

    def handle(self, *args, seed: int, reset: bool, verbosity: int, **options) -> None:
        if generator.is_loaded() and not reset:
            message = "De demo is al geladen; --reset laadt hem opnieuw."
        else:
            generator.load(seed, today=timezone.localdate())
            # Fresh statistics for the query planner: without them the first pages after a
            # load plan for empty tables until autovacuum gets round to it.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
            message = f"Demo geladen: Voorbeeldstad (GM9999), seed {seed}."
        if verbosity:
            self.stdout.write(self.style.SUCCESS(message))
            self.stdout.write(format_table(login_table()))
            self.stdout.write(SECOND_FACTOR)
            for username, secret in second_factor.secrets():
                self.stdout.write(f"  {username.ljust(18)} {secret}")
            self.stdout.write("")
            for line in token_lines():
                self.stdout.write(line)


SECOND_FACTOR = """
Medewerkers loggen in met een tweede stap: een code uit een app. Voor de demo:
  .venv/bin/omzien demo_code <gebruikersnaam>     toont de code van nu
of zet de sleutel van het account in een authenticator-app (FreeOTP en dergelijke):"""


HEADER = ("gebruikersnaam", "wachtwoord", "rol", "bereik")


def format_table(rows: list[tuple[str, ...]]) -> str:
    widths = [max(len(row[i]) for row in [HEADER, *rows]) for i in range(len(HEADER))]
    lines = [HEADER, tuple("-" * w for w in widths), *rows]
    return "\n".join(
        "  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip()
        for line in lines
    )
