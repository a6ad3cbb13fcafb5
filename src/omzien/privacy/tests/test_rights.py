"""A data subject's rights: a copy of everything (JSON, PDF), correction, erasure with its
lawful refusals, and withdrawal of consent that stops matching at once."""

import io
import json

import pytest
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from omzien import testing
from omzien.access.roles import Role
from omzien.intake.models import Offer, OfferStatus, Request, RequestStatus
from omzien.matches.models import Match, MatchStatus
from omzien.matching.services import candidate_offers
from omzien.privacy.models import (
    Anonymisation,
    AuditAction,
    AuditEvent,
    Consent,
    Purpose,
    RequestKind,
    RequestOutcome,
    SubjectRequest,
)
from omzien.privacy.models.retention import AnonymisationReason

from .test_retention import close_match

pytestmark = pytest.mark.django_db


def person_url(name, slug, pk, *args):
    return reverse(f"privacy:{name}", args=[slug, pk, *args])


def test_export_holds_everything_about_the_family_as_json(client, world):
    household = world["matched"].household
    client.force_login(world["coordinator"])
    client.get(reverse("matches:match_detail", args=[world["match"].pk]))  # an access to report
    client.force_login(world["officer"])

    response = client.get(person_url("export", "gezin", household.pk, "json"))

    assert response.status_code == 200 and response["Content-Type"].startswith("application/json")
    data = json.loads(response.content)
    assert data["subject"] == {"kind": "household", "id": household.pk}
    assert data["data"]["people.parent"][0]["last_name"] == "Alfa"
    assert len(data["data"]["people.child"]) == 1
    assert data["data"]["intake.request"][0]["id"] == world["matched"].pk
    assert data["data"]["matches.contact"][0]["note"] == "Fijn uitje"
    assert {c["purpose"] for c in data["data"]["privacy.consent"]} == {"matching", "research"}
    assert any(row["role"] == "coördinator" for row in data["access_log"])
    assert "Bravo" not in response.content.decode()  # another family
    assert SubjectRequest.objects.get(household=household).kind == RequestKind.EXPORT
    event = AuditEvent.objects.order_by("-pk").first()
    assert (event.action, event.household_id) == (AuditAction.EXPORT, household.pk)


def test_export_leaves_out_what_the_officer_may_not_see_and_says_so(client, world):
    from omzien.concerns.models import Concern

    Concern.objects.create(match=world["match"], reported_by=world["coordinator"], signs="Geheim")
    client.force_login(world["officer"])
    data = client.get(person_url("export", "gezin", world["matched"].household_id, "json")).json()
    assert "concerns.concern" not in data["data"] and data["withheld"]["concerns.concern"] == 1
    assert "Geheim" not in json.dumps(data)


def test_export_as_readable_pdf(client, world):
    client.force_login(world["officer"])
    response = client.get(person_url("export", "vrijwilliger", world["offer"].volunteer_id, "pdf"))
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Uw gegevens bij Omzien" in text
    assert "Charlie" in text and "Ria Referent" in text and "Fijn uitje" in text


def pdf_text(response) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)


def test_the_pdf_export_prints_names_outside_latin1(client, world):
    volunteer = world["offer"].volunteer
    type(volunteer).objects.filter(pk=volunteer.pk).update(first_name="Şükrü", last_name="Łucja")
    client.force_login(world["officer"])
    text = pdf_text(client.get(person_url("export", "vrijwilliger", volunteer.pk, "pdf")))
    assert "Şükrü" in text and "Łucja" in text


def test_the_pdf_export_shows_dutch_labels_not_codes_or_english(client, world):
    request = world["matched"]
    Request.objects.filter(pk=request.pk).update(
        needs=["time_for_child"], themes=["money"], availability=["mon_morning"]
    )
    rule = {
        "name": "distance",
        "label": "Afstand",
        "passed": True,
        "sentence": "Ze wonen dichtbij.",
    }
    Match.objects.filter(pk=world["match"].pk).update(explanation={"rules": [rule], "parts": []})
    client.force_login(world["officer"])
    text = pdf_text(client.get(person_url("export", "gezin", request.household_id, "pdf")))

    assert "tijd en aandacht voor een kind" in text and "geld en schulden" in text
    assert "maandag ochtend" in text and "Statuswijzigingen van hulpvragen" in text
    assert "Ze wonen dichtbij." in text
    for english in ("time_for_child", "money", "mon_morning", "status changes", "created at"):
        assert english not in text
    for code in ("waiting", "matched", "ID:", "Request:", "Household:", "distance", "{"):
        assert code not in text


def test_only_the_officer_exports_and_erases(client, world):
    household = world["matched"].household_id
    client.force_login(world["coordinator"])
    assert client.get(person_url("export", "gezin", household, "json")).status_code == 403
    assert client.get(person_url("erase", "gezin", household)).status_code == 403
    client.force_login(testing.user(Role.ORG_ADMIN, organisation=world["programme"].organisation))
    assert client.get(person_url("export", "gezin", household, "json")).status_code == 403


def test_a_person_outside_scope_is_a_plain_404(client, world):
    client.force_login(world["officer"])
    foreign = world["foreign"].household_id
    response = client.get(person_url("person", "gezin", foreign))
    assert response.status_code == 404 and "Zulu" not in response.text
    assert client.get(person_url("export", "gezin", foreign, "json")).status_code == 404
    assert AuditEvent.objects.order_by("-pk").first().action == AuditAction.REFUSED


def test_correction_of_a_family(client, world):
    household = world["matched"].household
    parent, child = household.parents.get(), household.children.get()
    client.force_login(world["coordinator"])
    url = person_url("correct", "gezin", household.pk)
    page = client.get(url)
    assert page.status_code == 200
    data = {
        "fingerprint": page.context["fingerprint"],
        "gezin-postcode": "9802 xy",
        "ouder-TOTAL_FORMS": "1",
        "ouder-INITIAL_FORMS": "1",
        "ouder-0-id": parent.pk,
        "ouder-0-first_name": "Sanne",
        "ouder-0-last_name": "Alfa-Jansen",
        "ouder-0-email": "nieuw@example.org",
        "ouder-0-phone": "",
        "kind-TOTAL_FORMS": "1",
        "kind-INITIAL_FORMS": "1",
        "kind-0-id": child.pk,
        "kind-0-first_name": "Noor",
        "kind-0-date_of_birth": child.date_of_birth.isoformat(),
    }

    assert client.post(url, data).status_code == 302

    parent.refresh_from_db(), child.refresh_from_db(), household.refresh_from_db()
    assert (parent.last_name, parent.email, child.first_name) == (
        "Alfa-Jansen",
        "nieuw@example.org",
        "Noor",
    )
    assert (household.postcode, household.postcode_area.pc4) == ("9802 XY", "9802")
    assert SubjectRequest.objects.get(household=household).kind == RequestKind.CORRECT


def family_correction(page, household, parent, child, **parent_changes):
    """The family's correction page as `page` showed it, with changes to the parent."""
    shown = {name: getattr(parent, name) for name in ("first_name", "last_name", "email", "phone")}
    return {
        "fingerprint": page.context["fingerprint"],
        "gezin-postcode": household.postcode,
        "ouder-TOTAL_FORMS": "1",
        "ouder-INITIAL_FORMS": "1",
        "ouder-0-id": parent.pk,
        **{f"ouder-0-{name}": value for name, value in (shown | parent_changes).items()},
        "kind-TOTAL_FORMS": "1",
        "kind-INITIAL_FORMS": "1",
        "kind-0-id": child.pk,
        "kind-0-first_name": child.first_name,
        "kind-0-date_of_birth": child.date_of_birth.isoformat(),
    }


def test_a_correction_on_values_corrected_meanwhile_is_refused(client, world):
    household = world["matched"].household
    parent, child = household.parents.get(), household.children.get()
    url = person_url("correct", "gezin", household.pk)
    client.force_login(world["coordinator"])
    other = Client()
    other.force_login(testing.coordinator(world["programme"]))
    first_page, second_page = client.get(url), other.get(url)

    first = client.post(
        url, family_correction(first_page, household, parent, child, last_name="Jansen")
    )
    assert first.status_code == 302
    response = other.post(
        url, family_correction(second_page, household, parent, child, email="ander@example.org")
    )

    assert response.status_code == 400
    assert "Iemand anders heeft dit intussen gewijzigd. Laad de pagina opnieuw." in response.text
    assert response.context["parents"][0]["email"].value() == "ander@example.org"
    parent.refresh_from_db()
    assert (parent.last_name, parent.email) == ("Jansen", "sanne@example.org")
    assert SubjectRequest.objects.filter(household=household).count() == 1


def test_correction_refuses_an_unknown_postcode_at_the_field(client, world):
    youth = world["youth"].youth
    client.force_login(world["coordinator"])
    data = {
        "persoon-first_name": "Yara",
        "persoon-last_name": "Yilmaz",
        "persoon-email": "yara@example.org",
        "persoon-phone": "",
        "persoon-date_of_birth": "2008-04-12",
        "persoon-postcode": "1111 AA",
    }
    response = client.post(person_url("correct", "jongere", youth.pk), data)
    assert response.status_code == 400 and "bestaat niet" in response.text


def test_erasure_is_refused_while_a_concern_is_open_and_explained(client, world):
    from omzien.concerns.models import Concern

    close_match(world["match"], 5)
    Concern.objects.create(match=world["match"], reported_by=world["coordinator"], signs="Zorgen")
    household = world["matched"].household
    client.force_login(world["officer"])
    url = person_url("erase", "gezin", household.pk)

    assert "zorgsignaal" in client.get(url).text
    response = client.post(url, {"confirm": "on"})

    assert "Wissen kan nu niet" in response.text and "meldcode" in response.text
    handled = SubjectRequest.objects.get(household=household)
    assert handled.outcome == RequestOutcome.REFUSED and "zorgsignaal" in handled.explanation
    assert household.parents.get().last_name == "Alfa"


def test_erasure_is_refused_while_the_file_is_open(client, world):
    client.force_login(world["officer"])
    client.post(person_url("erase", "gezin", world["matched"].household_id), {"confirm": "on"})
    handled = SubjectRequest.objects.get(household=world["matched"].household)
    assert handled.outcome == RequestOutcome.REFUSED and "niet afgesloten" in handled.explanation


def test_a_refused_erasure_is_audited_as_refused_not_changed(client, world):
    household = world["matched"].household_id
    client.force_login(world["officer"])
    client.post(person_url("erase", "gezin", household), {"confirm": "on"})

    event = AuditEvent.objects.order_by("-pk").first()
    assert (event.action, event.household_id) == (AuditAction.REFUSED, household)
    assert event.get_action_display() == "geweigerd"


def test_an_erased_persons_page_offers_nothing_and_ends_their_consents(client, world):
    close_match(world["match"], 5)
    household = world["matched"].household
    client.force_login(world["officer"])
    assert (
        client.post(person_url("erase", "gezin", household.pk), {"confirm": "on"}).status_code
        == 302
    )

    page = client.get(person_url("person", "gezin", household.pk)).text
    assert 'id="erased"' in page and "zijn gewist op" in page
    for action in ("correct", "erase", "consent_give", "hold_place"):
        assert person_url(action, "gezin", household.pk) not in page
    assert "Intrekken" not in page and "Toestemming vastleggen" not in page
    assert not Consent.objects.current().filter(household=household).exists()
    for action in ("correct", "erase", "consent_give"):
        assert client.post(person_url(action, "gezin", household.pk)).status_code == 404


def test_erasure_anonymises_and_keeps_the_totals(client, world):
    close_match(world["match"], 5)
    household = world["matched"].household
    client.force_login(world["officer"])
    url = person_url("erase", "gezin", household.pk)

    assert client.post(url, {}).status_code == 400  # not confirmed
    response = client.post(url, {"confirm": "on"})

    assert response.status_code == 302
    assert household.parents.get().last_name == ""
    assert Anonymisation.objects.get(household=household).by == world["officer"]
    assert Match.objects.filter(pk=world["match"].pk, ended_on__isnull=False).exists()
    assert SubjectRequest.objects.get(household=household).outcome == RequestOutcome.DONE
    event = AuditEvent.objects.order_by("-pk").first()
    assert (event.action, event.household_id) == (AuditAction.ERASE, household.pk)


def test_withdrawing_matching_consent_takes_the_family_off_the_waiting_list(client, world):
    waiting = world["waiting"]
    consent = Consent.objects.get(household=waiting.household, purpose=Purpose.MATCHING)
    client.force_login(world["coordinator"])
    assert waiting in Request.objects.filter(programme=world["programme"]).waiting()

    url = person_url("consent_withdraw", "gezin", waiting.household_id, consent.pk)
    assert client.post(url).status_code == 302

    waiting.refresh_from_db()
    assert waiting.status == RequestStatus.WITHDRAWN
    assert waiting not in Request.objects.filter(programme=world["programme"]).waiting()
    assert "toestemming" in waiting.status_changes.last().reason
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None


def test_withdrawing_a_volunteers_consent_takes_them_out_of_the_pool_but_keeps_the_match(
    client, world
):
    volunteer = world["offer"].volunteer
    consent = Consent.objects.get(volunteer=volunteer, purpose=Purpose.MATCHING)
    client.force_login(world["coordinator"])

    response = client.post(
        person_url("consent_withdraw", "vrijwilliger", volunteer.pk, consent.pk), follow=True
    )

    assert Offer.objects.get(pk=world["offer"].pk).status == OfferStatus.WITHDRAWN
    assert world["offer"] not in candidate_offers(world["coordinator"], world["programme"])
    assert Match.objects.get(pk=world["match"].pk).status == MatchStatus.ACTIVE
    assert "Er loopt nog een koppeling" in response.text


def test_withdrawing_research_consent_leaves_matching_alone(client, world):
    household = world["matched"].household
    consent = Consent.objects.get(household=household, purpose=Purpose.RESEARCH)
    client.force_login(world["coordinator"])
    client.post(person_url("consent_withdraw", "gezin", household.pk, consent.pk))
    assert (
        not Consent.objects.current().filter(household=household, purpose=Purpose.RESEARCH).exists()
    )
    assert Request.objects.get(pk=world["matched"].pk).status == RequestStatus.MATCHED


def test_consent_can_be_recorded_again(client, world):
    household = world["waiting"].household
    client.force_login(world["coordinator"])
    client.post(person_url("consent_give", "gezin", household.pk), {"purpose": Purpose.RESEARCH})
    client.post(person_url("consent_give", "gezin", household.pk), {"purpose": Purpose.RESEARCH})
    assert (
        Consent.objects.current().filter(household=household, purpose=Purpose.RESEARCH).count() == 1
    )


def test_person_search_by_name_is_posted_and_scoped(client, world):
    client.force_login(world["coordinator"])
    response = client.post(reverse("privacy:people"), {"q": "alfa"})
    assert "Gezin Alfa" in response.text
    assert "Zulu" not in client.post(reverse("privacy:people"), {"q": "zulu"}).text


def test_person_page_and_legal_hold(client, world):
    household = world["matched"].household
    client.force_login(world["officer"])
    page = client.get(person_url("person", "gezin", household.pk))
    assert page.status_code == 200 and "zoeken naar een passende koppeling" in page.text

    assert (
        client.post(person_url("hold_place", "gezin", household.pk), {"reason": ""}).status_code
        == 400
    )
    client.post(person_url("hold_place", "gezin", household.pk), {"reason": "Klacht"})
    assert "Bewaarplicht opheffen" in client.get(person_url("person", "gezin", household.pk)).text
    client.post(person_url("hold_lift", "gezin", household.pk))
    assert "Bewaarplicht vastleggen" in client.get(person_url("person", "gezin", household.pk)).text


def test_consents_of_a_person_erased_before_are_shown_as_ended(client, world):
    household = world["waiting"].household
    Anonymisation.objects.create(household=household, reason=AnonymisationReason.ERASURE)
    client.force_login(world["officer"])

    page = client.get(person_url("person", "gezin", household.pk)).text

    assert "beëindigd bij het wissen" in page and "Intrekken" not in page
