"""`omzien compile_engine`: compile the matching engine's Numba parts into their cache.

Run it once after installing or upgrading, so that the first coordinator who opens the
candidates or a pool plan does not wait the few seconds the compiling takes.
"""

import time

from django.core.management.base import BaseCommand

from omzien.matching.engine import OfferItem, Pool, RequestItem, explain, plan, suggest_for_offer


class Command(BaseCommand):
    help = "Compile the matching engine's compiled parts into their cache (once per install)."

    def handle(self, *args, **options):
        started = time.perf_counter()
        # The compiled code depends on the types of the columns, not on the pool's size:
        # one household and one volunteer reach every compiled part.
        place = {"programme_id": 1, "lat": 52.09, "lon": 5.12, "slots": 1}
        pool = Pool([RequestItem(id=1, child_ages=(6.0,), **place)], [OfferItem(id=1, **place)])
        plan(pool, locked={(1, 1)})
        explain(pool, 1, 1)
        suggest_for_offer(pool, 1)
        self.stdout.write(f"Matching engine compiled in {time.perf_counter() - started:.1f} s.")
