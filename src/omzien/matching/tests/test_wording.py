"""The engine's explanation codes read as sentences in Dutch and in English."""

from django.utils import translation

from omzien.matching import wording
from omzien.matching.engine import explain
from omzien.matching.engine.tests.factories import UTRECHT, offer, pool, request


def _rules(explanation, language):
    with translation.override(language):
        return {rule["label"]: rule["sentence"] for rule in wording.readable(explanation)["rules"]}


def test_a_pair_is_explained_in_dutch_and_in_english():
    explained = explain(pool(), 1, 10)
    dutch, english = _rules(explained, "nl"), _rules(explained, "en")
    assert dutch["Binnen reisafstand"] == "Woont 2,2 km verderop (binnen 10 km)."
    assert english["Within travel distance"] == "Lives 2.2 km away (within 10 km)."
    assert english["Shared part of the week"] == "Both can make it on Monday morning."
    assert english["Children's ages"].startswith("The child (6 years old) is within")


def test_a_stored_explanation_reads_the_same_as_a_fresh_one():
    far = explain(pool([request()], [offer(lat=UTRECHT[0] + 0.2, slots=1 << 7)]), 1, 10)
    with translation.override("en"):
        assert wording.readable(far.as_dict()) == wording.readable(far)
        assert "the volunteer travels up to 10 km" in wording.failed_rules(far)


def test_an_explanation_stored_as_dutch_sentences_is_still_shown():
    old = {
        "rules": [
            {"name": "pets", "label": "Huisdieren", "passed": True, "sentence": "Geen bezwaar."}
        ],
        "parts": [],
    }
    with translation.override("en"):
        rule = wording.readable(old)["rules"][0]
    assert (rule["label"], rule["sentence"]) == ("Pets", "Geen bezwaar.")


def test_why_nobody_fits_is_said_per_side():
    with translation.override("en"):
        assert wording.reason("empty", "request") == "There are no volunteers in this pool yet."
        assert wording.reason("own_schedule", "offer") == (
            "This volunteer has not given any parts of the week yet."
        )
