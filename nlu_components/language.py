"""A message written without any Chinese is answered in two languages, never with small talk.

DIET reads character n-grams trained on Chinese; on "What is the hotline for foreign trade companies?" it
guessed `thank` with high confidence. This classifier runs last and replaces whatever was predicted with
`other_language` when the text has letters but no Chinese character: a rule then says, in Chinese and
English, what the bot can do.
"""
from __future__ import annotations

import re
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

OTHER_LANGUAGE_INTENT = "other_language"
_CHINESE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LETTERS = re.compile(r"[^\W\d_]{2,}")  # two letters of any script in a row


def is_other_language(text: str) -> bool:
    """Letters, but not one Chinese character ("hello", "Привет", "こんにちは" written in kana)."""
    return bool(text) and not _CHINESE.search(text) and bool(_LETTERS.search(text)) and not text.startswith("/")


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class LanguageGate(GraphComponent, IntentClassifier):
    @classmethod
    def required_components(cls) -> list[type]:
        return [IntentClassifier]

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "LanguageGate":
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            if is_other_language(message.get(TEXT) or ""):
                intent = {INTENT_NAME_KEY: OTHER_LANGUAGE_INTENT, PREDICTED_CONFIDENCE_KEY: 1.0}
                message.data[INTENT] = intent
                message.data[INTENT_RANKING_KEY] = [intent, *message.data.get(INTENT_RANKING_KEY, [])]
        return messages
