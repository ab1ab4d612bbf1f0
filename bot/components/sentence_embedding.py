"""A Rasa featurizer that adds a sentence embedding to every message.

Word and character n-grams only see the words a reply uses; "Wow, what a hero, you picked
the kids up once" and "Congratulations, you loaded the dishwasher, want a medal?" share
almost none, yet both are contempt. A sentence embedding places them close together. The
vectors come from all-MiniLM-L6-v2, computed with numpy by ``bot.components.minilm`` (no
torch in Rasa's environment), scaled so that a linear classifier regularised for
thousands of sparse counts can still give them weight.

With ``layers`` (say [3, 4]), the message also gets the mean of the encoder's hidden
states after each of those layers, as further dense sentence features, one per layer.
The middle layers keep more of how a reply is worded ("you always" against "I always")
than the last one, which is trained to place paraphrases together; the reply classifier
(``bot.components.reply_classifier``) standardises each column, so the scale applies to
the sentence vector alone.

A served message is encoded with ``threads`` BLAS threads (1 by default). The encoder
answers one short message at a time; on a two-core machine a second thread saves about
5 ms of its 25 but spends 15 ms more CPU, taken from the action server and the gateway,
which work on the same cores at the same moment. Training encodes thousands of
examples in batches and keeps every thread.
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
from threadpoolctl import ThreadpoolController

from bot.components.minilm import MiniLM

_ENCODER: MiniLM | None = None
_LOCK = threading.Lock()
_THREADS = ThreadpoolController()


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
        return {**DenseFeaturizer.get_default_config(), "scale": 10.0, "threads": 1, "layers": []}

    def __init__(self, config: dict[str, Any], name: str) -> None:
        super().__init__(name, config)
        self._scale = float(self._config["scale"])
        threads = self._config.get("threads")
        self._threads = int(threads) if threads is not None else None
        self._layers = tuple(int(n) for n in self._config.get("layers") or ())

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
        threads = config.get("threads", 1)
        if threads is not None and (isinstance(threads, bool) or int(threads) < 1):
            raise ValueError(
                "SentenceEmbeddingFeaturizer: 'threads' must be a whole number of at least 1,"
                " or null for the BLAS library's own choice"
            )
        layers = config.get("layers") or []
        if not isinstance(layers, list) or any(
            isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= 6 for n in layers
        ):
            raise ValueError(
                "SentenceEmbeddingFeaturizer: 'layers' must be a list of encoder layer"
                " numbers from 1 to 6"
            )

    def _featurize(self, messages: list[Message]) -> None:
        texts = [m for m in messages if str(m.get(TEXT) or "").strip()]
        if not texts:
            return
        model = encoder()
        rows = model.encode([str(m.get(TEXT)) for m in texts], layers=self._layers)
        width = model.dim
        rows[:, :width] *= np.float32(self._scale)
        for message, row in zip(texts, rows, strict=True):
            for start in range(0, rows.shape[1], width):
                self.add_features_to_message(None, row[None, start : start + width], TEXT, message)

    def process(self, messages: list[Message]) -> list[Message]:
        if self._threads is None:
            self._featurize(messages)
        else:
            with _THREADS.limit(limits=self._threads, user_api="blas"):
                self._featurize(messages)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        self._featurize(training_data.training_examples)
        return training_data
