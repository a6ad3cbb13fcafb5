"""A small town for the figure tests: two districts, three neighbourhoods, a neighbour town,
and families, matches and contact hours on chosen days."""

from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from itertools import count

from django.utils import timezone

from omzien import testing
from omzien.geo.models import District, Municipality, Neighbourhood, PostcodeArea
from omzien.intake.models import Request, RequestStatus, RequestStatusChange
from omzien.matches.models import Contact, Match, MatchStatus
from omzien.people.models import Household, Youth

_pc4 = count(9700)


def aware(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(10)))


@dataclass
class Town:
    municipality: Municipality
    districts: list[District]
    hoods: list[Neighbourhood]
    areas: list[PostcodeArea]  # one per neighbourhood, in the same order


def town(code: str = "GM9990", name: str = "Toetsstad") -> Town:
    municipality = Municipality.objects.create(
        code=code, name=name, lat=52.0, lon=5.0, households_with_children=3000
    )
    districts = [
        District.objects.create(
            code=f"WK{code[2:]}{d:02d}",
            name=f"{name} wijk {d}",
            municipality=municipality,
            households_with_children=1500,
        )
        for d in (1, 2)
    ]
    hoods, areas = [], []
    for n, (district, name_) in enumerate(
        [(districts[0], "Noord"), (districts[0], "Oost"), (districts[1], "Zuid")], start=1
    ):
        hood = Neighbourhood.objects.create(
            code=f"BU{code[2:]}{n:04d}",
            name=name_,
            district=district,
            lat=52.0 + n * 0.01,
            lon=5.0,
            households_with_children=1000,
            geometry={
                "type": "Polygon",
                "coordinates": [
                    [
                        [5, 52 + n / 100],
                        [5.01, 52 + n / 100],
                        [5.01, 52.01 + n / 100],
                        [5, 52 + n / 100],
                    ]
                ],
            },
        )
        hoods.append(hood)
        areas.append(
            PostcodeArea.objects.create(
                pc4=str(next(_pc4)),
                lat=hood.lat,
                lon=hood.lon,
                municipality=municipality,
                neighbourhood=hood,
            )
        )
    return Town(municipality, districts, hoods, areas)


def programme(*towns: Town, **fields):
    result = testing.programme(**fields)
    result.municipalities.set([t.municipality for t in towns])
    return result


def family(
    programme,
    area: PostcodeArea,
    *,
    signed_up: date,
    status: str = RequestStatus.WAITING,
    waiting_since: date | None = None,
    left_waiting: date | None = None,
    themes=(),
    youth: bool = False,
) -> Request:
    """A household (or young person) with a request; `left_waiting` logs its step off the list."""
    place = {"postcode": f"{area.pc4} AB", "postcode_area": area}
    person = (
        {
            "youth": Youth.objects.create(
                first_name="J", last_name="K", date_of_birth=date(2008, 1, 1), **place
            )
        }
        if youth
        else {"household": Household.objects.create(**place)}
    )
    request = Request.objects.create(
        programme=programme,
        status=status,
        signed_up_at=aware(signed_up),
        waiting_since=waiting_since,
        themes=list(themes),
        **person,
    )
    if left_waiting:
        RequestStatusChange.objects.create(
            request=request, source="waiting", target="matched", at=aware(left_waiting)
        )
    return request


def match(
    programme,
    area: PostcodeArea,
    *,
    signed_up: date,
    started: date,
    ended: date | None = None,
    hours: list[tuple[date, str]] = (),
    youth: bool = False,
) -> Match:
    """A match that started (and perhaps ended), with its family and contact hours."""
    request = family(
        programme,
        area,
        signed_up=signed_up,
        status=RequestStatus.CLOSED if ended else RequestStatus.MATCHED,
        waiting_since=signed_up,
        left_waiting=started,
        youth=youth,
    )
    result = Match.objects.create(
        request=request,
        offer=testing.available_offer(programme, area),
        status=MatchStatus.CLOSED if ended else MatchStatus.ACTIVE,
        started_on=started,
        ended_on=ended,
        closure_reason="goals_reached" if ended else "",
        ended_early=False if ended else None,
    )
    Contact.objects.bulk_create(
        Contact(match=result, on=day, kind="visit", hours=Decimal(h)) for day, h in hours
    )
    return result
