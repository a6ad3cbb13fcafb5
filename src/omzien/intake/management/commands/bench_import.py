"""omzien bench_import --rows N: how long the import takes to check and load a big file.

Generates a valid file of households in the postcodes of the current database (the demo's,
after `load_demo`), as CSV and as XLSX, and runs the import on each inside a transaction that
is rolled back afterwards. Prints the seconds per step side by side. `make bench-import` runs it
on a throw-away PostgreSQL; it is never part of the tests.
"""

import csv
import io
import os
import random
import time
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone
from openpyxl import Workbook

from omzien.geo.models import PostcodeArea
from omzien.intake.importing import reading
from omzien.intake.importing.layouts import HOUSEHOLDS
from omzien.intake.importing.run import run
from omzien.programmes.models import Programme, Serves
from omzien.vocabulary import Language, Need

FIRST_NAMES = ["Sanne", "Fatima", "Emma", "Mohammed", "Lotte", "Daan", "Yasmin", "Kees", "Noor"]
LAST_NAMES = ["Jansen", "de Vries", "El Amrani", "Bakker", "Yilmaz", "Visser", "Smit", "Bos"]
CHILDREN = ["Noor", "Sem", "Liam", "Mila", "Adam", "Julia", "Zoë", "Levi", "Sara", "Finn"]
SLOTS = ["ma-middag", "di-avond", "wo-middag", "do-ochtend", "vr-middag", "za-ochtend"]
LETTERS = "ABCDEFGHJKLMNPRTVWXZ"


def clocks() -> tuple[float, float]:
    """Wall-clock and this process's processor seconds: on a shared machine they differ."""
    return time.perf_counter(), time.process_time()


@dataclass
class Timing:
    """Seconds per step of one import, told by the import's own progress calls."""

    started: tuple[float, float] = field(default_factory=clocks)
    read: tuple[float, float] = (0.0, 0.0)
    checked: tuple[float, float] = (0.0, 0.0)
    loaded: tuple[float, float] = (0.0, 0.0)

    def progress(self, phase: str, done: int, total: int) -> None:
        if done == total and not self.checked[0]:
            self.checked = clocks()


class Command(BaseCommand):
    help = (
        "Meet hoe lang het controleren en opslaan van een groot importbestand (CSV en XLSX) "
        "duurt; niets blijft bewaard."
    )

    def add_arguments(self, parser):
        parser.add_argument("--rows", type=int, default=100_000)
        parser.add_argument("--seed", type=int, default=16)
        parser.add_argument("--programme", help="korte naam; anders het eerste gezinsprogramma")

    def handle(self, *args, rows: int, seed: int, programme: str | None, **options):
        target = self.programme(programme)
        pc4s = list(PostcodeArea.objects.order_by("pc4").values_list("pc4", flat=True))
        if not pc4s:
            raise CommandError("Er zijn geen postcodegebieden: draai eerst `omzien load_demo`.")
        lines = list(households(rows, pc4s, random.Random(seed), timezone.localdate()))
        files = {"CSV": ("bench.csv", as_csv(lines)), "XLSX": ("bench.xlsx", as_xlsx(lines))}
        timings = {kind: self.measure(target, *file) for kind, file in files.items()}
        self.print_table(rows, files, timings)

    def programme(self, slug: str | None) -> Programme:
        programmes = Programme.objects.select_related("programme_type").filter(
            programme_type__serves=Serves.HOUSEHOLDS
        )
        found = (programmes.filter(slug=slug) if slug else programmes.order_by("pk")).first()
        if found is None:
            raise CommandError(
                "Geen programma voor gezinnen gevonden: draai eerst `omzien load_demo`."
            )
        return found

    def measure(self, programme: Programme, name: str, data: bytes) -> Timing:
        timing = Timing()
        with transaction.atomic():
            table = reading.read(io.BytesIO(data), name)
            timing.read = clocks()
            report = run(table, programme, None, dry_run=False, progress=timing.progress)
            timing.loaded = clocks()
            transaction.set_rollback(True)
        if not report.saved:
            problems = "; ".join(str(p) for p in report.problems[:5]) or report.refusal
            raise CommandError(f"{name} is niet opgeslagen: {problems}")
        return timing

    def print_table(self, rows: int, files: dict, timings: dict[str, Timing]) -> None:
        self.stdout.write(f"{rows:,} households on {connection.vendor}, seconds (rolled back)")
        self.stdout.write(f"{'':14}" + "".join(f"{kind:>10}" for kind in timings))
        lines = {
            "file MB": lambda kind, t: len(files[kind][1]) / 1e6,
            "read": lambda kind, t: t.read[0] - t.started[0],
            "check": lambda kind, t: t.checked[0] - t.read[0],
            "load": lambda kind, t: t.loaded[0] - t.checked[0],
            "total": lambda kind, t: t.loaded[0] - t.started[0],
            "total cpu": lambda kind, t: t.loaded[1] - t.started[1],
        }
        for label, value in lines.items():
            cells = "".join(f"{value(kind, t):>10.1f}" for kind, t in timings.items())
            self.stdout.write(f"{label:14}{cells}")
        self.stdout.write(
            "(total cpu: this process only, without PostgreSQL's own work; "
            f"load average {os.getloadavg()[0]:.1f})"
        )


def households(rows: int, pc4s: list[str], rng: random.Random, today: date):
    """Valid, distinct household rows (each its own e-mail address), in the layout's order."""
    for number in range(rows):
        children = "; ".join(
            f"{rng.choice(CHILDREN)} {today - timedelta(days=rng.randrange(365, 17 * 365)):%Y-%m-%d}"
            for _ in range(rng.randint(1, 3))
        )
        waiting = rng.random() < 0.5
        yield [
            rng.choice(LAST_NAMES),
            rng.choice(FIRST_NAMES),
            f"ouder{number}@example.org",
            f"06 {rng.randrange(10**8):08d}",
            f"{rng.choice(pc4s)} {rng.choice(LETTERS)}{rng.choice(LETTERS)}",
            children,
            ", ".join(rng.sample([code for code, _ in Language.choices], rng.randint(1, 2))),
            "; ".join(rng.sample([code for code, _ in Need.choices], rng.randint(0, 2))),
            ", ".join(rng.sample(SLOTS, rng.randint(1, 3))),
            today - timedelta(days=rng.randrange(1, 700)) if waiting else None,
            "",
        ]


def as_csv(lines: list[list]) -> bytes:
    """As Dutch Excel saves it: ';' between cells, dates as dd-mm-yyyy, a byte-order mark."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(HOUSEHOLDS.headers)
    writer.writerows(
        [f"{c:%d-%m-%Y}" if isinstance(c, date) else c for c in line] for line in lines
    )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def as_xlsx(lines: list[list]) -> bytes:
    """Dates as date cells, as a spreadsheet holds them."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(HOUSEHOLDS.headers)
    for line in lines:
        sheet.append(line)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
