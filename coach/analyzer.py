"""`analyze`: how emotionally safe a reply is, and which words make it so."""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache

from spacy.attrs import IS_ALPHA, IS_STOP
from spacy.language import Language
from spacy.tokens import Doc

from coach.language import ensure_ops, load_nlp
from coach.normalize import Normalized, clean_text, normalize
from coach.result import HARM_KINDS, HELP_KINDS, KINDS, Analysis, Marker, label_for, polarity_of
from coach.rules import Hit, RuleSet, load_rules
from coach.scorer import load_score_model, text_features

# How many markers of one kind still add to the evidence; a long rant is not ten times worse.
KIND_COUNT_CAP = 2


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything the rules found in one reply, before it is scored."""

    cleaned: str
    context: str | None
    normalized: Normalized
    doc: Doc
    markers: list[Marker]
    signals: dict[str, float]
    flags: list[str]
    features: list[str]
    learned_markers: list[Marker]
    decided_kinds: frozenset[str]


@lru_cache(maxsize=1)
def _engine() -> tuple[Language, RuleSet]:
    nlp = load_nlp()
    return nlp, load_rules(nlp.vocab)


def nlp() -> Language:
    """The spaCy pipeline `analyze` runs, loaded once.

    >>> coach.nlp().pipe_names
    ['tok2vec', 'tagger', 'parser', 'attribute_ruler', 'lemmatizer']
    """
    return _engine()[0]


class _ParseCache:
    """The last parses, by normalised text, shared by `analyze`, `check_crisis` and
    `rewrite` (and safe to use from the gateway's worker threads)."""

    def __init__(self, size: int = 256) -> None:
        self._size = size
        self._docs: OrderedDict[str, Doc] = OrderedDict()
        self._lock = threading.Lock()

    def _get(self, text: str) -> Doc | None:
        with self._lock:
            doc = self._docs.get(text)
            if doc is not None:
                self._docs.move_to_end(text)
            return doc

    def _put(self, text: str, doc: Doc) -> None:
        with self._lock:
            self._docs[text] = doc
            self._docs.move_to_end(text)
            while len(self._docs) > self._size:
                self._docs.popitem(last=False)

    def __call__(self, normalized_text: str) -> Doc:
        """Parse (once) an already normalised text."""
        doc = self._get(normalized_text)
        if doc is None:
            ensure_ops()
            doc = _engine()[0](normalized_text)
            self._put(normalized_text, doc)
        return doc

    def prime(self, normalized_texts: list[str]) -> None:
        """Parse several texts in one batch (faster than one by one) ahead of their use."""
        todo = [t for t in dict.fromkeys(normalized_texts) if self._get(t) is None]
        ensure_ops()
        for text, doc in zip(todo, _engine()[0].pipe(todo), strict=True):
            self._put(text, doc)

    def cache_clear(self) -> None:
        with self._lock:
            self._docs.clear()


parse = _ParseCache()


def _overlaps(a: Hit, b: Hit) -> bool:
    return a.start < b.end and b.start < a.end


def _resolve(
    hits: list[Hit], doc: Doc, contrast: set[str], yields_to: dict[str, frozenset[str]]
) -> tuple[list[Hit], int]:
    """Drop duplicate and cancelled matches.

    Returns the kept hits and how many helps a "but" erased.
    """
    hits = sorted(hits, key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[Hit] = []
    for hit in hits:
        if any(k.rule.kind == hit.rule.kind and _overlaps(k, hit) for k in kept):
            continue
        kept.append(hit)
    kept = [
        h
        for h in kept
        if not any(k.rule.kind in yields_to.get(h.rule.kind, ()) and _overlaps(h, k) for k in kept)
    ]
    harms = [h for h in kept if h.rule.kind in HARM_KINDS]
    # Harm wins where it overlaps help: "what is wrong with you?" is not an open question.
    kept = [h for h in kept if h.rule.kind in HARM_KINDS or not any(_overlaps(h, x) for x in harms)]
    erased = 0
    result: list[Hit] = []
    turns = [t.i for t in doc if t.lower_ in contrast]
    for hit in kept:
        if hit.rule.kind in HELP_KINDS and any(
            hit.end <= turn and any(h.start > turn for h in harms) for turn in turns
        ):
            erased += 1
            continue
        result.append(hit)
    return result, erased


def _flags(doc: Doc, cleaned: str) -> list[str]:
    flags: list[str] = []
    letters = [ch for ch in cleaned if ch.isalpha()]
    if not letters:
        return ["no_words"]
    non_latin = sum(1 for ch in letters if ord(ch) > 0x24F)
    # Read the flags as an array: building a Token object per word costs more than this.
    table = doc.to_array([IS_ALPHA, IS_STOP]).astype(bool)
    alpha = int(table[:, 0].sum())
    stops = int((table[:, 0] & table[:, 1]).sum())
    accented = any(0x00C0 <= ord(ch) <= 0x024F for ch in letters)
    if non_latin > len(letters) / 2 or (alpha >= 4 and stops / alpha < (0.3 if accented else 0.12)):
        flags.append("non_english")
    return flags


def _learned_markers(
    doc: Doc, found: set[str], features: list[str], masked: frozenset[int]
) -> list[tuple[str, int, int, str]]:
    """Markers for kinds the rules missed but the per-kind classifiers are sure of.

    The marker covers the sentence that most looks like that kind.
    """
    model = load_score_model()
    sentences = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
    out: list[tuple[str, int, int, str]] = []
    for kind_model in model.kinds:
        if kind_model.kind in found or kind_model.probability(features) < kind_model.threshold:
            continue
        best = max(sentences, key=lambda s: kind_model.model.logit(text_features(s, masked)))
        words = [t for t in best if not (t.is_punct or t.is_space)] or list(best)
        out.append(
            (kind_model.kind, words[0].idx, words[-1].idx + len(words[-1].text), kind_model.kind)
        )
    return out


def extract(text: str, context: str | None = None, *, learned: bool = True) -> Extraction:
    """Run the rules over a reply; used by `analyze` and by the script that fits the weights.

    With ``learned=False`` only the rules' markers are returned (the fitting script needs
    them apart from the classifiers it is about to fit).
    """
    cleaned = clean_text(text)
    ctx = clean_text(context, field="context") if context and context.strip() else None
    language, rules = _engine()
    normalized = normalize(cleaned)
    doc = parse(normalized.text)
    ctx_doc = language.make_doc(normalize(ctx).text) if ctx else None
    tags = rules.context_tags(ctx_doc)
    found, negated, seen = rules.find(doc, tags)
    hits, erased = _resolve(found, doc, set(rules.lexicons.get("contrast", [])), rules.yields_to)
    markers: list[Marker] = []
    for hit in sorted(hits, key=lambda h: (h.start, h.end)):
        span = doc[hit.start : hit.end]
        start, end = normalized.to_original(span.start_char, span.end_char)
        markers.append(
            Marker(
                kind=hit.rule.kind,
                start=start,
                end=end,
                text=cleaned[start:end],
                polarity=polarity_of(hit.rule.kind),
                tip=hit.rule.tip,
            )
        )
    # A disclaimed clause ("I'm not saying you never help") should not count as said; a
    # plain negation ("not doing this") is left to the n-grams, which see the "not".
    masked = frozenset(
        i
        for h in negated
        if h.rule.kind in HARM_KINDS and h.disclaimed
        for i in range(h.start, h.end)
    )
    features = text_features(doc, masked) + [f"context:{tag}" for tag in sorted(tags)]
    # Kinds a rule already matched were decided by the rules, even if a condition (negation,
    # context, an overlapping harm, a "but") then set the match aside.
    learned_hits = _learned_markers(doc, seen, features, masked) if learned else []
    words = sum(1 for t in doc if any(ch.isalnum() for ch in t.text))
    signals: dict[str, float] = {f"kind:{k}": 0.0 for k in KINDS}
    for marker in markers:
        key = f"kind:{marker.kind}"
        signals[key] = min(signals[key] + 1.0, KIND_COUNT_CAP)
    signals["erased_help"] = float(erased)
    signals["negated_harm"] = float(
        min(KIND_COUNT_CAP, sum(1 for h in negated if h.rule.kind in HARM_KINDS))
    )
    # "I'm not saying you never help": a harm disclaimed before it is said softens, where a
    # harm merely negated may not
    signals["disclaimed_harm"] = float(
        min(KIND_COUNT_CAP, sum(1 for h in negated if h.rule.kind in HARM_KINDS and h.disclaimed))
    )
    signals["negated_help"] = float(
        min(KIND_COUNT_CAP, sum(1 for h in negated if h.rule.kind in HELP_KINDS))
    )
    signals["brief_after_context"] = 1.0 if ctx and words <= 3 else 0.0
    signals["log_words"] = math.log1p(words)
    learned_markers = [
        Marker(kind, *span, cleaned[span[0] : span[1]], polarity_of(kind), rules.kind_tips[kind])
        for kind, s_char, e_char, _ in learned_hits
        for span in [normalized.to_original(s_char, e_char)]
    ]
    return Extraction(
        cleaned,
        ctx,
        normalized,
        doc,
        markers,
        signals,
        _flags(doc, cleaned),
        features,
        learned_markers,
        frozenset(seen),
    )


def analyze(text: str, context: str | None = None) -> Analysis:
    """Score a reply for defensiveness (0 = very safe, 100 = very unsafe) and mark why.

    >>> a = analyze("You never listen to me", context="I had such a rough day")
    >>> a.label, [m.kind for m in a.markers]
    ('unsafe', ['absolute', 'criticism'])
    """
    return analysis_of(extract(text, context))


def analysis_of(ex: Extraction) -> Analysis:
    """Score an extraction (for callers that need the extraction too, like `rewrite`)."""
    score = load_score_model().score(ex.features, ex.signals)
    label = label_for(score)
    # Learned markers explain the verdict; they never argue against it.
    wanted = "harm" if label == "unsafe" else "help"
    markers = ex.markers + [m for m in ex.learned_markers if m.polarity == wanted]
    markers.sort(key=lambda m: (m.start, m.end))
    return Analysis(
        text=ex.cleaned,
        score=score,
        label=label,
        markers=markers,
        context=ex.context,
        flags=ex.flags,
    )
