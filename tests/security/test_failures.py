"""Honest failures against the real bot as `make run` serves it (tools/serve.py and its supervisor).

A killed action server or an unwritable tracker store gets users an apology with the general hotline on REST (status
503), in the web widget and on WeChat, never silence; readiness turns red and /metrics counts it; the supervisor
starts the action server again and the bot answers within 10 s of that; SIGTERM stops everything.
"""
from __future__ import annotations

import asyncio
import itertools
import json
import re
import signal
import sqlite3
import subprocess
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import aiohttp
import psutil
import pytest
import requests
from playwright.sync_api import Page, expect, sync_playwright

from channels.wechat.settings import OFFICIAL_ACCOUNT
from testkit.wechat_side import message_xml
from tests.security.served import Served
from tests.wechat.test_real_bot import wechat_side
from tests.widget.conftest import CHROMIUM, CHROMIUM_ARGS, PHONE, page_on
from tests.widget.widget import ask, open_demo
from tools.ports import free_port
from tools.servers import BotServers

GENERAL_HOTLINE = "0536-8090761"  # 综合协调, in the article about the hotlines
APOLOGY = re.compile(rf"^抱歉，系统暂时出了点问题.*综合协调热线 {GENERAL_HOTLINE}。$")


@pytest.fixture(scope="module")
def phone():
    """A phone-sized page in Debian's Chromium. Module-scoped: Playwright's event loop must not outlive this
    module, or later tests could not run their own."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test-deps` (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield from page_on(browser, PHONE)
        browser.close()


def rest(bot: Served | BotServers, text: str, sender: str) -> requests.Response:
    return requests.post(f"{bot.base_url}/webhooks/rest/webhook", json={"sender": sender, "message": text}, timeout=30)


def text_of(response: requests.Response) -> str:
    return "\n".join(message.get("text", "") for message in response.json())


def readiness(bot: Served | BotServers) -> tuple[int, dict[str, Any]]:
    response = requests.get(f"{bot.base_url}/health/ready", timeout=10)
    return response.status_code, response.json()


def metric(bot: Served | BotServers, name: str, **labels: str) -> float:
    """One sample of /metrics (0 when absent)."""
    wanted = "{" + ",".join(f'{key}="{value}"' for key, value in sorted(labels.items())) + "}" if labels else ""
    for line in requests.get(f"{bot.base_url}/metrics", timeout=10).text.splitlines():
        sample, _, value = line.rpartition(" ")
        if sample == name + wanted:
            return float(value)
    return 0.0


def ask_on_wechat(bot: Served, text: str) -> str:
    side = wechat_side(bot, OFFICIAL_ACCOUNT, "channels.wechat.WeChatInput")

    async def post() -> str:
        async with aiohttp.ClientSession() as session:
            reply = await side.post(session, message_xml(from_user=f"o_{uuid.uuid4().hex[:12]}", Content=text))
        assert reply.status == 200
        return reply.content

    with ThreadPoolExecutor(1) as thread:  # out of the Playwright page's event loop
        return thread.submit(asyncio.run, post()).result()


def test_live_and_ready_when_all_is_well(served):
    assert requests.get(f"{served.base_url}/health/live", timeout=10).json() == {"status": "alive"}
    status, body = readiness(served)
    assert (status, body["ready"]) == (200, True)
    assert body["checks"] == dict.fromkeys(("model", "warm_up", "action_server", "tracker_store", "lock_store"), "ok")
    answer = rest(served, "齐鲁号班列一个月发几趟", uuid.uuid4().hex)
    assert answer.status_code == 200 and "15至20列" in text_of(answer)
    assert metric(served, "fugong_messages_total", channel="rest", outcome="answered") >= 1
    assert metric(served, "fugong_turn_seconds_count", channel="rest") >= 1


def test_both_servers_listen_on_loopback_only(served):
    addresses = {conn.laddr.ip for name in ("rasa_speedups", "rasa_sdk")
                 for conn in served.server(name).net_connections(kind="inet") if conn.status == psutil.CONN_LISTEN}
    assert addresses == {"127.0.0.1"}


def test_a_killed_action_server_gets_an_apology_then_answers_again_after_the_restart(served, phone: Page):
    open_demo(phone, served.base_url)
    failed_before = metric(served, "fugong_failures_total", component="action_server")
    killed_at = time.monotonic()
    served.server("rasa_sdk").kill()  # the supervisor starts it again after 1 s: it takes 3 s or more to answer

    in_widget = ask(phone, "齐鲁号班列一个月发几趟")
    expect(in_widget).to_contain_text("抱歉，系统暂时出了点问题")
    expect(in_widget).to_contain_text(GENERAL_HOTLINE)
    expect(phone.get_by_role("alert")).to_be_hidden()  # an answer, not "连接中断，重试"
    answer = rest(served, "齐鲁号班列一个月发几趟", uuid.uuid4().hex)
    assert answer.status_code == 503
    assert len(answer.json()) == 1
    assert APOLOGY.match(text_of(answer)), text_of(answer)
    assert APOLOGY.match(ask_on_wechat(served, "齐鲁号班列一个月发几趟"))
    status, body = readiness(served)
    assert status == 503 and body["checks"]["action_server"].startswith("failing for")
    assert metric(served, "fugong_messages_total", channel="rest", outcome="error") >= 1
    assert metric(served, "fugong_messages_total", channel="widget", outcome="error") >= 1
    assert metric(served, "fugong_messages_total", channel="wechat", outcome="error") >= 1
    assert metric(served, "fugong_failures_total", component="action_server") >= failed_before + 3

    served.wait_for_line("the action server stopped .*starting it again in 1 s", timeout=10, after=killed_at)
    restarted_at = served.wait_for_line("the action server started again", timeout=10, after=killed_at)
    while True:
        answer = rest(served, "齐鲁号班列一个月发几趟", uuid.uuid4().hex)
        if answer.status_code == 200:
            break
        assert time.monotonic() - restarted_at < 10, "no answer 10 s after the action server was started again"
        time.sleep(0.25)
    assert time.monotonic() - restarted_at < 10
    assert "15至20列" in text_of(answer)
    assert readiness(served)[0] == 200


@pytest.fixture
def make_immutable(served, tmp_path):
    """make_immutable(True) makes the SQLite tracker database and its write-ahead log unwritable, even for root
    (chattr +i), make_immutable(False) undoes it."""
    files = [str(served.tracker_db), f"{served.tracker_db}-wal"]

    def chattr(immutable: bool, paths: list[str] = files) -> None:
        subprocess.run(["chattr", "+i" if immutable else "-i", *paths], check=True, capture_output=True)

    probe = tmp_path / "probe"
    probe.touch()
    try:
        chattr(True, [str(probe)])
        chattr(False, [str(probe)])
    except (OSError, subprocess.CalledProcessError) as error:
        pytest.skip(f"files cannot be made immutable here (chattr: {error})")
    yield chattr
    chattr(False)


def stored_user_messages(bot: Served, sender: str) -> list[str]:
    with sqlite3.connect(bot.tracker_db) as db:
        rows = db.execute("select data from events where type_name = 'user' and sender_id like ? order by id",
                          (f"%{sender}",)).fetchall()
    return [json.loads(data)["text"] for data, in rows]


def test_an_unwritable_tracker_store_turns_readiness_red_and_gets_an_apology(served, make_immutable):
    sender = uuid.uuid4().hex
    assert "0536-8097077" in text_of(rest(served, "复工热线电话有哪些", sender))
    started = time.monotonic()
    failed_before = metric(served, "fugong_failures_total", component="tracker_store")
    make_immutable(True)

    status, body = readiness(served)
    assert status == 503 and body["checks"]["tracker_store"].startswith("failing for")
    for question in ("齐鲁号班列一个月发几趟", "网上招聘会在哪个平台"):
        answer = rest(served, question, sender)
        assert answer.status_code == 503 and APOLOGY.match(text_of(answer)), text_of(answer)
    assert metric(served, "fugong_failures_total", component="tracker_store") == failed_before + 2
    assert metric(served, "fugong_failing", component="tracker_store") == 1
    assert metric(served, "fugong_messages_total", channel="rest", outcome="error") >= 1
    assert metric(served, "fugong_messages_total", channel="widget", outcome="error") >= 1
    assert served.count_lines("tracker_store is failing") == 1  # once per episode, not once per failure

    make_immutable(False)
    assert readiness(served)[0] == 200
    served.wait_for_line("tracker_store works again after 2 failed call", timeout=5, after=started)
    assert metric(served, "fugong_failing", component="tracker_store") == 0
    # Nothing was kept in memory instead: the conversation goes on from what was stored.
    assert text_of(rest(served, "金融的呢？", sender)).startswith("金融运行热线：0536-8090465")
    assert stored_user_messages(served, sender) == ["复工热线电话有哪些", "金融的呢？"]


def test_sigterm_stops_both_servers(served):
    children = psutil.Process(served.process.pid).children(recursive=True)
    assert len(children) == 2
    served.process.send_signal(signal.SIGTERM)
    assert served.process.wait(timeout=60) == 0
    gone, alive = psutil.wait_procs(children, timeout=30)
    assert alive == []


class FakeProcess:
    pid = 4242

    def __init__(self, returncode: int | None):
        self.returncode = returncode

    def poll(self) -> int | None:
        return self.returncode


class CrashingServers:
    """The supervisor's view of BotServers: an action server that exits as soon as it starts (`exit_code`)."""

    def __init__(self):
        self.exit_code: int | None = 1
        self.named_processes = {"actions": FakeProcess(self.exit_code)}

    def restart(self, name: str) -> FakeProcess:
        self.named_processes[name] = FakeProcess(self.exit_code)
        return self.named_processes[name]

    def health_url(self, name: str) -> str:
        return f"http://127.0.0.1:{free_port()}/health"  # nothing listens: it does not answer yet


def test_the_supervisor_backs_off_1_2_4_up_to_30_s_and_starts_over_after_a_stable_run():
    from tools.supervisor import Supervisor

    now, lines, servers = [0.0], list[str](), CrashingServers()
    supervisor = Supervisor(servers, log=lines.append, clock=lambda: now[0])
    while now[0] < 200:
        supervisor.check()
        now[0] += 0.5
    delays = [int(m.group(1)) for m in (re.search(r"starting it again in (\d+) s$", line) for line in lines) if m]
    assert delays[:7] == [1, 2, 4, 8, 16, 30, 30]
    restarts = [at for _, at in supervisor.restarts]
    assert [round(b - a) for a, b in itertools.pairwise(restarts)][:5] == [2, 4, 8, 16, 30]
    assert all(line.startswith("the action server ") for line in lines)

    servers.exit_code = None  # the next start stays up…
    now[0] += 30
    supervisor.check()
    assert lines[-1].startswith("the action server started again")
    now[0] += 61
    supervisor.check()
    servers.named_processes["actions"].returncode = -9  # …for a minute, then is killed: 1 s again
    supervisor.check()
    assert lines[-1] == "the action server stopped (exit code -9) after 61 s; starting it again in 1 s"
