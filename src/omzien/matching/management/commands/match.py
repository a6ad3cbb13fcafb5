"""`omzien match --programme SLUG [--dry-run [--anonymous]]`: the optimal plan for a pool."""

from dataclasses import asdict

from django.core.management.base import BaseCommand, CommandError
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from omzien.accounts.models import Role, User
from omzien.intake.models import Offer, Request
from omzien.matching import engine, planning, wording
from omzien.programmes.models import Programme

TOP_REASONS = 2


class Command(BaseCommand):
    help = "Compute the optimal plan for a programme's waiting pool. It only proposes; nobody is matched."

    def add_arguments(self, parser):
        parser.add_argument("--programme", required=True, help="the programme's slug")
        parser.add_argument(
            "--as", dest="username", help="coordinator whose scope to use (default: the org admin)"
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="print the plan without storing proposals"
        )
        parser.add_argument(
            "--anonymous", action="store_true", help="with --dry-run: numbers instead of names"
        )

    def handle(
        self, *args, programme: str, username: str | None, dry_run: bool, anonymous: bool, **options
    ):
        try:
            programme = Programme.objects.select_related("programme_type").get(slug=programme)
        except Programme.DoesNotExist:
            raise CommandError(f"No programme with slug {programme!r}.") from None
        user = self.acting_user(programme, username)
        if not dry_run:
            run = planning.run(user, programme)
            self.stdout.write(
                _("%(plan)s opgeslagen: %(matched)s voorstellen, %(unmatched)s blijven wachten.")
                % {"plan": run, "matched": run.matched, "unmatched": run.unmatched}
            )
            return
        pool, plan = planning.compute(user, programme)
        names = self.names(user, plan, anonymous)
        for pair in plan.pairs:
            explained = engine.explain(pool, pair.request_id, pair.offer_id)
            best = sorted(explained.parts, key=lambda part: part.points, reverse=True)
            self.stdout.write(
                _("%(request)s met %(offer)s: %(score)s van 100 punten. %(reasons)s")
                % {
                    "request": names[("request", pair.request_id)],
                    "offer": names[("offer", pair.offer_id)],
                    "score": number_format(pair.score, 0),
                    "reasons": " ".join(
                        wording.part_sentence(asdict(part)) for part in best[:TOP_REASONS]
                    ),
                }
            )
        waiting = len(plan.unmatched_request_ids)
        self.stdout.write(
            ngettext("%(n)s koppeling voorgesteld", "%(n)s koppelingen voorgesteld", plan.matched)
            % {"n": plan.matched}
            + ", "
            + ngettext("%(n)s gezin blijft wachten", "%(n)s gezinnen blijven wachten", waiting)
            % {"n": waiting}
            + ". "
            + _("Proefrun: er is niets opgeslagen.")
        )

    def names(self, user, plan, anonymous: bool) -> dict[tuple[str, int], str]:
        """Names the coordinator knows, looked up through the scoping layer; numbers when asked."""
        request_ids = [pair.request_id for pair in plan.pairs]
        offer_ids = [pair.offer_id for pair in plan.pairs]
        if anonymous:
            return {("request", pk): _("hulpvraag %(id)s") % {"id": pk} for pk in request_ids} | {
                ("offer", pk): _("aanbod %(id)s") % {"id": pk} for pk in offer_ids
            }
        requests = (
            Request.objects.visible_to(user)
            .filter(pk__in=request_ids)
            .select_related("youth")
            .prefetch_related("household__parents")
        )
        offers = Offer.objects.visible_to(user).filter(pk__in=offer_ids).select_related("volunteer")
        return {("request", r.pk): str(r) for r in requests} | {
            ("offer", o.pk): str(o.volunteer) for o in offers
        }

    def acting_user(self, programme: Programme, username: str | None) -> User:
        """Pools are loaded through the scoping layer, so the command acts as a real staff member."""
        staff = User.objects.filter(is_active=True).filter(
            programmes=programme, role=Role.COORDINATOR
        ) | User.objects.filter(
            is_active=True, role=Role.ORG_ADMIN, organisation=programme.organisation_id
        )
        user = (
            staff.filter(username=username).first()
            if username
            else staff.order_by("role", "pk").first()
        )
        if user is None:
            raise CommandError(
                "No coordinator or organisation admin can see this programme's pool."
            )
        return user
