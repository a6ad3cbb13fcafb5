"""The models that hold personal data, by label: rows about a household, youth or volunteer.

Views, API code and template tags get these rows through the scoping layer (`visible_to`),
never straight from `.objects`; `tests/test_personal_queries.py` holds them to it, and checks
this list against the models the privacy app finds personal (`privacy.subjects`).
"""

PERSONAL_MODELS = frozenset(
    {
        "api.IdempotencyRecord",
        "concerns.Concern",
        "concerns.ConcernAccess",
        "concerns.ConcernStatusChange",
        "concerns.ConcernStep",
        "intake.Offer",
        "intake.OfferStatusChange",
        "intake.Referral",
        "intake.Request",
        "intake.RequestStatusChange",
        "matches.Contact",
        "matches.Match",
        "matches.MatchStatusChange",
        "matches.Moment",
        "matches.Reminder",
        "matching.PairRule",
        "matching.PlanProposal",
        "matching.PlanRun",
        "outcomes.Administration",
        "outcomes.AdministrationStatusChange",
        "outcomes.Answer",
        "outcomes.Goal",
        "outcomes.GoalScore",
        "people.Child",
        "people.Household",
        "people.Parent",
        "people.Volunteer",
        "people.Youth",
        "privacy.Anonymisation",
        "privacy.Consent",
        "privacy.LegalHold",
        "privacy.SubjectRequest",
        "screening.Attendance",
        "screening.Certificate",
        "screening.Reference",
        "support_figures.Agreement",
        "support_figures.ConferenceStatusChange",
        "support_figures.FamilyGroupConference",
        "support_figures.NetworkMap",
        "support_figures.OnwardReferral",
        "support_figures.Participant",
        "support_figures.Placement",
        "support_figures.SupportFigure",
        "support_figures.Tie",
        "support_figures.YoungPersonInCare",
    }
)

# The ways into the scoping layer: `visible_to`, and `editable_by`, which narrows it.
SCOPED_ENTRY_POINTS = frozenset({"visible_to", "editable_by"})
