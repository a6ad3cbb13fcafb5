"""What matches tell the apps built on them, so that matches need not import those apps."""

from django.dispatch import Signal

# A coordinator moved a match into closure; receivers get `match`. Outcomes makes the closing
# questionnaires due on it.
match_closing = Signal()
