"""`make bench`: 复工助手 against the stock Rasa bot and plain BM25 search, in one run on this machine.

Answer accuracy (held-out set) for the bot and the baseline, NLU intent accuracy, REST latency at 1 and 16
clients, throughput, cold start, training time and peak memory; writes reports/bench.md, bench.json, latency.png and
heldout.md / .json. Then WeChat beside saturating REST load, a 500-turn conversation, the new-article check, the
chat with the operations page refreshing, and 1 and 2 replicas behind HAProxy (reports/wechat_mixed.md,
long_conversation.md, new_articles.md, admin.md, cluster.md); last, both bots loaded by turns for the
messages-per-CPU-second comparison (bench/alternating.py). About an hour on 2 cores, most of it the new-article
check over every set.

    python -m bench                               # everything
    python -m bench --model /tmp/m/x.tar.gz --endpoints /tmp/e.yml --skip-stock --skip-training --out /tmp/v
"""
from __future__ import annotations

import argparse
import functools
import subprocess
import tempfile
import time
from pathlib import Path

from testkit.bot import BENCH_LOGS, bot_on_free_ports
from tools import ROOT
from tools.ports import free_port
from tools.servers import command_of

from . import admin, alternating, baseline, long_conversation, new_articles, report, wechat_mixed
from . import cluster as scale_out
from .heldout import evaluate, load_cases, summarize, write_report
from .load import run_load, run_load_counting_cpu
from .probes import action_round_trip, first_answer, held_out_turns, kb_query_cost, reading_cost, tracker_store_cost
from .stock import GREETING, StockServer
from .training import init_stock_bot, train_project
from .watch import OtherProcesses, PeakMemory, machine_load

WARM_UP = dict(clients=1, messages=20, seconds=20)
ONE_CLIENT = dict(clients=1, messages=300, seconds=30)
SATURATED = dict(clients=16, messages=1500, seconds=45)
_T0 = time.monotonic()


def step(text: str) -> None:
    print(f"[{time.monotonic() - _T0:5.0f} s] {text}", flush=True)


def shown(path: Path) -> str:
    """A path inside the repository relative to it, others as they are."""
    path = path.resolve()
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def role(process: subprocess.Popen) -> str:
    return "action server" if "actions" in command_of(process) else "rasa"


def measure_load(base_url: str, conversations: list[list[str]], processes: list[subprocess.Popen], label: str) -> dict:
    """A warm-up, then 1 client and 16 clients; the CPU the server processes spent on the 16."""
    pids = [p.pid for p in processes]
    run_load(base_url, conversations, **WARM_UP)
    step(f"{label}: 1 client ({ONE_CLIENT['messages']} messages or {ONE_CLIENT['seconds']} s)")
    one = run_load(base_url, conversations, **ONE_CLIENT)
    step(f"{label}: 16 clients ({SATURATED['messages']} messages or {SATURATED['seconds']} s)")
    many, cpu = run_load_counting_cpu(base_url, conversations, pids, **SATURATED)
    dead = [role(p) for p in processes if p.poll() is not None]
    if dead:
        raise RuntimeError(f"{label}: {', '.join(dead)} exited during the load test (see {BENCH_LOGS})")
    saturated = {**many.summary(), "server_cpu_s": round(cpu, 1),
                 "messages_per_cpu_s": round(len(many.latencies) / cpu, 2)}
    step(f"{label}: 1 client p50 {one.summary()['p50_ms']} ms; 16 clients {saturated['messages_per_s']} messages/s; "
         f"{one.errors + many.errors} errors")
    return {"1": {**one.summary(), "latencies_ms": one.milliseconds()},
            "16": {**saturated, "latencies_ms": many.milliseconds()}}


def measure_ours(model: Path, endpoints: Path, cases: list[dict], conversations: list[list[str]], out: Path) -> dict:
    """Our bot's figures; the held-out turns' answers also go to heldout.md and .json in `out`, as `make bench-nlu`
    writes them."""
    turns = held_out_turns(cases)
    probe = next(t for t in turns if t.get("expect"))
    servers = bot_on_free_ports(BENCH_LOGS, model=model, endpoints=endpoints, extra_args=("--enable-api",))

    step(f"ours: starting the action server and Rasa ({model.name}), then the warm-up turn")
    with PeakMemory(lambda: {role(p): p.pid for p in servers.processes}) as memory:
        started = time.monotonic()
        servers.start()
        try:
            cold = first_answer(servers.base_url, probe["text"], probe["expect"][0], started)
            step(f"ours: first correct answer {cold['first_answer_s']} s after start; held-out set "
                 f"({len(turns)} turns)")
            rows = evaluate(servers.base_url, cases)
            heldout = summarize(rows)
            write_report(heldout, rows, out)
            step("ours: action server round trips")
            action = action_round_trip(servers.action_port, turns)
            latency = measure_load(servers.base_url, conversations, servers.processes, "ours")
        finally:
            servers.stop()
    return {"heldout": heldout, "cold_start": cold, "action_round_trip": action, "latency": latency,
            "memory_mib": memory.peaks_mib()}


def alternate_with_ours(model: Path, endpoints: Path, stock: StockServer, conversations: list[list[str]]) -> dict:
    """Our bot started beside the running stock bot, and the two loaded by turns (bench/alternating.py)."""
    step(f"ours and stock Rasa loaded by turns ({alternating.ROUNDS} rounds each)")
    ours = bot_on_free_ports(BENCH_LOGS, model=model, endpoints=endpoints)
    ours.start()
    try:
        run_load(ours.base_url, conversations, **WARM_UP)
        sides = {"ours": (ours.base_url, ours.processes), "stock": (stock.base_url, stock.processes)}
        return alternating.alternate({
            side: functools.partial(alternating.rate_per_cpu_second, url, conversations, [p.pid for p in processes])
            for side, (url, processes) in sides.items()})
    finally:
        ours.stop()


def measure_stock(args: argparse.Namespace, folder: Path, conversations: list[list[str]]) -> dict:
    step("stock: rasa init --no-prompt (scaffold + training, about 2–3 min)")
    training = init_stock_bot(folder / "stock", BENCH_LOGS)
    server = StockServer(folder / "stock", free_port(), BENCH_LOGS)
    step("stock: starting Rasa (about 75 s)")
    with PeakMemory(lambda: {role(p): p.pid for p in server.processes}) as memory:
        started = time.monotonic()
        server.start()
        try:
            cold = first_answer(server.base_url, *GREETING, started)
            latency = measure_load(server.base_url, conversations, server.processes, "stock Rasa")
            by_turns = alternate_with_ours(args.model, args.endpoints, server, conversations)
        finally:
            server.stop()
    step(f"loaded by turns: ours / stock per CPU-second, median {by_turns['median_ratio']}×")
    return {"training_s": round(training, 1), "cold_start": cold, "latency": latency,
            "memory_mib": memory.peaks_mib(), "by_turns": by_turns}


def measure(args: argparse.Namespace, results: dict) -> None:
    cases = load_cases()
    conversations = [[turn["text"] for turn in case["turns"]] for case in cases]
    step("BM25 baseline over the page's sentences")
    sentences = baseline.page_sentences()
    results["bm25"] = {**baseline.evaluate(baseline.SentenceSearch(sentences), cases), "sentences": len(sentences)}
    step(f"BM25 baseline: {results['bm25']['answer_accuracy']:.1%}; KB query and reading cost in process")
    kb_cost = kb_query_cost(held_out_turns(cases))
    reading = reading_cost()
    step("tracker store cost in process (Rasa's SQL store, ours, in memory)")
    tracker_cost = tracker_store_cost()
    results["ours"] = {**measure_ours(args.model, args.endpoints, cases, conversations, args.out), "kb_query": kb_cost,
                       "tracker_store": tracker_cost, "reading": reading}
    if not args.skip_wechat_mixed:
        step("ours: 4 WeChat users beside 30 REST users (reports/wechat_mixed.md)")
        results["wechat_mixed"] = wechat_mixed.run(args.model, args.endpoints)
        wechat_mixed.write(results["wechat_mixed"], args.out)
    if not args.skip_new_articles:
        step("ours: articles nothing was written for, leave-one-out and new layouts (reports/new_articles.md)")
        checked = new_articles.run(args.model, args.out)
        results["new_articles"] = {key: checked[key]["all"]
                                   for key in ("leave_one_out", *new_articles.NEW_ARTICLE_SETS)}
    if not args.skip_long_conversation:
        step("ours: a conversation's 1st to 500th turn (reports/long_conversation.md)")
        results["long_conversation"] = long_conversation.run(args.model, args.endpoints)
        long_conversation.write(results["long_conversation"], args.out)
    if not args.skip_admin:
        step("ours: chat latency with the operations page refreshing every 5 s (reports/admin.md)")
        results["admin"] = admin.run(args.model, args.endpoints)
        admin.write(results["admin"], args.out)
    if not args.skip_cluster:
        step("1 and 2 replicas behind HAProxy, PostgreSQL and Redis (reports/cluster.md, about 4 min)")
        results["cluster"] = scale_out.run([1, 2], log=step)
        scale_out.write(results["cluster"], args.out)
    with tempfile.TemporaryDirectory(prefix="fugong-bench-") as scratch:
        if not args.skip_training:
            step("ours: rasa train into a temp folder (about 1–5 min)")
            results["ours"]["training_s"] = round(train_project(Path(scratch) / "models", BENCH_LOGS), 1)
        if not args.skip_stock:
            results["stock"] = measure_stock(args, Path(scratch), conversations)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=ROOT / "models" / "current.tar.gz")
    parser.add_argument("--endpoints", type=Path, default=ROOT / "endpoints.yml",
                        help="tracker and lock stores for our bot (its action server URL is set by BotServers)")
    parser.add_argument("--out", type=Path, default=ROOT / "reports")
    parser.add_argument("--skip-stock", action="store_true", help="no stock bot (for quick variant runs)")
    parser.add_argument("--skip-training", action="store_true", help="do not time `rasa train`")
    parser.add_argument("--skip-wechat-mixed", action="store_true", help="no WeChat beside REST load")
    parser.add_argument("--skip-long-conversation", action="store_true", help="no 500-turn conversation")
    parser.add_argument("--skip-new-articles", action="store_true", help="no new-article check")
    parser.add_argument("--skip-admin", action="store_true", help="no chat latency beside the operations page")
    parser.add_argument("--skip-cluster", action="store_true", help="no 1- and 2-replica cluster (make cluster)")
    args = parser.parse_args()

    results: dict = {"started": time.strftime("%Y-%m-%d %H:%M"), "model": shown(args.model),
                     "endpoints": shown(args.endpoints),
                     "machine": {"before": machine_load()}}
    with OtherProcesses() as others:
        measure(args, results)
    results["machine"].update(after=machine_load(), others=others.busiest())
    results["run_seconds"] = round(time.monotonic() - _T0)
    results["goals"] = report.goals(results)
    report.write(results, args.out)
    print(report.markdown(results).split("\n## Where")[0], flush=True)
    step(f"report: {args.out / 'bench.md'}")


if __name__ == "__main__":
    main()
