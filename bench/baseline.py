"""The plain-search baseline: BM25 over the sentences of the newspaper page, the top sentence is the answer
(none when no word of the question is in any sentence).

What a city office could set up without a bot: no intents, no typed records, no conversation context, no
article mending, only the page split into sentences and ranked for each question on its own by BM25 over
jieba words (question words and particles dropped).
"""
from __future__ import annotations

from pathlib import Path

from kb.page import split_front_matter
from kb.search import BM25, Terms
from kb.settings import ARTICLES_DIR
from kb.text import normalize, sentences

from .heldout import answer_is_right


def page_sentences(articles_dir: Path = ARTICLES_DIR) -> list[str]:
    """Every sentence of every page, lines taken as printed (a column break splits a sentence)."""
    found = []
    for path in sorted(articles_dir.glob("*.txt")):
        _, body = split_front_matter(path.read_text(encoding="utf-8"))
        for line in body.splitlines():
            found += sentences(normalize(line))
    return found


class SentenceSearch:
    def __init__(self, corpus: list[str]):
        self._terms = Terms()
        self._sentences = corpus
        self._index = BM25([self._terms.words(s, guess_new_words=True) for s in corpus])

    def answer(self, question: str) -> str:
        query = self._terms.words(question, guess_new_words=True)
        best = max(range(len(self._sentences)), key=lambda i: (self._index.score(query, i), -i))
        return self._sentences[best] if self._index.score(query, best) > 0 else ""

    def is_right(self, turn: dict) -> bool:
        """answer_is_right for its answer: any sentence it returns gives a fact."""
        answer = self.answer(turn["text"])
        return answer_is_right(turn, answer, gives_facts=bool(answer))


def evaluate(search: SentenceSearch, cases: list[dict]) -> dict:
    """Answer accuracy over the checked turns, every turn asked on its own."""
    checked = [turn for case in cases for turn in case["turns"] if turn.get("expect") or turn.get("forbid")]
    right = sum(search.is_right(turn) for turn in checked)
    return {"answers_checked": len(checked), "answer_accuracy": right / len(checked)}
