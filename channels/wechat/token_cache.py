"""The access_token cache: one token shared by every push, refreshed ahead of expiry.

Each fetch of a new token invalidates the previous one after a few minutes, so fetches must be
rare and never run concurrently: one lock, and a re-check after acquiring it.
"""

import asyncio
import time
from typing import Awaitable, Callable, Optional, Tuple

# (access_token, expires_in seconds)
TokenFetcher = Callable[[], Awaitable[Tuple[str, float]]]


class AccessTokenCache:
    def __init__(
        self,
        fetch: TokenFetcher,
        refresh_margin: float = 300.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._fetch = fetch
        self._refresh_margin = refresh_margin
        self._clock = clock
        self._token: Optional[str] = None
        self._refresh_at = 0.0
        self._lock = asyncio.Lock()
        self.fetches = 0

    def _current(self) -> Optional[str]:
        """The cached token unless it is missing or within the refresh margin of expiry."""
        if self._clock() < self._refresh_at:
            return self._token
        return None

    async def get(self) -> str:
        """The cached token, fetching a new one if there is none or it expires soon."""
        token = self._current()
        if token is not None:
            return token
        async with self._lock:
            token = self._current()  # another task may have refreshed it while we waited
            if token is None:
                token, expires_in = await self._fetch()
                self.fetches += 1
                # Refresh `refresh_margin` early, but never use less than half a token's life.
                lifetime = max(expires_in - self._refresh_margin, expires_in / 2)
                self._token, self._refresh_at = token, self._clock() + lifetime
            return token

    def invalidate(self, token: str) -> None:
        """Forget `token` after WeChat refused it (40001/42001); a newer token is kept."""
        if token == self._token:
            self._token, self._refresh_at = None, 0.0
