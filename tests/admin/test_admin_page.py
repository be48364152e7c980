"""The operations page against the real bot (model, actions, every channel) in Debian's Chromium.

Conversations through REST, the widget (with votes) and WeChat (the test WeChat side) must show in each chart; an
unanswered question in its group until an article answering it is added and the knowledge base rebuilt; the page is
closed without a session, its forms need their CSRF token, five wrong passwords lock an account, and a question
written as HTML stays text. Set ADMIN_SCREENSHOTS=docs to refresh docs/admin-desktop.png and docs/admin-phone.png.
"""
from __future__ import annotations

import asyncio
import json
import os
import re
import subprocess
import sys
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import aiohttp
import pytest
import yaml
from playwright.sync_api import Browser, Page, expect

from channels.wechat.replies import VOTE_PROMPT, VOTE_THANKS
from channels.wechat.settings import OFFICIAL_ACCOUNT, load_settings
from testkit.articles import NEW_ARTICLE, NEW_QUESTION, NEW_TITLE
from testkit.wechat_side import WeChatSide, message_xml
from tests.admin.conftest import OPERATOR, PASSWORD, ROOT, AdminBot, sender
from tests.widget.conftest import DESKTOP, PHONE, page_on
from tests.widget.widget import ask, open_demo

pytestmark = pytest.mark.slow
CHARTS = ("chart-messages", "chart-outcomes", "chart-latency", "chart-wechat", "chart-articles", "chart-topics")
XSS = '<img src=x onerror="alert(1)">诸城的学校开学了吗'
WECHAT_FALLBACK = "名峰合作社今天天气怎么样"  # weather: out of scope to the NLU, yet the KB finds the cooperative
CREDENTIALS = yaml.safe_load((ROOT / "credentials.yml").read_text(encoding="utf-8"))


@pytest.fixture
def desktop(browser: Browser):
    yield from page_on(browser, DESKTOP)


@pytest.fixture
def screenshots(tmp_path: Path) -> Path:
    return ROOT / os.environ["ADMIN_SCREENSHOTS"] if os.environ.get("ADMIN_SCREENSHOTS") else tmp_path


def http(url: str, data: bytes | None = None, headers: dict[str, str] | None = None) -> tuple[int, str, dict]:
    """(status, body, headers), redirects not followed."""
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.build_opener(NoRedirect).open(request, timeout=30) as answer:
            return answer.status, answer.read().decode(), dict(answer.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), dict(error.headers)


def rest(bot: AdminBot, question: str) -> str:
    body = json.dumps({"sender": sender(), "message": question}).encode()
    status, text, _ = http(f"{bot.base_url}/webhooks/rest/webhook", body, {"Content-Type": "application/json"})
    assert status == 200, text
    return " ".join(message.get("text", "") for message in json.loads(text))


def wechat(bot: AdminBot, user: str, *texts: str) -> list[str]:
    """The passive replies to `texts`, sent one after the other as WeChat would (safe mode)."""
    side = WeChatSide(f"{bot.base_url}/webhooks/wechat/webhook",
                      load_settings(OFFICIAL_ACCOUNT, CREDENTIALS["channels.wechat.WeChatInput"]))

    async def talk() -> list[str]:
        async with aiohttp.ClientSession() as session:
            return [(await side.post(session, message_xml(from_user=user, Content=text))).content for text in texts]

    with ThreadPoolExecutor(1) as thread:  # Playwright's sync API holds this thread's event loop
        return thread.submit(asyncio.run, talk()).result()


def log_in(page: Page, bot: AdminBot, name: str = OPERATOR, password: str = PASSWORD) -> None:
    page.goto(f"{bot.base_url}/admin")
    expect(page).to_have_url(f"{bot.base_url}/admin/login")
    page.get_by_label("用户名").fill(name)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()


def chart_totals(page: Page) -> dict[str, float]:
    """Each chart's sum, once the page's deferred scripts have drawn them all (a page just navigated to may not have
    run them yet)."""
    page.wait_for_function("ids => window.Chart && ids.every(id => Chart.getChart(document.getElementById(id)))",
                           arg=list(CHARTS))
    return page.evaluate("""ids => Object.fromEntries(ids.map(id => [id, Chart.getChart(document.getElementById(id))
        .data.datasets.flatMap(d => d.data).reduce((sum, v) => sum + (v || 0), 0)]))""", list(CHARTS))


def test_without_a_session_the_page_its_data_and_its_exports_are_closed(admin_bot: AdminBot):
    base = admin_bot.base_url
    for path in ("/admin", "/admin/export/feedback.csv", "/admin/export/unanswered.csv"):
        status, _, headers = http(base + path)
        assert (status, headers.get("Location")) == (303, "/admin/login"), path
    status, body, _ = http(base + "/admin/api/summary")
    assert status == 401 and json.loads(body)["error"] == "not_signed_in"
    status, _, headers = http(base + "/admin/api/summary", headers={"Cookie": "fugong_admin=forged-token"})
    assert status == 401
    form = f"name={OPERATOR}&password={PASSWORD}".encode()  # the right password, without the form's CSRF token
    status, body, headers = http(base + "/admin/login", form, {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 403 and "fugong_admin=" not in headers.get("Set-Cookie", "").replace("fugong_admin_login", "")


def test_conversations_on_every_channel_show_in_each_chart_and_votes_in_the_feedback(
        admin_bot: AdminBot, desktop: Page, browser: Browser, screenshots: Path):
    for question in ("热线电话有哪些", "明天天气怎么样", NEW_QUESTION, XSS):
        rest(admin_bot, question)

    open_demo(desktop, admin_bot.base_url)
    train = ask(desktop, "齐鲁号班列一个月发几趟")
    train.get_by_role("button", name="有帮助").click()
    expect(train.get_by_role("button", name="有帮助")).to_have_attribute("aria-pressed", "true")
    hotline = ask(desktop, "金融运行的热线电话是多少")
    hotline.get_by_role("button", name="没帮助").press("Enter")  # reachable by keyboard
    expect(hotline.get_by_role("status")).to_have_text("谢谢您的评价")
    hotline.get_by_role("button", name="有帮助").click()  # changed: still one vote on this answer
    expect(hotline.get_by_role("button", name="没帮助")).to_have_attribute("aria-pressed", "false")
    desktop.reload()
    expect(desktop.locator(".fugong-widget .vote button[aria-pressed=true]")).to_have_count(2)

    user = sender()
    answer, thanks = wechat(admin_bot, user, WECHAT_FALLBACK, "2")
    assert answer.endswith(VOTE_PROMPT) and thanks == VOTE_THANKS[False]

    log_in(desktop, admin_bot)
    expect(desktop).to_have_url(f"{admin_bot.base_url}/admin")
    turns = 7  # 4 on REST, 2 in the widget, 1 on WeChat (the vote "2" is not a turn)
    for _ in range(20):  # the hourly counts are written every second: reload until they are in
        totals = chart_totals(desktop)
        if totals["chart-wechat"] and totals["chart-messages"] >= turns:
            break
        desktop.wait_for_timeout(500)
        desktop.reload()
    assert all(totals[chart] > 0 for chart in CHARTS), totals
    assert totals["chart-messages"] == turns, totals
    assert totals["chart-articles"] == totals["chart-topics"] == 3  # two widget votes (one changed), one WeChat

    feedback = desktop.locator("#feedback")
    expect(feedback).to_contain_text("3 次评价：有帮助 2，没帮助 1")
    worst = feedback.get_by_role("row").filter(has_text=WECHAT_FALLBACK)
    expect(worst).to_contain_text("微信公众号")
    still = desktop.get_by_role("list", name=re.compile("仍未回答"))
    expect(still).to_contain_text(NEW_QUESTION)
    expect(still).to_contain_text(XSS)  # shown as the text it is
    expect(desktop.locator("main img")).to_have_count(0)
    assert user not in desktop.content() and user[2:12] not in desktop.content()  # no OpenID, not even a part

    with desktop.expect_download() as download:
        feedback.get_by_role("link", name="导出 CSV").click()
    exported = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert f"wechat,down,{WECHAT_FALLBACK}" in exported and exported.count("widget,up,") == 2
    with desktop.expect_download() as download:
        desktop.locator("#unanswered").get_by_role("link", name="导出 CSV").click()
    assert NEW_QUESTION in Path(download.value.path()).read_text(encoding="utf-8-sig")

    desktop.screenshot(path=screenshots / "admin-desktop.png", full_page=True)
    device: dict[str, Any] = PHONE
    phone = browser.new_context(locale="zh-CN", **device)
    phone.add_cookies([{"name": c["name"], "value": c["value"], "url": admin_bot.base_url}
                       for c in desktop.context.cookies()])
    page = phone.new_page()
    page.goto(f"{admin_bot.base_url}/admin")
    expect(page.locator("#chart-messages")).to_be_visible()
    page.screenshot(path=screenshots / "admin-phone.png", full_page=True, clip={"x": 0, "y": 0, "width": 375,
                                                                                "height": 1100})
    phone.close()


def test_csrf_is_needed_to_log_out_and_logging_out_ends_the_session(admin_bot: AdminBot, desktop: Page):
    log_in(desktop, admin_bot)
    expect(desktop.get_by_role("button", name="退出登录")).to_be_visible()
    forged = desktop.request.post(f"{admin_bot.base_url}/admin/logout", form={"x": "1"}, max_redirects=0)
    assert forged.status == 403
    cookie = next(c for c in desktop.context.cookies() if c["name"] == "fugong_admin")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict" and cookie["path"] == "/admin"
    desktop.get_by_role("button", name="退出登录").click()
    expect(desktop).to_have_url(f"{admin_bot.base_url}/admin/login")
    status, _, _ = http(f"{admin_bot.base_url}/admin/api/summary",
                        headers={"Cookie": f"fugong_admin={cookie['value']}"})
    assert status == 401  # the old cookie no longer opens anything


def test_five_wrong_passwords_lock_the_account(admin_bot: AdminBot, desktop: Page):
    added = subprocess.run([sys.executable, "-m", "kb", "--db", admin_bot.url, "admin", "add-user", "li.si"],
                           input="另一个足够长的登录密码\n", capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert added.returncode == 0, added.stderr
    for attempt in range(1, 6):
        log_in(desktop, admin_bot, "li.si", f"wrong-{attempt}")
        expect(desktop.get_by_role("alert")).to_contain_text("已锁定" if attempt == 5 else "用户名或密码不对")
    log_in(desktop, admin_bot, "li.si", "另一个足够长的登录密码")
    expect(desktop.get_by_role("alert")).to_contain_text("已锁定")
    expect(desktop).to_have_url(f"{admin_bot.base_url}/admin/login")


def test_an_unanswered_group_moves_to_answered_after_the_article_is_added_and_the_kb_rebuilt(
        admin_bot: AdminBot, desktop: Page):
    rest(admin_bot, NEW_QUESTION)  # not in the seed page
    log_in(desktop, admin_bot)
    expect(desktop.get_by_role("list", name=re.compile("仍未回答"))).to_contain_text(NEW_QUESTION)

    (admin_bot.articles / "2020-03-zhucheng-schools.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    assert re.search(r"answers [1-9]\d* of \d+ wording", admin_bot.rebuild())
    desktop.reload()
    expect(desktop.get_by_role("list", name=re.compile("仍未回答"))).not_to_contain_text(NEW_QUESTION)
    group = desktop.get_by_role("list", name=re.compile("现在已能回答")).get_by_role("listitem").filter(
        has_text=NEW_QUESTION)
    group.get_by_text("现在哪篇文章能回答？").click()
    expect(group.locator("details")).to_contain_text(f"《{NEW_TITLE}》")
    for _ in range(20):  # the bot answers it too, without a restart: once it has reloaded (a question wakes it)
        if "1600桶" in rest(admin_bot, NEW_QUESTION):
            break
        desktop.wait_for_timeout(500)
    else:
        pytest.fail("the running bot did not answer from the rebuilt knowledge base")
