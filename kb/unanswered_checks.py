"""Which of the questions the bot could not answer the latest build answers: checked after every build.

`python -m kb build` (and `python -m kb add`, which builds) asks the new knowledge base each different wording
kept in `unanswered_questions` (the most recent MAX_WORDINGS), as `python -m kb ask` would, and stores what it
answers with the build's id. The operations page shows a group of similar questions as answered when the latest
build answers its most asked wording, with the article: nothing is computed in the bot's processes.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import delete, insert, inspect, select

from . import schema
from .database import engine_for
from .knowledge_base import KnowledgeBase
from .live import latest_build_id
from .unanswered import read_unanswered

MAX_WORDINGS = 2000
MAX_ANSWER_CHARS = 2000
_table = schema.unanswered_checks


@dataclass(frozen=True)
class Check:
    question: str
    article: str  # the title of the article that answers it now; "" when none does
    answer: str


@dataclass(frozen=True)
class Checked:
    build_id: int | None  # the build the checks were made on; None: no build has checked yet
    latest_build_id: int | None
    checks: dict[str, Check]  # by question

    @property
    def current(self) -> bool:
        return self.build_id is not None and self.build_id == self.latest_build_id


def recheck(url: str, load: Callable[[], KnowledgeBase], build_id: int | None) -> list[Check]:
    """Ask the build `build_id` (loaded by `load`, only if a question was kept) every kept wording; store and
    return the answers."""
    wordings = list(dict.fromkeys(asked.question for asked in read_unanswered(url)))[:MAX_WORDINGS]
    kb = load() if wordings else None
    checks = [_check(kb, question) for question in wordings] if kb else []
    with engine_for(url).begin() as conn:
        _table.create(conn, checkfirst=True)
        conn.execute(delete(_table))  # only the latest build's checks matter
        if checks and build_id is not None:
            conn.execute(insert(_table), [{"build_id": build_id, "question": c.question, "article": c.article,
                                           "answer": c.answer[:MAX_ANSWER_CHARS]} for c in checks])
    return checks


def _check(kb: KnowledgeBase, question: str) -> Check:
    answer = kb.ask(question)
    article = kb.articles.get(answer.article_id) if answer.found and answer.article_id is not None else None
    return Check(question, article.title if article else "", answer.text if article else "")


def read_checks(url: str) -> Checked:
    """The stored checks, with the build they were made on and the latest build."""
    engine = engine_for(url)
    latest = latest_build_id(engine)
    with engine.connect() as conn:
        if not inspect(conn).has_table(_table.name):
            return Checked(None, latest, {})
        rows = conn.execute(select(_table)).all()
    build_ids = {row.build_id for row in rows}
    return Checked(build_ids.pop() if len(build_ids) == 1 else None, latest,
                   {row.question: Check(row.question, row.article, row.answer) for row in rows})
