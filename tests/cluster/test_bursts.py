"""Five messages of one sender at the same moment, twenty times: PostgreSQL holds each conversation exactly as
sent (issue 11: 19 of 20 conversations wrong with Rasa's lock store and round robin). Through the balancer a
conversation stays on one replica; sent straight to both replicas, the atomic lock store alone keeps it right."""
from __future__ import annotations

import asyncio
import uuid
from collections import Counter

import pytest

from tests.cluster.conftest import record, stored_events, user_texts
from tests.cluster.traffic import QUESTIONS, Exchange, at_once

pytestmark = pytest.mark.slow
BURSTS, MESSAGES, AT_A_TIME = 20, 5, 4


def burst_texts(number: int) -> list[str]:
    return [f"{QUESTIONS[i % len(QUESTIONS)]}（第{number}组第{i}条）" for i in range(MESSAGES)]


async def bursts(base_urls: list[str]) -> dict[str, list[Exchange]]:
    """BURSTS bursts of MESSAGES messages, AT_A_TIME bursts at once; by sender."""
    senders = [f"burst-{uuid.uuid4().hex[:10]}" for _ in range(BURSTS)]
    sent: dict[str, list[Exchange]] = {}
    for first in range(0, BURSTS, AT_A_TIME):
        group = senders[first:first + AT_A_TIME]
        results = await asyncio.gather(*(at_once(base_urls, sender, burst_texts(first + offset))
                                         for offset, sender in enumerate(group)))
        sent.update(zip(group, results, strict=True))
    return sent


def problems(database, sent: dict[str, list[Exchange]]) -> dict[str, str]:
    """What is wrong with each conversation in PostgreSQL, by sender."""
    stored = stored_events(database, [f"rest:{sender}" for sender in sent])
    found = {}
    for sender, exchanges in sent.items():
        events = stored[f"rest:{sender}"]
        texts = Counter(user_texts(events))
        expected: Counter[str | None] = Counter(exchange.text for exchange in exchanges)
        missing, extra = expected - texts, texts - expected
        starts = sum(1 for type_name, _ in events if type_name == "session_started")
        if missing or extra or starts != 1:
            found[sender] = (f"{sum(missing.values())} missing, {sum(extra.values())} duplicated, "
                             f"{starts} session starts")
    return found


def summary(sent: dict[str, list[Exchange]], wrong: dict[str, str]) -> str:
    unanswered = sum(not exchange.answered for exchanges in sent.values() for exchange in exchanges)
    return (f"{len(wrong)} of {BURSTS} conversations wrong ({'; '.join(sorted(set(wrong.values())))}), "
            f"{unanswered} of {BURSTS * MESSAGES} messages not answered 200")


async def test_bursts_through_the_balancer_are_stored_exactly(cluster, database):
    sent = await bursts([cluster.url])
    wrong = problems(database, sent)
    record("20 x 5 same-sender burst through HAProxy", summary(sent, wrong))
    assert not wrong and all(e.answered for exchanges in sent.values() for e in exchanges), summary(sent, wrong)


async def test_bursts_spread_over_both_replicas_are_stored_exactly(cluster, database):
    sent = await bursts([replica.url for replica in cluster.replicas])
    wrong = problems(database, sent)
    record("20 x 5 same-sender burst spread over both replicas", summary(sent, wrong))
    assert not wrong and all(e.answered for exchanges in sent.values() for e in exchanges), summary(sent, wrong)
