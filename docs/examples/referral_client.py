#!/usr/bin/env python3
"""Refer a family through the Omzien API and follow its step: Python's standard library only.

Against the demo (`make demo` prints the token):

    python3 docs/examples/referral_client.py --token omz_demo20260001_...

It finds a programme for households at the family's postcode, makes the referral with an
Idempotency-Key (a retry after a network error makes no second referral), then polls the
referral's step until it changes or the polls run out.
"""

import argparse
import json
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from datetime import date

DEMO_BASE_URL = "http://127.0.0.1:8000"


class ApiError(Exception):
    """An answer with problem details (RFC 9457)."""

    def __init__(self, status: int, problem: dict) -> None:
        super().__init__(f"{status} {problem.get('title')}: {problem.get('detail')}")
        self.status, self.problem = status, problem


def call(base_url: str, token: str, method: str, path: str, body=None, headers=None) -> tuple:
    """One request; returns (status, headers, JSON). Waits and retries once when rate limited."""
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(
        base_url.rstrip("/") + path,
        data=data,
        method=method,
        headers={
            "Authorization": f"Bearer {token}",
            "Accept": "application/json",
            "Accept-Language": "nl",
            **({"Content-Type": "application/json"} if data else {}),
            **(headers or {}),
        },
    )
    for attempt in range(2):
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, response.headers, json.load(response)
        except urllib.error.HTTPError as error:
            problem = json.loads(error.read() or b"{}")
            if error.code == 429 and attempt == 0:
                time.sleep(int(error.headers.get("Retry-After", "1")))
                continue
            raise ApiError(error.code, problem) from None
    raise AssertionError("unreachable")


def find_programme(base_url: str, token: str, postcode: str) -> dict:
    # Only the four digits go into the address: query strings end up in logs.
    query = urllib.parse.urlencode({"postcode": postcode.strip()[:4], "serves": "households"})
    _status, _headers, page = call(base_url, token, "GET", f"/api/v1/programmes/?{query}")
    if not page["results"]:
        sys.exit(f"No programme for households serves postcode {postcode}.")
    programme = page["results"][0]
    figures = programme["figures"]
    waiting = "fewer than the threshold" if figures["waiting"] is None else figures["waiting"]
    print(f"Programme: {programme['name']} ({programme['slug']}); waiting now: {waiting}")
    return programme


def refer(base_url: str, token: str, programme: str, postcode: str) -> dict:
    family = {
        "programme": programme,
        "first_name": "Sanne",
        "last_name": "Voorbeeld",
        "phone": "06 12345678",
        "postcode": postcode,
        "household_type": "single_parent",
        "needs": ["outings"],
        "availability": ["wed_afternoon", "sat_morning"],
        "description": "Een middag per week iemand voor de kinderen.",
        "children": [{"first_name": "Noor", "date_of_birth": f"{date.today().year - 6}-03-01"}],
        "consent": {"matching": True, "feedback_to_referrer": True},
    }
    # Keep this key with the referral in your own system until the answer is in.
    key = {"Idempotency-Key": str(uuid.uuid4())}
    for attempt in range(3):
        try:
            status, headers, referral = call(
                base_url, token, "POST", "/api/v1/referrals/", family, key
            )
        except (urllib.error.URLError, TimeoutError):
            time.sleep(2**attempt)  # the same key again: at most one referral is made
            continue
        made = "made" if status == 201 else "made before (replayed)"
        print(f"Referral {referral['id']} {made}: {headers['Location']}")
        return referral
    sys.exit("The server could not be reached.")


def follow(base_url: str, token: str, referral: dict, polls: int, interval: float) -> None:
    last = referral["status_label"]
    print(f"Step: {last}")
    for _ in range(polls):
        time.sleep(interval)
        _status, _headers, now = call(
            base_url, token, "GET", f"/api/v1/referrals/{referral['id']}/"
        )
        if now["status_label"] != last:
            last = now["status_label"]
            print(f"Step: {last}")
        if now["status"] == "closed":
            return


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default=os.environ.get("OMZIEN_API_URL", DEMO_BASE_URL))
    parser.add_argument("--token", default=os.environ.get("OMZIEN_API_TOKEN"))
    parser.add_argument("--postcode", default="9901 AB", help="the family's postcode")
    parser.add_argument("--polls", type=int, default=3)
    parser.add_argument("--interval", type=float, default=5.0, help="seconds between polls")
    args = parser.parse_args()
    if not args.token:
        sys.exit("Pass --token (or set OMZIEN_API_TOKEN); `make demo` prints the demo token.")
    try:
        programme = find_programme(args.base_url, args.token, args.postcode)
        referral = refer(args.base_url, args.token, programme["slug"], args.postcode)
        follow(args.base_url, args.token, referral, args.polls, args.interval)
    except ApiError as error:
        print(error, file=sys.stderr)
        for entry in error.problem.get("errors", []):
            where = entry.get("pointer") or entry.get("parameter")
            print(f"  {where}: {entry['detail']}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
