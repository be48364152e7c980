"""Chinese terms (jieba words plus single characters) and BM25 ranking over short texts."""
from __future__ import annotations

import logging
import math
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import jieba

jieba.setLogLevel(logging.WARNING)

# Question words and particles: they say what kind of answer is wanted, not what it is about; so do the
# demonstratives of speech ("那个座机") and "就行了". (A yes/no question's "能不能" goes before cutting: kinds.py.)
STOPWORDS = frozenset(
    "的 了 着 过 和 与 及 是 在 有 吗 呢 吧 啊 呀 么 嘛 哦 哪 那 这 个 些 就 都 也 还 要 想 请 问 我 你 他 她 它 们 "
    "您 咱 谁 啥 几 多 怎 样 什么 怎么 怎样 怎么样 多少 哪些 哪个 哪里 哪儿 为什么 如何 是否 请问 一下 知道 "
    "告诉 什 能 可以 会 吗 一 上 下 中 对 把 被 给 从 到 为 以 于 等 该 其 此 之 而 或 少 "
    "那个 这个 就行了".split()
)
_HAN_CHAR = re.compile(r"[\u4e00-\u9fff]")
_WORD = re.compile(r"[\u4e00-\u9fff]+|[A-Za-z]+|\d+(?:\.\d+)?")


@lru_cache(maxsize=None)
def general_idf() -> tuple[dict[str, float], float]:
    """How rare each word is in Chinese text at large (the IDF table jieba ships for keyword extraction), and
    the median for words it does not list: "现在" tells little, "叉车" much, whatever our few articles hold."""
    from jieba.analyse import default_tfidf

    table, median = default_tfidf.idf_loader.get_idf()
    return table, median


def general_weight(word: str) -> float:
    table, median = general_idf()
    return table.get(word, median)


@lru_cache(maxsize=None)
def everyday_words() -> frozenset[str]:
    """Frequent words (1000 or more in jieba's dictionary) tagged as other than proper nouns (港口, 城区, 平安, 资源):
    where one is also a place's short name (港口区, 平安县), the everyday word is what a text means."""
    return frozenset(word for word, tag in _frequent_entries() if tag not in _PROPER_NOUN_TAGS)


@lru_cache(maxsize=None)
def everyday_non_nouns() -> frozenset[str]:
    """Frequent words that name no thing (开始, 送, 走, 一共: verbs, adverbs, numerals…): a follow-up made only of
    them ("什么时候开始的") asks more about what the conversation is about, not about something new (外贸, 金融)."""
    return frozenset(word for word, tag in _frequent_entries() if not tag.startswith("n"))


@lru_cache(maxsize=None)
def _frequent_entries() -> tuple[tuple[str, str], ...]:
    """jieba's dictionary read once per process (80 ms) for both word lists, not again on a first follow-up."""
    return tuple(_FREQUENT_ENTRY.findall((Path(jieba.__file__).parent / "dict.txt").read_text(encoding="utf-8")))


_FREQUENT_ENTRY = re.compile(r"^(\S+) \d{4,} (\S+)$", re.MULTILINE)  # word, frequency ≥ 1000, part of speech
_PROPER_NOUN_TAGS = frozenset({"ns", "nr", "nt", "nz"})  # places, people, organisations, other names


@lru_cache(maxsize=None)
def _main_dictionary() -> tuple[dict[str, int], int]:
    """jieba's main dictionary, read from disk once per process (0.7 s), not once per knowledge-base load."""
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer.FREQ, tokenizer.total


class Terms:
    """A jieba tokenizer of its own (the global one belongs to Rasa) with the KB's vocabulary added."""

    def __init__(self) -> None:
        self._jieba = jieba.Tokenizer()
        frequencies, total = _main_dictionary()
        self._jieba.FREQ, self._jieba.total = dict(frequencies), total  # a copy: add_words changes it
        self._jieba.initialized = True

    def knows(self, word: str) -> bool:
        return bool(self._jieba.FREQ.get(word))

    def add_words(self, words: Iterable[str]) -> None:
        for word in words:
            self._jieba.add_word(word, freq=2000)

    def cut(self, text: str) -> list[str]:
        words: list[str] = self._jieba.lcut(text)
        return words

    def words(self, text: str, guess_new_words: bool = False) -> list[str]:
        """guess_new_words: jieba's default, its HMM joining characters its dictionary lacks into words ("奎文租");
        the knowledge base does without (one way of cutting questions and articles), the plain baseline not."""
        return [w for w in self._jieba.lcut_for_search(text, HMM=guess_new_words)
                if _WORD.fullmatch(w) and w not in STOPWORDS]

    def keywords(self, text: str) -> list[str]:
        """Words without their overlapping parts (菜篮子超市, not also 菜篮, 篮子, 超市): each concept once."""
        return [w for w in self._jieba.lcut(text, HMM=False) if _WORD.fullmatch(w) and w not in STOPWORDS]

    def terms(self, text: str) -> list[str]:
        """Words for precision, single characters so that 货 still meets 货物."""
        chars = [c for c in _HAN_CHAR.findall(text) if c not in STOPWORDS]
        return self.words(text) + chars


class BM25:
    def __init__(self, documents: list[list[str]], k1: float = 1.2, b: float = 0.3):
        self._docs = [Counter(doc) for doc in documents]
        self._lengths = [len(doc) for doc in documents]
        self._avg = sum(self._lengths) / max(len(documents), 1)
        frequency = Counter(term for doc in self._docs for term in doc)
        n = len(documents)
        self.idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in frequency.items()}
        self._unseen = math.log(1 + (n + 0.5) / 0.5)
        self._k1, self._b = k1, b

    def weight(self, term: str) -> float:
        """A term's IDF; a term no document holds weighs most."""
        return self.idf.get(term, self._unseen)

    def score(self, query: list[str], index: int) -> float:
        doc, length = self._docs[index], self._lengths[index]
        total = 0.0
        for term in set(query):
            tf = doc.get(term, 0)
            if tf:
                norm = tf * (self._k1 + 1) / (tf + self._k1 * (1 - self._b + self._b * length / self._avg))
                total += self.idf[term] * norm
        return total
