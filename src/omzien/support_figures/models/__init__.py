from .care import Placement, PlacementKind, YoungPersonInCare
from .conference import (
    Agreement,
    ConferenceStatus,
    ConferenceStatusChange,
    FamilyGroupConference,
    Participant,
)
from .figures import (
    SupportFigure,
    SupportFigureKind,
    SupportFigureStatus,
    SupportFigureStatusChange,
)
from .neighbourhood import (
    Audience,
    Challenge,
    ChallengeFigure,
    OnwardReferral,
    Partner,
    PartnerKind,
)
from .network import INFORMAL, NetworkMap, Tie, TieCategory, TieStrength

__all__ = [
    "INFORMAL",
    "Agreement",
    "Audience",
    "Challenge",
    "ChallengeFigure",
    "ConferenceStatus",
    "ConferenceStatusChange",
    "FamilyGroupConference",
    "NetworkMap",
    "OnwardReferral",
    "Participant",
    "Partner",
    "PartnerKind",
    "Placement",
    "PlacementKind",
    "SupportFigure",
    "SupportFigureKind",
    "SupportFigureStatus",
    "SupportFigureStatusChange",
    "Tie",
    "TieCategory",
    "TieStrength",
    "YoungPersonInCare",
]
