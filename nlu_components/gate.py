"""The shape of our NLU gates: classifiers that run after DIET and replace its intent on a plain rule."""
from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message


class IntentGate(GraphComponent, IntentClassifier):
    """Subclasses say which intent a message must have instead of the predicted one (None: keep it)."""

    @classmethod
    def required_components(cls) -> list[type]:
        return [IntentClassifier]

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> IntentGate:
        return cls()

    def replacement(self, text: str, predicted: str | None) -> str | None:
        raise NotImplementedError

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            name = self.replacement(message.get(TEXT) or "", (message.get(INTENT) or {}).get(INTENT_NAME_KEY))
            if name:
                intent = {INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: 1.0}
                message.data[INTENT] = intent
                message.data[INTENT_RANKING_KEY] = [intent, *message.data.get(INTENT_RANKING_KEY, [])]
        return messages
