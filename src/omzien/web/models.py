"""Counts for rate limits, kept in the database so that every app server sees the same count."""

from django.db import models


class RateCount(models.Model):
    """How often `key` was counted in one fixed window of time (see omzien.web.ratelimit)."""

    key = models.CharField(max_length=100)
    window_start = models.BigIntegerField()  # seconds since the epoch
    expires_at = models.BigIntegerField(db_index=True)  # the window's end: the row can go then
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "window_start"], name="rate_count_per_window")
        ]

    def __str__(self) -> str:
        return f"{self.key}: {self.count}"
