"""A Rasa featurizer that adds a sentence embedding to every message.

Word and character n-grams only see the words a reply uses; "Wow, what a hero, you picked
the kids up once" and "Congratulations, you loaded the dishwasher, want a medal?" share
almost none, yet both are contempt. A sentence embedding places them close together. The
vectors come from all-MiniLM-L6-v2, computed with numpy by ``bot.components.minilm`` (no
torch in Rasa's environment), scaled so that a linear classifier regularised for
thousands of sparse counts can still give them weight.
"""

from __future__ import annotations

import threading
from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.components.minilm import MiniLM

_ENCODER: MiniLM | None = None
_LOCK = threading.Lock()


def encoder() -> MiniLM:
    """The process's one encoder (about 90 MB of weights), loaded on first use."""
    global _ENCODER
    with _LOCK:
        if _ENCODER is None:
            _ENCODER = MiniLM()
        return _ENCODER


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False)
class SentenceEmbeddingFeaturizer(DenseFeaturizer, GraphComponent):
    """Adds the message's MiniLM sentence vector (times ``scale``) as a sentence feature."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {**DenseFeaturizer.get_default_config(), "scale": 10.0}

    def __init__(self, config: dict[str, Any], name: str) -> None:
        super().__init__(name, config)
        self._scale = float(self._config["scale"])

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> SentenceEmbeddingFeaturizer:
        encoder()  # fail at start-up, with the install hint, if the weights are missing
        return cls(config, execution_context.node_name)

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> None:
        if float(config.get("scale", 10.0)) <= 0:
            raise ValueError("SentenceEmbeddingFeaturizer: 'scale' must be positive")

    def _featurize(self, messages: list[Message]) -> None:
        texts = [m for m in messages if str(m.get(TEXT) or "").strip()]
        if not texts:
            return
        vectors = encoder().encode([str(m.get(TEXT)) for m in texts]) * np.float32(self._scale)
        for message, vector in zip(texts, vectors, strict=True):
            self.add_features_to_message(None, vector[None, :], TEXT, message)

    def process(self, messages: list[Message]) -> list[Message]:
        self._featurize(messages)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        self._featurize(training_data.training_examples)
        return training_data
