"""The audit trail in words a privacy officer reads: what happened, to which data, about whom.

A row stores the page's route name ('matches:match_detail'); the officer reads 'Koppeling
bekeken'. A route without a sentence here still reads as Dutch, never as code.
"""

from django.apps import apps
from django.utils.translation import gettext_lazy as _

from .admin_trail import model_and_step
from .models import AuditAction
from .models.subject import SUBJECT_LABELS, pseudonym
from .subjects import SUBJECT_MODELS

PAGES = {
    "web:home": _("Startpagina geopend"),
    "intake:waiting_list": _("Wachtlijst bekeken"),
    "intake:work_lists": _("Werklijsten bekeken"),
    "signup:household": _("Gezin aangemeld via het formulier"),
    "signup:youth": _("Jongere aangemeld via het formulier"),
    "signup:volunteer": _("Vrijwilliger aangemeld via het formulier"),
    "referrals:list": _("Verwijzingen bekeken"),
    "referrals:create": _("Gezin verwezen"),
    "referrals:detail": _("Verwijzing bekeken"),
    "importing:import": _("Aanmeldingen ingelezen uit een bestand"),
    "importing:progress": _("Voortgang van het inlezen bekeken"),
    "importing:example": _("Voorbeeldbestand voor het inlezen gedownload"),
    "matching:plan": _("Koppelplan bekeken"),
    "matching:plan_run": _("Koppelplan berekend"),
    "matching:plan_decide": _("Besluit genomen over een voorstel in het koppelplan"),
    "matching:plan_rule_delete": _("Regel uit het koppelplan gehaald"),
    "matching:request_detail": _("Hulpvraag bekeken"),
    "matching:propose": _("Koppeling voorgesteld"),
    "matching:request_transition": _("Volgende stap van een hulpvraag gezet"),
    "matches:today": _("Werk voor vandaag bekeken"),
    "matches:own_page": _("Eigen koppeling bekeken"),
    "matches:own_contact": _("Eigen contact vastgelegd"),
    "matches:own_message": _("Bericht aan de coördinator gestuurd"),
    "matches:match_list": _("Koppelingen bekeken"),
    "matches:match_detail": _("Koppeling bekeken"),
    "matches:match_step": _("Volgende stap van een koppeling gezet"),
    "matches:match_contact": _("Contact bij een koppeling vastgelegd"),
    "matches:match_close": _("Koppeling afgesloten"),
    "matches:match_reopen": _("Koppeling weer geopend"),
    "screening:offer_detail": _("Aanbod van een vrijwilliger bekeken"),
    "screening:offer_transition": _("Volgende stap van een aanbod gezet"),
    "screening:record": _("Screening vastgelegd (VOG, referentie of training)"),
    "concerns:list": _("Zorgsignalen bekeken"),
    "concerns:detail": _("Zorgsignaal bekeken"),
    "concerns:reason": _("Zorgsignaal aangevuld"),
    "concerns:step": _("Volgende stap van een zorgsignaal gezet"),
    "concerns:close": _("Zorgsignaal afgesloten"),
    "concerns:create": _("Zorgsignaal gemeld"),
    "concerns:report_own": _("Zorg gemeld door vrijwilliger of gezin"),
    "concerns:report_received": _("Melding van zorg bekeken"),
    "outcomes:report": _("Uitkomsten bekeken"),
    "outcomes:request_questionnaires": _("Vragenlijsten klaargezet"),
    "outcomes:enter_paper": _("Vragenlijst van papier ingevoerd"),
    "outcomes:goals": _("Doelen vastgelegd"),
    "outcomes:own_list": _("Eigen vragenlijsten bekeken"),
    "outcomes:own_answer": _("Eigen vragenlijst ingevuld"),
    "insight:yearly_download": _("Jaarverantwoording gedownload"),
    "insight:yearly": _("Jaarverantwoordingen bekeken"),
    "insight:yearly_request": _("Jaarverantwoording aangevraagd"),
    "insight:yearly_progress": _("Voortgang van een jaarverantwoording bekeken"),
    "insight:dashboard": _("Dashboard met cijfers bekeken"),
    "insight:map": _("Kaart met cijfers per buurt bekeken"),
    "insight:recruit": _("Overzicht van waar vrijwilligers nodig zijn bekeken"),
    "insight:themes": _("Terugkerende thema's bekeken"),
    "support_figures:young_people": _("Jongeren in zorg bekeken"),
    "support_figures:register": _("Jongere in zorg ingeschreven"),
    "support_figures:young_person": _("Jongere in zorg bekeken"),
    "support_figures:new_placement": _("Uithuisplaatsing vastgelegd"),
    "support_figures:end_placement": _("Uithuisplaatsing beëindigd"),
    "support_figures:add_figure": _("Steunfiguur toegevoegd"),
    "support_figures:young_person_map": _("Netwerkkaart van een jongere bekeken"),
    "support_figures:figure_step": _("Volgende stap van een steunfiguur gezet"),
    "support_figures:my_support_figure": _("Eigen steunfiguur bekeken"),
    "support_figures:propose": _("Steunfiguur voorgedragen"),
    "support_figures:self_register": _("Jongere heeft zichzelf ingeschreven"),
    "support_figures:household_maps": _("Netwerkkaarten van gezinnen bekeken"),
    "support_figures:household_map": _("Netwerkkaart van een gezin bekeken"),
    "support_figures:map_detail": _("Netwerkkaart bekeken"),
    "support_figures:add_tie": _("Iemand aan een netwerkkaart toegevoegd"),
    "support_figures:change_tie": _("Netwerkkaart gewijzigd"),
    "support_figures:compare_map": _("Netwerkkaarten vergeleken"),
    "support_figures:new_conference": _("Netwerkberaad gepland"),
    "support_figures:conference": _("Netwerkberaad bekeken"),
    "support_figures:conference_step": _("Volgende stap van een netwerkberaad gezet"),
    "support_figures:add_agreement": _("Afspraak uit een netwerkberaad vastgelegd"),
    "support_figures:onward_referral": _("Doorverwezen naar een partner"),
    "support_figures:coverage": _("Dekking met steunfiguren bekeken"),
    "support_figures:challenges": _("Gezamenlijke opgaven bekeken"),
    "support_figures:new_challenge": _("Gezamenlijke opgave gemaakt"),
    "support_figures:challenge_from_theme": _("Gezamenlijke opgave gemaakt uit een thema"),
    "support_figures:challenge": _("Gezamenlijke opgave bekeken"),
    "support_figures:edit_challenge": _("Gezamenlijke opgave gewijzigd"),
    "support_figures:close_challenge": _("Gezamenlijke opgave afgesloten"),
    "support_figures:follow_challenge": _("Cijfers van een gezamenlijke opgave bekeken"),
    "support_figures:partners": _("Partners bekeken"),
    "support_figures:new_partner": _("Partner toegevoegd"),
    "support_figures:edit_partner": _("Partner gewijzigd"),
    "privacy:overview": _("Privacyoverzicht bekeken"),
    "privacy:audit": _("Audittrail bekeken"),
    "privacy:audit_export": _("Audittrail geëxporteerd"),
    "privacy:people": _("Personen gezocht"),
    "privacy:person": _("Dossier van een persoon bekeken"),
    "privacy:consent_give": _("Toestemming vastgelegd"),
    "privacy:consent_withdraw": _("Toestemming ingetrokken"),
    "privacy:hold_place": _("Bewaarplicht ingesteld"),
    "privacy:hold_lift": _("Bewaarplicht opgeheven"),
    "privacy:export": _("Gegevens van een persoon geëxporteerd (inzage)"),
    "privacy:correct": _("Gegevens van een persoon verbeterd"),
    "privacy:erase": _("Gegevens van een persoon gewist"),
    "privacy:retention": _("Bewaartermijnen bekeken"),
    "privacy:retention_policy": _("Bewaartermijn gewijzigd"),
    "privacy:research": _("Onderzoeksexport bekeken"),
    "privacy:research_export": _("Gegevens voor onderzoek geëxporteerd"),
    "privacy:register": _("Verwerkingsregister bekeken"),
    "privacy:register_pdf": _("Verwerkingsregister gedownload (PDF)"),
    "api:referrals": _("Verwijzingen via de koppeling met een ander systeem (API)"),
    "api:referral": _("Verwijzing via de koppeling met een ander systeem (API)"),
    "api:programmes": _("Programma's via de koppeling met een ander systeem (API)"),
    "api:aggregates": _("Cijfers via de koppeling met een ander systeem (API)"),
}
ADMIN_CHANGES = {
    AuditAction.CREATE: _("In beheer toegevoegd"),
    AuditAction.DELETE: _("In beheer verwijderd"),
}
WITHOUT_PAGE = {AuditAction.ANONYMISE: _("Gegevens geanonimiseerd: bewaartermijn verlopen")}


def sentence(event) -> str:
    if event.url_name in PAGES:
        return str(PAGES[event.url_name])
    if event.url_name.startswith("admin:"):
        _model, step = model_and_step(event.url_name.removeprefix("admin:"))
        if step == "password_change":
            return str(_("Wachtwoord ingesteld door beheer"))
        return str(ADMIN_CHANGES.get(event.action, _("In beheer gewijzigd")))
    if not event.url_name and event.action in WITHOUT_PAGE:
        return str(WITHOUT_PAGE[event.action])
    return str(_("Andere pagina"))


def _model_name(label: str) -> str:
    # Not cached: the name is in the reader's language, which changes per request.
    try:
        return str(apps.get_model(label)._meta.verbose_name)
    except (LookupError, ValueError):
        return label


def thing(event) -> str:
    """'koppeling 12': the kind of row and its number."""
    if not event.object_type:
        return ""
    return f"{_model_name(event.object_type)} {event.object_id or ''}".strip()


def visible_names(user, events) -> dict[tuple[str, int], str]:
    """The names of the people in these rows that this user may see anyway; no one else's."""
    names = {}
    for kind, model in SUBJECT_MODELS.items():
        ids = {getattr(event, f"{kind}_id") for event in events} - {None}
        if not ids:
            continue
        rows = model.objects.visible_to(user).filter(pk__in=ids)
        if kind == "household":
            rows = rows.prefetch_related("parents")  # a household is named after a parent
        names |= {(kind, row.pk): str(row) for row in rows}
    return names


def about(event, names) -> list[str]:
    """'Gezin Jansen (gezin 12)' where the name may be shown, else 'gezin 12'."""
    people = []
    for kind in SUBJECT_LABELS:
        pk = getattr(event, f"{kind}_id")
        if pk is not None:
            number = pseudonym(kind, pk)
            people.append(f"{names[kind, pk]} ({number})" if (kind, pk) in names else number)
    return people


def described(user, events) -> list:
    """The rows, each with .sentence, .thing and .about for the page."""
    events = list(events)
    names = visible_names(user, events)
    for event in events:
        event.sentence = sentence(event)
        event.thing = thing(event)
        event.about = about(event, names)
    return events
