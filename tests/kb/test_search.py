"""What words a question is about (kb/search.py)."""
from __future__ import annotations

import pytest

from kb.search import Terms


@pytest.mark.parametrize("question, words", [
    ("某县减免的社保费是不是也包括医保", ["某县", "减免", "社保费", "包括", "医保"]),
    ("那个座机打不通，有没有别的热线", ["座机", "打", "不通", "别的", "热线"]),
    ("网上问问医生就行了吗", ["网上", "问问", "医生"]),
])
def test_a_yes_no_questions_form_and_demonstratives_are_no_words_it_is_about(question, words):
    assert Terms().keywords(question) == words
