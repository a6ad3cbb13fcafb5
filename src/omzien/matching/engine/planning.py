"""The optimal plan for a pool: proposals a coordinator accepts, rejects, locks or excludes.

The plan maximises the total score (waiting time is one of its parts, so those who
waited longest weigh more) over all admissible pairs, honours capacities and lets
households stay unmatched. Locked pairs are kept (if they are admissible and fit),
excluded pairs never appear.
"""

from __future__ import annotations

import time
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from functools import cached_property

import numpy as np

from .candidates import candidates
from .explain import explain_positions
from .parallel import run_all
from .pool import Pair, Pool, as_columns
from .scoring import CENTI
from .solver import solve_assignment
from .suggest import why_none

# Below this many requests a second process costs more than it saves.
PARALLEL_MIN_REQUESTS = 5000


@dataclass(frozen=True, slots=True)
class PlannedPair:
    request_id: int
    offer_id: int
    score: float
    locked: bool = False


@dataclass(frozen=True, eq=False)
class Plan:
    """Proposed pairs (by request id), what stays unmatched, and how long it took."""

    request_ids: np.ndarray
    offer_ids: np.ndarray
    scores: np.ndarray  # points per pair
    locked: np.ndarray  # True where the pair was locked by a coordinator
    unmatched_ids: np.ndarray
    components: int  # independent parts the pool was split into
    timings: dict[str, float]  # seconds
    rejected_locks: dict[Pair, str] = field(default_factory=dict)  # lock -> why not kept (a code)
    reason: str = ""  # a code (see suggest.why_none), when nothing could be matched

    @cached_property
    def pairs(self) -> tuple[PlannedPair, ...]:
        return tuple(
            PlannedPair(int(r), int(o), float(s), bool(k))
            for r, o, s, k in zip(
                self.request_ids, self.offer_ids, self.scores, self.locked, strict=True
            )
        )

    @property
    def total_score(self) -> float:
        return round(float(self.scores.sum()), 2)

    @property
    def matched(self) -> int:
        return len(self.request_ids)

    @cached_property
    def unmatched_request_ids(self) -> tuple[int, ...]:
        return tuple(int(i) for i in self.unmatched_ids)


def plan(
    pool: Pool,
    locked: Collection[Pair] = frozenset(),
    excluded: Collection[Pair] = frozenset(),
    workers: int = 1,
) -> Plan:
    """The assignment with the greatest total score; exact (see solver.py).

    Programmes never share a pair, so with workers > 1 a large pool is split by
    programme and the parts are encoded and planned in that many processes at once.
    """
    started = time.perf_counter()
    locked = {(int(r), int(o)) for r, o in locked}
    excluded = {(int(r), int(o)) for r, o in excluded}
    parts = _parts(pool, workers)
    owner = {pair: _owner(parts, pair[0]) for pair in locked}
    shares = run_all(
        _plan_share,
        [
            (part, {pair for pair in locked if owner[pair] == n}, excluded)
            for n, part in enumerate(parts)
        ],
    )
    request_ids, offer_ids, centi, kept = (
        np.concatenate([getattr(share, name) for share in shares])
        for name in ("request_ids", "offer_ids", "centipoints", "locked")
    )
    order = np.argsort(request_ids, kind="stable")
    counts = {name: sum(s.excluded[name] for s in shares) for name in shares[0].excluded}
    requests, offers = (sum(getattr(s, name) for s in shares) for name in ("requests", "offers"))
    # Pairs across parts are pairs across programmes.
    counts["programme"] += requests * offers - sum(s.considered for s in shares)
    return Plan(
        request_ids=request_ids[order],
        offer_ids=offer_ids[order],
        scores=centi[order] / CENTI,
        locked=kept[order],
        unmatched_ids=np.sort(np.concatenate([s.unmatched_ids for s in shares])),
        components=sum(s.components for s in shares),
        timings={
            **{k: max(s.seconds[k] for s in shares) for k in shares[0].seconds},
            "total": time.perf_counter() - started,
        },
        rejected_locks={pair: why for s in shares for pair, why in s.rejected.items()},
        reason="" if len(order) else why_none(pool, "pool", -1, counts, requests * offers),
    )


@dataclass(frozen=True, eq=False)
class _Share:
    """The plan for part of a pool, by id."""

    request_ids: np.ndarray
    offer_ids: np.ndarray
    centipoints: np.ndarray
    locked: np.ndarray
    unmatched_ids: np.ndarray
    rejected: dict[Pair, str]
    excluded: dict[str, int]
    considered: int
    requests: int
    offers: int
    components: int
    seconds: dict[str, float]


def _parts(pool: Pool, count: int) -> list[Pool]:
    """The pool split into `count` pools of whole programmes with about equally many
    requests; the pool itself when it is too small to gain from more processes."""
    if count <= 1 or len(pool.requests) < PARALLEL_MIN_REQUESTS:
        return [pool]
    req, off, vocabulary = as_columns(pool)
    programmes, code = np.unique(
        np.concatenate([req.programme_id, off.programme_id]), return_inverse=True
    )
    if len(programmes) <= 1:
        return [pool]
    load = np.bincount(code[: len(req)], minlength=len(programmes))
    part_of = np.zeros(len(programmes), dtype=np.int64)
    totals = np.zeros(count)
    for programme in np.argsort(-load, kind="stable"):
        part_of[programme] = int(np.argmin(totals))
        totals[part_of[programme]] += load[programme]
    part = part_of[code]
    return [
        replace(
            pool,
            requests=req.take(np.flatnonzero(part[: len(req)] == k)),
            offers=off.take(np.flatnonzero(part[len(req) :] == k)),
            vocabulary=vocabulary,
        )
        for k in np.unique(part_of)
    ]


def _owner(parts: list[Pool], request_id: int) -> int:
    """The part that handles a lock: its request's (an unknown request: the first)."""
    if len(parts) == 1:
        return 0
    return next((k for k, p in enumerate(parts) if request_id in p.requests.id), 0)


def _plan_share(job: tuple[Pool, set[Pair], set[Pair]]) -> _Share:
    pool, locked, excluded = job
    started = time.perf_counter()
    d = pool.data
    encoded = time.perf_counter()
    found = candidates(pool)
    searched = time.perf_counter()
    capacity = d.off.capacity.copy() if pool.rules.allow_multiple else np.minimum(d.off.capacity, 1)
    weight, kept, rejected = found.total, np.zeros(0, dtype=np.int64), {}
    if locked or excluded:
        codes = d.pair_codes(found.request_index, found.offer_index)
        kept, rejected = _locks(pool, codes, capacity, locked, excluded)
        capacity -= np.bincount(found.offer_index[kept], minlength=len(capacity))
        locked_rows = np.zeros(len(d.req), dtype=bool)
        locked_rows[found.request_index[kept]] = True
        usable = ~np.isin(codes, _pair_codes(pool, excluded)) & ~locked_rows[found.request_index]
        weight = np.where(usable, weight, 0)  # the solver never takes a pair worth nothing
    solved = solve_assignment(
        found.request_index, found.offer_index, weight, capacity, n_rows=len(d.req)
    )
    edges = np.concatenate([kept, solved.edges])
    matched = np.zeros(len(d.req), dtype=bool)
    matched[found.request_index[edges]] = True
    return _Share(
        request_ids=d.req.id[found.request_index[edges]],
        offer_ids=d.off.id[found.offer_index[edges]],
        centipoints=found.total[edges],
        locked=np.arange(len(edges)) < len(kept),
        unmatched_ids=d.req.id[~matched],
        rejected=rejected,
        excluded=found.excluded,
        considered=found.considered,
        requests=len(d.req),
        offers=len(d.off),
        components=solved.components,
        seconds={
            "encode": encoded - started,
            "candidates": searched - encoded,
            "solve": time.perf_counter() - searched,
        },
    )


def _pair_codes(pool: Pool, pairs: Collection[Pair]) -> np.ndarray:
    """Codes of the (request id, offer id) pairs that are in the pool."""
    known = [(pool.request_position(r), pool.offer_position(o)) for r, o in pairs]
    known = [(r, o) for r, o in known if r is not None and o is not None]
    ri, oi = (
        (np.array(x, dtype=np.int64) for x in zip(*known, strict=True))
        if known
        else (np.zeros(0, np.int64), np.zeros(0, np.int64))
    )
    return pool.data.pair_codes(ri, oi)


def _locks(
    pool: Pool,
    codes: np.ndarray,
    capacity: np.ndarray,
    locked: Collection[Pair],
    excluded: Collection[Pair],
) -> tuple[np.ndarray, dict[Pair, str]]:
    """Candidate positions of the locked pairs that can be kept, and why the others cannot."""
    kept: list[int] = []
    rejected: dict[Pair, str] = {}
    if not locked:
        return np.zeros(0, dtype=np.int64), rejected
    order = np.argsort(codes)
    sorted_codes = codes[order]
    excluded = {(int(r), int(o)) for r, o in excluded}
    taken: set[int] = set()
    used = np.zeros(len(capacity), dtype=np.int64)
    for pair in sorted({(int(r), int(o)) for r, o in locked}):
        r, o = pool.request_position(pair[0]), pool.offer_position(pair[1])
        if r is None or o is None:
            rejected[pair] = "not_in_pool"
            continue
        code = r * len(capacity) + o  # as Encoded.pair_codes
        at = int(np.searchsorted(sorted_codes, code))
        if pair in excluded:
            rejected[pair] = "excluded"
        elif at == len(sorted_codes) or sorted_codes[at] != code:
            failed = explain_positions(pool, r, o).failed
            rejected[pair] = "does_not_fit:" + ",".join(rule.name for rule in failed)
        elif r in taken:
            rejected[pair] = "household_taken"
        elif used[o] >= capacity[o]:
            rejected[pair] = "volunteer_full"
        else:
            kept.append(int(order[at]))
            taken.add(r)
            used[o] += 1
    return np.array(kept, dtype=np.int64), rejected
