"""Amounts a question states and the tiers a passage gives, on wording written for these tests."""
import pytest

from kb.tiers import Amount, falls_in, stated_amounts


@pytest.mark.parametrize("question, amounts", [
    ("那要是花12万买的呢", [Amount(120_000, "元")]),  # 万 without a measure: money
    ("买车能补5000元吗", []),  # what is given, not what one has
    ("不足10万的补多少", []), ("10万以下的呢", []),  # a tier named, not an amount
    ("一百五十万的房子", []), ("一万五的车", []),  # numbers spoken in full say no 五十万, no 一万
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
    assert falls_in([Amount(800_000, "元")], text) is inside


def test_an_amount_on_a_bound_falls_in_the_tier_that_includes_it():
    assert falls_in([Amount(500_000, "元")], "房款不足50万元的，补贴1%；") is False
    assert falls_in([Amount(500_000, "元")], "房款50万元及以上的，补贴1.5%。") is True
    assert falls_in([Amount(500_000, "元")], "房款超过50万元的，另发家电券。") is False


def test_a_range_borrows_the_scale_of_its_end_only_when_its_start_has_no_measure():
    assert falls_in([Amount(8_000, "元")], "捐款5000元至1万元的，颁发证书。") is True
    assert falls_in([Amount(80_000, "元")], "年收入6至9万元的家庭，补贴减半。") is True


def test_an_amount_in_another_measure_meets_no_tier():
    assert falls_in([Amount(7, "岁")], "每户补贴不超过5000元。") is None
    assert falls_in([Amount(7, "岁")], "3岁至6岁的儿童免票。") is False
    assert falls_in([Amount(7, "岁")], "3岁至6岁的儿童免票，6岁以上半价。") is True
