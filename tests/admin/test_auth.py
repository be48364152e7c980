"""The login's cookies and its gate on password checks, without a server."""
from __future__ import annotations

import asyncio
import threading
from types import SimpleNamespace

from sanic import response

from admin import auth


def cookie_header(scheme: str) -> str:
    answer = response.text("ok")
    auth.set_session_cookie(SimpleNamespace(scheme=scheme), answer, "token")  # type: ignore[arg-type]
    return str(answer.cookies[auth.SESSION_COOKIE])


def test_the_session_cookie_is_httponly_strict_for_admin_only_and_secure_over_https(monkeypatch):
    monkeypatch.delenv("FUGONG_ADMIN_SECURE_COOKIES", raising=False)
    plain = cookie_header("http")
    assert {"HttpOnly", "SameSite=Strict", "Path=/admin"} <= set(plain.split("; ")) and "Secure" not in plain
    assert "Secure" in cookie_header("https").split("; ")
    monkeypatch.setenv("FUGONG_ADMIN_SECURE_COOKIES", "1")  # TLS ended by a proxy in front
    assert "Secure" in cookie_header("http").split("; ")


def test_csrf_tokens_must_match_exactly():
    assert auth.same_token("abc", "abc")
    assert not any(auth.same_token(expected, given) for expected, given in
                   (("abc", "abd"), ("abc", None), (None, "abc"), ("", ""), ("abc", ["abc"])))


async def test_password_checks_run_one_at_a_time_and_a_crowd_is_refused():
    gate = auth.LoginGate(max_waiting=2)
    release = threading.Event()
    running: list[int] = []

    def check() -> str:
        running.append(1)
        assert len(running) == 1  # never two at once
        release.wait(5)
        running.pop()
        return "checked"

    first, second = asyncio.ensure_future(gate.run(check)), asyncio.ensure_future(gate.run(check))
    await asyncio.sleep(0.05)
    assert await gate.run(check) is None  # a third while two wait: refused at once
    release.set()
    assert await asyncio.gather(first, second) == ["checked", "checked"]
