"""The demo answers the questionnaires the way the app would have: every family past intake,
the moments its match reached, scores that follow from the answers, and improvement."""

from datetime import date

import pytest
from django.test import override_settings

from omzien.demo import generator
from omzien.matches.models import MatchStatus
from omzien.outcomes.models import Administration, AdministrationStatus, Phase, ProgrammeInstrument
from omzien.outcomes.questionnaires import slots, with_slot_data
from omzien.outcomes.recording import questionnaire_scores
from omzien.outcomes.statistics import paired_change

pytestmark = pytest.mark.django_db
TODAY = date(2026, 3, 16)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]),
    ):
        yield generator.load(2026, today=TODAY)
        generator.remove()


def test_every_programme_uses_the_shipped_instruments(demo):
    for programme in demo.programmes.values():
        assert ProgrammeInstrument.objects.filter(programme=programme).count() >= 2


def test_answers_on_record_agree_with_their_scores_and_moments(demo):
    answered = (
        Administration.objects.answered()
        .select_related("instrument_version", "request", "match")
        .prefetch_related(
            "answers__item__scale__points", "instrument_version__items__scale__points"
        )
    )
    assert answered.filter(phase=Phase.INTAKE).count() > 100
    assert answered.filter(phase=Phase.INTERIM).exists()
    for row in answered.exclude(instrument_version__scoring="gas"):
        values = {a.item: a.value for a in row.answers.all()}
        assert row.scores == questionnaire_scores(row.instrument_version, values)
        assert row.answered_on <= TODAY
        if row.phase == Phase.CLOSURE:
            assert row.match.status == MatchStatus.CLOSED and row.answered_on == row.match.ended_on


def test_families_improve_from_intake_to_their_latest_measurement(demo):
    rows = Administration.objects.answered().filter(instrument__slug="doelen-gas")
    intake, latest = {}, {}
    for row in rows.order_by("answered_on", "pk"):
        (intake if row.phase == Phase.INTAKE else latest)[row.request_id] = row.total
    change = paired_change([intake.get(r) for r in latest], list(latest.values()))
    assert change.n >= 10 and change.mean_change > 5  # T-score points


def test_closing_matches_have_their_closure_questionnaires_due(demo):
    due = Administration.objects.filter(status=AdministrationStatus.DUE)
    assert due.exists() and all(row.phase == Phase.CLOSURE for row in due)


def test_the_featured_family_and_young_person_have_one_open(demo):
    for draft, _offer in demo.featured.values():
        request = with_slot_data(type(draft.request).objects.filter(pk=draft.request.pk)).get()
        family = [s for s in slots(request, TODAY) if s.respondent != "coordinator"]
        assert any(s.is_open for s in family)
