"""A token `Matcher` that skips the patterns a text cannot match.

spaCy's `Matcher` tries every pattern at every token, and set-valued predicates such as
``{"LOWER": {"IN": [...]}}`` are checked in Python, so a few hundred rules cost more than
the parse they run on. Most patterns need at least one literal word to be present (an
*anchor*: "never", "sorry", "calm"), so patterns are grouped, each group with the union of
its anchors, and a group's matcher only runs on a text that holds one of them. Patterns
without a literal word they must match run on every text. The result is the same as one
`Matcher` over all the patterns; only the work differs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

# Token attributes whose literal values can be looked up among a text's words (lower-cased).
LITERAL_ATTRS = frozenset({"ORTH", "TEXT", "LOWER", "NORM", "LEMMA"})
# Quantifiers under which a token pattern must match at least one token.
REQUIRED_OPS = frozenset({None, "1", "+"})


def _literals(token_pattern: dict[str, Any]) -> frozenset[str] | None:
    """The words one token pattern can match, or None when it is not limited to a list."""
    if token_pattern.get("OP") not in REQUIRED_OPS:
        return None
    best: frozenset[str] | None = None
    for attr, value in token_pattern.items():
        if attr.upper() not in LITERAL_ATTRS:
            continue
        if isinstance(value, str):
            words = frozenset({value.lower()})
        elif isinstance(value, dict) and set(value) == {"IN"} and isinstance(value["IN"], list):
            words = frozenset(str(v).lower() for v in value["IN"])
        else:
            continue
        if best is None or len(words) < len(best):
            best = words
    return best


def anchors(
    pattern: list[dict[str, Any]], common: Callable[[str], bool] = lambda _: False
) -> frozenset[str] | None:
    """A set of words of which a text must hold one for `pattern` to match.

    Of the pattern's literal tokens, the one whose words are least often found is chosen:
    fewest `common` words ("you", "I"), then the shortest list.
    """
    best: frozenset[str] | None = None
    best_cost = (0, 0)
    for token_pattern in pattern:
        words = _literals(token_pattern)
        if words is None:
            continue
        cost = (sum(1 for w in words if common(w)), len(words))
        if best is None or cost < best_cost:
            best, best_cost = words, cost
    return best


def text_words(doc: Doc) -> set[str]:
    """Every form a literal pattern value could be compared with, lower-cased."""
    words: set[str] = set()
    for token in doc:
        words.add(token.lower_)
        words.add(token.norm_)
        words.add(token.lemma_.lower())
    return words


class AnchoredMatcher:
    """Several `Matcher`s, one per anchor set, each run only when one of its words occurs."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self._always = Matcher(vocab, validate=True)
        self._groups: dict[frozenset[str], Matcher] = {}
        # Every pattern as added, by key: what a plain `Matcher` would hold.
        self.patterns: dict[str, list[list[dict[str, Any]]]] = {}

    def _common(self, word: str) -> bool:
        return bool(self.vocab[word].is_stop)

    def add(self, key: str, patterns: list[list[dict[str, Any]]]) -> None:
        """Add patterns under `key`, each to the matcher of its anchor words."""
        self.patterns.setdefault(key, []).extend(patterns)
        by_anchor: dict[frozenset[str] | None, list[list[dict[str, Any]]]] = {}
        for pattern in patterns:
            by_anchor.setdefault(anchors(pattern, self._common), []).append(pattern)
        for words, group in by_anchor.items():
            if words is None:
                self._always.add(key, group)
            else:
                self._groups.setdefault(words, Matcher(self.vocab, validate=True)).add(key, group)

    def __len__(self) -> int:
        return len(self.patterns)

    def __call__(self, doc: Doc, present: set[str] | None = None) -> list[tuple[int, int, int]]:
        """Matches as `Matcher` gives them; `present` (from `text_words`) may be passed in
        when several matchers look at the same text."""
        if present is None:
            present = text_words(doc)
        matches = list(self._always(doc)) if len(self._always) else []
        for words, matcher in self._groups.items():
            if not words.isdisjoint(present):
                matches.extend(matcher(doc))
        # One key's patterns can sit in several groups; like `Matcher`, report a span once.
        return list(dict.fromkeys(matches))

    def groups_run(self, doc: Doc) -> list[frozenset[str]]:
        """The anchor sets whose matcher runs on `doc` (for tests and benchmarks)."""
        present = text_words(doc)
        return [words for words in self._groups if not words.isdisjoint(present)]
