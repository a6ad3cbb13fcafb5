"""Medians and percentiles of day counts; a figure over nobody is None, never zero."""

import numpy as np


def median(values) -> int | None:
    return round(float(np.median(values))) if len(values) else None


def percentile(values, q: float) -> int | None:
    return round(float(np.percentile(values, q))) if len(values) else None
