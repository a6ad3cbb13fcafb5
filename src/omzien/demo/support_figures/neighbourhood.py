"""The social map of Voorbeeldstad, a challenge where money recurs, and onward referrals."""

from datetime import timedelta

from omzien.geo.models import District, Neighbourhood
from omzien.matches.models import Match, MatchStatus
from omzien.support_figures.challenges import figures_for
from omzien.support_figures.models import Challenge, ChallengeFigure, OnwardReferral, Partner

from ..context import Demo
from ..geography import MONEY_HOTSPOT
from ..timeline import moment

# name, kind, district index, what they offer, for whom
PARTNERS = [
    (
        "Basisschool De Linde",
        "school",
        0,
        "Huiswerkklas en een ouderkamer.",
        ["children", "parents"],
    ),
    (
        "VV Voorbeeldstad",
        "sport",
        0,
        "Voetbal voor jongens en meiden; contributie via het jeugdfonds.",
        ["children", "teenagers"],
    ),
    (
        "Buurtteam Havenkwartier",
        "neighbourhood_team",
        0,
        "Hulp bij opvoeden, geld en wonen.",
        ["parents", "everyone"],
    ),
    (
        "Bibliotheek Noorderwaard",
        "library",
        1,
        "Taalcafé, hulp bij formulieren, voorlezen.",
        ["everyone"],
    ),
    (
        "Jongerenwerk Noorderwaard",
        "youth_work",
        1,
        "Inloop, straatwerk en talentprojecten.",
        ["teenagers", "young_adults"],
    ),
    (
        "JGZ Westerhout",
        "youth_health",
        2,
        "Consultatiebureau en jeugdarts.",
        ["young_children", "parents"],
    ),
    (
        "Moskee Westerhout",
        "faith",
        2,
        "Huiswerkbegeleiding en vrouwengroep.",
        ["children", "parents"],
    ),
    (
        "Sportclub Zuiderkamp",
        "sport",
        3,
        "Turnen en judo, ook voor kinderen met een beperking.",
        ["children"],
    ),
    (
        "Buurtteam Zuiderkamp",
        "neighbourhood_team",
        3,
        "Hulp bij opvoeden, geld en wonen.",
        ["parents", "everyone"],
    ),
]


def create_partners(municipality) -> list[Partner]:
    districts = list(District.objects.filter(municipality=municipality).order_by("code"))
    return [
        Partner.objects.create(
            name=name,
            kind=kind,
            district=districts[d],
            offers=offers,
            audience=audience,
            address=f"{districts[d].name}plein 1",
        )
        for name, kind, d, offers, audience in PARTNERS
    ]


def create_challenge(demo: Demo, municipality, partners) -> None:
    hood = Neighbourhood.objects.get(code=MONEY_HOTSPOT)
    challenge = Challenge.objects.create(
        municipality=municipality,
        neighbourhood=hood,
        theme="money",
        title=f"Geld en schulden in {hood.name}",
        started_on=demo.today - timedelta(days=120),
        description="Minder gezinnen met geldzorgen: samen vroeg signaleren en doorverwijzen.",
    )
    challenge.partners.set([partners[2], partners[3]])
    challenge.programmes.set(demo.programmes.values())
    window = timedelta(days=364)
    for back in (180, 90, 0):
        end = demo.today - timedelta(days=back)
        demo.later(
            ChallengeFigure(
                challenge=challenge,
                period_start=end - window,
                period_end=end,
                recorded_at=moment(demo.rng, end),
                **figures_for(challenge, end - window, end),
            )
        )


def refer_on(demo: Demo, partners) -> None:
    closed = Match.objects.filter(
        request__programme__in=demo.programmes.values(), status=MatchStatus.CLOSED
    ).order_by("pk")[:2]
    for match, partner in zip(closed, (partners[1], partners[4]), strict=False):
        demo.later(
            OnwardReferral(
                request=match.request,
                partner=partner,
                referred_on=match.ended_on,
                note="Na de koppeling verder bij de club.",
            )
        )
