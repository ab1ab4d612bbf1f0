"""`check_crisis`: notice when a message discloses abuse, threats or self-harm.

Coaching someone to be softer is the wrong help when their partner is dangerous or when
they are thinking of hurting themselves. This module decides whether to stop coaching
and what to show instead. A miss is far worse than a false alarm, so patterns and a
fitted classifier each can raise the alarm; only clear signs of a joke, fiction, a
negation or a resolved past stand a pattern down.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any

from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc

from coach.analyzer import nlp, parse
from coach.anchored import AnchoredMatcher, text_words
from coach.errors import RulesError
from coach.loader import load_json, load_yaml, resource_names
from coach.normalize import clean_text, normalize
from coach.rules import _expand, negation_scope
from coach.scorer import LinearModel, _linear, sigmoid, text_features

CRISIS_KINDS: tuple[str, ...] = ("abuse", "self_harm", "threat")
DEFAULT_LOCALE = "international"
_LOCALE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")
_RULE_KEYS = frozenset({"kind", "id", "pattern", "dep_pattern", "unless", "note", "negatable"})
_GUARD_KEYS = frozenset({"description", "patterns", "unless", "softens"})


@dataclass(frozen=True, slots=True)
class Resource:
    """A service the person can reach, and when it helps."""

    name: str
    contact: str
    when: str
    source: str

    def to_dict(self) -> dict[str, str]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class CrisisCheck:
    crisis: bool
    kind: str | None
    message: str
    resources: list[Resource] = field(default_factory=list)
    locale: str = DEFAULT_LOCALE
    check_in: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "crisis": self.crisis,
            "check_in": self.check_in,
            "kind": self.kind,
            "message": self.message,
            "resources": [r.to_dict() for r in self.resources],
            "locale": self.locale,
        }


@dataclass(frozen=True, slots=True)
class _CrisisRule:
    kind: str
    id: str
    unless: tuple[str, ...]
    # False for patterns whose negation is the disclosure ("I didn't fall").
    negatable: bool = True


class _Detector:
    def __init__(self) -> None:
        language = nlp()
        self.vocab = language.vocab
        self.matcher = AnchoredMatcher(self.vocab)
        self.dep_matcher = DependencyMatcher(self.vocab, validate=True)
        self.guards = AnchoredMatcher(self.vocab)
        self.guard_unless: dict[str, tuple[str, ...]] = {}
        # Guards that name a harmless reading of the whole message (a joke, an accident, a
        # plot): with one of them and no pattern standing, the classifier alone only asks.
        self.softening: set[str] = set()
        self.rules: dict[str, _CrisisRule] = {}
        lexicons = load_yaml("lexicons.yml").get("lexicons", {})
        self.lexicons: dict[str, list[str]] = {str(k): list(v) for k, v in lexicons.items()}
        data = load_yaml("crisis", "rules.yml")
        self._load_guards(data.get("guards"))
        self._load_rules(data.get("rules"))

    def _load_guards(self, guards: Any) -> None:
        if not isinstance(guards, dict):
            raise RulesError("crisis/rules.yml: 'guards' must be a mapping")
        for name, entry in guards.items():
            where = f"crisis/rules.yml: guard {name!r}"
            if not isinstance(entry, dict) or set(entry) - _GUARD_KEYS:
                raise RulesError(f"{where}: expected description, patterns and unless only")
            try:
                self.guards.add(
                    str(name), [_expand(p, self.lexicons, where) for p in entry["patterns"]]
                )
            except (KeyError, TypeError, ValueError) as exc:
                raise RulesError(f"{where}: bad patterns: {exc}") from exc
            self.guard_unless[str(name)] = tuple(entry.get("unless", []))
            if entry.get("softens", False) is True:
                self.softening.add(str(name))
        for name, unless in self.guard_unless.items():
            for other in unless:
                if other not in self.guard_unless:
                    raise RulesError(f"crisis/rules.yml: guard {name!r}: unknown guard {other!r}")

    def _load_rules(self, rules: Any) -> None:
        if not isinstance(rules, list) or not rules:
            raise RulesError("crisis/rules.yml: 'rules' must be a non-empty list")
        for index, raw in enumerate(rules):
            where = f"crisis/rules.yml: rule {index}"
            if not isinstance(raw, dict) or set(raw) - _RULE_KEYS:
                raise RulesError(f"{where}: unknown keys {sorted(set(raw) - _RULE_KEYS)}")
            if raw.get("kind") not in CRISIS_KINDS:
                raise RulesError(f"{where}: kind must be one of {', '.join(CRISIS_KINDS)}")
            negatable = raw.get("negatable", True)
            if not isinstance(negatable, bool):
                raise RulesError(f"{where}: 'negatable' must be true or false")
            rule = _CrisisRule(
                raw["kind"], str(raw.get("id")), tuple(raw.get("unless", [])), negatable
            )
            for guard in rule.unless:
                if guard not in self.guard_unless:
                    raise RulesError(f"{where}: unknown guard {guard!r}")
            key = f"{rule.kind}/{rule.id}"
            try:
                if "pattern" in raw:
                    self.matcher.add(
                        key, [_expand(p, self.lexicons, where) for p in raw["pattern"]]
                    )
                elif "dep_pattern" in raw:
                    self.dep_matcher.add(key, [_expand(raw["dep_pattern"], self.lexicons, where)])
                else:
                    raise RulesError(f"{where}: give a pattern or a dep_pattern")
            except RulesError:
                raise
            except Exception as exc:
                raise RulesError(f"{where}: bad pattern: {exc}") from exc
            self.rules[key] = rule

    def guards_in(self, doc: Doc, present: set[str]) -> set[str]:
        found = {self.vocab.strings[m] for m, _, _ in self.guards(doc, present)}
        return {g for g in found if not any(o in found for o in self.guard_unless[g])}

    def signals(self, doc: Doc) -> tuple[list[str], list[str]]:
        """The crisis kinds patterns found (after guards and negation), and model features
        describing every pattern and guard that matched, kept or not."""
        present = text_words(doc)
        guards = self.guards_in(doc, present)
        kinds, cancelled = self._rule_hits(doc, guards, present)
        features = [f"rule:{k}" for k in sorted(set(kinds))]
        features += [f"cancelled:{k}" for k in sorted(set(cancelled))]
        features += [f"guard:{g}" for g in sorted(guards)]
        return kinds, features

    def _rule_hits(
        self, doc: Doc, guards: set[str], present: set[str]
    ) -> tuple[list[str], list[str]]:
        spans: list[tuple[str, int, int]] = [
            (self.vocab.strings[m], s, e) for m, s, e in self.matcher(doc, present)
        ]
        for match_id, token_ids in self.dep_matcher(doc):
            spans.append((self.vocab.strings[match_id], min(token_ids), max(token_ids) + 1))
        kinds: list[str] = []
        cancelled: list[str] = []
        for key, start, end in spans:
            rule = self.rules[key]
            if any(g in guards for g in rule.unless) or (
                rule.negatable and negation_scope(doc[start:end], self.lexicons) is not None
            ):
                cancelled.append(rule.kind)
            else:
                kinds.append(rule.kind)
        return kinds, cancelled


@lru_cache(maxsize=1)
def _detector() -> _Detector:
    return _Detector()


@dataclass(frozen=True, slots=True)
class _CrisisModel:
    classifier: LinearModel
    stop_threshold: float
    check_in_threshold: float
    kinds: dict[str, LinearModel]

    def probability(self, features: list[str]) -> float:
        return sigmoid(self.classifier.logit(features))


@lru_cache(maxsize=1)
def _model() -> _CrisisModel:
    data = load_json("model", "crisis.json")
    stop = data.get("stop_threshold")
    check_in = data.get("check_in_threshold")
    if (
        not isinstance(stop, int | float)
        or not isinstance(check_in, int | float)
        or not isinstance(data.get("kinds"), dict)
    ):
        raise RulesError("model/crisis.json: needs numeric thresholds and 'kinds'")
    kinds = {}
    for kind in CRISIS_KINDS:
        if kind not in data["kinds"]:
            raise RulesError(f"model/crisis.json: no model for kind {kind!r}")
        kinds[kind] = _linear(data["kinds"][kind], f"crisis.kinds.{kind}")
    return _CrisisModel(
        _linear(data.get("classifier"), "crisis.classifier"),
        float(stop),
        float(check_in),
        kinds,
    )


def _resolve_locale(locale: str | None) -> str:
    if not locale:
        return DEFAULT_LOCALE
    if not _LOCALE.match(locale):
        return DEFAULT_LOCALE
    wanted = locale.replace("_", "-").lower()
    available = {
        name.removesuffix(".yml").lower(): name.removesuffix(".yml")
        for name in resource_names("crisis/resources")
    }
    if wanted in available:
        return available[wanted]
    aliases = {"en-uk": "en-GB"}
    return aliases.get(wanted, DEFAULT_LOCALE)


@lru_cache(maxsize=8)
def load_resources(locale: str) -> tuple[tuple[str, Resource], ...]:
    """The services for a locale, each with the crisis kinds it serves, in the file's order."""
    data = load_yaml("crisis", "resources", f"{locale}.yml")
    out: list[tuple[str, Resource]] = []
    for index, entry in enumerate(data.get("resources") or []):
        where = f"crisis/resources/{locale}.yml: resource {index}"
        try:
            resource = Resource(
                name=str(entry["name"]),
                contact=str(entry["contact"]),
                when=str(entry["when"]),
                source=str(entry["source"]),
            )
            kinds = entry["kinds"]
        except (KeyError, TypeError) as exc:
            raise RulesError(f"{where}: needs name, contact, when, kinds and source") from exc
        if not resource.source.startswith("https://"):
            raise RulesError(f"{where}: 'source' must be the service's https address")
        for kind in kinds:
            if kind not in CRISIS_KINDS:
                raise RulesError(f"{where}: unknown kind {kind!r}")
            out.append((kind, resource))
    if not out:
        raise RulesError(f"crisis/resources/{locale}.yml: no resources")
    return tuple(out)


@lru_cache(maxsize=1)
def _messages() -> dict[str, str]:
    data = load_yaml("crisis", "messages.yml").get("messages") or {}
    missing = {*CRISIS_KINDS, "check_in"} - set(data)
    if missing:
        raise RulesError(f"crisis/messages.yml: no message for {sorted(missing)}")
    return {k: " ".join(str(v).split()) for k, v in data.items()}


def negated_lemmas(doc: Doc, cues: frozenset[str]) -> list[str]:
    """Lemmas marked by whether a negation cue governs them, up to the next punctuation
    ("he has never *hit* me" gives "neg:hit"), so "never hit" and "hit" differ."""
    out: list[str] = []
    negated = False
    for token in doc:
        if token.is_punct:
            negated = False
            continue
        if token.lower_ in cues:
            negated = True
            continue
        out.append(("neg:" if negated else "lem:") + token.lemma_.lower())
    return out


def crisis_features(doc: Doc) -> tuple[list[str], list[str]]:
    """Pattern kinds found, and the classifier's features (n-grams, negation-marked
    lemmas and pattern signals)."""
    detector = _detector()
    kinds, signals = detector.signals(doc)
    cues = frozenset(detector.lexicons.get("negation_cues", []))
    return kinds, text_features(doc) + negated_lemmas(doc, cues) + signals


def crisis_probability(text: str) -> float:
    """The fitted classifier's probability that `text` discloses danger (for evaluation)."""
    doc = parse(normalize(clean_text(text)).text)
    return _model().probability(crisis_features(doc)[1])


def check_crisis(text: str, locale: str | None = None) -> CrisisCheck:
    """Decide whether a message discloses abuse, a threat or self-harm, and what help to show.

    `crisis` means stop coaching and show help. `check_in` (with `crisis` false) means the
    message might disclose danger but the engine is unsure: coaching goes on and the help
    is offered gently beside it.

    >>> c = check_crisis("he took my keys again and said I can't leave")
    >>> c.crisis, c.kind
    (True, 'abuse')
    >>> check_crisis("ugh I could strangle him for eating my leftovers again haha").crisis
    False
    """
    cleaned = clean_text(text)
    resolved_locale = _resolve_locale(locale)
    model = _model()
    doc = parse(normalize(cleaned).text)
    kinds, features = crisis_features(doc)
    probability = model.probability(features)
    if not kinds and probability < model.check_in_threshold:
        return CrisisCheck(False, None, "", [], resolved_locale)
    softened = any(f"guard:{g}" in features for g in _detector().softening)
    stop = bool(kinds) or (probability >= model.stop_threshold and not softened)
    if kinds:
        kind = max(CRISIS_KINDS, key=lambda k: (kinds.count(k), -CRISIS_KINDS.index(k)))
    else:
        kind = max(CRISIS_KINDS, key=lambda k: model.kinds[k].logit(features))
    seen: set[str] = set()
    resources: list[Resource] = []
    for resource_kind, resource in load_resources(resolved_locale):
        if resource_kind == kind and resource.name not in seen:
            seen.add(resource.name)
            resources.append(resource)
    if not stop:
        return CrisisCheck(False, kind, _messages()["check_in"], resources, resolved_locale, True)
    return CrisisCheck(True, kind, _messages()[kind], resources, resolved_locale)
