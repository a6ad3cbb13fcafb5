"""API clients of other organisations' systems, their scoped tokens, and the log of their use.

A client acts as one account: that account's role and scope (the same authorisation matrix as
the web pages) decide what it sees; a token's scopes decide which endpoints it may call.
"""

from datetime import timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from omzien.access.roles import Role


class Scope(models.TextChoices):
    REFERRALS = "referrals", _("verwijzingen indienen en hun stap volgen")
    SOCIAL_MAP = "social_map", _("programma's en wachttijden per postcode")
    AGGREGATES = "aggregates", _("cijfers per gemeente, wijk en periode")


# Which roles a scope makes sense for: a token never gets a scope its account cannot use.
SCOPE_ROLES = {
    Scope.REFERRALS: frozenset({Role.REFERRER}),
    Scope.SOCIAL_MAP: frozenset(
        {Role.REFERRER, Role.CARE_PROFESSIONAL, Role.COORDINATOR, Role.ORG_ADMIN, Role.ANALYST}
    ),
    # The roles that see the dashboards (insight.scope.INSIGHT_ROLES).
    Scope.AGGREGATES: frozenset({Role.ANALYST, Role.ORG_ADMIN, Role.COORDINATOR}),
}

DEFAULT_RATE_LIMIT = 120  # requests per minute
DEFAULT_TOKEN_DAYS = 365


class ApiClient(models.Model):
    """One system of one organisation, e.g. a neighbourhood team's case system."""

    name = models.CharField(_("naam van het systeem"), max_length=200)
    organisation_name = models.CharField(
        _("organisatie"),
        max_length=200,
        help_text=_("Verwijzingen van dit systeem krijgen deze organisatie als verwijzer."),
    )
    account = models.OneToOneField(
        "accounts.User",
        on_delete=models.CASCADE,
        related_name="api_client",
        verbose_name=_("account"),
        help_text=_("Het systeem ziet wat dit account op de website ziet, en niet meer."),
    )
    rate_limit = models.PositiveIntegerField(_("verzoeken per minuut"), default=DEFAULT_RATE_LIMIT)
    created_at = models.DateTimeField(_("aangemaakt op"), default=timezone.now)

    class Meta:
        ordering = ["organisation_name", "name"]
        verbose_name = _("API-koppeling")
        verbose_name_plural = _("API-koppelingen")

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation_name})"


class ApiTokenQuerySet(models.QuerySet):
    def usable(self, now=None):
        now = now or timezone.now()
        return self.filter(revoked_at__isnull=True, expires_at__gt=now)


class ApiToken(models.Model):
    """A secret for one client; only a hash is stored, the token itself is shown once."""

    client = models.ForeignKey(
        ApiClient, on_delete=models.CASCADE, related_name="tokens", verbose_name=_("koppeling")
    )
    prefix = models.CharField(_("begin van de sleutel"), max_length=16, unique=True)
    key_hash = models.CharField(max_length=64, editable=False)
    scopes = models.JSONField(_("doelen"), default=list)
    created_at = models.DateTimeField(_("uitgegeven op"), default=timezone.now)
    expires_at = models.DateTimeField(_("verloopt op"))
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("laatst gebruikt op"), null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API-sleutel")
        verbose_name_plural = _("API-sleutels")

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.client})"

    @staticmethod
    def default_expiry(days: int = DEFAULT_TOKEN_DAYS):
        return timezone.now() + timedelta(days=days)

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    def allows(self, scope: str) -> bool:
        return scope in self.scopes

    def revoke(self) -> None:
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])


class IdempotencyRecord(models.Model):
    """A referral created under a client's idempotency key, with a fingerprint of what was sent."""

    client = models.ForeignKey(ApiClient, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=100)
    fingerprint = models.CharField(max_length=64)
    referral = models.OneToOneField(
        "intake.Referral", on_delete=models.CASCADE, related_name="idempotency_record"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["client", "key"], name="api_idempotency_key_once")
        ]

    def __str__(self) -> str:
        return self.key


class ApiRequestLog(models.Model):
    """Every call made with a known token, also refused ones; kept when a client is removed."""

    at = models.DateTimeField(_("wanneer"), default=timezone.now, db_index=True)
    client = models.ForeignKey(
        ApiClient,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("koppeling"),
    )
    token = models.ForeignKey(
        ApiToken, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("sleutel")
    )
    client_name = models.CharField(_("naam van de koppeling"), max_length=420)
    account = models.CharField(_("account"), max_length=150)
    method = models.CharField(_("methode"), max_length=10)
    path = models.CharField(_("pad"), max_length=300, help_text=_("Zonder zoekvraag."))
    operation = models.CharField(_("handeling"), max_length=60, blank=True)
    status = models.PositiveSmallIntegerField(_("antwoordcode"))
    referral_id = models.PositiveBigIntegerField(_("verwijzing"), null=True, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("API-verzoek")
        verbose_name_plural = _("API-verzoeken")

    def __str__(self) -> str:
        return f"{self.method} {self.path} {self.status}"
