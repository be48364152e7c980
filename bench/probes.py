"""Where a turn's time goes: the first answer after start, a KB query in process, an action-server round trip."""
from __future__ import annotations

import asyncio
import contextlib
import io
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import requests

from tools import ROOT

from .heldout import ask
from .load import latency_summary


def held_out_turns(cases: list[dict]) -> list[dict]:
    return [turn for case in cases for turn in case["turns"]]


def first_answer(base_url: str, question: str, expected: str, started: float) -> dict:
    """Seconds from `started` (time.monotonic() before the processes were spawned) to the first answer."""
    up = time.monotonic() - started
    answer = ask(base_url, f"cold-{uuid.uuid4().hex[:8]}", question)
    answered = time.monotonic() - started
    return {"up_s": round(up, 1), "first_answer_s": round(answered, 1),
            "first_turn_ms": round((answered - up) * 1000), "correct": expected in answer}


def kb_query_cost(turns: list[dict]) -> dict:
    """`KnowledgeBase.load()` time and the time of `ask` for every held-out turn."""
    from kb import KnowledgeBase

    started = time.perf_counter()
    kb = KnowledgeBase.load()
    loaded = time.perf_counter() - started
    times = []
    for turn in turns:
        started = time.perf_counter()
        kb.ask(turn["text"])
        times.append(time.perf_counter() - started)
    return {"load_s": round(loaded, 2), "queries": len(times), **latency_summary(times)}


def reading_cost() -> dict:
    """Seconds `kb.page.parse_page` takes over the seed page and over texts of one unpunctuated paragraph of 3,000
    and 30,000 short lines (OCR output, a list pasted without marks): the reader asks of the paragraph so far, for each
    line it joins, whether it ends or stands alone, and that work must not grow with the paragraph."""
    from kb.page import parse_page

    from .new_articles import SEED_PAGE

    def seconds(name: str, text: str) -> float:
        started = time.perf_counter()
        parse_page(name, text)
        return time.perf_counter() - started

    long_texts = {f"paragraph_{n}_lines_s": round(seconds("long.txt", "某区推进会\n\n" + "\n".join(
        f"要求各单位抓好第{i}项工作" for i in range(n)) + "。\n"), 2) for n in (3000, 30000)}
    return {"seed_page_ms": round(1000 * seconds(SEED_PAGE.name, SEED_PAGE.read_text(encoding="utf-8"))), **long_texts}


def action_round_trip(action_port: int, turns: list[dict]) -> dict:
    """POST /webhook of the action server as Rasa calls it (the tracker; no domain: selective domain is on),
    `action_answer` per turn."""
    times = []
    with requests.Session() as session:
        for turn in turns:
            call: dict[str, Any] = {"next_action": "action_answer", "sender_id": "bench", "version": "3.6.21",
                    "tracker": {"sender_id": "bench", "slots": {"article": None, "department": None},
                                "latest_message": {"text": turn["text"], "intent": {"name": turn["intent"]},
                                                   "entities": []},
                                "events": [{"event": "user", "text": turn["text"]}], "paused": False,
                                "followup_action": None, "active_loop": {}, "latest_action_name": "action_listen"}}
            started = time.perf_counter()
            response = session.post(f"http://127.0.0.1:{action_port}/webhook", json=call, timeout=30)
            response.raise_for_status()
            times.append(time.perf_counter() - started)
    return {"calls": len(times), **latency_summary(times)}


def tracker_store_cost(conversations: int = 60, turns: int = 3) -> dict:
    """Per turn, in process: retrieve the tracker, add a turn's events, save; Rasa's SQL store and ours on a
    SQLite file, and Rasa's in-memory store."""
    with tempfile.TemporaryDirectory() as folder:
        with contextlib.redirect_stderr(io.StringIO()):  # Rasa warns about deprecations that are not ours
            from rasa.core.tracker_store import InMemoryTrackerStore, SQLTrackerStore
            from rasa.shared.core.domain import Domain
            from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
            from rasa.shared.core.trackers import DialogueStateTracker

            from rasa_speedups.tracker_store import SessionCachingSQLTrackerStore

            domain = Domain.load(ROOT / "domain.yml")
            stores = {"sqlite": SQLTrackerStore(domain, dialect="sqlite", db=str(Path(folder) / "rasa.db")),
                      "session_caching_sqlite": SessionCachingSQLTrackerStore(
                          domain, dialect="sqlite", db=str(Path(folder) / "ours.db")),
                      "in_memory": InMemoryTrackerStore(domain)}

        async def per_turn(store) -> list[float]:
            times = []
            for _ in range(conversations):
                sender = uuid.uuid4().hex
                for n in range(turns):
                    started = time.perf_counter()
                    tracker = await store.retrieve(sender) or DialogueStateTracker(sender, domain.slots)
                    for event in (UserUttered(f"问题{n}", {"name": "ask_question", "confidence": 0.9}),
                                  ActionExecuted("action_answer"), SlotSet("article", "6"),
                                  BotUttered("答案\n来源：《标题》（2020年2月22日）"), ActionExecuted("action_listen")):
                        tracker.update(event)
                    await store.save(tracker)
                    times.append(time.perf_counter() - started)
            return times

        return {name: latency_summary(asyncio.run(per_turn(store))) for name, store in stores.items()}
