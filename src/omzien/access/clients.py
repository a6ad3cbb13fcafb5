"""Who is asking, as far as the network says: for the audit trail and for rate limits."""

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """The client's address; behind a trusted proxy, from the header it sets (a setting)."""
    header = getattr(settings, "OMZIEN_CLIENT_IP_HEADER", "")
    if header and request.META.get(header):
        # The proxy appends the real client last, so earlier entries may be forged.
        return request.META[header].split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")
