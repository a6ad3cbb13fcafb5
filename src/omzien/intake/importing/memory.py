"""Python's cycle collector paused while a big file is read, checked and loaded.

An import of 100,000 rows keeps millions of objects alive until it ends (the rows, the report,
the records to insert). The cycle collector walks them all over and over as more are made:
a third of the import's time. Reference counting still frees everything short-lived; the
collector runs again as soon as the import is done.
"""

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
