"""The load test: coordinators, volunteers, parents, referrers and analysts at once, and the
API's client systems, against a server with the demo or the national dataset loaded
(`make loadtest` runs it).

Who takes part is in the JSON file OMZIEN_LOADTEST_CAST, which `loadtest/cast.py` writes: the
accounts per kind of user and two API tokens. Every simulated user logs in through the real
pages, the second step included (the demo's authenticator keys). A code works once, so each
account logs in once and the simulated users of that account share its session. Pages that
fail, redirect (for example back to the log-in) or answer other than 200 count as errors.

With several app servers (OMZIEN_LOADTEST_HOSTS, space-separated addresses), every page and
API call goes to one of them at random: a session made on one server is used on the others,
as behind a load balancer.
"""

import json
import os
import random
import re
from urllib.parse import urljoin

import django
import gevent.lock
from django_otp.oath import TOTP
from locust import HttpUser, between, constant_throughput, task

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "omzien.conf.settings")
django.setup()  # for the demo's key derivation only; the load test never opens the database

from omzien.demo.accounts import DEMO_PASSWORD  # noqa: E402
from omzien.demo.second_factor import demo_key  # noqa: E402

try:
    with open(os.environ["OMZIEN_LOADTEST_CAST"]) as file:
        CAST = json.load(file)
except KeyError:
    raise SystemExit("Set OMZIEN_LOADTEST_CAST (scripts/loadtest.sh writes it).") from None

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
REQUEST_LINK = re.compile(r'href="/hulpvragen/(\d+)/"')
MATCH_LINK = re.compile(r'href="/koppelingen/(\d+)/"')

HOSTS = os.environ.get("OMZIEN_LOADTEST_HOSTS", "").split()
_sessions: dict[str, dict] = {}  # username -> cookies of its one logged-in session
_locks: dict[str, gevent.lock.Semaphore] = {}
_ids: dict[str, dict[str, list[str]]] = {}  # username -> ids found on its list pages


def csrf_token(html: str) -> str:
    found = CSRF.search(html)
    if not found:
        raise RuntimeError("No CSRF token on the log-in page")
    return found.group(1)


def any_server(client) -> None:
    if HOSTS:
        client.base_url = random.choice(HOSTS)


class DemoUser(HttpUser):
    abstract = True
    wait_time = between(1, 5)  # a person reads a page before the next click
    accounts: list[str] = []

    def on_start(self) -> None:
        self.username = random.choice(self.accounts)
        lock = _locks.setdefault(self.username, gevent.lock.Semaphore())
        with lock:  # the first user of an account logs in; the others wait and share it
            if self.username not in _sessions:
                self.log_in()
                _sessions[self.username] = self.client.cookies.get_dict()
        self.client.cookies.update(_sessions[self.username])

    def log_in(self) -> None:
        page = self.client.get("/inloggen/", name="Inloggen")
        form = {"username": self.username, "password": DEMO_PASSWORD}
        response = self.post_form("/inloggen/", page.text, form)
        if "/inloggen/code/" in response.url:
            code = f"{TOTP(bytes.fromhex(demo_key(self.username))).token():06d}"
            response = self.post_form(response.url, response.text, {"code": code})
        if "/inloggen/" in response.url:
            raise RuntimeError(f"Log-in of {self.username} did not succeed")

    def post_form(self, url: str, html: str, fields: dict):
        fields = fields | {"csrfmiddlewaretoken": csrf_token(html)}
        # Over HTTPS, Django's CSRF check wants the page the form came from.
        referer = urljoin(self.client.base_url, url)
        return self.client.post(
            url, data=fields, name="Inloggen: versturen", headers={"Referer": referer}
        )

    def page(self, url: str, name: str):
        """One page; anything but 200 (a redirect to the log-in too) is an error."""
        any_server(self.client)
        with self.client.get(
            url, name=name, allow_redirects=False, catch_response=True
        ) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")
            return response

    def ids(self, kind: str, url: str, pattern: re.Pattern) -> list[str]:
        """Ids linked from a list page, looked up once per account."""
        found = _ids.setdefault(self.username, {})
        if kind not in found:
            found[kind] = sorted(set(pattern.findall(self.page(url, kind).text)))
        return found[kind]


class Coordinator(DemoUser):
    weight = 4
    accounts = CAST["coordinators"]

    @task(3)
    def today(self) -> None:
        self.page("/vandaag/", "Vandaag")

    @task(2)
    def waiting_list(self) -> None:
        self.page("/wachtlijst/", "Wachtlijst")

    @task(2)
    def request_with_suggestions(self) -> None:
        requests = self.ids("Wachtlijst", "/wachtlijst/", REQUEST_LINK)
        if requests:
            self.page(f"/hulpvragen/{random.choice(requests)}/", "Hulpvraag met voorstellen")

    @task(2)
    def match(self) -> None:
        matches = self.ids("Koppelingen", "/koppelingen/", MATCH_LINK)
        if matches:
            self.page(f"/koppelingen/{random.choice(matches)}/", "Koppeling")


class Volunteer(DemoUser):
    """Volunteers, parents and young people: their own page, "Mijn koppeling"."""

    weight = 2
    accounts = CAST["participants"]

    @task
    def own_page(self) -> None:
        self.page("/mijn-koppeling/", "Mijn koppeling")


class Referrer(DemoUser):
    weight = 1
    accounts = CAST["referrers"]

    @task
    def own_referrals(self) -> None:
        self.page("/verwijzingen/", "Mijn verwijzingen")


class Analyst(DemoUser):
    weight = 2
    accounts = CAST["analysts"]

    @task(2)
    def dashboard(self) -> None:
        self.page("/cijfers/", "Cijfers")

    @task(1)
    def map(self) -> None:
        self.page("/cijfers/kaart/", "Kaart")


class ApiClient(HttpUser):
    """A neighbourhood team's system and a municipality's monitor, each with its own token:
    one simulated user calling 1.5 times a second, under each client's limit of 120 a minute."""

    fixed_count = 1
    wait_time = constant_throughput(1.5)

    def on_start(self) -> None:
        self.tokens = CAST["tokens"]

    def call(self, url: str, name: str, scope: str) -> None:
        any_server(self.client)
        headers = {"Authorization": f"Bearer {self.tokens[scope]}"}
        with self.client.get(url, name=name, headers=headers, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")

    @task
    def referrals(self) -> None:
        self.call("/api/v1/referrals/", "API verwijzingen", "referrals")

    @task
    def aggregates(self) -> None:
        self.call("/api/v1/aggregates/", "API cijfers", "aggregates")
