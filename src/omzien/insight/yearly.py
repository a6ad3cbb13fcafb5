"""The yearly account page: ask for one, watch it being made, download the PDF and XLSX."""

from django import forms
from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from omzien.access.checks import role_required
from omzien.access.roles import Role
from omzien.web.forms import NLDSFormMixin

from .models import AccountStatus, YearlyAccount
from .scope import ACCOUNT_ROLES, scope_of
from .tasks import make_yearly_account
from .views import tabs

YEARS_BACK = 5


class YearlyAccountForm(NLDSFormMixin, forms.Form):
    municipality = forms.ChoiceField(label=gettext_lazy("Gemeente"))
    year = forms.TypedChoiceField(label=gettext_lazy("Jaar"), coerce=int)

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user, self.scope = user, scope_of(user)
        self.municipalities = {m.code: m for m in self.scope.municipalities()}
        self.fields["municipality"].choices = [(c, m.name) for c, m in self.municipalities.items()]
        this_year = timezone.localdate().year
        self.fields["year"].choices = [
            (y, str(y)) for y in range(this_year, this_year - YEARS_BACK, -1)
        ]
        self.initial.setdefault("year", this_year - 1)
        self.apply_nlds()

    def save(self) -> YearlyAccount:
        organisation = self.user.organisation if self.user.role == Role.ORG_ADMIN else None
        return YearlyAccount.objects.create(
            municipality=self.municipalities[self.cleaned_data["municipality"]],
            year=self.cleaned_data["year"],
            organisation=organisation,
            requested_by=self.user,
        )


@role_required(*ACCOUNT_ROLES)
def yearly_page(request, form=None):
    form = form or YearlyAccountForm(request.user)
    accounts = YearlyAccount.objects.for_user(request.user).select_related("municipality")[:20]
    return render(
        request,
        "insight/yearly.html",
        {"tabs": tabs(request), "form": form, "accounts": accounts},
        status=400 if form.is_bound else 200,
    )


@require_POST
@role_required(*ACCOUNT_ROLES)
def yearly_request(request):
    form = YearlyAccountForm(request.user, request.POST)
    if not form.is_valid():
        return yearly_page(request, form)
    account = form.save()
    make_yearly_account.enqueue(account.pk)
    messages.success(request, _("De jaarverantwoording wordt gemaakt. Dat duurt even."))
    return redirect("insight:yearly")


def visible_account(request, pk: int) -> YearlyAccount:
    return get_object_or_404(
        YearlyAccount.objects.for_user(request.user).select_related("municipality"), pk=pk
    )


@role_required(*ACCOUNT_ROLES)
def yearly_progress(request, pk: int):
    """One account's state, for htmx to poll until it is done."""
    account = visible_account(request, pk)
    return render(
        request, "insight/includes/account_status.html", {"account": account, "poll": True}
    )


@role_required(*ACCOUNT_ROLES)
def yearly_download(request, pk: int, kind: str):
    account = visible_account(request, pk)
    file = {"pdf": account.pdf, "xlsx": account.xlsx}.get(kind)
    if account.status != AccountStatus.DONE or not file:
        raise Http404
    name = f"jaarverantwoording-{account.year}-{account.municipality.name}.{kind}"
    return FileResponse(file.open("rb"), as_attachment=True, filename=name)
