"""`omzien load_demo`: the example municipality Voorbeeldstad, its people and one account per role;
with --scale, the national dataset instead."""

import time
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from django.utils import timezone

from omzien.demo import generator, national, second_factor
from omzien.demo.accounts import login_table
from omzien.demo.api_clients import token_lines
from omzien.demo.national.sizes import parse_scale
from omzien.insight import rollups


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
        parser.add_argument(
            "--scale",
            help=(
                "Laad de landelijke set in een lege database: national, tenth, small "
                "of een deel zoals 1/1000."
            ),
        )
        parser.add_argument(
            "--today",
            type=date.fromisoformat,
            help="De dag waarop de gegevens eindigen (JJJJ-MM-DD); standaard vandaag.",
        )
        parser.add_argument(
            "--data",
            type=Path,
            help="Map met de gedeelde open data (gemeenten, wijken en buurten).",
        )

    def handle(self, *args, seed: int, reset: bool, verbosity: int, **options) -> None:
        if options["scale"]:
            self.load_national(seed, verbosity, **options)
            return
        if generator.is_loaded() and not reset:
            message = "De demo is al geladen; --reset laadt hem opnieuw."
        else:
            generator.load(seed, today=timezone.localdate())
            analyze()
            rollups.rebuild()
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

    def load_national(self, seed: int, verbosity: int, *, scale: str, today, data, **_) -> None:
        try:
            fraction = parse_scale(scale)
        except ValueError as error:
            raise CommandError(str(error)) from None
        started = time.monotonic()
        today = today or timezone.localdate()
        try:
            sizes = national.load(
                fraction, seed, today=today, data_dir=data,
                progress=self.stderr if verbosity else None,
            )  # fmt: skip
            analyze()
            # The dashboard's closed months, as the nightly task keeps them.
            rollups.rebuild(today)
        except national.NotEmpty as error:
            raise CommandError(str(error)) from None
        if verbosity:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Landelijke set geladen (schaal {scale}, seed {seed}) in "
                    f"{time.monotonic() - started:.0f} s: {sizes.municipalities} gemeenten, "
                    f"{sizes.people:,} mensen, {sizes.matches:,} koppelingen."
                )
            )


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


def analyze() -> None:
    """Fresh statistics for the query planner: without them the roll-ups and the first pages
    after a load plan for empty tables (minutes instead of seconds) until autovacuum runs."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
