"""Small builders for tests: real rows in the real database, never mocks."""

import itertools
import re
from datetime import date, timedelta
from itertools import count

from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.converters import IntConverter
from django.utils import timezone

from omzien.accounts.models import Role, User
from omzien.geo.models import District, Municipality, Neighbourhood, PostcodeArea
from omzien.intake.models import Offer, OfferStatus, Request, RequestStatus
from omzien.people.models import Child, Household, Parent, Volunteer
from omzien.privacy.subjects import personal_models
from omzien.programmes.models import Organisation, Programme, ProgrammeType
from omzien.screening.models import Certificate

_seq = count(1)
ALL_SLOTS = ["mon_afternoon", "wed_afternoon", "sat_morning"]


def geography() -> dict:
    municipality, _ = Municipality.objects.get_or_create(
        code="GM9998", defaults={"name": "Teststad", "lat": 52.0, "lon": 5.0}
    )
    district, _ = District.objects.get_or_create(
        code="WK999801", defaults={"name": "Centrum", "municipality": municipality}
    )
    hood, _ = Neighbourhood.objects.get_or_create(
        code="BU99980101", defaults={"name": "Binnenstad", "district": district}
    )
    near, _ = PostcodeArea.objects.get_or_create(
        pc4="9801",
        defaults={"lat": 52.0, "lon": 5.0, "municipality": municipality, "neighbourhood": hood},
    )
    # About 4.5 km east of the first.
    far, _ = PostcodeArea.objects.get_or_create(
        pc4="9802", defaults={"lat": 52.0, "lon": 5.066, "municipality": municipality}
    )
    return {"municipality": municipality, "neighbourhood": hood, "near": near, "far": far}


def programme(name: str = "", organisation: Organisation | None = None, **type_fields) -> Programme:
    n = next(_seq)
    organisation = organisation or Organisation.objects.create(
        name=f"Organisatie {n}", slug=f"org-{n}"
    )
    programme_type = ProgrammeType.objects.create(name=f"Type {n}", slug=f"type-{n}", **type_fields)
    return Programme.objects.create(
        organisation=organisation,
        programme_type=programme_type,
        name=name or f"Programma {n}",
        slug=f"prog-{n}",
    )


def user(role: str, *, programmes=(), **fields) -> User:
    n = next(_seq)
    account = User.objects.create_user(
        username=f"{role}{n}", password="test-wachtwoord-123", role=role, **fields
    )
    account.programmes.set(programmes)
    return account


def coordinator(*programmes: Programme) -> User:
    return user(Role.COORDINATOR, programmes=programmes)


def waiting_request(
    programme: Programme,
    area: PostcodeArea,
    *,
    days_waited: int = 10,
    children_ages=(6,),
    last_name: str = "Jansen",
    **fields,
) -> Request:
    household = Household.objects.create(
        postcode=f"{area.pc4} AB", postcode_area=area, languages=["nl"]
    )
    Parent.objects.create(
        household=household, first_name="Sanne", last_name=last_name, email="sanne@example.org"
    )
    today = timezone.localdate()
    for age in children_ages:
        Child.objects.create(
            household=household,
            first_name="Kind",
            date_of_birth=today - timedelta(days=365 * age + 30),
        )
    values = {"availability": ALL_SLOTS, "needs": ["outings"]} | fields
    return Request.objects.create(
        programme=programme,
        household=household,
        status=RequestStatus.WAITING,
        waiting_since=today - timedelta(days=days_waited),
        **values,
    )


def available_offer(
    programme: Programme,
    area: PostcodeArea,
    *,
    last_name: str = "de Vries",
    radius_km: int = 10,
    volunteer_fields=None,
    **fields,
) -> Offer:
    volunteer = Volunteer.objects.create(
        first_name="Kees",
        last_name=last_name,
        email="kees@example.org",
        date_of_birth=date(1980, 5, 1),
        postcode=f"{area.pc4} CD",
        postcode_area=area,
        languages=["nl"],
        travel_radius_km=radius_km,
        **(volunteer_fields or {}),
    )
    values = {
        "availability": ALL_SLOTS,
        "offers": ["outings"],
        "min_child_age": 0,
        "max_child_age": 12,
        "available_since": timezone.localdate() - timedelta(days=30),
    } | fields
    # A current certificate of conduct: most programmes require one before matching.
    Certificate.objects.create(
        volunteer=volunteer, issued_on=timezone.localdate() - timedelta(days=100)
    )
    return Offer.objects.create(
        programme=programme,
        volunteer=volunteer,
        status=OfferStatus.AVAILABLE,
        **values,
    )


def browser_log_in(page, base_url: str, username: str, password: str) -> None:
    """Log in through the real pages, the second step included: the code comes from the
    account's authenticator key, as the user's app would show it. Fields are found by id and
    sent with Enter, so this works in every language the page is shown in."""
    import base64

    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    page.goto(f"{base_url}/inloggen/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.locator("#id_password").press("Enter")
    page.wait_for_url(lambda url: not url.split("?")[0].endswith("/inloggen/"))
    last_used = -1
    if "/inloggen/code/" in page.url:
        device = TOTPDevice.objects.get(user__username=username, confirmed=True)
        key, last_used = device.bin_key, device.last_t
    elif "/inloggen/app-koppelen/" in page.url:
        key = base64.b32decode(page.locator("#totp-secret").inner_text())
    else:
        return  # no second step for this role
    totp = TOTP(key)
    if last_used >= totp.t():
        # A code works once: a second log-in within 30 seconds takes the next one, as an app
        # would show it a moment later (the server accepts one step of clock drift).
        totp.time += totp.step
    page.locator("#id_code").fill(f"{totp.token():06d}")
    page.locator("#id_code").press("Enter")
    page.wait_for_url(lambda url: "/inloggen/" not in url)


# Crawling every page: the URLs come from the resolver, so a new page is crawled without
# being listed.
SKIPPED_NAMESPACES = {"admin"}  # Django's admin: functional management, its own log
GROUP = re.compile(r"\(\?P<(\w+)>([^()]*)\)")


def patterns(resolver=None, namespace=""):
    """(name, {kwarg: 'int' | [choices]}) of every named pattern, recursively."""
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            if entry.namespace not in SKIPPED_NAMESPACES:
                yield from patterns(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", kwargs_of(entry)


def kwargs_of(entry) -> dict | None:
    """What each keyword of the pattern takes; None when we cannot fill it in."""
    converters = getattr(entry.pattern, "converters", {})
    if converters:
        return {
            name: "int" if isinstance(conv, IntConverter) else None
            for name, conv in converters.items()
        }
    found = {}
    for name, body in GROUP.findall(entry.pattern.regex.pattern):
        if body in (r"\d+", "[0-9]+"):
            found[name] = "int"
        elif re.fullmatch(r"[\w-]+(\|[\w-]+)*", body):
            found[name] = body.split("|")
        else:
            found[name] = None
    return found


def candidate_ids(user) -> list[int]:
    """The first visible row of every personal-data model: one id per kind of object."""
    ids = set()
    for model in personal_models():
        manager = model._default_manager
        rows = manager.visible_to(user) if hasattr(manager, "visible_to") else manager.all()
        ids.update(rows.order_by("pk").values_list("pk", flat=True)[:1])
    return sorted(ids)


def addresses(name, kinds, ids):
    """Every way to fill in this pattern's keywords: ids for numbers, each choice for the rest."""
    if kinds is None or any(kind is None for kind in kinds.values()):
        return []
    options = [
        [(key, value) for value in (ids if kind == "int" else kind)] for key, kind in kinds.items()
    ]
    return [reverse(name, kwargs=dict(combo)) for combo in itertools.product(*options)]


def pages_for(user) -> dict[str, list[str]]:
    """Every page by name, with the addresses to try: an id of each kind of row this user may
    see where the page needs one."""
    ids = candidate_ids(user) if user.is_authenticated else []
    return {
        name: [reverse(name)] if kinds == {} else addresses(name, kinds, ids)
        for name, kinds in patterns()
    }


# Every demo role, and None for a visitor who is not logged in (the public forms).
DEMO_ROLES = [
    None,
    "coordinator",
    "beheerder",
    "verwijzer",
    "jeugdprofessional",
    "vrijwilliger",
    "ouder",
    "jongere",
    "analist",
    "onderzoeker",
]


def html_pages(client, user):
    """(address, HTML) of each page this user can open: per page the first address that works."""
    for name, urls in pages_for(user).items():
        for url in urls:
            response = client.get(url)
            assert response.status_code < 500, f"{url} ({name}) crashed"
            if response.status_code == 200:
                if response.get("Content-Type", "").startswith("text/html"):
                    yield url, response.content.decode()
                break


def admin_pages(user) -> list[str]:
    """The admin pages this user can open: the index, each app's index, and per registered
    model its list, its add page and the change page of its first row, each only where the
    model's admin allows it."""
    from django.contrib import admin
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = user
    if not admin.site.has_permission(request):
        return []
    urls, apps = [reverse("admin:index")], set()
    for model, model_admin in admin.site._registry.items():
        meta = model._meta
        name = f"admin:{meta.app_label}_{meta.model_name}"
        if model_admin.has_view_or_change_permission(request):
            apps.add(meta.app_label)
            urls.append(reverse(f"{name}_changelist"))
            first = model._default_manager.order_by("pk").first()
            if first and model_admin.has_view_or_change_permission(request, first):
                urls.append(reverse(f"{name}_change", args=[first.pk]))
        if model_admin.has_add_permission(request):
            urls.append(reverse(f"{name}_add"))
    apps_urls = [reverse("admin:app_list", args=[label]) for label in sorted(apps)]
    return urls[:1] + apps_urls + urls[1:]
