"""Write the subset of the Utrecht component CSS that Omzien's pages use (see web.utrecht_css)."""

from django.core.management.base import BaseCommand

from omzien.web import utrecht_css


class Command(BaseCommand):
    help = "Write vendor/utrecht-component-library-css/subset.css: only the classes Omzien uses."

    def handle(self, *args, **options):
        subset = utrecht_css.build_subset()
        utrecht_css.SUBSET.write_text(subset, encoding="utf-8")
        whole = utrecht_css.LIBRARY.stat().st_size
        self.stdout.write(
            f"{utrecht_css.SUBSET.name}: {len(subset.encode()):,} of {whole:,} bytes "
            "of the component library."
        )
