"""`omzien nightly`: put the nightly work on the task queue (run it from cron once a night)."""

from django.core.management.base import BaseCommand

from omzien.nightly import enqueue_nightly


class Command(BaseCommand):
    help = "Zet het nachtelijke werk in de wachtrij: herinneringen, verlopen screenings."

    def handle(self, *args, **options) -> None:
        for result in enqueue_nightly():
            self.stdout.write(f"{result.task.name}: {result.status}")
