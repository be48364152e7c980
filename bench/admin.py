"""The operations page beside the chat: REST latency (1 client) with /admin open and refreshing every 5 s, against
the same bot without it; what a page view costs; and how many answers carry WeChat's vote prompt.

The page's database is filled first as after a month of use (30 days of hourly counts, 1 500 unanswered questions,
300 votes), so each refresh groups the questions by wording and draws every chart, as in production. Phases without
and with the page alternate (two rounds) on one bot, so drift on a shared machine hits both. The prompt share is
the held-out set's turns answered from the search fallback (each case one conversation). Only 127.0.0.1 is asked.
Writes reports/admin.md and .json.

    python -m bench.admin
"""
from __future__ import annotations

import argparse
import random
import re
import tempfile
import threading
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

import requests

from kb import activity, feedback, operators
from kb.build import build
from kb.settings import ARTICLES_DIR
from kb.unanswered import NOT_FOUND, OUT_OF_SCOPE, UnansweredLog
from testkit.bot import BENCH_LOGS, bot_on_free_ports
from tools import ROOT

from .heldout import load_cases
from .load import latency_summary, percentile, run_load
from .output import write_report

PHASE = dict(clients=1, messages=5000, seconds=30)  # 30 s: six refreshes of the page in each "open" phase
REFRESH_S = 5.0
ROUNDS = 2
OPERATOR, PASSWORD = "bench", "bench-password-2020"
PLACES = "潍坊 青州 寿光 诸城 高密 昌邑 临朐 安丘 昌乐 坊子 寒亭 奎文 潍城 峡山".split()
ASKED = ("的学校什么时候开学", "的公园开放了吗", "最近有没有招聘会", "哪里能买到口罩", "企业复工要办什么手续",
         "的公交恢复了吗", "的医院能正常挂号吗", "的电影院开门了没有", "外地回来要隔离几天", "的菜市场几点开门",
         "的快递能送上门吗")


def fill(url: str, days: int = 30, questions: int = 1500, votes: int = 300) -> None:
    """A month of use: hourly counts of 4 channels, unanswered questions and votes (our own wording)."""
    rng = random.Random(2020)
    now = activity.hour_of(datetime.now(timezone.utc).replace(tzinfo=None))
    counts: dict[activity.CountKey, int] = {}
    bounds = ("0.025", "0.05", "0.1", "0.25", "0.5", "1.0", "2.5", "5.0", "10.0", "30.0", "60.0", "+Inf")
    for hour in (now - timedelta(hours=h) for h in range(days * 24)):
        for channel in ("rest", "widget", "wechat", "wecom"):
            n = rng.randint(0, 40)
            for outcome, share in (("answered", .8), ("fallback", .06), ("not_found", .08), ("out_of_scope", .06)):
                counts[(hour, activity.MESSAGES, channel, outcome)] = round(n * share)
            for i, bound in enumerate(bounds):
                counts[(hour, activity.LATENCY, channel, bound)] = round(n * min(1.0, 0.1 + i * 0.3))
            if channel == "wechat":
                counts[(hour, activity.WECHAT, channel, "passive")] = n
    activity.add_counts(url, counts)
    log = UnansweredLog(url, max_pending=questions)
    for _ in range(questions):
        question = f"{'请问' if rng.random() < .3 else ''}{rng.choice(PLACES)}{rng.choice(ASKED)}{rng.choice('？?。 ')}"
        log.record(question, rng.choice((NOT_FOUND, OUT_OF_SCOPE)), reply="抱歉",
                   channel=rng.choice(("widget", "wechat")))
    log.flush(60)
    for i in range(votes):
        feedback.record_vote(url, conversation=f"widget:{i}", answer_id=f"{i:016x}", channel="widget",
                             helpful=rng.random() < .7, question=f"{rng.choice(PLACES)}{rng.choice(ASKED)}",
                             article=rng.choice(("热线电话开通", "齐鲁号班列", "网上菜篮子超市", "重点项目开工")))


def log_in(base_url: str) -> requests.Session:
    session = requests.Session()
    form = session.get(f"{base_url}/admin/login", timeout=30).text
    token = re.search(r'name="csrf_token" value="([^"]+)"', form)
    assert token, "no CSRF token on the login page"
    answer = session.post(f"{base_url}/admin/login", data={"csrf_token": token[1], "name": OPERATOR,
                                                           "password": PASSWORD}, allow_redirects=False, timeout=30)
    answer.raise_for_status()
    return session


class PageRefresher(threading.Thread):
    """An operator with /admin open: the page and its data every REFRESH_S seconds, 7 days shown."""

    def __init__(self, base_url: str) -> None:
        super().__init__(daemon=True)
        self.session, self.base_url = log_in(base_url), base_url
        self.stopped = threading.Event()
        self.seconds: list[float] = []
        self.failures = 0

    def run(self) -> None:
        while not self.stopped.is_set():
            for path in ("/admin?range=7d", "/admin/api/summary?range=7d"):
                started = time.perf_counter()
                answer = self.session.get(self.base_url + path, timeout=60)
                if answer.status_code == 200:
                    self.seconds.append(time.perf_counter() - started)
                else:
                    self.failures += 1
            self.stopped.wait(REFRESH_S)


def prompt_share(base_url: str) -> dict:
    """The held-out turns' outcomes (from /metrics): how many answers WeChat would ask a vote about."""
    def outcomes() -> dict[str, float]:
        text = requests.get(f"{base_url}/metrics", timeout=30).text
        return {m[0]: float(m[1]) for m in re.findall(r'fugong_messages_total\{channel="rest",outcome="(\w+)"\} (\S+)',
                                                     text)}

    before = outcomes()
    for case in load_cases():
        sender = f"prompt-{uuid.uuid4().hex[:12]}"
        for turn in case["turns"]:
            requests.post(f"{base_url}/webhooks/rest/webhook", json={"sender": sender, "message": turn["text"]},
                          timeout=60).raise_for_status()
    counted = {outcome: int(n - before.get(outcome, 0)) for outcome, n in outcomes().items()}
    answered = counted.get("answered", 0) + counted.get("fallback", 0)
    return {"turns": sum(counted.values()), "outcomes": counted,
            "fallback_of_answers": round(counted.get("fallback", 0) / answered, 3) if answered else None}


def run(model: Path, endpoints: Path) -> dict:
    conversations = [[turn["text"] for turn in case["turns"]] for case in load_cases()]
    with tempfile.TemporaryDirectory(prefix="fugong-bench-admin-") as scratch:
        url = f"sqlite:///{scratch}/kb.sqlite"
        build(ARTICLES_DIR, url)
        fill(url)
        operators.add_operator(url, OPERATOR, PASSWORD)
        servers = bot_on_free_ports(BENCH_LOGS, model=model, endpoints=endpoints,
                                    tracker_db=Path(scratch) / "tracker.db", env={"KB_DATABASE_URL": url})
        with servers:
            base = servers.base_url
            prompt = prompt_share(base)
            run_load(base, conversations, clients=1, messages=30, seconds=20)  # warm-up
            log_in(base).get(f"{base}/admin?range=7d", timeout=120).raise_for_status()  # the worker process starts
            phases: list[dict] = []
            for round_ in range(1, ROUNDS + 1):
                for page_open in (False, True):
                    refresher = PageRefresher(base) if page_open else None
                    if refresher:
                        refresher.start()
                    load = run_load(base, conversations, **PHASE)
                    if refresher:
                        refresher.stopped.set()
                        refresher.join()
                    phases.append({"round": round_, "page_open": page_open, **load.summary(),
                                   "latencies": load.latencies,
                                   "page_ms": [round(s * 1000, 1) for s in refresher.seconds] if refresher else [],
                                   "page_failures": refresher.failures if refresher else 0})
    return summarize(phases, prompt)


def summarize(phases: list[dict], prompt: dict) -> dict:
    def pooled(page_open: bool) -> dict:
        chosen = [p for p in phases if p["page_open"] is page_open]
        return {**latency_summary([s for p in chosen for s in p["latencies"]]),
                "messages": sum(p["messages"] for p in chosen), "errors": sum(p["errors"] for p in chosen)}

    closed, opened = pooled(False), pooled(True)
    page_ms = [ms for p in phases for ms in p["page_ms"]]
    rounds_closed = [p["p50_ms"] for p in phases if not p["page_open"]]
    return {
        "started": time.strftime("%Y-%m-%d %H:%M"), "refresh_s": REFRESH_S, "phases": [
            {key: value for key, value in p.items() if key != "latencies"} for p in phases],
        "without_page": closed, "with_page": opened,
        "p50_change_ms": round(opened["p50_ms"] - closed["p50_ms"], 1),
        "noise_ms": round(max(rounds_closed) - min(rounds_closed), 1),  # the same phase twice
        "page": {"views": len(page_ms), "p50_ms": round(percentile(page_ms, 50), 1) if page_ms else None,
                 "max_ms": max(page_ms) if page_ms else None,
                 "failures": sum(p["page_failures"] for p in phases)},
        "wechat_vote_prompt": prompt,
    }


def markdown(result: dict) -> str:
    closed, opened, page, prompt = (result["without_page"], result["with_page"], result["page"],
                                    result["wechat_vote_prompt"])
    rows = "\n".join(f"| {p['round']} | {'open' if p['page_open'] else 'closed'} | {p['messages']} | {p['p50_ms']} | "
                     f"{p['p95_ms']} | {p['errors']} |" for p in result["phases"])
    return f"""# The operations page beside the chat

`python -m bench.admin` ({result['started']}): REST, 1 client, held-out conversations; /admin (7 days shown) and
its JSON fetched every {result['refresh_s']:.0f} s by a logged-in operator in the "open" phases; the database
filled as after a month (30 days of hourly counts, 1 500 unanswered questions, 300 votes).

| | messages | p50 ms | p95 ms | p99 ms | errors |
|---|---|---|---|---|---|
{_row("page closed", closed)}
{_row("page open, refreshing", opened)}

p50 change with the page open: **{result['p50_change_ms']:+.1f} ms**; the two closed phases differ by
{result['noise_ms']} ms (noise). Page views: {page['views']}, p50 {page['p50_ms']} ms, max {page['max_ms']} ms,
{page['failures']} failed.

| round | page | messages | p50 ms | p95 ms | errors |
|---|---|---|---|---|---|
{rows}

WeChat's vote prompt (only under answers from the search fallback): {prompt['outcomes'].get('fallback', 0)} of
{prompt['outcomes'].get('answered', 0) + prompt['outcomes'].get('fallback', 0)} answers on the held-out set
({(prompt['fallback_of_answers'] or 0):.1%}); outcomes of its {prompt['turns']} turns: {prompt['outcomes']}.
"""


def _row(name: str, pooled: dict) -> str:
    return " | ".join(["", name, *(str(pooled[key]) for key in ("messages", "p50_ms", "p95_ms", "p99_ms", "errors")),
                       ""]).strip()


def write(result: dict, out: Path) -> None:
    write_report(out, "admin", result, markdown(result))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=ROOT / "models" / "current.tar.gz")
    parser.add_argument("--endpoints", type=Path, default=ROOT / "endpoints.yml")
    parser.add_argument("--out", type=Path, default=ROOT / "reports")
    args = parser.parse_args()
    result = run(args.model, args.endpoints)
    write(result, args.out)
    print(markdown(result), flush=True)


if __name__ == "__main__":
    main()
