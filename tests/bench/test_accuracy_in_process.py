import pytest

from bench.accuracy_in_process import SEED, _why, chosen_sets, flips, median_answer
from kb.answers import Answer, not_found
from kb.knowledge_base import ArticleInfo

_ARTICLES = {1: ArticleInfo(1, "图书馆", "2024年5月6日", "", "图书馆每周一闭馆。\n开放时间为9:00至17:00。"),
             2: ArticleInfo(2, "游泳馆", "2024年5月7日", "", "游泳馆暂不开放。")}


@pytest.mark.parametrize("turn, answer, why", [
    ({"forbid": ["9:00"]}, Answer("开放时间为9:00至17:00。\n来源：《图书馆》", article_id=1),
     "answered what no article answers"),
    ({"expect": ["周一"]}, not_found(), "declined"),
    ({"expect": ["17:30"], "forbid": ["17:00"]}, Answer("17:30。17:00。", article_id=1),
     "an older value beside the newer"),
    ({"expect": ["周一"]}, Answer("游泳馆暂不开放。\n来源：《游泳馆》", article_id=2), "another article"),
    ({"expect": ["周一"]}, Answer("开放时间为9:00至17:00。\n来源：《图书馆》", article_id=1),
     "its article, another passage"),
])
def test_a_wrong_answer_is_told_by_where_its_expected_fact_stands(turn, answer, why):
    assert _why(_ARTICLES, turn, answer) == why


def test_flips_count_the_turns_that_turned_right_or_wrong_per_set():
    before = {"a": [("c1", "q1", "x", True, ""), ("c2", "q2", "x", False, "declined")],
              "b": [("c1", "q", "x", True, "")]}
    after = {"a": [("c1", "q1", "x", False, "declined"), ("c2", "q2", "x", True, ""), ("c3", "q3", "x", False, "")],
             "b": [("c1", "q", "x", True, "")], "c": [("c1", "q", "x", True, "")]}
    assert flips(before, after) == {"a": (1, 1)}  # a new turn, an unchanged set and a new set count for nothing


def test_sets_are_chosen_by_number_the_seed_page_as_0():
    assert [name for name, _ in chosen_sets("0,1,13")] == [SEED, "new_articles", "new_articles_13"]
    assert len(chosen_sets(None)) > 80


def test_the_median_answer_counts_the_answers_given_before_their_source_line():
    rows = [("c", "q", "一二三\n来源：《甲》", True, ""), ("c", "q", "一二三四五\n来源：《乙》", True, ""),
            ("c", "q", "抱歉，我在文章里没有找到相关内容。", False, "declined")]
    assert median_answer(rows) == 4
