"""Print Locust's per-page figures as a Markdown table: python loadtest/report.py PREFIX_stats.csv

p50/p95/p99 in milliseconds; pages over the target (p95 above 100 ms) or with errors are marked.
"""

import csv
import sys

TARGET_P95_MS = 100
HEADER = ("page", "requests", "p50 ms", "p95 ms", "p99 ms", "errors", "")


def rows(stats_csv: str) -> list[tuple[str, ...]]:
    with open(stats_csv, newline="") as file:
        records = list(csv.DictReader(file))
    pages = sorted((r for r in records if r["Name"] != "Aggregated"), key=lambda r: r["Name"])
    total = [r for r in records if r["Name"] == "Aggregated"]
    return [row(r) for r in pages] + [row(r, name="all pages") for r in total]


def row(record: dict, name: str = "") -> tuple[str, ...]:
    errors = int(record["Failure Count"])
    over = record["95%"] != "N/A" and float(record["95%"]) > TARGET_P95_MS
    mark = " ".join(m for m, on in (("over target", over), ("errors", errors)) if on)
    return (
        name or record["Name"],
        record["Request Count"],
        record["50%"],
        record["95%"],
        record["99%"],
        str(errors),
        mark,
    )


def table(lines: list[tuple[str, ...]]) -> str:
    out = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    out += ["| " + " | ".join(line) + " |" for line in lines]
    return "\n".join(out)


if __name__ == "__main__":
    print(table(rows(sys.argv[1])))
