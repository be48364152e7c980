"""The query API: load the tables once, answer questions from them. Callers never see SQL.

Any question goes to the whole knowledge base. Sentences are ranked by BM25 over jieba words and single
characters, weighed by how well their article matches the question as a whole, and by whether they state the
kind of fact the question asks for (kb/kinds.py). The answer leads with the clause that holds the fact, then
the source; a follow-up is asked together with the conversation's previous question and prefers its article.
"""
from __future__ import annotations

import functools
import hashlib
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType

import zhconv
from sqlalchemy import create_engine, select

from . import kinds, schema, tiers
from .answers import Answer, format_hotline, format_hotline_list, format_parts, not_found, source_line
from .places import county_names, names_a_development_zone, nested, region_names, region_names_in, strip_suffix
from .search import BM25, Terms, everyday_non_nouns, general_weight
from .settings import database_url
from .text import DATE_PARTS
from .thesaurus import synonyms

_MAX_QUESTION_CHARS = 300
_CONTEXT_WEIGHT = 0.3          # the previous question's words, for a follow-up
_ARTICLE_WEIGHT = 0.6          # how much the article's match with the whole question lifts its sentences
_FOCUS_WEIGHT = 2.0           # the noun a question word asks about ("什么平台" → 平台) counts three times
_HEADING_MATCH = 1.0           # an article whose title and publisher hold the question's words lifts its clauses
_TITLE_TERM_WEIGHT = 0.3       # in a clause, its article's title or publisher words: they chose the article, not it
_SENTENCE_WEIGHT = 0.5        # the rest of a clause's sentence
_NEIGHBOUR_WEIGHT = 0.3        # the sentences before and after: "它"/"该公司" name their subject there
_KIND_MATCH = 1.6              # a sentence stating the kind of fact asked for…
_KIND_MISS = 0.6               # …and one that does not
_FUTURE_MATCH = 2.0            # a plan ("定于3月20日举行") for a question about what comes next ("下一场")
_MEASURE_MATCH = 1.6           # a count in the measure word asked ("多少户" → "1260户") or per it ("一节" → "每节")
_ECHO_WEIGHT = 0.5             # a clause repeating what the question asks for ("怎么个模式" / "…的模式")
_PLACE_MISS = 0.6              # a sentence whose article names none of the counties the question names
_YES_NO_MATCH = 1.3            # a yes/no question's last word ("…掏车费吗" → 车费) in the passage
_OTHER_YEARS = 0.35            # an article of another year than the question names ("21年"), its sentence not naming it
_TIER_MATCH = 1.6              # a tier the amount the question states falls in ("15万的呢" → "10万元及以上的")…
_TIER_MISS = 0.7               # …and only tiers it does not ("不足10万元的")
_LATER_ARTICLE = 0.5           # an article published after the time asked about ("5月中旬…那阵"): a later state
_OTHER_DAYS = 0.7              # a sentence dated to other days than the question names ("4月7日…" for "2月20号")
_SERIES_MATCH = 1.6            # the place in a series the question names ("第一例" → "首例")…
_SERIES_MISS = 0.7             # …and only other places in that series ("第二例", "第三例")
_QUOTE_WEIGHT = 0.5            # a sentence that is someone's words in quotation marks: colour, not the article's facts
_RECENCY_WEIGHT = 0.05         # the newest article's sentences weigh this much more than the oldest's…
_LATEST_WEIGHT = 0.5           # …and this much when the question asks for the latest ("现在", "累计", "最近")
_ELLIPTICAL_WORDS = 2          # a question with this few words of its own leans on the conversation
_STAY_SHARE = 0.5              # …and stays in its article when that scores at least this share of the best
_FOLLOW_UP_BOOST = 1.2         # sentences of the article the conversation is about, for a follow-up…
_NEAR_PREVIOUS_BOOST = 1.2     # …and the previous answer's sentence and its neighbours: related facts stand together
_FOUND_COVERAGE = 0.4          # share (by IDF) of a question's words found around its best sentence
_ELSEWHERE_SHARE = 0.5         # a word found only elsewhere in the article counts this much
_SYNONYM_SHARE = 0.7           # a question's word found as a near-synonym (饭店 / 餐馆; kb/thesaurus.py)
_COVER_CANDIDATES = 5           # how far down the ranking an answer that covers the question is looked for
_SECOND_ARTICLE_SHARE = 0.85   # another article's sentence this close to the best is shown too…
_LATEST_SHARE = 0.5            # …and one this close replaces it when newer and the latest is asked for
_ALSO_SHARE = 0.7              # another clause of the same article this close to the best is shown under it…
_ALSO_MAX_CHARS = 100          # …when the two together are this short
_DIRECT_CHARS = 60             # a longer sentence answers with one or two of its clauses
_OVERVIEW_CHARS = 200
_FIGURES = frozenset({kinds.COUNT, kinds.MONEY, kinds.DATE, kinds.DAY, kinds.CLOCK, kinds.DURATION, kinds.FREQUENCY})
_REPORT_FACTS = {kinds.PUBLISHED: "发布日期", kinds.PUBLISHER: "发布者"}
_WHICH_REPORT = "请说一下是哪篇报道（它的标题或报道的事），我再告诉您它的{}。"
_QUOTATION = re.compile(r"“[^”]*”$|“[^”]*[。！？]”")  # a sentence that opens with someone's words
_CLAUSE_MARKS = "，；：。！？"
_CLAUSE_END = re.compile(r"(?<=[，；。！？])|(?<=：)(?!\d)")  # not inside "8：30" nor before "电话：0536…"


@dataclass(frozen=True)
class ArticleInfo:
    id: int
    title: str
    date_text: str
    place: str
    body: str
    published: str = ""  # YYYY-MM-DD, or "" when only a month is known
    publisher: str = ""
    url: str = ""

    @property
    def date_key(self) -> tuple[int, int, int]:
        """(year, month, day) for newest-first ordering; missing parts count as 0."""
        if self.published:
            year, month, day = map(int, self.published.split("-"))
            return year, month, day
        match = DATE_PARTS.search(self.date_text)
        if not match:
            return 0, 0, 0
        year, month, day = (int(part) if part else 0 for part in match.groups())
        return year, month, day


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
    """Something an answer can show: one or two clauses of a sentence (sentence: its index), one department's
    hotline (department set), or an article's whole hotline list (department "")."""
    text: str
    match_text: str
    article_id: int
    kinds: frozenset[str]
    department: str | None = None
    sentence: int | None = None


@dataclass(frozen=True)
class Sentence:
    text: str
    article_id: int


class KnowledgeBase:
    def __init__(self, articles: list[ArticleInfo], hotlines: list[HotlineInfo], sentences: list[Sentence],
                 units: list[Unit], terms: Terms, department_forms: list[tuple[str, str]],
                 aliases: list[tuple[str, str]]):
        self.articles = {a.id: a for a in articles}
        self.hotlines = hotlines
        self._sentences = sentences
        self._units = units
        self._terms = terms
        self._index = BM25([terms.terms(u.match_text) for u in units])
        self._sentence_index = BM25([terms.terms(s.text) for s in sentences])
        self._article_ids = [a.id for a in articles]
        self._article_text = {a.id: _mentions(a) for a in articles}
        # a page's own site or account ("寿光市人民医院") names what it is about, as its title does
        self._heading = {a.id: f"{a.title} {_without_places(a.publisher)}" for a in articles}
        self._article_index = BM25([terms.terms(f"{self._heading[a.id]} {self._article_text[a.id]}") for a in articles])
        self._department_forms = sorted(department_forms, key=lambda pair: -len(pair[0]))
        dates = sorted({a.date_key for a in articles})
        place = {date: n / (len(dates) - 1) if len(dates) > 1 else 1.0 for n, date in enumerate(dates)}
        self._newness = {a.id: place[a.date_key] for a in articles}  # 0 the oldest day, 1 the newest
        self._years = {a.id: _years_about(a) for a in articles}
        self._aliases = sorted(aliases, key=lambda pair: -len(pair[0]))
        self._quotations = {n for n, s in enumerate(sentences) if _QUOTATION.match(s.text)}
        self._first_sentence: dict[int, int] = {}
        for n, sentence in enumerate(sentences):
            self._first_sentence.setdefault(sentence.article_id, n)
        self._places_about = {a.id: self._named_places(f"{a.title} {a.place}", region_names()) for a in articles}
        self._synonyms_used: dict[str, tuple[str, ...]] = {}
        self._body_place: dict[int, list[str]] = {}
        self._keys = {a.id: _article_key(a) for a in articles}
        self._ids_by_key: dict[str, int] = {}
        for article_id, key in self._keys.items():
            self._ids_by_key.setdefault(key, article_id)
        self._corpus = "\n".join(self._article_text.values())
        synonyms()  # read now, not at the first question

    @classmethod
    def load(cls, url: str | None = None) -> KnowledgeBase:
        engine = create_engine(url or database_url(), future=True)
        with engine.connect() as conn:
            article_rows = conn.execute(select(schema.articles).order_by(schema.articles.c.id)).all()
            passage_rows = conn.execute(select(schema.passages).order_by(schema.passages.c.id)).all()
            hotline_rows = conn.execute(select(schema.hotlines).order_by(schema.hotlines.c.id)).all()
            alias_rows = conn.execute(select(schema.hotline_aliases).order_by(schema.hotline_aliases.c.id)).all()
        engine.dispose()
        articles = [ArticleInfo(r.id, r.title, r.date_text, r.place, r.body, r.published, r.publisher, r.url)
                    for r in article_rows]
        hotlines = [HotlineInfo(r.article_id, r.department, tuple(r.numbers.split("、")), r.opened, r.issuer,
                                r.purpose, r.scope) for r in hotline_rows]
        departments = list(dict.fromkeys(h.department for h in hotlines))
        aliases = [(r.word, r.department) for r in alias_rows]
        listed = {(h.article_id, n) for h in hotlines for n in h.numbers}
        sentences = [Sentence(r.text, r.article_id) for r in passage_rows
                     if not _is_listed_hotline(r.text, r.article_id, listed)]
        units = [Unit(text, text, s.article_id, kinds.stated_kinds(text), sentence=number)
                 for number, s in enumerate(sentences) for text in clause_windows(s.text)]
        units += [_hotline_unit(h, [w for w, d in aliases if d == h.department]) for h in hotlines]
        units += [_hotline_list_unit([h for h in hotlines if h.article_id == a.id], a)
                  for a in articles if any(h.article_id == a.id for h in hotlines)]
        terms = Terms()
        forms = department_forms(departments, terms.cut)
        terms.add_words([form for form, _ in forms] + [word for word, _ in aliases] + _quoted_names(articles)
                        + [place for place in _places_named(articles) if not terms.knows(place)])
        return cls(articles, hotlines, sentences, units, terms, forms, aliases)

    # --- what the KB knows ------------------------------------------------------------------
    def article_key(self, article_id: int) -> str:
        """A name of the article that outlives rebuilds, for a conversation to remember between turns: a build
        numbers the articles afresh, so an id kept from before an article was added may name another one."""
        return self._keys[article_id]

    def article_id_of(self, key: str | None) -> int | None:
        """The article `article_key` named, if this build holds it unchanged."""
        return self._ids_by_key.get(key) if key else None

    def departments(self) -> list[str]:
        return list(dict.fromkeys(h.department for h in self.hotlines))

    def find_department(self, text: str, everyday_words: bool = False) -> str | None:
        """The department a text names (full name or a prefix only it has); with everyday_words, also one
        whose problem area it mentions (贷款 → 金融运行)."""
        forms = self._department_forms + (self._aliases if everyday_words else [])
        return next((department for form, department in forms if form in text), None)

    def general_department(self) -> str:
        """The hotline for anything: the first of the newest hotline list."""
        if not self.hotlines:
            return ""
        newest = max({h.article_id for h in self.hotlines}, key=lambda i: self.articles[i].date_key)
        return next(h.department for h in self.hotlines if h.article_id == newest)

    def latest_titles(self, count: int = 6) -> list[str]:
        """Titles of the newest articles, for "what can you answer"."""
        newest = sorted(self.articles.values(), key=lambda a: (a.date_key, a.id), reverse=True)
        return [a.title for a in newest[:count] if a.title]

    def _named_places(self, text: str, names: frozenset[str]) -> list[str]:
        """The places of `names` (county_names, region_names) a text names ("坊子区的…", "寿光"), without their
        suffix; also at the start of a longer word ("坊子交通", a quoted name the dictionary holds)."""
        named = (word[:length] for word in self._terms.cut(text) for length in range(len(word), 1, -1)
                 if word[:length] in names)
        return list(dict.fromkeys(strip_suffix(name) for name in named))

    def unknown_places(self, question: str) -> list[str]:
        """Chinese places the question names that no article mentions: the KB knows nothing about them."""
        regions = region_names()
        named = dict.fromkeys(word for word in self._terms.cut(question) if word in regions)
        return [place for place in named
                if not any(strip_suffix(place) in text for text in self._article_text.values())]

    # --- answers ----------------------------------------------------------------------------
    def ask(self, question: str, context: str = "", context_article: int | None = None,
            context_department: str | None = None, context_passage: int | None = None) -> Answer:
        """Answer a question from everything the KB holds.

        context: the conversation's previous question, and context_article / context_department /
        context_passage what the previous answer was about (Answer.article_id, .department, .passage). They
        decide an elliptical follow-up ("一个月几趟？", "金融的呢？", another department after a hotline) and only
        break ties for a question that stands on its own.
        """
        question = clean_question(question)
        if not question:
            return not_found()
        elsewhere = self.unknown_places(question)
        if elsewhere:
            return not_found(f"抱歉，报道里没有关于{'、'.join(elsewhere)}的内容。")
        asked = kinds.asked_kinds(question)
        named = next((d for d in self.departments() if d in question), None)  # the full name, not a prefix
        if named and kinds.PHONE in asked:
            return self.hotline(named)
        if context_department:  # after a hotline, "金融的呢？" / "那外贸呢" ask for another department's
            other = self.find_department(question, everyday_words=True)
            if other:
                return self.hotline(other)
        weights = self._word_weights(question)
        elliptical = len(weights) <= _ELLIPTICAL_WORDS
        about_the_report = kinds.asks_about_the_report(question)
        which_report = self._word_weights(kinds.without_the_report_asked(question)) if about_the_report else {}
        if about_the_report and len(which_report) <= _ELLIPTICAL_WORDS:  # "这篇报道是几号发的": the one talked about
            if context_article is None:
                return not_found(_WHICH_REPORT.format(_REPORT_FACTS[about_the_report]))
            report = self._report_fact(context_article, about_the_report)
            if report:
                return report
        context = clean_question(context)
        if elliptical and not asked:  # "那初中呢？" after "小学一节课多长时间": asks what the question before asked
            asked = kinds.asked_kinds(context)
        previous = self._first_sentence.get(context_article, 0) + context_passage \
            if context_article is not None and context_passage is not None else None
        synonyms = self._near_synonyms(weights)
        lifts = {aid: 1 + _HEADING_MATCH * _share(weights, self._heading[aid]) for aid in self._article_ids}
        ranked = self._rank(question, weights, synonyms, lifts, context, context_article, asked, elliptical, previous)
        if context_article is not None and elliptical and ranked:
            # "前后用了多久？", "派到了多少家？": (almost) nothing of its own, so it is about the conversation's
            # article, unless another article answers it far better ("临朐定点医院" after a hotline)
            within = [pair for pair in ranked if self._units[pair[1]].article_id == context_article]
            # only question words, or words that name no thing ("什么时候开始的", not "那外贸呢"): what it asks for
            # is all there is to go by
            nothing_new = not weights or (weights.keys() <= everyday_non_nouns() and bool(asked - kinds.FREE_FORM))
            if nothing_new:
                within = [pair for pair in within if _states_asked(self._units[pair[1]].kinds, asked)] or within
            if within and (nothing_new or within[0][0] >= _STAY_SHARE * ranked[0][0]):
                ranked = within
        numbers = kinds.phone_numbers(question)
        if numbers:  # "8090775是哪个部门的电话": only what holds that number can answer
            ranked = [(score, i) for score, i in ranked if any(n in self._units[i].match_text for n in numbers)]
        if not ranked:
            return not_found()
        best = self._units[ranked[0][1]]
        if best.department is not None:
            department = self.find_department(question, everyday_words=True) or context_department or \
                (best.department if numbers else None)
            if department:
                return self.hotline(department)
            if kinds.PHONE in asked or best.department == "":
                return self.hotline_list()
        if best.article_id != context_article:  # a follow-up ("要是自己去拿，有几个点"): its subject was asked before
            # the best of the top units that hold most of what the question is about
            covering = [pair for pair in ranked[:_COVER_CANDIDATES] if self._covers(weights, synonyms, pair[1])]
            if not covering or self._units[covering[0][1]].department is not None:
                return not_found()
            ranked = covering + [pair for pair in ranked if pair not in covering]
        places = self._named_places(question, region_names())
        if places and self._about_another_place(self._units[ranked[0][1]], places):
            return not_found(f"抱歉，报道里没有{'、'.join(places)}的这方面内容。")
        if about_the_report:
            report = self._report_fact(self._units[ranked[0][1]].article_id, about_the_report)
            if report:
                return report
        return self._compose(question, ranked, asked, places, lifts)

    def _report_fact(self, article_id: int, fact: str) -> Answer | None:
        """The article's own day or publisher, for a question about the report itself ("那篇报道是几号发的"); None
        when the article does not give it (a day only its text reports is no publication day)."""
        article = self.articles[article_id]
        value = article.date_text if fact == kinds.PUBLISHED and article.published else \
            article.publisher if fact == kinds.PUBLISHER else ""
        if not value:
            return None
        return Answer(f"{_REPORT_FACTS[fact]}：{value}。\n{source_line([article])}", article_id=article_id)

    def _about_another_place(self, unit: Unit, places: list[str]) -> bool:
        """A unit of an article that never names these places, whose title or dateline (or, where they name none,
        the unit's own sentence) names another place, neither within nor around these: what it says of 潍城
        does not answer for 青州, of 潍坊港 not for 青岛. (An article about 潍坊 answers for 寿光, one about 寿光
        for 潍坊. One about a development zone, 高新区, answers for no county it does not name: not for 临朐. One
        whose title, dateline and sentence name no place is about the place its body names most.)"""
        if any(place in self._article_text[unit.article_id] for place in places):
            return False
        article = self.articles[unit.article_id]
        about = self._places_about[unit.article_id] or self._named_places(self._sentence_text(unit), region_names())
        if not about and names_a_development_zone(f"{article.title} {article.place} {self._sentence_text(unit)}"):
            return all(place in county_names() for place in places)
        about = about or self._most_named_place(article)
        return bool(about) and not any(nested(a, p) for a in about for p in places)

    def _most_named_place(self, article: ArticleInfo) -> list[str]:
        """The place an article's body names most often as a word of its own, twice or more ("寒亭区及时暂停…",
        "寒亭区人社局…"; not the 中山 of 中山路). Counted once per article, when first needed."""
        if article.id not in self._body_place:
            counts = Counter(strip_suffix(word) for word in self._terms.cut(article.body) if word in region_names())
            top = counts.most_common(2)
            self._body_place[article.id] = [top[0][0]] if top and top[0][1] >= 2 and \
                (len(top) == 1 or top[0][1] > top[1][1]) else []
        return self._body_place[article.id]

    def hotline(self, department: str) -> Answer:
        matches = [h for h in self.hotlines if h.department == department]
        if not matches:
            return self.hotline_list()
        return format_hotline(matches, self.articles[matches[0].article_id])

    def hotline_list(self) -> Answer:
        if not self.hotlines:
            return not_found()
        return format_hotline_list(self.hotlines, self.articles)

    def _rank(self, question: str, weights: dict[str, float], synonyms: Mapping[str, tuple[str, ...]],
              lifts: Mapping[int, float], context: str, context_article: int | None, asked: frozenset[str],
              elliptical: bool = False, previous: int | None = None) -> list[tuple[float, int]]:
        """weights: the question's own words (_word_weights); synonyms: their near-synonyms (_near_synonyms),
        looked up once per question for the ranking and the coverage check; lifts: each article's heading lift.
        elliptical: the question has (almost) nothing of its own, so a clause may match it through the previous
        question alone. previous: the sentence the previous answer led with."""
        query, context_query = self._terms.terms(question), self._terms.terms(context)
        own_context = _CONTEXT_WEIGHT if elliptical else 0.0
        # "哪个部门" in "找哪个部门" asks whom to call, not about a department
        focus = [] if kinds.PHONE in asked else \
            [w for word in kinds.focus_words(question) for w in self._terms.terms(word)]
        periods = kinds.periods(question) if kinds.FREQUENCY in asked else frozenset()
        article_scores = {aid: self._article_index.score(query, i) + _CONTEXT_WEIGHT *
                          self._article_index.score(context_query, i) for i, aid in enumerate(self._article_ids)}
        top_article = max(article_scores.values(), default=0.0) or 1.0
        sentence_scores = [self._sentence_index.score(query, n) + _CONTEXT_WEIGHT *
                           self._sentence_index.score(context_query, n) for n in range(len(self._sentences))]
        split = {aid: _split_by_heading(query, self._heading[aid]) for aid in self._article_ids}
        recency = _LATEST_WEIGHT if kinds.asks_for_the_latest(question) else _RECENCY_WEIGHT
        echoed = kinds.asking_nouns(question)
        measures = kinds.asked_measures(question)
        counted = frozenset(words[0] for words in map(self._terms.keywords, kinds.after_count(question))
                            if words and len(words[0]) >= 2)
        per_unit = kinds.asked_per_unit(question)
        time_units = kinds.asked_time_units(question) if kinds.DURATION in asked else frozenset()
        future = kinds.asks_for_the_future(question)
        # one character turns on nothing in particular
        turns_on = ([w for w in self._terms.keywords(kinds.yes_no_subject(question)) if len(w) >= 2] or [""])[-1] \
            if not asked else ""
        span = kinds.DATE in asked and kinds.asks_for_a_span(question)
        start = kinds.DATE in asked and kinds.asks_for_a_start(question) and not span  # "从哪天到哪天": both ends
        amounts = tiers.stated_amounts(question)
        named_days = kinds.named_days(question)
        series = kinds.ordinals(question)
        years = kinds.named_years(question)
        # articles published after the time the question asks about (in the year it names, else in their own year)
        later = {aid for aid, article in self.articles.items() if article.date_key[1]
                 and all(article.date_key > (max(years, default=article.date_key[0]), month, day or 31)
                         for month, day in named_days)} \
            if named_days and kinds.asks_about_that_time(question) else set()
        other_years = {aid for aid, about in self._years.items() if years and not years & about}
        recognisable = asked - kinds.FREE_FORM
        # the names the question says ("高密", "跨省", "潍坊港"), not how it says a route ("包车", "开往")
        question_names = _alternation(w for w in weights if len(w) >= 2 and w not in focus
                                      and (w in region_names() or kinds.stated_names(w))
                                      and not kinds.says_how_a_route_goes(w))
        counties = self._named_places(question, county_names())
        elsewhere = {aid for aid, text in self._article_text.items()
                     if counties and not any(c in text for c in counties)}
        scored = []
        for i, unit in enumerate(self._units):
            about_other_things, about_the_title = split[unit.article_id]
            own = (self._index.score(about_other_things, i) + _TITLE_TERM_WEIGHT * self._index.score(about_the_title, i)
                   + _FOCUS_WEIGHT * self._index.score(focus, i) + own_context * self._index.score(context_query, i))
            if own <= 0:
                continue
            score = own
            if unit.sentence is not None:
                score += _SENTENCE_WEIGHT * sentence_scores[unit.sentence] + \
                    _NEIGHBOUR_WEIGHT * sum(sentence_scores[n] for n in self._neighbours(unit.sentence))
            else:  # a hotline is its own sentence
                score *= 1 + _SENTENCE_WEIGHT
            around = f"{self._sentence_text(unit)} {self._heading[unit.article_id]}"
            score *= 0.5 + 0.5 * _share(weights, around, scattered_in=around, synonyms=synonyms)  # more of the question
            score *= 1 + _ARTICLE_WEIGHT * article_scores[unit.article_id] / top_article
            score *= lifts[unit.article_id]
            score *= 1 + recency * self._newness[unit.article_id]
            if recognisable:
                stated = _beyond_the_question(unit, question_names) if unit.kinds & recognisable & kinds.NAMES \
                    else unit.kinds
                states = _states_asked(stated, recognisable) and _same_period(periods, unit.match_text)
                score *= _KIND_MATCH if states else _KIND_MISS
            if future and kinds.states_the_future(unit.text):
                score *= _FUTURE_MATCH
            if kinds.states_measure(unit.text, measures, counted):
                score *= _MEASURE_MATCH
            if kinds.states_time_unit(unit.text, time_units):
                score *= _MEASURE_MATCH
            if kinds.states_per_unit(unit.text, per_unit):
                score *= _MEASURE_MATCH
            if start and kinds.states_a_start(unit.text):
                score *= _MEASURE_MATCH
            if span and kinds.states_a_span(unit.text):
                score *= _MEASURE_MATCH
            if amounts:
                inside = tiers.falls_in(amounts, unit.text)
                score *= 1.0 if inside is None else _TIER_MATCH if inside else _TIER_MISS
            if turns_on and turns_on in unit.text:
                score *= _YES_NO_MATCH
            if named_days and kinds.dates_to_other_days(self._sentence_text(unit), named_days):
                score *= _OTHER_DAYS
            if unit.article_id in later and not kinds.names_a_month_of(self._sentence_text(unit), named_days):
                score *= _LATER_ARTICLE
            if series:
                in_series = kinds.ordinals(unit.text)
                score *= _SERIES_MATCH if series & in_series else \
                    _SERIES_MISS if kinds.other_places_in(series, in_series) else 1.0
            if unit.article_id in other_years and not any(str(year) in self._sentence_text(unit) for year in years):
                score *= _OTHER_YEARS
            if context_article is not None and unit.article_id == context_article:
                score *= _FOLLOW_UP_BOOST
                if previous is not None and unit.sentence is not None and abs(unit.sentence - previous) <= 1:
                    score *= _NEAR_PREVIOUS_BOOST
            if unit.article_id in elsewhere:
                score *= _PLACE_MISS
            if unit.sentence in self._quotations:
                score *= _QUOTE_WEIGHT
            if echoed:
                score *= 1 + _ECHO_WEIGHT * sum(word in unit.text for word in echoed) / len(echoed)
            scored.append((score, i))
        return sorted(scored, key=lambda pair: (-pair[0], pair[1]))

    def _neighbours(self, sentence: int) -> list[int]:
        """The sentences just before and after this one in its article."""
        article = self._sentences[sentence].article_id
        return [n for n in (sentence - 1, sentence + 1)
                if 0 <= n < len(self._sentences) and self._sentences[n].article_id == article]

    def _sentence_text(self, unit: Unit) -> str:
        return self._sentences[unit.sentence].text if unit.sentence is not None else unit.match_text

    def _covers(self, weights: dict[str, float], synonyms: Mapping[str, tuple[str, ...]], index: int) -> bool:
        """Whether the sentence, its neighbours and its article's heading (title and publisher, as ranked) hold
        most of the question's words, weighed by how rare each word is (a word no article uses weighs most)."""
        unit = self._units[index]
        article = self.articles[unit.article_id]
        neighbours = self._neighbours(unit.sentence) if unit.sentence is not None else []
        around = " ".join([self._sentence_text(unit), self._heading[unit.article_id], article.place,
                           *(self._sentences[n].text for n in neighbours)])
        # 人 and 所 are no 个人所得税
        near = _share(weights, around, scattered_in=around, scattered_share=0.5, synonyms=synonyms)
        elsewhere = _share({w: x for w, x in weights.items() if w not in around}, article.body, synonyms=synonyms)
        share = near + _ELSEWHERE_SHARE * elsewhere * (1 - near)
        return bool(weights) and share >= _FOUND_COVERAGE

    def _near_synonyms(self, weights: dict[str, float]) -> dict[str, tuple[str, ...]]:
        """The near-synonyms of the question's words that our articles hold, looked up once per word."""
        for word in weights.keys() - self._synonyms_used.keys():
            self._synonyms_used[word] = tuple(s for s in synonyms().get(word, ()) if s in self._corpus)
        return {word: self._synonyms_used[word] for word in weights}

    def _word_weights(self, question: str) -> dict[str, float]:
        """The words a question is about (its question words left out), each weighed by how rare it is both in
        Chinese at large ("现在" tells little) and in our articles ("潍坊" is in every other sentence)."""
        return {word: math.sqrt(general_weight(word) * self._index.weight(word))
                for word in self._terms.keywords(kinds.without_question_words(question))}

    def _compose(self, question: str, ranked: list[tuple[float, int]], asked: frozenset[str],
                 places: list[str], lifts: Mapping[int, float] = MappingProxyType({})) -> Answer:
        """The best unit, with a newer article's close one (its own date, newest first) unless that is about
        another place than the question names. A newer unit and the best are compared without their heading
        lifts, so that an older article's title holding the question's words does not hide a newer update (a
        newer title's own match is not counted either: counting it lost answers)."""
        best_score, best_index = ranked[0]
        best = self._units[best_index]
        overview = kinds.OVERVIEW in asked
        chosen = [best]
        latest = kinds.asks_for_the_latest(question)
        enough = best_score / lifts.get(best.article_id, 1.0) * (_LATEST_SHARE if latest else _SECOND_ARTICLE_SHARE)
        for score, i in ranked[1:]:
            unit = self._units[i]
            if score < enough:  # a lift only raises a score
                break
            if score / lifts.get(unit.article_id, 1.0) < enough:
                continue
            newer = self.articles[unit.article_id].date_key > self.articles[chosen[-1].article_id].date_key
            if newer and unit.department is None and (not asked or _states_asked(unit.kinds, asked)) \
                    and not (places and self._about_another_place(unit, places)):
                if not latest:  # both, newest first
                    chosen = [best, unit]
                    break
                chosen = [unit]  # only the newest when the latest is asked for ("最近一趟", "现在")
        parts = []
        for unit in chosen:
            text = self._overview(unit) if overview else _as_sentence(unit.text)
            parts.append((text, self.articles[unit.article_id]))
        # another clause of the best one's article only beside the best itself, never under a newer article's source
        close = self._close_units(question, ranked, best, asked) if chosen == [best] and not overview else []
        lead = chosen[0]
        if len(parts) == 1 and not overview and lead.sentence is not None:  # one sentence: what goes with it
            article = parts[0][1]
            shown = next(filter(None, (self._joined(best, unit) for unit in close)), lead)
            text = _as_sentence(shown.text)
            if asked <= {kinds.HOW}:
                text = self._with_following(lead.sentence, text)
            if kinds.ORGANISATION in asked:
                text = self._with_subject(lead.sentence, text)
            if kinds.PHONE in asked:
                text = self._with_listed_contacts(lead.sentence, text)
            if kinds.PHONE not in asked and not kinds.asks_about_the_report(question):  # "电话多少" asks no count
                text = self._with_asked_after(question, shown, text, asked & _FIGURES)
            parts = [(text, article)]
        also = next((unit for unit in close if unit.sentence != best.sentence
                     and len(unit.text) + len(best.text) <= _ALSO_MAX_CHARS), None)
        if also is not None and also.text not in parts[0][0]:
            parts.append((_as_sentence(also.text), parts[0][1]))
        answer = format_parts(parts)
        leading = next(unit for unit in chosen if unit.article_id == answer.article_id)
        if leading.sentence is None:
            return answer
        return replace(answer, passage=leading.sentence - self._first_sentence[leading.article_id])

    def _close_units(self, question: str, ranked: list[tuple[float, int]], best: Unit,
                     asked: frozenset[str]) -> list[Unit]:
        """Other clauses of the best one's article that score nearly as well and state what the question asks for
        (the kind of fact, not another day than it names): the ranking cannot tell which of them is meant, so the
        answer shows the stretch of the best one's sentence that it and a close window of that sentence cover
        (_joined), and under it a close clause of another sentence when that and the best are short together."""
        if best.sentence is None:
            return []
        best_score = ranked[0][0]
        recognisable = asked - kinds.FREE_FORM
        named_days = kinds.named_days(question)
        close = []
        for score, i in ranked[1:_COVER_CANDIDATES]:
            unit = self._units[i]
            if score < _ALSO_SHARE * best_score:
                break
            if unit.article_id == best.article_id and unit.sentence is not None \
                    and unit.text not in best.text and best.text not in unit.text \
                    and (not recognisable or _states_asked(unit.kinds, recognisable)) \
                    and not (named_days and kinds.dates_to_other_days(self._sentence_text(unit), named_days)):
                close.append(unit)
        return close

    def _joined(self, best: Unit, other: Unit) -> Unit | None:
        """Two windows of one sentence that overlap or meet ("…38项登记业务可以网上申请，" and "共有38项…，其中…12项
        实现全程网办，") as the one stretch of it they cover, when that is short."""
        if best.sentence is None or other.sentence != best.sentence:
            return None
        sentence = self._sentences[best.sentence].text
        at, other_at = sentence.find(best.text), sentence.find(other.text)
        if min(at, other_at) < 0:
            return None
        start, end = min(at, other_at), max(at + len(best.text), other_at + len(other.text))
        if end - start > min(len(best.text) + len(other.text), _ALSO_MAX_CHARS):  # a gap between them, or too long
            return None
        return replace(best, text=sentence[start:end], kinds=best.kinds | other.kinds)

    def _with_following(self, sentence: int, text: str) -> str:
        """A how-question, or one asking for no particular fact ("能送菜到家不"), is often answered by what comes
        after the words that name its subject: the next clause of their sentence ("职工上下班不方便，" → "街道就协调
        公交公司开通2条返岗专线"), or the next sentence when they end theirs ("…办理通行证。" → "关注“坊子交通”…").
        A clause that announces what follows ("采取了以下办法：") takes that too."""
        whole = self._sentences[sentence].text
        shown = text.rstrip(_CLAUSE_MARKS)
        at = whole.find(shown)
        if at >= 0:
            end = at + len(shown)
            for piece in _CLAUSE_END.split(whole[end:]):
                end += len(piece)
                if piece.strip(_CLAUSE_MARKS) and not piece.endswith("："):
                    return _as_sentence(whole[at:end])
            text = whole[at:] if whole[at + len(shown):].strip(_CLAUSE_MARKS) else text
        following = sentence + 1
        return text + self._sentences[following].text if following in self._neighbours(sentence) else text

    def _with_asked_after(self, question: str, best: Unit, text: str, asked: frozenset[str]) -> str:
        """A sentence naming what is asked about often leaves the figure asked for to the next one ("…举办了两期网上
        “春风行动”招聘会。" → "目前已有459名劳动者……参与招聘会"): when the answer does not state that kind of
        figure (in the measure asked, if any) and the next sentence does, it is shown too."""
        measures = kinds.asked_measures(question)

        def gives(passage: str, stated: frozenset[str]) -> bool:
            return (not asked or _states_asked(stated, asked)) and \
                (not measures or kinds.states_measure(passage, measures))

        sentence = best.sentence
        if sentence is None or not (asked or measures) or gives(best.text, best.kinds) \
                or sentence + 1 not in self._neighbours(sentence):
            return text
        after = self._sentences[sentence + 1].text
        if after in text or not gives(after, kinds.stated_kinds(after)):
            return text
        if len(after) <= _DIRECT_CHARS:
            return text + after
        shown = ""  # a long one up to the clause that gives the figure
        for clause in filter(None, _CLAUSE_END.split(after)):
            shown += clause
            if gives(shown, kinds.stated_kinds(shown)):
                break
        return text + _as_sentence(shown)

    def _with_subject(self, sentence: int, text: str) -> str:
        """A later clause leaves out who acts: the organisation the sentence opens with."""
        whole = self._sentences[sentence].text
        at = whole.find(text.rstrip(_CLAUSE_MARKS))
        first = next((c for c in _CLAUSE_END.split(whole) if c), "")
        if at <= 0 or kinds.ORGANISATION not in kinds.stated_kinds(first) or first in text:
            return text
        return first + "……" + text

    def _with_listed_contacts(self, sentence: int, text: str) -> str:
        """"咨询电话：A科 …；B局 …": the numbers listed with the answer's in one statement (its parts joined by
        "；") are shown with it, in the article's order."""
        first = last = sentence
        while first > 0 and self._listed_together(first - 1, first):
            first -= 1
        while last + 1 < len(self._sentences) and self._listed_together(last, last + 1):
            last += 1
        pieces = [text.rstrip("。") if n == sentence else self._sentences[n].text.rstrip("；")
                  for n in range(first, last + 1) if n == sentence or kinds.phone_numbers(self._sentences[n].text)]
        return "；".join(pieces) + "。" if len(pieces) > 1 else text

    def _listed_together(self, first: int, second: int) -> bool:
        return second in self._neighbours(first) and self._sentences[first].text.endswith("；")

    def _overview(self, unit: Unit) -> str:
        """The unit's sentence and those after it in its article, up to a short paragraph."""
        if unit.sentence is None:
            return unit.text
        text = ""
        for sentence in self._sentences[unit.sentence:]:
            if sentence.article_id != unit.article_id or (text and len(text) + len(sentence.text) > _OVERVIEW_CHARS):
                break
            text += sentence.text
        return text


def _without_places(name: str) -> str:
    """A publisher's name without the places it names ("潍坊日报" → 日报): a question's 潍坊 is not about the paper."""
    for place in sorted(region_names_in(name, range(2, len(name) + 1)), key=len, reverse=True):
        name = name.replace(place, " ")
    return name


def _split_by_heading(query: list[str], heading: str) -> tuple[list[str], list[str]]:
    """The query's terms that its article's heading (title, publisher) does not hold, and those it holds."""
    return [t for t in query if t not in heading], [t for t in query if t in heading]


def clause_windows(sentence: str) -> list[str]:
    """What a sentence can answer with: itself when short, else each clause and each pair of clauses; never the
    questions it opens with."""
    clauses = [c for c in _CLAUSE_END.split(sentence) if c]
    while len(clauses) > 1 and clauses[0].endswith("？"):  # a heading such as "三、收费吗？" asks, never answers
        clauses.pop(0)
    sentence = "".join(clauses)
    if len(sentence) <= _DIRECT_CHARS:
        return [sentence]
    windows = clauses + ["".join(clauses[i:i + 2]) for i in range(len(clauses) - 1)]
    return [w for w in windows if len(w.strip(_CLAUSE_MARKS + "“”")) >= 4] or [sentence]


def _as_sentence(text: str) -> str:
    text = text.rstrip("，；：")
    return text if text.endswith(("。", "！", "？", "”")) else text + "。"


def _share(weights: dict[str, float], text: str, scattered_in: str = "", scattered_share: float = 0.0,
           synonyms: Mapping[str, tuple[str, ...]] = MappingProxyType({})) -> float:
    """The share of the weighted words that the text contains. A word of three characters or more with one
    wrong (联落员 / 联络员) counts most of its weight, and so does a near-synonym (饭店 / 餐馆); a word with more than
    `scattered_share` of its characters standing apart in `scattered_in` (运些 / 运送) counts half as much as its
    share of characters."""
    def found(word: str) -> float:
        if word in text:
            return 1.0
        if len(word) >= 3 and _one_character_off(word, text):
            return 0.8
        if any(synonym in text for synonym in synonyms.get(word, ())):
            return _SYNONYM_SHARE
        present = sum(c in scattered_in for c in word)
        return 0.5 * present / len(word) if present > scattered_share * len(word) else 0.0

    total = sum(weights.values())
    return sum(weight * found(word) for word, weight in weights.items()) / total if total else 0.0


def _same_period(wanted: frozenset[str], text: str) -> bool:
    """For "how often", a rate per the period asked about (一天 / 每天, not 年产); wanted: the question's periods."""
    return not wanted or bool(wanted & kinds.periods(text))


def _one_character_off(word: str, text: str) -> bool:
    """Whether the text holds the word with one character replaced (a typo or a homophone)."""
    return bool(_one_off(word).search(text))


@functools.lru_cache(maxsize=4096)
def _one_off(word: str) -> re.Pattern[str]:
    """The word with any one of its characters replaced, as one pattern compiled once (it is tried on every unit)."""
    return re.compile("|".join(re.escape(word[:i]) + "." + re.escape(word[i + 1:]) for i in range(len(word))))


def _alternation(words: Iterable[str]) -> re.Pattern[str] | None:
    """A pattern matching any of the words, the longest first; None for no words."""
    alternatives = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    return re.compile(alternatives) if alternatives else None


def _beyond_the_question(unit: Unit, question_names: re.Pattern[str] | None) -> frozenset[str]:
    """The kinds a unit states, its names counted only where they are not the question's words: "这是高密市开行的
    第一批返岗包车" states no place to "高密第一趟返岗包车是从哪里发的车"."""
    if question_names is None or not question_names.search(unit.text):
        return unit.kinds
    return unit.kinds - kinds.NAMES | kinds.stated_names(question_names.sub("□", unit.text))


def _states_asked(stated: frozenset[str], asked: frozenset[str]) -> bool:
    """A phone number is what a contact question wants (a rate what "how often" wants); for other questions
    any kind asked will do."""
    specific = asked & kinds.SPECIFIC
    return specific <= stated if specific else bool(stated & asked)


def _hotline_unit(hotline: HotlineInfo, everyday_words: list[str]) -> Unit:
    text = f"{hotline.department}热线：{'、'.join(hotline.numbers)}"
    match = " ".join([text, *hotline.numbers, *(n.split("-")[-1] for n in hotline.numbers), *everyday_words,
                      hotline.purpose])
    return Unit(text, match, hotline.article_id, frozenset({kinds.PHONE}), hotline.department)


def _hotline_list_unit(hotlines: list[HotlineInfo], article: ArticleInfo) -> Unit:
    first = hotlines[0]
    match = " ".join([article.title, first.issuer, first.purpose, first.scope, *(h.department for h in hotlines)])
    return Unit(first.purpose or article.title, match, article.id, frozenset({kinds.PHONE}), "")


def _is_listed_hotline(text: str, article_id: int, listed: set[tuple[int, str]]) -> bool:
    """A sentence that only repeats items of the article's hotline list (the hotline units show them)."""
    numbers = kinds.phone_numbers(text)
    # a number as printed ("8090775") or with the area code the list gave it ("0536-8090775")
    return bool(numbers) and all(any(owner == article_id and listed_number.endswith(n)
                                     for owner, listed_number in listed) for n in numbers)


def _article_key(article: ArticleInfo) -> str:
    content = "\n".join([article.title, article.date_text, article.url, article.body])
    return hashlib.sha256(content.encode("utf-8")).hexdigest()[:16]


_TITLE_YEARS = re.compile(r"(?<!\d)(20\d\d)(?:\s*[—–~～至到-]\s*(20\d\d))?年(度)?")


def _years_about(article: ArticleInfo) -> frozenset[int]:
    """The years an article is about: those its title names as an event's ("2025年某某花市招商…", published in
    December 2024; a span's every year, "2021—2025年"), else the year it was published; and a budget's, insurance's
    or review's year its title names ("2024年度…缴费通知" published in 2023, "2023年度…" in 2024), which is not when
    it happens. Only four-digit years count ("建区20年" names a length of time)."""
    events: set[int] = set()
    terms: set[int] = set()
    for first, last, term in _TITLE_YEARS.findall(article.title):
        (terms if term else events).update(range(int(first), int(last or first) + 1))
    return frozenset((events or {article.date_key[0]}) | terms)


def _mentions(article: ArticleInfo) -> str:
    """What an article mentions: its title, dateline place and body."""
    return f"{article.title} {article.place} {article.body}"


def _places_named(articles: list[ArticleInfo]) -> list[str]:
    """The places (寿光, 奎文区) the articles name: one word each, also where a question runs them into the
    next word ("奎文租的"). Names that are everyday words too (合作, 资源) are in jieba's dictionary already."""
    return sorted(region_names_in(" ".join(map(_mentions, articles)), (2, 3, 4)))


def _quoted_names(articles: list[ArticleInfo]) -> list[str]:
    """Names in quotation marks (“寒亭人社”, “齐鲁号”): the tokenizer keeps them whole."""
    return list(dict.fromkeys(q for a in articles for q in re.findall(r"“([\u4e00-\u9fff]{2,10})”", a.body)))


def clean_question(text: str) -> str:
    """Plain simplified-Chinese text, short enough to search: tags dropped, whitespace folded, length capped."""
    text = re.sub(r"<[^>]{0,200}>", " ", text or "")
    text = re.sub(r"\s+", " ", text).strip()[:_MAX_QUESTION_CHARS]
    simplified: str = zhconv.convert(text, "zh-cn")
    return simplified


def department_forms(departments: list[str], cut: Callable[[str], list[str]]) -> list[tuple[str, str]]:
    """Full names, then the word-boundary prefixes that belong to one department only
    (交通运输保障 → 交通, 交通运输)."""
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

