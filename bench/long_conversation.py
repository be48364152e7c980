"""What a conversation's 1st, 100th, 200th and 500th turn cost the real bot (REST, one client at a time).

A turn's cost is the CPU time the bot's two processes (Rasa and the action server) spend on it, averaged over
the ten turns up to it (the same ten questions each time), so other load on the machine hardly counts; the
wall-clock median of those turns is reported beside it. "First" is the first turn of ten new conversations.
Writes reports/long_conversation.md and .json.

    python -m bench.long_conversation                  # starts its own bot on free ports
    python -m bench.long_conversation --url http://127.0.0.1:5005 --pids 1234,1235
"""
from __future__ import annotations

import argparse
import statistics
import time
import uuid
from pathlib import Path

import requests

from tools import ROOT

from .output import write_report
from .watch import cpu_seconds

QUESTIONS = ("金融运行的热线是多少？", "贷款困难找谁", "齐鲁号班列一个月发几趟？", "那是什么时候开始的？", "你好",
             "网上菜篮子超市怎么买菜", "还有呢", "谢谢", "外贸企业有问题打哪个电话", "今天天气怎么样")
CHECKPOINTS = (10, 100, 200, 500)  # turn numbers; each measured over the len(QUESTIONS) turns up to it
GOAL_RATIO = 2.0  # the 500th turn costs at most twice the first
# CPU ms per turn of this run with Rasa's whole session every turn (SessionCachingSQLTrackerStore), 2026-12-01 12:25.
BEFORE = {"first": 26.0, "10": 28.0, "100": 114.0, "200": 194.0, "500": 557.0}


def _turns(session: requests.Session, url: str, senders: list[str], pids: list[int]) -> dict:
    """One turn for each (sender, question): CPU per turn (ms) and the wall-clock median (ms)."""
    walls = []
    cpu = cpu_seconds(pids)
    for sender, question in zip(senders, QUESTIONS, strict=True):
        started = time.perf_counter()
        response = session.post(url, json={"sender": sender, "message": question}, timeout=60)
        response.raise_for_status()
        walls.append(time.perf_counter() - started)
    cpu = cpu_seconds(pids) - cpu
    return {"cpu_ms": round(cpu / len(walls) * 1000, 1), "wall_p50_ms": round(statistics.median(walls) * 1000, 1)}


def measure(base_url: str, pids: list[int]) -> dict:
    if not base_url.startswith("http://127.0.0.1:"):
        raise ValueError(f"benchmarks stay on 127.0.0.1, not {base_url}")
    url = f"{base_url}/webhooks/rest/webhook"
    with requests.Session() as session:
        _turns(session, url, [f"long-warm-{uuid.uuid4().hex[:8]}"] * len(QUESTIONS), pids)
        first = _turns(session, url, [f"long-first-{n}-{uuid.uuid4().hex[:8]}" for n in range(len(QUESTIONS))], pids)
        sender = [f"long-{uuid.uuid4().hex[:8]}"] * len(QUESTIONS)
        turns, done = {}, 0
        for checkpoint in CHECKPOINTS:
            while done + len(QUESTIONS) < checkpoint:  # the turns in between, unmeasured
                _turns(session, url, sender, [])
                done += len(QUESTIONS)
            turns[str(checkpoint)] = _turns(session, url, sender, pids)
            done += len(QUESTIONS)
    last = turns[str(CHECKPOINTS[-1])]["cpu_ms"]
    return {"first": first, "turns": turns, "ratio_last_to_first": round(last / first["cpu_ms"], 2),
            "ratio_last_to_10": round(last / turns[str(CHECKPOINTS[0])]["cpu_ms"], 2)}


def markdown(result: dict) -> str:
    rows = [f"| 1st (new conversations) | {result['first']['cpu_ms']} | {result['first']['wall_p50_ms']} | "
            f"{BEFORE['first']} |"]
    rows += [f"| {n}th (turns {int(n) - len(QUESTIONS) + 1}–{n}) | {t['cpu_ms']} | {t['wall_p50_ms']} | "
             f"{BEFORE.get(n, '—')} |" for n, t in result["turns"].items()]
    met = result["ratio_last_to_first"] <= GOAL_RATIO and result["ratio_last_to_10"] <= GOAL_RATIO
    return "\n".join([
        "# Cost of a turn as a conversation grows",
        "",
        f"{result['started']}, endpoints `{result['endpoints']}`. One REST client; CPU of Rasa and the action "
        "server per turn, averaged over ten turns with the same ten questions. Command: "
        "`python -m bench.long_conversation` (also run by `python -m bench`).",
        "",
        "| turn | CPU per turn (ms) | wall p50 (ms) | CPU before: the whole session every turn (ms) |",
        "|---|---|---|---|",
        *rows,
        "",
        f"Turn {CHECKPOINTS[-1]} / turn 1: **{result['ratio_last_to_first']}×**; / turns 1–10: "
        f"**{result['ratio_last_to_10']}×** (goal ≤ {GOAL_RATIO}×: {'met' if met else 'not met'}); before: "
        f"{BEFORE['500'] / BEFORE['first']:.1f}×.",
        "",
    ])


def write(result: dict, out: Path) -> None:
    write_report(out, "long_conversation", result, markdown(result))


def run(model: Path, endpoints: Path) -> dict:
    """Starts the bot on free ports and measures it."""
    from testkit.bot import BENCH_LOGS, bot_on_free_ports

    with bot_on_free_ports(BENCH_LOGS, model=model, endpoints=endpoints) as servers:
        result = measure(servers.base_url, [p.pid for p in servers.processes])
    return {"started": time.strftime("%Y-%m-%d %H:%M"), "endpoints": endpoints.name, **result}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="base URL of a running bot (default: start one on free ports)")
    parser.add_argument("--pids", default="", help="with --url: the bot's process ids, comma-separated")
    parser.add_argument("--model", type=Path, default=ROOT / "models" / "current.tar.gz")
    parser.add_argument("--endpoints", type=Path, default=ROOT / "endpoints.yml")
    parser.add_argument("--out", type=Path, default=ROOT / "reports")
    args = parser.parse_args()
    if args.url:
        result = {"started": time.strftime("%Y-%m-%d %H:%M"), "endpoints": args.endpoints.name,
                  **measure(args.url, [int(pid) for pid in args.pids.split(",") if pid])}
    else:
        result = run(args.model, args.endpoints)
    write(result, args.out)
    print(markdown(result), flush=True)


if __name__ == "__main__":
    main()
