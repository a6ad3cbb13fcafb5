"""The young person's own page: who their support figure is, and proposing a mentor."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from omzien.access.checks import role_required
from omzien.access.roles import Role

from ..forms.care import SelfRegistrationForm
from ..forms.figures import ProposalForm
from ..models import NetworkMap, SupportFigure, SupportFigureStatus, YoungPersonInCare

YOUTH = (Role.YOUTH,)


def own_record(request) -> YoungPersonInCare | None:
    return YoungPersonInCare.objects.visible_to(request.user).first()


@role_required(*YOUTH)
def my_support_figure(request):
    person = own_record(request)
    figures = []
    if person is not None:
        figures = list(
            SupportFigure.objects.visible_to(request.user)
            .filter(young_person=person)
            .prefetch_related("status_changes")
        )
    today = timezone.localdate()
    return render(
        request,
        "support_figures/my_support_figure.html",
        {
            "person": person,
            "current": [
                f
                for f in figures
                if f.status == SupportFigureStatus.ACTIVE and f.started_on <= today
            ],
            "figures": figures,
            "network_map": NetworkMap.objects.visible_to(request.user).first(),
        },
    )


@role_required(*YOUTH)
def propose(request):
    person = own_record(request)
    if person is None:
        return redirect("support_figures:self_register")
    form = ProposalForm(person, request.POST or None)
    if request.method == "POST" and form.is_valid():
        figure = form.save_for(request.user)
        messages.success(
            request,
            _("Je voorstel is verstuurd. Je jeugdprofessional bespreekt %(name)s met je.")
            % {"name": figure.first_name},
        )
        return redirect("support_figures:my_support_figure")
    return render(
        request,
        "support_figures/propose.html",
        {"person": person, "form": form},
        status=400 if form.errors else 200,
    )


@role_required(*YOUTH)
def self_register(request):
    if own_record(request) is not None:
        return redirect("support_figures:my_support_figure")
    form = SelfRegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save_for(request.user)
        messages.success(request, _("Je bent aangemeld. Stel nu je mentor voor."))
        return redirect("support_figures:propose")
    return render(
        request,
        "support_figures/self_register.html",
        {"form": form},
        status=400 if form.errors else 200,
    )
