"""Benchmark of the optimal plan on a generated national pool (not part of the tests).

    python -m omzien.matching.engine.bench [--sizes 5000,20000,50000] [--runs 3]

For each size: the engine's plan (candidate generation included; median of several
runs), its peak memory, total score and number matched; side by side, on the same
admissible pairs, a greedy first-come-first-served baseline and SciPy's sparse
assignment (`min_weight_full_bipartite_matching`) on the whole pool, run in a separate
process with a time limit.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import min_weight_full_bipartite_matching

from .bench_pool import GeneratedPool, national_pool
from .candidates import Candidates, candidates
from .planning import plan
from .scoring import CENTI

MIB = 1024 * 1024


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", default="5000,20000,50000", help="households per pool, comma-separated"
    )
    parser.add_argument("--runs", type=int, default=5, help="timed runs of the engine per pool")
    parser.add_argument("--workers", type=int, default=2, help="processes for the solver")
    parser.add_argument("--reference-limit", type=float, default=300.0, help="seconds for SciPy")
    args = parser.parse_args(argv)
    print(f"Omzien matching engine benchmark; {os.cpu_count()} cores; workers={args.workers}")
    started = time.perf_counter()
    plan(national_pool(200).pool)  # compiles the Numba parts, or loads them from the cache
    print(
        f"one-off per process, compiling or loading the compiled parts: {_since(started):.2f} s\n"
    )
    for size in (int(s) for s in args.sizes.split(",")):
        _bench(size, args.runs, args.workers, args.reference_limit)


def _bench(size: int, runs: int, workers: int, limit: float) -> None:
    generated = national_pool(size)
    print(f"== {size:,} households x {size:,} volunteers, {generated.programmes} programmes ==")
    print(f"   places: {generated.source}")
    seconds, parts, result = [], [], None
    for _ in range(max(runs, 1)):
        pool = dataclasses.replace(generated.pool)  # fresh pool: encoding is timed too
        started = time.perf_counter()
        result = plan(pool, workers=workers)
        seconds.append(_since(started))
        parts.append(result.timings)
    found = candidates(generated.pool)
    peak = _peak_memory(generated)
    _describe_candidates(found, size)
    greedy_s, greedy_total, greedy_matched = _timed_greedy(generated, found)
    ref = _reference(generated, found, limit)
    engine_s = statistics.median(seconds)
    rows = [
        (
            "engine plan (incl. candidates)",
            engine_s,
            f"{peak / MIB:,.0f}",
            result.total_score,
            result.matched,
        ),
        *(
            (f"  of which {label}", statistics.median(p[key] for p in parts), "", None, None)
            for key, label in (
                ("encode", "encoding"),
                ("candidates", "candidates"),
                ("solve", "solving"),
            )
        ),
        ("greedy first-come-first-served", greedy_s, "", greedy_total, greedy_matched),
        ("SciPy sparse (whole pool)", ref.get("seconds"), "", ref.get("total"), ref.get("matched")),
    ]
    _table(rows)
    print(f"   components: {result.components:,}; runs: {', '.join(f'{s:.3f}' for s in seconds)} s")
    if "seconds" in ref:
        same = abs(ref["total"] - result.total_score) < 0.005
        print(
            f"   speed-up vs SciPy: {ref['seconds'] / engine_s:.1f}x "
            f"(solver part only: {ref['seconds'] / statistics.median(p['solve'] for p in parts):.1f}x); "
            f"same optimum as SciPy: {'yes' if same else 'NO'}"
        )
    else:
        print(f"   SciPy stopped after {limit:.0f} s: speed-up at least {limit / engine_s:.1f}x")
    print(
        f"   vs greedy: score {result.total_score - greedy_total:+,.1f}, "
        f"matched {result.matched - greedy_matched:+,}"
    )
    print(
        f"   process peak RSS so far: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MiB\n"
    )


def _since(started: float) -> float:
    return time.perf_counter() - started


def _peak_memory(generated: GeneratedPool) -> int:
    """Peak bytes allocated during one plan in one process (tracemalloc sees NumPy too)."""
    pool = dataclasses.replace(generated.pool)
    tracemalloc.start()
    plan(pool, workers=1)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def _describe_candidates(found: Candidates, size: int) -> None:
    per = np.bincount(found.request_index, minlength=size)
    p5, p50, p95 = np.percentile(per, [5, 50, 95])
    within = np.mean((per >= 20) & (per <= 50))
    print(
        f"   admissible pairs: {len(found):,}; per household p5 {p5:.0f}, median {p50:.0f}, "
        f"p95 {p95:.0f}; {within:.0%} have 20-50"
    )


def _table(rows: list[tuple]) -> None:
    print(f"   {'method':<32}{'time (s)':>10}{'peak MiB':>10}{'total score':>16}{'matched':>10}")
    for name, seconds, memory, total, matched in rows:
        time_s = "-" if seconds is None else f"{seconds:.3f}"
        total_s = "" if total is None else f"{total:,.2f}"
        matched_s = "" if matched is None else f"{matched:,}"
        print(f"   {name:<32}{time_s:>10}{memory:>10}{total_s:>16}{matched_s:>10}")


def _timed_greedy(generated: GeneratedPool, found: Candidates) -> tuple[float, float, int]:
    started = time.perf_counter()
    total, matched = greedy(
        found, generated.pool.data.req.waited_days, generated.pool.data.off.capacity
    )
    return time.perf_counter() - started, total / CENTI, matched


def greedy(found: Candidates, waited: np.ndarray, capacity: np.ndarray) -> tuple[int, int]:
    """Longest-waiting household first takes its best volunteer with room left."""
    order = np.lexsort((-found.total, found.request_index, -waited[found.request_index]))
    rows = found.request_index[order]
    starts = np.flatnonzero(np.diff(rows, prepend=-1))
    ends = np.append(starts[1:], len(rows))
    cols, weight = found.offer_index[order].tolist(), found.total[order].tolist()
    room = capacity.tolist()
    total = matched = 0
    for start, end in zip(starts.tolist(), ends.tolist(), strict=True):
        for k in range(start, end):
            if room[cols[k]] > 0:
                room[cols[k]] -= 1
                total += weight[k]
                matched += 1
                break
    return total, matched


def _reference(generated: GeneratedPool, found: Candidates, limit: float) -> dict:
    """SciPy's sparse solver on the whole pool, in a child process with a time limit."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "pairs.npz"
        np.savez(
            path,
            rows=found.request_index,
            cols=found.offer_index,
            weight=found.total,
            capacity=generated.pool.data.off.capacity,
            n=len(generated.pool.data.req),
        )
        command = [
            sys.executable,
            "-m",
            "omzien.matching.engine.bench",
            "--reference-child",
            str(path),
        ]
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=limit, check=True
            )
        except subprocess.TimeoutExpired:
            return {}
    return json.loads(done.stdout)


def reference_child(path: str) -> None:
    """Rows = households; columns = one per unit of capacity, plus one 'unmatched'
    column per household, so that a full matching exists. cost = BIG - score."""
    data = np.load(path)
    rows, cols, weight, capacity, n = (data[k] for k in ("rows", "cols", "weight", "capacity", "n"))
    started = time.perf_counter()
    copies = capacity[cols]
    first = np.cumsum(capacity) - capacity
    slot = (
        np.repeat(first[cols], copies)
        + np.arange(copies.sum())
        - np.repeat(np.cumsum(copies) - copies, copies)
    )
    slots, big = int(capacity.sum()), float(weight.max(initial=0) + 1)
    matrix = sparse.csr_array(
        (
            np.concatenate([big - np.repeat(weight, copies), np.full(n, big)]),
            (
                np.concatenate([np.repeat(rows, copies), np.arange(n)]),
                np.concatenate([slot, slots + np.arange(n)]),
            ),
        ),
        shape=(int(n), slots + int(n)),
    )
    r, c = min_weight_full_bipartite_matching(matrix)
    real = c < slots
    total = float(len(np.flatnonzero(real)) * big - matrix[r[real], c[real]].sum())
    print(
        json.dumps(
            {
                "seconds": time.perf_counter() - started,
                "total": total / CENTI,
                "matched": int(real.sum()),
            }
        )
    )


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--reference-child":
        reference_child(sys.argv[2])
    else:
        main()
