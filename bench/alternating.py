"""Our bot and the stock bot loaded by turns, both servers up, for the messages-per-CPU-second comparison of record.

`make bench` loads each bot once, nearly an hour apart (55 minutes in session 54's run), and the stock bot's rate
per CPU-second has ranged from 20.2 to 41.8 over sessions on the same code: one pair of runs tells more about the
machine at the time than about the bots. Here each round gives one bot a short bounded load and then the other (who
goes first alternates), while the other waits idle, and the comparison is the median of the rounds' ratios.
"""
from __future__ import annotations

import statistics
from collections.abc import Callable

from .load import run_load_counting_cpu

ROUNDS = 4
ROUND_LOAD = dict(clients=16, messages=600, seconds=15)
SIDES = ("ours", "stock")


def rate_per_cpu_second(base_url: str, conversations: list[list[str]], pids: list[int]) -> float:
    """Messages answered per CPU-second of the server processes under one saturating round of load."""
    result, spent = run_load_counting_cpu(base_url, conversations, pids, **ROUND_LOAD)
    if result.errors or not result.latencies or spent <= 0:
        raise RuntimeError(f"{base_url}: {result.errors} errors, {len(result.latencies)} answers, "
                           f"{spent:.1f} CPU-s in a round of the alternating load")
    return len(result.latencies) / spent


def alternate(load: dict[str, Callable[[], float]], rounds: int = ROUNDS) -> dict:
    """load: for "ours" and "stock", one round of load returning messages per CPU-second. Each round's rates and
    ratio (ours / stock), and their median."""
    rows, measured = [], []
    for number in range(rounds):
        order = SIDES if number % 2 == 0 else SIDES[::-1]
        rates = {side: load[side]() for side in order}
        measured.append(rates)
        rows.append({"first": order[0], **{side: round(rates[side], 2) for side in SIDES},
                     "ratio": round(rates["ours"] / rates["stock"], 3)})
    return {"rounds": rows,
            "median_ratio": round(statistics.median(rates["ours"] / rates["stock"] for rates in measured), 2),
            "median": {side: round(statistics.median(rates[side] for rates in measured), 2) for side in SIDES},
            "load": ROUND_LOAD}
