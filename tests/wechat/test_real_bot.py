"""The real bot (trained model + actions) behind the WeChat webhooks, talked to as WeChat would."""

import uuid
from pathlib import Path

import aiohttp
import yaml

from channels.wechat.settings import OFFICIAL_ACCOUNT, WECOM, load_settings
from testkit.wechat_side import WeChatSide, message_xml

CREDENTIALS = yaml.safe_load((Path(__file__).parents[2] / "credentials.yml").read_text(encoding="utf-8"))


async def warm_up(bot_server, session: aiohttp.ClientSession) -> None:
    """The bot's first parse after start can take seconds: do it through REST, which waits for it."""
    async with session.post(f"{bot_server.base_url}/webhooks/rest/webhook",
                            json={"sender": "wechat-warm-up", "message": "你好"}) as response:
        assert response.status == 200


def wechat_side(bot_server, product, key: str) -> WeChatSide:
    """WeChat's side with the settings the running bot read (credentials.yml + environment)."""
    settings = load_settings(product, CREDENTIALS[key])
    return WeChatSide(f"{bot_server.base_url}/webhooks/{product.name}/webhook", settings,
                      wecom=product is WECOM)


async def test_safe_mode_conversation_about_hotlines_and_the_train(bot_server):
    side = wechat_side(bot_server, OFFICIAL_ACCOUNT, "channels.wechat.WeChatInput")
    user = f"o_{uuid.uuid4().hex[:12]}"
    async with aiohttp.ClientSession() as session:
        await warm_up(bot_server, session)
        async with session.get(side.url, params=side.url_check_query("8236501942")) as response:
            assert (response.status, await response.text()) == (200, "8236501942")

        welcome = await side.post(session, message_xml("event", from_user=user, Event="subscribe"))
        assert "你能做什么" in welcome.content
        menu = await side.post(session, message_xml(from_user=user, Content="你能做什么"))
        assert "3. “齐鲁号”欧亚班列 恢复常态化运行" in menu.content  # the newest articles, numbered
        from_menu = await side.post(session, message_xml(from_user=user, Content="3"))
        assert "来源：《“齐鲁号”欧亚班列 恢复常态化运行》" in from_menu.content

        hotline = await side.post(session, message_xml(from_user=user, Content="金融运行的热线是多少？"))
        assert "0536-8090465" in hotline.content
        assert "来源：" in hotline.content

        follow_up = await side.post(session, message_xml(from_user=user, Content="贷款困难找谁"))
        assert "0536-8090465" in follow_up.content

        train = await side.post(session, message_xml(from_user=user, Content="齐鲁号班列一个月发几趟？"))
        assert "15" in train.content and "20" in train.content and "齐鲁号" in train.content

        voice = message_xml("voice", from_user=user, MediaId="m", Format="amr", Recognition="工业运行的电话是多少？")
        assert "0536-8789732" in (await side.post(session, voice)).content

        image = await side.post(session, message_xml("image", from_user=user, PicUrl="http://127.0.0.1/x.jpg",
                                                      MediaId="m"))
        assert "请用文字提问" in image.content


async def test_wecom_answers_from_the_real_bot(bot_server):
    side = wechat_side(bot_server, WECOM, "channels.wechat.WeComInput")
    async with aiohttp.ClientSession() as session:
        await warm_up(bot_server, session)
        async with session.get(side.url, params=side.url_check_query("5511")) as response:
            assert (response.status, await response.text()) == (200, "5511")
        xml = message_xml(from_user="ZhangSan", to_user=side.settings.receive_id, Content="齐鲁号班列一个月发几趟？")
        reply = await side.post(session, xml)
    assert "齐鲁号" in reply.content and "来源：" in reply.content
