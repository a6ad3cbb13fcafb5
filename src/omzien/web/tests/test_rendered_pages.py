"""No page shows a piece of its template: a comment or tag that Django did not read as one
(a `{# ... #}` over two lines, say) reaches every visitor as text.

Every page of every role is asked for, on the demo, where every kind of page has rows to show.
"""

import pytest
from django.contrib.auth.models import AnonymousUser

from omzien.accounts.models import User
from omzien.testing import DEMO_ROLES, html_pages

pytestmark = pytest.mark.django_db

TEMPLATE_SOURCE = ("{#", "{%")


@pytest.mark.parametrize("username", DEMO_ROLES)
def test_no_page_shows_template_source(demo, client, username):
    user = User.objects.get(username=username) if username else AnonymousUser()
    if username:
        client.force_login(user)
    pages = dict(html_pages(client, user))
    assert len(pages) >= 3
    leaks = [url for url, html in pages.items() if any(s in html for s in TEMPLATE_SOURCE)]
    assert leaks == []
