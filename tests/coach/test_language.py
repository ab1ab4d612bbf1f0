"""The spaCy pipeline the engine loads: numpy's products, with the parses blis would give."""

from __future__ import annotations

from thinc.api import Model, NumpyOps
from threadpoolctl import threadpool_info

from coach.language import load_nlp

SENTENCES = [
    "I was late again and I know that stung.",
    "Could we sit down on Sunday and go over the budget together?",
    "You never once asked how my week went.",
    "It sounds like the move has been weighing on you more than I saw.",
    "ok fine whatever, do what u want",
]


def _networks(nlp):  # type: ignore[no-untyped-def]
    for _, pipe in nlp.pipeline:
        model = getattr(pipe, "model", None)
        if isinstance(model, Model):
            yield from model.walk()


def _reading(nlp):  # type: ignore[no-untyped-def]
    return [
        [(t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, str(t.morph)) for t in nlp(s)]
        for s in SENTENCES
    ]


def test_products_go_through_numpy_on_one_thread() -> None:
    nlp = load_nlp()
    layers = list(_networks(nlp))
    assert layers
    assert all(isinstance(node.ops, NumpyOps) and not node.ops.use_blis for node in layers)
    assert all(pool["num_threads"] == 1 for pool in threadpool_info() if pool["user_api"] == "blas")


def test_the_parses_are_the_ones_blis_gives() -> None:
    nlp = load_nlp()
    layers = list(_networks(nlp))
    ours = _reading(nlp)
    kept = [node.ops for node in layers]
    blis = NumpyOps(use_blis=True)
    try:
        for node in layers:
            node.ops = blis
        assert _reading(nlp) == ours
    finally:
        for node, ops in zip(layers, kept, strict=True):
            node.ops = ops
