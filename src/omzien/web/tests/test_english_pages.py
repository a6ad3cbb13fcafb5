"""In English mode no page shows Dutch from the interface: every page of every demo role is
read as a visitor reads it (text, and the labels a screen reader says), and searched for the
Dutch source strings of the catalogue and for Dutch interface words.

Dutch that people typed (a request's story, a name) is their data, not the interface: the
demo's texts (its source's string literals) are taken out before the check. Text in `<code>`
(a column of an import file, a code) is a file format, not language.
"""

import ast
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from omzien.accounts.models import User
from omzien.testing import DEMO_ROLES, html_pages

pytestmark = pytest.mark.django_db

CATALOGUE = Path(__file__).parents[2] / "locale" / "en" / "LC_MESSAGES" / "django.po"
# What a catalogue string holds besides words: placeholders, template variables and markup.
NOT_WORDS = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\{.*?\}\}|\{%.*?%\}|<[^>]+>|\n")
# Dutch interface words that never belong on an English page.
DUTCH_WORDS = re.compile(
    r"\b(koppeling(en)?|vrijwilligers?|hulpvra(ag|gen)|vragenlijst(en)?|zorgsigna(al|len)|"
    r"dagde(el|len)|aanmelding(en)?|wachtlijst|gezinnen|bekijken|opslaan|verwijzing(en)?|"
    r"ochtend|middag|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\b",
    re.IGNORECASE,
)
ATTRIBUTES = {"aria-label", "title", "alt", "placeholder"}
HIDDEN = ("script", "style", "template", "code")
DEMO = Path(__file__).parents[2] / "demo"


@cache
def demo_texts() -> tuple[str, ...]:
    """What the demo's people 'typed': the string literals of the demo's source, longest first."""
    literals = {
        node.value
        for path in DEMO.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) > 3
    }
    return tuple(sorted(literals, key=len, reverse=True))


@cache
def catalogue() -> polib.POFile:
    return polib.pofile(str(CATALOGUE))


def pieces(text: str) -> set[str]:
    """The literal pieces of a catalogue string of at least 12 characters and two words."""
    found = set()
    for piece in NOT_WORDS.split(text):
        piece = " ".join(piece.split()).strip(" .,:;()‘’")
        if len(piece) >= 12 and " " in piece:
            found.add(piece)
    return found


@cache
def english_pieces() -> tuple[str, ...]:
    """The English interface's own text; it may name a Dutch column of an import file."""
    texts = {t for e in catalogue() for t in (e.msgstr, *e.msgstr_plural.values()) if t}
    return tuple(sorted(set().union(*map(pieces, texts)), key=len, reverse=True))


@cache
def dutch_fragments() -> tuple[str, ...]:
    """The Dutch source strings' pieces; a piece that reads the same in English (a name, an
    abbreviation) is left out."""
    english = "\n".join(english_pieces())
    sources = {s for e in catalogue() for s in (e.msgid, e.msgid_plural) if s}
    dutch = {piece for piece in set().union(*map(pieces, sources)) if piece not in english}
    return tuple(sorted(dutch, key=len, reverse=True))


class VisibleText(HTMLParser):
    """The text a visitor sees or hears: no scripts or styles, with the spoken attributes."""

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN:
            self.hidden += 1
        self.parts += [value for name, value in attrs if name in ATTRIBUTES and value]

    def handle_endtag(self, tag):
        if tag in HIDDEN and self.hidden:
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = VisibleText()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def dutch_on(text: str) -> list[str]:
    words = text
    for piece in english_pieces():  # first: a demo text may be a word of an English sentence
        words = words.replace(piece, " ")
    for typed in demo_texts():
        text, words = text.replace(typed, " "), words.replace(typed, " ")
    found = [piece for piece in dutch_fragments() if piece in text]
    found += sorted({match.group(0) for match in DUTCH_WORDS.finditer(words)})
    return found


def in_context(text: str, piece: str) -> str:
    at = text.find(piece)
    return text[max(at - 60, 0) : at + len(piece) + 60]


def test_the_check_finds_dutch_and_passes_english():
    assert dutch_on("Keys: Gekozen sleutels intrekken") == ["Gekozen sleutels intrekken"]
    assert dutch_on("Both can make it on Monday morning.") == []
    assert dutch_on("Maandag ochtend") == ["Maandag", "ochtend"]


@pytest.mark.parametrize("username", DEMO_ROLES)
def test_no_page_shows_dutch_in_english_mode(demo, client, username):
    user = User.objects.get(username=username) if username else AnonymousUser()
    if username:
        client.force_login(user)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    pages = dict(html_pages(client, user))
    assert len(pages) >= 3
    texts = {url: visible_text(html) for url, html in pages.items()}
    dutch = {url: found for url, text in texts.items() if (found := dutch_on(text))}
    assert dutch == {}, "\n".join(
        f"{url}: {piece!r} in '…{in_context(texts[url], piece)}…'"
        for url, found in dutch.items()
        for piece in found
    )
