"""Functional management issues tokens (shown once), revokes them and reads the request log."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from omzien.web.admin import TabularInline

from .models import DEFAULT_TOKEN_DAYS, ApiClient, ApiRequestLog, ApiToken, Scope
from .tokens import check_scopes, issue_token

TOKEN_FIELDS = ["prefix", "scopes", "created_at", "expires_at", "revoked_at", "last_used_at"]


class TokenInline(TabularInline):
    model = ApiToken
    fields = TOKEN_FIELDS
    readonly_fields = TOKEN_FIELDS
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None) -> bool:
        return False  # tokens are issued on their own page, where the secret is shown once


@admin.register(ApiClient)
class ApiClientAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation_name", "account", "rate_limit", "created_at"]
    search_fields = ["name", "organisation_name", "account__username"]
    raw_id_fields = ["account"]
    inlines = [TokenInline]


class TokenForm(forms.ModelForm):
    scopes = forms.MultipleChoiceField(
        label=_("Doelen"), choices=Scope.choices, widget=forms.CheckboxSelectMultiple
    )
    days = forms.IntegerField(
        label=_("Geldig (dagen)"), min_value=1, max_value=730, initial=DEFAULT_TOKEN_DAYS
    )

    class Meta:
        model = ApiToken
        fields = ["client"]

    def clean(self) -> dict:
        data = super().clean()
        if data.get("client") and data.get("scopes"):
            try:
                data["scopes"] = check_scopes(data["client"].account, data["scopes"])
            except ValidationError as error:
                self.add_error("scopes", error)
        return data


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["prefix", "client", "scopes", "expires_at", "revoked_at", "last_used_at"]
    list_filter = ["client"]
    actions = ["revoke"]

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = TokenForm
        return super().get_form(request, obj, **kwargs)

    def get_fields(self, request, obj=None):
        return ["client", "scopes", "days"] if obj is None else ["client", *TOKEN_FIELDS]

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else ["client", *TOKEN_FIELDS]

    def save_model(self, request, obj, form, change) -> None:
        if change:
            return  # a token's fields never change; revoke it and issue a new one
        data = form.cleaned_data
        token, raw = issue_token(data["client"], data["scopes"], days=data["days"])
        obj.pk = token.pk
        messages.warning(
            request,
            _("Kopieer de nieuwe sleutel nu; hij wordt niet nog eens getoond: %(token)s")
            % {"token": raw},
        )

    @admin.action(description=_("Gekozen sleutels intrekken"))
    def revoke(self, request, queryset) -> None:
        count = queryset.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
        self.message_user(
            request,
            ngettext("%(n)s sleutel ingetrokken.", "%(n)s sleutels ingetrokken.", count)
            % {"n": count},
        )


@admin.register(ApiRequestLog)
class ApiRequestLogAdmin(admin.ModelAdmin):
    list_display = ["at", "client_name", "method", "path", "status", "referral_id"]
    list_filter = ["status", "method"]
    search_fields = ["client_name", "path"]
    date_hierarchy = "at"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
