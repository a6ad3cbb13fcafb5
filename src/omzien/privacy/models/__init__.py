"""The privacy app's models: consent, the audit trail, retention and data subjects' requests."""

from .audit import AuditAction, AuditEvent
from .consent import SUBJECT_FIELDS, Consent, ConsentQuerySet, ConsentSource, Purpose
from .retention import Anonymisation, LegalHold, RetentionPolicy
from .subject_requests import RequestKind, RequestOutcome, SubjectRequest

__all__ = [
    "SUBJECT_FIELDS",
    "Anonymisation",
    "AuditAction",
    "AuditEvent",
    "Consent",
    "ConsentQuerySet",
    "ConsentSource",
    "LegalHold",
    "Purpose",
    "RequestKind",
    "RequestOutcome",
    "RetentionPolicy",
    "SubjectRequest",
]
