"""`python -m bench.reload`: what hot reload and the unanswered log cost (reports/reload.md).

Build time, KB load time, the time from a committed build to the holder answering from it (default check interval
and none), the cost of `current_kb()` per call and of the version query, how a background reload slows `ask` in
the serving thread, and the cost of `kb.unanswered.record`. SQLite, and PostgreSQL with --postgres.

    python -m bench.reload [--postgres] [--out reports/reload.md]
"""
from __future__ import annotations

import argparse
import gc
import multiprocessing
import statistics
import tempfile
import time
from datetime import datetime
from pathlib import Path

import psutil
from sqlalchemy import create_engine

from kb.build import build
from kb.knowledge_base import KnowledgeBase
from kb.live import LiveKnowledgeBase, latest_build_id
from kb.unanswered import NOT_FOUND, UnansweredLog
from testkit.articles import NEW_QUESTION, NEW_TITLE, articles_dir
from tools import ROOT

from .load import latency_summary
from .watch import machine_load

QUEUED = 500  # unanswered questions recorded in one burst (the queue holds 1000)
QUESTIONS = ("金融运行的热线是多少", "齐鲁号一个月发几趟", "网上菜篮子超市是什么模式", NEW_QUESTION)


def median_seconds(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def per_call_us(fn, calls: int) -> float:
    started = time.perf_counter()
    for _ in range(calls):
        fn()
    return (time.perf_counter() - started) / calls * 1e6


def check_starting_call_us(url: str, calls: int = 200) -> float:
    """A `current()` call that finds a check due (it wakes the checker thread); each check ends before the next."""
    live = LiveKnowledgeBase(url, check_seconds=0)
    live.current()
    total = 0.0
    for _ in range(calls):
        started = time.perf_counter()
        live.current()
        total += time.perf_counter() - started
        time.sleep(0.02)  # the check it started (no new build: one query) ends meanwhile
    live.close()
    return total / calls * 1e6


def knows_new(knowledge_base: KnowledgeBase) -> bool:
    return any(a.title == NEW_TITLE for a in knowledge_base.articles.values())


def swap_seconds(url: str, folders: tuple[Path, Path], check_seconds: float, runs: int) -> list[float]:
    """From a committed build to current() returning a KB with (or without) the new article, polled every 1 ms."""
    live = LiveKnowledgeBase(url, check_seconds=check_seconds)
    times = []
    for _ in range(runs):
        wanted = not knows_new(live.current())
        build(folders[wanted], url)
        started = time.perf_counter()
        while knows_new(live.current()) != wanted:
            time.sleep(0.001)
        times.append(time.perf_counter() - started)
    live.close()
    return times


def memory_mib(url: str, folders: tuple[Path, Path], swaps: int = 20) -> dict:
    """Resident memory of a fresh process (run it in one): one loaded KB, the peak while a second one loads, and
    the growth over `swaps` swaps."""
    process = psutil.Process()
    gc.collect()
    empty = process.memory_info().rss
    live = LiveKnowledgeBase(url, check_seconds=0)
    live.current()
    gc.collect()
    one = process.memory_info().rss
    peak = one
    for _ in range(swaps):
        loads = live.loads
        build(folders[not knows_new(live.current())], url)
        while live.loads == loads:
            live.current()
            peak = max(peak, process.memory_info().rss)
            time.sleep(0.005)
    gc.collect()
    after = process.memory_info().rss
    live.close()
    return {"one_kb": (one - empty) / 2**20, "peak_over_one": (peak - one) / 2**20, "growth": (after - one) / 2**20,
            "swaps": swaps}


def in_fresh_process(fn, *args):
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        return pool.apply(fn, args)


def ask_during_reload(url: str, folders: tuple[Path, Path]) -> dict:
    """`ask` latency in this thread while idle and while the holder loads a new build in the background."""
    live = LiveKnowledgeBase(url, check_seconds=0)
    live.current()

    def asks(seconds: float) -> list[float]:
        times, until = [], time.perf_counter() + seconds
        while time.perf_counter() < until:
            for question in QUESTIONS:
                started = time.perf_counter()
                live.current().ask(question)
                times.append(time.perf_counter() - started)
        return times

    idle = asks(2.0)
    loads_before = live.loads
    build(folders[not knows_new(live.current())], url)
    during = []
    while live.loads == loads_before:
        during += asks(0.05)
    live.close()
    return {"idle": latency_summary(idle), "during": latency_summary(during), "during_n": len(during)}


def measure(url: str, folders: tuple[Path, Path], runs: int) -> dict:
    build_s = median_seconds(lambda: build(folders[True], url), runs)
    load_s = median_seconds(lambda: KnowledgeBase.load(url), runs)
    engine = create_engine(url, future=True)
    check_us = per_call_us(lambda: latest_build_id(engine), 300)
    engine.dispose()
    live = LiveKnowledgeBase(url, check_seconds=3600)
    live.current()
    call_us = per_call_us(live.current, 200_000)
    live.close()
    log = UnansweredLog(url)
    record_us = per_call_us(lambda: log.record("诸城的学校什么时候开学", NOT_FOUND, "抱歉", "bench"), QUEUED)
    started = time.perf_counter()
    log.flush(60)
    write_s = time.perf_counter() - started
    return {"build_s": build_s, "load_s": load_s, "check_us": check_us, "current_us": call_us,
            "due_us": check_starting_call_us(url),
            "swap_default_s": swap_seconds(url, folders, 2.0, runs), "swap_now_s": swap_seconds(url, folders, 0, runs),
            "ask_ms": ask_during_reload(url, folders), "memory": in_fresh_process(memory_mib, url, folders),
            "record_us": record_us,
            "write_s": write_s, "record_failures": log.failures}


def table(name: str, m: dict) -> list[str]:
    def spread(values: list[float]) -> str:
        return f"median {statistics.median(values):.2f} s (min {min(values):.2f}, max {max(values):.2f})"

    ask, memory = m["ask_ms"], m["memory"]
    return [
        f"### {name}", "",
        "| measure | value |", "|---|---|",
        f"| `python -m kb build` (seed page + 1 article), median | {m['build_s']:.2f} s |",
        f"| `KnowledgeBase.load`, median | {m['load_s']:.2f} s |",
        f"| build committed → `current()` answers from it, `KB_RELOAD_SECONDS=2` | {spread(m['swap_default_s'])} |",
        f"| … with a check at every call (`KB_RELOAD_SECONDS=0`): the load and swap alone "
        f"| {spread(m['swap_now_s'])} |",
        f"| `current()` per call, no check due | {m['current_us']:.2f} µs |",
        f"| `current()` per call when a check is due (wakes the checker thread) | {m['due_us']:.1f} µs |",
        f"| the version check in the background thread (table exists? `SELECT max(id) FROM kb_builds`) | "
        f"{m['check_us']:.0f} µs |",
        f"| `ask` p50 / p95 / p99 in the serving thread, idle | {ask['idle']['p50_ms']} / {ask['idle']['p95_ms']} / "
        f"{ask['idle']['p99_ms']} ms |",
        f"| … while a reload runs in the background ({ask['during_n']} asks) | {ask['during']['p50_ms']} / "
        f"{ask['during']['p95_ms']} / {ask['during']['p99_ms']} ms |",
        f"| resident memory of one loaded KB / extra peak while the next one loads | {memory['one_kb']:.0f} / "
        f"{memory['peak_over_one']:.0f} MiB |",
        f"| … resident after {memory['swaps']} swaps, over one KB (one KB object alive; freed memory is kept) | "
        f"{memory['growth']:.0f} MiB |",
        f"| `unanswered.record()` per call (queued) | {m['record_us']:.1f} µs |",
        f"| … writing {QUEUED} queued questions (background thread) | {m['write_s']:.2f} s, "
        f"{m['record_failures']} lost |",
        "",
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", action="store_true", help="also on a throw-away PostgreSQL")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path, default=ROOT / "reports" / "reload.md")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folders = (articles_dir(Path(tmp) / "seed", False), articles_dir(Path(tmp) / "grown", True))
        results = {"SQLite (WAL)": measure(f"sqlite:///{tmp}/kb.sqlite", folders, args.runs)}
        if args.postgres:
            from testkit.services import Postgres
            server = Postgres().start()
            try:
                results["PostgreSQL"] = measure(server.create_database("bench"), folders, args.runs)
            finally:
                server.stop()
    machine = machine_load()
    lines = [f"# Hot reload and the unanswered log: costs ({datetime.now():%Y-%m-%d %H:%M})", "",
             f"`python -m bench.reload{' --postgres' if args.postgres else ''}`, {args.runs} runs each; "
             f"{machine['cores']} cores, load average {machine['load_average']} at the end.", ""]
    for name, result in results.items():
        lines += table(name, result)
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
