"""The reply classifier: weighted feature blocks, a linear SVM and calibrated confidences."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import scipy.sparse as sp
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.svm import LinearSVC

from bot.components.reply_classifier import (
    Block,
    ReplyClassifier,
    _full_coef,
    fit_temperature,
    softmax,
)

TRAINING = {
    "reply_ownership": [
        "I was wrong to snap at you",
        "that one is on me, I forgot",
        "I own that, I was late again",
        "my fault, I should have called",
        "I was wrong about the budget",
        "I messed up and I own it",
    ],
    "reply_open_question": [
        "what was the hardest part for you",
        "how did that feel when it happened",
        "what would help most right now",
        "how are you holding up today",
        "what did you need from me then",
        "how was the visit for you",
    ],
    "reply_contempt": [
        "wow what a genius move",
        "sure, because you are so perfect",
        "oh great, another genius idea",
        "nice job, perfect as always",
        "what a hero, a real genius",
        "so perfect, so very clever",
    ],
}
HELD_OUT = {
    "I was wrong and that is on me": "reply_ownership",
    "how did the hardest part feel for you": "reply_open_question",
    "another perfect genius plan": "reply_contempt",
}
CONTEXT = ExecutionContext(graph_schema=None, model_id="test")  # type: ignore[arg-type]


def _messages(texts: list[str], intents: list[str | None], words: CountVectorizer) -> list[Message]:
    rng = np.random.default_rng(3)
    out = []
    for text, intent in zip(texts, intents, strict=True):
        data = {"text": text, **({"intent": intent} if intent else {})}
        message = Message(data=data)
        counts = words.transform([text]).tocoo()
        message.add_features(Features(counts, "sentence", "text", "words"))
        # a dense block that carries nothing: the classifier must not lean on it
        message.add_features(Features(rng.normal(size=(1, 8)), "sentence", "text", "embed"))
        out.append(message)
    return out


@pytest.fixture
def words() -> CountVectorizer:
    every = [t for texts in TRAINING.values() for t in texts] + list(HELD_OUT)
    return CountVectorizer(ngram_range=(1, 2)).fit(every)


@pytest.fixture
def trained(tmp_path: Path, words: CountVectorizer) -> tuple[ReplyClassifier, LocalModelStorage]:
    storage = LocalModelStorage(tmp_path)
    classifier = ReplyClassifier.create(
        ReplyClassifier.get_default_config(), storage, Resource("replies"), CONTEXT
    )
    texts = [t for texts in TRAINING.values() for t in texts]
    intents: list[str | None] = [i for i, texts in TRAINING.items() for _ in texts]
    classifier.train(TrainingData(_messages(texts, intents, words)))
    return classifier, storage


def test_held_out_replies_get_their_kind(
    trained: tuple[ReplyClassifier, LocalModelStorage], words: CountVectorizer
) -> None:
    classifier, _ = trained
    messages = _messages(list(HELD_OUT), [None] * len(HELD_OUT), words)
    classifier.process(messages)
    assert {m.get("text"): m.get("intent")["name"] for m in messages} == HELD_OUT


def test_confidences_rank_the_intents_and_add_up_to_one(
    trained: tuple[ReplyClassifier, LocalModelStorage], words: CountVectorizer
) -> None:
    classifier, _ = trained
    [message] = _messages(["I was wrong and that is on me"], [None], words)
    classifier.process([message])
    ranking = message.get("intent_ranking")
    confidences = [r["confidence"] for r in ranking]
    assert ranking[0]["name"] == message.get("intent")["name"]
    assert confidences == sorted(confidences, reverse=True)
    assert sum(confidences) == pytest.approx(1.0)
    assert 1 / 3 < confidences[0] < 1.0


def test_a_stored_model_answers_as_the_trained_one(
    trained: tuple[ReplyClassifier, LocalModelStorage], words: CountVectorizer
) -> None:
    classifier, storage = trained
    loaded = ReplyClassifier.load(
        ReplyClassifier.get_default_config(), storage, Resource("replies"), CONTEXT
    )
    first, second = (_messages(list(HELD_OUT), [None] * 3, words) for _ in range(2))
    classifier.process(first)
    loaded.process(second)
    assert [m.get("intent_ranking") for m in first] == [m.get("intent_ranking") for m in second]


def test_an_untrained_classifier_leaves_messages_alone(tmp_path: Path) -> None:
    classifier = ReplyClassifier.load(
        ReplyClassifier.get_default_config(),
        LocalModelStorage(tmp_path),
        Resource("missing"),
        CONTEXT,
    )
    message = Message(data={"text": "hello"})
    classifier.process([message])
    assert message.get("intent") is None


def test_a_count_block_is_weighed_by_rarity_and_not_by_length() -> None:
    rows = [sp.csr_matrix([[1, 1, 0]]), sp.csr_matrix([[1, 0, 1]]), sp.csr_matrix([[1, 0, 0]])]
    block = Block.fit("words", rows)
    once, thrice = block.transform([sp.csr_matrix([[1, 1, 0]]), sp.csr_matrix([[3, 3, 0]])])
    assert sp.linalg.norm(once) == pytest.approx(1.0)
    assert np.allclose(once.toarray(), thrice.toarray())
    weights = once.toarray()[0]
    assert weights[1] > weights[0]  # a word in one reply of three counts more than one in all


def test_a_vector_block_is_standardised_per_column() -> None:
    rng = np.random.default_rng(0)
    rows = [rng.normal(loc=[5.0, -2.0], scale=[10.0, 0.1], size=(1, 2)) for _ in range(200)]
    block = Block.fit("embed", rows)
    matrix = block.transform(rows).toarray()
    assert np.allclose(matrix.mean(axis=0), 0.0, atol=1e-9)
    assert np.allclose(matrix.std(axis=0), 1 / np.sqrt(2))
    # a message the featurizer gave nothing counts as the average message
    assert block.transform([None]).toarray()[0] == pytest.approx(-block.mean * block.scale)


def test_the_temperature_fitted_is_the_one_the_scores_were_drawn_with() -> None:
    rng = np.random.default_rng(1)
    scores = rng.normal(size=(4000, 5))
    truth = np.array([rng.choice(5, p=p) for p in softmax(scores, 3.0)])
    assert fit_temperature(scores, truth) == pytest.approx(3.0, rel=0.15)


def test_a_class_missing_from_a_fold_scores_below_every_other() -> None:
    X = sp.csr_matrix(np.eye(4))
    svm = LinearSVC().fit(X, [0, 0, 2, 3])
    coef, intercept = _full_coef(svm, 4, 4)
    scores = np.asarray(X @ coef.T) + intercept
    assert (scores[:, 1] < scores[:, [0, 2, 3]].min(axis=1)).all()
    two = LinearSVC().fit(X, [0, 0, 1, 1])
    coef, intercept = _full_coef(two, 2, 4)
    assert list((np.asarray(X @ coef.T) + intercept).argmax(axis=1)) == [0, 0, 1, 1]


@pytest.mark.parametrize(
    ("config", "word"),
    [
        ({"C": 0}, "C"),
        ({"calibration_folds": 1}, "calibration_folds"),
        ({"calibration_folds": True}, "calibration_folds"),
    ],
)
def test_bad_settings_are_refused(config: dict, word: str) -> None:
    with pytest.raises(ValueError, match=word):
        ReplyClassifier.validate_config(config)
