"""Themes that recur: the reasons behind requests, per neighbourhood, and which stand out.

A theme is flagged in a neighbourhood when it is markedly more frequent there than in the
municipality as a whole: a shared challenge to take up with partners, not one family's.

The test, for neighbourhood n and theme t, over the requests signed up in the period:

- k requests of n mention t, out of N_n requests of n; the municipality has M requests of
  which K mention t. Expected: N_n · K / M.
- If n were like the municipality, its N_n requests would be a random draw from the M, and
  k would follow the hypergeometric distribution. The one-sided p-value is P(X >= k), the
  same as Fisher's exact test of n against the rest of the municipality.
- All neighbourhood-theme pairs are tested at once, so the p-values are adjusted with
  Benjamini-Hochberg (false discovery rate 5%).
- A flag also needs k of at least MIN_COUNT (never below the suppression threshold) and k at
  least RATIO times the expected count: significant, and big enough to matter.

The test runs on the exact counts, but only published counts leave: each count is the cell of
its neighbourhood (or of the municipality, for the totals) through `suppression.publish`, and
the expected count and ratio shown are computed from those. A flagged count is never a hidden
one.
"""

from collections import Counter
from datetime import date
from typing import NamedTuple

import numpy as np
from django.utils.translation import gettext_lazy as _
from scipy.stats import hypergeom

from omzien.access.suppression import cell, publish, threshold
from omzien.geo.models import Neighbourhood
from omzien.intake.models import Request
from omzien.vocabulary import Theme

from .places import NEIGHBOURHOOD, area_of, home_in

MIN_COUNT = 5
RATIO = 1.5
FALSE_DISCOVERY_RATE = 0.05
SIGNED_UP = "signed_up"  # the measure of a count of requests signed up in the period
UNKNOWN = "unknown"


class FlaggedTheme(NamedTuple):
    neighbourhood: Neighbourhood
    theme: Theme
    count: int
    expected: float
    ratio: float


def adjusted(p_values: list[float]) -> list[float]:
    """Benjamini-Hochberg adjusted p-values, in the order given."""
    if not p_values:
        return []
    p = np.asarray(p_values, dtype=float)
    order = np.argsort(p)
    ranked = p[order] * len(p) / np.arange(1, len(p) + 1)
    ranked = np.minimum.accumulate(ranked[::-1])[::-1]
    result = np.empty_like(p)
    result[order] = np.minimum(ranked, 1.0)
    return result.tolist()


def theme_counts(municipality, start: date, end: date, programmes) -> tuple[Counter, Counter]:
    """Requests per neighbourhood (None: unknown), and (neighbourhood, theme) mentions.

    Only in `programmes` (ids), the caller's scope: there is no default to all programmes, so
    that a caller who forgets the scope counts nobody rather than everybody."""
    requests = Request.objects.in_programmes(programmes).filter(
        home_in("", municipality),
        signed_up_at__date__range=(start, end),
    )
    per_hood, mentions = Counter(), Counter()
    rows = requests.annotate(hood=area_of("", NEIGHBOURHOOD)).values_list("hood", "themes")
    for hood, themes in rows:
        per_hood[hood] += 1
        for theme in set(themes or []) & set(Theme.values):
            mentions[(hood, theme)] += 1
    return per_hood, mentions


def theme_table(municipality, start: date, end: date, programmes) -> dict:
    """The counts as published: requests per neighbourhood and mentions per theme, each the
    cell of its neighbourhood (or the municipality, for totals), with every pair's published
    expected count and ratio and whether it is flagged."""
    hoods = list(
        Neighbourhood.objects.filter(district__municipality=municipality)
        .defer("geometry")
        .order_by("name")
    )
    per_hood, mentions = theme_counts(municipality, start, end, programmes)
    keys = [h.pk for h in hoods] + [None]
    places = {h.pk: h.code for h in hoods} | {None: f"{municipality.code}/buurt/{UNKNOWN}"}

    def shown(measure: str, count: int, place: str) -> int | None:
        return publish(count, cell(measure, programmes, place, start, end))

    cells = {(h, t): shown(t, mentions[(h, t)], places[h]) for h in keys for t in Theme.values}
    theme_totals = {t: sum(mentions[(h, t)] for h in keys) for t in Theme.values}
    totals = {t: shown(t, theme_totals[t], municipality.code) for t in Theme.values}
    requests = {h: shown(SIGNED_UP, per_hood[h], places[h]) for h in keys}
    total = sum(per_hood.values())
    requests_total = shown(SIGNED_UP, total, municipality.code)
    tested = [(h, t) for h in keys[:-1] for t in Theme.values if per_hood[h] and theme_totals[t]]
    p_values = [
        float(hypergeom.sf(mentions[(h, t)] - 1, total, theme_totals[t], per_hood[h]))
        for h, t in tested
    ]
    least = max(MIN_COUNT, threshold())
    pairs = {}
    for (h, t), p in zip(tested, adjusted(p_values), strict=True):
        ratio = mentions[(h, t)] * total / (per_hood[h] * theme_totals[t])
        flagged = (
            p < FALSE_DISCOVERY_RATE
            and ratio >= RATIO
            and mentions[(h, t)] >= least
            and cells[(h, t)] is not None
            # Expected and ratio are derived from the neighbourhood's request count: when that
            # count is hidden, publishing them would give it back.
            and requests[h] is not None
        )
        pairs[(h, t)] = {"p": p, "flagged": flagged} | as_published(
            cells[(h, t)], requests[h], totals[t], requests_total
        )
    return {
        "neighbourhoods": hoods,
        "cells": cells,
        "theme_totals": totals,
        "requests": requests,
        "requests_total": requests_total,
        "pairs": pairs,
        "unknown": per_hood[None] > 0,
    }


def as_published(count, requests, theme_total, requests_total) -> dict:
    """Expected count and ratio from the published counts only: from the raw counts they would
    give the exact count back, and with it what rounding hides."""
    if None in (count, requests, theme_total) or not requests_total or not theme_total:
        return {"expected": None, "ratio": None}
    expected = requests * theme_total / requests_total
    return {"expected": expected, "ratio": count / expected if expected else None}


def flags(table: dict) -> list[FlaggedTheme]:
    """The flagged pairs of a theme table, strongest first."""
    hoods = {h.pk: h for h in table["neighbourhoods"]}
    rows = [
        FlaggedTheme(
            hoods[h],
            Theme(t),
            table["cells"][(h, t)],
            round(pair["expected"], 1),
            round(pair["ratio"], 2),
        )
        for (h, t), pair in table["pairs"].items()
        if pair["flagged"]
    ]
    return sorted(rows, key=lambda r: (-r.ratio, r.neighbourhood.name, r.theme))


def flagged_themes(municipality, start: date, end: date, programmes) -> list[FlaggedTheme]:
    """Themes markedly more frequent in one neighbourhood than in the whole municipality, among
    the requests signed up from `start` to `end` in `programmes` (ids, the caller's scope);
    strongest first. See the module's text for the test."""
    return flags(theme_table(municipality, start, end, programmes))


def published(table: dict, district=None) -> dict:
    """The table as the page shows it: one row per neighbourhood (of the district, if one is
    chosen), the theme totals of the municipality, and the flags."""
    hoods = [h for h in table["neighbourhoods"] if district is None or h.district_id == district.pk]
    keys = [(h.code, h.name, h.pk) for h in hoods]
    if table["unknown"] and district is None:
        keys.append(("unknown", _("woonplaats onbekend"), None))
    rows = [
        {
            "key": code,
            "label": name,
            "requests": table["requests"][pk],
            "cells": [
                {
                    "count": table["cells"][(pk, t)],
                    "flagged": table["pairs"].get((pk, t), {}).get("flagged", False),
                }
                for t in Theme.values
            ],
        }
        for code, name, pk in keys
    ]
    codes = {h.code for h in hoods}
    return {
        "rows": rows,
        "totals": [table["theme_totals"][t] for t in Theme.values],
        "flagged": [f for f in flags(table) if f.neighbourhood.code in codes],
        "themes": [Theme(t) for t in Theme.values],
        "empty": table["requests_total"] == 0,
        "min_count": max(MIN_COUNT, threshold()),
        "ratio": RATIO,
    }
