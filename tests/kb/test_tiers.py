"""Amounts a question states and the tiers a passage gives, on wording written for these tests."""
import pytest

from kb.tiers import Amount, falls_in, stated_amounts


@pytest.mark.parametrize("question, amounts", [
    ("那要是花12万买的呢", [Amount(120_000, "")]),
    ("买辆6万块钱的电动车能补多少", [Amount(60_000, "元")]),
    ("孩子7岁了能报吗", [Amount(7, "岁")]),
    ("两万元的呢", [Amount(20_000, "元")]),
    ("三四万的呢", []),  # three or four: no one amount
    ("20到35岁的人能报名吗", []),  # the ends of a range name a group
    ("3号线几点发车", []),  # a bare number
    ("5月8日起收多少钱", []),  # a day
])
def test_the_amounts_a_question_states(question, amounts):
    assert stated_amounts(question) == amounts


def test_a_little_over_is_over():
    [amount] = stated_amounts("要是卖了三十多万呢")
    assert amount.value > 300_000 and falls_in([amount], "累计销售额超过30万元的，奖励5000元。")


@pytest.mark.parametrize("text, inside", [
    ("房款不足50万元的，补贴1%；", False),
    ("房款50万元及以上的，补贴1.5%。", True),
    ("房款超过100万元的，补贴2%。", False),
    ("房款在60万至90万元之间的，另发家电券。", True),
    ("补贴在购房后30天内发放。", None),  # no tier in 元
])
def test_an_amount_falls_in_a_tier_or_not(text, inside):
    assert falls_in([Amount(800_000, "")], text) is inside


def test_an_amount_in_another_measure_meets_no_tier():
    assert falls_in([Amount(7, "岁")], "每户补贴不超过5000元。") is None
    assert falls_in([Amount(7, "岁")], "3岁至6岁的儿童免票。") is False
    assert falls_in([Amount(7, "岁")], "3岁至6岁的儿童免票，6岁以上半价。") is True
