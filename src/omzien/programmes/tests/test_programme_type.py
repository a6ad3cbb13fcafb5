import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from omzien.programmes.models import ProgrammeType

pytestmark = pytest.mark.django_db


def test_weights_that_do_not_add_up_to_100_are_refused_with_a_message():
    programme_type = ProgrammeType(name="Maatjes", slug="maatjes", weight_distance=50)
    with pytest.raises(ValidationError) as refused:
        programme_type.full_clean()
    assert (
        "De gewichten zijn samen 120; dat moet 100 zijn."
        in refused.value.message_dict["weight_distance"]
    )


def test_the_database_refuses_weights_that_do_not_add_up():
    with pytest.raises(IntegrityError), transaction.atomic():
        ProgrammeType.objects.create(name="Maatjes", slug="maatjes", weight_waiting=0)


def test_negative_weights_are_refused():
    programme_type = ProgrammeType(
        name="Maatjes", slug="maatjes", weight_distance=-5, weight_waiting=50
    )
    with pytest.raises(ValidationError):
        programme_type.full_clean()


@pytest.mark.parametrize(
    "schedule", [[{"kind": "party", "after_days": 3}], [{"kind": "evaluation", "after_days": -1}]]
)
def test_a_schedule_with_unknown_kinds_or_negative_days_is_refused(schedule):
    with pytest.raises(ValidationError):
        ProgrammeType(name="Maatjes", slug="maatjes", schedule=schedule).full_clean()


def test_the_default_programme_type_is_valid():
    ProgrammeType(name="Maatjes", slug="maatjes").full_clean()
