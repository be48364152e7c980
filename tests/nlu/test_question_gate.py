"""The gate that turns small talk asking for a fact into a question, on wording written for these tests."""
import pytest

from nlu_components.question import QuestionGate


@pytest.mark.parametrize("text, predicted", [
    ("外地老人来潍坊探亲也能有人管吗", "greet"),   # a long yes/no question
    ("寿光的蔬菜批发市场现在开门了没有", "goodbye"),
    ("3月1日以后还能网上办吗", "thank"),           # a number
    ("图书馆几点开门", "greet"),                   # a question word
])
def test_small_talk_that_asks_for_a_fact_is_a_question(text, predicted):
    assert QuestionGate().replacement(text, predicted) == "ask_question"


@pytest.mark.parametrize("text, predicted", [
    ("你好吗", "greet"), ("我在跟机器人说话吗", "bot_challenge"), ("对面是真人客服吗", "bot_challenge"),
    ("谢谢你的帮忙", "thank"),
    ("外地老人来潍坊探亲也能有人管吗", "ask_question"),  # a question stays one: nothing to replace
])
def test_small_talk_and_questions_keep_their_intent(text, predicted):
    assert QuestionGate().replacement(text, predicted) is None
