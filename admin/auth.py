"""Who may see the operations page: session cookies, CSRF tokens and a gate on password checks.

- The session cookie is HttpOnly, SameSite=Strict, limited to /admin, and Secure when the page is served over HTTPS
  (or always, with FUGONG_ADMIN_SECURE_COOKIES=1 behind a proxy that ends TLS).
- Every form that changes something carries a CSRF token: the session's for logging out, and for logging in (no
  session yet) a random token in a short-lived cookie that the form must repeat (double submit).
- Password checks (Argon2id, ~50 ms of CPU each) run in a worker thread, one at a time; beyond MAX_WAITING_LOGINS
  waiting, a login gets 429 at once, so a flood of attempts cannot take the CPU from the chat.
"""
from __future__ import annotations

import asyncio
import hmac
import os
import secrets
from collections.abc import Callable
from typing import TypeVar

from sanic.request import Request
from sanic.response import HTTPResponse

from kb.operators import SESSION_HOURS

SESSION_COOKIE = "fugong_admin"
LOGIN_COOKIE = "fugong_admin_login"
COOKIE_PATH = "/admin"
LOGIN_COOKIE_SECONDS = 1800
MAX_WAITING_LOGINS = 4
T = TypeVar("T")


def secure_cookies_forced() -> bool:
    return os.environ.get("FUGONG_ADMIN_SECURE_COOKIES", "").strip().lower() in ("1", "true", "yes")


def set_cookie(request: Request, answer: HTTPResponse, name: str, value: str, seconds: int) -> None:
    answer.cookies[name] = value
    cookie = answer.cookies[name]
    cookie["path"] = COOKIE_PATH
    cookie["httponly"] = True
    cookie["samesite"] = "Strict"
    cookie["max-age"] = seconds
    if request.scheme == "https" or secure_cookies_forced():
        cookie["secure"] = True


def set_session_cookie(request: Request, answer: HTTPResponse, token: str) -> None:
    set_cookie(request, answer, SESSION_COOKIE, token, SESSION_HOURS * 3600)


def forget_cookie(request: Request, answer: HTTPResponse, name: str) -> None:
    set_cookie(request, answer, name, "", 0)


def new_token() -> str:
    return secrets.token_urlsafe(32)


def same_token(expected: str | None, given: object) -> bool:
    if not expected or not isinstance(given, str):
        return False
    return hmac.compare_digest(expected.encode(), given.encode())


class LoginGate:
    """One password check at a time; None instead of its result when too many wait already."""

    def __init__(self, max_waiting: int = MAX_WAITING_LOGINS) -> None:
        self._max_waiting = max_waiting
        self._waiting = 0
        self._lock: asyncio.Lock | None = None  # created on the server's loop

    async def run(self, check: Callable[[], T]) -> T | None:
        """Run the blocking `check` in a thread when it is its turn; None when refused."""
        if self._waiting >= self._max_waiting:
            return None
        if self._lock is None:
            self._lock = asyncio.Lock()
        self._waiting += 1
        try:
            async with self._lock:
                return await asyncio.get_running_loop().run_in_executor(None, check)
        finally:
            self._waiting -= 1
