"""The widget against the real bot: trained model, action server, SQL tracker store, Rasa's REST channel.

Set WIDGET_SCREENSHOTS=docs to refresh docs/widget-phone.png and docs/widget-desktop.png.
"""
import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.widget.widget import ask, bot_messages, open_demo, send_through_an_outage, user_messages, wait_for_answer
from tools import ROOT
from tools.servers import BotServers

HOTLINE = "金融运行的热线电话是多少"
SOURCE = re.compile(r"^来源：《.+》")
VEGETABLE = "网上“菜篮子超市” 满足需求稳定物价"


@pytest.fixture
def screenshots(tmp_path: Path) -> Path:
    return ROOT / os.environ["WIDGET_SCREENSHOTS"] if os.environ.get("WIDGET_SCREENSHOTS") else tmp_path


def test_a_phone_conversation_across_topics_survives_a_reload(phone: Page, bot_server: BotServers, screenshots: Path):
    open_demo(phone, bot_server.base_url)
    answer = ask(phone, HOTLINE)
    expect(answer.get_by_role("link", name="0536-8090465")).to_have_attribute("href", "tel:05368090465")
    expect(answer.locator(".source")).to_have_text(SOURCE)
    phone.screenshot(path=screenshots / "widget-phone.png")
    for question in ("网上招聘会在哪个平台", "齐鲁号班列一个月发几趟"):
        expect(ask(phone, question).locator(".source")).to_have_text(SOURCE)

    menu = ask(phone, "你能干什么")
    answered = bot_messages(phone).count()
    menu.get_by_role("button", name=VEGETABLE).click()  # the newest article's title
    expect(user_messages(phone).last).to_have_text(re.compile(f"{re.escape(VEGETABLE)}$"))
    expect(wait_for_answer(phone, answered).locator(".source")).to_have_text(SOURCE)

    attack = "<img src=x onerror=alert(1)>"
    ask(phone, attack)
    expect(user_messages(phone).last).to_contain_text(attack)

    users, bots = user_messages(phone).count(), bot_messages(phone).count()
    phone.reload()
    expect(bot_messages(phone)).to_have_count(bots)
    expect(user_messages(phone)).to_have_count(users)
    expect(user_messages(phone).nth(0)).to_contain_text(HOTLINE)
    expect(user_messages(phone).nth(-2)).to_have_text(re.compile(f"{re.escape(VEGETABLE)}$"))
    expect(user_messages(phone).last).to_contain_text(attack)
    expect(phone.locator(".fugong-widget .log img")).to_have_count(0)


def test_desktop_conversation(desktop: Page, bot_server: BotServers, screenshots: Path):
    open_demo(desktop, bot_server.base_url)
    answer = ask(desktop, HOTLINE)
    expect(answer.get_by_role("link", name="19953687355")).to_have_attribute("href", "tel:19953687355")
    expect(answer.locator(".source")).to_have_text(SOURCE)
    expect(ask(desktop, "你能干什么").get_by_role("button", name=VEGETABLE)).to_be_visible()
    desktop.screenshot(path=screenshots / "widget-desktop.png")


def test_the_conversation_goes_on_after_a_server_restart(phone: Page, bot_server: BotServers):
    open_demo(phone, bot_server.base_url)
    ask(phone, HOTLINE)
    answer = send_through_an_outage(phone, bot_server, "网上招聘会在哪个平台")  # stops it and starts it again
    expect(answer.locator(".source")).to_have_text(SOURCE)

    phone.reload()  # the history outlived the restart in the SQL tracker store
    expect(user_messages(phone)).to_have_count(2)
    expect(user_messages(phone).first).to_contain_text(HOTLINE)
