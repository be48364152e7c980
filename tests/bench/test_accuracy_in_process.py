import pytest

from bench.accuracy_in_process import _why
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
