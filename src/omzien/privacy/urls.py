from django.urls import path, re_path

from .views import audit, overview, people, register, research, retention, rights

PERSON = r"^privacy/personen/(?P<kind>gezin|jongere|vrijwilliger)/(?P<pk>\d+)/"
FORMAT = r"(?P<fmt>csv|xlsx)"

app_name = "privacy"
urlpatterns = [
    path("privacy/", overview.overview, name="overview"),
    path("privacy/audittrail/", audit.audit_trail, name="audit"),
    re_path(rf"^privacy/audittrail/export\.{FORMAT}$", audit.audit_export, name="audit_export"),
    path("privacy/personen/", people.search, name="people"),
    re_path(rf"{PERSON}$", people.person, name="person"),
    re_path(rf"{PERSON}toestemming/$", people.consent_give, name="consent_give"),
    re_path(
        rf"{PERSON}toestemming/(?P<consent_pk>\d+)/intrekken/$",
        people.consent_withdraw,
        name="consent_withdraw",
    ),
    re_path(rf"{PERSON}bewaarplicht/$", people.hold_place, name="hold_place"),
    re_path(rf"{PERSON}bewaarplicht/opheffen/$", people.hold_lift, name="hold_lift"),
    re_path(rf"{PERSON}gegevens\.(?P<fmt>json|pdf)$", rights.export, name="export"),
    re_path(rf"{PERSON}verbeteren/$", rights.correct, name="correct"),
    re_path(rf"{PERSON}wissen/$", rights.erase, name="erase"),
    path("privacy/bewaartermijnen/", retention.retention, name="retention"),
    path(
        "privacy/bewaartermijnen/<int:programme_pk>/",
        retention.retention_policy,
        name="retention_policy",
    ),
    path("privacy/onderzoek/", research.research_page, name="research"),
    re_path(
        rf"^privacy/onderzoek/export\.{FORMAT}$", research.research_export, name="research_export"
    ),
    path("privacy/verwerkingen/", register.register_page, name="register"),
    path("privacy/verwerkingen.pdf", register.register_pdf, name="register_pdf"),
]
