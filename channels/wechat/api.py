"""WeChat's customer-service API: pushes an answer that missed the passive-reply deadline.

Official Account: `GET /cgi-bin/token`, `POST /cgi-bin/message/custom/send`.
WeCom: `GET /cgi-bin/gettoken`, `POST /cgi-bin/message/send` (with the app's `agentid`).
"""

import asyncio
import json
import logging
from typing import Any

import aiohttp

from channels.wechat.errors import DeliveryError, WeChatAPIError
from channels.wechat.shared_state import SharedState
from channels.wechat.token_cache import AccessTokenCache

logger = logging.getLogger(__name__)

# access_token invalid (40001, 40014) or expired (42001): fetch a new one and try once more.
TOKEN_ERRORS = frozenset({40001, 40014, 42001})
_TIMEOUT = aiohttp.ClientTimeout(total=10)


class CustomerServiceAPI:
    """Sends text messages to one user; subclasses name the endpoints and payloads."""

    token_path = ""
    send_path = ""

    def __init__(self, api_base: str, shared: SharedState | None = None) -> None:
        self._api_base = api_base.rstrip("/")
        self._session: aiohttp.ClientSession | None = None
        self.tokens = AccessTokenCache(self._fetch_token, shared=shared)  # shared: one token for all replicas

    def _token_params(self) -> dict[str, str]:
        raise NotImplementedError

    def _text_payload(self, user: str, content: str) -> dict[str, Any]:
        raise NotImplementedError

    def _http(self) -> aiohttp.ClientSession:
        # Created on first use, inside the server's event loop, not at import or construction.
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(timeout=_TIMEOUT)
        return self._session

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()

    async def _call(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        try:
            async with self._http().request(method, self._api_base + path, **kwargs) as response:
                response.raise_for_status()
                body = await response.json(content_type=None)
        except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as error:
            raise DeliveryError(f"{method} {path} failed: {error!r}") from error
        if not isinstance(body, dict):
            raise DeliveryError(f"{method} {path} answered {body!r}")
        errcode = int(body.get("errcode", 0) or 0)
        if errcode:
            raise WeChatAPIError(errcode, str(body.get("errmsg", "")))
        return body

    async def _fetch_token(self) -> tuple[str, float]:
        body = await self._call("GET", self.token_path, params=self._token_params())
        if not body.get("access_token"):
            raise DeliveryError(f"GET {self.token_path} answered no access_token")
        logger.info("Fetched a new WeChat access_token.")
        return str(body["access_token"]), float(body.get("expires_in") or 7200)

    async def send_text(self, user: str, content: str) -> None:
        """Send one text message; on a refused token, refresh it once and resend."""
        # Chinese as UTF-8, not \u escapes: some WeChat endpoints show escapes literally.
        body = json.dumps(self._text_payload(user, content), ensure_ascii=False).encode("utf-8")
        token = await self.tokens.get()
        try:
            await self._post_json(token, body)
        except WeChatAPIError as error:
            if error.errcode not in TOKEN_ERRORS:
                raise
            await self.tokens.refused(token)
            await self._post_json(await self.tokens.get(), body)

    async def _post_json(self, token: str, body: bytes) -> None:
        await self._call(
            "POST",
            self.send_path,
            params={"access_token": token},
            data=body,
            headers={"Content-Type": "application/json; charset=utf-8"},
        )


class OfficialAccountAPI(CustomerServiceAPI):
    token_path = "/cgi-bin/token"
    send_path = "/cgi-bin/message/custom/send"

    def __init__(self, api_base: str, app_id: str, app_secret: str, shared: SharedState | None = None) -> None:
        super().__init__(api_base, shared)
        self._app_id = app_id
        self._app_secret = app_secret

    def _token_params(self) -> dict[str, str]:
        return {"grant_type": "client_credential", "appid": self._app_id, "secret": self._app_secret}

    def _text_payload(self, user: str, content: str) -> dict[str, Any]:
        return {"touser": user, "msgtype": "text", "text": {"content": content}}


class WeComAPI(CustomerServiceAPI):
    token_path = "/cgi-bin/gettoken"
    send_path = "/cgi-bin/message/send"

    def __init__(
        self, api_base: str, corp_id: str, secret: str, agent_id: str, shared: SharedState | None = None
    ) -> None:
        super().__init__(api_base, shared)
        self._corp_id = corp_id
        self._secret = secret
        self._agent_id = agent_id

    def _token_params(self) -> dict[str, str]:
        return {"corpid": self._corp_id, "corpsecret": self._secret}

    def _text_payload(self, user: str, content: str) -> dict[str, Any]:
        return {
            "touser": user,
            "msgtype": "text",
            "agentid": int(self._agent_id),
            "text": {"content": content},
            "safe": 0,
        }
