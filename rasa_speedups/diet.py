"""DIET that loads in seconds.

Loading our model took about 15 s, nearly all of it TensorFlow tracing Python code with autograph:
- to give a saved model its variables, Rasa 3.6 fits it on one example before loading the weights, which
  in graph mode traces a whole training step (loss and gradients). This class takes that step eagerly.
- the prediction graph is traced on the first message. Its code has no Python control flow that depends
  on tensor values, so it is traced without autograph's source rewriting: 0.3 s instead of 3.9 s, the
  same graph (tests/speedups compare it with eager prediction).
Predictions still run in graph mode (eager prediction costs ~30 ms more a message); training is DIET's own.
Rasa's config check knows DIET by its exact class, so `rasa train` warns that no component uses the entity
examples and lookup tables: the lookup tables do feed this classifier (RegexFeaturizer) and the
RegexEntityExtractor; the annotated entity examples were never learned (entity_recognition is off).
"""
from __future__ import annotations

from typing import Any

import tensorflow as tf
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.diet_classifier import DIETClassifier
from rasa.utils.tensorflow.constants import RUN_EAGERLY
from rasa.utils.tensorflow.models import RasaModel


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class QuickLoadingDIETClassifier(DIETClassifier):
    @classmethod
    def _load_model_class(cls, tf_model_file: str, model_data_example: Any, label_data: Any,
                          entity_tag_specs: Any, config: dict[str, Any], finetune_mode: bool) -> RasaModel:
        model = super()._load_model_class(tf_model_file, model_data_example, label_data, entity_tag_specs,
                                          {**config, RUN_EAGERLY: True}, finetune_mode)
        model.run_eagerly = config[RUN_EAGERLY]
        model.predict_step = tf.autograph.experimental.do_not_convert(model.predict_step)
        return model
