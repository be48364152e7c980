"""The benchmark report: goals checked, a Markdown table, the JSON figures and a latency plot."""
from __future__ import annotations

import json
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (the backend is chosen before pyplot loads)
from matplotlib import ticker  # noqa: E402

GOAL_P50_MS, GOAL_P95_MS, GOAL_SPEEDUP, GOAL_COLD_START_S, GOAL_ACCURACY = 40, 100, 2.0, 20, 0.95
DASH = "—"
TICKS_MS = (10, 20, 40, 60, 100, 200, 400, 600, 1000, 2000, 4000, 10000)


def goals(results: dict) -> list[dict]:
    ours, stock = results["ours"], results.get("stock")
    one = ours["latency"]["1"]
    rows = [
        {"goal": f"REST p50 ≤ {GOAL_P50_MS} ms at 1 client", "value": f"{one['p50_ms']:.0f} ms",
         "met": one["p50_ms"] <= GOAL_P50_MS},
        {"goal": f"REST p95 ≤ {GOAL_P95_MS} ms at 1 client", "value": f"{one['p95_ms']:.0f} ms",
         "met": one["p95_ms"] <= GOAL_P95_MS},
    ]
    if stock:
        ours_16, stock_16 = ours["latency"]["16"], stock["latency"]["16"]
        per_cpu = ours_16["messages_per_cpu_s"] / stock_16["messages_per_cpu_s"]
        overall = ours_16["messages_per_s"] / stock_16["messages_per_s"]
        by_turns = stock.get("by_turns")
        speedup = by_turns["median_ratio"] if by_turns else per_cpu
        value = f"{speedup:.2f}× (median of {len(by_turns['rounds'])} rounds loaded by turns; one run each: " \
            f"{per_cpu:.2f}×, {overall:.2f}× in messages/s)" if by_turns else \
            f"{per_cpu:.2f}× ({overall:.2f}× in messages/s)"
        rows.append({"goal": f"≥ {GOAL_SPEEDUP:g}× the stock bot's messages/s per core (per CPU-second)",
                     "value": value, "met": speedup >= GOAL_SPEEDUP})
    rows += [
        {"goal": f"cold start ≤ {GOAL_COLD_START_S} s (process start → first correct answer)",
         "value": f"{ours['cold_start']['first_answer_s']:.1f} s",
         "met": ours["cold_start"]["correct"] and ours["cold_start"]["first_answer_s"] <= GOAL_COLD_START_S},
        {"goal": f"answer accuracy ≥ {GOAL_ACCURACY:.0%} (held-out)",
         "value": f"{ours['heldout']['answer_accuracy']:.1%}",
         "met": ours["heldout"]["answer_accuracy"] >= GOAL_ACCURACY},
    ]
    return rows


def _latency(run: dict | None) -> str:
    return f"{run['p50_ms']:.0f} / {run['p95_ms']:.0f} / {run['p99_ms']:.0f} ms" if run else DASH


def _get(side: dict | None, *keys, fmt: str = "{}") -> str:
    value = side
    for key in keys:
        if not isinstance(value, dict) or value.get(key) is None:
            return DASH
        value = value[key]
    return fmt.format(value)


def _table(results: dict) -> list[str]:
    ours, stock, bm25 = results["ours"], results.get("stock"), results["bm25"]
    held = ours["heldout"]
    rows = [
        (f"answer accuracy, held-out ({held['answers_checked']} checked turns)",
         f"{held['answer_accuracy']:.1%}", DASH, f"{bm25['answer_accuracy']:.1%}"),
        (f"intent accuracy / macro-F1, held-out ({held['turns']} turns)",
         f"{held['intent_accuracy']:.1%} / {held['intent_macro_f1']:.3f}", DASH, DASH),
    ]
    for clients in ("1", "16"):
        rows.append((f"REST latency p50 / p95 / p99, {clients} client{'s' if clients != '1' else ''}",
                     _latency(ours["latency"][clients]), _latency(stock and stock["latency"][clients]), DASH))
    rows += [
        ("throughput at 16 clients (saturated), messages/s",
         _get(ours, "latency", "16", "messages_per_s"), _get(stock, "latency", "16", "messages_per_s"), DASH),
        ("… per CPU-second of the server processes",
         _get(ours, "latency", "16", "messages_per_cpu_s"), _get(stock, "latency", "16", "messages_per_cpu_s"), DASH),
        ("… per CPU-second, the two loaded by turns (median of the rounds)",
         _get(stock, "by_turns", "median", "ours"), _get(stock, "by_turns", "median", "stock"), DASH),
        ("cold start: process start → first correct answer",
         _get(ours, "cold_start", "first_answer_s", fmt="{} s"),
         _get(stock, "cold_start", "first_answer_s", fmt="{} s"), DASH),
        ("… of which until the server is up (ours: and its warm-up turn done)",
         _get(ours, "cold_start", "up_s", fmt="{} s"), _get(stock, "cold_start", "up_s", fmt="{} s"), DASH),
        ("training (`rasa train`; stock: `rasa init --no-prompt`)", _get(ours, "training_s", fmt="{:.0f} s"),
         _get(stock, "training_s", fmt="{:.0f} s"), DASH),
        ("peak resident memory, Rasa server", _get(ours, "memory_mib", "rasa", fmt="{} MiB"),
         _get(stock, "memory_mib", "rasa", fmt="{} MiB"), DASH),
        ("peak resident memory, action server", _get(ours, "memory_mib", "action server", fmt="{} MiB"), DASH, DASH),
    ]
    lines = ["| measure | 复工助手 | stock Rasa (`rasa init`) | plain BM25 over sentences |", "|---|---|---|---|"]
    return lines + [f"| {' | '.join(row)} |" for row in rows]


def _machine(results: dict) -> list[str]:
    machine = results["machine"]
    minutes = results["run_seconds"] / 60
    lines = [f"- {machine['before']['cores']} cores; load average (1 / 5 / 15 min) "
             f"{' / '.join(map(str, machine['before']['load_average']))} before, "
             f"{' / '.join(map(str, machine['after']['load_average']))} after.",
             "- CPU time of other processes during the run (sampled every 5 s):"
             + ("" if machine["others"] else " none over 1 s.")]
    lines += [f"  - {other['cpu_s']} CPU-s (≈{other['cpu_s'] / 60 / minutes:.0%} of one core): `{other['command']}`"
              for other in machine["others"]]
    return lines


def _by_turns(stock: dict | None) -> list[str]:
    """The method line of the comparison of record (bench/alternating.py), with every round's figures."""
    by_turns = stock and stock.get("by_turns")
    if not by_turns:
        return []
    load = by_turns["load"]
    rounds = "; ".join(f"{row['ours']} / {row['stock']} ({row['ratio']:.2f}×, {row['first']} first)"
                       for row in by_turns["rounds"])
    return [f"- Messages per CPU-second of record: after each bot's own runs, both servers up, "
            f"{len(by_turns['rounds'])} rounds of {load['clients']} clients ({load['messages']} messages or "
            f"{load['seconds']} s) on one bot and then the other, who goes first alternating; the goal takes the "
            f"median ratio. Ours / stock by round: {rounds}."]


def markdown(results: dict) -> str:
    ours = results["ours"]
    kb, action, store, reading = ours["kb_query"], ours["action_round_trip"], ours["tracker_store"], ours["reading"]
    lines = [
        "# Benchmarks: 复工助手 vs stock Rasa vs plain search", "",
        f"{results['started']}, one run of `make bench` ({results['run_seconds'] / 60:.1f} min), "
        "all on this machine.", "",
        *_table(results), "",
        "## Goals", "", "| goal | measured | met |", "|---|---|---|",
        *[f"| {g['goal']} | {g['value']} | {'yes' if g['met'] else '**no**'} |" for g in results["goals"]], "",
        "## Where a turn's time goes", "",
        f"- KB (`KnowledgeBase.load()`): load {kb['load_s']} s; `ask` p50 {kb['p50_ms']} ms, p95 {kb['p95_ms']} ms, "
        f"p99 {kb['p99_ms']} ms over {kb['queries']} held-out questions, in process.",
        f"- action server round trip (`POST /webhook`, `action_answer`, the tracker as Rasa sends it): "
        f"p50 {action['p50_ms']} ms, p95 {action['p95_ms']} ms over {action['calls']} calls.",
        f"- tracker store, per turn (retrieve, add a turn's 5 events, save), in process, on SQLite: Rasa's "
        f"`SQLTrackerStore` p50 {store['sqlite']['p50_ms']} ms, p95 {store['sqlite']['p95_ms']} ms; ours "
        f"(`rasa_speedups`, what `endpoints.yml` uses) p50 {store['session_caching_sqlite']['p50_ms']} ms, p95 "
        f"{store['session_caching_sqlite']['p95_ms']} ms; Rasa's in-memory store p50 {store['in_memory']['p50_ms']} "
        "ms. Rasa saves twice in a new conversation's first turn.",
        f"- reading an article (`kb.page.parse_page`, in process): the seed page {reading['seed_page_ms']} ms; a text "
        f"of one unpunctuated paragraph of 3,000 short lines {reading['paragraph_3000_lines_s']} s, of 30,000 lines "
        f"{reading['paragraph_30000_lines_s']} s.",
        f"- first user turn after start (the server has answered its own warm-up turn): "
        f"{ours['cold_start']['first_turn_ms']} ms.",
        "", "## Method", "",
        f"- 复工助手: `tools.servers.BotServers` with `{results['model']}`, the action server and the tracker and lock "
        f"stores of `{results['endpoints']}`; the stock bot as `rasa init --no-prompt` makes it (in-memory tracker "
        "store, no action server).",
        "- Load: aiohttp clients on 127.0.0.1, each playing held-out conversations (a fresh sender per "
        "conversation), after a warm-up; bounded by message count and seconds. Latency is request to full reply.",
        *_by_turns(results.get("stock")),
        "- Answer accuracy: a reply is right when it contains every `expect` string of the turn and no `forbid` "
        "string, and for a question no article answers (a turn that expects nothing) when it gives no fact at all "
        "(`bench/heldout.py`; until session 22 an unrelated fact without the forbidden words counted as right). BM25 "
        "baseline: every sentence of the page as printed, BM25 over jieba words, the top sentence is the answer "
        "(none when no word matches), each turn on its own.",
        "- Peak memory: resident set (psutil) sampled every 0.2 s, each server with its children. Training: "
        "wall time with an empty Rasa cache.",
        "", "## What else ran on the machine", "", *_machine(results), "",
        "![latency distribution](latency.png)", "",
    ]
    return "\n".join(lines)


def plot(results: dict, path: Path) -> None:
    """Latency CDFs, one panel per client count, log-scaled, with the latency goals drawn in."""
    figure, axes = plt.subplots(1, 2, figsize=(11, 4.2), sharey=True)
    for axis, clients in zip(axes, ("1", "16"), strict=True):
        for side, label in (("ours", "ours"), ("stock", "stock Rasa")):
            if side not in results:
                continue
            ms = sorted(results[side]["latency"][clients]["latencies_ms"])
            axis.plot(ms, [(i + 1) / len(ms) for i in range(len(ms))], label=f"{label} (n={len(ms)})")
        if clients == "1":
            for goal in (GOAL_P50_MS, GOAL_P95_MS):
                axis.axvline(goal, color="grey", linestyle=":", linewidth=1)
        axis.set_xscale("log")
        low, high = axis.get_xlim()
        axis.set_xticks([tick for tick in TICKS_MS if low <= tick <= high])
        axis.xaxis.set_major_formatter(ticker.ScalarFormatter())
        axis.xaxis.set_minor_formatter(ticker.NullFormatter())
        axis.set_title(f"{clients} client{'s' if clients != '1' else ''}")
        axis.set_xlabel("REST latency, ms (log scale)")
        axis.grid(True, which="both", alpha=0.3)
        axis.legend(loc="best")
    axes[0].set_ylabel("share of requests answered within")
    figure.suptitle("Latency distribution (dotted: goals 40 ms p50, 100 ms p95 at 1 client)")
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)


def write(results: dict, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "bench.json").write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    (out / "bench.md").write_text(markdown(results), encoding="utf-8")
    plot(results, out / "latency.png")
