"""Functional management of accounts: role and scope, never the person behind an account.

A volunteer's, parent's or young person's account carries that person's name and e-mail; the
admin shows those accounts by user name only. A password set here is known to two people, so
the user must choose a new one and link their app again at the next log-in.
"""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import AdminPasswordChangeForm
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import User
from .two_factor import OWN_DATA_ROLES

PERSONAL_FIELDS = {"first_name", "last_name", "email"}


def reset_by_admin(user: User) -> None:
    """A new password and a new second factor at the next log-in: no earlier key still works."""
    user.must_change_password = True
    TOTPDevice.objects.filter(user=user).delete()


class ResetPasswordForm(AdminPasswordChangeForm):
    def save(self, commit=True):
        if commit:
            reset_by_admin(self.user)
        return super().save(commit=commit)


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "role", "organisation", "municipality", "is_active"]
    list_filter = ["role", "organisation", "is_active"]
    search_fields = ["username"]  # searching by name would tell whether a person has an account
    change_password_form = ResetPasswordForm
    fieldsets = (
        *BaseUserAdmin.fieldsets,
        (_("Rol en bereik"), {"fields": ("role", "organisation", "programmes", "municipality")}),
    )
    filter_horizontal = ["programmes", "groups", "user_permissions"]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or obj.role not in OWN_DATA_ROLES:
            return fieldsets
        return [
            (name, opts) for name, opts in fieldsets if not PERSONAL_FIELDS & set(opts["fields"])
        ]

    def save_model(self, request, obj, form, change):
        if not change and obj.has_usable_password():
            obj.must_change_password = True  # the first password, too, was chosen by the admin
        super().save_model(request, obj, form, change)


class SecretlessTOTPDeviceAdmin(TOTPDeviceAdmin):
    """Devices can be seen and removed (the user then links the app again), never made for
    someone else; the key stays hidden through OTP_ADMIN_HIDE_SENSITIVE_DATA."""

    search_fields = ["user__username"]  # not by e-mail, as for the accounts themselves
    search_help_text = None

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


admin.site.unregister(TOTPDevice)
admin.site.register(TOTPDevice, SecretlessTOTPDeviceAdmin)
