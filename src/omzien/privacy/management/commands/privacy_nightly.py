"""Start the nightly privacy work: anonymise what passed its retention period (for cron)."""

from datetime import date

from django.core.management.base import BaseCommand
from django.utils import timezone

from omzien.privacy.tasks import anonymise_expired, anonymise_expired_on


class Command(BaseCommand):
    help = "Anonymise personal data whose retention period has passed (queued; --now runs it here)."

    def add_arguments(self, parser):
        parser.add_argument("--now", action="store_true", help="run here instead of on the queue")
        parser.add_argument("--today", help="the day to judge by (YYYY-MM-DD); default: today")

    def handle(self, *args, now=False, today=None, **options):
        if not now:
            result = anonymise_expired.enqueue(today)
            self.stdout.write(f"Queued: {result.id}")
            return
        day = date.fromisoformat(today) if today else timezone.localdate()
        self.stdout.write(f"Anonymised: {anonymise_expired_on(day)}")
