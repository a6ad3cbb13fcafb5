"""The social map: partners per district, searchable by postcode; and referring on to one."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from omzien.access.checks import STAFF_WITH_FILES, role_required
from omzien.access.roles import Role
from omzien.intake.models import Request
from omzien.web.paging import page_of, querystring_without
from omzien.web.versioning import saved

from ..forms.neighbourhood import OnwardReferralForm, PartnerForm, PartnerSearchForm
from ..models import Partner
from ..places import AREA_ROLES, municipalities_for

SEARCH_ROLES = (*AREA_ROLES, Role.CARE_PROFESSIONAL)


@role_required(*SEARCH_ROLES)
def partner_search(request):
    form = PartnerSearchForm(request.GET or None)
    partners = Partner.objects.active().select_related("district__municipality")
    if form.is_bound and form.is_valid():
        partners = form.results(partners)
    return render(
        request,
        "support_figures/partners.html",
        {
            "form": form,
            "partners": page_of(request, partners.order_by("district__name", "name")),
            "query": querystring_without(request, "pagina"),
            "can_edit": request.user.has_role(*AREA_ROLES),
        },
        status=400 if form.errors else 200,
    )


@role_required(*AREA_ROLES)
def partner_edit(request, pk: int | None = None):
    municipalities = municipalities_for(request.user)
    partner = None
    if pk is not None:
        editable = Partner.objects.filter(district__municipality__in=municipalities)
        partner = get_object_or_404(editable, pk=pk)
    form = PartnerForm(municipalities, request.POST or None, instance=partner)
    if request.method == "POST" and saved(form, lambda: form.save_for(request.user)):
        messages.success(
            request, _("%(name)s staat in de sociale kaart.") % {"name": form.instance}
        )
        return redirect("support_figures:partners")
    return render(
        request,
        "support_figures/partner_form.html",
        {"form": form, "partner": partner},
        status=400 if form.errors else 200,
    )


@role_required(*STAFF_WITH_FILES)
def onward_referral(request, pk: int):
    """At closure: to which partner in the neighbourhood the family or young person went on."""
    queryset = Request.objects.visible_to(request.user).select_related(
        "household__postcode_area", "youth__postcode_area", "programme"
    )
    request_obj = get_object_or_404(queryset.prefetch_related("household__parents"), pk=pk)
    area = request_obj.person.postcode_area
    partners = Partner.objects.active().filter(district__municipality=area.municipality_id)
    form = OnwardReferralForm(request_obj, partners, request.POST or None)
    if request.method == "POST" and form.is_valid():
        referral = form.save(commit=False)
        referral.by = request.user
        referral.save()
        messages.success(
            request, _("Doorverwezen naar %(partner)s.") % {"partner": referral.partner}
        )
        return redirect("support_figures:onward_referral", pk=pk)
    return render(
        request,
        "support_figures/onward_referral.html",
        {
            "request_obj": request_obj,
            "form": form,
            "referrals": request_obj.onward_referrals.select_related("partner", "by"),
        },
        status=400 if form.errors else 200,
    )
