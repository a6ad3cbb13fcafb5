"""What every imported person gets besides their own rows: consent and the status history."""

from collections.abc import Iterable

from django.utils.translation import gettext as _

from omzien.access.consent import ConsentSource, Purpose, consent_model
from omzien.workflow import VersionedStatusModel

from .inserting import insert
from .rows import Context

SIGNED_UP = "signed_up"  # where requests and offers start, also in the file's history


def matching_consent(context: Context, **subject):
    """The organisation had consent to look for a match on file; the source says it came in this way."""
    return consent_model()(
        purpose=Purpose.MATCHING,
        source=ConsentSource.IMPORT,
        recorded_by=context.user,
        given_at=context.now,
        **subject,
    )


def save_status_history(objects: Iterable[VersionedStatusModel], context: Context) -> None:
    """A status taken over from the file is logged as one step, by whoever imported it."""
    reason = _("Overgenomen uit een importbestand.")
    changes = [
        obj.log_model(
            **{obj.log_field: obj},
            source=SIGNED_UP,
            target=obj.status,
            by=context.user,
            at=context.now,
            reason=reason,
        )
        for obj in objects
        if obj.status != SIGNED_UP
    ]
    insert(changes)
