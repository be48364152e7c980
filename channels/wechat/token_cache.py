"""The access_token cache: one token shared by every push, refreshed ahead of expiry.

Each fetch of a new token invalidates the previous one after a few minutes, so fetches must be rare and never run
concurrently: in one process, one lock and a re-check after acquiring it; across replicas (`shared`: Redis), one
replica fetches and the others read what it stored (channels/wechat/shared_state.py). While Redis fails, each
process falls back to its own cache.
"""
from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from channels.wechat.shared_state import SharedState

# () -> (access_token, expires_in seconds)
TokenFetcher = Callable[[], Awaitable[tuple[str, float]]]


class AccessTokenCache:
    def __init__(
        self,
        fetch: TokenFetcher,
        refresh_margin: float = 300.0,
        clock: Callable[[], float] = time.monotonic,
        shared: SharedState | None = None,
    ) -> None:
        self._fetch = fetch
        self._refresh_margin = refresh_margin
        self._clock = clock
        self._shared = shared
        self._token: str | None = None
        self._refresh_at = 0.0
        self._lock = asyncio.Lock()
        self.fetches = 0

    def _current(self) -> str | None:
        """The cached token unless it is missing or within the refresh margin of expiry."""
        if self._clock() < self._refresh_at:
            return self._token
        return None

    async def get(self) -> str:
        """The cached token, fetching a new one if there is none or it expires soon."""
        if self._shared is not None and not self._shared.failing:
            token = await self._shared.token()
            return token if token is not None else await self._shared.fetch_token_once(self._fetch_fresh)
        token = self._current()
        if token is not None:
            return token
        async with self._lock:
            token = self._current()  # another task may have refreshed it while we waited
            if token is None:
                token, lifetime = await self._fetch_fresh()
                self._token, self._refresh_at = token, self._clock() + lifetime
            return token

    async def _fetch_fresh(self) -> tuple[str, float]:
        """A new token and how long to use it: `refresh_margin` less than its life, never under half of it."""
        token, expires_in = await self._fetch()
        self.fetches += 1
        return token, max(expires_in - self._refresh_margin, expires_in / 2)

    def invalidate(self, token: str) -> None:
        """Forget `token` after WeChat refused it (40001/42001); a newer token is kept."""
        if token == self._token:
            self._token, self._refresh_at = None, 0.0

    async def refused(self, token: str) -> None:
        """WeChat refused `token`: forgotten here and, unless another replica stored a newer one, in Redis."""
        self.invalidate(token)
        if self._shared is not None:
            await self._shared.forget_token(token)
