"""The operations page, served by the bot at /admin (listed in credentials.yml as `admin.AdminChannel`).

    GET  /admin                       the page (a range: ?range=24h|7d|30d or ?from=YYYY-MM-DD&to=YYYY-MM-DD)
    GET  /admin/api/summary           the same figures as JSON
    GET  /admin/export/unanswered.csv, /admin/export/feedback.csv
    GET  /admin/login, POST /admin/login, POST /admin/logout
    GET  /admin/static/<file>         its stylesheet and scripts, Chart.js included (vendored by `make`: no CDN)

Without a session the page and the exports redirect to the login page and the JSON answers 401. Operators are
created with `python -m kb admin add-user NAME`. Loading the channel also stores the votes the widget and WeChat
receive (channels/feedback.py) and writes the hourly counts (admin/counters.py). Everything the page reads is
computed in a worker process (admin/worker.py); the bot's own work per page view is a session lookup.
"""
from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Awaitable, Callable, Coroutine
from contextlib import suppress
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

from admin import auth, page
from admin.counters import HourlyCounts
from admin.summary import SHOWN_OFFSET, Range, RangeError, parse_range
from admin.worker import Worker
from channels.feedback import Vote, store_votes_with
from kb import feedback, operators
from kb.operators import Login, Session
from kb.settings import database_url
from rasa_speedups.turn_guard import OUTCOMES

logger = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
STATIC = {"admin.css": (HERE / "static" / "admin.css", "text/css; charset=utf-8"),
          "admin.js": (HERE / "static" / "admin.js", "text/javascript; charset=utf-8"),
          "chart.umd.min.js": (HERE / "node_modules" / "chart.js" / "dist" / "chart.umd.min.js",
                               "text/javascript; charset=utf-8")}
# The page's own files only: no inline script or style, no other origin, never inside another site's frame.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                               "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "X-Frame-Options": "DENY", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
WRONG_LOGIN = "用户名或密码不对。"
LOCKED = (f"密码连续错了 {operators.MAX_FAILURES} 次，账户已锁定 {operators.LOCK_MINUTES} 分钟"
          "（管理员可用 python -m kb admin unlock 解锁）。")
BUSY = "登录的人太多，请稍后再试。"
EXPIRED_FORM = "登录表单已过期，请重新登录。"
FLUSH_SECONDS = 15.0
EXPORTS = {"unanswered.csv": "unanswered", "feedback.csv": "feedback"}
Handler = Callable[..., Coroutine[Any, Any, HTTPResponse]]


class AdminChannel(InputChannel):
    def __init__(self, flush_seconds: float = FLUSH_SECONDS) -> None:
        self.flush_seconds = flush_seconds
        self.counts = HourlyCounts(database_url)
        self.worker = Worker()
        self.gate = auth.LoginGate()
        store_votes_with(store_vote)

    @classmethod
    def name(cls) -> str:
        return "admin"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> AdminChannel:
        raw = os.environ.get("FUGONG_ADMIN_FLUSH_SECONDS") or (credentials or {}).get("flush_seconds") or FLUSH_SECONDS
        try:
            seconds = float(raw)
        except (TypeError, ValueError):
            raise ValueError(f"admin flush_seconds must be a number of seconds, not {raw!r}") from None
        if seconds <= 0:
            raise ValueError("admin flush_seconds must be positive")
        return cls(seconds)

    def url_prefix(self) -> str:
        return "/"  # Rasa joins it to "/webhooks/": the page lives at the server's root, /admin

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        admin = Blueprint("admin", __name__)
        flushing: list[asyncio.Task[None]] = []

        @admin.get("/admin")
        @self._signed_in(api=False)
        async def dashboard(request: Request, session: Session, token: str) -> HTTPResponse:
            query = _query(request)
            try:
                shown = parse_range(query, _utc_now())
            except RangeError as problem:
                query, shown = {"range": "24h"}, parse_range({}, _utc_now())
                return await self._dashboard(request, session, query, shown, str(problem), status=400)
            return await self._dashboard(request, session, query, shown)

        @admin.get("/admin/api/summary")
        @self._signed_in(api=True)
        async def summary(request: Request, session: Session, token: str) -> HTTPResponse:
            try:
                shown = parse_range(_query(request), _utc_now())
            except RangeError as problem:
                return _json_error(400, "bad_range", str(problem))
            data = await self.worker.summary(database_url(), shown, OUTCOMES)
            return response.json(data, headers=SECURITY_HEADERS)

        @admin.get("/admin/export/<name:str>")
        @self._signed_in(api=False)
        async def export(request: Request, session: Session, token: str, name: str) -> HTTPResponse:
            kind = EXPORTS.get(name)
            if kind is None:
                return _json_error(404, "not_found", "可以导出的只有 unanswered.csv 和 feedback.csv。")
            try:
                shown = parse_range(_query(request), _utc_now())
            except RangeError as problem:
                return _json_error(400, "bad_range", str(problem))
            text = await self.worker.export(database_url(), kind, shown.since.date())
            saved = f"{kind}-{shown.since + SHOWN_OFFSET:%Y%m%d}.csv"
            return response.text("\ufeff" + text, content_type="text/csv; charset=utf-8",  # BOM: Excel reads UTF-8
                                 headers={**SECURITY_HEADERS, "Content-Disposition": f'attachment; filename="{saved}"'})

        @admin.get("/admin/login")
        async def login_form(request: Request) -> HTTPResponse:
            return self._login_page(request)

        @admin.post("/admin/login")
        async def login(request: Request) -> HTTPResponse:
            form = request.form or {}
            if not auth.same_token(request.cookies.get(auth.LOGIN_COOKIE), form.get("csrf_token")):
                return self._login_page(request, EXPIRED_FORM, status=403)
            name, password = form.get("name") or "", form.get("password") or ""
            url = database_url()
            result = await self.gate.run(lambda: operators.authenticate(url, name, password))
            if result is None:
                return self._login_page(request, BUSY, name, status=429)
            if result is not Login.OK:
                logger.warning("Operations page: a failed login for %r (%s).", name[:64], result.value)
                return self._login_page(request, LOCKED if result is Login.LOCKED else WRONG_LOGIN, name,
                                        status=423 if result is Login.LOCKED else 401)
            token, _ = await _blocking(operators.open_session, url, name)
            logger.info("Operations page: %r logged in.", name)
            answer = response.redirect("/admin", status=303, headers=SECURITY_HEADERS)
            auth.set_session_cookie(request, answer, token)
            auth.forget_cookie(request, answer, auth.LOGIN_COOKIE)
            return answer

        @admin.post("/admin/logout")
        @self._signed_in(api=False)
        async def logout(request: Request, session: Session, token: str) -> HTTPResponse:
            if not auth.same_token(session.csrf_token, (request.form or {}).get("csrf_token")):
                return _json_error(403, "csrf", "表单缺少有效的 CSRF 令牌。")
            await _blocking(operators.close_session, database_url(), token)
            answer = response.redirect("/admin/login", status=303, headers=SECURITY_HEADERS)
            auth.forget_cookie(request, answer, auth.SESSION_COOKIE)
            return answer

        @admin.get("/admin/static/<name:str>")
        async def asset(_: Request, name: str) -> HTTPResponse:
            found = STATIC.get(name)
            if found is None or not found[0].exists():
                return _json_error(404, "not_found", "没有这个文件。")
            return await response.file(found[0], mime_type=found[1], headers={"Cache-Control": "no-cache"})

        async def start_counting(app: Sanic, _loop: Any) -> None:
            flushing.append(asyncio.create_task(self.counts.run(self.flush_seconds)))

        async def stop(app: Sanic, _loop: Any) -> None:
            for task in flushing:
                task.cancel()
                with suppress(asyncio.CancelledError):
                    await task
            await _blocking(self.counts.flush)  # what the counters grew by since the last write
            self.worker.close()

        admin.listener(start_counting, "after_server_start")
        admin.listener(stop, "before_server_stop")
        return admin

    def _signed_in(self, api: bool) -> Callable[[Handler], Handler]:
        """The route's handler gets the session and its token; without one: 401 (JSON) or the login page."""

        def wrap(handler: Handler) -> Handler:
            async def guarded(request: Request, *args: Any, **kwargs: Any) -> HTTPResponse:
                token = request.cookies.get(auth.SESSION_COOKIE) or ""
                session = await _blocking(operators.session_of, database_url(), token) if token else None
                if session is None:
                    if api:
                        return _json_error(401, "not_signed_in", "请先登录：/admin/login")
                    return response.redirect("/admin/login", status=303, headers=SECURITY_HEADERS)
                return await handler(request, session, token, *args, **kwargs)

            guarded.__name__ = handler.__name__
            return guarded

        return wrap

    async def _dashboard(self, request: Request, session: Session, query: dict[str, str], shown: Range,
                         problem: str = "", status: int = 200) -> HTTPResponse:
        data = await self.worker.summary(database_url(), shown, OUTCOMES)
        html = page.dashboard(data, session.operator, session.csrf_token, query, problem)
        return response.html(html, status=status, headers=SECURITY_HEADERS)

    def _login_page(self, request: Request, problem: str = "", name: str = "", status: int = 200) -> HTTPResponse:
        csrf = auth.new_token()
        answer = response.html(page.login_page(csrf, problem, name), status=status, headers=SECURITY_HEADERS)
        auth.set_cookie(request, answer, auth.LOGIN_COOKIE, csrf, auth.LOGIN_COOKIE_SECONDS)
        return answer


def store_vote(vote: Vote) -> None:
    """channels.feedback's vote store: the knowledge-base database."""
    answered = vote.answer
    feedback.record_vote(database_url(), conversation=vote.conversation, answer_id=answered.answer_id,
                         channel=vote.channel, helpful=vote.helpful, question=answered.question,
                         article=answered.article, article_date=answered.article_date, fallback=answered.fallback)


async def _blocking(function: Callable[..., Any], *args: Any) -> Any:
    return await asyncio.get_running_loop().run_in_executor(None, function, *args)


def _query(request: Request) -> dict[str, str]:
    return {key: request.args.get(key, "") for key in ("range", "from", "to") if request.args.get(key)}


def _json_error(status: int, code: str, detail: str) -> HTTPResponse:
    return response.json({"error": code, "detail": detail}, status=status, headers=SECURITY_HEADERS)


def _utc_now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)
