"""Young people in care with and without support figures; the `jongere` account proposes one."""

from datetime import date, timedelta

from omzien.support_figures.models import (
    Placement,
    PlacementKind,
    SupportFigure,
    SupportFigureKind,
    YoungPersonInCare,
)
from omzien.support_figures.models.figures import SupportFigureStatus as S

from ..context import Demo
from ..people import born
from ..programmes import MENTORING
from ..timeline import moment

YOUNG_PEOPLE = 40
OWN_CASELOAD = 24  # the demo professional's; colleagues without an account have the rest
PLACED_BY = [
    "Jeugdbescherming Voorbeeldregio",
    "William Schrikker Stichting",
    "Leger des Heils Jeugdbescherming & Reclassering",
]
KINDS = [
    (SupportFigureKind.CHOSEN_MENTOR, 4),
    (SupportFigureKind.FAMILY_MEMBER, 3),
    (SupportFigureKind.PROGRAMME_MENTOR, 2),
    (SupportFigureKind.CITIZEN_GUARDIAN, 1),
]
RELATIONS = {
    SupportFigureKind.CHOSEN_MENTOR: ["trainer van de voetbalclub", "buurvrouw", "oud-juf"],
    SupportFigureKind.FAMILY_MEMBER: ["tante", "oom", "oma", "neef"],
    SupportFigureKind.PROGRAMME_MENTOR: ["mentor via het programma"],
    SupportFigureKind.CITIZEN_GUARDIAN: ["burgervoogd"],
}


def young_person(demo: Demo, municipality, professional) -> YoungPersonInCare:
    rng, today = demo.rng, demo.today
    placed_on = today - timedelta(days=rng.randint(30, 1100))
    person = YoungPersonInCare.objects.create(
        **demo.people.name("nl"),
        date_of_birth=born(rng, today, 9, 18),
        municipality=municipality,
        postcode_area=demo.people.home(),
        consent_on=placed_on,
        registered_by=professional or None,
        registered_at=moment(rng, placed_on),
    )
    if professional:
        person.professionals.add(professional)
    placements(demo, person, placed_on)
    chance = rng.random()
    if chance < 0.62:
        start = placed_on + timedelta(days=rng.randint(20, 400))
        if start < today:
            confirmed(demo, person, start, professional or None)
    elif chance < 0.72 and professional:
        proposal(demo, person, today - timedelta(days=rng.randint(1, 20)), professional)
    return person


def placements(demo: Demo, person, placed_on: date) -> None:
    """One placement, or two when the young person moved from a foster family."""
    rng, kinds = demo.rng, [k for k in PlacementKind.values if k != PlacementKind.OTHER]
    placed_by = rng.choice(PLACED_BY)
    moved_on = placed_on + timedelta(days=rng.randint(60, 400)) if rng.random() < 0.2 else None
    if moved_on and moved_on < demo.today:
        demo.later(
            Placement(
                young_person=person,
                kind=PlacementKind.FOSTER_FAMILY,
                placed_by=placed_by,
                started_on=placed_on,
                ended_on=moved_on,
            )
        )
        placed_on = moved_on
    demo.later(
        Placement(
            young_person=person, kind=rng.choice(kinds), placed_by=placed_by, started_on=placed_on
        )
    )


def figure_fields(demo: Demo, kind: str) -> dict:
    return {
        **demo.people.name("nl"),
        "kind": kind,
        "relation": demo.rng.choice(RELATIONS[kind]),
        "programme": demo.programmes[MENTORING]
        if kind == SupportFigureKind.PROGRAMME_MENTOR
        else None,
    }


def confirmed(demo: Demo, person, start: date, by) -> None:
    rng, today = demo.rng, demo.today
    kinds, weights = zip(*KINDS, strict=True)
    kind = rng.choices(kinds, weights)[0]
    ended_on = start + timedelta(days=rng.randint(90, 500)) if rng.random() < 0.15 else None
    ended_on = ended_on if ended_on and ended_on < today else None
    figure = SupportFigure.objects.create(
        young_person=person,
        status=S.ENDED if ended_on else S.ACTIVE,
        version=3 if ended_on else 2,
        conversation_on=start - timedelta(days=7)
        if kind != SupportFigureKind.FAMILY_MEMBER
        else None,
        certificate_issued_on=start - timedelta(days=30)
        if kind in (SupportFigureKind.CITIZEN_GUARDIAN, SupportFigureKind.PROGRAMME_MENTOR)
        else None,
        started_on=start,
        ended_on=ended_on,
        proposed_by=by,
        proposed_at=moment(rng, start - timedelta(days=14)),
        **figure_fields(demo, kind),
    )
    steps = [("", S.PROPOSED, start - timedelta(days=14), ""), (S.PROPOSED, S.ACTIVE, start, "")]
    if ended_on:
        steps.append((S.ACTIVE, S.ENDED, ended_on, "Verhuisd naar een andere stad."))
    log(demo, figure, steps, by)


def proposal(demo: Demo, person, on: date, by, **fields) -> SupportFigure:
    values = figure_fields(demo, SupportFigureKind.CHOSEN_MENTOR) | fields
    figure = SupportFigure.objects.create(
        young_person=person, proposed_by=by, proposed_at=moment(demo.rng, on), **values
    )
    log(demo, figure, [("", S.PROPOSED, on, "")], by)
    return figure


def log(demo: Demo, figure, steps, by) -> None:
    demo.later(
        *(
            figure.log_model(
                support_figure=figure,
                source=source,
                target=target,
                by=by,
                at=moment(demo.rng, day),
                reason=reason,
            )
            for source, target, day, reason in steps
        )
    )


def own_youth_account(demo: Demo, municipality, professional) -> None:
    """The `jongere` account lives in a family home and has just proposed a mentor."""
    account, youth = demo.users["jongere"], demo.featured[MENTORING][0].person
    person = YoungPersonInCare.objects.create(
        first_name=account.first_name,
        last_name=account.last_name,
        date_of_birth=youth.date_of_birth,
        municipality=municipality,
        postcode_area=youth.postcode_area,
        account=account,
        consent_on=demo.today - timedelta(days=200),
        registered_at=moment(demo.rng, demo.today - timedelta(days=200)),
        registered_by=professional,
    )
    person.professionals.add(professional)
    demo.later(
        Placement(
            young_person=person,
            kind=PlacementKind.FAMILY_HOME,
            placed_by=PLACED_BY[0],
            started_on=demo.today - timedelta(days=200),
        )
    )
    proposal(
        demo,
        person,
        demo.today - timedelta(days=2),
        account,
        first_name="Kees",
        last_name="Bakker",
        relation="trainer van de voetbalclub",
        motivation="Hij luistert naar me en is er altijd op zaterdag.",
    )
