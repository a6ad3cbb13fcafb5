"""The authorisation matrix: which roles may open each page, API endpoint, export and task.

`privacy/tests/test_authorisation_matrix.py` walks every URL of the project for every role and
checks the answer against this table; a URL that is not in it fails that test. Deny by default:
a role that is not listed for a page gets 403 (or 404 for an object outside its scope).
"""

from omzien.access.roles import Role

R = Role
PUBLIC = frozenset({"public"})  # anyone, logged in or not: sign-up forms, the log-in pages
API_CLIENT = frozenset({"api_client"})  # a system with a token of its organisation, never a person
STAFF = frozenset({R.COORDINATOR, R.ORG_ADMIN})
OWN = frozenset({R.VOLUNTEER, R.PARENT, R.YOUTH})
FIGURES = frozenset({R.ANALYST, R.COORDINATOR, R.ORG_ADMIN})
NETWORK = frozenset({R.CARE_PROFESSIONAL, *STAFF})
EVERY_ROLE = frozenset(Role.values)


def _each(roles, *names: str) -> dict[str, frozenset]:
    return dict.fromkeys(names, frozenset(roles))


MATRIX: dict[str, frozenset] = {
    **_each(PUBLIC, "web:home", "login", "logout", "set_language", "two_factor_verify",
            "two_factor_setup", "new_password", "signup:choose", "signup:household", "signup:youth",
            "signup:volunteer", "signup:thanks", "signup:thanks_informal", "api:openapi-json", "api:openapi-yaml",
            "api:reference"),
    **_each(STAFF, "intake:waiting_list", "intake:work_lists", "importing:import",
            "importing:progress", "importing:example", "matching:plan", "matching:plan_run",
            "matching:plan_decide", "matching:plan_rule_delete", "matching:request_detail",
            "matching:propose", "matching:request_transition", "matches:today",
            "matches:match_list", "matches:match_detail", "matches:match_step",
            "matches:match_contact", "matches:match_close", "matches:match_reopen",
            "screening:offer_detail", "screening:offer_transition", "screening:record",
            "outcomes:request_questionnaires", "outcomes:enter_paper", "outcomes:goals",
            "support_figures:household_maps", "support_figures:household_map",
            "support_figures:onward_referral", "privacy:people", "privacy:person",
            "privacy:consent_give", "privacy:consent_withdraw", "privacy:correct"),
    # Concerns are need-to-know: only the coordinators of the programme, not the organisation.
    **_each({R.COORDINATOR}, "concerns:list", "concerns:detail", "concerns:reason",
            "concerns:step", "concerns:close", "concerns:create"),
    **_each(OWN, "matches:own_page", "matches:own_message", "concerns:report_own",
            "concerns:report_received", "outcomes:own_list", "outcomes:own_answer"),
    **_each({R.VOLUNTEER}, "matches:own_contact"),
    **_each({R.REFERRER}, "referrals:list", "referrals:create", "referrals:detail"),
    **_each({R.ANALYST, R.ORG_ADMIN}, "outcomes:report", "insight:yearly",
            "insight:yearly_request", "insight:yearly_progress", "insight:yearly_download"),
    **_each(FIGURES, "insight:dashboard", "insight:map", "insight:recruit", "insight:themes",
            "support_figures:challenges", "support_figures:new_challenge",
            "support_figures:challenge_from_theme", "support_figures:challenge",
            "support_figures:edit_challenge", "support_figures:close_challenge",
            "support_figures:follow_challenge", "support_figures:new_partner",
            "support_figures:edit_partner"),
    **_each({*FIGURES, R.CARE_PROFESSIONAL}, "support_figures:coverage",
            "support_figures:partners"),
    **_each({R.CARE_PROFESSIONAL}, "support_figures:young_people", "support_figures:register",
            "support_figures:young_person", "support_figures:new_placement",
            "support_figures:end_placement", "support_figures:add_figure",
            "support_figures:young_person_map", "support_figures:figure_step"),
    **_each({R.YOUTH}, "support_figures:my_support_figure", "support_figures:propose",
            "support_figures:self_register"),
    **_each(NETWORK, "support_figures:add_tie", "support_figures:change_tie",
            "support_figures:new_conference", "support_figures:conference_step",
            "support_figures:add_agreement"),
    **_each({*NETWORK, R.YOUTH}, "support_figures:map_detail", "support_figures:compare_map",
            "support_figures:conference"),
    **_each({*STAFF, R.SUPERUSER}, "privacy:overview"),
    # The audit trail: an organisation's privacy officer (a permission on top) and functional
    # management; the data subject's rights are exercised by the privacy officer.
    **_each({R.ORG_ADMIN, R.SUPERUSER}, "privacy:audit", "privacy:audit_export"),
    **_each({R.ORG_ADMIN}, "privacy:hold_place", "privacy:hold_lift", "privacy:export",
            "privacy:erase", "privacy:retention", "privacy:retention_policy"),
    **_each({R.RESEARCHER}, "privacy:research", "privacy:research_export"),
    **_each(EVERY_ROLE, "privacy:register", "privacy:register_pdf"),
    **_each(API_CLIENT, "api:referrals", "api:referral", "api:programmes", "api:aggregates"),
}  # fmt: skip

# Django's admin is functional management's: every admin page needs a superuser (is_staff).
ADMIN_ROLES = frozenset({R.SUPERUSER})

# Background tasks run as the installation, never for a user: who may start each one.
TASKS: dict[str, str] = {
    "omzien.screening.tasks.expire_screenings": "nightly (cron: omzien nightly)",
    "omzien.matches.reminders.send_reminders": "nightly (cron: omzien nightly)",
    "omzien.privacy.tasks.anonymise_expired": "nightly (cron: omzien nightly)",
    "omzien.insight.tasks.rebuild_rollups": "nightly (cron: omzien nightly)",
    "omzien.insight.tasks.make_yearly_account": "analyst or org_admin, from the yearly account page",
}
