"""How the held-out sets score an answer (bench.heldout.answer_is_right)."""
import pytest

from bench.heldout import answer_is_right

SOURCE = "\n来源：《某区菜价回落》（2020年4月8日）"


@pytest.mark.parametrize("turn, answer, right", [
    ({"expect": ["1.6元"]}, "芹菜每斤1.6元。" + SOURCE, True),
    ({"expect": ["1.6元", "2.4元"]}, "芹菜每斤1.6元。" + SOURCE, False),
    ({"expect": ["1.6元"], "forbid": ["1.1元"]}, "芹菜每斤1.6元，现在1.1元。" + SOURCE, False),
    # a question no article answers: a fact of another article, even without the forbidden words, is pretended
    ({"forbid": ["1.1元"]}, "某区共设3个便民菜店。" + SOURCE, False),
    ({"forbid": ["1.1元"]}, "抱歉，我在文章里没有找到相关内容。", True),
    ({"forbid": ["1.1元"]}, "", True),
    ({"forbid": ["1.1元"]}, "抱歉，报道里没有数据来源：统计局的内容。", True),  # "来源：" inside a line cites nothing
])
def test_an_answer_is_right_when_it_states_what_is_expected_and_nothing_forbidden(turn, answer, right):
    assert answer_is_right(turn, answer) is right


def test_whether_an_answer_gives_facts_may_be_told_by_the_caller():
    assert not answer_is_right({"forbid": ["1.1元"]}, "某区共设3个便民菜店。", gives_facts=True)
    assert answer_is_right({"forbid": ["1.1元"]}, "某区共设3个便民菜店。", gives_facts=False)
