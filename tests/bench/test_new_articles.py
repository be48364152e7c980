"""The new-article check's bookkeeping: which seed article a turn belongs to, and the goal."""
import pytest

from bench.new_articles import goal_met, score, seed_article_of, summarize_rows

ARTICLES = {"班列": "2月23日，齐鲁号发车，每月15至20列。", "热线": "金融运行 0536-8090465"}


def test_a_turn_belongs_to_the_article_holding_all_its_facts():
    assert seed_article_of({"expect": ["2月23日", "15至20列"]}, ARTICLES) == "班列"
    assert seed_article_of({"expect": ["0536-8090465"]}, ARTICLES) == "热线"
    assert seed_article_of({"expect": [], "forbid": ["0536"]}, ARTICLES) == "none"
    assert seed_article_of({"expect": ["2月23日", "0536-8090465"]}, ARTICLES) == "?"


def test_the_goal_needs_ninety_percent_and_ten_points_over_bm25():
    rows = [{"bot": True, "bm25": False}] * 9 + [{"bot": False, "bm25": True}]
    assert score(rows) == {"turns": 10, "bot": 0.9, "bm25": 0.1}
    assert goal_met({"all": score(rows)})
    assert not goal_met({"all": {"turns": 10, "bot": 0.9, "bm25": 0.85}})
    assert not goal_met({"all": {"turns": 10, "bot": 0.85, "bm25": 0.1}})


def test_the_report_shows_questions_no_article_answers_apart():
    rows = [{"case": "a", "text": "班列一个月几列", "article": "班列", "answer": "每月15至20列", "bot": True},
            {"case": "b", "text": "停车费多少", "article": "none", "answer": "每月15至20列", "bot": False},
            {"case": "c", "text": "高铁票多少钱", "article": "none", "answer": "", "bot": True}]
    rows = [{**row, "bm25": False} for row in rows]
    result = summarize_rows(rows)
    assert result["unanswerable"] == {"turns": 2, "bot": 0.5, "bm25": 0.0}
    assert result["answerable"]["turns"] == 1 and result["all"]["turns"] == 3


@pytest.mark.parametrize(("n", "spelled"), [(3, "third"), (58, "fifty-eighth"), (90, "ninetieth"),
                                            (100, "one hundredth"), (101, "one hundred and first"),
                                            (120, "one hundred and twentieth")])
def test_a_sets_number_is_spelled_as_its_heading_names_it_past_a_hundred(n, spelled):
    from bench.new_articles import ordinal
    assert ordinal(n) == spelled
