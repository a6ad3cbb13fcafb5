"""Log lines with time, level and logger (JSON in production), and no personal data in them.

A log is read by operators and kept by hosting parties, so it must not become a second copy of
the files: the filter masks e-mail addresses, Dutch postcodes and the values of personal fields
(names, e-mail, phone, postcode) of what was logged, before any handler writes the record.
Over-masking ("1500 ms" looks like a postcode) is the safe side.
"""

import logging
import re
from collections.abc import Mapping

import structlog

MASK = "***"
PERSONAL_FIELDS = (
    "first_name",
    "last_name",
    "family_name",
    "email",
    "phone",
    "postcode",
    "date_of_birth",
)
EMAIL_RE = re.compile(r"[\w.%+-]+@[\w-]+(?:\.[\w-]+)+")
POSTCODE_RE = re.compile(r"\b[1-9][0-9]{3} ?[A-Za-z]{2}\b")


def mask(text: str, known=()) -> str:
    """`text` without the known personal values and without anything shaped like one."""
    for value in sorted(known, key=len, reverse=True):  # "Jan Jansen" before "Jan"
        text = text.replace(value, MASK)
    return POSTCODE_RE.sub(MASK, EMAIL_RE.sub(MASK, text))


def personal_values(args) -> set[str]:
    """Values of personal fields among a record's args: a mapping's keys, or a person's fields."""
    if isinstance(args, Mapping):
        found = {args.get(field) for field in PERSONAL_FIELDS}
    else:
        found = {getattr(arg, field, None) for arg in args or () for field in PERSONAL_FIELDS}
    return {str(value) for value in found if value not in (None, "")}


class PersonalDataFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        known = personal_values(record.args)
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # arguments that do not fit: logging reports it later
            return True
        record.msg, record.args = mask(message, known), ()
        return True


def mask_event(logger, method_name, event_dict: dict) -> dict:
    """The same masking for what the formatter adds itself, such as an exception's text."""
    return {
        key: mask(value) if isinstance(value, str) else value for key, value in event_dict.items()
    }


def formatter(as_json: bool) -> structlog.stdlib.ProcessorFormatter:
    """Standard library records rendered by structlog: JSON lines, or readable ones for
    development."""
    return structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=[
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            structlog.stdlib.add_log_level,
            structlog.stdlib.add_logger_name,
        ],
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.processors.format_exc_info,
            mask_event,
            structlog.processors.JSONRenderer()
            if as_json
            else structlog.dev.ConsoleRenderer(colors=False),
        ],
    )
