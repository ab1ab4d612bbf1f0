"""The anchored matcher finds exactly what one plain spaCy `Matcher` would, with less work."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.matcher import Matcher

from coach.analyzer import _engine
from coach.anchored import AnchoredMatcher, anchors
from coach.crisis import _detector
from coach.normalize import normalize

DATA = Path(__file__).resolve().parents[2] / "data" / "coach"


def _project_replies() -> list[str]:
    texts: list[str] = []
    for path in sorted(DATA.glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            texts.extend(json.loads(line)["reply"] for line in fh if line.strip())
    return texts


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ([{"LOWER": "never"}], {"never"}),
        # The rarer of two literal tokens is the better anchor.
        ([{"LOWER": "you"}, {"LOWER": {"IN": ["always", "constantly"]}}], {"always", "constantly"}),
        # An optional token cannot anchor a pattern.
        ([{"LOWER": "just", "OP": "?"}, {"POS": "VERB"}], None),
        ([{"LEMMA": "apologize"}, {"IS_PUNCT": True}], {"apologize"}),
        ([{"LOWER": {"REGEX": "^sor+y$"}}], None),
    ],
)
def test_anchor_words(pattern: list[dict[str, object]], expected: set[str] | None) -> None:
    common = {"you", "i", "just"}.__contains__
    got = anchors(pattern, common)
    assert (None if got is None else set(got)) == expected


def test_same_matches_as_one_plain_matcher_on_every_project_reply() -> None:
    language, rules = _engine()
    detector = _detector()
    for anchored in (rules.matcher, rules.support, detector.matcher, detector.guards):
        assert isinstance(anchored, AnchoredMatcher)
        plain = Matcher(language.vocab)
        for key, patterns in anchored.patterns.items():
            plain.add(key, patterns)
        texts = _project_replies()
        assert len(texts) > 1000
        for doc in language.pipe(normalize(t).text for t in texts):
            assert sorted(anchored(doc)) == sorted(plain(doc)), doc.text


def test_a_reply_without_anchor_words_skips_most_matchers() -> None:
    language, rules = _engine()
    doc = language("ok.")
    assert len(rules.matcher.groups_run(doc)) < len(rules.matcher.patterns) / 4
