"""Marker rules kept as data: loading, validation and matching.

Each file in ``resources/rules/`` holds the rules for one marker kind. A rule has an ``id``,
either a token ``pattern`` (spaCy ``Matcher`` syntax) or a ``dep_pattern``
(``DependencyMatcher`` syntax), an optional ``tip`` (else the file's), and optional
conditions that look beyond the matched words (negation, the partner's context, the rest
of the reply). Lists inside patterns may name a lexicon from ``resources/lexicons.yml``
as ``"$name"``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.matcher import DependencyMatcher, Matcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from coach.anchored import AnchoredMatcher, text_words
from coach.errors import RulesError
from coach.loader import load_yaml, resource_names
from coach.result import KINDS

RULE_KEYS = frozenset(
    {
        "id",
        "pattern",
        "dep_pattern",
        "tip",
        "negatable",
        "sent_initial",
        "whole",
        "requires",
        "unless",
        "context",
        "max_words",
        "span",
        "question",
        "extend",
        "note",
    }
)
FILE_KEYS = frozenset({"kind", "tip", "rules", "description", "yields_to"})
SUPPORT_KEYS = frozenset({"description", "support", "context"})


@dataclass(frozen=True, slots=True)
class Rule:
    kind: str
    id: str
    tip: str
    negatable: bool = True
    sent_initial: int | None = None
    whole: bool = False
    requires: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    max_words: int | None = None
    span: tuple[str, ...] = ()
    question: bool = False
    extend_to_sentence: bool = False

    @property
    def key(self) -> str:
        return f"{self.kind}/{self.id}"


@dataclass(frozen=True, slots=True)
class Hit:
    """A rule that matched, as token offsets into the parsed (normalised) reply."""

    rule: Rule
    start: int
    end: int
    # For a match a negation cancelled: True when the range is a whole disclaimed clause.
    disclaimed: bool = False


def _expand(value: Any, lexicons: dict[str, list[str]], where: str) -> Any:
    if isinstance(value, dict):
        out_dict: dict[str, Any] = {}
        for key, item in value.items():
            if key in ("IN", "NOT_IN") and isinstance(item, str) and item.startswith("$"):
                item = [item]
            out_dict[key] = _expand(item, lexicons, where)
        return out_dict
    if isinstance(value, list):
        out: list[Any] = []
        for item in value:
            if isinstance(item, str) and item.startswith("$"):
                name = item[1:]
                if name not in lexicons:
                    raise RulesError(f"{where}: unknown lexicon {item!r}")
                out.extend(lexicons[name])
            else:
                out.append(_expand(item, lexicons, where))
        return out
    return value


def _as_names(value: Any, where: str, field: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise RulesError(f"{where}: '{field}' must be a name or a list of names")


class RuleSet:
    """All marker rules compiled into spaCy matchers for one vocabulary."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.rules: dict[str, Rule] = {}
        self.kind_tips: dict[str, str] = {}
        # Kinds that take precedence where their match overlaps this kind's (a pause
        # request "can we take twenty minutes?" is a repair break, not an invitation).
        self.yields_to: dict[str, frozenset[str]] = {}
        self.matcher = AnchoredMatcher(vocab)
        self.dep_matcher = DependencyMatcher(vocab, validate=True)
        self.dep_nodes: dict[str, list[str]] = {}
        self.support = AnchoredMatcher(vocab)
        self.context_matcher = AnchoredMatcher(vocab)
        self.support_names: set[str] = set()
        self.context_names: set[str] = set()
        self.lexicons: dict[str, list[str]] = {}

    # -- loading -----------------------------------------------------------------------
    def load(self) -> RuleSet:
        self.load_shared()
        files = resource_names("rules")
        if not files:
            raise RulesError("rules/: no rule files found")
        for name in files:
            self._load_rule_file(name)
        missing = set(KINDS) - set(self.kind_tips)
        if missing:
            raise RulesError(f"rules/: no rule file for kinds {sorted(missing)}")
        return self

    def load_shared(self) -> RuleSet:
        """Load the lexicons and support patterns that rule files refer to."""
        self._load_lexicons()
        self._load_support()
        return self

    def _load_lexicons(self) -> None:
        data = load_yaml("lexicons.yml")
        lex = data.get("lexicons")
        if not isinstance(lex, dict):
            raise RulesError("lexicons.yml: expected a 'lexicons' mapping")
        for name, words in lex.items():
            if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                raise RulesError(f"lexicons.yml: lexicon {name!r} must be a list of strings")
            self.lexicons[str(name)] = [w.lower() for w in words]

    def _add_patterns(
        self, matcher: Matcher | AnchoredMatcher, key: str, patterns: Any, where: str
    ) -> None:
        if not isinstance(patterns, list) or not patterns:
            raise RulesError(f"{where}: expected a non-empty list of token patterns")
        expanded = [_expand(p, self.lexicons, where) for p in patterns]
        try:
            matcher.add(key, expanded)
        except Exception as exc:  # spaCy raises several types for a bad pattern
            raise RulesError(f"{where}: bad pattern: {exc}") from exc

    def _load_support(self) -> None:
        data = load_yaml("support.yml")
        unknown = set(data) - SUPPORT_KEYS
        if unknown:
            raise RulesError(f"support.yml: unknown keys {sorted(unknown)}")
        for section, matcher, names in (
            ("support", self.support, self.support_names),
            ("context", self.context_matcher, self.context_names),
        ):
            entries = data.get(section) or {}
            if not isinstance(entries, dict):
                raise RulesError(f"support.yml: '{section}' must be a mapping")
            for name, patterns in entries.items():
                self._add_patterns(matcher, str(name), patterns, f"support.yml: {section}.{name}")
                names.add(str(name))

    def _load_rule_file(self, name: str) -> None:
        self.add_rule_file(name, load_yaml("rules", name))

    def add_rule_file(self, name: str, data: dict[str, Any]) -> None:
        """Validate and compile one kind's rule file (already parsed from YAML)."""
        unknown = set(data) - FILE_KEYS
        if unknown:
            raise RulesError(f"rules/{name}: unknown keys {sorted(unknown)}")
        kind = data.get("kind")
        if kind not in KINDS:
            raise RulesError(f"rules/{name}: unknown marker kind {kind!r}")
        if not isinstance(data.get("tip"), str) or not data["tip"].strip():
            raise RulesError(f"rules/{name}: a default 'tip' is required")
        self.kind_tips[kind] = data["tip"].strip()
        yields_to = _as_names(data.get("yields_to"), f"rules/{name}", "yields_to")
        for other in yields_to:
            if other not in KINDS or other == kind:
                raise RulesError(f"rules/{name}: 'yields_to' names an unknown kind {other!r}")
        self.yields_to[kind] = frozenset(yields_to)
        rules = data.get("rules")
        if not isinstance(rules, list) or not rules:
            raise RulesError(f"rules/{name}: 'rules' must be a non-empty list")
        for index, raw in enumerate(rules):
            self._load_rule(kind, raw, f"rules/{name}: rule {index}")

    def _load_rule(self, kind: str, raw: Any, where: str) -> None:
        if not isinstance(raw, dict):
            raise RulesError(f"{where}: expected a mapping")
        unknown = set(raw) - RULE_KEYS
        if unknown:
            raise RulesError(f"{where}: unknown keys {sorted(unknown)}")
        rule_id = raw.get("id")
        if not isinstance(rule_id, str) or not rule_id:
            raise RulesError(f"{where}: 'id' is required")
        where = f"{where} ({rule_id})"
        if ("pattern" in raw) == ("dep_pattern" in raw):
            raise RulesError(f"{where}: give exactly one of 'pattern' or 'dep_pattern'")
        requires = _as_names(raw.get("requires"), where, "requires")
        unless = _as_names(raw.get("unless"), where, "unless")
        for support in (*requires, *unless):
            if support not in self.support_names:
                raise RulesError(f"{where}: unknown support pattern {support!r}")
        context = _as_names(raw.get("context"), where, "context")
        for ctx in context:
            if ctx not in {"any", "none"} | self.context_names:
                raise RulesError(f"{where}: unknown context {ctx!r}")
        for field in ("sent_initial", "max_words"):
            if field in raw and (not isinstance(raw[field], int) or raw[field] < 0):
                raise RulesError(f"{where}: '{field}' must be a non-negative integer")
        for field in ("negatable", "whole", "question"):
            if field in raw and not isinstance(raw[field], bool):
                raise RulesError(f"{where}: '{field}' must be true or false")
        if raw.get("extend", "sentence") != "sentence":
            raise RulesError(f"{where}: 'extend' can only be 'sentence'")
        tip = raw.get("tip", self.kind_tips[kind])
        if not isinstance(tip, str) or not tip.strip():
            raise RulesError(f"{where}: 'tip' must be text")
        rule = Rule(
            kind=kind,
            id=rule_id,
            tip=tip.strip(),
            negatable=raw.get("negatable", True),
            sent_initial=raw.get("sent_initial"),
            whole=raw.get("whole", False),
            requires=requires,
            unless=unless,
            context=context,
            max_words=raw.get("max_words"),
            span=_as_names(raw.get("span"), where, "span"),
            question=raw.get("question", False),
            extend_to_sentence="extend" in raw,
        )
        if rule.key in self.rules:
            raise RulesError(f"{where}: duplicate rule id {rule_id!r}")
        if "pattern" in raw:
            if rule.span:
                raise RulesError(f"{where}: 'span' only applies to dep_pattern rules")
            self._add_patterns(self.matcher, rule.key, raw["pattern"], where)
        else:
            pattern = _expand(raw["dep_pattern"], self.lexicons, where)
            if not isinstance(pattern, list) or not pattern:
                raise RulesError(f"{where}: 'dep_pattern' must be a non-empty list")
            names = [str(node.get("RIGHT_ID")) for node in pattern if isinstance(node, dict)]
            for node in rule.span:
                if node not in names:
                    raise RulesError(f"{where}: span node {node!r} is not in the pattern")
            try:
                self.dep_matcher.add(rule.key, [pattern])
            except Exception as exc:
                raise RulesError(f"{where}: bad dep_pattern: {exc}") from exc
            self.dep_nodes[rule.key] = names
        self.rules[rule.key] = rule

    # -- matching ----------------------------------------------------------------------
    def context_tags(self, context_doc: Doc | None) -> frozenset[str]:
        if context_doc is None:
            return frozenset({"none"})
        tags = {"any"}
        for match_id, _, _ in self.context_matcher(context_doc):
            tags.add(self.vocab.strings[match_id])
        return frozenset(tags)

    def find(self, doc: Doc, context: frozenset[str]) -> tuple[list[Hit], list[Hit], set[str]]:
        """Matches whose conditions hold; matches cancelled by a negation, each as the
        range the negation cancels; and every kind some rule matched at all."""
        present = text_words(doc)
        support = {self.vocab.strings[m] for m, _, _ in self.support(doc, present)}
        words = _Words(doc)
        hits: list[Hit] = []
        for match_id, start, end in self.matcher(doc, present):
            rule = self.rules[self.vocab.strings[match_id]]
            hits.append(Hit(rule, start, end))
        for match_id, token_ids in self.dep_matcher(doc):
            key = self.vocab.strings[match_id]
            rule = self.rules[key]
            names = self.dep_nodes[key]
            chosen = [
                tid
                for name, tid in zip(names, token_ids, strict=True)
                if not rule.span or name in rule.span
            ]
            hits.append(Hit(rule, min(chosen), max(chosen) + 1))
        kept: list[Hit] = []
        negated: list[Hit] = []
        seen = {hit.rule.kind for hit in hits}
        for hit in hits:
            if not self._holds(hit, doc, words, support, context):
                continue
            scope = (
                negation_scope(doc[hit.start : hit.end], self.lexicons)
                if hit.rule.negatable
                else None
            )
            if scope is not None:
                negated.append(Hit(hit.rule, *scope))
            elif hit.rule.extend_to_sentence:
                kept.append(Hit(hit.rule, hit.start, _sentence_end(doc, hit.end)))
            else:
                kept.append(Hit(hit.rule, *_whole_words(doc, hit.start, hit.end)))
        return kept, negated, seen

    def _holds(
        self,
        hit: Hit,
        doc: Doc,
        words: _Words,
        support: set[str],
        context: frozenset[str],
    ) -> bool:
        rule = hit.rule
        if rule.requires and not any(name in support for name in rule.requires):
            return False
        if any(name in support for name in rule.unless):
            return False
        if rule.context and not any(c in context for c in rule.context):
            return False
        if rule.max_words is not None and len(words.tokens) > rule.max_words:
            return False
        if rule.whole and any(not (hit.start <= t.i < hit.end) for t in words.tokens):
            return False
        span = doc[hit.start : hit.end]
        sent = span.sent if doc.has_annotation("SENT_START") else doc[:]
        if rule.sent_initial is not None and hit.start - sent.start > rule.sent_initial:
            return False
        return not (
            rule.question and not _is_question(sent, self.lexicons.get("question_openers", []))
        )


def _whole_words(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """A match's tokens as a marker shows them: without the punctuation a pattern may need
    around it (", drop it."), and never starting inside a word ("'s not my fault" is
    "it's not my fault")."""
    while end - start > 1 and doc[start].is_punct:
        start += 1
    while end - start > 1 and doc[end - 1].is_punct:
        end -= 1
    while start > 0 and not doc[start - 1].whitespace_ and not doc[start - 1].is_punct:
        start -= 1
    return start, end


def _sentence_end(doc: Doc, end: int) -> int:
    """The end of the sentence holding token `end - 1`, without its closing punctuation."""
    sent = doc[end - 1].sent if doc.has_annotation("SENT_START") else doc[:]
    stop = sent.end
    while stop > end and (doc[stop - 1].is_punct or doc[stop - 1].is_space):
        stop -= 1
    return stop


class _Words:
    """A reply's word tokens (not punctuation or emoji), listed only if a rule asks."""

    def __init__(self, doc: Doc) -> None:
        self._doc = doc
        self._tokens: list[Token] | None = None

    @property
    def tokens(self) -> list[Token]:
        if self._tokens is None:
            self._tokens = [t for t in self._doc if _is_word(t)]
        return self._tokens


def _is_word(token: Token) -> bool:
    return any(ch.isalnum() for ch in token.text)


def _is_question(sent: Span, openers: Iterable[str]) -> bool:
    if "?" in sent.text:
        return True
    first = next((t for t in sent if _is_word(t)), None)
    return first is not None and first.lower_ in set(openers)


_GOVERNED = frozenset(
    {"dobj", "pobj", "prep", "attr", "acomp", "oprd", "nsubjpass", "npadvmod", "amod", "compound"}
)


def is_negated(span: Span, lexicons: dict[str, list[str]]) -> bool:
    """True when the matched words sit under a negation that cancels them."""
    return negation_scope(span, lexicons) is not None


def negation_scope(span: Span, lexicons: dict[str, list[str]]) -> tuple[int, int, bool] | None:
    """The token range a negation cancels around a match (and whether it is a whole
    disclaimed clause), or None if nothing cancels it.

    A negative question ("Why don't you just...?", "Don't you think...?") is a push, not a
    negation, so it cancels nothing.

    Two shapes: a negation on the matched phrase's own head ("I don't appreciate..."),
    which cancels the match; and a negated verb of saying or believing above it ("I'm not
    saying you never help", "I don't think you're overreacting"), which cancels that whole
    clause. Negations inside the match are part of what was matched.
    """
    inside = {t.i for t in span}
    sent = span.sent if span.doc.has_annotation("SENT_START") else span.doc[:]
    words = [t.lower_ for t in sent if not t.is_punct][:3]
    if words[:1] == ["why"] or (len(words) > 1 and words[1] == "n't" and "?" in sent.text):
        return None
    root = span.root
    heads = [root] if root.i in inside else []
    heads += [t for t in span if t.head.i not in inside]
    # Climb from the match to the verb that governs it ("never laid a *hand on me*").
    node = root
    while node.dep_ in _GOVERNED and node.head.i != node.i and node.head.i not in inside:
        node = node.head
        heads.append(node)
    for head in heads:
        for child in head.children:
            if child.dep_ == "neg" and child.i < span.start:
                return span.start, span.end, False
            if (
                child.dep_ == "nsubj"
                and child.lower_ in ("nobody", "noone")
                and child.i < span.start
            ):
                return span.start, span.end, False
    saying = set(lexicons.get("saying_frames", []))
    believing = set(lexicons.get("belief_frames", []))
    own_negation = any(t.dep_ == "neg" or t.lower_ in ("not", "n't", "never") for t in span)
    node = root
    for _ in range(6):
        if node.head.i == node.i:
            break
        node = node.head
        if node.i in inside or not any(
            c.dep_ == "neg" and c.i not in inside for c in node.children
        ):
            continue
        if not any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in node.children):
            continue
        lemma = node.lemma_.lower()
        # "I'm not saying you never help" cancels whatever is said; "I don't think you're
        # overreacting" cancels a plain claim but not one already negated.
        if lemma in saying or (lemma in believing and not own_negation):
            return node.left_edge.i, node.right_edge.i + 1, True
    return None


@lru_cache(maxsize=4)
def load_rules(vocab: Vocab) -> RuleSet:
    """Compile (once per vocabulary) every rule file shipped with the engine."""
    return RuleSet(vocab).load()
