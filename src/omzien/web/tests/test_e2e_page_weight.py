"""Page weight: a coordinator's Vandaag, on a cold cache and served as in production, stays
under 150 kB transferred, every request of the page counted (HTML, styles, script, icon)."""

import pytest
from django.core.management import call_command
from pytest_django.live_server_helper import LiveServer

from omzien.testing import browser_log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

BUDGET = 150_000  # bytes on the wire, headers included


@pytest.fixture
def production_server(production_static):
    """A live server where WhiteNoise serves the collected, compressed files, as in production
    (the usual live server serves static files plain, straight from the apps)."""
    server = LiveServer("127.0.0.1", start=False)
    server.thread.static_handler = lambda application: application
    server.start()
    yield server.url
    server.stop()


def test_the_coordinators_day_weighs_under_150_kb_on_a_cold_cache(browser, production_server):
    call_command("load_demo", verbosity=0)
    signed_in = browser.new_context(locale="nl-NL")
    browser_log_in(signed_in.new_page(), production_server, "coordinator", "omzien-demo-2026")
    session = signed_in.storage_state()
    signed_in.close()

    # A new context has an empty cache; it carries only the session cookie over.
    context = browser.new_context(locale="nl-NL", storage_state=session)
    page = context.new_page()
    network = context.new_cdp_session(page)
    responses, transferred = {}, {}
    network.on("Network.responseReceived", lambda e: responses.update({e["requestId"]: e}))
    network.on(
        "Network.loadingFinished",
        lambda e: transferred.update({e["requestId"]: e["encodedDataLength"]}),
    )
    network.send("Network.enable")
    page.goto(f"{production_server}/vandaag/", wait_until="networkidle")
    assert page.url == f"{production_server}/vandaag/", "still signed in"
    context.close()

    rows = [
        (
            transferred[request],
            responses[request]["response"]["url"].removeprefix(production_server),
            responses[request]["response"]["headers"].get("Content-Encoding", "-"),
        )
        for request in transferred
        if request in responses
    ]
    total = sum(size for size, _, _ in rows)
    breakdown = "\n".join(f"{size:>8} {encoding:<5} {url}" for size, url, encoding in rows)
    print(f"\n/vandaag/ on a cold cache: {total} bytes in {len(rows)} requests\n{breakdown}")
    assert total < BUDGET, breakdown
