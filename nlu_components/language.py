"""A message written without any Chinese is answered in two languages, never with small talk.

DIET reads character n-grams trained on Chinese; on "What is the hotline for foreign trade companies?" it
guessed `thank` with high confidence. This gate runs last and replaces whatever was predicted with
`other_language` when the text has letters but no Chinese character: a rule then says, in Chinese and
English, what the bot can do.
"""
from __future__ import annotations

import re

from rasa.engine.recipes.default_recipe import DefaultV1Recipe

from .gate import IntentGate

OTHER_LANGUAGE_INTENT = "other_language"
_CHINESE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LETTERS = re.compile(r"[^\W\d_]{2,}")  # two letters of any script in a row


def is_other_language(text: str) -> bool:
    """Letters, but not one Chinese character ("hello", "Привет", "こんにちは" written in kana)."""
    return bool(text) and not _CHINESE.search(text) and bool(_LETTERS.search(text)) and not text.startswith("/")


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class LanguageGate(IntentGate):
    def replacement(self, text: str, predicted: str | None) -> str | None:
        return OTHER_LANGUAGE_INTENT if is_other_language(text) else None
