"""The query API: load the tables once, answer questions from them. Callers never see SQL."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import zhconv
from sqlalchemy import create_engine, select

from . import schema
from .answers import Answer, format_hotline, format_hotline_list, format_units, not_found
from .places import region_names, strip_suffix
from .search import BM25, Terms
from .settings import database_url
from .topics import Topic, load_topics

HOTLINE_CUES = ("热线", "电话", "号码", "打给", "联系方式", "打哪个", "拨打")
_MAX_QUESTION_CHARS = 300
_RECORD_BOOST = 1.3
_SECOND_UNIT_SHARE = 0.6
_CONTEXT_WEIGHT = 0.3
_FOUND_COVERAGE = 0.5  # share of a question's words a passage must contain to count as an answer


@dataclass(frozen=True)
class ArticleInfo:
    id: int
    title: str
    date_text: str
    topic: str | None
    place: str
    body: str
    published: str = ""  # YYYY-MM-DD, or "" when only a month is known
    publisher: str = ""
    url: str = ""


@dataclass(frozen=True)
class HotlineInfo:
    article_id: int
    department: str
    numbers: tuple[str, ...]
    opened: str
    issuer: str
    purpose: str
    scope: str


@dataclass(frozen=True)
class Unit:
    """Something an answer can show: a passage, or a typed record matched through one of its fields."""
    text: str
    match_text: str
    article_id: int
    topic: str | None
    is_record: bool


class KnowledgeBase:
    def __init__(self, articles: list[ArticleInfo], hotlines: list[HotlineInfo], units: list[Unit],
                 vocabulary: dict[str, str], topics: dict[str, Topic], terms: Terms,
                 department_forms: list[tuple[str, str]]):
        self.articles = {a.id: a for a in articles}
        self.hotlines = hotlines
        self.topics = topics
        self.vocabulary = vocabulary
        self._units = units
        self._terms = terms
        self._index = BM25([terms.terms(u.match_text) for u in units])
        self._department_forms = sorted(department_forms, key=lambda pair: -len(pair[0]))

    @classmethod
    def load(cls, url: str | None = None) -> "KnowledgeBase":
        engine = create_engine(url or database_url(), future=True)
        with engine.connect() as conn:
            article_rows = conn.execute(select(schema.articles).order_by(schema.articles.c.id)).all()
            passage_rows = conn.execute(select(schema.passages).order_by(schema.passages.c.id)).all()
            hotline_rows = conn.execute(select(schema.hotlines).order_by(schema.hotlines.c.id)).all()
            field_rows = conn.execute(select(schema.record_fields).order_by(
                schema.record_fields.c.record_no, schema.record_fields.c.seq)).all()
        engine.dispose()
        articles = [ArticleInfo(r.id, r.title, r.date_text, r.topic, r.place, r.body, r.published, r.publisher, r.url)
                    for r in article_rows]
        topic_of = {a.id: a.topic for a in articles}
        hotlines = [HotlineInfo(r.article_id, r.department, tuple(r.numbers.split("、")), r.opened, r.issuer,
                                r.purpose, r.scope) for r in hotline_rows]
        topics = load_topics()
        units = [Unit(r.text, r.text, r.article_id, topic_of[r.article_id], False) for r in passage_rows]
        units += _record_units(field_rows, topic_of, topics)
        terms = Terms()
        forms = department_forms(list(dict.fromkeys(h.department for h in hotlines)), terms.cut)
        vocabulary = _vocabulary(articles, field_rows, forms)
        terms.add_words(vocabulary)
        return cls(articles, hotlines, units, vocabulary, topics, terms, forms)

    # --- what the KB knows ------------------------------------------------------------------
    def departments(self) -> list[str]:
        return list(dict.fromkeys(h.department for h in self.hotlines))

    def find_department(self, text: str) -> str | None:
        for form, department in self._department_forms:
            if form in text:
                return department
        return None

    def unknown_places(self, question: str) -> list[str]:
        """Chinese places the question names that no article mentions: the KB knows nothing about them."""
        regions = region_names()
        named = dict.fromkeys(word for word in self._terms.cut(question) if word in regions)
        return [place for place in named
                if not any(strip_suffix(place) in a.title + a.body for a in self.articles.values())]

    def topic_department(self, topic: str | None) -> str:
        """The hotline that fits a conversation about a topic (综合协调's, or the first, when none fits)."""
        departments = self.departments()
        wanted = self.topics[topic].department if topic in self.topics else "综合协调"
        return wanted if wanted in departments else (departments[0] if departments else "")

    # --- answers ----------------------------------------------------------------------------
    def ask(self, question: str, topic: str | None = None, department: str | None = None,
            context: str = "") -> Answer:
        """Answer a question, optionally within a topic or about a department's hotline.

        context: the conversation's earlier question, for an elliptical follow-up ("一个月几趟？"); it only
        breaks ties between passages that match the question itself.
        """
        question = clean_question(question)
        elsewhere = self.unknown_places(question)
        if elsewhere:
            return not_found(f"抱歉，报道里没有关于{'、'.join(elsewhere)}的内容。")
        department = department or self.find_department(question)
        if department and topic in (None, "hotline"):
            return self.hotline(department)
        if topic == "hotline" or (topic is None and mentions_hotline(question)):
            return self.hotline_list()
        if topic in self.topics:
            return self.topic_answer(question, topic, clean_question(context))
        return self.search(question)

    def hotline(self, department: str) -> Answer:
        matches = [h for h in self.hotlines if h.department == department]
        if not matches:
            return self.hotline_list()
        return format_hotline(matches, self.articles[matches[0].article_id])

    def hotline_list(self) -> Answer:
        if not self.hotlines:
            return not_found()
        return format_hotline_list(self.hotlines, self.articles)

    def topic_answer(self, question: str, topic: str, context: str = "") -> Answer:
        """The units of the topic that best match; the topic's overview when the question names nothing."""
        candidates = [i for i, u in enumerate(self._units) if u.topic == topic]
        if not candidates:
            return not_found()
        ranked = self._rank(question, candidates, context)
        if not ranked or ranked[0][0] <= 0:
            records = {self._units[i].text: self._units[i] for i in candidates if self._units[i].is_record}
            overview = list(records.values())[:3] or [self._units[candidates[0]]]
            return format_units(overview, self.articles, topic)
        return format_units(self._best_units(ranked), self.articles, topic)

    def search(self, question: str) -> Answer:
        """The whole KB; not found unless a unit covers most of the question's words."""
        ranked = self._rank(question, range(len(self._units)))
        if not ranked or not self._covers(question, self._units[ranked[0][1]]):
            return not_found()
        return format_units(self._best_units(ranked), self.articles, self._units[ranked[0][1]].topic)

    def topic_covers(self, question: str, topic: str) -> bool:
        """Whether some passage or record of the topic contains most of the question's words."""
        question = clean_question(question)
        ranked = self._rank(question, [i for i, u in enumerate(self._units) if u.topic == topic])
        return bool(ranked) and self._covers(question, self._units[ranked[0][1]])

    def _covers(self, question: str, unit: Unit) -> bool:
        words = set(self._terms.words(question))
        covered = set(self._terms.words(unit.match_text)) | set(self._terms.terms(unit.match_text))
        return bool(words) and len(words & covered) / len(words) >= _FOUND_COVERAGE

    def _rank(self, question: str, candidates, context: str = "") -> list[tuple[float, int]]:
        query, context_query = self._terms.terms(question), self._terms.terms(context)
        scored = []
        for i in candidates:
            score = self._index.score(query, i) + _CONTEXT_WEIGHT * self._index.score(context_query, i)
            scored.append((score * (_RECORD_BOOST if self._units[i].is_record else 1.0), i))
        return sorted(scored, key=lambda pair: (-pair[0], pair[1]))

    def _best_units(self, ranked: list[tuple[float, int]]) -> list[Unit]:
        best_score, best = ranked[0]
        chosen = [self._units[best]]
        for score, i in ranked[1:]:
            unit = self._units[i]
            if score < best_score * _SECOND_UNIT_SHARE:
                break
            if unit.text not in (u.text for u in chosen):
                chosen.append(unit)
                break
        return chosen


def mentions_hotline(question: str) -> bool:
    return any(cue in question for cue in HOTLINE_CUES)


def clean_question(text: str) -> str:
    """Plain simplified-Chinese text, short enough to search: tags dropped, whitespace folded, length capped."""
    text = re.sub(r"<[^>]{0,200}>", " ", text or "")
    text = re.sub(r"\s+", " ", text).strip()[:_MAX_QUESTION_CHARS]
    return zhconv.convert(text, "zh-cn")


def department_forms(departments: list[str], cut) -> list[tuple[str, str]]:
    """Full names, then the word-boundary prefixes that belong to one department only (交通运输保障 → 交通, 交通运输)."""
    forms = {d: d for d in departments}
    owners: dict[str, set[str]] = {}
    for department in departments:
        prefix = ""
        for word in cut(department)[:-1]:
            prefix += word
            if len(prefix) >= 2:
                owners.setdefault(prefix, set()).add(department)
    for prefix, departments_with_it in owners.items():
        if len(departments_with_it) == 1:
            forms.setdefault(prefix, departments_with_it.pop())
    return list(forms.items())


def _record_units(field_rows, topic_of: dict, topics: dict[str, Topic]) -> list[Unit]:
    """One unit per field, each showing the whole record, so a question about any field finds it."""
    by_record: dict[int, list] = {}
    for row in field_rows:
        by_record.setdefault(row.record_no, []).append(row)
    kind_topic = {kind: name for name, topic in topics.items() for kind in topic.records}
    units = []
    for rows in by_record.values():
        first = rows[0]
        text = f"【{first.record_label}】" + "；".join(f"{r.label}：{r.value}" for r in rows) + "。"
        topic = kind_topic.get(first.kind, topic_of[first.article_id])
        units += [Unit(text, f"{first.record_label} {r.label} {r.value}", first.article_id, topic, True)
                  for r in rows]
    return units


def _vocabulary(articles: list[ArticleInfo], field_rows, forms: list[tuple[str, str]]) -> dict[str, str]:
    """Words the tokenizer must keep whole, each with its kind: department, place, platform or name."""
    vocabulary: dict[str, str] = {}
    for row in field_rows:
        if row.vocabulary:
            for name in split_names(row.value):
                vocabulary[name] = row.vocabulary
    for article in articles:
        if article.place:
            vocabulary[article.place] = "place"
        for quoted in re.findall(r"“([\u4e00-\u9fff]{2,10})”", article.body):
            vocabulary.setdefault(quoted, "name")
    for form, _ in forms:
        vocabulary[form] = "department"
    return vocabulary


def split_names(value: str) -> list[str]:
    """"“寒亭人社”“找活儿”等微信平台" → the quoted names; "坊子区、寒亭区" → each; else the value."""
    quoted = re.findall(r"“([^”]+)”", value)
    if quoted:
        return quoted
    return [part for part in re.split(r"[、，和]", value) if 2 <= len(part) <= 12]


@lru_cache(maxsize=None)
def default_kb() -> KnowledgeBase:
    """The knowledge base at KB_DATABASE_URL (or build/kb.sqlite), loaded once per process."""
    return KnowledgeBase.load()
