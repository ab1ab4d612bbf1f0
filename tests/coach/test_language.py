"""The spaCy pipeline the engine loads: numpy's products, with the parses blis would give."""

from __future__ import annotations

import contextvars

import pytest
import thinc.backends
from spacy.pipeline import AttributeRuler
from thinc.api import Model, NumpyOps
from threadpoolctl import threadpool_info

from coach.analyzer import parse
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


def test_a_parse_in_a_new_context_does_not_build_a_backend(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Each request to the gateway runs in a new asyncio context; the parse must not make
    # thinc look a backend up in its registry there (about 0.3 ms each time).
    text = "We could talk about the trip to your sister's after dinner."
    expected = [t.dep_ for t in load_nlp()(text)]
    parse.cache_clear()

    def looked_up(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("thinc built a backend for this parse")

    monkeypatch.setattr(thinc.backends, "get_ops", looked_up)
    doc = contextvars.Context().run(parse, text)
    assert [t.dep_ for t in doc] == expected


RULER_SENTENCES = [
    "Ya'll are gonna love this, ain't it obvious?",
    "There's  a lot   I was hoping to say, let's sit down.",
    "C'mon, we gotta talk about the budget\n\nbefore Friday.",
    "I hoped you'd call; she hopes so too. Y'all ok?",
    "ok fine whatever, do what u want",
]


def test_the_attribute_ruler_finds_the_matches_its_matcher_would() -> None:
    nlp = load_nlp()
    ruler = nlp.get_pipe("attribute_ruler")
    assert type(ruler.match).__name__ == "_IndexedRulerMatch"
    for sentence in RULER_SENTENCES + SENTENCES:
        doc = nlp.make_doc(sentence)
        for name, component in nlp.pipeline:
            if name == "attribute_ruler":
                break
            doc = component(doc)
        ours = ruler.match(doc)
        assert ours, sentence
        assert sorted(set(ours)) == sorted(set(AttributeRuler.match(ruler, doc))), sentence
    lemmas = {t.lower_: t.lemma_ for t in nlp("we're gonna go, I was hoping so")}
    assert lemmas["hoping"] == "hope" and lemmas["gon"] == "go"


def test_a_base_form_ending_in_ing_is_not_read_as_a_gerund() -> None:
    # "ring" tagged VBG got the lemma "re"; its own -ing form is left alone
    nlp = load_nlp()
    ring = nlp("Just ring the council.")[1]
    assert (ring.tag_, ring.lemma_) == ("VB", "ring")
    ringing = nlp("I keep ringing the garage.")[2]
    assert (ringing.tag_, ringing.lemma_) == ("VBG", "ring")


def test_a_rule_added_later_still_applies() -> None:
    nlp = load_nlp.__wrapped__()  # a pipeline of its own, not the shared one
    nlp.get_pipe("attribute_ruler").add([[{"LOWER": "grumpf"}]], {"LEMMA": "grumble"})
    assert nlp("grumpf, said the cat")[0].lemma_ == "grumble"
