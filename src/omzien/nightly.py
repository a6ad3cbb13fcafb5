"""The work that runs every night through the task queue; `omzien nightly` enqueues it."""

from django.utils.module_loading import import_string

NIGHTLY_TASKS = [
    "omzien.screening.tasks.expire_screenings",
    "omzien.matches.reminders.send_reminders",
    "omzien.privacy.tasks.anonymise_expired",
    "omzien.insight.tasks.rebuild_rollups",
]


def enqueue_nightly() -> list:
    return [import_string(path).enqueue() for path in NIGHTLY_TASKS]
