"""The customer-service API client and its access_token cache, against a local fake of WeChat's API."""

import asyncio

import pytest

from channels.wechat.api import OfficialAccountAPI, WeComAPI
from channels.wechat.errors import DeliveryError, WeChatAPIError
from channels.wechat.token_cache import AccessTokenCache
from tools.ports import free_port


@pytest.fixture
async def official_account(customer_service):
    api = OfficialAccountAPI(customer_service.base_url, "wx_app", "app-secret")
    yield api
    await api.close()


async def test_sends_chinese_text_as_utf8_json(official_account, customer_service):
    await official_account.send_text("o_user_1", "齐鲁号班列每月发运10列")
    assert customer_service.sent == [
        {"touser": "o_user_1", "msgtype": "text", "text": {"content": "齐鲁号班列每月发运10列"}}
    ]
    assert "齐鲁号".encode("utf-8") in customer_service.raw_bodies[0]


async def test_token_is_fetched_once_and_cached(official_account, customer_service):
    for number in range(3):
        await official_account.send_text("o_user_1", f"第{number}条")
    assert customer_service.token_fetches == 1
    assert customer_service.tokens_used == ["TOKEN-1"] * 3


@pytest.mark.parametrize("errcode", [40001, 42001])
async def test_refused_token_is_refreshed_once_and_the_message_resent(errcode, official_account, customer_service):
    await official_account.send_text("o_user_1", "第一条")
    customer_service.refuse_next_send_with = errcode
    await official_account.send_text("o_user_1", "第二条")
    assert customer_service.token_fetches == 2
    assert customer_service.tokens_used == ["TOKEN-1", "TOKEN-1", "TOKEN-2"]
    assert [m["text"]["content"] for m in customer_service.sent] == ["第一条", "第二条"]


async def test_other_api_errors_are_raised_without_refresh(official_account, customer_service):
    await official_account.send_text("o_user_1", "第一条")
    customer_service.refuse_next_send_with = 45015  # the user has not written for 48 hours
    with pytest.raises(WeChatAPIError) as error:
        await official_account.send_text("o_user_1", "第二条")
    assert error.value.errcode == 45015
    assert customer_service.token_fetches == 1


async def test_unreachable_api_is_a_delivery_error():
    api = OfficialAccountAPI(f"http://127.0.0.1:{free_port()}", "wx_app", "app-secret")
    with pytest.raises(DeliveryError):
        await api.send_text("o_user_1", "你好")
    await api.close()


async def test_wecom_sends_with_its_agent_id(customer_service):
    api = WeComAPI(customer_service.base_url, "ww_corp", "corp-secret", "1000002")
    await api.send_text("ZhangSan", "你好")
    await api.close()
    assert customer_service.sent == [
        {"touser": "ZhangSan", "msgtype": "text", "agentid": 1000002, "text": {"content": "你好"}, "safe": 0}
    ]


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def test_concurrent_callers_share_one_refresh():
    fetches = []

    async def slow_fetch():
        fetches.append(1)
        await asyncio.sleep(0.05)
        return f"T{len(fetches)}", 7200

    cache = AccessTokenCache(slow_fetch)
    tokens = await asyncio.gather(*(cache.get() for _ in range(10)))
    assert tokens == ["T1"] * 10
    assert len(fetches) == 1


async def test_token_is_refreshed_ahead_of_expiry():
    clock = FakeClock()
    issued: list[str] = []

    async def fetch():
        issued.append(f"T{len(issued) + 1}")
        return issued[-1], 7200

    cache = AccessTokenCache(fetch, refresh_margin=300, clock=clock)
    assert await cache.get() == "T1"
    clock.now += 6899
    assert await cache.get() == "T1"
    clock.now += 2  # 299 s before expiry: within the margin
    assert await cache.get() == "T2"


async def test_invalidating_an_old_token_keeps_the_newer_one():
    issued: list[str] = []

    async def fetch():
        issued.append(f"T{len(issued) + 1}")
        return issued[-1], 7200

    cache = AccessTokenCache(fetch)
    old = await cache.get()
    cache.invalidate(old)
    new = await cache.get()
    cache.invalidate(old)  # a second caller that also saw `old` refused
    assert (old, new, await cache.get()) == ("T1", "T2", "T2")

