"""DIET that loads in seconds.

Loading our model took about 15 s, nearly all of it TensorFlow tracing Python code with autograph:
- to give a saved model its variables, Rasa 3.6 fits it on one example before loading the weights, which
  in graph mode traces a whole training step (loss and gradients). This class takes that step eagerly.
- the prediction graph is traced on the first message. Its code has no Python control flow that depends
  on tensor values, so it is traced without autograph's source rewriting: 0.3 s instead of 3.9 s, with the
  same predictions (tests/speedups compare them with eager execution).
Predictions still run in graph mode (eager prediction costs ~30 ms more a message). Training, and loading
for `rasa train --finetune`, are DIET's own.
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

from .compat import Hook, require

HOOKS = (Hook("rasa.nlu.classifiers.diet_classifier:DIETClassifier._load_model_class",
              ("tf_model_file", "model_data_example", "label_data", "entity_tag_specs", "config", "finetune_mode")),
         Hook("rasa.utils.tensorflow.models:RasaModel.predict_step", ("self", "batch_in")))
require(*HOOKS)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER,
                           DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=True)
class QuickLoadingDIETClassifier(DIETClassifier):
    @classmethod
    def _load_model_class(cls, tf_model_file: str, model_data_example: Any, label_data: Any,
                          entity_tag_specs: Any, config: dict[str, Any], finetune_mode: bool) -> RasaModel:
        quick = not finetune_mode  # a model loaded to go on training stays as DIET compiles it
        model = super()._load_model_class(tf_model_file, model_data_example, label_data, entity_tag_specs,
                                          {**config, RUN_EAGERLY: True} if quick else config, finetune_mode)
        if quick:
            model.run_eagerly = config[RUN_EAGERLY]
            # the same method, traced without autograph (mypy forbids assigning to a method)
            model.predict_step = tf.autograph.experimental.do_not_convert(model.predict_step)  # type: ignore[method-assign]
        return model
