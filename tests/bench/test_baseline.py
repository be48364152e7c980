"""The plain BM25 sentence-search baseline (no servers)."""
from typing import Any

from bench.baseline import SentenceSearch, evaluate, page_sentences

PAGE = """---
page: 测试版面
date: 2020-02
---
齐鲁号班列开行

□ 本报记者 张三
齐鲁号欧亚班列每月发运20列,货物主要是机械配件。网上菜篮子超市由安丘市开通
"""


def test_page_sentences_split_each_printed_line_without_front_matter(tmp_path):
    (tmp_path / "page.txt").write_text(PAGE, encoding="utf-8")
    assert page_sentences(tmp_path) == [
        "齐鲁号班列开行", "□ 本报记者 张三", "齐鲁号欧亚班列每月发运20列，货物主要是机械配件。",
        "网上菜篮子超市由安丘市开通"]


def test_the_top_sentence_is_the_answer():
    search = SentenceSearch(["齐鲁号欧亚班列每月发运20列。", "网上菜篮子超市由安丘市开通。", "潍坊开通多部热线电话。"])
    assert search.answer("菜篮子超市是哪里开的") == "网上菜篮子超市由安丘市开通。"
    assert search.answer("班列一个月发几列") == "齐鲁号欧亚班列每月发运20列。"


def test_evaluate_scores_only_turns_with_facts_to_check():
    search = SentenceSearch(["齐鲁号欧亚班列每月发运20列。", "网上菜篮子超市由安丘市开通。"])
    cases: list[dict[str, Any]] = [{"id": "a", "turns": [{"text": "班列一个月几列", "expect": ["20列"]},
                                   {"text": "你好"}]},
             {"id": "b", "turns": [{"text": "菜篮子超市谁开的", "expect": ["寿光"]}]}]
    assert evaluate(search, cases) == {"answers_checked": 2, "answer_accuracy": 0.5}


def test_a_question_no_sentence_shares_a_word_with_gets_no_answer():
    search = SentenceSearch(["齐鲁号欧亚班列每月发运20列。", "网上菜篮子超市由安丘市开通。"])
    assert search.answer("股票明天会涨吗") == ""


def test_a_turn_no_article_answers_is_right_only_when_nothing_is_answered():
    search = SentenceSearch(["齐鲁号欧亚班列每月发运20列。", "网上菜篮子超市由安丘市开通。"])
    none_turn = {"text": "菜篮子超市停车费多少钱", "forbid": ["20列"]}
    assert not search.is_right(none_turn)  # a sentence of the page, though without the forbidden words
    assert search.is_right({"text": "股票明天会涨吗", "forbid": ["20列"]})
