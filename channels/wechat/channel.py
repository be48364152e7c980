"""The Rasa input channels: WeChat Official Account (`wechat`) and WeCom (`wecom`).

Served at `/webhooks/wechat/webhook` and `/webhooks/wecom/webhook`. The channels talk to Rasa only
through `on_new_message`; the protocol lives in `endpoint`, the deadline logic in `turns`.
"""

import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any, Text

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from channels.admission import deadline_turn
from channels.conversations import conversation_id
from channels.feedback import AnswerCollector
from channels.limits import MessageRefused, checked_text
from channels.wechat.api import CustomerServiceAPI, OfficialAccountAPI, WeComAPI
from channels.wechat.endpoint import SUCCESS, WeChatEndpoint
from channels.wechat.errors import WeChatProtocolError
from channels.wechat.settings import OFFICIAL_ACCOUNT, WECOM, ChannelSettings, Product, load_settings
from channels.wechat.shared_state import SharedState
from channels.wechat.turns import RunTurn, Turns
from channels.wechat.xml_message import MAX_BODY_BYTES

logger = logging.getLogger(__name__)

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


class WeChatInput(InputChannel):
    """WeChat Official Account (公众号): plain, compatible or safe mode."""

    product: Product = OFFICIAL_ACCOUNT

    @classmethod
    def name(cls) -> Text:
        return cls.product.name

    @classmethod
    def from_credentials(cls, credentials: dict[Text, Any] | None) -> InputChannel:
        return cls(load_settings(cls.product, credentials))

    def __init__(self, settings: ChannelSettings) -> None:
        self.settings = settings
        self.turns: Turns | None = None  # set by blueprint(); tests inspect it

    def customer_service_api(self, shared: SharedState | None) -> CustomerServiceAPI:
        return OfficialAccountAPI(self.settings.api_base, self.settings.receive_id, self.settings.secret, shared)

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        shared = (SharedState(self.settings.redis_url, f"{self.name()}:{self.settings.receive_id}")
                  if self.settings.redis_url else None)
        api = self.customer_service_api(shared) if self.settings.can_push else None
        self.turns = Turns(
            run_turn=self._rasa_turn(on_new_message),
            push=api.send_text if api else None,
            deadline=self.settings.reply_deadline,
            max_concurrent_turns=self.settings.max_concurrent_turns,
            channel=self.name(),
            shared=shared,
        )
        endpoint = WeChatEndpoint(self.settings, self.product, self.turns.answer)
        webhook = Blueprint(f"{self.name()}_webhook", __name__)

        @webhook.get("/")
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.get("/webhook")
        async def verify_url(request: Request) -> HTTPResponse:
            try:
                return response.text(endpoint.verify_url(_query(request)))
            except WeChatProtocolError as error:
                return _refuse(error)

        @webhook.post("/webhook", ctx_max_body_bytes=MAX_BODY_BYTES)
        async def receive(request: Request) -> HTTPResponse:
            try:
                body = await endpoint.handle_message(_query(request), request.body, arrival(request))
            except WeChatProtocolError as error:
                return _refuse(error)
            if body == SUCCESS:
                return response.text(body)
            return response.text(body, content_type="application/xml; charset=utf-8")

        @webhook.after_server_stop
        async def close_connections(*_: Any) -> None:
            if api is not None:
                await api.close()
            if shared is not None:
                await shared.close()

        return webhook

    def _rasa_turn(self, on_new_message: OnNewMessage) -> RunTurn:
        """One Rasa turn: the user's text in, the bot's messages (collected, not sent) out."""

        async def run(sender: str, text: str, message_id: str) -> list[dict[str, Any]]:
            try:
                text = checked_text(text)
            except MessageRefused as refused:  # too long: WeChat shows the reason, Rasa never reads it
                return [{"text": refused.reply}]
            collector = AnswerCollector()  # keeps which answer a 👍/👎 prompt asks about
            with deadline_turn():  # ahead of turns without a deadline (channels/admission.py)
                await on_new_message(
                    UserMessage(
                        text,
                        collector,
                        conversation_id(self.name(), sender),
                        input_channel=self.name(),
                        message_id=message_id or None,
                    )
                )
            return collector.messages

        return run


class WeComInput(WeChatInput):
    """WeCom (企业微信) self-built app: always encrypted, ReceiveId = corp id."""

    product = WECOM

    def customer_service_api(self, shared: SharedState | None) -> CustomerServiceAPI:
        settings = self.settings
        return WeComAPI(settings.api_base, settings.receive_id, settings.secret, settings.agent_id, shared)


def arrival(request: Request) -> float:
    """When the request's last bytes reached the server, on `time.monotonic()`: WeChat's 5 s run from there.

    Sanic 21.12 stamps its connection on every read; on a busy event loop, passes of the loop go by between
    that and this handler (0.4–1.8 s measured under load). Without the stamp, now.
    """
    now = time.monotonic()
    stamped = getattr(getattr(request.stream, "protocol", None), "_time", None)
    return stamped if isinstance(stamped, float) and 0 <= now - stamped < 60 else now


def _query(request: Request) -> dict[str, str]:
    """The query string's first value of each parameter (already URL-decoded)."""
    return {key: request.args.get(key, "") for key in request.args}


def _refuse(error: WeChatProtocolError) -> HTTPResponse:
    logger.warning("Refused a WeChat request (%s): %s", error.status, error)
    return response.text(f"{type(error).__name__}: {error}", status=error.status)
