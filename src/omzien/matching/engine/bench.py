"""Benchmark of the optimal plan on two kinds of generated pool (not part of the tests).

    python -m omzien.matching.engine.bench [--sizes 5000,20000,50000] [--city-sizes 50000]
                                           [--runs 5]

The national pool (today's structure: many programmes, so many small components), for
each size: the engine's plan (candidate generation included; median of several runs),
its peak memory, total score and number matched; side by side, on the same admissible
pairs, a greedy first-come-first-served baseline, OR-Tools' min-cost flow and SciPy's
sparse assignment (`min_weight_full_bipartite_matching`) on the whole pool, SciPy in a
separate process with a time limit.

The city pool (one connected component, see `city_pool`): the engine's solver against
OR-Tools' `SimpleMinCostFlow` on the same pairs in the same run (medians of several
runs; wall-clock and processor seconds, as the machine may be shared), and SciPy; all
must reach the same optimum, else the benchmark stops with an error.
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
from ortools.graph.python import min_cost_flow
from scipy import sparse
from scipy.sparse.csgraph import min_weight_full_bipartite_matching

from .bench_pool import GeneratedPool, city_pool, national_pool
from .candidates import Candidates, candidates
from .planning import plan
from .scoring import CENTI
from .solver import solve_assignment

MIB = 1024 * 1024


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", default="5000,20000,50000", help="households per pool, comma-separated"
    )
    parser.add_argument(
        "--city-sizes", default="50000", help="households in the one-component city pool"
    )
    parser.add_argument("--runs", type=int, default=5, help="timed runs of the engine per pool")
    parser.add_argument("--reference-runs", type=int, default=3, help="timed runs of OR-Tools")
    parser.add_argument("--workers", type=int, default=2, help="processes for the solver")
    parser.add_argument("--reference-limit", type=float, default=300.0, help="seconds for SciPy")
    args = parser.parse_args(argv)
    print(f"Omzien matching engine benchmark; {os.cpu_count()} cores; workers={args.workers}")
    started = time.perf_counter()
    plan(national_pool(200).pool)  # compiles the Numba parts, or loads them from the cache
    print(
        f"one-off per process, compiling or loading the compiled parts: {_since(started):.2f} s\n"
    )
    for size in (int(s) for s in args.sizes.split(",") if s):
        _bench(size, args.runs, args.reference_runs, args.workers, args.reference_limit)
    for size in (int(s) for s in args.city_sizes.split(",") if s):
        _bench_city(size, args.runs, args.reference_runs, args.reference_limit)


def _bench(size: int, runs: int, reference_runs: int, workers: int, limit: float) -> None:
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
    capacity = generated.pool.data.off.capacity
    pairs = (found.request_index, found.offer_index, found.total, capacity, size)
    ref = _reference(*pairs, limit)
    flow = _timed(ortools_assignment, pairs, reference_runs)
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
        ("OR-Tools min-cost flow", flow.seconds, "", flow.total / CENTI, flow.matched),
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
    solve_s = statistics.median(p["solve"] for p in parts)
    print(
        f"   OR-Tools: {flow.seconds:.3f} s, solver part of the engine {solve_s:.3f} s "
        f"({flow.seconds / solve_s:.1f}x); same optimum as OR-Tools: "
        f"{'yes' if abs(flow.total / CENTI - result.total_score) < 0.005 else 'NO'}"
    )
    print(
        f"   vs greedy: score {result.total_score - greedy_total:+,.1f}, "
        f"matched {result.matched - greedy_matched:+,}"
    )
    print(
        f"   process peak RSS so far: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MiB\n"
    )


def _bench_city(size: int, runs: int, reference_runs: int, limit: float) -> None:
    city = city_pool(size)
    pairs = (city.rows, city.cols, city.weight, city.capacity, city.n_rows)
    print(f"== city: {size:,} households x {len(city.capacity):,} volunteers, one area ==")
    engine = _timed(_engine_assignment, pairs, runs)
    flow = _timed(ortools_assignment, pairs, reference_runs)
    ref = _reference(*pairs, limit)
    print(
        f"   admissible pairs: {len(city.rows):,} ({len(city.rows) // size} nearest per "
        f"household); components: {engine.components}"
    )
    print(f"   {'method':<32}{'time (s)':>10}{'cpu (s)':>10}{'total score':>16}{'matched':>10}")
    for name, found in (("engine solver", engine), ("OR-Tools min-cost flow", flow)):
        print(
            f"   {name:<32}{found.seconds:>10.3f}{found.cpu:>10.3f}"
            f"{found.total / CENTI:>16,.2f}{found.matched:>10,}"
        )
    scipy_s = f"{ref['seconds']:.3f}" if ref else f">{limit:.0f}"
    scipy_total = f"{ref['total']:,.2f}" if ref else ""
    print(f"   {'SciPy sparse':<32}{scipy_s:>10}{'':>10}{scipy_total:>16}")
    print(f"   engine runs: {', '.join(f'{s:.3f}' for s in engine.runs)} s")
    print(f"   OR-Tools runs: {', '.join(f'{s:.3f}' for s in flow.runs)} s")
    same = engine.total == flow.total and (not ref or round(ref["total"] * CENTI) == engine.total)
    print(
        f"   speed-up vs OR-Tools: {flow.seconds / engine.seconds:.1f}x "
        f"(processor time: {flow.cpu / engine.cpu:.1f}x); same optimum: {'yes' if same else 'NO'}\n"
    )
    if not same:
        raise SystemExit("the engine and a reference solver disagree on the optimum")


@dataclasses.dataclass(frozen=True)
class _Timed:
    seconds: float  # medians
    cpu: float
    runs: list[float]
    total: int
    matched: int
    components: int | None


def _timed(solve, pairs: tuple, runs: int) -> _Timed:
    """Median wall-clock and processor seconds of solve(*pairs) over `runs` runs."""
    wall, cpu = [], []
    for _ in range(max(runs, 1)):
        started, started_cpu = time.perf_counter(), time.process_time()
        total, matched, components = solve(*pairs)
        wall.append(_since(started))
        cpu.append(time.process_time() - started_cpu)
    return _Timed(statistics.median(wall), statistics.median(cpu), wall, total, matched, components)


def _engine_assignment(rows, cols, weight, capacity, n_rows) -> tuple[int, int, int]:
    result = solve_assignment(rows, cols, weight, capacity, n_rows=n_rows)
    return result.total, len(result.rows), result.components


def ortools_assignment(rows, cols, weight, capacity, n_rows) -> tuple[int, int, None]:
    """The same problem as min-cost flow: one unit from each household to a sink, either
    through a volunteer (cost -weight, at most capacity per volunteer) or straight
    (cost 0: stays unmatched). Returns the total weight and the number matched."""
    n_cols = len(capacity)
    sink = n_rows + n_cols
    households, volunteers = np.arange(n_rows), n_rows + np.arange(n_cols)
    flow = min_cost_flow.SimpleMinCostFlow()
    arcs = flow.add_arcs_with_capacity_and_unit_cost(
        np.concatenate([rows, households, volunteers]),
        np.concatenate([n_rows + np.asarray(cols), np.full(n_rows + n_cols, sink)]),
        np.concatenate([np.ones(len(rows) + n_rows, np.int64), capacity]),
        np.concatenate([-np.asarray(weight), np.zeros(n_rows + n_cols, np.int64)]),
    )
    supplies = np.zeros(sink + 1, np.int64)
    supplies[:n_rows], supplies[sink] = 1, -n_rows
    flow.set_nodes_supplies(np.arange(sink + 1), supplies)
    if flow.solve() != flow.OPTIMAL:
        raise RuntimeError("OR-Tools found no optimal flow")
    matched = int(flow.flows(arcs[: len(rows)]).sum())
    return -flow.optimal_cost(), matched, None


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


def _reference(rows, cols, weight, capacity, n: int, limit: float) -> dict:
    """SciPy's sparse solver on the whole pool, in a child process with a time limit."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "pairs.npz"
        np.savez(path, rows=rows, cols=cols, weight=weight, capacity=capacity, n=n)
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
