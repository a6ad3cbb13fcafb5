import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError

from omzien.geo.importers import import_parsed, skip_lines, summary
from omzien.geo.sources import IMPORT_ORDER, KINDS, GeoFileError, read


class Command(BaseCommand):
    help = (
        "Import official geography as published: CBS/PDOK municipalities, districts and "
        "neighbourhoods (GeoJSON or CSV), CBS StatLine tables, municipality centroids and PC4 "
        "centroids. Each file's kind is detected from its content; each file is saved whole or "
        "not at all; importing again updates, never duplicates."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "files", nargs="+", type=Path, metavar="FILE", help="CSV or JSON file as published"
        )
        parser.add_argument(
            "--kind", choices=KINDS, help="what every FILE holds (default: detect per file)"
        )

    def handle(self, *args, files: list[Path], kind: str | None, verbosity: int, **options) -> None:
        # Read every file first: an unreadable one stops the run before anything is saved.
        try:
            parsed_files = [read(path, kind) for path in files]
        except GeoFileError as exc:
            raise CommandError(str(exc)) from None
        # Parents before children and shapes before postcodes, whatever the order given.
        for path, parsed in sorted(
            zip(files, parsed_files, strict=True), key=lambda pair: IMPORT_ORDER[pair[1].kind]
        ):
            started = time.perf_counter()
            try:
                outcome = import_parsed(parsed)
            except DatabaseError as exc:
                raise CommandError(
                    f"{path}: not imported, nothing of it was saved ({exc})"
                ) from exc
            self.stdout.write(summary(parsed, outcome, time.perf_counter() - started))
            if verbosity >= 1:
                for line in skip_lines(outcome, None if verbosity >= 2 else 10):
                    self.stdout.write(line)
