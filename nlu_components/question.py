"""A message that asks for a fact is a question, whatever small talk DIET took it for.

DIET is over-confident on short Chinese texts: "2月24号一起开工了几个项目" came back as `goodbye` at 0.99 and
"在安丘线上订菜用啥平台" as `ask_capabilities`. Small talk has no question words asking for a fact, no numbers
and no long yes/no question; so when a small-talk intent is predicted for a message that has one (kb.kinds reads
the question words, from wording alone, knowing no article), this gate makes it `ask_question`.
"""
from __future__ import annotations

import re

from rasa.engine.recipes.default_recipe import DefaultV1Recipe

from kb.kinds import asked_kinds, yes_no_subject
from kb.text import HAN

from .gate import IntentGate

QUESTION_INTENT = "ask_question"
SMALL_TALK = frozenset({"greet", "goodbye", "thank", "bot_challenge", "ask_capabilities"})
_MIN_CHARS = 6
_MIN_YES_NO_CHARS = 10
_DIGIT = re.compile(r"\d")


def asks_for_a_fact(text: str) -> bool:
    """Question words or a number, or a yes/no question longer than small talk asks one ("我在跟机器人说话吗" has
    9 characters; DIET took "外地老人来潍坊探亲也能有人管吗" for `greet`)."""
    if len(re.findall(HAN, text)) >= _MIN_YES_NO_CHARS and yes_no_subject(text):
        return True
    return len(text.strip()) >= _MIN_CHARS and bool(_DIGIT.search(text) or asked_kinds(text))


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class QuestionGate(IntentGate):
    def replacement(self, text: str, predicted: str | None) -> str | None:
        return QUESTION_INTENT if predicted in SMALL_TALK and asks_for_a_fact(text) else None
