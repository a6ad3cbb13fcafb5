"""Rate limit per client: a fixed window of one minute, counted in the shared cache."""

import time

from django.core.cache import cache
from rest_framework.throttling import BaseThrottle

from .models import ApiToken

WINDOW_SECONDS = 60


class ClientRateThrottle(BaseThrottle):
    def allow_request(self, request, view) -> bool:
        token = request.auth
        if not isinstance(token, ApiToken):
            return True  # nobody to count; unauthenticated calls are refused anyway
        now = time.time()
        window = int(now // WINDOW_SECONDS)
        self.seconds_left = WINDOW_SECONDS - (now % WINDOW_SECONDS)
        key = f"omzien:api-rate:{token.client_id}:{window}"
        cache.add(key, 0, timeout=WINDOW_SECONDS * 2)  # starts the window; a no-op while it runs
        try:
            count = cache.incr(key)
        except ValueError:  # evicted between add and incr
            cache.set(key, 1, timeout=WINDOW_SECONDS * 2)
            count = 1
        return count <= token.client.rate_limit

    def wait(self) -> float:
        return self.seconds_left
