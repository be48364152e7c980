"""Driving the widget in a page: Playwright's CSS and role locators reach into its open shadow root."""
import re

from playwright.sync_api import Locator, Page, expect

from tools import ROOT

DEMO = "/webhooks/widget/demo"
# ms: the longest the widget waits before it tries a failed message again
RETRY_MAX = int(re.findall(r"RETRY_MAX = (\d+)", (ROOT / "channels/widget/static/widget.js").read_text())[0])


def bubble(page: Page) -> Locator:
    return page.get_by_role("button", name=re.compile(r"^打开.*对话$"))


def log(page: Page) -> Locator:
    return page.get_by_role("log")


def user_messages(page: Page) -> Locator:
    return page.locator(".fugong-widget .msg.user")


def bot_messages(page: Page) -> Locator:
    return page.locator(".fugong-widget .msg.bot")


def textbox(page: Page) -> Locator:
    return page.get_by_role("textbox", name="输入您的问题")


def open_demo(page: Page, base_url: str) -> None:
    """The demo page with the conversation open and its history loaded."""
    page.goto(base_url + DEMO)
    if bubble(page).get_attribute("aria-expanded") != "true":
        bubble(page).click()
    expect(page.get_by_role("dialog")).to_be_visible()
    expect(bot_messages(page).first).to_be_visible()  # the greeting


def ask(page: Page, question: str) -> Locator:
    """Type a question, press Enter, and return the bot message that answers it."""
    answered = bot_messages(page).count()
    textbox(page).fill(question)
    textbox(page).press("Enter")
    expect(user_messages(page).last).to_have_text(re.compile(re.escape(question)))
    return wait_for_answer(page, answered)


def wait_for_answer(page: Page, answered: int) -> Locator:
    expect(bot_messages(page)).not_to_have_count(answered, timeout=30_000)
    return bot_messages(page).nth(answered)


def send_through_an_outage(page: Page, server, question: str) -> Locator:
    """Stop `server`, ask `question`, see the error state, start `server` again: the widget retries by itself, at
    most RETRY_MAX after its last try, and the answer arrives. The page's clock jumps those seconds once the server
    is up (the timers still run on their own) rather than the test waiting for them."""
    page.clock.install()
    answered, status = bot_messages(page).count(), page.get_by_role("alert")
    server.stop()
    try:
        textbox(page).fill(question)
        textbox(page).press("Enter")
        expect(status).to_have_text("连接中断，重试")
        expect(status.get_by_role("button", name="重试")).to_be_visible()
    finally:
        server.start()
    page.clock.fast_forward(RETRY_MAX)
    answer = wait_for_answer(page, answered)
    expect(status).to_be_hidden()
    return answer
