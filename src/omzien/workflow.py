"""Explicit workflows: a table of allowed transitions, checked in the model layer.

A model with a workflow keeps its state in `status`, declares `workflow = Workflow(...)`
and a log model; `transition(obj, to, by, reason)` is the only way to change state.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TransitionNotAllowed(ValidationError):
    pass


class StaleObject(ValidationError):
    """Someone else changed the object since it was read (optimistic locking)."""

    def __init__(self):
        super().__init__(
            _("Iemand anders heeft dit intussen gewijzigd. Laad de pagina opnieuw."), code="stale"
        )


def check_version(obj, version: int | None) -> None:
    """Refuse a form built on an older version of `obj` before anything else is judged."""
    if version != obj.version:
        raise StaleObject


class Versioned(models.Model):
    """A row that two people may change at once: the second save on the same version fails."""

    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True


def take_version(obj: Versioned, expected: int, **changes) -> None:
    """Move `obj` to its next version (writing `changes` with it) if it is still at
    `expected`, or raise StaleObject.

    Call it inside a transaction: the UPDATE holds the row until the change is saved.
    """
    changes["version"] = expected + 1
    if not type(obj)._base_manager.filter(pk=obj.pk, version=expected).update(**changes):
        raise StaleObject
    for field, value in changes.items():
        setattr(obj, field, value)


@dataclass(frozen=True)
class Workflow:
    transitions: Mapping[str, frozenset[str]]

    def allowed(self, source: str) -> frozenset[str]:
        return self.transitions.get(source, frozenset())

    def check(self, source: str, target: str, labels: Mapping[str, str]) -> None:
        if target not in self.allowed(source):
            raise TransitionNotAllowed(
                _("Van ‘%(source)s’ naar ‘%(target)s’ kan niet."),
                code="transition_not_allowed",
                params={"source": labels.get(source, source), "target": labels.get(target, target)},
            )

    def states(self) -> set[str]:
        return set(self.transitions) | {t for targets in self.transitions.values() for t in targets}


def table(**transitions: tuple[str, ...]) -> Workflow:
    return Workflow({source: frozenset(targets) for source, targets in transitions.items()})


class StatusChange(models.Model):
    """Who moved what from where to where, when and why. Subclassed per workflow."""

    source = models.CharField(_("van"), max_length=30)
    target = models.CharField(_("naar"), max_length=30)
    by = models.ForeignKey(
        "accounts.User",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("door"),
    )
    at = models.DateTimeField(_("wanneer"), default=timezone.now)
    reason = models.TextField(_("waarom"), blank=True)

    class Meta:
        abstract = True
        ordering = ["at", "pk"]

    @classmethod
    def owner_model(cls) -> type[models.Model]:
        return next(f for f in cls._meta.fields if f.is_relation and f.name != "by").related_model

    def state_label(self, state: str) -> str:
        """A stored state as people read it, in the owner's words."""
        return dict(self.owner_model()._meta.get_field("status").flatchoices).get(state, state)

    @property
    def target_label(self) -> str:
        return self.state_label(self.target)


class VersionedStatusModel(Versioned):
    """A model with a workflow on `status` and a `version` for optimistic locking."""

    class Meta:
        abstract = True

    workflow: Workflow
    automatic: frozenset[tuple[str, str]] = frozenset()  # steps taken only by other flows
    log_model: type[StatusChange]
    log_field: str  # the log model's foreign key to this model

    def excluded_targets(self) -> frozenset[str]:
        """States of the table that this row's configuration leaves out (a programme type
        without an introduction, say)."""
        return frozenset()

    def allowed_targets(self) -> frozenset[str]:
        return self.workflow.allowed(self.status) - self.excluded_targets()

    def is_finished(self) -> bool:
        """No step at all is left: not by hand, not through another flow."""
        return not self.allowed_targets()

    def manual_targets(self) -> list[tuple[str, str]]:
        """The states a person may move this to by hand now, with their labels."""
        labels = dict(self._meta.get_field("status").flatchoices)
        allowed = {t for t in self.allowed_targets() if (self.status, t) not in self.automatic}
        return [(state, labels[state]) for state in labels if state in allowed]

    def check_guard(self, target: str) -> None:
        """Conditions beyond the table (screening complete, ...); raise ValidationError to refuse."""

    def transition(self, target: str, *, by=None, reason: str = "", **changes) -> None:
        """Move to `target` if the table allows it and nobody changed the row meanwhile."""
        labels = dict(self._meta.get_field("status").flatchoices)
        self.workflow.check(self.status, target, labels)
        if target in self.excluded_targets():
            raise TransitionNotAllowed(
                _("Van ‘%(source)s’ naar ‘%(target)s’ kan niet."),
                code="transition_not_allowed",
                params={"source": labels[self.status], "target": labels[target]},
            )
        self.check_guard(target)
        source = self.status
        with transaction.atomic():
            take_version(self, self.version, status=target, **changes)
            self.log_model.objects.create(
                **{self.log_field: self}, source=source, target=target, by=by, reason=reason
            )
