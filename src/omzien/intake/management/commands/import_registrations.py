"""omzien import_registrations --programme SLUG FILE [--dry-run]: the import page's work, from a shell."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from omzien.intake.importing import reading
from omzien.intake.importing.run import run
from omzien.programmes.models import Programme


class Command(BaseCommand):
    help = (
        "Importeer gezinnen of vrijwilligers uit een CSV- of XLSX-bestand in een programma, "
        "in de indeling van de importpagina. Alles of niets; met --dry-run wordt niets opgeslagen."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--programme", required=True, help="korte naam (slug) van het programma"
        )
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="alleen controleren")

    def handle(self, *args, programme: str, file: Path, dry_run: bool, **options):
        target = Programme.objects.select_related("programme_type").filter(slug=programme).first()
        if target is None:
            raise CommandError(f"Er is geen programma met de korte naam ‘{programme}’.")
        try:
            with file.open("rb") as handle:
                table = reading.read(handle, file.name)
        except OSError as error:
            raise CommandError(f"Kan {file} niet openen: {error.strerror}.") from None
        except reading.FileProblem as problem:
            raise CommandError(str(problem)) from None
        report = run(table, target, None, dry_run=dry_run, progress=self.show_progress)
        if report.refusal:
            raise CommandError(report.refusal)
        for problem in report.problems:
            self.stdout.write(str(problem))
        counts = report.counts
        self.stdout.write(
            f"{report.label}: {counts['create']} in orde, {counts['skip']} overgeslagen, "
            f"{counts['error']} met een fout."
        )
        if not report.ok:
            raise CommandError("Er is niets opgeslagen.")
        if report.saved:
            self.stdout.write(
                self.style.SUCCESS(f"{counts['create']} toegevoegd aan {target.name}.")
            )
        else:
            self.stdout.write("Proefdraai: er is niets opgeslagen.")

    def show_progress(self, phase: str, done: int, total: int) -> None:
        self.stderr.write(f"{phase}: {done} van {total}")
