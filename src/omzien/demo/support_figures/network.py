"""Network maps of a few support-family households and of one young person, kept over time."""

from datetime import date, timedelta

from omzien.matches.models import Match, MatchStatus
from omzien.support_figures.models import (
    Agreement,
    FamilyGroupConference,
    NetworkMap,
    Participant,
    Tie,
)
from omzien.support_figures.models.conference import ConferenceStatus

from ..context import Demo
from ..programmes import SUPPORT_FAMILY
from ..timeline import moment

# What changed in a household's network: (name, category, strength, days after intake or
# None for 'already there', changes as (days after intake, new strength or '' for ended)).
NETWORK_STORY = [
    ("Oma", "family", "strong", None, []),
    ("Buurvrouw", "neighbour", "weak", None, [(150, "normal")]),
    ("Ex-partner", "family", "stressful", None, [(200, "weak")]),
    ("Schoolmaatschappelijk werk", "professional", "normal", None, [(240, "")]),
    ("Vriendin van de moeder", "friend", "normal", 120, []),
]


def household_maps(demo: Demo, partners) -> None:
    matches = (
        Match.objects.filter(
            request__programme=demo.programmes[SUPPORT_FAMILY], status=MatchStatus.ACTIVE
        )
        .select_related("request__household", "offer__volunteer")
        .order_by("pk")[:3]
    )
    for i, match in enumerate(matches):
        intake = match.started_on - timedelta(days=60)
        network_map = NetworkMap.objects.create(
            household=match.request.household,
            started_on=intake,
            created_by=demo.coordinator(SUPPORT_FAMILY),
        )
        story(demo, network_map, intake, NETWORK_STORY[: 3 + i])
        add_tie(
            network_map,
            str(match.offer.volunteer),
            "volunteer",
            "normal",
            match.started_on,
            volunteer=match.offer.volunteer,
        )
        add_tie(network_map, partners[0].name, "school", "normal", intake, partner=partners[0])
        if i == 0:
            conference(demo, network_map, match.started_on + timedelta(days=30))


def story(demo: Demo, network_map, intake: date, lines) -> None:
    for name, category, strength, after, changes in lines:
        since = intake + timedelta(days=after or 0)
        if since > demo.today:
            continue
        tie = add_tie(network_map, name, category, strength, since)
        for days, new in changes:
            on = intake + timedelta(days=days)
            if on >= demo.today:
                break
            Tie.objects.filter(pk=tie.pk).update(until=on)
            if new:
                tie = add_tie(
                    network_map, name, category, new, on, origin_id=tie.origin_id or tie.pk
                )


def add_tie(network_map, name, category, strength, since, **fields) -> Tie:
    return Tie.objects.create(
        network_map=network_map,
        name=name,
        category=category,
        strength=strength,
        since=since,
        **fields,
    )


def young_person_map(demo: Demo, person, partners) -> None:
    start = demo.today - timedelta(days=180)
    network_map = NetworkMap.objects.create(young_person=person, started_on=start)
    story(
        demo,
        network_map,
        start,
        [
            ("Pleegmoeder", "family", "strong", None, []),
            ("Broer", "family", "normal", None, []),
            ("Jongerenwerker", "professional", "normal", 60, []),
        ],
    )
    add_tie(
        network_map,
        partners[4].name,
        "other",
        "weak",
        start + timedelta(days=60),
        partner=partners[4],
    )


def conference(demo: Demo, network_map, held_on: date) -> None:
    if held_on >= demo.today:
        return
    conf = FamilyGroupConference.objects.create(
        network_map=network_map,
        status=ConferenceStatus.HELD,
        version=2,
        planned_on=held_on,
        held_on=held_on,
        place="Buurthuis",
        question="Hoe houden we het thuis rustig?",
    )
    demo.later(
        conf.log_model(
            conference=conf,
            source=ConferenceStatus.PLANNED,
            target=ConferenceStatus.HELD,
            at=moment(demo.rng, held_on),
        )
    )
    ties = list(network_map.ties.on(held_on))
    people = [
        Participant.objects.create(
            conference=conf, name=t.name, tie=t, attended=i < 3, relation=t.get_category_display()
        )
        for i, t in enumerate(ties)
    ]
    for who, what in zip(
        people,
        [
            "Haalt de kinderen op dinsdag uit school.",
            "Belt elke zondag even.",
            "Gaat mee naar het buurtteam.",
        ],
        strict=False,
    ):
        demo.later(
            Agreement(conference=conf, who=who, what=what, due_on=held_on + timedelta(days=30))
        )
