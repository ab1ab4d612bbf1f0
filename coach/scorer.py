"""The fitted part of the score: a bag-of-n-grams classifier and the combiner on top.

Both are logistic models whose weights live in ``resources/model/scorer.json``, written by
``scripts/fit_scorer.py`` from the project's own training examples. Nothing here is tuned
by hand: change the data or the features, then re-run the script.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from spacy.tokens import Doc, Span

from coach.errors import RulesError
from coach.loader import load_json
from coach.result import KINDS

MODEL_FILE = ("model", "scorer.json")


def text_features(tokens: Doc | Span, masked: frozenset[int] = frozenset()) -> list[str]:
    """N-gram features of a parsed reply: lower-cased unigrams and bigrams, with edges.

    Tokens in `masked` (words a negation cancels, as in "I'm not saying you *never* help")
    stand as one placeholder, so the words do not count as if they were meant.
    """
    words: list[str] = []
    for t in tokens:
        if t.is_space:
            continue
        if t.i in masked:
            if not words or words[-1] != "<cancelled>":
                words.append("<cancelled>")
            continue
        words.append(t.lower_)
    feats = [f"u:{w}" for w in words]
    padded = ["<s>", *words, "</s>"]
    feats += [f"b:{a} {b}" for a, b in pairwise(padded)]
    return feats


def sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    ez = math.exp(z)
    return ez / (1.0 + ez)


@dataclass(frozen=True, slots=True)
class LinearModel:
    weights: Mapping[str, float]
    bias: float

    def logit(self, features: Iterable[str] | Mapping[str, float]) -> float:
        """The model's logit. Named features count once however often they occur, as
        they did in fitting (present or absent): "u:." in a three-sentence reply is one
        feature, not three."""
        z = self.bias
        if isinstance(features, Mapping):
            for name, value in features.items():
                z += self.weights.get(name, 0.0) * value
        else:
            for name in dict.fromkeys(features):
                z += self.weights.get(name, 0.0)
        return z


@dataclass(frozen=True, slots=True)
class KindModel:
    """Finds a marker kind the rules missed, when its classifier is sure enough."""

    kind: str
    model: LinearModel
    threshold: float

    def probability(self, features: Iterable[str]) -> float:
        return sigmoid(self.model.logit(features))


@dataclass(frozen=True, slots=True)
class ScoreModel:
    classifier: LinearModel
    combiner: LinearModel
    kinds: tuple[KindModel, ...]

    def score(self, text: Iterable[str], signals: Mapping[str, float]) -> int:
        features = dict(signals)
        features["classifier"] = self.classifier.logit(text)
        return round(100 * sigmoid(self.combiner.logit(features)))


def _linear(data: object, name: str) -> LinearModel:
    if not isinstance(data, dict) or not isinstance(data.get("weights"), dict):
        raise RulesError(f"model/scorer.json: '{name}' needs a 'weights' object")
    bias = data.get("bias")
    if not isinstance(bias, int | float):
        raise RulesError(f"model/scorer.json: '{name}.bias' must be a number")
    weights = data["weights"]
    if not all(isinstance(v, int | float) for v in weights.values()):
        raise RulesError(f"model/scorer.json: '{name}.weights' must all be numbers")
    return LinearModel({str(k): float(v) for k, v in weights.items()}, float(bias))


@lru_cache(maxsize=1)
def load_score_model() -> ScoreModel:
    data = load_json(*MODEL_FILE)
    kinds_data = data.get("kinds") or {}
    if not isinstance(kinds_data, dict):
        raise RulesError("model/scorer.json: 'kinds' must be an object")
    kinds = []
    for kind, entry in kinds_data.items():
        if kind not in KINDS:
            raise RulesError(f"model/scorer.json: unknown marker kind {kind!r}")
        threshold = entry.get("threshold") if isinstance(entry, dict) else None
        if not isinstance(threshold, int | float):
            raise RulesError(f"model/scorer.json: kinds.{kind}.threshold must be a number")
        kinds.append(KindModel(kind, _linear(entry, f"kinds.{kind}"), float(threshold)))
    return ScoreModel(
        _linear(data.get("classifier"), "classifier"),
        _linear(data.get("combiner"), "combiner"),
        tuple(kinds),
    )
