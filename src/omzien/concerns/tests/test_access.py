"""Need-to-know: only the programme's coordinators know a concern exists; others give a reason."""

import pytest
from django.urls import reverse

from omzien import testing
from omzien.access.roles import Role
from omzien.concerns.models import Concern, ConcernAccess, ConcernStep

pytestmark = pytest.mark.django_db

REASON = "Ik neem deze week waar voor Marieke."


def pages(concern) -> list[str]:
    return [
        reverse("concerns:detail", args=[concern.pk]),
        reverse("concerns:reason", args=[concern.pk]),
    ]


@pytest.mark.parametrize(
    "role", [Role.ORG_ADMIN, Role.REFERRER, Role.ANALYST, Role.VOLUNTEER, Role.SUPERUSER]
)
def test_other_roles_are_refused_and_see_nothing(client, world, concern, role):
    account = testing.user(role, organisation=world["programme"].organisation)
    client.force_login(account)

    assert not Concern.objects.visible_to(account).exists()
    assert not ConcernStep.objects.visible_to(account).exists()
    assert client.get(reverse("concerns:list")).status_code == 403
    for url in pages(concern):
        assert client.get(url).status_code == 403
    step = client.post(reverse("concerns:step", args=[concern.pk]), {"step-note": "x"})
    assert step.status_code == 403


def test_the_volunteer_of_the_match_does_not_see_the_concern_either(client, world, concern):
    client.force_login(world["volunteer"])

    assert not Concern.objects.visible_to(world["volunteer"]).exists()
    assert client.get(pages(concern)[0]).status_code == 403


def test_a_coordinator_of_another_programme_gets_404(client, world, concern):
    client.force_login(world["outsider"])

    assert not Concern.objects.visible_to(world["outsider"]).exists()
    for url in pages(concern):
        assert client.get(url).status_code == 404
    listed = client.get(reverse("concerns:list"))
    assert listed.status_code == 200 and not listed.context["open"]
    create = reverse("concerns:create", args=[world["match"].pk])
    assert client.get(create).status_code == 404


def test_the_handler_opens_it_directly_and_nothing_is_logged(client, world, concern):
    client.force_login(world["handler"])

    response = client.get(pages(concern)[0])

    assert response.status_code == 200
    assert "Blauwe plekken op de arm." in response.content.decode()
    assert not ConcernAccess.objects.exists()


def test_the_reporting_coordinator_opens_it_directly(client, world, concern):
    Concern.objects.filter(pk=concern.pk).update(reported_by=world["colleague"])
    client.force_login(world["colleague"])

    assert client.get(pages(concern)[0]).status_code == 200


def test_while_nobody_took_it_up_every_coordinator_of_the_programme_opens_it(
    client, world, concern
):
    Concern.objects.filter(pk=concern.pk).update(handler=None)
    client.force_login(world["colleague"])

    assert client.get(pages(concern)[0]).status_code == 200


def test_a_second_coordinator_sees_it_exists_but_gives_a_reason_first(client, world, concern):
    client.force_login(world["colleague"])
    listed = client.get(reverse("concerns:list")).content.decode()
    assert f"Zorgsignaal {concern.pk}" in listed and "reden nodig" in listed
    assert "Bakker" not in listed  # the family is named only after the reason

    detail, reason = pages(concern)
    response = client.get(detail)
    assert response.status_code == 302 and response.url == reason
    assert client.post(reason, {"reason": "kijken"}).status_code == 400  # too short
    assert client.post(reverse("concerns:step", args=[concern.pk]), {}).status_code == 403

    response = client.post(reason, {"reason": REASON})
    assert response.status_code == 302 and response.url == detail
    access = ConcernAccess.objects.get()
    assert (access.concern, access.user, access.reason) == (concern, world["colleague"], REASON)

    page = client.get(detail).content.decode()
    assert "Wie keek mee" in page and REASON in page
    assert ConcernAccess.objects.count() == 1  # this visit is allowed in; not logged again


def test_the_reason_holds_for_one_session_only(client, world, concern):
    client.force_login(world["colleague"])
    client.post(pages(concern)[1], {"reason": REASON})
    client.logout()
    client.force_login(world["colleague"])

    assert client.get(pages(concern)[0]).status_code == 302


def test_the_access_log_is_append_only(world, concern):
    access = ConcernAccess.objects.create(concern=concern, user=world["colleague"], reason=REASON)

    access.reason = "iets anders"
    with pytest.raises(Exception, match="verandert niet meer"):
        access.save()
    with pytest.raises(Exception, match="niet verwijderd"):
        access.delete()
    with pytest.raises(Exception, match="verandert niet meer"):
        ConcernAccess.objects.update(reason="weg")
    with pytest.raises(Exception, match="niet verwijderd"):
        ConcernAccess.objects.all().delete()
    assert ConcernAccess.objects.get().reason == REASON


def test_only_coordinators_have_the_nav_entry(client, world):
    client.force_login(world["handler"])
    assert reverse("concerns:list") in client.get("/", follow=True).content.decode()
    client.force_login(testing.user(Role.ORG_ADMIN, organisation=world["programme"].organisation))
    assert reverse("concerns:list") not in client.get("/", follow=True).content.decode()
