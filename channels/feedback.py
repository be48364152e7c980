"""👍/👎 on the bot's answers, as the channels see them: which bot messages can be voted on, what a vote is about,
and where votes go.

An action marks a factual answer with `metadata.answer` = {"id", "article", "article_date"} (actions/actions.py);
`metadata.outcome` "fallback" says it came from the search fallback. A channel collects its replies with
`AnswerCollector`, which keeps that mark on the message (`message["answer"]`). A vote names the answer by its id:
the widget looks the answer up in the conversation's stored events (`find_answer`), so a browser can vote only on
answers of its own conversation and cannot choose the question or the article; WeChat keeps the answer it asked
about in memory. Votes go to the store the operations page registered (`store_votes_with`); channels know no
database. A vote that cannot be stored is logged and counted (`fugong_votes_total{result="failed"}`).
"""
from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from prometheus_client import Counter
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.shared.core.events import BotUttered, Event, UserUttered

logger = logging.getLogger(__name__)

ANSWER_ID = re.compile(r"[0-9a-f]{16}")
VOTES = Counter("fugong_votes", "👍/👎 on answers, by channel and whether they were stored", ["channel", "result"])
VOTE_NOT_STORED = "评价暂时没能保存，请稍后再试。"  # what every channel tells the user when `submit` fails


@dataclass(frozen=True)
class Answered:
    """A bot message that can be voted on."""
    answer_id: str
    article: str  # the title of the article the answer leads with
    article_date: str
    fallback: bool  # from the search fallback (the NLU was unsure)
    question: str = ""  # the user's message it answered


@dataclass(frozen=True)
class Vote:
    channel: str
    conversation: str  # Rasa's conversation id (`wechat:<OpenID>`): stores keep only a hash of it
    answer: Answered
    helpful: bool


VoteStore = Callable[[Vote], None]  # blocking; raises when the vote is not stored
_store: VoteStore | None = None


def store_votes_with(store: VoteStore | None) -> None:
    global _store
    _store = store


async def submit(vote: Vote) -> bool:
    """Store a vote (in a worker thread); False, logged and counted, when it could not be stored."""
    try:
        if _store is None:
            raise RuntimeError("no vote store: list admin.AdminChannel in credentials.yml")
        await asyncio.get_running_loop().run_in_executor(None, _store, vote)
    except Exception as error:  # noqa: BLE001 - the user is told; the operator sees the log line and the metric
        logger.error("A vote on an answer was not stored: %s: %s", type(error).__name__, str(error)[:300])
        VOTES.labels(vote.channel, "failed").inc()
        return False
    VOTES.labels(vote.channel, "stored").inc()
    return True


def answered_in(metadata: Any) -> Answered | None:
    """The answer a bot message's metadata ({"outcome": …, "answer": {…}}) marks, if any."""
    answer = metadata.get("answer") if isinstance(metadata, dict) else None
    if not isinstance(answer, dict) or not isinstance(answer.get("id"), str) or not ANSWER_ID.fullmatch(answer["id"]):
        return None
    return Answered(answer["id"], str(answer.get("article") or ""), str(answer.get("article_date") or ""),
                    fallback=metadata.get("outcome") == "fallback")


def find_answer(events: Iterable[Event], answer_id: str) -> Answered | None:
    """The answer `answer_id` in a conversation's events, with the user message it answered."""
    question = ""
    for event in events:
        if isinstance(event, UserUttered):
            question = event.text or ""
        elif isinstance(event, BotUttered):
            answered = answered_in(event.metadata.get("metadata"))
            if answered is not None and answered.answer_id == answer_id:
                return Answered(answered.answer_id, answered.article, answered.article_date, answered.fallback,
                                question)
    return None


class AnswerCollector(CollectingOutputChannel):
    """Rasa's collecting output channel, keeping on a message the answer it can be voted on (`message["answer"]`).

    Rasa cuts a text at blank lines into several messages: the mark goes on the last, where the source line is.
    """

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        answered = answered_in(message.get("metadata"))
        await super().send_response(recipient_id, message)
        if answered is not None and self.messages:
            self.messages[-1]["answer"] = answered
