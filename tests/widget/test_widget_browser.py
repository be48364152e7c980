"""The widget in Chromium against the fake bot (tests/widget/fake_bot.py): rendering, keyboard, layout, failures."""
import re

from playwright.sync_api import Page, expect

from tests.widget.fake import FAIL, SLOW, FakeBot
from tests.widget.widget import (
    DEMO,
    ask,
    bot_messages,
    bubble,
    log,
    open_demo,
    send_through_an_outage,
    textbox,
    user_messages,
    wait_for_answer,
)

HOTLINE = "金融运行的热线电话是多少"


def in_widget(page: Page, expression: str):
    """Evaluate `expression` with `root` bound to the widget's shadow root."""
    return page.evaluate("(() => { const root = document.querySelector('.fugong-widget').shadowRoot; "
                         f"return {expression}; }})()")


def test_demo_page_says_what_the_bot_knows_and_shows_the_snippet(desktop: Page, fake_bot: FakeBot):
    desktop.goto(fake_bot.base_url + DEMO)
    expect(desktop.get_by_role("heading", level=1)).to_have_text("复工助手")
    expect(desktop.locator("main")).to_contain_text("注明出处")
    expect(desktop.locator("main")).to_contain_text("你能做什么")  # what it knows comes from the bot, not this page
    expect(desktop.locator("pre")).to_contain_text(f'<script src="{fake_bot.base_url}/webhooks/widget/widget.js"')


def test_bubble_opens_a_labelled_dialog_and_escape_closes_it(desktop: Page, fake_bot: FakeBot):
    desktop.goto(fake_bot.base_url + DEMO)
    expect(bubble(desktop)).to_have_attribute("aria-expanded", "false")
    bubble(desktop).click()
    expect(desktop.get_by_role("dialog", name="复工助手")).to_be_visible()
    expect(bubble(desktop)).to_have_attribute("aria-expanded", "true")
    expect(log(desktop)).to_have_attribute("aria-live", "polite")
    expect(bot_messages(desktop).first).to_contain_text("你能做什么")  # the greeting
    expect(textbox(desktop)).to_be_focused()
    desktop.keyboard.press("Escape")
    expect(desktop.get_by_role("dialog")).to_be_hidden()
    expect(bubble(desktop)).to_be_focused()


def test_answer_shows_tel_links_and_a_separate_source_line(phone: Page, fake_bot: FakeBot):
    open_demo(phone, fake_bot.base_url)
    answer = ask(phone, HOTLINE)
    for number, href in (("0536-8090465", "tel:05368090465"), ("19953687355", "tel:19953687355"),
                         ("8090775", "tel:8090775")):
        expect(answer.get_by_role("link", name=number)).to_have_attribute("href", href)
    expect(answer.locator(".source")).to_have_text(re.compile(r"^来源：《.+》（2020-02-15）$"))
    expect(answer.locator(".text")).not_to_contain_text("来源")


def test_quick_reply_sends_the_payload_shows_the_title_and_survives_a_reload(phone: Page, fake_bot: FakeBot):
    open_demo(phone, fake_bot.base_url)
    answered = bot_messages(phone).count()
    ask(phone, HOTLINE).get_by_role("button", name="网上招聘").click()
    expect(user_messages(phone).last).to_have_text(re.compile("网上招聘$"))
    expect(wait_for_answer(phone, answered + 1)).to_contain_text("寒亭区")

    phone.reload()
    expect(phone.get_by_role("dialog")).to_be_visible()  # it stays open
    expect(user_messages(phone)).to_have_count(2)
    expect(user_messages(phone).nth(0)).to_contain_text(HOTLINE)
    expect(user_messages(phone).nth(1)).to_have_text(re.compile("网上招聘$"))  # the title, not /ask_jobs
    expect(bot_messages(phone).nth(1).get_by_role("link", name="0536-8090465")).to_be_visible()
    expect(bot_messages(phone).nth(1).get_by_role("button", name="菜篮子超市")).to_be_visible()
    expect(bot_messages(phone).nth(2)).to_contain_text("寒亭区")


def test_markup_in_messages_stays_inert_text(phone: Page, fake_bot: FakeBot):
    open_demo(phone, fake_bot.base_url)
    attack = "<img src=x onerror=alert(1)>"
    answer = ask(phone, attack)  # the fake bot echoes it back
    expect(answer).to_contain_text(attack)
    expect(user_messages(phone).last).to_contain_text(attack)
    assert in_widget(phone, "root.querySelectorAll('.log img').length") == 0
    # the phone fixture fails the test on any alert() or page error


def test_enter_that_confirms_an_ime_composition_does_not_send(phone: Page, fake_bot: FakeBot):
    open_demo(phone, fake_bot.base_url)
    box = textbox(phone)
    box.fill("金融")
    box.dispatch_event("compositionstart")
    box.dispatch_event("keydown", {"key": "Enter", "code": "Enter", "isComposing": True, "bubbles": True})
    box.dispatch_event("compositionend")
    box.dispatch_event("keydown", {"key": "Enter", "keyCode": 229, "bubbles": True})  # Safari, after compositionend
    phone.wait_for_timeout(300)
    expect(user_messages(phone)).to_have_count(0)
    expect(box).to_have_value("金融")
    box.press("Enter")
    expect(user_messages(phone)).to_have_count(1)
    expect(box).to_have_value("")


def test_typing_indicator_while_waiting(phone: Page, fake_bot: FakeBot):
    open_demo(phone, fake_bot.base_url)
    typing = phone.locator(".fugong-widget .typing")
    answered = bot_messages(phone).count()
    textbox(phone).fill(SLOW)
    textbox(phone).press("Enter")
    expect(typing).to_be_visible()
    wait_for_answer(phone, answered)
    expect(typing).to_be_hidden()


def test_a_refused_message_and_a_failed_turn_get_the_reason_and_are_not_sent_again(phone: Page, fake_bot: FakeBot):
    open_demo(phone, fake_bot.base_url)
    expect(ask(phone, "字" * 1001)).to_contain_text("消息太长了")
    expect(ask(phone, FAIL)).to_contain_text("系统暂时出了点问题")
    expect(phone.get_by_role("alert")).to_be_hidden()
    expect(ask(phone, HOTLINE)).to_contain_text("0536-8090465")  # the queue goes on


def test_server_down_shows_the_error_state_and_retries_by_itself(phone: Page, fake_bot: FakeBot):
    open_demo(phone, fake_bot.base_url)
    ask(phone, HOTLINE)
    answer = send_through_an_outage(phone, fake_bot, "/ask_jobs")  # stops it and starts it again
    expect(answer).to_contain_text("寒亭区")


def test_phone_layout_fills_the_screen_without_sideways_scrolling(phone: Page, fake_bot: FakeBot):
    open_demo(phone, fake_bot.base_url)
    ask(phone, HOTLINE)
    assert phone.get_by_role("dialog").bounding_box() == {"x": 0, "y": 0, "width": 375, "height": 667}
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    assert in_widget(phone, "root.querySelector('.log').scrollWidth <= root.querySelector('.log').clientWidth")
    assert in_widget(phone, "getComputedStyle(root.querySelector('textarea')).fontSize") == "16px"  # no zoom-in
    expect(phone.get_by_role("button", name="关闭对话")).to_be_visible()


def test_desktop_layout_is_a_corner_panel_above_the_bubble(desktop: Page, fake_bot: FakeBot):
    open_demo(desktop, fake_bot.base_url)
    panel, button = desktop.get_by_role("dialog").bounding_box(), bubble(desktop).bounding_box()
    assert panel is not None and button is not None
    assert panel["width"] == 380 and panel["x"] + panel["width"] == 1280 - 20
    assert panel["y"] + panel["height"] < button["y"]


def test_data_attributes_and_a_hostile_host_page(desktop: Page, fake_bot: FakeBot):
    host_page = f"""<!doctype html><html><head><meta charset="utf-8"><style>
      button, div, p {{ background: pink !important; font-size: 40px !important; display: inline !important; }}
    </style></head><body><h1>某报社网站</h1>
    <script src="{fake_bot.base_url}/webhooks/widget/widget.js" data-server="{fake_bot.base_url}"
      data-title="企业服务" data-color="#005a9c" data-greeting="欢迎使用企业服务"></script></body></html>"""
    desktop.route(fake_bot.base_url + "/news.html",
                  lambda route: route.fulfill(body=host_page, content_type="text/html"))
    desktop.goto(fake_bot.base_url + "/news.html")
    button = desktop.get_by_role("button", name="打开企业服务对话")
    expect(button).to_have_css("background-color", "rgb(0, 90, 156)")
    expect(button).to_have_css("position", "fixed")
    button.click()
    expect(desktop.get_by_role("dialog", name="企业服务")).to_be_visible()
    expect(bot_messages(desktop).first).to_have_text(re.compile("欢迎使用企业服务$"))
    expect(bot_messages(desktop).first).to_have_css("font-size", "16px")
