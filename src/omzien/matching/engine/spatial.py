"""Which requests and offers lie within reach of each other, found by place.

Many households share a postcode centroid, so the search runs over distinct places (per
programme); pairs of places are then expanded to pairs of people, without a loop over
people. Points live on the unit sphere; a programme is an extra axis, with programmes
so far apart that one search never pairs people of different programmes.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.spatial import cKDTree

# Any two points on the unit sphere are at most 2 apart.
_PROGRAMME_GAP = 10.0
# Offer places are searched in groups of similar radius, the largest radius in a group
# at most this factor above the smallest, so few pairs beyond reach are visited.
_RADIUS_STEP = 1.5
# Slack when counting offers by radius; the exact comparison follows.
_TOLERANCE = 1e-9

Pairs = tuple[np.ndarray, np.ndarray, np.ndarray]  # request, offer, chord


@dataclass(frozen=True, eq=False)
class _Places:
    """People grouped by (programme, location)."""

    members: np.ndarray  # people, sorted by place
    start: np.ndarray  # per place, its first position in members (plus one final end)
    point: np.ndarray  # per place, (x, y, z, programme axis)

    @classmethod
    def of(
        cls, people: np.ndarray, xyz: np.ndarray, axis: np.ndarray, *extra: np.ndarray
    ) -> _Places:
        """Group people by place; `extra` keys order people within a place."""
        points = np.column_stack([xyz[people], axis[people]])
        order = np.lexsort((*extra, *points.T[::-1]))
        points, members = points[order], people[order]
        new = np.ones(len(members), dtype=bool)
        new[1:] = np.any(points[1:] != points[:-1], axis=1)
        start = np.append(np.flatnonzero(new), len(members))
        return cls(members, start, points[new])

    @property
    def sizes(self) -> np.ndarray:
        return np.diff(self.start)


def pairs_within_radius(
    requests: np.ndarray,
    offers: np.ndarray,
    req_xyz: np.ndarray,
    off_xyz: np.ndarray,
    req_programme: np.ndarray,
    off_programme: np.ndarray,
    off_chord: np.ndarray,
) -> Pairs:
    """Same-programme (request, offer) pairs with chord <= the offer's chord.

    requests and offers are the indices to consider; the pairs come out grouped by
    request, requests ascending.
    """
    empty = (np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0))
    if len(requests) == 0 or len(offers) == 0:
        return empty
    r_axis, o_axis = _programme_axes(req_programme, off_programme)
    req_places = _Places.of(requests, req_xyz, r_axis)
    # Within an offer place, the widest radius first: a prefix then reaches any distance.
    off_places = _Places.of(offers, off_xyz, o_axis, -off_chord[offers])
    place_pairs = _near_places(req_places, off_places, off_chord)
    if len(place_pairs[0]) == 0:
        return empty
    ri, oi, chord = _expand(req_places, off_places, off_chord, *place_pairs)
    inside = chord <= off_chord[oi]  # the prefixes above already keep nearly all inside
    if inside.all():
        return ri, oi, chord
    inside = np.flatnonzero(inside)
    return ri[inside], oi[inside], chord[inside]


def _programme_axes(
    req_programme: np.ndarray, off_programme: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    programmes = np.unique(np.concatenate([req_programme, off_programme]))
    r = np.searchsorted(programmes, req_programme) * _PROGRAMME_GAP
    o = np.searchsorted(programmes, off_programme) * _PROGRAMME_GAP
    return r.astype(np.float64), o.astype(np.float64)


def _near_places(req: _Places, off: _Places, off_chord: np.ndarray) -> Pairs:
    """(request place, offer place, chord) within the widest radius at the offer place."""
    widest = off_chord[off.members[off.start[:-1]]]
    tree = cKDTree(req.point)
    found_r, found_o, found_chord = [], [], []
    for group in _radius_groups(widest):
        near = cKDTree(off.point[group]).sparse_distance_matrix(
            tree, float(widest[group].max()), output_type="ndarray"
        )
        inside = near["v"] <= widest[group][near["i"]]
        found_o.append(group[near["i"][inside]])
        found_r.append(near["j"][inside])
        found_chord.append(near["v"][inside])
    return np.concatenate(found_r), np.concatenate(found_o), np.concatenate(found_chord)


def _radius_groups(chord: np.ndarray) -> list[np.ndarray]:
    """Indices grouped so that within a group the largest radius <= _RADIUS_STEP x smallest."""
    order = np.argsort(chord, kind="stable")
    ordered = chord[order]
    groups, start = [], 0
    while start < len(order):
        end = int(np.searchsorted(ordered, max(ordered[start], 1e-9) * _RADIUS_STEP, side="right"))
        groups.append(order[start:end])
        start = end
    return groups


def _expand(
    req: _Places,
    off: _Places,
    off_chord: np.ndarray,
    r_place: np.ndarray,
    o_place: np.ndarray,
    chord: np.ndarray,
) -> Pairs:
    """Place pairs -> people pairs, grouped by request (requests ascending)."""
    # How many offers at each offer place reach this far: a prefix of the place's offers.
    place_of_offer = np.repeat(np.arange(len(off.sizes)), off.sizes)
    key = place_of_offer * 4.0 - off_chord[off.members]  # ascending, as chords are <= 2
    reach = np.searchsorted(key, o_place * 4.0 - chord + _TOLERANCE, side="right")
    count = reach - off.start[o_place]
    # Per request place, one list of the offers it reaches, with their chords.
    by_place = np.argsort(r_place, kind="stable")
    o_place, chord, count = o_place[by_place], chord[by_place], count[by_place]
    listed = off.members[ranges(off.start[o_place], count)]
    listed_chord = np.repeat(chord, count)
    first_pair = np.searchsorted(r_place[by_place], np.arange(len(req.sizes) + 1))
    list_start = np.concatenate([[0], np.cumsum(count)])[first_pair]
    # Every request gets the whole list of its place.
    member_place = np.repeat(np.arange(len(req.sizes)), req.sizes)
    ascending = np.argsort(req.members)
    people, place = req.members[ascending], member_place[ascending]
    lengths = list_start[place + 1] - list_start[place]
    at = ranges(list_start[place], lengths)
    return np.repeat(people, lengths), listed[at], listed_chord[at]


def ranges(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Concatenation of arange(s, s + n) for each (s, n)."""
    total = int(lengths.sum())
    shift = np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)
    return np.arange(total) + shift
