"""The polarity gate: reply intents re-weighed by a help/harm classifier, commands untouched."""

from __future__ import annotations

import pytest
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.components.polarity import PolarityGate, is_harm, reweigh


def _ranking(*pairs: tuple[str, float]) -> list[dict[str, object]]:
    return [{"name": name, "confidence": confidence} for name, confidence in pairs]


def test_harm_and_help_intents() -> None:
    assert is_harm("reply_contempt") and is_harm("reply_apology_but")
    assert not is_harm("reply_validation") and not is_harm("reply_open_question")


def test_a_confident_polarity_moves_the_top_intent_to_its_side() -> None:
    ranking = _ranking(
        ("reply_invitation", 0.4),
        ("reply_pressure", 0.35),
        ("reply_validation", 0.15),
        ("greet", 0.1),
    )
    out = reweigh(ranking, p_harm=0.9)
    assert out[0]["name"] == "reply_pressure"
    # Commands keep their confidence, and the replies keep their total share.
    assert next(r for r in out if r["name"] == "greet")["confidence"] == pytest.approx(0.1)
    replies = sum(r["confidence"] for r in out if str(r["name"]).startswith("reply_"))
    assert replies == pytest.approx(0.9)


def test_a_confident_classifier_is_not_overruled_by_a_hesitant_gate() -> None:
    # The classifier is sure of validation; the gate leans a little to harm. Both are
    # evidence: the product keeps validation on top (replacing the classifier's polarity
    # with the gate's would have put contempt first).
    ranking = _ranking(("reply_validation", 0.8), ("reply_contempt", 0.15), ("greet", 0.05))
    out = reweigh(ranking, p_harm=0.6)
    assert out[0]["name"] == "reply_validation"
    by_name = {r["name"]: r["confidence"] for r in out}
    # P(intent) is proportional to the gate's side times the classifier's confidence.
    assert by_name["reply_validation"] / by_name["reply_contempt"] == pytest.approx(
        (0.4 * 0.8) / (0.6 * 0.15)
    )


def test_within_one_polarity_the_classifier_order_is_kept() -> None:
    out = reweigh(_ranking(("reply_validation", 0.5), ("reply_reflection", 0.3)), p_harm=0.1)
    assert [r["name"] for r in out] == ["reply_validation", "reply_reflection"]


def test_a_command_ranking_is_left_alone() -> None:
    ranking = _ranking(("pause", 0.8), ("resume", 0.2))
    assert reweigh(ranking, p_harm=0.99) == ranking


def test_trains_and_gates_a_message(tmp_path) -> None:  # type: ignore[no-untyped-def]
    examples = [
        ("That makes sense, I'd be hurt too", "reply_validation"),
        ("I hear you, that sounds so hard", "reply_validation"),
        ("what was the hardest part of it for you?", "reply_open_question"),
        ("how did you feel when she said that?", "reply_open_question"),
        ("you're being ridiculous", "reply_contempt"),
        ("wow, real mature, genius", "reply_contempt"),
        ("you never help with anything", "reply_criticism"),
        ("you are so lazy and selfish", "reply_criticism"),
    ]
    data = TrainingData([Message(data={"text": t, "intent": i}) for t, i in examples])
    storage = LocalModelStorage(tmp_path)
    resource = Resource("polarity")
    context = ExecutionContext(graph_schema=None, model_id="test")  # type: ignore[arg-type]
    gate = PolarityGate.create(PolarityGate.get_default_config(), storage, resource, context)
    gate.train(data)
    loaded = PolarityGate.load(PolarityGate.get_default_config(), storage, resource, context)
    message = Message(data={"text": "you're so ridiculous and lazy"})
    message.set("intent_ranking", _ranking(("reply_validation", 0.5), ("reply_criticism", 0.4)))
    loaded.process([message])
    assert is_harm(message.get("intent")["name"])
