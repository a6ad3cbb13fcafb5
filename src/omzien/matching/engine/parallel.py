"""Independent jobs in forked processes: one job here, the others in children.

Fork shares the parent's memory (the encoded pool) without copying or pickling it;
only the small results travel back. Without fork (Windows) everything runs here.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from typing import TypeVar

Job = TypeVar("Job")
Result = TypeVar("Result")


def run_all(function: Callable[[Job], Result], jobs: Sequence[Job]) -> list[Result]:
    """function(job) for every job, in job order."""
    try:
        context = multiprocessing.get_context("fork")
    except ValueError:
        return [function(job) for job in jobs]
    children = []
    for job in jobs[1:]:
        receive, send = context.Pipe(duplex=False)
        process = context.Process(target=_child, args=(function, job, send), daemon=True)
        process.start()
        send.close()
        children.append((process, receive, job))
    results = [function(job) for job in jobs[:1]]
    for process, receive, job in children:
        try:
            results.append(receive.recv())
        except EOFError:  # the child failed: run its job here, so any error surfaces here
            results.append(function(job))
        process.join()
    return results


def _child(function: Callable[[Job], Result], job: Job, send: Connection) -> None:
    send.send(function(job))
    send.close()
