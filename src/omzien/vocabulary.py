"""Fixed lists shared by forms, models, the engine's loader and the insight pages."""

from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

DAYS = [
    ("mon", _("maandag")),
    ("tue", _("dinsdag")),
    ("wed", _("woensdag")),
    ("thu", _("donderdag")),
    ("fri", _("vrijdag")),
    ("sat", _("zaterdag")),
    ("sun", _("zondag")),
]
PARTS = [("morning", _("ochtend")), ("afternoon", _("middag")), ("evening", _("avond"))]

# The 21 parts of the week, in bit order for the engine's bitmask.
SLOTS = [
    (f"{day}_{part}", format_lazy("{} {}", day_label, part_label))
    for day, day_label in DAYS
    for part, part_label in PARTS
]
SLOT_CODES = [code for code, _label in SLOTS]


def slots_bitmask(codes) -> int:
    return sum(1 << SLOT_CODES.index(code) for code in codes if code in SLOT_CODES)


class Language(models.TextChoices):
    DUTCH = "nl", _("Nederlands")
    ENGLISH = "en", _("Engels")
    ARABIC = "ar", _("Arabisch")
    TURKISH = "tr", _("Turks")
    POLISH = "pl", _("Pools")
    TIGRINYA = "ti", _("Tigrinya")
    UKRAINIAN = "uk", _("Oekraïens")
    FRENCH = "fr", _("Frans")
    GERMAN = "de", _("Duits")
    SPANISH = "es", _("Spaans")
    SOMALI = "so", _("Somalisch")
    PERSIAN = "fa", _("Perzisch (Farsi, Dari)")
    PAPIAMENTO = "pap", _("Papiaments")
    SRANAN = "srn", _("Sranantongo")


class Need(models.TextChoices):
    """What a family asks for, and what a volunteer can offer."""

    TIME_FOR_CHILD = "time_for_child", _("tijd en aandacht voor een kind")
    PARENTING = "parenting", _("meedenken over opvoeden")
    PRACTICAL = "practical", _("praktische hulp in en om het huis")
    HOMEWORK = "homework", _("hulp bij huiswerk")
    OUTINGS = "outings", _("samen iets leuks doen")
    LANGUAGE = "language", _("Nederlands oefenen")
    PAPERWORK = "paperwork", _("post en geldzaken op orde")
    RESPITE = "respite", _("een kind logeert af en toe")
    NETWORK = "network", _("mensen leren kennen in de buurt")


# The needs a young person can ask for, in words written for them: the same codes as `Need`
# (a volunteer's offer matches them), without the ones about bringing up children.
YOUTH_NEEDS = [
    (Need.TIME_FOR_CHILD, _("iemand die tijd voor me heeft en naar me luistert")),
    (Need.HOMEWORK, _("hulp bij school of huiswerk")),
    (Need.PRACTICAL, _("hulp bij praktische dingen, zoals werk zoeken of wonen")),
    (Need.PAPERWORK, _("hulp bij post, geld en regelzaken")),
    (Need.OUTINGS, _("samen iets leuks doen")),
    (Need.LANGUAGE, _("Nederlands oefenen")),
    (Need.NETWORK, _("mensen leren kennen in de buurt")),
]


class Theme(models.TextChoices):
    """Life domains behind a request; aggregated per neighbourhood to find shared challenges."""

    MONEY = "money", _("geld en schulden")
    HOUSING = "housing", _("wonen")
    WORK = "work", _("werk")
    PARENTING_LOAD = "parenting_load", _("zware opvoedlast")
    DIVORCE = "divorce", _("scheiding")
    PARENT_MENTAL_HEALTH = "parent_mental_health", _("psychische problemen van een ouder")
    CHILD_BEHAVIOUR = "child_behaviour", _("gedrag van een kind")
    LONELINESS = "loneliness", _("eenzaamheid")
    HEALTH = "health", _("ziekte of beperking")
    NEWCOMER = "newcomer", _("nieuw in Nederland")


class HouseholdType(models.TextChoices):
    SINGLE_PARENT = "single_parent", _("eenoudergezin")
    TWO_PARENTS = "two_parents", _("tweeoudergezin")
    OTHER = "other", _("anders samengesteld")


class ClosureReason(models.TextChoices):
    """Why a match ended; each programme type offers its own selection of these."""

    GOALS_REACHED = "goals_reached", _("doelen bereikt")
    PLANNED_END = "planned_end", _("geplande einddatum")
    FAMILY_MOVED = "family_moved", _("gezin verhuisd")
    VOLUNTEER_STOPPED = "volunteer_stopped", _("vrijwilliger gestopt")
    MISMATCH = "mismatch", _("klikte niet")
    SAFETY = "safety", _("veiligheid")
    OTHER = "other", _("anders")


def labels(choices, codes) -> list[str]:
    """Screen labels for stored codes, in the list's own order; retired codes are left out."""
    chosen = set(codes or ())
    return [str(label) for code, label in choices if code in chosen]


def week_parts(codes) -> list[str]:
    """Availability per day, as a coordinator reads it: "maandag: ochtend, avond"."""
    chosen = set(codes or ())
    return [
        f"{day_label}: {', '.join(str(p) for part, p in PARTS if f'{day}_{part}' in chosen)}"
        for day, day_label in DAYS
        if any(f"{day}_{part}" in chosen for part, _p in PARTS)
    ]


class MatchStatus(models.TextChoices):
    PROPOSED = "proposed", _("voorgesteld")
    INTRODUCTION_PLANNED = "introduction_planned", _("kennismaking gepland")
    INTRODUCTION_HELD = "introduction_held", _("kennismaking gehouden")
    AGREED = "agreed", _("beide zeggen ja")
    ACTIVE = "active", _("loopt")
    PAUSED = "paused", _("gepauzeerd")
    CLOSING = "closing", _("wordt afgesloten")
    CLOSED = "closed", _("afgesloten")
    DECLINED = "declined", _("niet doorgegaan")


# Every status but the two ends; the intake app counts a volunteer's open matches with it.
OPEN_MATCH_STATUSES = [
    s for s in MatchStatus.values if s not in {MatchStatus.CLOSED, MatchStatus.DECLINED}
]
