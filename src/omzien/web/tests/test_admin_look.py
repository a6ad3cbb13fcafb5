"""The admin speaks the site's look: its colours, one light theme, and fields a screen reader
can name; and only staff get a list of admin pages to open."""

import pytest
from django.urls import reverse

from omzien import testing
from omzien.accounts.models import Role
from omzien.outcomes.models import Scale, ScalePoint

pytestmark = pytest.mark.django_db


@pytest.fixture
def functional_admin():
    return testing.user(Role.SUPERUSER, is_staff=True, is_superuser=True)


def test_the_admin_has_the_omzien_colours_and_no_dark_theme(client, functional_admin):
    client.force_login(functional_admin)

    html = client.get(reverse("admin:index")).content.decode()

    assert "omzien/theme.css" in html and "omzien/admin.css" in html
    assert "Omzien beheer" in html
    assert "dark_mode.css" not in html and "theme-toggle" not in html


def test_each_field_of_a_table_row_is_named_by_its_column_and_row(client, functional_admin):
    scale = Scale.objects.create(name="Eens of oneens", slug="eens-oneens")
    ScalePoint.objects.create(scale=scale, value=1, label="Oneens")
    client.force_login(functional_admin)

    html = client.get(reverse("admin:outcomes_scale_change", args=[scale.pk])).content.decode()

    assert 'aria-label="Waarde, rij 1"' in html
    assert 'aria-label="Verwijderen, rij 1"' in html


def test_date_and_time_each_have_a_label(client, functional_admin):
    client.force_login(functional_admin)

    html = client.get(reverse("admin:accounts_user_change", args=[functional_admin.pk]))

    assert '<label>Datum: <input type="text" name="last_login_0"' in html.content.decode()


def test_only_staff_get_admin_pages(functional_admin):
    organisation_admin = testing.user(Role.ORG_ADMIN)

    pages = testing.admin_pages(functional_admin)

    assert testing.admin_pages(organisation_admin) == []
    assert reverse("admin:index") in pages
    assert reverse("admin:programmes_programme_add") in pages
    assert reverse("admin:privacy_auditevent_changelist") in pages
    assert reverse("admin:privacy_auditevent_add") not in pages  # the trail is read-only
