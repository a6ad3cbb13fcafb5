"""`omzien compile_engine`: compile the matching engine's Numba parts into their cache.

Run it once after installing or upgrading, so that the first coordinator who opens the
candidates or a pool plan does not wait the few seconds the compiling takes.
"""

import time

from django.core.management.base import BaseCommand

from omzien.matching.engine.warm import warm_up


class Command(BaseCommand):
    help = "Compile the matching engine's compiled parts into their cache (once per install)."

    def handle(self, *args, **options):
        started = time.perf_counter()
        warm_up()
        self.stdout.write(f"Matching engine compiled in {time.perf_counter() - started:.1f} s.")
