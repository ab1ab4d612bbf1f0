"""`analyze`: how emotionally safe a reply is, and which words make it so."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from coach.language import load_nlp
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


def _overlaps(a: Hit, b: Hit) -> bool:
    return a.start < b.end and b.start < a.end


def _resolve(hits: list[Hit], doc: Doc, contrast: set[str]) -> tuple[list[Hit], int]:
    """Drop duplicate and cancelled matches; return the kept hits and how many helps a "but" erased."""
    hits = sorted(hits, key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[Hit] = []
    for hit in hits:
        if any(k.rule.kind == hit.rule.kind and _overlaps(k, hit) for k in kept):
            continue
        kept.append(hit)
    harms = [h for h in kept if h.rule.kind in HARM_KINDS]
    # Harm wins where it overlaps help: "what is wrong with you?" is not an open question.
    kept = [
        h for h in kept
        if h.rule.kind in HARM_KINDS or not any(_overlaps(h, x) for x in harms)
    ]
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
    alpha = [t for t in doc if t.is_alpha]
    stops = sum(1 for t in alpha if t.is_stop)
    accented = any(0x00C0 <= ord(ch) <= 0x024F for ch in letters)
    if non_latin > len(letters) / 2 or (
        len(alpha) >= 4 and stops / len(alpha) < (0.3 if accented else 0.12)
    ):
        flags.append("non_english")
    return flags


def _learned_markers(doc: Doc, found: set[str]) -> list[tuple[str, int, int, str]]:
    """Markers for kinds the rules missed but the per-kind classifiers are sure of.

    The marker covers the sentence that most looks like that kind.
    """
    model = load_score_model()
    features = text_features(doc)
    sentences = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
    out: list[tuple[str, int, int, str]] = []
    for kind_model in model.kinds:
        if kind_model.kind in found or kind_model.probability(features) < kind_model.threshold:
            continue
        best = max(sentences, key=lambda s: kind_model.model.logit(text_features(s)))
        words = [t for t in best if not (t.is_punct or t.is_space)] or list(best)
        out.append((kind_model.kind, words[0].idx, words[-1].idx + len(words[-1].text), kind_model.kind))
    return out


def extract(text: str, context: str | None = None) -> Extraction:
    """Run the rules over a reply; used by `analyze` and by the script that fits the weights."""
    cleaned = clean_text(text)
    ctx = clean_text(context, field="context") if context and context.strip() else None
    language, rules = _engine()
    normalized = normalize(cleaned)
    doc = language(normalized.text)
    ctx_doc = language.make_doc(normalize(ctx).text) if ctx else None
    tags = rules.context_tags(ctx_doc)
    hits, erased = _resolve(
        rules.find(doc, tags), doc, set(rules.lexicons.get("contrast", []))
    )
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
    rule_kinds = {m.kind for m in markers}
    for kind, s_char, e_char, _ in _learned_markers(doc, rule_kinds):
        start, end = normalized.to_original(s_char, e_char)
        markers.append(
            Marker(kind, start, end, cleaned[start:end], polarity_of(kind), rules.kind_tips[kind])
        )
    markers.sort(key=lambda m: (m.start, m.end))
    words = sum(1 for t in doc if any(ch.isalnum() for ch in t.text))
    signals: dict[str, float] = {f"kind:{k}": 0.0 for k in KINDS}
    for marker in markers:
        if marker.kind not in rule_kinds:
            continue
        key = f"kind:{marker.kind}"
        signals[key] = min(signals[key] + 1.0, KIND_COUNT_CAP)
    signals["erased_help"] = float(erased)
    signals["brief_after_context"] = 1.0 if ctx and words <= 3 else 0.0
    signals["log_words"] = math.log1p(words)
    return Extraction(cleaned, ctx, normalized, doc, markers, signals, _flags(doc, cleaned))


def analyze(text: str, context: str | None = None) -> Analysis:
    """Score a reply for defensiveness (0 = very safe, 100 = very unsafe) and mark why.

    >>> a = analyze("You never listen to me", context="I had such a rough day")
    >>> a.label, [m.kind for m in a.markers]
    ('unsafe', ['absolute', 'criticism'])
    """
    ex = extract(text, context)
    score = load_score_model().score(ex.doc, ex.signals)
    return Analysis(
        text=ex.cleaned,
        score=score,
        label=label_for(score),
        markers=ex.markers,
        context=ex.context,
        flags=ex.flags,
    )
