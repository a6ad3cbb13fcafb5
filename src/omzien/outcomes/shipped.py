"""The instruments Omzien ships, free to use, in its own words (Dutch, B1).

Loaded by a data migration through `load`, which works on the migration's historical models
and can run again without making duplicates. A changed text needs a new version, loaded by
a new migration: answered versions never change.
"""

AGREE = "eens-oneens-5"
SITUATION = "situatie-5"

SCALES = {
    AGREE: (
        "Eens of oneens (1 tot 5)",
        [
            (1, "Helemaal niet mee eens"),
            (2, "Niet mee eens"),
            (3, "Niet eens, niet oneens"),
            (4, "Mee eens"),
            (5, "Helemaal mee eens"),
        ],
    ),
    SITUATION: (
        "Hoe gaat het (1 tot 5)",
        [
            (1, "Grote zorgen"),
            (2, "Zorgen"),
            (3, "Gaat wisselend"),
            (4, "Gaat redelijk goed"),
            (5, "Gaat goed"),
        ],
    ),
}

SUPPORT, SATISFACTION = "Ervaren steun", "Tevredenheid"

# slug: name, description, licence, scoring, share, items
# item: code, text, scale, reversed, subscale, after_start
INSTRUMENTS = {
    "doelen-gas": (
        "Doelen (GAS)",
        "Bij de intake kiest u samen met het gezin of de jongere twee tot vijf doelen. "
        "Bij elke evaluatie en bij de afsluiting kijkt u per doel hoe ver het is: van -2 "
        "(veel minder dan verwacht) tot +2 (veel meer dan verwacht). Omzien rekent dat om "
        "naar een T-score: 50 betekent dat de doelen zijn bereikt zoals verwacht.",
        "Goal Attainment Scaling (Kiresuk en Sherman, 1968) is een openbare methode. "
        "Vrij te gebruiken.",
        "gas",
        "0.60",
        [],
    ),
    "tevredenheid-steun": (
        "Tevredenheid en ervaren steun",
        "Een korte vragenlijst van Omzien voor ouders en jongeren. Deel 1 gaat over de steun "
        "die iemand om zich heen heeft. Deel 2 gaat over de hulp van de vrijwilliger; dat "
        "deel vragen we pas als de koppeling loopt.",
        "Gemaakt door Omzien. Vrij te gebruiken (EUPL-1.2).",
        "mean",
        "0.60",
        [
            ("steun-1", "Ik heb iemand bij wie ik terecht kan als het even niet gaat.",
             AGREE, False, SUPPORT, False),
            ("steun-2", "Ik sta er vaak alleen voor.", AGREE, True, SUPPORT, False),
            ("steun-3", "Ik heb genoeg tijd om op adem te komen.", AGREE, False, SUPPORT, False),
            ("steun-4", "Ik weet bij wie ik om hulp kan vragen.", AGREE, False, SUPPORT, False),
            ("steun-5", "Ik maak me vaak zorgen over hoe het thuis gaat.",
             AGREE, True, SUPPORT, False),
            ("tevreden-1", "De hulp van de vrijwilliger past bij wat ik nodig heb.",
             AGREE, False, SATISFACTION, True),
            ("tevreden-2", "Ik kan goed met de vrijwilliger praten.",
             AGREE, False, SATISFACTION, True),
            ("tevreden-3", "De afspraken met de vrijwilliger gaan goed.",
             AGREE, False, SATISFACTION, True),
            ("tevreden-4", "Ik zou deze hulp aanraden aan anderen.",
             AGREE, False, SATISFACTION, True),
            ("tevreden-5", "Ik had meer van de hulp verwacht.", AGREE, True, SATISFACTION, True),
        ],
    ),
    "situatie-gezin": (
        "Situatie van het gezin",
        "Hoe gaat het met het gezin op zes gebieden van het leven? Per gebied een cijfer "
        "van 1 (grote zorgen) tot 5 (gaat goed). U vult het samen met het gezin in.",
        "Gemaakt door Omzien, in eigen woorden. Vrij te gebruiken (EUPL-1.2). Dit is niet "
        "de Zelfredzaamheid-Matrix: heeft uw organisatie daar een licentie voor, voer die "
        "dan in als eigen instrument.",
        "mean",
        "0.50",
        [
            ("geld", "Geld: kunnen jullie rondkomen en de rekeningen betalen?",
             SITUATION, False, "Geld", False),
            ("wonen", "Wonen: hebben jullie een veilige en vaste plek om te wonen?",
             SITUATION, False, "Wonen", False),
            ("werk", "Werk en dagbesteding: hebben de ouders werk, school of iets anders "
             "te doen dat past?", SITUATION, False, "Werk en dagbesteding", False),
            ("netwerk", "Sociaal netwerk: zijn er mensen om jullie heen die helpen?",
             SITUATION, False, "Sociaal netwerk", False),
            ("opvoeden", "Opvoeden: lukt het om de kinderen te geven wat ze nodig hebben?",
             SITUATION, False, "Opvoeden", False),
            ("gezondheid", "Gezondheid: hoe gaat het met de gezondheid van ouders en "
             "kinderen?", SITUATION, False, "Gezondheid", False),
        ],
    ),
}  # fmt: skip


def load(apps) -> None:
    """Create the shipped scales and instruments (version 1) where they are missing."""
    scale_model = apps.get_model("outcomes", "Scale")
    point_model = apps.get_model("outcomes", "ScalePoint")
    scales = {}
    for slug, (name, points) in SCALES.items():
        scale, created = scale_model.objects.get_or_create(slug=slug, defaults={"name": name})
        if created:
            point_model.objects.bulk_create(
                point_model(scale=scale, value=value, label=label) for value, label in points
            )
        scales[slug] = scale
    for slug, (name, description, licence, rule, share, items) in INSTRUMENTS.items():
        load_instrument(apps, scales, slug, name, description, licence, rule, share, items)


def load_instrument(apps, scales, slug, name, description, licence, rule, share, items) -> None:
    instrument_model = apps.get_model("outcomes", "Instrument")
    version_model = apps.get_model("outcomes", "InstrumentVersion")
    item_model = apps.get_model("outcomes", "Item")
    instrument, _ = instrument_model.objects.get_or_create(
        slug=slug,
        defaults={"name": name, "description": description, "licence_note": licence},
    )
    version, created = version_model.objects.get_or_create(
        instrument=instrument, number=1, defaults={"scoring": rule, "min_answered_share": share}
    )
    if created:
        item_model.objects.bulk_create(
            item_model(
                version=version,
                position=position,
                code=code,
                text=text,
                scale=scales[scale],
                reversed=reverse,
                subscale=subscale,
                after_start=after_start,
            )
            for position, (code, text, scale, reverse, subscale, after_start) in enumerate(
                items, start=1
            )
        )


# The English texts of the shipped versions (version 1), stored in InstrumentVersion.translations.
ENGLISH_SCALES = {
    AGREE: {
        "name": "Agree or disagree (1 to 5)",
        "points": {
            "1": "Strongly disagree",
            "2": "Disagree",
            "3": "Neither agree nor disagree",
            "4": "Agree",
            "5": "Strongly agree",
        },
    },
    SITUATION: {
        "name": "How is it going (1 to 5)",
        "points": {
            "1": "Serious worries",
            "2": "Worries",
            "3": "Up and down",
            "4": "Going fairly well",
            "5": "Going well",
        },
    },
}

ENGLISH = {
    "doelen-gas": {
        "name": "Goals (GAS)",
        "description": "At intake you choose two to five goals together with the family or the "
        "young person. At every evaluation and at closure you look at how far each goal has "
        "come: from -2 (much less than expected) to +2 (much more than expected). Omzien turns "
        "that into a T-score: 50 means the goals were reached as expected.",
        "licence": "Goal Attainment Scaling (Kiresuk and Sherman, 1968) is a public method. "
        "Free to use.",
    },
    "tevredenheid-steun": {
        "name": "Satisfaction and experienced support",
        "description": "A short questionnaire by Omzien for parents and young people. Part 1 is "
        "about the support someone has around them. Part 2 is about the volunteer's help; we "
        "only ask that part once the match is running.",
        "licence": "Made by Omzien. Free to use (EUPL-1.2).",
        "subscales": {SUPPORT: "Experienced support", SATISFACTION: "Satisfaction"},
        "items": {
            "steun-1": "I have someone to turn to when things are not going well.",
            "steun-2": "I am often on my own.",
            "steun-3": "I have enough time to catch my breath.",
            "steun-4": "I know whom I can ask for help.",
            "steun-5": "I often worry about how things are going at home.",
            "tevreden-1": "The volunteer's help fits what I need.",
            "tevreden-2": "I can talk well with the volunteer.",
            "tevreden-3": "The arrangements with the volunteer go well.",
            "tevreden-4": "I would recommend this help to others.",
            "tevreden-5": "I had expected more from the help.",
        },
    },
    "situatie-gezin": {
        "name": "The family's situation",
        "description": "How is the family doing in six areas of life? Per area a mark from 1 "
        "(serious worries) to 5 (going well). You fill it in together with the family.",
        "licence": "Made by Omzien, in its own words. Free to use (EUPL-1.2). This is not the "
        "Self-Sufficiency Matrix: if your organisation holds a licence for that, enter it as "
        "its own instrument.",
        "subscales": {
            "Geld": "Money",
            "Wonen": "Housing",
            "Werk en dagbesteding": "Work and daytime activities",
            "Sociaal netwerk": "Social network",
            "Opvoeden": "Parenting",
            "Gezondheid": "Health",
        },
        "items": {
            "geld": "Money: can you make ends meet and pay the bills?",
            "wonen": "Housing: do you have a safe and settled place to live?",
            "werk": "Work and daytime activities: do the parents have work, school or something "
            "else to do that suits them?",
            "netwerk": "Social network: are there people around you who help?",
            "opvoeden": "Parenting: do you manage to give the children what they need?",
            "gezondheid": "Health: how is the health of the parents and children?",
        },
    },
}


def load_translations(apps) -> None:
    """Give the shipped versions (version 1) their English texts; other languages are kept."""
    version_model = apps.get_model("outcomes", "InstrumentVersion")
    for slug, english in ENGLISH.items():
        for version in version_model.objects.filter(instrument__slug=slug, number=1):
            translations = dict(version.translations) | {"en": english | {"scales": ENGLISH_SCALES}}
            # update(): a data fix of the texts around the answers, not a change of the version.
            version_model.objects.filter(pk=version.pk).update(translations=translations)
