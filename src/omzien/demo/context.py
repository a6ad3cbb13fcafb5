"""What the generator's steps share: the random source, the reference day and what exists so far."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from random import Random

from django.db.models import Model

from omzien.accounts.models import User
from omzien.intake.models import Offer, OfferStatus
from omzien.programmes.models import Programme
from omzien.screening.models import TrainingSession

from .accounts import COORDINATOR_PROGRAMMES
from .people import People


@dataclass
class Demo:
    rng: Random
    today: date
    people: People
    programmes: dict[str, Programme]
    users: dict[str, User]
    sessions: dict[str, list[TrainingSession]]
    offers: dict[str, list[Offer]] = field(default_factory=dict)  # by programme key
    open_matches: Counter = field(default_factory=Counter)  # by offer pk
    busy_until: dict[int, date] = field(default_factory=dict)  # end of an ended match, by offer pk
    # One active match per programme, to give the volunteer, parent and youth accounts a face.
    featured: dict = field(default_factory=dict)
    pending: list[Model] = field(default_factory=list)

    def coordinator(self, key: str) -> User:
        return next(
            self.users[name] for name, keys in COORDINATOR_PROGRAMMES.items() if key in keys
        )

    def free_offers(self, key: str) -> list[Offer]:
        """Available volunteers who can take one more family."""
        return [
            o
            for o in self.offers[key]
            if o.status == OfferStatus.AVAILABLE and self.open_matches[o.pk] < o.capacity
        ]

    def later(self, *rows: Model) -> None:
        """Rows nothing else points to, written together by `flush`: far fewer statements."""
        self.pending.extend(rows)

    def flush(self) -> None:
        by_model: dict[type[Model], list[Model]] = {}
        for row in self.pending:
            by_model.setdefault(type(row), []).append(row)
        for model, rows in by_model.items():
            model.objects.bulk_create(rows)
        self.pending.clear()

    def pick(self, options: list[str], low: int, high: int) -> list[str]:
        """A few distinct options, kept in the order of `options`."""
        chosen = self.rng.sample(options, min(len(options), self.rng.randint(low, high)))
        return [o for o in options if o in chosen]
