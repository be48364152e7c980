"""Fixtures: the channel served by a real Sanic app (registered the way `rasa run` does it) on a free
localhost port, with a fake Rasa agent and a fake customer-service API."""

import itertools
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, replace

import aiohttp
import pytest
from rasa.core.channels.channel import InputChannel, register
from sanic import Sanic

from channels.wechat import WeChatInput, WeComInput
from channels.wechat.settings import ChannelSettings
from testkit.wechat_side import WeChatSide
from tests.wechat.fakes import FakeAgent, FakeCustomerServiceAPI
from tools.ports import free_port

AES_KEY = "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR"
OFFICIAL_ACCOUNT = ChannelSettings(
    token="test-token", receive_id="wx49f0ab532d5d035a", encoding_aes_key=AES_KEY, mode="compatible"
)
WECOM = ChannelSettings(
    token="wecom-token", receive_id="ww1436e0e65a779aee", encoding_aes_key=AES_KEY, mode="safe",
    agent_id="1000002",
)
_app_numbers = itertools.count()
_redis_databases = itertools.count(3)


@dataclass
class RunningChannel:
    channel: WeChatInput
    agent: FakeAgent
    side: WeChatSide
    session: aiohttp.ClientSession
    base_url: str
    app: Sanic

    @property
    def turns(self):
        return self.channel.turns


@pytest.fixture
async def serve():
    """serve(channel_class, settings, agent, other_channels) -> RunningChannel; everything is stopped afterwards."""
    servers, sessions = [], []
    # Sanic rewrites its own methods at each start unless in test mode (as sanic-testing sets it).
    Sanic.test_mode = True

    async def start(channel_class, settings: ChannelSettings, agent: FakeAgent | None = None,
                    other_channels: Sequence[InputChannel] = ()):
        agent = agent or FakeAgent()
        channel = channel_class(settings)
        app = Sanic(f"wechat_test_{next(_app_numbers)}", configure_logging=False)
        app.ctx.agent = agent
        register([channel, *other_channels], app, route="/webhooks/")
        port = free_port()
        server = await app.create_server(
            host="127.0.0.1", port=port, return_asyncio_server=True, access_log=False
        )
        assert server is not None  # return_asyncio_server=True
        await server.startup()
        await server.before_start()
        await server.after_start()
        servers.append(server)
        session = aiohttp.ClientSession()
        sessions.append(session)
        base_url = f"http://127.0.0.1:{port}"
        url = f"{base_url}/webhooks/{channel.name()}/webhook"
        side = WeChatSide(url, settings, wecom=channel_class is WeComInput)
        return RunningChannel(channel, agent, side, session, base_url, app)

    yield start
    for session in sessions:
        await session.close()
    for server in servers:
        await server.before_stop()
        await server.close()
        await server.after_stop()


@pytest.fixture
def redis_url(redis_server):
    """A Redis database of its own for each test (the session's server)."""
    return f"redis://127.0.0.1:{redis_server.port}/{next(_redis_databases) % 16}"


@pytest.fixture
async def customer_service() -> AsyncIterator[FakeCustomerServiceAPI]:
    api = FakeCustomerServiceAPI()
    await api.start()
    yield api
    await api.stop()


def with_push(settings: ChannelSettings, api: FakeCustomerServiceAPI, **changes) -> ChannelSettings:
    """`settings` pushing late answers to the fake customer-service API."""
    return replace(settings, secret="app-secret", api_base=api.base_url, **changes)
