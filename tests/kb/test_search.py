"""What words a question is about (kb/search.py, with kb/kinds.py blanking its question words)."""
from __future__ import annotations

import pytest

from kb.kinds import without_question_words
from kb.search import Terms


@pytest.mark.parametrize("question, words", [
    ("某县减免的社保费是不是也包括医保", ["某县", "减免", "社保费", "包括", "医保"]),
    ("那个展馆有没有停车场", ["展馆", "停车场"]),
    ("网上问问医生就行了吗", ["网上", "问问", "医生"]),
    ("社保卡能不能网上补办", ["社保卡", "网上", "补办"]),  # jieba alone: 能 / 不能 / 网上 / 补办
    ("要不要先预约", ["先", "预约"]),
    ("可不可以找人代领", ["找", "人", "代领"]),
])
def test_a_yes_no_questions_form_and_demonstratives_are_no_words_it_is_about(question, words):
    assert Terms().keywords(without_question_words(question)) == words
