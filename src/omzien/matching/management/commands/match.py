"""`omzien match --programme SLUG [--dry-run]`: the optimal plan for a programme's pool."""

from django.core.management.base import BaseCommand, CommandError

from omzien.accounts.models import Role, User
from omzien.matching import planning
from omzien.programmes.models import Programme


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

    def handle(self, *args, programme: str, username: str | None, dry_run: bool, **options):
        try:
            programme = Programme.objects.select_related("programme_type").get(slug=programme)
        except Programme.DoesNotExist:
            raise CommandError(f"No programme with slug {programme!r}.") from None
        user = self.acting_user(programme, username)
        if not dry_run:
            run = planning.run(user, programme)
            self.stdout.write(
                f"Stored {run}: {run.matched} proposals, {run.unmatched} left waiting."
            )
            return
        pool, plan = planning.compute(user, programme)
        names = {r.id: f"request {r.id}" for r in pool.requests} | {
            o.id: f"offer {o.id}" for o in pool.offers
        }
        for pair in plan.pairs:
            self.stdout.write(
                f"{names[pair.request_id]:>16} -> {names[pair.offer_id]:<12} score {pair.score:6.1f}"
            )
        self.stdout.write(
            f"Pool: {len(pool.requests)} requests, {len(pool.offers)} offers, {plan.components} components. "
            f"Plan: {plan.matched} matched, {len(plan.unmatched_request_ids)} unmatched, "
            f"total score {plan.total_score:.1f}. Dry run: nothing stored."
        )

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
