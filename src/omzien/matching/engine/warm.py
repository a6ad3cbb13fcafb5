"""Load the engine's compiled parts into this process before anyone waits for them.

Numba compiles once into its cache (`omzien compile_engine`), but every process still loads
that cache on its first call: about half a second per process on an idle machine, several
seconds under load. App servers call `warm_up` once per worker before they take requests.
"""

from .explain import explain
from .items import OfferItem, RequestItem
from .planning import plan
from .pool import Pool
from .suggest import suggest_for_offer, suggest_for_request


def warm_up() -> None:
    """Run each compiled part once; their code depends on the columns' types, not the sizes,
    so one household and one volunteer reach every compiled part."""
    place = {"programme_id": 1, "lat": 52.09, "lon": 5.12, "slots": 1}
    pool = Pool([RequestItem(id=1, child_ages=(6.0,), **place)], [OfferItem(id=1, **place)])
    plan(pool, locked={(1, 1)})
    explain(pool, 1, 1)
    suggest_for_offer(pool, 1)
    suggest_for_request(pool, 1)
