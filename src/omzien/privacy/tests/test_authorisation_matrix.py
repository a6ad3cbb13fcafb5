"""Every URL of the project, for every role, answers as the authorisation matrix says.

The URLs come from the resolver, so a new page without an entry in `privacy/matrix.py` fails
here. An id in a URL is one that does not exist: a role that may use the page gets 404 (nothing
revealed), a role that may not gets 403 before any object is looked up.
"""

import functools
import importlib
import itertools
import pkgutil
import re

import pytest
from django.contrib.auth.models import Permission
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse
from django_tasks.base import Task

import omzien
from omzien import testing
from omzien.access.roles import Role
from omzien.privacy.matrix import ADMIN_ROLES, API_CLIENT, MATRIX, PUBLIC, TASKS

pytestmark = pytest.mark.django_db
MISSING_ID = 987654


def named_patterns(resolver=None, namespace=""):
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from named_patterns(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", entry


CANDIDATES = (MISSING_ID, "00000000-0000-0000-0000-000000000000", "onbekend", "intake", 1)


@functools.cache
def url_of(name: str) -> str:
    """The URL with values that exist nowhere: the first candidates the pattern accepts."""
    regex = PATTERNS[name].pattern.regex.pattern
    keys = list(PATTERNS[name].pattern.regex.groupindex)
    # A group that lists its words (accepted|rejected) takes the first of them.
    words = {key: body.split("|")[0] for key, body in re.findall(r"\(\?P<(\w+)>([\w|]+)\)", regex)}
    choices = [(*CANDIDATES, words[key]) if key in words else CANDIDATES for key in keys]
    for values in itertools.product(*choices):
        try:
            return reverse(name, kwargs=dict(zip(keys, values, strict=True)))
        except NoReverseMatch:
            continue
    raise AssertionError(f"cannot fill in {name}")


PATTERNS = dict(named_patterns())
PAGES = {name: entry for name, entry in PATTERNS.items() if not name.startswith("admin:")}


def test_every_url_has_an_entry_and_every_entry_a_url():
    assert set(PAGES) - set(MATRIX) == set(), "add these URLs to privacy/matrix.py"
    assert set(MATRIX) - set(PAGES) == set(), "these matrix entries have no URL any more"


@pytest.mark.parametrize("name", sorted(PAGES))
def test_the_view_declares_the_roles_the_matrix_gives(name):
    declared = getattr(PAGES[name].callback, "allowed_roles", None)
    expected = MATRIX[name]
    if expected in (PUBLIC, API_CLIENT):
        assert declared is None, f"{name} is guarded by roles; the matrix says {set(expected)}"
    else:
        assert declared == expected


def user_with(role):
    """A user of `role`; an organisation admin is also its privacy officer (the audit pages)."""
    if role != Role.ORG_ADMIN:
        return testing.user(role)
    user = testing.user(role, organisation=testing.programme().organisation)
    user.user_permissions.add(Permission.objects.get(codename="act_as_privacy_officer"))
    return user


@pytest.mark.parametrize("role", [None, *Role.values], ids=lambda r: r or "anonymous")
def test_every_page_answers_each_role_as_the_matrix_says(client, role):
    if role:
        client.force_login(user_with(role))
    wrong = {}
    for name in PAGES:
        allowed = MATRIX[name]
        status = client.get(url_of(name)).status_code
        if status == 405:  # a form's target: judge what a POST gets
            status = client.post(url_of(name)).status_code
        if allowed == PUBLIC:
            ok = status < 500 and status not in (401, 403)
        elif allowed == API_CLIENT:
            ok = status in (401, 403)  # a person's session is never an API client
        elif role is None:
            ok = status == 302  # to the log-in page
        elif role in allowed:
            ok = status < 500 and status != 403
        else:
            ok = status in (403, 404)
        if not ok:
            wrong[name] = status
        if name == "logout" and role:
            client.force_login(user_with(role))
    assert wrong == {}


@pytest.mark.parametrize("role", Role.values)
def test_the_admin_is_for_functional_management_only(client, role):
    fields = {"is_staff": True, "is_superuser": True} if role in ADMIN_ROLES else {}
    client.force_login(testing.user(role, **fields))
    status = client.get(reverse("admin:index")).status_code
    assert (status == 200) is (role in ADMIN_ROLES)


def test_every_background_task_is_in_the_matrix():
    found = set()
    for module in pkgutil.walk_packages(omzien.__path__, "omzien."):
        if ".tests" in module.name or module.name.endswith(("conftest", "bench")):
            continue
        loaded = importlib.import_module(module.name)
        found |= {
            f"{value.module_path}"
            for value in vars(loaded).values()
            if isinstance(value, Task) and value.module_path.startswith(module.name)
        }
    assert found == set(TASKS)
