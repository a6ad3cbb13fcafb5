"""Progress and report of one import, kept a while in Django's cache under a random id.

The id is a UUID the import form carries: it names no one, so it may sit in a URL. Each
entry remembers who started the import, and only that user can read it back. Pages poll the
progress while the upload request itself is still running the import.
"""

from typing import Any
from uuid import UUID

from django.core.cache import cache

from .run import Report

KEEP_SECONDS = 60 * 60


def cache_key(import_id: UUID, part: str) -> str:
    return f"omzien:import:{import_id}:{part}"


class Tracker:
    """Written to by the request that runs the import."""

    def __init__(self, import_id: UUID, owner_id: int, programme_slug: str) -> None:
        self.import_id = import_id
        self.state = {
            "owner": owner_id,
            "programme": programme_slug,
            "phase": "",
            "done": 0,
            "total": 0,
            "finished": False,
        }
        self.save()

    def save(self) -> None:
        cache.set(cache_key(self.import_id, "progress"), self.state, KEEP_SECONDS)

    def update(self, phase: str, done: int, total: int) -> None:
        self.state |= {"phase": phase, "done": done, "total": total}
        self.save()

    def finish(self, report: Report) -> None:
        entry = {"owner": self.state["owner"], "report": report}
        cache.set(cache_key(self.import_id, "report"), entry, KEEP_SECONDS)
        self.state["finished"] = True
        self.save()


def owned(import_id: UUID, part: str, user: Any) -> dict | None:
    entry = cache.get(cache_key(import_id, part))
    return entry if entry and entry["owner"] == user.pk else None


def progress_of(import_id: UUID, user: Any) -> dict | None:
    return owned(import_id, "progress", user)


def report_of(import_id: UUID, user: Any) -> Report | None:
    entry = owned(import_id, "report", user)
    return entry["report"] if entry else None
