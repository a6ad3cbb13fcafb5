"""One form of address per audience: "u" for parents, "je" for volunteers and young people, on
every page and mail of their sign-up; the password rules that everyone reads address no one."""

import html
import re

import pytest
from django.contrib.auth.password_validation import password_validators_help_texts
from django.core.exceptions import ValidationError

from omzien import testing
from omzien.accounts.passwords import MinimumLength

from .test_signup import household_data
from .test_signup_people import volunteer_data, youth_data

pytestmark = pytest.mark.django_db

FORMAL = re.compile(r"\b(u|uw)\b", re.IGNORECASE)
INFORMAL = re.compile(r"\b(je|jij|jou|jouw)\b", re.IGNORECASE)


def main_text(response) -> str:
    """What the page says in its main region, as a reader sees it."""
    page = response.content.decode()
    main = page[page.index("<main") : page.index("</main>")]
    return html.unescape(re.sub(r"<[^>]+>", " ", main))


def words(pattern: re.Pattern, text: str) -> set[str]:
    return {word.lower() for word in pattern.findall(text)}


@pytest.fixture
def programmes():
    testing.geography()
    return {
        "household": testing.programme(name="Steungezinnen"),
        "youth": testing.programme(
            name="Maatje voor jongeren", serves="youth", min_age=16, max_age=23
        ),
    }


AUDIENCES = {
    # audience: (form, data, programme, the form of address, the other one)
    "parent": ("/aanmelden/gezin/", household_data, "household", FORMAL, INFORMAL),
    "young person": ("/aanmelden/jongere/", youth_data, "youth", INFORMAL, FORMAL),
    "volunteer": ("/aanmelden/vrijwilliger/", volunteer_data, "household", INFORMAL, FORMAL),
}


@pytest.mark.parametrize("audience", AUDIENCES)
def test_the_sign_up_speaks_to_its_audience_in_one_form(client, programmes, mailoutbox, audience):
    url, data, programme, spoken, other = AUDIENCES[audience]
    programme = programmes[programme]
    everything = {
        "empty form": main_text(client.get(url)),
        "form with errors": main_text(client.post(url, {"programme": programme.pk})),
    }
    thanks = client.post(url, data(programme), follow=True)
    everything["thank-you page"] = main_text(thanks)
    client.post(url, data(programme))  # the same address again
    first, again = mailoutbox
    everything["confirmation"] = f"{first.subject}\n{first.body}"
    everything["already signed up"] = f"{again.subject}\n{again.body}"

    for what, text in everything.items():
        assert words(spoken, text), f"{audience}, {what}: not addressed at all"
        assert not words(other, text), f"{audience}, {what}: {words(other, text)}"


def test_young_people_choose_from_help_written_for_them(client, programmes):
    text = main_text(client.get("/aanmelden/jongere/"))
    assert "hulp bij school of huiswerk" in text
    assert "iemand die tijd voor me heeft en naar me luistert" in text
    assert "meedenken over opvoeden" not in text  # the parents' list
    assert "een kind logeert af en toe" not in text


def test_the_password_rules_address_no_one():
    rules = " ".join(password_validators_help_texts())
    with pytest.raises(ValidationError) as refused:
        MinimumLength(12).validate("kort")
    said = f"{rules} {' '.join(refused.value.messages)}"
    assert "12" in said
    assert not words(FORMAL, said) and not words(INFORMAL, said), said
