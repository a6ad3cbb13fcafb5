"""Requests and offers that fit each other unless a test says otherwise."""

from __future__ import annotations

import dataclasses

from omzien.matching.engine import OfferItem, Pool, RequestItem, Rules, Weights

UTRECHT = (52.0907, 5.1214)
MONDAY_MORNING = 1 << 0
TUESDAY_AFTERNOON = 1 << 4


def request(**changes) -> RequestItem:
    base = RequestItem(
        id=1,
        programme_id=1,
        household_key="household-1",
        lat=UTRECHT[0],
        lon=UTRECHT[1],
        neighbourhood="BU03440101",
        child_ages=(6.0,),
        slots=MONDAY_MORNING,
        languages=frozenset({"nl"}),
        needs=frozenset({"homework"}),
        waited_days=100,
        household_type="single_parent",
    )
    return dataclasses.replace(base, **changes)


def offer(**changes) -> OfferItem:
    base = OfferItem(
        id=10,
        programme_id=1,
        household_key="volunteer-10",
        lat=UTRECHT[0] + 0.02,  # about 2.2 km north
        lon=UTRECHT[1],
        neighbourhood="BU03440202",
        radius_km=10.0,
        min_age=0.0,
        max_age=12.999,
        slots=MONDAY_MORNING,
        languages=frozenset({"nl"}),
        offers=frozenset({"homework", "outings"}),
        capacity=1,
    )
    return dataclasses.replace(base, **changes)


def pool(requests=None, offers=None, **kwargs) -> Pool:
    return Pool(
        requests=[request()] if requests is None else requests,
        offers=[offer()] if offers is None else offers,
        weights=kwargs.pop("weights", Weights()),
        rules=kwargs.pop("rules", Rules()),
        **kwargs,
    )
