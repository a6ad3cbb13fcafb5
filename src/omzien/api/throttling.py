"""Rate limit per client: a fixed window of one minute, counted in the database."""

from rest_framework.throttling import BaseThrottle

from omzien.web import ratelimit

from .models import ApiToken

WINDOW_SECONDS = 60


class ClientRateThrottle(BaseThrottle):
    def allow_request(self, request, view) -> bool:
        token = request.auth
        if not isinstance(token, ApiToken):
            return True  # nobody to count; unauthenticated calls are refused anyway
        _start, self.seconds_left = ratelimit.window_of(WINDOW_SECONDS)
        return ratelimit.take_turn(
            f"api:{token.client_id}", token.client.rate_limit, WINDOW_SECONDS
        )

    def wait(self) -> float:
        return self.seconds_left
