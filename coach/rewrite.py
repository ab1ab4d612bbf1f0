"""`rewrite`: safer versions of a reply that keep what the person wanted to say."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from coach.analyzer import Extraction, analysis_of, analyze, extract, parse
from coach.crisis import CrisisCheck, check_crisis
from coach.errors import InvalidArgumentError, RulesError
from coach.loader import load_yaml
from coach.normalize import clean_text, normalize
from coach.result import HARM_KINDS, Analysis, Label, Marker

_SLOT = re.compile(r"\{(\w+)\}")
_SUBJECTS = {"you", "u", "ya"}
_FLIP = {"my": "your", "your": "my", "me": "you", "mine": "yours", "yours": "mine", "our": "our"}
_NO_REQUEST_VERBS = {
    "bless",
    "have",  # "have fun without me", "have a nice life": a send-off
    "enjoy",
    "stop",
    "quit",
    "shut",
    "leave",
    "go",
    "get",
    "be",
    "calm",
    "relax",
    "chill",
    "grow",
    "cringe",  # "cringe. just get a takeaway": a verdict, read as an order
}


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One safer way to say it, built on one skill."""

    text: str
    strategy: str
    score: int
    label: Label
    explanation: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "strategy": self.strategy,
            "score": self.score,
            "label": self.label,
            "explanation": self.explanation,
        }


class Suggestions(list[Suggestion]):
    """The suggestions (best first), with a note saying why there are none when so."""

    def __init__(
        self,
        items: list[Suggestion],
        *,
        note: str = "",
        original: Analysis | None = None,
        crisis: CrisisCheck | None = None,
    ) -> None:
        super().__init__(items)
        self.note = note
        self.original = original
        self.crisis = crisis

    def to_dict(self) -> dict[str, Any]:
        return {
            "original": self.original.to_dict() if self.original else None,
            "suggestions": [s.to_dict() for s in self],
            "note": self.note,
            "crisis": self.crisis.to_dict() if self.crisis else None,
        }


# A candidate: minus the share of the person's words it keeps, the skill's fit (0 best),
# the template's place within its skill, the skill's name and the text.
_Option = tuple[float, int, int, str, str]


@dataclass(frozen=True, slots=True)
class _Strategy:
    name: str
    label: str
    explanation: str
    templates: tuple[str, ...]
    # used instead when the person raises a matter of their own with no message of the
    # partner's to answer (None: the same templates; empty: the skill does not fit)
    raising: tuple[str, ...] | None
    # used instead when the partner checks in on the person ("is everything okay?"), the
    # same way
    checked_on: tuple[str, ...] | None


@dataclass(frozen=True, slots=True)
class _Config:
    strategies: dict[str, _Strategy]
    order: dict[str, tuple[str, ...]]
    feelings: dict[str, tuple[str, str]]
    events: dict[str, str]
    events_with: dict[str, str]  # the same, naming what it is done with: "{thing}"
    events_of: dict[str, str]  # the same, done to a thing of the person's: "{thing}", "{gets}"
    topic_stopwords: frozenset[str]
    generic_nouns: frozenset[str]
    manner_phrases: frozenset[str]
    mock_alarms: tuple[str, ...]
    # set phrases and mock alarms, whose nouns are no topic, as one search
    set_phrase_pattern: re.Pattern[str]
    sulk_pattern: re.Pattern[str]  # sulks and dares, as one search over a clause
    dare_pattern: re.Pattern[str]  # leave given in spite ("see if I care")
    indefinite_determiners: frozenset[str]
    kinds_of_people: frozenset[str]
    doers: dict[str, str]  # "driver" -> "driving": what is judged when one is called it
    doer_verdicts: frozenset[str]
    mock_grand: frozenset[str]
    mock_rewards: frozenset[str]
    referents: dict[str, frozenset[str]]  # "him", "her" -> the nouns each may stand for
    openers: frozenset[str]
    hedges: frozenset[str]
    point_may_carry: frozenset[str]
    gerund_heads: frozenset[str]
    point_never_opens: frozenset[str]
    point_never_ends: frozenset[str]
    light_verbs: frozenset[str]
    point_denials: frozenset[str]
    not_observed: frozenset[str]
    verdicts: frozenset[str]
    reactions: frozenset[str]
    own_feelings: dict[str, str]  # a feeling the person names -> the need it points to
    raised_sneer: tuple[str, str]  # the feeling and need behind a sneer raising a matter
    feeling_verbs: dict[str, str]  # "embarrass", "let down" -> the feeling it leaves
    own_feeling_pattern: re.Pattern[str]  # "I feel (so) <one of own_feelings>", as one search
    not_requests: tuple[str, ...]
    not_request_pattern: re.Pattern[str]  # the same, as one search over a verb phrase


def _lowered(phrases: Any) -> tuple[str, ...]:
    return tuple(str(p).lower() for p in phrases or [])


def _any_of(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One search for any of the phrases, as whole words, its group 1 the phrase found;
    a lookahead, so overlapping phrases are all found ("somebody call the cops" holds
    "somebody call" and "call the cops"). None: a search that never hits."""
    if not phrases:
        return re.compile(r"(?!)")
    return re.compile(r"(?=\b(" + "|".join(re.escape(p) for p in phrases) + r")\b)")


# How a person says they feel something: "I feel", "I'm (so)", "I always get".
_FELT_AS = (
    r"(?:(?:i|me)\s+(?:(?:always|often|sometimes|just|really|honestly|actually|still)\s+)*"
    r"(?:am|was|feel|feels|felt|feeling|get|got|keep feeling|end up feeling|have been|'ve been)"
    r"|i'm|im"
    # "you make me so angry when you ignore me": the anger is theirs to name
    r"|(?:make|makes|made|making)\s+me)"
)
_FELT_HOW = (
    r"(?:so|really|very|just|pretty|totally|completely|kind of|kinda|a bit|a little|quite"
    r"|incredibly|super|always|often|honestly|actually|sometimes|feeling|getting|starting to feel)"
)


@lru_cache(maxsize=1)
def _config() -> _Config:
    data = load_yaml("rewrite.yml")
    not_requests = tuple(str(p).lower() for p in data.get("not_requests") or [])
    mock_alarms = _lowered(data.get("mock_alarms"))
    strategies: dict[str, _Strategy] = {}
    for name, raw in (data.get("strategies") or {}).items():
        try:
            raising = raw.get("raising_templates")
            checked_on = raw.get("checked_on_templates")
            strategies[name] = _Strategy(
                name,
                str(raw["label"]),
                str(raw["explanation"]),
                tuple(raw["templates"]),
                None if raising is None else tuple(raising),
                None if checked_on is None else tuple(checked_on),
            )
        except (KeyError, TypeError) as exc:
            raise RulesError(
                f"rewrite.yml: strategy {name!r} needs label, explanation, templates"
            ) from exc
    order: dict[str, tuple[str, ...]] = {}
    for kind, names in (data.get("order_by_harm") or {}).items():
        if kind not in HARM_KINDS and kind != "none":
            raise RulesError(f"rewrite.yml: order_by_harm: unknown kind {kind!r}")
        unknown = [n for n in names if n not in strategies]
        if unknown:
            raise RulesError(f"rewrite.yml: order_by_harm.{kind}: unknown strategies {unknown}")
        order[kind] = tuple(names)
    feelings = {
        kind: (str(v["feeling"]), str(v["need"]))
        for kind, v in (data.get("feelings") or {}).items()
    }
    for kind in (*HARM_KINDS, "none"):
        if kind not in order or kind not in feelings:
            raise RulesError(f"rewrite.yml: kind {kind!r} needs an order and a feeling")
    own_feelings = {
        str(k).lower(): str(v or "") for k, v in (data.get("own_feelings") or {}).items()
    }
    # the longest first, so "worn out" is found before "out" could be
    named = "|".join(re.escape(p) for p in sorted(own_feelings, key=len, reverse=True))
    return _Config(
        strategies=strategies,
        order=order,
        feelings=feelings,
        events={str(k): str(v) for k, v in (data.get("events") or {}).items()},
        events_with={str(k): str(v) for k, v in (data.get("events_with") or {}).items()},
        events_of={str(k): str(v) for k, v in (data.get("events_of") or {}).items()},
        topic_stopwords=frozenset(data.get("topic_stopwords") or []),
        generic_nouns=frozenset(data.get("generic_nouns") or []),
        manner_phrases=frozenset(data.get("manner_phrases") or []),
        mock_alarms=mock_alarms,
        set_phrase_pattern=_any_of((*_lowered(data.get("idioms")), *mock_alarms)),
        sulk_pattern=_any_of((*_lowered(data.get("sulks")), *_lowered(data.get("dares")))),
        dare_pattern=_any_of(_lowered(data.get("dares"))),
        indefinite_determiners=frozenset(data.get("indefinite_determiners") or []),
        kinds_of_people=frozenset(data.get("kinds_of_people") or []),
        doers={str(k).lower(): str(v) for k, v in (data.get("doers") or {}).items()},
        doer_verdicts=frozenset(data.get("doer_verdicts") or []),
        mock_grand=frozenset(data.get("mock_grand") or []),
        mock_rewards=frozenset(data.get("mock_rewards") or []),
        referents={
            pronoun: frozenset((data.get("referents") or {}).get(pronoun) or [])
            | frozenset((data.get("referents") or {}).get("either") or [])
            for pronoun in ("him", "her")
        },
        openers=frozenset(data.get("openers") or []),
        hedges=frozenset(data.get("hedges") or []),
        point_may_carry=frozenset(data.get("point_may_carry") or []),
        gerund_heads=frozenset(data.get("gerund_heads") or []),
        point_never_opens=frozenset(data.get("point_never_opens") or []),
        point_never_ends=frozenset(data.get("point_never_ends") or []),
        light_verbs=frozenset(data.get("light_verbs") or []),
        point_denials=frozenset(data.get("point_denials") or []),
        not_observed=frozenset(data.get("not_observed") or []),
        verdicts=frozenset(data.get("verdicts") or []),
        reactions=frozenset(data.get("reactions") or []),
        own_feelings=own_feelings,
        raised_sneer=(
            str((data.get("raised_sneer") or {}).get("feeling", "hurt")),
            str((data.get("raised_sneer") or {}).get("need", "to know I can count on you")),
        ),
        feeling_verbs={
            str(k).lower(): str(v) for k, v in (data.get("feeling_verbs") or {}).items()
        },
        own_feeling_pattern=re.compile(
            rf"\b{_FELT_AS}\s+(?:{_FELT_HOW}\s+)*({named})\b(?!\s+(?:of|to|that|about you)\b)"
        )
        if named
        else re.compile(r"(?!)"),
        not_requests=not_requests,
        not_request_pattern=re.compile(
            r"(?:^| )(?:" + "|".join(re.escape(p) for p in not_requests) + r")\b"
        ),
    )


# -- reading what the reply is about --------------------------------------------------------


_NAMED_TIMES = frozenset(
    {"night", "time", "day", "week", "year", "morning", "evening", "afternoon", "weekend"}
)


# Doings a reply charges the partner with ("stop nagging", "quit whining").
_CHARGES = frozenset(
    {
        "nag",
        "whine",
        "complain",
        "moan",
        "bitch",
        "sulk",
        "overreact",
        "exaggerate",
        "pester",
        "act",
    }
)
# Verbs the tagger reads as plural nouns after a noun ("my phone matters", "the lease ends").
_VERBS_READ_AS_NOUNS = frozenset(
    {"matters", "ends", "starts", "means", "needs", "works", "counts", "happens", "stops"}
)


# Verbs that open an order the tagger may read as a name ("Buy earplugs. Sorted.").
_VERB_LEMMAS = frozenset(
    {
        # ("Complain also won't help": a doing the tagger read as a name)
        "complain",
        "moan",
        "whine",
        "buy",
        "get",
        "call",
        "ring",
        "text",
        "book",
        "try",
        "take",
        "join",
        "go",
        "ask",
        "tell",
        "stop",
        "pick",
        "use",
        "put",
        "email",
        "google",
        "download",
        "order",
    }
)


def _noun_chunks(doc: Doc, mock_grand: frozenset[str]) -> list[Span]:
    """The parse's noun phrases, with a compound the parser split in two put back (in "who's
    doing the school run", "the school" and "run" both hang from "doing" as objects), and
    without a sign-off the parser took for their noun or a reaction before a comma (words
    of `mock_grand` in what follows it make it a sneer too)."""
    chunks: list[Span] = []
    for chunk in doc.noun_chunks:
        if len(chunk) > 1 and chunk[0].dep_ == "cc":
            chunk = chunk[1:]  # "Or no screens after nine?": the phrase is "no screens"
        commas = [t.i for t in chunk if t.text == ","]
        opener: list[Token] = list(doc[chunk.start : commas[-1]]) if commas else []
        if (
            commas
            and all(t.pos_ in ("INTJ", "ADJ", "ADV", "PUNCT") for t in opener)
            and any(t.pos_ == "ADJ" for t in opener)
        ):
            # "oh great, another parking ticket": the reaction before the comma is no part
            # of it; but what follows it may be the sneer itself ("oh brilliant, the famous
            # lasagne"), and after a mock yes with no reaction word ("sure, just dinner")
            # it is their word thrown back
            chunk = doc[commas[-1] + 1 : chunk.end]
            if not len(chunk) or any(t.lower_ in mock_grand for t in chunk):
                continue
        if len(chunk) > 1 and chunk[-1].lower_ in _CLOSERS:
            # "it's only a quiz night lol": the parser made "lol" the noun it is about
            chunk = chunk[:-1]
            if chunk[-1].pos_ not in ("NOUN", "PROPN"):
                continue  # "that deep lol"
        if (
            len(chunk) > 1
            and chunk[-2].dep_ == "compound"
            and chunk[-2].pos_ in ("NOUN", "PROPN")
            and (
                chunk[-1].lower_ == "stuff"
                # the matter they both know of ("the car thing"), not "a work thing"
                or (
                    chunk[-1].lower_ == "thing"
                    and chunk[0].lower_ in ("the", "that", "this", "your", "my", "our")
                )
            )
        ):
            chunk = chunk[:-1]  # "the quiz league thing", "gym stuff": the league, the gym
        last = chunks[-1] if chunks else None
        if (
            last is not None
            and chunk.start == last.end
            and len(chunk) == 1
            and chunk.root.pos_ == "NOUN"
            and chunk.root.dep_ == last.root.dep_ == "dobj"
            and chunk.root.head.i == last.root.head.i
        ):
            chunks[-1] = doc[last.start : chunk.end]
            continue
        end = chunk.end
        if (
            len(chunk) == 1
            and chunk.root.pos_ == "NOUN"
            and end < len(doc)
            and doc[end].tag_ == "VBG"
            and doc[end].dep_ in ("advcl", "xcomp", "acl")
            and not list(doc[end].children)
            and (end + 1 == len(doc) or doc[end + 1].is_punct or doc[end + 1].dep_ == "cc")
        ):
            end += 1  # "Come to couples counselling or...": the activity read as a verb
        while (
            end < len(doc)
            and doc[end - 1].pos_ == "PROPN"
            and doc[end].text[:1].isupper()
            and doc[end].text[1:].islower()
            and doc[end].text != "I"
            and not doc[end].is_sent_start
        ):
            end += 1  # "Uber Eats", the name's second word read as a verb
        chunks.append(doc[chunk.start : end] if end > chunk.end else chunk)
    taken = {t.i for c in chunks for t in c}
    for token in doc:
        if token.i not in taken and _misread_noun(token):
            chunks.append(doc[token.left_edge.i : token.i + 1])
    return sorted(chunks, key=lambda c: c.start)


def _misread_noun(token: Token) -> bool:
    """Whether `token` is a thing the tagger read as a number or an adjective: "my first
    5k", "the whole flat" (an object with a determiner and a word describing it); not "my
    best" or "the same"."""
    children = list(token.children)
    return (
        token.dep_ in ("dobj", "pobj")
        and any(c.dep_ in ("det", "poss") and c.i < token.i for c in children)
        and all(c.i < token.i for c in children)
        and (
            (token.pos_ == "NUM" and any(ch.isalpha() for ch in token.text))
            or (token.pos_ == "ADJ" and any(c.dep_ == "amod" for c in children))
        )
    )


def _mocked(doc: Doc, mock_alarms: tuple[str, ...]) -> set[int]:
    """The starts of the sentences that hold a mock alarm ("Somebody call the coastguard"):
    each mocks all through."""
    return {
        sent.start for sent in doc.sents if any(alarm in sent.text.lower() for alarm in mock_alarms)
    }


# Money counted in a sum ("900 quid on takeaway": what it went on is part of the sum).
_MONEY = frozenset(
    {"quid", "pound", "dollar", "buck", "euro", "grand", "rupee", "rand", "cent", "penny"}
)


def _judged_doing(noun: Token, flip: bool, config: _Config) -> str | None:
    """The partner's doing, when they are called a doer of it with a verdict ("you're a
    terrible driver", "worst cook alive", "ur a crap listener" -> "your driving"); None for
    anyone else's ("my dad is a terrible driver") or a plain name ("the driver")."""
    doing = config.doers.get(noun.lower_)
    if doing is None or flip:
        return None
    verdicts = config.doer_verdicts | _lexicon("negative_traits", "trash_words")
    if not any(
        c.dep_ == "amod" and (c.tag_ == "JJS" or c.lower_ in verdicts) for c in noun.children
    ):
        return None  # "you're a parent now", "the only parent here": no verdict
    if any(c.dep_ == "poss" and c.lower_ not in ("your", "ur") for c in noun.children):
        return None
    if noun.dep_ == "attr":
        subjects = [c for c in noun.head.children if c.dep_ == "nsubj"]
        if not any(c.lower_ in ("you", "u") for c in subjects):
            return None
    elif noun.dep_ not in ("ROOT", "nsubj") or noun.head.pos_ == "VERB":
        return None  # "the worst driver in the street hit my car"
    return f"your {doing}"


def _whole_name(topic: str) -> bool:
    """Whether a topic of theirs is more than a bare word the parser may have cut from a
    longer name or misread ("call" from "can we video call", "employee" of "employee of
    the month"): several words, a name, or a plural."""
    return " " in topic or topic[:1].isupper() or topic.endswith("s")


# What someone feels "like" when they feel ill or low ("I feel like death").
_FELT_ILL = frozenset(
    {"death", "crap", "shit", "hell", "rubbish", "garbage", "trash", "dirt", "poo", "ass"}
)


def _topics(
    doc: Doc, *, flip: bool, skip: set[int], config: _Config, it_named: bool = False
) -> list[str]:
    """Noun phrases worth carrying over, cleaned of insults; `flip` turns the partner's
    "my birthday" into the person's "your birthday". With `it_named` (the partner's message
    named what "it" is), "stop checking it" is about that, not about "the checking"."""
    out: list[str] = []
    emitted: dict[int, int] = {}  # a carried chunk's root -> its place in `out`
    # Where a set phrase stands ("be my guest", "it's not rocket science"): its nouns name
    # no thing of the matter.
    set_phrases = [m.span(1) for m in config.set_phrase_pattern.finditer(doc.text.lower())]
    # a mock alarm ("Somebody call the coastguard, she's late") sneers all through its sentence
    mocked = _mocked(doc, config.mock_alarms)
    acted = [m.span() for m in re.finditer(r"\*[^*]+\*", doc.text)]
    # "Brilliant.", "Lovely surprise.": praise with no verb, said of a grievance, is mockery
    praised = {t.i for sent in doc.sents if not flip and _praise_only(sent) for t in sent}
    for chunk in _noun_chunks(doc, config.mock_grand):
        if chunk.root.i in praised:
            continue
        if chunk.sent.start in mocked:
            continue
        if any(a <= chunk.start_char and chunk.end_char <= b for a, b in acted):
            continue  # "*wraps her arms round you*": an action acted out, not a thing
        # (of a chunk cut short, its last noun: "a" and "night" in "a quiz night" both hang
        # from the "lol" that was cut)
        root = chunk.root if chunk.root.pos_ in ("NOUN", "PROPN", "PRON") else chunk[-1]
        if any(a <= root.idx and root.idx + len(root.text) <= b for a, b in set_phrases):
            continue
        if root.lower_ in config.mock_rewards and not any(
            c.dep_ == "poss" or c.lower_ in ("the", "that", "this") for c in root.children
        ):
            continue  # "Gold star.", "want a medal?": a reward in mockery, no thing
        judged = _judged_doing(root, flip, config)
        if judged is not None:
            if judged not in out:
                out.append(judged)
            continue
        if any(c.tag_ == "JJS" and c.dep_ == "amod" for c in root.children) and re.match(
            r"\s*(ever|of all time|in history|in the world)\b",
            doc[root.i + 1 :].text.lower() if root.i + 1 < len(doc) else "",
        ):
            continue  # "worst partner ever", "best husband in history": a verdict, no topic
        if _some_of_us(chunk.sent) and any(
            c.dep_ == "amod" and c.lower_ in ("real", "actual", "proper", "normal", "grown-up")
            for c in root.children
        ):
            continue  # "some of us have real jobs": the jobs are the jab
        if (
            # "it's like sharing a flat with a goldfish"
            _likened_to(root)
            or (
                root.dep_ == "pobj"
                and (
                    (
                        root.head.lower_ in ("like", "as")
                        # "you sound just like your mother", "acting like a teenager"
                        and root.head.head.lemma_ in ("be", "sound", "act", "look", "behave")
                    )
                    # "like a teenager", "like a child" (not "it seems like your work comes
                    # first")
                    or (
                        root.head.lower_ == "like"
                        and root.head.dep_ == "prep"
                        and any(c.lower_ in ("a", "an") for c in root.children)
                    )
                    # "I feel like death", "feel like crap": how ill, no thing (not "feel
                    # like sex", a wish)
                    or (
                        root.head.lower_ == "like"
                        and root.head.head.lemma_ == "feel"
                        and root.lower_ in _FELT_ILL
                    )
                    # "tight as a drum", "fit as a fiddle": a likening of how, no thing
                    or (root.head.lower_ == "as" and root.head.head.pos_ in ("ADJ", "ADV"))
                )
            )
        ):
            # "you're just like your father", "I'll check in like a teenager": what something
            # is likened to is the verdict, not the matter
            continue
        # "date night", "game day": a kind of time that is a topic of its own
        named = root.lemma_.lower() in _NAMED_TIMES and any(
            # (not "tomorrow morning": a time again)
            (
                c.dep_ == "compound"
                and c.pos_ in ("NOUN", "PROPN")
                and c.lower_ not in ("tomorrow", "today", "tonight", "yesterday")
            )
            # "a screen-free evening"
            or (c.dep_ == "amod" and any("-" in t.text for t in c.subtree))
            for c in root.children
        )
        if (
            root.pos_ == "PRON"
            or root.lower_ in ("hers", "his", "theirs", "mine", "yours", "ours")
            or (
                (root.lemma_.lower() in config.generic_nouns or root.lower_ in config.generic_nouns)
                and not named
            )
        ):
            continue  # "time" and "night" are no topic; "date night" is
        if root.lower_ in config.openers or root.lower_ in config.hedges:
            continue  # "Ugh" read as a name
        if (
            root.lemma_.lower() in _MEDIA
            and root.dep_ == "pobj"
            and root.head.lower_ in ("over", "by", "via")
            and len(chunk) == 1
        ):
            continue  # "I'm not doing this over text": how it is said, not what about
        if root.lower_ == "none":
            continue  # "none of my friends": nobody; "my friends" is a topic of its own
        if (
            len(chunk) == 1
            and root.i == root.sent.start
            and (
                (
                    root.dep_ == "ROOT"
                    and any(c.dep_ == "conj" and c.tag_ == "VB" for c in root.children)
                )
                # or read as the subject of the next order, which takes none
                or (
                    root.dep_ == "nsubj"
                    and root.head.tag_ == "VB"
                    and not any(c.dep_ == "aux" for c in root.head.children)
                )
            )
        ):
            continue  # "Sign up for a choir, take up chess": an order read as a name
        if any(unicodedata.category(ch) == "So" for ch in root.text):
            continue  # "5 min 🤷": an emoji read as a noun
        if root.lower_ in _NO_REQUEST_VERBS:
            continue  # "Chill." read as a name
        if root.lower_ in ("am", "pm", "a.m.", "p.m.", "o'clock"):
            continue  # "2 am": a time of day, no matter
        before = doc[chunk.start - 1] if chunk.start else None
        after = doc[chunk.end] if chunk.end < len(doc) else None
        if root.lower_ == "end" or (
            before is not None and before.lower_ == "of" and before.head.lower_ == "end"
        ):
            continue  # "end of story", "end of discussion": a door shut, not a topic
        if before is not None and before.lower_ == "of" and before.head.lemma_ == "waste":
            continue  # "a waste of money" judges it; it is not about money
        if len(chunk) == 1 and root.lower_ == "house" and root.head.lemma_ == "move":
            continue  # "people move house": moving, not a house
        if any(t.text == "," for t in chunk):
            continue  # "She was 94, love": a number and a pet name, not one thing
        if any(t.lower_ in ("not", "everyone", "everybody", "nobody", "someone") for t in chunk):
            continue  # "not everyone stares" read as a name: a clause, not a thing
        if (
            chunk.start == chunk.sent.start
            and chunk[0].lower_ in _VERB_LEMMAS
            and (
                (len(chunk) > 1 and chunk[0].dep_ in ("compound", "amod"))
                or (len(chunk) == 1 and chunk[0].pos_ == "PROPN")
            )
        ):
            continue  # "Buy earplugs." read as a name: an order, not a topic
        said = root.head if root.dep_ in ("appos", "dobj") and root.head.dep_ == "attr" else root
        if said.dep_ == "attr" and any(
            c.dep_ == "csubj" and any(_cleft_do(t) for t in c.subtree) for c in said.head.children
        ):
            continue  # "what you do is book a table": an order read as a name (and its object)
        if root.lemma_.lower() in ("chat", "talk") and not any(
            c.dep_ == "compound" for c in root.children
        ):
            continue  # "a proper chat about kids" is about kids; "the group chat" is a thing
        if len(chunk) == 1 and (
            (before is not None and before.text == "," and (after is None or after.is_punct))
            or (chunk.start == chunk.sent.start and after is not None and after.text == ",")
        ):
            continue  # a name they are called by ("Whatever you say, boss."), not a topic
        others = [t for t in chunk if t.i != root.i]
        if root.dep_ == "attr" and any(
            c.dep_ == "nsubj" and c.lower_ in ("everything", "nothing", "everyone", "anything")
            for c in root.head.children
        ):
            continue  # "everything's a crisis with you": a verdict, not a topic
        if (
            root.dep_ == "attr"
            and any(c.dep_ == "nsubj" and c.lower_ in ("i", "you", "u") for c in root.head.children)
            and (
                any(c.dep_ == "neg" for c in root.head.children)
                or any(t.dep_ in ("poss", "amod") for t in others)
                # "you're such a killjoy": an exclamation of a verdict
                or any(t.lower_ == "such" for t in others)
            )
        ):
            continue  # "I'm not your maid", "you're a grown man": a label, not a topic
        # (the subject of "going to be a godmother" is the subject of "going")
        subjects = [
            c
            for c in (
                *root.head.children,
                *(root.head.head.children if root.head.dep_ == "xcomp" else ()),
            )
            if c.dep_ == "nsubj"
        ]
        if (
            root.dep_ == "attr"
            and any(c.lower_ in ("a", "an") for c in root.children)
            and any(
                c.lower_ in ("he", "she", "they", "i", "you", "u")
                or c.pos_ == "PROPN"
                or c.lower_ in _KIN
                or c.lower_ in config.kinds_of_people
                for c in subjects
            )
        ):
            # "my mother is a saint", "I'll be an uncle": what someone is (called), no thing;
            # but a role in the family they take on is a matter of its own ("you're a mom
            # now" -> "being a mom")
            if (
                len(chunk) == 2
                and root.lemma_.lower() in _FAMILY_ROLES
                and root.head.lemma_ == "be"
                and any(c.lower_ in ("i", "you", "u") for c in subjects)
                and not any(c.dep_ == "neg" for c in root.head.children)
                and f"being {chunk.text.lower()}" not in out
            ):
                out.append(f"being {chunk.text.lower()}")
            continue
        if (
            root.dep_ == "attr"
            and any(c.dep_ == "neg" for c in root.head.children)
            and any(
                c.dep_ == "nsubj" and c.lower_ in ("this", "it", "that", "here")
                for c in root.head.children
            )
        ):
            continue  # "this isn't a talent show": what it is said not to be
        if (
            root.dep_ == "dobj"
            and root.head.lemma_.lower() == "take"
            and any(c.dep_ == "neg" for c in root.head.children)
            and any(c.lower_ in ("ca", "can", "could") for c in root.head.children)
        ):
            continue  # "you can't take any teasing": a verdict on them, not a topic
        if (
            (
                root.lower_ in config.topic_stopwords
                # "saturday btw": the day stays when the aside is dropped
                and not any(
                    t.i != root.i
                    and t.pos_ in ("NOUN", "PROPN")
                    and t.lower_ not in config.topic_stopwords
                    for t in chunk
                )
            )
            or root.i in skip
            or (len(root.text.rstrip(".")) == 1 and root.text[0].isalpha())  # "sorry. k."
        ):
            continue
        verb = next((a for a in root.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if (
            verb is not None
            and any(c.i in skip and c.dep_ in ("acomp", "attr") for c in verb.children)
            and not any(t.lower_ in ("my", "our") for t in chunk)
            # "your mom is impossible", "your take on the election was...": the subject
            # is what it is about
            and not any(
                root.i in {t.i for t in c.subtree}
                for c in verb.children
                if c.dep_ in ("nsubj", "nsubjpass")
            )
            # "you're so dramatic about the bins", "so selfish with money": what the
            # verdict is about is the matter
            and not (root.dep_ == "pobj" and root.head.lower_ in ("about", "over", "with"))
            # "you're so selfish, another 200 on trainers": a fragment the parser hung on
            # the verdict's verb says a thing of its own
            and not any(
                a.dep_ == "dep" for a in root.ancestors if a.i != verb.i and verb in a.ancestors
            )
        ):
            continue  # "you're lazy on weekends": the weekends belong to the insult
        if before is not None and before.lower_ in ("not", "no"):
            continue  # "a phone, not an affair": what it is said not to be
        if (
            len(chunk) == 1
            and before is not None
            and (f"{before.lower_} {root.lower_}" in config.manner_phrases)
        ):
            continue  # "I didn't forget on purpose" is not about "purpose"
        if any(t.i in skip and t.pos_ in ("NOUN", "PROPN") for t in others) or (
            before is not None and before.i in skip and before.pos_ == "NOUN"
        ):
            continue  # "the martyr act": a phrase built round an insult is the insult
        if any(
            t.tag_ == "PRP" or (t.dep_ == "poss" and t.lower_ in config.generic_nouns)
            for t in others
        ):
            continue  # "you trip", "nothing's fun": a misread clause, not a thing
        if any(
            t.is_quote and t.tag_ != "POS"  # "your parents' house" is no quotation
            for t in doc[max(0, chunk.start - 1) : chunk.end + 1]
        ):
            continue  # a word in scare quotes ("so my music is "noise" now") mocks theirs
        if chunk[0].lower_ in ("more", "less", "fewer"):
            continue  # "I need more help": what they ask for, not what they are upset about
        if (
            any(t.lower_ == "single" and t.dep_ == "amod" for t in chunk)
            or [t.lower_ for t in chunk] == ["a", "soul"]
        ) and any(
            c.dep_ == "neg" or c.lower_ == "never" for a in root.ancestors for c in a.children
        ):
            # "I haven't had a single call", "I didn't know a soul": none at all, not a
            # thing to talk about
            continue
        if any(
            re.fullmatch(r"(you|u|i|we|they|he|she|it)['’](re|m|ve|ll|d|s)|i\.", t.lower_)
            for t in chunk
        ):
            # a shouted "YOU'RE", a texted "u'll" or a sentence-final "I." left whole by the
            # tokenizer: read as a name, no thing
            continue
        if root.lower_ in _lexicon("emotions_hard", "emotions_validate") and not any(
            c.dep_ in ("det", "poss") for c in root.children
        ):
            continue  # a bare feeling ("kinda hurt", read as a noun) is no thing to talk about
        # "every purchase" is about purchases in general: "purchases".
        general = chunk[0].lower_ in config.indefinite_determiners
        if general and (root.tag_ != "NN" or chunk[0].lower_ == "no"):
            continue  # "no time", "another one": rarely the topic
        # the partner's "another baby" is one more, not babies in general: said as it was
        # (the reply's "another hobby" is mostly the eye-roll, so that stays "hobbies")
        general = general and not (flip and chunk[0].lower_ == "another")
        if _kind_of_people(root, config):
            continue  # "every parent is tired", "other couples": said of everyone, a comparison
        # "your phone matters more", "my flat ends Friday": a verb read as a plural noun
        verb_read_as_noun = (
            root.lower_ in _VERBS_READ_AS_NOUNS
            and root.i > chunk.start
            and doc[root.i - 1].dep_ in ("compound", "amod")
            # "early starts": after a bare adjective it is the noun it looks like (not
            # "my flat ends", an adjective to the tagger)
            and not (doc[root.i - 1].pos_ == "ADJ" and root.i - 1 == chunk.start)
        )
        # "a review babe": the pet name is no part of the thing
        called = (
            root.lower_ in _PET_NAMES
            and root.i > chunk.start
            and (
                doc[root.i - 1].dep_ == "compound"
                # "welcome to retail mate, ...": said to them, before the comma
                or (
                    doc[root.i - 1].dep_ == "amod"
                    and (root.i + 1 == len(doc) or doc[root.i + 1].is_punct)
                )
            )
        )
        words: list[str] = []
        for token in chunk[1:] if general else chunk:
            if (verb_read_as_noun or called) and token.i == root.i:
                continue
            if (
                token.i == chunk.start
                and token.dep_ in ("advmod", "quantmod")
                and token.i + 1 < chunk.end
                and token.nbor().tag_ == "CD"
            ):
                continue  # "about one glass", "around ten texts": how many, not what
            if general and token.i == root.i:
                words.append(_plural(token.lower_))
                continue
            low = token.lower_
            if general and low == "single":
                continue  # "every single visit" is about visits
            if low in config.topic_stopwords or (token.i in skip and token.i != root.i):
                continue
            if token.dep_ == "advmod" and (
                token.head.i in skip or token.head.lower_ in config.topic_stopwords
            ):
                continue  # "a really rude comment" without "rude" is "the comment", not "really"
            if any(unicodedata.category(ch) == "So" for ch in token.text) or all(
                unicodedata.category(ch) in ("Mn", "Cf", "Me") for ch in token.text
            ):
                # an emoji ("work 🥺") is no part of it, nor what is left of one (a joiner)
                continue
            if token.tag_ in ("WDT", "WP") and token.dep_ == "det":
                continue  # "with what money?" is about money
            if (
                low == "its"
                and token.i == chunk.start
                and token.i + 1 < chunk.end
                and (token.nbor().tag_ in ("PRP$", "DT", "CD") or token.i == token.sent.start)
            ):
                # a texted "its my only hobby" ("it's"): the hobby is "my hobby"; and "its one
                # glass" is about one glass
                continue
            if low in config.hedges and token.i != root.i:
                continue  # "just groceries" is about the groceries
            if (
                (token.i == chunk.start or (not words and token.pos_ == "ADV"))
                and token.pos_ in ("CCONJ", "SCONJ", "ADV")
                # "how often your mum visits" is a topic whole
                and token.lower_ != "how"
            ):
                # "so cleaning is the least you can do" is about cleaning; a texted "kinda
                # hurt" ("kind of hurt") about no "of hurt"
                continue
            if (
                low in config.openers
                and token.i != root.i
                and token.pos_ in ("INTJ", "X", "NOUN", "PROPN")
            ):
                continue  # "lol planes" is about planes
            if low == "more" and words[-1:] == ["the"] and doc[token.i - 1].lower_ == "one":
                continue  # "one more game" is "the game", not "the more game"
            if (
                (
                    token.pos_ == "DET"
                    # ("some house rules" are "the house rules"; "some space" stays as said)
                    and (low in ("a", "an") or (low == "some" and root.tag_ == "NNS"))
                    and all(t.lower_ in config.hedges for t in doc[chunk.start : token.i])
                    and token.nbor().lower_ not in ("few", "couple")
                )
                or (low == "one" and token.dep_ == "nummod" and token.i == chunk.start)
            ):
                # "an opinion" is carried as "the opinion": a topic is a definite thing; and
                # "one comment" would make it small: "the comment".
                words.append("the")
                continue
            if flip and low in _FLIP:
                words.append(_FLIP[low])
            elif token.text.isupper() and len(token.text) > 3:
                words.append(low)  # "i was WORKING", "he's FAMILY": shouting, not a name
            elif (
                token.pos_ == "PROPN"
                or token.text == "I"
                or (
                    token.text.isupper() and 2 <= len(token.text) <= 3  # "your CV", "the MOT"
                )
                # and their plurals ("IOUs", "DVDs")
                or (
                    token.text.endswith("s")
                    and token.text[:-1].isupper()
                    and 2 <= len(token.text) - 1 <= 4
                )
                # a capital inside a sentence is a name's, whatever the tagger calls it
                # ("the Spanish lessons", "scrolling TikTok")
                or (token.text[:1].isupper() and not token.is_sent_start)
            ):
                words.append(token.text)
            else:
                words.append(low)
        # "phone-free dinner"; and no comma left where an opener was ("no, the milk")
        phrase = " ".join(words).strip(" ,;:").replace(" - ", "-")
        if phrase and root.dep_ == "appos" and root.head.i in emitted and len(chunk) == 1:
            # "your friend" + "Mark" is one person: "your friend Mark"
            place = emitted.pop(root.head.i)
            out[place] = f"{out[place]} {phrase}"
            emitted[root.i] = place
            continue
        of = root.head
        # "told your mum about our fight": what was told about is the verb's, not the mum's
        told_of = (
            of.lower_ == "about"
            and of.head.dep_ in ("dobj", "dative")
            and of.head.head.lemma_.lower() in _TELLING
        )
        one_thing = (of.lower_ == "on" and of.head.lemma_.lower() in _MONEY) or (
            # "the lease on my flat", "the cups in the sink": where a thing is, part of it
            of.lower_ in ("on", "in")
            and of.dep_ == "prep"
            and of.head.pos_ == "NOUN"
            # a place with a name or a determiner ("in Melbourne", "on the train"), not how
            # or when ("in total silence", "on Saturdays")
            and (
                root.pos_ == "PROPN"
                or any(c.dep_ in ("det", "poss") and c.i < root.i for c in root.children)
            )
            and root.lemma_.lower() not in _PARTS
            and _singular(root.lower_) not in _WEEKDAYS
            # ("in a language you don't speak": not without what it goes on to say)
            and not any(c.dep_ in ("relcl", "acl") for c in root.children)
        )
        if (
            phrase
            and (of.lower_ in ("of", "about") or one_thing)
            and of.head.i in emitted
            and not told_of
        ):
            # "two cups" + "coffee" is one thing: "two cups of coffee", and so is "that
            # comment about your sister", and "900 quid on takeaway".
            place = emitted.pop(of.head.i)
            if len(out[place]) + len(phrase) <= 56:
                out[place] = f"{out[place]} {of.lower_} {phrase}"
                emitted[root.i] = place
            continue
        if phrase and phrase not in out and len(phrase) <= 60:
            emitted[root.i] = len(out)
            out.append(phrase)
    # What they are asked to stop or keep doing is a topic too: "stop checking it" is
    # about "the checking".
    for token in doc:
        if token.tag_ != "VBG" or _likened_to(token):
            continue  # (every doing below is a gerund; "like living with..." is a verdict)
        if (
            token.head.lemma_.lower() in config.gerund_heads
            # what is stopped, not "(stop ignoring me) when I'm talking"
            and token.dep_ != "advcl"
            and token.i not in skip
            and token.lower_ not in config.topic_stopwords
            and token.lemma_.lower() not in config.light_verbs
            # "stop nagging me" is the person's charge, not what the partner is upset about
            and token.lemma_.lower() not in _CHARGES
            # "stop acting like a baby" names the insult, not a doing to talk about
            and not any(t.i in skip for t in token.subtree)
            # "stop drinking coffee" is about the coffee, not "the drinking"
            and not any(c.dep_ == "dobj" and (c.pos_ != "PRON" or it_named) for c in token.children)
            # "stop leaving me on read", "stop ignoring us": how they treat the person is
            # the complaint itself, not a doing to talk about ("the leaving")
            and not any(c.dep_ == "dobj" and c.lower_ in ("me", "us") for c in token.children)
            # nor "stop yelling at me", "you keep relying on me"
            and not any(
                c.dep_ == "prep" and any(g.lower_ in ("me", "us") for g in c.children)
                for c in token.children
            )
            # "keep asking about the wedding date" is about the date, not "the asking"
            and not any(
                c.dep_ == "prep"
                and c.lower_ in ("about", "for")
                and any(g.pos_ in ("NOUN", "PROPN") for g in c.children)
                for c in token.children
            )
            # "my mind keeps racing" is not about "the racing": only what a person does
            and all(
                c.lower_ in ("you", "u", "i", "we")
                for c in token.head.children
                if c.dep_ in ("nsubj", "nsubjpass")
            )
        ):
            phrase = f"the {token.lower_}"
            if phrase not in out:
                out.append(phrase)
        # "moving in together isn't that deep", "having a baby is hard": a doing as the
        # subject is the topic
        elif (
            token.dep_ in ("csubj", "nsubj")
            and token.i not in skip
            # "Worrying won't change anything" judges their feeling; it is no topic
            and token.lower_ not in config.topic_stopwords
            and (
                token.lemma_.lower() not in config.light_verbs
                or any(c.dep_ == "dobj" and c.pos_ == "NOUN" for c in token.children)
            )
        ):
            doing = [t for t in token.subtree if not t.is_punct]
            if len(doing) <= 4 and not any(t.i in skip or t.tag_ in ("PRP", "PRP$") for t in doing):
                phrase = " ".join(t.lower_ for t in doing)
                if phrase not in out:
                    out.append(phrase)
        # "he was just teasing", "I was only joking": what it is played down as
        elif (
            token.tag_ == "VBG"
            and token.dep_ in ("ROOT", "ccomp", "conj")
            and token.i not in skip
            and token.lemma_.lower() not in config.light_verbs
            and any(c.lower_ in ("just", "only") for c in token.children)
            and any(c.lemma_ == "be" and c.dep_ == "aux" for c in token.children)
            and not any(c.dep_ in ("dobj", "prep", "xcomp") for c in token.children)
        ):
            phrase = f"the {token.lower_}"
            if phrase not in out:
                out.append(phrase)
    # "the middle" of something not named (their "our argument" is no topic): nothing
    return [t for t in out if t.split()[-1].lower() not in _PARTS]


_IRREGULAR_PLURALS = {
    "child": "children",
    "person": "people",
    "man": "men",
    "woman": "women",
    "foot": "feet",
    "tooth": "teeth",
    "wife": "wives",
    "life": "lives",
    "knife": "knives",
    "half": "halves",
    "leaf": "leaves",
    "mouse": "mice",
    # the same in the plural
    "series": "series",
    "species": "species",
    "sheep": "sheep",
    "fish": "fish",
    "deer": "deer",
    "aircraft": "aircraft",
}


def _likening(token: Token) -> bool:
    """Whether `token` is the "like" of "it's like sharing a flat with a goldfish"."""
    return token.lower_ == "like" and token.dep_ == "prep" and token.head.lemma_ == "be"


def _likened_to(token: Token) -> bool:
    """Whether `token` is in what something is likened to ("it's like sharing a flat
    with a goldfish"): a verdict, not a matter."""
    return any(_likening(a) for a in token.ancestors)


# Nouns for a part of something ("the middle of the film"): no topic without the whole.
_PARTS = frozenset({"middle", "end", "start", "beginning", "rest", "half", "remainder", "bulk"})
# What someone is called, read by the parser as the noun a phrase ends on ("its just a
# review babe"): the phrase is about the review.
_PET_NAMES = frozenset(
    {"babe", "babes", "hun", "hon", "darling", "sweetie", "sweetheart", "dude", "mate", "bro"}
)


def _kind_of_people(noun: Token, config: _Config) -> bool:
    """Everyone of a kind ("every parent", "other couples", "most men"): a generalisation
    ("all my friends" are people of their own)."""
    if any(c.dep_ == "poss" for c in noun.children):
        return False
    return noun.lemma_.lower() in config.kinds_of_people and any(
        c.dep_ in ("det", "amod", "predet")
        and (c.lower_ in config.indefinite_determiners or c.lower_ in ("other", "most", "all"))
        for c in noun.children
    )


def _plural(noun: str) -> str:
    """The English plural of a singular noun ("purchase" -> "purchases")."""
    if noun in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[noun]
    if re.search(r"[^aeiou]y$", noun):
        return noun[:-1] + "ies"
    if re.search(r"(s|x|z|ch|sh)$", noun):
        return noun + "es"
    return noun + "s"


@lru_cache(maxsize=16)
def _lexicon(*names: str) -> frozenset[str]:
    """The words of the engine's lexicons with these names, as one set."""
    from coach.analyzer import _engine

    lexicons = _engine()[1].lexicons
    return frozenset(word for name in names for word in lexicons.get(name, []))


def _insults(doc: Doc) -> set[int]:
    """Token indices of insults and character words (never carried over into a rewrite)."""
    words = _lexicon("negative_traits", "person_nouns")
    trash = _lexicon("trash_words")
    # "Then don't nag" uses the word as a verb: not a name for the partner. And "the baby",
    # "our child", "that mess in the hall" point at someone or something at home, while
    # "a baby" and "such a mess" are what the partner is called.
    return {
        t.i
        for t in doc
        # (and their degrees: "the dumbest plan")
        if (
            t.lower_ in words
            or (t.tag_ in ("JJR", "JJS") and t.lemma_.lower() in words)
            # what a thing is called ("dinner was garbage", "a crap plan"; not "take out
            # the trash")
            or (t.lower_ in trash and t.dep_ in ("attr", "acomp", "amod"))
        )
        and (t.pos_ != "VERB" or _called(t))
        and not (
            t.lower_ in _HOUSEHOLD
            and any(c.dep_ in ("det", "poss") and c.lower_ in _POINTING for c in t.children)
        )
    }


def _called(token: Token) -> bool:
    """Whether a word the tagger read as a verb is what the partner is called: "..., you
    hypocrite." ends the sentence right after "you"."""
    doc = token.doc
    return (
        token.i > 0
        and doc[token.i - 1].lower_ in _SUBJECTS
        and (token.i + 1 == len(doc) or doc[token.i + 1].is_punct)
    )


_HOUSEHOLD = frozenset({"baby", "child", "mess"})
_POINTING = frozenset({"the", "this", "that", "these", "those", "our", "my", "his", "her", "their"})


# A verb right after a subject that changed person changes with it.
_BE_TO_FIRST = {"'re": "'m", "are": "am", "were": "was"}
_BE_TO_SECOND = {"'m": "'re", "am": "are", "was": "were"}
_POSSESSIVE_FLIP = {
    "my": "your",
    "your": "my",
    "ur": "my",
    "mine": "yours",
    "yours": "mine",
    "yourself": "myself",
    "myself": "yourself",
}


_PROPOSALS = re.compile(
    r"^(can|could|should|shall) we\b|^let'?s\b|^i'?d (like|love)\b|^i would (like|love)\b"
    r"|^i want (us|to)\b|^(i (think|reckon|guess) )?we (should|could)\b|^how about\b"
    r"|^what if we\b|^guess what\b|^i (think|reckon|guess) i('d| would)? ?(want|like|love)\b"
    r"|^i('m| am| was|'ve been| have been) thinking (of|about|we)\b"
    # an ask passed on: "My mum's asked if we can host lunch", "The kids want to go camping"
    r"|^(my|your|our|the) [a-z' -]{2,30}? ?(('s|'ve|has|have) )?(asked|wants?|invited)\b"
    r"|^i (bought|booked|finished|won)\b"
    # a wish to have them along: "Mum's visiting next weekend and I'd love for you to be there"
    r"|\bi'?d (love|like) (for )?(you|u) to (be there|come|join)\b"
    # a plan checked on: "are we still doing the market Saturday?", "do you fancy a walk?"
    r"|^(are|is) (we|it) still (on|going|doing|having|meeting|up for)\b"
    r"|^do (you|we) (want|fancy)\b|^(are|r) you (free|around|up for|coming)\b"
    # leave asked for: "is it ok if my sister stays?", "would you mind if I went?"
    r"|^(is it|would it be) (ok|okay|alright|all right|fine) (if|for)\b"
    r"|^(would|do) you mind (if|me)\b"
    # an invitation passed on, by name ("Dev's invited us to the coast"), or asked after the
    # plan it is about ("Mum's doing a roast on Sunday, want to come?")
    r"|^[a-z]+('s| has)? (asked|invited) (us|me)\b"
    r"|[,.!] (can|could|shall) we (go|come|join)\b[^.!?]*\?$"
    r"|[,.!] (do you )?(want|wanna|fancy) (to )?(come|join|go)\b[^.!?]*\?$"
    # a bid to spend time together: "Want to watch a film tonight?", "...come eat with me?"
    r"|^(want|wanna|fancy) (to )?\w+[^.!?]*\?$"
    r"|\bcome (and )?\w+ with (me|us)\b[^.!?]*\?$"
    # a thing shared for them: "saw this and thought of you"
    r"|\bthought of you\b"
    # their opinion asked ("Do you think I'm on my phone too much?"), the two of them
    # checked on ("are we okay after this morning?"), a decision or pride of theirs
    r"|^do (you|u) think\b|^(are|r) we (ok|okay|alright|all right|good)\b"
    r"|^i('ve| have)? decided\b|^i('m| am| was) (really |so |very )?proud of (myself|my|the|how i)\b"
    # a plain request ("Could you take the bins out tonight?"), not a complaint put as one
    # ("Can you please stop...", "...again?")
    r"|^(can|could|would|will) (you|u) (please )?(?!stop\b|quit\b|not\b)\w+"
    r"(?![^.!?]*\b(again|still|always|never|ever|anymore|every time|for once)\b)[^.!?]*\?$",
    re.IGNORECASE,
)


_GOOD_NEWS = re.compile(
    r"^i('m| am) (so |really |just )?(proud|excited|thrilled|happy|over the moon)\b"
    r"|^i (just |finally )?(passed|aced|landed|won|finished|ran|got in|got into|got promoted|got accepted"
    r"|paid off|cleared (my|the)|got my degree|graduated|got the keys"
    r"|got engaged|got the all[- ]clear"
    r"|got (the|a|my) (new )?(pay )?(job|promotion|offer|raise|rise|bonus|part|role|lead|place"
    r"|scholarship|contract|grant|internship|apprenticeship|award)|got a first)\b"
    r"|^guess what\b|^we (won|got the)\b"
    # something begun, told with delight: "I signed up for a pottery class on Wednesdays!"
    r"|^i('ve| have)? (just |finally )?(signed up|enrolled|registered)\b[^.?]*(!|\bso excited\b)"
    # theirs and the person's together: "We finally cleared the overdraft!"
    r"|^we (just |finally )?(paid off|cleared|finished|did it|made it|hit|reached|saved)\b[^.?]*!"
    # a piece of theirs taken, or they chosen: "My sculpture was selected for the fair!"
    r"|^(my|our) [a-z' -]{2,30}? (got|was|has been) (accepted|published|shortlisted|selected"
    r"|chosen)\b[^.?]*!"
    r"|^i (got|was|have been|'ve been) (shortlisted|selected|chosen|picked)\b[^.?]*!",
    re.IGNORECASE,
)
# What someone did, as against what they were given ("I swam two lengths" has a best part;
# "I got a bonus" is felt).
_DONE = re.compile(
    r"\b(ran|run|finished|passed|aced|won|completed|did|made|cooked|baked|built|wrote|sang"
    r"|played|climbed|swam|cycled|hit|reached|cleared|paid off|paying off|graduated|performed)\b",
    re.IGNORECASE,
)
# News in the family, told with delight ("Our cousin is engaged! We're going to be
# godparents!"): joy to share, not an achievement of theirs.
_FAMILY_NEWS = re.compile(
    r"\b(is|'s|are|'re) (pregnant|engaged|expecting)!"
    r"|\bgoing to be an? (aunt|auntie|uncle|grandma|grandad|grandpa|granny|godmother"
    r"|godfather|big sister|big brother|dad|mum|mom)\b",
    re.IGNORECASE,
)
# Good news that lifts a worry ("the biopsy was benign!", "the scan came back clear"): a
# relief to share, not an achievement to be proud of.
_RELIEF = re.compile(
    r"\b(was|is|were|are) benign\b|\bcame back (clear|fine|normal)\b|\ball[- ]clear\b",
    re.IGNORECASE,
)


# A complaint retold as what the partner felt, saw or wants, not as what happened.
_THEIR_SIDE = re.compile(r"(you|it felt)\b", re.IGNORECASE)


# Verbs whose object is told, asked or reminded about something.
_TELLING = frozenset({"tell", "ask", "remind", "warn", "text", "call", "message", "email"})


def _some_of_us(sent: Span) -> bool:
    """Whether a sentence tells what "some of us" or "some people" have or do ("Some of
    us have real jobs"): its "real" things are a jab at the partner by contrast."""
    return any(
        t.dep_ == "nsubj"
        and (
            (t.lower_ == "some" and any(c.lower_ == "of" for c in t.children))
            or (t.lemma_.lower() == "people" and any(c.lower_ == "some" for c in t.children))
        )
        for t in sent
    )


def _relieved_about(ctx_doc: Doc, theirs: list[str]) -> str | None:
    """Which of their topics the relief is about: what "was benign" or "came back clear"
    ("the mole", not the doctor who rang)."""
    for token in ctx_doc:
        if token.lower_ in ("benign", "clear", "fine", "normal"):
            # (the nearest, where the parser found two: "the GP rang, the mole was benign")
            subjects = [c.lower_ for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")]
            found = [t for t in theirs if subjects and _head(t).lower() == subjects[-1]]
            if found:
                return found[0]
    return None


def _unaddressed(ctx_doc: Doc) -> str:
    """Their message without a name they call the person by ("Sam, I passed my test!")."""
    return re.sub(r"^[A-Z][a-z]+, ", "", ctx_doc.text.strip())


def _good_news(ctx_doc: Doc) -> bool:
    """Whether the partner is sharing good news of theirs ("I'm so proud, I finished my
    first half marathon!"), with no worry or complaint in it."""
    return (
        bool(
            _GOOD_NEWS.search(_unaddressed(ctx_doc))
            or _RELIEF.search(ctx_doc.text)
            or _FAMILY_NEWS.search(ctx_doc.text)
        )
        and not _THANKS.search(ctx_doc.text.strip())
        and not _distressed(ctx_doc)
        and not any(t.dep_ == "neg" for t in ctx_doc)
    )


# A job for the home they tell of with delight ("I cleaned the whole flat today!",
# "Finally fixed the dryer!"): to thank them for, not news to ask the best part of.
_CHORE_DONE = re.compile(
    r"^(i('ve| have)? )?(just |finally |already )*(cleaned|tidied|hoovered|vacuumed|mopped"
    r"|scrubbed|washed|ironed|fixed|repaired|sorted|organi[sz]ed|decluttered|painted|cooked"
    r"|mowed|weeded|assembled|put up|cleared out)\b[^.?]*!",
    re.IGNORECASE,
)


# What someone does for themselves with the same verbs ("I washed my hair!").
_GROOMED = frozenset({"hair", "nail", "nails", "face", "teeth", "tooth", "skin", "brow", "makeup"})


def _done_for_us(ctx_doc: Doc) -> str | None:
    """The job they did for the home, told as thanks are ("cleaning the whole flat today"),
    when their message is that job told with delight."""
    if not _CHORE_DONE.search(_unaddressed(ctx_doc)) or _distressed(ctx_doc):
        return None
    verb = next((t for t in ctx_doc if t.pos_ == "VERB" and t.tag_ in ("VBD", "VBN")), None)
    if verb is None or not any(c.dep_ in ("dobj", "prt") for c in verb.children):
        return None  # "I cleaned!": nothing to name
    if any(c.dep_ == "dobj" and c.lemma_.lower() in _GROOMED for c in verb.children):
        return None  # "I painted my nails!": done for themselves, not for the home
    # (the first job of several: "scrubbing the bathroom", not "and mopped the kitchen")
    left_out = {t.i for c in verb.children if c.dep_ in ("cc", "conj") for t in c.subtree}
    # the job as thanks name it ("cleaning"), and what follows it in the person's voice
    # ("my studio" -> "your studio"); before it come only who did it and when, or a name
    # they call the person by ("Jo, I finally put up the shelves")
    kept = [t for t in verb.subtree if t.i > verb.i and not t.is_punct and t.i not in left_out]
    words = [_gerund(verb.lemma_.lower()), *_retold(kept)]
    return " ".join(words) if 2 <= len(words) <= 10 else None


_THANKS = re.compile(
    r"^(thank you|thank u|thanks|thx|ty|i (really |so )?appreciate"
    # praise of the person is thanks of a kind ("I'm so proud of how you handled it"), not
    # good news of theirs
    r"|i'?m (so |really |very )?proud of (you|u|how you|the way you))\b",
    re.I,
)


_APOLOGY = re.compile(
    r"^(hey,? |babe,? |love,? )?((i'?m|i am) (so |really |very |truly )?sorry|sorry|i apologi[sz]e"
    r"|my apologies)\b",
    re.IGNORECASE,
)


def _apology(ctx_doc: Doc) -> bool:
    """Whether the partner opens with an apology ("I'm sorry I got grumpy with you
    earlier"): something to take, before anything else is said."""
    return bool(_APOLOGY.search(ctx_doc.text.strip()))


def _thanks(ctx_doc: Doc) -> bool:
    """Whether the partner is thanking the person ("Thank you for cooking tonight"), with
    no worry or complaint in it."""
    return (
        bool(_THANKS.search(ctx_doc.text.strip()))
        and not _distressed(ctx_doc)
        and not any(t.dep_ == "neg" for t in ctx_doc)
    )


# The partner asking after the person ("is everything okay?", "r u hurt?",
# "what's wrong?"): not "are you okay with me going", "what's wrong with you" or "how are
# you feeling about the move", which ask something else.
_CHECKING_IN = re.compile(
    r"\b(?:(?:are |r )?(?:you|u)|(?:is )?every(?:thing|1)) "
    r"(?:ok|okay|alright|all right|feeling (?:ok|okay|alright|better))\b(?! with)"
    r"|\b(?:are|r) (?:you|u) hurt\b"
    r"|\bwhat(?:'?s| is) (?:wrong|the matter|going on|bothering (?:you|u))\b(?! with)"
    r"|\bdid (?:you|u) hurt (?:yourself|your)\b"
    r"|\bhow are (?:you|u) (?:feeling|doing|holding up)\b(?! about)",
    re.I,
)


def _checking_in(ctx_doc: Doc) -> bool:
    """Whether the partner is checking in on the person, asking how they are or what is
    wrong, out of care rather than complaint."""
    text = ctx_doc.text.replace("\u2019", "'")
    return bool(_CHECKING_IN.search(text)) and (
        "?" in text or bool(re.search(r"\b(know|tell me)\b", text, re.I))
    )


def _calm(ctx_doc: Doc) -> bool:
    """Whether the partner's message is a plan, a request or good news ("Can we plan the
    trip?", "I booked the flights!") with no hurt, worry or complaint in it, so "you're upset"
    would not fit."""
    # (after a greeting: "hey, are we still doing the market?")
    text = re.sub(
        r"^(hey|hi|hiya|so|ok|okay|babe|love|hun)\b[,!.]?\s*", "", ctx_doc.text.strip(), flags=re.I
    )
    if not _PROPOSALS.search(text) or any(t.dep_ == "neg" for t in ctx_doc):
        return False
    if any(
        t.tag_ == "VBD" and t.lower_ != "said"
        for t in ctx_doc
        if any(c.dep_ == "nsubj" and c.lower_ in _SUBJECTS for c in t.children)
    ):
        return False  # "you left..." is a complaint however it opens
    return not _distressed(ctx_doc)


# Feeling words that read wrongly when told back alone ("you're left", "you're fed").
_NOT_TOLD_BACK = frozenset(
    {
        "alone",
        "left",
        "lost",
        "small",
        "bad",
        "stuck",
        "empty",
        "fed",
        "burned",
        "burnt",
        "sore",
        "raw",
        "torn",
        "awful",
        "terrible",
        "horrible",
        "useless",
        "distant",
        "hurting",
    }
)


# Of those, the ones that are not a whole feeling even after "felt" ("you felt left").
_UNFINISHED = frozenset({"left", "fed", "burned", "burnt", "hurting", "sore", "raw"})
# What one can miss feeling: "I don't feel wanted" is a hurt to hear.
_MISSED = frozenset(
    {
        "safe",
        "attractive",
        "wanted",
        "loved",
        "heard",
        "seen",
        "appreciated",
        "supported",
        "valued",
        "respected",
        "desired",
        "included",
        "welcome",
        "comfortable",
        "understood",
        "special",
        "important",
    }
)


# Feelings one can have "about" a thing ("nervous about the job"); "tired", "invisible" and
# "rejected" are not had about something.
_FELT_ABOUT = frozenset(
    {
        "nervous",
        "anxious",
        "scared",
        "worried",
        "upset",
        "frustrated",
        "embarrassed",
        "stressed",
        "guilty",
        "sad",
        "angry",
        "mad",
        "disappointed",
        "confused",
        "jealous",
        "insecure",
        "hurt",
        "annoyed",
        "furious",
        "pissed",
        "irritated",
        "ashamed",
        "heartbroken",
        "terrified",
        "devastated",
        "gutted",
    }
)


_FELT_AUX = {
    "feel": "feel",
    "feels": "feel",
    "felt": "feel",
    "get": "get",
    "gets": "get",
    "got": "get",
}


_WHEN = frozenset({"when", "whenever"})
# Words that only point back at a matter named earlier ("scared about it", "upset about
# all that").
_STAND_INS = frozenset({"it", "this", "that", "all", "them", "everything"})


def _when_clause(verb: Token) -> bool:
    """Whether `verb` heads a clause of time opened by "when" ("...when you left early")."""
    return verb.dep_ == "advcl" and any(m.lower_ in _WHEN and m.i < verb.i for m in verb.children)


# Ways of talking at a distance ("over text", "by email"), no matter to talk about.
_MEDIA = frozenset({"text", "phone", "email", "whatsapp", "message", "messenger", "zoom"})


def _vague(noun: Token) -> bool:
    """A pronoun or a generic noun ("it", "those things") that names nothing to tell back."""
    return noun.pos_ == "PRON" or noun.lemma_.lower() in _config().generic_nouns


def _their_feeling(ctx_doc: Doc) -> tuple[str, str, bool] | None:
    """The feeling the partner named about themself, told back to them, the feeling word,
    and whether what it is about was told too: "I'm so nervous about your job" gives
    "you're nervous about my job", "I felt invisible" gives "you felt invisible"."""
    words = _lexicon("emotions_hard", "emotions_validate")
    for token in ctx_doc:
        missed = token.lower_ in _MISSED
        # "...didn't invite me and I'm gutted": a clause of its own, joined by "and"
        joined = token.dep_ == "conj" and any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in token.children
        )
        if not (token.lower_ in words or missed) or (
            token.dep_ not in ("acomp", "ROOT", "oprd", "xcomp") and not joined
        ):
            continue
        head = token.head if token.dep_ != "ROOT" and not joined else token
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")] or [
            # "I'm so burned out" may hang its "I" from the "'m"
            g
            for c in head.children
            if c.dep_ in ("aux", "auxpass")
            for g in c.children
            if g.dep_ in ("nsubj", "nsubjpass")
        ]
        # "burnt out", "fed up", "left out": the particle makes the feeling whole
        particle = next(
            (c for c in token.children if c.dep_ == "prt" and c.lower_ in ("out", "up")), None
        )
        # "It's making me feel small", "your jokes made me feel awful": felt all the same
        made = (
            head.lemma_ == "feel"
            and head.dep_ == "ccomp"
            and head.head.lemma_ == "make"
            and bool(subjects)
            and subjects[0].lower_ == "me"
        )
        # "I felt ignored" is read with "felt" as the participle's auxiliary
        helper = next(
            (c for c in head.children if c.dep_ in ("aux", "auxpass") and c.lower_ in _FELT_AUX),
            None,
        )
        kind = _FELT_AUX[helper.lower_] if helper is not None else head.lemma_
        if helper is None and any(c.dep_ == "auxpass" and c.lemma_ == "be" for c in head.children):
            kind = "be"  # "I'm still hurt about...", read as a passive
        # texted without its "I": "been feeling pretty down about work lately"
        implied = (
            not subjects
            and head.lemma_ == "feel"
            and head.tag_ in ("VBG", "VBN")
            and all(t.dep_ == "aux" for t in ctx_doc[head.sent.start : head.i])
        )
        if (
            (not subjects and not implied)
            or (subjects and subjects[0].lower_ != "i" and not made)
            or kind not in ("be", "feel", "get")
        ):
            continue
        # "you're alone" states a fact, "you felt alone" a feeling
        if (
            token.lower_ in _NOT_TOLD_BACK
            and particle is None
            and (kind != "feel" or token.lower_ in _UNFINISHED)
        ):
            continue
        if head.dep_ == "advcl" and any(
            c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "whenever", "if")
            for c in head.children
        ):
            continue  # "When I'm upset, could you hold me?": when it happens, what they ask
        negated = any(c.dep_ == "neg" for c in head.children)
        if missed != negated or (missed and (kind != "feel" or made)):
            # "I'm not angry" denies a feeling; "I feel safe" is no hurt to hear. "I don't
            # feel wanted" is one: what they miss.
            continue
        if head.head.lemma_.lower() == "feel" and any(
            c.dep_ == "mark" and c.lower_ == "like" for c in head.children
        ):
            continue  # "it felt like I was invisible": how it seemed (`_feels_like`), not a fact
        about = next(
            (
                c
                # "lonely at your work dinner" may hang the place from "felt" (not a vague
                # "anxious at those things": the topic says it better)
                for c in (*token.children, *(head.children if head.i != token.i else ()))
                if c.dep_ == "prep"
                and c.i > token.i
                and (
                    c.head.i == token.i
                    or not any(_vague(o) for o in c.children if o.dep_ == "pobj")
                )
                # "alone at the party": where it was felt, for a feeling not had "about" it
                and c.lower_ in ("about", "for", "of", "at")
                and len(list(c.subtree)) <= 7
            ),
            None,
        )
        tail = ""
        if about is not None and all(
            t.i == about.i or t.lower_ in _STAND_INS for t in about.subtree
        ):
            # "...moved to Friday and I'm scared about it": "it" stands in for the matter
            # named before, which is what to say; else a topic says it ("about it" does not)
            named_before = _named_before(token)
            if named_before is not None:
                tail = f" {about.lower_} {_said(_retold(named_before))}"
            about = None
        elif about is not None:
            # "nervous about your drinking" -> "about my drinking"
            tail = " " + _said(_retold(list(about.subtree)))
        after = [c for c in (*token.children, *head.children) if c.i > token.i]
        # "scared you'll leave me" -> "scared I'll leave you"
        fear = next((c for c in after if c.dep_ == "ccomp"), None)
        # "lonely when you game all night" -> "lonely when I game all night"
        moment = next((c for c in after if _when_clause(c)), None)
        # "too tired for sex" is not "tired for sex"
        degree = (
            "too "
            if about is not None
            and about.lower_ == "for"
            and any(c.lower_ == "too" and c.dep_ == "advmod" for c in token.children)
            else ""
        )
        for clause, most in ((fear, 14), (moment, 12)):
            told = _told_through(clause.left_edge, clause, 3, most) if clause is not None else None
            if (
                clause is None
                and most == 14
                and head.dep_ == "ccomp"
                and head.head.i > token.i
                # not "I'm worn out, I can't face the bills tonight" or "I felt lonely at
                # the dinner, I knew nobody": a sentence of its own
                and not any(t.is_punct for t in token.doc[token.i + 1 : head.head.i])
            ):
                # "I'm annoyed you gave my mum...", parsed with "gave" as the root and the
                # feeling hanging from it: what follows the feeling is what it is about
                clause = head.head
                told = _told_through(token.doc[token.i + 1], clause, 3, most)
            if not tail and told:
                tail = " " + told
                # "so tired I cried" keeps its "so": "you're so tired you cried"
                if clause is fear:
                    degree = next(
                        (c.lower_ + " " for c in token.children if c.lower_ in ("so", "too")), ""
                    )
        named = [token.lower_ + (" " + particle.lower_ if particle is not None else "")] + [
            c.lower_
            for c in token.children
            if c.dep_ == "conj" and c.lower_ in words and c.lower_ not in _NOT_TOLD_BACK
        ]
        feeling = degree + " and ".join(named) + tail
        past = (
            head.tag_ == "VBD"
            or (helper is not None and helper.lower_ in ("felt", "got"))
            # "I was left out", "I was so hurt": the tense is the helper's
            or any(
                c.dep_ in ("aux", "auxpass") and c.lower_ in ("was", "were") for c in head.children
            )
        )
        if made:
            past = head.head.tag_ == "VBD"
        if missed:
            doing = next((c for c in head.children if c.dep_ == "xcomp" and c.i > token.i), None)
            if not tail and doing is not None and len(list(doing.subtree)) <= 7:
                # "I don't feel safe bringing this up" -> "...safe bringing this up"
                tail = " " + _said(_retold(list(doing.subtree)))
                feeling += tail
            if any(c.dep_ == "aux" and c.lemma_ == "have" for c in head.children):
                told = f"you haven't felt {feeling}"  # "I haven't felt wanted in months"
            elif head.tag_ == "VBG":
                told = f"you're not feeling {feeling}"
            else:
                did = any(c.dep_ == "aux" and c.lower_ == "did" for c in head.children)
                told = f"you {'did' if did else 'do'}n't feel {feeling}"
            return told, token.lower_, bool(tail)
        if any(c.dep_ == "aux" and c.lemma_ == "have" for c in head.children) or (
            implied and any(c.dep_ == "aux" and c.lower_ == "been" for c in head.children)
        ):
            verb = "been" if kind == "be" else ("felt" if kind == "feel" else "got")
            if head.tag_ == "VBG":  # "I've been feeling disconnected"
                verb = f"been {head.lower_}"
            told = f"you've {verb} {feeling}"  # "I've been so lonely"
        elif kind == "feel":
            told = f"you {'felt' if past else 'feel'} {feeling}"
        elif kind == "get":
            told = f"you {'got' if past else 'get'} {feeling}"
        else:
            told = f"you {'were' if past else 'are'} {feeling}".replace("you are", "you're")
        return told, token.lower_, bool(tail)
    return _it_hurt(ctx_doc) or _feels_like(ctx_doc)


def _named_before(feeling: Token) -> list[Token] | None:
    """The thing a feeling's "it" points back at: what the clause or sentence before it
    was about ("My scan got moved to June and I'm nervous about it" -> "My scan"). What
    something was done to comes before who did it ("The garage kept the van another week,
    I'm fuming about it" -> "the van")."""
    sent = feeling.sent
    start = sent.start
    if not any(t.pos_ in ("NOUN", "PROPN") for t in feeling.doc[start : feeling.i]):
        # "I've got my scan in June. I'm nervous about it."
        start = feeling.doc[sent.start - 1].sent.start if sent.start > 0 else start
    before = feeling.doc[start : feeling.i]
    for deps in (("nsubjpass", "dobj"), ("nsubj",)):
        for noun in before:
            if noun.dep_ not in deps or noun.pos_ not in ("NOUN", "PROPN"):
                continue
            words = list(noun.subtree)
            if words[-1].i < feeling.i and len(words) <= 6 and not any(t.is_punct for t in words):
                return words
    return None


def _feels_like(ctx_doc: Doc) -> tuple[str, str, bool] | None:
    """A sense of how things are between them, told back: "I feel like we've drifted
    apart" gives "you feel like we've drifted apart", "It feels like we only plan chores"
    gives "it feels like we only plan chores", "I feel like your friends don't like me"
    gives "you feel like my friends don't like you". Not of the person: "I feel like you
    ignore my work" is a charge to hear (see `_owned_complaint`), not a feeling to call
    understandable."""
    for verb in ctx_doc:
        if verb.lemma_.lower() != "feel":
            continue
        # ("Some evenings it felt like...": the parser may take the time for a subject too)
        feeler = next(
            (c.lower_ for c in verb.children if c.dep_ == "nsubj" and c.lower_ in ("i", "it")),
            None,
        )
        if feeler is None:
            continue
        if any(c.dep_ == "neg" for c in verb.children):
            continue
        clause = next(
            (
                c
                for c in verb.children
                if c.dep_ in ("advcl", "ccomp")
                and c.i > verb.i
                and any(m.dep_ == "mark" and m.lower_ == "like" for m in c.children)
                and (
                    any(n.dep_ == "nsubj" and n.lower_ in ("we", "i") for n in c.children)
                    # of others ("your parents never accepted me"), and not with the person
                    # as a subject further in ("my grief makes you uncomfortable")
                    or (
                        any(n.dep_ in ("nsubj", "nsubjpass") for n in c.children)
                        and not any(
                            n.dep_ in ("nsubj", "nsubjpass") and n.lower_ in _SUBJECTS
                            for n in c.subtree
                        )
                    )
                )
            ),
            None,
        )
        if clause is None:
            continue
        words = [
            t
            for t in clause.subtree
            if not t.is_punct and not (t.dep_ == "mark" and t.head == clause)
        ]
        if not 3 <= len(words) <= 14:
            continue
        if feeler == "it":
            felt = "felt" if verb.tag_ == "VBD" else "feels"
            return f"it {felt} like {_said(_retold(words))}", "feel", True
        felt = "felt" if verb.tag_ == "VBD" else "feel"
        return f"you {felt} like {_said(_retold(words))}", "feel", True
    return None


def _it_hurt(ctx_doc: Doc) -> tuple[str, str, bool] | None:
    """A hurt told as what it did to them: "It hurt when you laughed at my idea" gives
    "it hurt when I laughed at your idea", "Your comment about my job really stung" gives
    "my comment about your job really stung", as `_their_feeling` tells a feeling."""
    for verb in ctx_doc:
        if verb.lemma_.lower() not in _HURTING or verb.pos_ != "VERB":
            continue
        children = list(verb.children)
        subject = next((c for c in children if c.dep_ in ("nsubj", "csubj")), None)
        if subject is None or any(c.dep_ == "neg" for c in children):
            continue
        felt_by_them = any(c.dep_ == "dobj" and c.lower_ == "me" for c in children)
        if verb.lemma_.lower() not in ("hurt", "sting") and not felt_by_them:
            continue  # "the news upset everyone" is not their own hurt
        if subject.lower_ not in ("it", "that"):
            told = _what_hurt(verb, subject)
            if told:
                return told, "hurt", True
            continue
        moment = next((c for c in children if c.i > verb.i and _when_clause(c)), None)
        if moment is None or any(
            not (t.is_punct or t.is_quote)
            for t in verb.doc[moment.right_edge.i + 1 : verb.sent.end]
        ):
            continue  # "when you called my painting 'cute.'" is cut short by its quote
        told = _told_through(moment.left_edge, moment, 3, 14)
        hurt = next((c for c in children if c.dep_ == "dobj" and c.i < moment.i), None)
        # "it hurt me" -> "it hurt you", "it hurt my feelings" -> "it hurt your feelings"
        whom = " " + _said(_retold(list(hurt.subtree))) if hurt is not None else ""
        if told:
            return f"it {verb.lower_}{whom} {told}", "hurt", True
    return None


# What something did that hurt them ("it stung", "your comment shook me").
_HURTING = frozenset(
    {"hurt", "sting", "shake", "scare", "upset", "crush", "frighten", "rattle", "embarrass"}
    | {"humiliate", "wound", "gut"}
)


# People one's partner may say hurt them: a person, not a thing that happened.
_PEOPLE = frozenset(
    {"mum", "mom", "mother", "dad", "father", "parent", "sister", "brother", "friend"}
    | {"family", "boss", "ex", "son", "daughter", "kid", "child", "wife", "husband"}
    | {"partner", "girlfriend", "boyfriend", "everyone", "everybody", "someone", "people"}
)


def _what_hurt(verb: Token, subject: Token) -> str | None:
    """ "Your joke about my weight really hurt" -> "my joke about your weight really hurt",
    "What you said to my sister upset me" -> "what I said to your sister upset you": the
    thing that hurt, named as they named it (not a person: "you hurt me" is a charge, heard
    as one elsewhere)."""
    if (
        subject.lower_ in _SUBJECTS
        or subject.lower_ in ("i", "we", "he", "she", "they")
        or subject.lemma_.lower() in _PEOPLE
        or subject.pos_ == "PROPN"
    ):
        return None
    sent = verb.sent
    if "?" in sent.text or any(c.dep_ in ("ccomp", "advcl") for c in verb.children):
        return None  # "lowkey hurt u didnt come": what hurt is not the subject
    start = subject.left_edge
    head = verb.head
    if verb.dep_ == "ccomp" and head.tag_ == "VBG" and head.i == sent.start < subject.i:
        start = head  # "Seeing that text really shook me", parsed with "Seeing" as the root
    if any(t.is_punct for t in verb.doc[start.i : verb.i]):
        return None
    told = _told_through(start, verb, 3, 16)
    if told and start.dep_ == "det" and start.lower_ in ("that", "this"):
        # "It makes sense that that comment...": "the comment"
        told = "the" + told[len(start.text) :]
    return told


_WISHING = frozenset({"wish", "want", "need", "like", "love", "hope"})
# "Could you ...?" asks for something, unless it asks them to believe or picture it.
_ASKING_AUX = frozenset({"could", "can", "would", "will", "ca", "wo"})
_NOT_ASKED = frozenset({"believe", "imagine", "guess", "see", "blame", "be", "do", "have"})


# Verbs whose clause says what was said, known or felt ("tell me you're late", "I hope
# you'll come"): the clause after them is theirs, not a new sentence.
_CLAUSE_TAKERS = frozenset(
    {
        "tell",
        "say",
        "ask",
        "remind",
        "let",
        "know",
        "think",
        "believe",
        "feel",
        "hope",
        "wish",
        "want",
        "need",
        "notice",
        "see",
        "hear",
        "remember",
        "forget",
        "realise",
        "realize",
        "mention",
        "explain",
        "show",
        "promise",
        "admit",
        "agree",
        "decide",
        "text",
        "message",
        "email",
        "call",
        "ring",
        "warn",
        "guess",
        "bet",
        "suppose",
        "understand",
        "check",
        "find",
        "make",
        "pretend",
        "swear",
        "insist",
        "complain",
        "worry",
        "mind",
        "doubt",
        "imagine",
        "expect",
        "confirm",
        "write",
        "post",
        "learn",
        # "help me understand it", "have him ring you": who does it, then what
        "help",
        "have",
        "get",
        "watch",
        "leave",
    }
)


def _told_through(start: Token, clause: Token, fewest: int, most: int) -> str | None:
    """Their words from `start` to the end of `clause`, in the person's voice, when they
    are `fewest` to `most` words."""
    end = clause.right_edge.i + 1
    if end < len(start.doc) and _possessive(start.doc[end]):
        end += 1  # "at your parents' (again)": the apostrophe the parser hung elsewhere
    span = start.doc[start.i : end]
    # to the first comma, colon or dash: "get off the game for 10 mins, need to talk"
    # runs on into a sentence of its own; ", not on the couch" is still the same wish
    cut = next(
        (
            t.i
            for t in span
            if t.text in (",", ";", ":", "-", "–", "—")
            and not (t.text == "," and t.i + 1 < span.end and t.nbor().lower_ == "not")
            # (a hyphen inside a word is no dash: "phone-free dinners")
            and not (t.text == "-" and t.i > 0 and not t.whitespace_ and not t.nbor(-1).whitespace_)
        ),
        span.end,
    )
    # to a sentence texted on without a stop: "book the garage tomorrow its making that
    # noise" (a clause after this one with a subject of its own and nothing joining it)
    cut = min(
        (
            t.left_edge.i
            for t in span
            if t.dep_ in ("nsubj", "nsubjpass")
            and t.head.i > clause.i
            and (
                t.head.dep_ in ("advcl", "parataxis")
                # "ring the garage tomorrow its making that noise": no verb of saying or
                # knowing to tell it ("remind them we're away", "notice I cleaned" do)
                or (
                    t.head.dep_ == "ccomp"
                    and t.head.head.pos_ == "VERB"
                    and t.head.head.lemma_.lower() not in _CLAUSE_TAKERS
                )
            )
            and t.tag_ not in ("WP", "WDT")
            and not any(
                c.dep_ in ("mark", "cc") or c.tag_ in ("WRB", "WDT", "WP")
                for c in t.head.children
                if c.i < t.i
            )
            and (t.left_edge.i == 0 or t.doc[t.left_edge.i - 1].dep_ != "cc")
        ),
        default=cut,
    )
    # (a possessive's apostrophe is kept: "the kids' bedtime")
    words = [
        t
        for t in start.doc[start.i : cut]
        if not t.is_punct or t.text in (",", "-") or _possessive(t)
    ]
    # (what is left of a hyphen is inside a word: "phone-free")
    told = _said(_retold(words)).replace(" ,", ",").replace(" - ", "-")
    return told if fewest <= len([t for t in words if not t.is_punct]) <= most else None


def _wondering(ctx_doc: Doc) -> tuple[str, str, bool] | None:
    """A fear or a doubt about the two of them, told back as `_their_feeling` tells a
    feeling: "I wonder whether you still fancy me" gives "you wonder whether I still fancy
    you", "I worry you'll tire of me" gives "you worry I'll tire of you". Heard, not agreed
    with (see `_PERCEIVING`)."""
    for verb in ctx_doc:
        if verb.lemma_.lower() not in ("wonder", "worry", "fear") or verb.dep_ != "ROOT":
            continue
        children = list(verb.children)
        subject = next((c for c in children if c.dep_ == "nsubj" and c.lower_ == "i"), None)
        if subject is None or any(c.dep_ == "neg" for c in children):
            continue
        clause = next((c for c in children if c.dep_ == "ccomp" and c.i > verb.i), None)
        if clause is None:
            continue
        told = _told_through(subject, clause, 4, 16)
        if told:
            return told, verb.lemma_.lower(), True
    return None


def _unsure(ctx_doc: Doc) -> tuple[str, str, bool] | None:
    """Their hesitation, told back as `_their_feeling` tells a feeling: "I'm not ready to
    go over it yet" gives "you're not ready to go over it yet", "I don't know whether I
    want a dog" gives "you don't know whether you want a dog". Not yet knowing is not being
    upset, and hearing it takes the pressure off."""
    for head in ctx_doc:
        children = list(head.children)
        subject = next((c for c in children if c.dep_ == "nsubj" and c.lower_ == "i"), None)
        if subject is None or not any(c.dep_ == "neg" for c in children):
            continue
        clause = None
        if head.lemma_ == "be":
            # "I'm not ready to...", "I'm not sure it's wise..." (not a bare "I'm not sure")
            clause = next(
                (
                    c
                    for c in children
                    if c.dep_ == "acomp"
                    and c.lower_ in ("ready", "sure")
                    and any(d.dep_ in ("xcomp", "ccomp", "prep") for d in c.children)
                ),
                None,
            )
        elif head.lemma_.lower() == "think":
            # "I don't think I'm ready to meet them yet"
            clause = next(
                (
                    c
                    for c in children
                    if c.dep_ == "ccomp"
                    and c.lemma_ == "be"
                    and any(s.dep_ == "nsubj" and s.lower_ == "i" for s in c.children)
                    and any(a.dep_ == "acomp" and a.lower_ in ("ready", "sure") for a in c.children)
                ),
                None,
            )
        elif head.lemma_.lower() == "know":
            clause = next(
                (
                    c
                    for c in children
                    if c.dep_ == "ccomp"
                    and any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children)
                ),
                None,
            )
        if clause is None or any(
            not t.is_punct for t in ctx_doc[clause.right_edge.i + 1 : head.sent.end]
        ):
            continue  # "whether you still love me | the same": cut short, it says less
        told = _told_through(subject, clause, 4, 16)
        if told:
            return told, "unsure", True
    return None


def _their_wish(ctx_doc: Doc) -> tuple[str, str, bool] | None:
    """What the partner asked of the person or misses, told back as `_their_feeling`
    tells a feeling: "I wish you'd hold my hand" gives "you wish I'd hold your hand", "I
    need you to help with the laundry" gives "you need me to help with the laundry", "I
    miss you" gives "you miss me" (but "I missed the bus" is no longing), and "Could you
    text me when you're late?" gives "you'd like me to text you when I'm late"."""
    for verb in ctx_doc:
        lemma = verb.lemma_.lower()
        children = list(verb.children)
        subject = next((c for c in children if c.dep_ == "nsubj"), None)
        if subject is None:
            continue
        if any(c.dep_ == "neg" for c in children):
            # what they would rather not do: "I don't want to get into it now", "I'd rather
            # not go over it tonight" -> "you don't want to get into it now"
            if subject.lower_ == "i" and verb.dep_ == "ROOT":
                if lemma == "want":
                    to_do = _to_do(verb)
                    told = _told_through(subject, to_do, 3, 14) if to_do is not None else None
                elif verb.pos_ == "VERB" and any(c.lower_ == "rather" for c in children):
                    told = _told_through(subject, verb, 3, 14)
                else:
                    told = None
                if told:
                    return told, "want", True
            continue
        if (
            lemma == "miss"
            and subject.lower_ == "i"
            and verb.dep_ == "ROOT"
            # "I missed you today" is longing too; "I missed the bus" is not
            and (
                verb.tag_ == "VBP"
                or (
                    verb.tag_ == "VBD"
                    and any(c.dep_ == "dobj" and c.lower_ in ("you", "u") for c in children)
                )
            )
        ):
            missed = next(
                (
                    c
                    for c in children
                    # "I miss home", with "home" read as an adverb
                    if (c.dep_ in ("dobj", "ccomp") or c.lower_ == "home") and c.i > verb.i
                ),
                None,
            )
            told = _told_through(subject, missed, 1, 16) if missed is not None else None
            if told:
                return told, lemma, True
            continue
        if (
            subject.lower_ in ("you", "u", "we")
            and verb.pos_ == "VERB"
            and verb.tag_ == "VB"
            and (
                lemma not in _NOT_ASKED
                # "Could you do the school run tomorrow?" asks for a chore ("how could you do
                # this?" does not)
                or (
                    lemma == "do"
                    and any(c.dep_ == "dobj" and c.pos_ == "NOUN" for c in children)
                    and not any(c.tag_ == "WRB" for c in children)
                )
            )
            and any(
                c.dep_ == "aux" and c.lower_ in _ASKING_AUX and c.i < subject.i for c in children
            )
        ):
            # "Could you ring me if you're late?": "you'd like me to ring you if I'm late";
            # "Could we spend Sunday together?": "you'd like us to spend Sunday together"
            told = _told_through(verb, verb, 2, 14)
            if told:
                asked = "us" if subject.lower_ == "we" else "me"
                return f"you'd like {asked} to {told}", "like", True
            continue
        if subject.lower_ != "i":
            continue
        if lemma == "need" and verb.dep_ == "ROOT" and verb.tag_ == "VBP":
            needed = next((c for c in children if c.dep_ == "dobj" and c.i > verb.i), None)
            if needed is not None and needed.pos_ in ("NOUN", "PROPN"):
                # "I need some time alone this weekend": "you need some time alone..."
                told = _told_through(subject, verb, 3, 14)
                if told:
                    return told, lemma, True
                continue
            to_do = _to_do(verb)
            told = _told_through(subject, to_do, 3, 14) if to_do is not None else None
            if told:
                return told, lemma, True  # "I just need to recharge": "you need to recharge"
        if lemma == "think" and verb.dep_ == "ROOT" and verb.tag_ == "VBP":
            # "I think you should apologise to my mum": "you think I should apologise to
            # your mum" (what they think should happen, heard; not agreed with)
            should = next(
                (
                    c
                    for c in children
                    if c.dep_ == "ccomp"
                    and c.i > verb.i
                    and any(a.dep_ == "aux" and a.lower_ == "should" for a in c.children)
                    # (not "we should...": a plan they put forward, heard as one)
                    and any(n.dep_ == "nsubj" and n.lower_ in ("you", "u") for n in c.children)
                ),
                None,
            )
            told = _told_through(subject, should, 5, 16) if should is not None else None
            if told:
                return told, lemma, True
            continue
        # "I think I want to learn the guitar": the wish, with its hedge left out
        hedged = (
            verb.dep_ == "ccomp"
            and verb.head.lemma_.lower() in ("think", "guess", "reckon")
            and verb.head.dep_ == "ROOT"
            and any(c.dep_ == "nsubj" and c.lower_ == "i" for c in verb.head.children)
        )
        if lemma not in _WISHING or (verb.dep_ not in ("ROOT", "conj") and not hedged):
            continue
        if lemma in ("like", "love") and not any(c.lower_ in ("'d", "would") for c in children):
            continue  # "I like it when you..." says what they enjoy, not what they ask
        wished = next(
            (
                c
                for c in children
                if (
                    c.dep_ in ("ccomp", "xcomp")
                    # "I'd love it if you came to my class"
                    or (
                        c.dep_ == "advcl"
                        and any(m.dep_ == "mark" and m.lower_ == "if" for m in c.children)
                    )
                )
                and c.i > verb.i
                and any(s.dep_ == "nsubj" and s.lower_ in ("you", "u", "us") for s in c.children)
            ),
            None,
        )
        told = _told_through(subject, wished, 4, 16) if wished is not None else None
        if told:
            return told, lemma, True
        if lemma == "want" and verb.tag_ == "VBP" and (verb.dep_ == "ROOT" or hedged):
            # "I want to visit my family this Christmas": "you want to visit your family..."
            # (not a wish to end things, which is no plan to call understandable)
            plan = _to_do(verb)
            told = _told_through(subject, plan, 4, 16) if plan is not None else None
            if told:
                return told, lemma, True
    return None


def _on_their_mind(ctx_doc: Doc) -> tuple[str, str, bool] | None:
    """What stays on the partner's mind, told back as `_their_feeling` tells a feeling:
    "I still think about the night you left" gives "you still think about the night I
    left", "I can't stop thinking about the fight" gives "you can't stop thinking about the
    fight". ("I don't think about it" says the opposite; it is left alone.)"""
    for verb in ctx_doc:
        if verb.lemma_.lower() != "think" or verb.pos_ != "VERB":
            continue
        about = next(
            (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("about", "of")),
            None,
        )
        if about is None or about.i < verb.i:
            continue
        if "?" in verb.sent.text:
            continue  # "Can I think about it?" asks for time
        head = verb
        if verb.tag_ == "VBG" and verb.dep_ == "xcomp":
            head = verb.head  # "I keep thinking about...", "I can't stop thinking about..."
            if head.lemma_.lower() not in ("keep", "stop"):
                continue
        elif verb.tag_ == "VBG" and not any(c.lower_ == "been" for c in verb.children):
            continue  # "I'm thinking of getting a bike" is a plan, not something on their mind
        children = list(head.children)
        subject = next((c for c in children if c.dep_ == "nsubj" and c.lower_ == "i"), None)
        # negated only as "can't stop thinking"
        stopping = head.lemma_.lower() == "stop"
        if subject is None or any(c.dep_ == "neg" for c in children) != stopping:
            continue
        # to the end of the clause: "...about the move since Easter"
        told = _told_through(subject, head, 4, 16)
        if told:
            return told, "think", True
    return None


def _what_they_meant(ctx_doc: Doc) -> tuple[str, str, bool] | None:
    """What the partner was trying to do, told back when they explain themself: "I was
    only trying to help with the boxes" gives "you were only trying to help with the
    boxes", "I just wanted to surprise you" gives "you just wanted to surprise me"."""
    for verb in ctx_doc:
        children = list(verb.children)
        subject = next((c for c in children if c.dep_ == "nsubj" and c.lower_ == "i"), None)
        if subject is None or any(c.dep_ == "neg" for c in children):
            continue
        trying = verb.lemma_.lower() == "try" and verb.tag_ == "VBG"
        wanted = verb.lemma_.lower() == "want" and verb.tag_ == "VBD"
        if not (trying or wanted) or _to_do(verb) is None:
            continue
        told = _told_through(subject, verb, 4, 14)
        if told:
            return told, "try", True
    return None


def _to_do(verb: Token) -> Token | None:
    """What they want or need "to" do themself ("I want to see my sister", "I need to
    recharge"), unless it is to end things or to harm."""
    return next(
        (
            c
            for c in verb.children
            if c.dep_ == "xcomp"
            and c.i > verb.i
            and c.pos_ == "VERB"
            and c.lemma_.lower() not in _ENDINGS
            and not any(s.dep_ == "nsubj" for s in c.children)
        ),
        None,
    )


# What a wish "to" do is not told back as understandable: ending things, or harm.
_ENDINGS = frozenset(
    {"leave", "break", "divorce", "end", "quit", "separate", "split", "die", "kill", "hurt", "go"}
)


def _distressed(ctx_doc: Doc) -> bool:
    """Whether the partner's message shows hurt, worry or a complaint in its words."""
    from coach.analyzer import _engine

    lexicons = _engine()[1].lexicons
    feelings = {
        word
        for name in (
            "emotions_hard",
            "emotions_validate",
            "hard_adjectives",
            "feel_verbs",
            "negative_traits",
        )
        for word in lexicons.get(name, [])
    } | {"cry", "scream", "alone", "lonely", "tired", "exhausted", "hate", "sick", "miss", "sorry"}
    blame = set(lexicons.get("blame_verbs", []))
    absolutes = set(lexicons.get("absolutes", []))
    for token in ctx_doc:
        if token.lower_ in feelings or token.lemma_.lower() in feelings:
            return True
        if token.lower_ in absolutes or token.lower_ == "why":
            return True
        subject = any(c.dep_ == "nsubj" and c.lower_ in _SUBJECTS for c in token.children)
        if subject and (
            token.lemma_.lower() in blame or any(c.dep_ == "neg" for c in token.children)
        ):
            return True  # "you forgot...", "you didn't even..."
        mine = any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "i" for c in token.children)
        if mine and (
            token.lemma_.lower() in ("fail", "lose", "reject")
            or (
                token.lemma_.lower() in ("get", "pass")
                and any(c.dep_ == "neg" for c in token.children)
                and any(c.dep_ == "dobj" for c in token.children)
            )
        ):
            return True  # a loss of theirs: "I didn't get the job", "I failed my test"
    return False


# What a partner fears or perceives: "I feel like you...", "I worry you...". Owning it
# ("You're right, I don't want you") would confirm the fear.
_PERCEIVING = frozenset(
    {
        "feel",
        "think",
        "worry",
        "fear",
        "wonder",
        "guess",
        "believe",
        "seem",
        "scared",
        "afraid",
        "terrified",
        "worried",
        "nervous",
        "anxious",
        "scare",
    }
)


# Auxiliaries of what has not happened yet ("you'll leave", "you won't come").
_FUTURE = frozenset({"will", "'ll", "wo", "gonna", "shall"})

# What such a fear doubts: their love itself ("you don't want me", "you'll leave").
_DOUBTED = frozenset(
    {"want", "love", "care", "like", "find", "leave", "cheat", "miss", "need", "see"}
)


# Words a question opens with, when it is written without its "?".
_ASKING = frozenset(
    {
        "why",
        "how",
        "what",
        "when",
        "where",
        "who",
        "do",
        "does",
        "did",
        "can",
        "could",
        "will",
        "would",
        "are",
        "is",
        "have",
        "has",
    }
)


# What a deed did to them ("It hurt when you...", "I felt small when you..."): the deed in
# the "when" clause is the complaint to own. ("It sounds like... when you say" is not.)
_HURT_WHEN = frozenset(
    {"hurt", "sting", "annoy", "bother", "upset", "frustrate", "scare", "embarrass", "hate"}
    | {"feel", "get", "be"}  # "I felt small when...", "I get anxious when...", "I'm sad when..."
)


# Feelings the partner says a deed of the person's caused ("I'm hurt you forgot").
_HURT_BY = frozenset(
    {
        "hurt",
        "upset",
        "sad",
        "angry",
        "mad",
        "annoyed",
        "frustrated",
        "disappointed",
        "embarrassed",
        "gutted",
        "furious",
        "jealous",
        "exhausted",
    }
)


def _owned_complaint(ctx_doc: Doc) -> str | None:
    """The partner's complaint told back in the person's own voice, for owning it:
    "You missed my presentation" becomes "I missed your presentation"."""
    absolutes = {"always", "never", "ever", "constantly"}
    for sent in ctx_doc.sents:
        subj = next(
            (
                t
                for t in sent
                if t.dep_ == "nsubj" and t.lower_ in _SUBJECTS and t.head.pos_ in ("VERB", "AUX")
            ),
            None,
        )
        # "Why didn't you call?" is a complaint about what they didn't do: it can be owned
        why_not = [t.lower_ for t in sent[:3]] in (["why", "did", "n't"], ["why", "didnt"])
        # a texted question has no "?" ("it's 1am where are u")
        asks = "?" in sent.text or any(
            t.tag_ in ("WRB", "WP")
            and t.i + 1 < sent.end
            and t.nbor().pos_ == "AUX"
            and t.nbor().i + 1 < sent.end
            and t.nbor(2).lower_ in _SUBJECTS
            for t in sent
        )
        if subj is None or any(t.lower_ in absolutes for t in sent) or (asks and not why_not):
            continue
        if re.search(r",\s*i (?:know|understand|get it|realise|realize)\W*$", sent.text.lower()):
            continue  # "You've been carrying so much, I know": their load seen, not a charge
        deed = subj.head
        if any(c.lower_ in _FUTURE for c in deed.children):
            continue  # "I'm scared you'll leave": nothing done yet to own
        if deed.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ == "if" for c in deed.children
        ):
            continue  # "I'd love it if you came to my class": a wish, not a deed to own
        if deed.dep_ == "ccomp" and deed.head.lemma_.lower() == "wish":
            continue  # "I wish you'd plan a date": a longing to hear, not a deed to own
        if any(c.dep_ == "mark" and c.lower_ == "for" for c in deed.children):
            continue  # "I'd love for you to be there": a wish, not a deed to own
        if deed.lemma_.lower() in _DOUBTED and any(
            a.lemma_.lower() in _PERCEIVING for a in deed.ancestors
        ):
            continue  # "I feel like you don't want me": a fear to hear, not a deed to own
        tokens = list(sent)
        while tokens and tokens[-1].is_punct:
            tokens.pop()  # "You left the stove on again!!"
        if deed.dep_ == "ccomp" and (
            any(c.dep_ == "mark" and c.lower_ == "that" for c in deed.children)
            # "I'm hurt you didn't tell me": the "that" left out
            or deed.head.lemma_.lower() in _HURT_BY
        ):
            # "I'm frustrated that you left the car on empty": own the deed itself
            # (its own "that" goes; a "before" further in stays: "before you could")
            tokens = [
                t
                for t in deed.subtree
                if not t.is_punct and not (t.dep_ == "mark" and t.head.i == deed.i)
            ]
        elif _when_clause(deed) and (
            deed.head.lemma_.lower() in _HURT_WHEN
            # "I felt dismissed when...", read with "felt" as the passive's auxiliary
            or any(
                c.dep_ in ("aux", "auxpass") and c.lower_ in _FELT_AUX for c in deed.head.children
            )
        ):
            # "It hurt when you left early": the deed is leaving early, not "it hurt"
            tokens = [
                t
                for t in deed.subtree
                if not t.is_punct and not (t.head == deed and t.lower_ in _WHEN)
            ]
        if tokens and tokens[0].lower_ in _ASKING:
            if not why_not or len(tokens) < 4:
                continue  # a question, asked without its "?"
            # "why didn't you call me back" -> "you didn't call me back" -> "I didn't..."
            aux = [t for t in tokens[1:3] if t.dep_ in ("aux", "neg")]
            rest = tokens[1 + len(aux) :]
            if not rest or rest[0] != subj:
                continue
            tokens = [rest[0], *aux, *rest[1:]]
        words = _retold(tokens)
        phrase = _said(words)
        if 2 <= len(words) <= 16:
            # "You forgot, didn't you." is owned as "I forgot", not "I forgot, didn't I"
            return re.sub(r",?\s+\w+n't (I|you|we|they|he|she|it)\s*$", "", phrase) or None
    return None


def _said(words: list[str]) -> str:
    """Words joined as written: "I" + "'m" + "not" -> "I'm not", "did" + "n't" -> "didn't",
    "3" + "am" -> "3am" (the tokenizer splits a time written as one word)."""
    joined = re.sub(r" (?=['’]|n't)", "", " ".join(words))
    return re.sub(r"\b(\d{1,2}) (am|pm)\b", r"\1\2", joined)


# Contracted verbs that only follow a subject ("you'd", "you'll", "you're", "you've").
_SUBJECT_CLITICS = frozenset({"'d", "'ll", "'re", "'ve", "’d", "’ll", "’re", "’ve"})


def _possessive(token: Token) -> bool:
    """Whether `token` is a plural's possessive apostrophe ("the kids' bedtime"), also where
    the tagger took it for a closing quote ("at your parents' again")."""
    if token.tag_ == "POS":
        return True
    before = token.doc[token.i - 1] if token.i > 0 else None
    return (
        token.text in ("'", "’")
        and before is not None
        and not before.whitespace_
        and before.lower_.endswith("s")
        and before.pos_ in ("NOUN", "PROPN")
        # (not the end of a quotation opened before it: "and I said 'fine, thanks'")
        and not any(
            t.text in ("'", "‘") and not t.whitespace_ and (t.i == 0 or t.nbor(-1).whitespace_)
            for t in token.doc[: before.i]
        )
    )


def _retold(tokens: list[Token]) -> list[str]:
    """The partner's words in the person's voice: "I", "me" and "my" become "you", "you"
    and "your" and back, with the verb "to be" agreeing ("you're late" -> "I'm late")."""
    words: list[str] = []
    flipped_to: str | None = None  # the person the last subject became, for its verb
    for token in tokens:
        low = token.lower_
        if (
            low in ("even", "just", "literally")
            and token.dep_ == "advmod"
            # "just the two of us" says who, not how plainly
            and token.head.pos_ not in ("NUM", "PRON", "NOUN", "PROPN")
            # nor is "just as much" ("as much" would change it), nor "not just at dinner"
            and not (token.i + 1 < len(token.doc) and token.nbor().lower_ == "as")
            and not (low == "just" and token.i > 0 and token.nbor(-1).lower_ in ("not", "n't"))
        ):
            continue  # owning it plainly: "I didn't call", not "I didn't even call"
        if token.is_quote and not _possessive(token):
            continue  # "and I said 'cool'": quotation marks, not the girls' trip's
        after, flipped_to = flipped_to, None
        nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        if low in ("you", "u") and nxt is not None and nxt.lower_ == "to":
            words.append("me")  # "I need you to call" -> "you need me to call"
        elif (
            low in ("you", "u")
            and token.dep_ in ("nsubj", "nsubjpass")
            and nxt is not None
            and nxt.lower_ in ("all", "both")
        ):
            # "when you all went for drinks": the person with the others, "we all" (the
            # verb after it is plural either way)
            words.append("we")
        elif low in ("you", "u") and (
            token.dep_ in ("nsubj", "nsubjpass")
            # "you said you'd hoover", with "you" misread as an object: "I'd", not "me'd"
            or (nxt is not None and nxt.lower_ in _SUBJECT_CLITICS)
        ):
            words.append("I")
            flipped_to = "first"
        elif low == "i" and token.dep_ in ("nsubj", "nsubjpass"):
            words.append("you")
            flipped_to = "second"
        elif low == "me":
            words.append("you")
        elif low in ("you", "u") and token.dep_ in ("dobj", "pobj", "dative"):
            # "I miss you all" -> "you miss us all"
            words.append("us" if nxt is not None and nxt.lower_ in ("all", "both") else "me")
        elif low in _POSSESSIVE_FLIP:
            words.append(_POSSESSIVE_FLIP[low])
        elif after == "first" and low in _BE_TO_FIRST:
            words.append(_BE_TO_FIRST[low])
        elif after == "second" and low in _BE_TO_SECOND:
            words.append(_BE_TO_SECOND[low])
        else:
            # names, and short capitals on a noun ("the car's MOT", "the TV") as written
            acronym = token.pos_ == "NOUN" and token.text.isupper() and 1 < len(token.text) < 5
            # a capital inside the sentence is meant ("take Tuesdays", "Grandma's house")
            titled = (
                token.text[:1].isupper()
                and not token.text.isupper()  # "TikTok" as written; a shouted "NEVER" not
                and token.i != token.sent.start
            )
            words.append(token.text if token.pos_ == "PROPN" or acronym or titled else low)
    return words


_IRREGULAR_PAST = {
    "be": "were",
    "have": "had",
    "do": "did",
    "go": "went",
    "say": "said",
    "tell": "told",
    "make": "made",
    "take": "took",
    "get": "got",
    "give": "gave",
    "come": "came",
    "see": "saw",
    "know": "knew",
    "think": "thought",
    "buy": "bought",
    "bring": "brought",
    "leave": "left",
    "pay": "paid",
    "spend": "spent",
    "send": "sent",
    "lend": "lent",
    "lose": "lost",
    "forget": "forgot",
    "break": "broke",
    "eat": "ate",
    "drink": "drank",
    "drive": "drove",
    "ride": "rode",
    "write": "wrote",
    "speak": "spoke",
    "sell": "sold",
    "put": "put",
    "let": "let",
    "set": "set",
    "cut": "cut",
    "hit": "hit",
    "shut": "shut",
    "quit": "quit",
    "read": "read",
    "hang": "hung",
    "hide": "hid",
    "keep": "kept",
    "sleep": "slept",
    "feel": "felt",
    "meet": "met",
    "run": "ran",
    "sit": "sat",
    "stand": "stood",
    "throw": "threw",
    "wake": "woke",
    "wear": "wore",
    "win": "won",
    "choose": "chose",
    "begin": "began",
    "blow": "blew",
    "catch": "caught",
    "teach": "taught",
    "find": "found",
    "hear": "heard",
    "hold": "held",
    "mean": "meant",
    "ring": "rang",
    "sing": "sang",
    "steal": "stole",
    "swear": "swore",
    "tear": "tore",
    "understand": "understood",
    "fall": "fell",
    "fly": "flew",
    "grow": "grew",
    "show": "showed",
}


def _past_tense(verb: str) -> str:
    """A verb's simple past ("tell" -> "told", "invite" -> "invited", "plan" -> "planned")."""
    if verb in _IRREGULAR_PAST:
        return _IRREGULAR_PAST[verb]
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and len(verb) > 2 and verb[-2] not in "aeiou":
        return verb[:-1] + "ied"
    if _gerund(verb) == verb + verb[-1] + "ing":
        return verb + verb[-1] + "ed"  # "plan" -> "planned", "admit" -> "admitted"
    return verb + "ed"


def _gerund(verb: str) -> str:
    irregular = {
        "be": "being",
        "see": "seeing",
        "lie": "lying",
        "die": "dying",
        "tie": "tying",
        # the stress falls on the last syllable, so its consonant doubles
        "forget": "forgetting",
        "regret": "regretting",
        "admit": "admitting",
        "commit": "committing",
        "omit": "omitting",
        "permit": "permitting",
        "prefer": "preferring",
        "refer": "referring",
        "occur": "occurring",
        "begin": "beginning",
        "control": "controlling",
        "upset": "upsetting",
        "quit": "quitting",
    }
    if verb in irregular:
        return irregular[verb]
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
        return verb[:-1] + "ing"
    if (
        len(verb) >= 3
        and verb[-1] not in "aeiouwxy"
        and verb[-2] in "aeiou"
        and verb[-3] not in "aeiou"
        and len(re.findall(r"[aeiou]+", verb)) == 1  # one syllable: "nag", "shop", not "open"
    ):
        return verb + verb[-1] + "ing"
    return verb + "ing"


# Verbs that ask for nothing without an object ("See if I care", "Watch", "Guess").
_ASKS_NOTHING_BARE = frozenset({"see", "watch", "guess", "imagine", "try", "think", "care"})


# As advice (offered as a question), giving something up is a fix like any other: "Would
# it help to stop booking dinners with him?"; as a request, "Could you stop...?" is a charge.
_ADVICE_VERBS = frozenset({"stop", "quit"})


def _about_something_else(verb: Token) -> bool:
    """What "stop" or "quit" would give up is a habit with someone or something else in
    it ("stop booking dinners with him", "stop checking it"), not the way they are with the
    person ("stop starting fights", "stop taking everything so personally")."""
    done = [t for c in verb.children if c.dep_ in ("xcomp", "dobj", "ccomp") for t in c.subtree]
    return (
        bool(done)
        and any(t.lower_ in ("her", "him", "them", "it") or t.pos_ == "PROPN" for t in done)
        and not any(
            t.lower_ in ("me", "us", "everything", "everyone", "fights", "fight", "so")
            for t in done
        )
    )


# Swearing for emphasis, never carried into what is asked for.
_SWEARS = frozenset(
    {
        "bloody",
        "damn",
        "damned",
        "fucking",
        "fuckin",
        "freaking",
        "freakin",
        "frickin",
        "frigging",
        "effing",
        "goddamn",
        "sodding",
        "flipping",
        "bleeding",
        "flaming",
        "stinking",
    }
)


def _verb_phrase(
    verb: Token, advice: bool = False, second: bool = False, why_not: bool = False
) -> tuple[str, str] | None:
    """A request's verb phrase in base form and as a gerund ("do the dishes", "doing ...");
    with `why_not`, of a "why don't you...?" (whose "not" is the question's, not the verb's)."""
    lemma = verb.lemma_.lower()
    barred = (
        lemma in _NO_REQUEST_VERBS
        and not second
        and not (
            advice
            and lemma in _ADVICE_VERBS
            and (
                _about_something_else(verb)
                # "then quit" after their trouble at work: giving the job up, offered
                or (
                    lemma == "quit"
                    and not any(
                        c.dep_ in ("xcomp", "dobj", "ccomp", "prep", "prt") and c.pos_ != "INTJ"
                        for c in verb.children
                    )
                )
            )
        )
    )
    if (
        barred
        or any(
            c.dep_ == "neg"
            and not (why_not and c.i < verb.i)
            # "go to bed, not a big deal": a "not" after a comma starts a new thought
            and not any(t.lower_ in (",", ";") for t in verb.doc[verb.i + 1 : c.i])
            for c in verb.children
        )
    ):
        return None
    # How often, in advice, is the jab ("stop texting her every ten minutes"), not the fix.
    often = (
        {
            t.i
            for c in verb.subtree
            # "every five minutes", "all the time"; "a little every day" is the plan itself
            if (c.lemma_.lower() in _TIME_UNITS or c.lower_ == "time")
            and c.dep_ in ("npadvmod", "dobj")
            and (
                (
                    any(d.lower_ in ("every", "each") for d in c.children)
                    and any(d.like_num for d in c.children)
                )
                or any(d.lower_ == "all" for d in c.children)
            )
            for t in c.subtree
        }
        if advice
        else set()
    )
    rest: list[str] = []
    glued = False  # the last word ended in a hyphen inside a word ("a five-year plan")
    # a clause hung on the verb ends the phrase where it begins, not at its own verb:
    # "take your shoes off when you're inside" is not "take your shoes off when you"
    clauses = {
        t.i
        for c in verb.children
        if c.dep_ in ("advcl", "conj") and c.i > verb.i
        for t in c.subtree
    }
    for token in verb.subtree:
        if token.i <= verb.i or token.i in often:
            continue
        if token.i in clauses:
            break
        if (
            token.text == "-"
            and rest
            and not token.whitespace_
            and not token.doc[token.i - 1].whitespace_
        ):
            rest[-1] += "-"
            glued = True
            continue
        if token.dep_ in ("advcl", "conj", "cc", "punct", "mark") or token.is_punct:
            break
        if token.lower_ in ("instead", "rather"):
            break  # "... instead of sulking all week" is the charge, not the request
        if token.lower_ in ("just", "already", "ever", "seriously", "literally", "please", "again"):
            continue
        if token.lower_ in _SWEARS:
            continue  # "put your bloody phone down" asks for the phone down, not the swear
        word = token.text if token.pos_ == "PROPN" else token.lower_
        if glued:
            rest[-1] += word
            glued = False
        else:
            rest.append(word)
    if len(rest) > 8 or (not rest and lemma in _ASKS_NOTHING_BARE):
        return None  # "See if I care", "Try me": no "Could you see?"
    if rest and rest[-1] in _QUESTION_WORDS and len(rest) == 1:
        return None  # "decide what?": their word echoed back in disbelief
    tail = (" " + " ".join(rest)) if rest else ""
    phrase = f"{lemma}{tail}".lower()
    if phrase.endswith(" yourself") or _config().not_request_pattern.search(phrase):
        return None  # "walk him yourself", "drop it", "toughen up": a retort, not a request
    tail = re.sub(r" for once\b| for a change\b| like I asked\b| already\b", "", tail)
    # "stop inviting him then tbh": no sign-off
    tail = re.sub(r"(?: then| lol| lmao| to be honest| honestly| tbh)+$", "", tail)
    # "buy earplugs like a normal person": the jab is no part of the fix; nor is what
    # follows a texted "n" ("google a template n stop overthinking it")
    tail = re.sub(r" like (?:a normal|an? adult|a grown|everyone|everybody|normal)\b.*$", "", tail)
    tail = re.sub(r" n .*$", "", tail)
    # the deadline is the pressure: "decide now" is asked as "decide"
    tail = re.sub(r" (?:right )?now$| immediately$| today$| tonight$| this week$", "", tail)
    base, gerund = f"{lemma}{tail}", f"{_gerund(lemma)}{tail}"
    also = next(
        (
            c
            for c in verb.children
            if advice
            and c.dep_ == "conj"
            and c.tag_ == "VB"
            and c.lemma_.lower() not in _NOT_ADDED
            and not any(d.dep_ == "nsubj" for d in c.children)
            and any(d.dep_ == "cc" and d.lower_ == "and" for d in verb.children)
        ),
        None,
    )
    if also is not None:
        # "take some medicine and go to bed": the fix is both
        more = _verb_phrase(also, advice, second=True)
        if more is not None and not {"me", "us"} & set(more[0].split()):
            base, gerund = f"{base} and {more[0]}", f"{gerund} and {more[1]}"
    return base, gerund


# Verbs not added to advice as its second half ("call her and leave me out of it"; "take a
# pill and stop moping" is the jab about them again): those asked for nothing, but for
# "go to bed", "get some sleep" and "have a bath".
_NOT_ADDED = frozenset(_NO_REQUEST_VERBS - {"go", "get", "have"})


_NOT_REQUESTS = frozenset(
    {"come on", "look", "listen", "relax", "whatever", "wait", "hold on", "excuse me", "pardon me"}
    # "Got it.", "Noted.": a sulk read as an order
    | {"got", "noted", "understood"}
    # "bruh u trippin": a word of address read as an order
    | {"bruh", "bro", "bruv", "fam"}
    # "nah, not doing that": a refusal read as an order
    | {"nope", "nah"}
)


def _counterfactual(verb: Token) -> bool:
    """ "You should have thought", "you could've asked": what they did not do, told as a
    reproach; not a request, and not a charge to retell."""
    auxes = [c.lower_ for c in verb.children if c.dep_ == "aux"]
    return any(a in ("have", "'ve", "of") for a in auxes) and any(
        a in ("should", "could", "would", "might", "must") for a in auxes
    )


def _reassured(verb: Token) -> bool:
    """ "You'll forget about it by lunch", "you'll get over it": a promise that it will
    pass (dismissive, but no charge of anything done)."""
    return (
        any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "ll") for c in verb.children)
        and verb.lemma_.lower() in ("forget", "get")
        and any(
            o.lower_ in ("it", "that", "this")
            for p in verb.children
            if p.dep_ == "prep" and p.lower_ in ("about", "over")
            for o in p.children
        )
    )


_LEADS = ("just", "please", "so", "ok", "okay", "then")
_SOFTENERS = ("maybe", "perhaps")


def _command(sent: Span, softened: bool = False) -> Token | None:
    """The bare imperative a sentence opens with, after "just", "so", "then" and the like
    ("So get a hobby", "Just call her"), and with `softened` after "maybe" or "perhaps"
    too ("Maybe ring your sister"); "come on", "look", "listen" ask for nothing, and
    neither do a threat or a mocking offer (`_not_asked`)."""
    first = _bare_command(sent, softened)
    return None if first is None or _not_asked(first) else first


def _bare_command(sent: Span, softened: bool = False) -> Token | None:
    """The imperative a sentence opens with, whatever it asks (see `_command`)."""
    words = [t for t in sent if not t.is_punct]
    leads = _LEADS + _SOFTENERS if softened else _LEADS
    while words and words[0].lower_ in leads:
        words = words[1:]
    if not words:
        return None
    first = words[0]
    if first.lower_ in _NOT_REQUESTS or " ".join(w.lower_ for w in words[:2]) in _NOT_REQUESTS:
        return None
    if first.tag_ != "VB" or any(c.dep_ == "nsubj" for c in first.children):
        return None
    if _judgement(first):
        return None  # "so careless honestly": a verdict the tagger read as an order
    if len(words) == 2 and words[1].lower_ in _QUESTION_WORDS:
        return None  # "decide what?": their word echoed back in disbelief
    if first.lower_ == "pass" and len(words) == 1:
        return None  # "...concert tickets. pass": turning it down, not asking them to pass
    return first


def _judgement(word: Token) -> bool:
    """Whether a word the tagger read as a verb is a verdict on them ("careless",
    "useless", "pathetic")."""
    low = word.lower_
    return low in _lexicon("negative_traits") or (
        low.endswith(("less", "ful", "ous")) and low not in ("bless", "unless")
    )


# What an ultimatum offers instead ("Book it or forget it", "...or don't bother").
_OR_ELSE = frozenset({"quit", "forget", "leave", "go", "bother"})


def _not_asked(first: Token) -> bool:
    """Whether the imperative `first` asks nothing of them: an offer in mockery ("Want me
    to whisper too?"), what follows if they go on ("Keep nagging and I'll go out"), or an
    ultimatum ("Sign up or quit", "Decide tonight or don't bother"), a question that only
    recalls ("Remember the rowing machine?"), or the matter handed back ("...however you
    like")."""
    said = " ".join(t.lower_ for t in first.sent if not t.is_punct and t.i >= first.i)
    if first.lower_ in ("remember", "imagine") and first.sent.text.rstrip().endswith("?"):
        return True  # "Remember the rowing machine?": a jab at what they dropped
    if re.search(r"\b(however|whatever) (you|u) (want|like|please)\b", said):
        return True  # "sort the garage however you like": the matter handed back to them
    return bool(_OFFERED.match(said)) or any(
        c.dep_ == "conj"
        and (
            (
                any(n.dep_ == "nsubj" and n.lower_ in ("i", "we") for n in c.children)
                and any(a.lower_ in ("'ll", "will", "wo", "am", "'m") for a in c.children)
            )
            or (
                any(o.dep_ == "cc" and o.lower_ == "or" for o in first.children)
                and (c.lemma_.lower() in _OR_ELSE or any(n.dep_ == "neg" for n in c.children))
            )
        )
        for c in first.children
    )


# Where the parser hangs an order that opens a sentence: as its root, or under what follows
# ("Just take a nap, you'll be fine": "take" under "be").
_ORDER_DEPS = ("ROOT", "advcl", "ccomp", "conj")


def _told_to(doc: Doc) -> set[str]:
    """The words of what the reply tells them to do, sneer or not ("So get a hobby",
    "Then stop leaving them in the sink"): a sentence led by a bare imperative."""
    words: set[str] = set()
    for sent in doc.sents:
        # an order whether or not it asks anything ("Keep nagging and I'll go to Sam's":
        # the threat and where it leads are no topic either), softened or not ("maybe
        # join a choir")
        first = _bare_command(sent, softened=True)
        if first is not None and first.dep_ in _ORDER_DEPS:
            words |= {t.lower_ for t in first.subtree}
        elif _misread_order(sent):
            words |= {t.lower_ for t in sent}  # "Change gyms then lol"
        else:
            # "don't waste tears on it": told not to, which is telling all the same
            spoken = [t for t in sent if not t.is_punct and t.lower_ not in _LEADS]
            if (
                len(spoken) > 2
                and spoken[0].lower_ == "do"
                and spoken[1].lower_ in ("n't", "not")
                and spoken[2].tag_ == "VB"
                and spoken[2].dep_ == "ROOT"
            ):
                # what not to do, not what it is about ("don't nag me about my sister's visit")
                words |= {spoken[2].lower_} | {
                    t.lower_ for c in spoken[2].children if c.dep_ == "dobj" for t in c.subtree
                }
    # and advice put as what they should do ("You should see a doctor then")
    for token in doc:
        verb = _prescribed(token, _ADVISING)
        if verb is not None:
            words |= {t.lower_ for t in verb.subtree if t.i > token.i}
        elif _suggested(token):
            words |= {t.lower_ for t in token.subtree if t.i > token.i}
    return words


def _suggested(verb: Token) -> bool:
    """Whether `verb` is advice put as a question: "Have you tried the app?", "Did you
    try stretching?", "Why don't you ask your manager?"."""
    children = list(verb.children)
    tried = verb.lemma_.lower() == "try" and any(
        c.dep_ == "aux" and c.lower_ in ("have", "did", "'ve") for c in children
    )
    why_not = any(c.lower_ == "why" for c in children) and any(c.dep_ == "neg" for c in children)
    return (
        (tried or why_not)
        and any(c.dep_ == "nsubj" and c.lower_ in _SUBJECTS for c in children)
        and verb.sent.text.rstrip().endswith("?")
    )


# The modals of advice ("you should see a doctor", "you could ask her") and of a request.
_ADVISING = frozenset({"should", "shoulda", "could", "ought"})
_REQUIRING = frozenset({"should", "must", "need", "have"})


def _cleft_be(token: Token) -> Token | None:
    """The "is" of "what you (need to) do is ...", when `token` is that clause's "do"."""
    node = token
    while node.dep_ == "xcomp" and node.head.i != node.i:
        node = node.head
    return node.head if node.dep_ == "csubj" and node.head.lemma_ == "be" else None


def _cleft_do(token: Token) -> bool:
    """Whether `token` is the "do" of "what you (need to) do is ..." (a pseudo-cleft)."""
    return (
        token.lemma_.lower() == "do"
        and any(c.dep_ == "dobj" and c.tag_ == "WP" for c in token.children)
        and _cleft_be(token) is not None
    )


def _prescribed(token: Token, modals: frozenset[str]) -> Token | None:
    """The verb of what "you" are told to do, at its modal (one of `modals`: "you should
    call her") or its "need"/"have" ("you need to call her"): "call". The subject is the
    modal's verb's, or the verb's own; not that of the clause it hangs from ("I have to
    work, you don't")."""
    target: Token | None
    if token.tag_ == "MD":
        if token.lemma_ not in modals and token.lower_ not in modals:
            return None
        holder = target = token.head
    elif token.lemma_ in ("need", "have"):
        if token.tag_ == "VBD":
            return None  # "since you had to re-check the tickets": what was, not a request
        holder = token
        target = next((c for c in token.children if c.dep_ == "xcomp"), None)
    else:
        return None
    if target is None or target.pos_ != "VERB":
        return None
    if not any(c.dep_ == "nsubj" and c.lower_ in _SUBJECTS for c in holder.children):
        return None
    return target


def _request(
    doc: Doc, advice: bool = False, mock_alarms: tuple[str, ...] = ()
) -> tuple[str, str] | None:
    """The concrete thing the reply asks for: an imperative, or "you need to / should X";
    with `advice`, the fix it offers (which may be to give something up). A sentence with
    one of `mock_alarms` ("Hold the front page, ...") mocks all through and asks nothing."""
    mocking = _mocked(doc, mock_alarms)
    for sent in doc.sents:
        if sent.start in mocking:
            continue
        if not advice and re.search(r"\bor something\b", sent.text.lower()):
            continue  # "Get a dog or something": a fix tossed off, never asked for
        first = _command(sent, softened=advice)
        if first is not None and first.pos_ == "VERB" and first.dep_ in _ORDER_DEPS:
            phrase = _verb_phrase(first, advice)
            if phrase:
                return phrase
        if advice and first is None:
            misread = _misread_order(sent)
            if misread:
                return misread
    if advice:
        # "Have you tried keeping a diary?": the fix, offered ("Would it help to keep...")
        for token in doc:
            if token.sent.start in mocking or not _suggested(token):
                continue
            gerund = next(
                (c for c in token.children if c.dep_ == "xcomp" and c.tag_ == "VBG"), None
            )
            phrase = _verb_phrase(gerund or token, advice, why_not=gerund is None)
            if phrase:
                return phrase
    for token in doc:
        if "?" in token.sent.text:
            continue  # "why do you have to make a scene?" is a charge, not a request
        if token.sent.start in mocking:
            continue
        target = _prescribed(token, _REQUIRING)
        be = _cleft_be(target) if target is not None and _cleft_do(target) else None
        if be is not None:
            # "what you need to do is call her": what to do is the verb after "is" (none
            # when the parser read it as a name: "what you do is book a table")
            target = next((c for c in be.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        if target is not None and not _counterfactual(target):
            phrase = _verb_phrase(target, advice)
            if phrase:
                return phrase
    return None


def _misread_order(sent: Span) -> tuple[str, str] | None:
    """A short order the parser read as a name or an adjective ("Book physio.", "Change
    gyms then lol"): the sentence itself, when it opens with a verb of advice and nothing in
    it has a subject."""
    words = [t for t in sent if not t.is_punct and not _EMOJI.search(t.text)]
    while words and words[0].lower_ in _LEADS:
        words = words[1:]
    while words and (words[-1].lower_ in _CLOSERS or words[-1].lower_ in ("then", "done")):
        words = words[:-1]
    if not 2 <= len(words) <= 5 or words[0].tag_ == "VB":
        return None
    if len(words) == 2 and words[1].lower_ in _QUESTION_WORDS:
        return None  # "Book what?": their word echoed back in disbelief
    if words[0].lower_ not in _lexicon("advice_verbs") or any(
        c.dep_ in ("nsubj", "nsubjpass") and c.i in {w.i for w in words}
        for t in words
        for c in t.children
    ):
        return None  # "Call me when you land" is read right; "Text he said" has a subject
    verb = words[0].lower_
    rest = " ".join(t.text for t in words[1:])
    return f"{verb} {rest}", f"{_gerund(verb)} {rest}"


# Verbs of the person's own guessing: "I assumed you loved it" reports a guess.
_GUESSING = frozenset(
    {"think", "assume", "guess", "figure", "suppose", "believe", "reckon", "imagine", "expect"}
)
# What someone is said to "make" of a thing when it is called a fuss over nothing.
_MADE_MUCH_OF = frozenset(
    {"case", "deal", "fuss", "drama", "scene", "song", "production", "thing", "issue"}
)
_PRESCRIBING = frozenset({"can", "could", "should", "must", "would", "might", "may", "ca"})
# The auxiliaries of a "why" asked about a deed ("Why do you...", "Why can't you...",
# "Why would you...").
_ASKED_AUX = frozenset({"do", "does", "did", "can", "ca", "would", "will", "wo"})
# States a complaint may name that anyone could see ("you're always late").
_OBSERVABLE_STATES = frozenset({"late", "away", "asleep"})
# Words for being worn down by a habit of theirs ("sick of you leaving...").
_WORN_DOWN = frozenset({"sick", "tired", "fed", "bored"})


def _implied_deed(clause: list[Token]) -> Token | None:
    """The verb of a deed told without "you" as its subject: in an order to stop it ("Stop
    leaving your boots by the door", "Quit scrolling") or in the person's weariness of it
    ("I'm sick of you gaming till two", "fed up with you cancelling")."""
    for token in clause:
        if (
            token.lemma_.lower() in ("stop", "quit")
            and token.tag_ == "VB"
            # (or read as hung on the verdict after it: "Stop leaving..., it's disgusting")
            and (token.dep_ == "ROOT" or (token.dep_ == "advcl" and token.i == token.sent.start))
            and not any(c.dep_ in ("nsubj", "aux", "neg") for c in token.children)
        ):
            return next((c for c in token.children if c.dep_ == "xcomp" and c.tag_ == "VBG"), None)
        if (
            token.tag_ == "VBG"
            and token.dep_ == "ROOT"
            and token.i > 0
            and token.nbor(-1).lower_ in ("stop", "quit")
            and token.nbor(-1).dep_ == "nsubj"
        ):
            return token  # "Quit scrolling...": the parser read the order as a name
        if (
            token.tag_ == "VBG"
            and token.pos_ == "VERB"
            and token.i > 0
            and token.nbor(-1).lower_ in _SUBJECTS
            # "of you" + doing, or "of" + "you doing" (the parser reads it either way)
            and (prep := token.head if token.dep_ == "pcomp" else token.nbor(-1).head).lower_
            in ("of", "with")
            and prep.head.lower_ in _WORN_DOWN
        ):
            return token
    return None


_TIME_MARKS = frozenset({"when", "while", "before", "after", "whenever"})


_OPENERS = frozenset({"oh", "ohh", "ooh", "gee", "wow"})


def _after_opener(ex: Extraction) -> set[int]:
    """Tokens after a sarcastic opener ("Oh great, the bins are overflowing again"): the
    sneer is the opener; what follows it is still what a matter raised is about, and a
    deed of theirs told there is still an observation."""
    out: set[int] = set()
    for sent in ex.doc.sents:
        words = [t for t in sent if not t.is_space]
        if len(words) < 4 or words[0].lower_ not in _OPENERS:
            continue
        comma = next((t for t in words[1:4] if t.is_punct), None)
        if comma is not None:
            out |= {t.i for t in words if t.i > comma.i}
    return out


_PRAISE_WORDS = frozenset(
    {"surprise", "job", "work", "one", "effort", "timing", "stuff", "move", "thanks", "idea"}
    | {"really", "so", "very", "such", "a", "an", "what", "how", "just", "truly", "real"}
)


def _praise_only(sent: Span) -> bool:
    """A sentence of praise words and no verb ("Brilliant.", "Lovely surprise.")."""
    words = [t for t in sent if t.is_alpha]
    if not words or len(words) > 4 or any(t.pos_ in ("VERB", "AUX") for t in words):
        return False
    praise = _PRAISE_WORDS | _lexicon("sarcastic_openers")
    return all(t.lower_ in praise for t in words)


def _named_alone(it: Token) -> Token | None:
    """The thing named on its own just before the sentence of `it`, when that sentence
    names nothing before it ("The car? You drive it like a maniac" -> "car")."""
    sent = it.sent
    if sent.start == 0 or any(t.pos_ in ("NOUN", "PROPN") for t in it.doc[sent.start : it.i]):
        return None
    words = [t for t in it.doc[sent.start - 1].sent if not t.is_punct]
    if not 1 <= len(words) <= 3 or any(t.pos_ not in ("DET", "NOUN", "ADJ") for t in words):
        return None
    thing = words[-1]
    return thing if thing.pos_ == "NOUN" and thing.dep_ == "ROOT" else None


def _antecedent(it: Token, config: _Config, skip: set[int]) -> str | None:
    """What a pronoun stands for, when the last thing its sentence names before it is a
    subject that fits it: "it" a thing ("the garden looks like crap because you never mow
    it" -> "the garden"), "them" things or people ("the plants are dead because you never
    water them"), "him" and "her" a relative or a pet ("your mum rang and you ignored
    her"); otherwise None ("my bike has a flat tyre because you borrowed it" is left as it
    is)."""
    pronoun = it.lower_
    alone = _named_alone(it) if pronoun == "it" else None
    nouns = [
        t
        for t in it.sent
        if t.i < it.i
        and t.pos_ in ("NOUN", "PROPN")
        and t.i not in skip
        and t.lower_ not in config.topic_stopwords
        and t.lower_ not in config.verdicts
        and t.dep_ not in ("compound", "attr")  # "the car is a mess": what it is called
    ]
    person = pronoun in config.referents
    if person:
        # the one relative or pet named before it ("my brother asked for help and you
        # laughed at him"), whatever else is named
        nouns = [t for t in nouns if t.lower_ in config.referents[pronoun]]
        if len(nouns) != 1:
            return None
    elif pronoun == "them":
        # the things or people named before it ("the kids were up till midnight because you
        # let them game"), whatever else is named
        nouns = [t for t in nouns if t.tag_ in ("NNS", "NNPS")]
    if alone is not None:
        nouns = [alone]
    elif not nouns or nouns[-1].dep_ not in ("nsubj", "nsubjpass") or len(nouns) > 2:
        return None
    thing = nouns[-1]
    if thing.pos_ == "PROPN" or thing.lemma_.lower() in config.generic_nouns:
        return None
    plural = thing.tag_ in ("NNS", "NNPS")
    if (pronoun == "them") != plural:
        return None
    owner = next((c for c in thing.children if c.dep_ in ("poss", "det")), None)
    # a relative is theirs or the person's ("your mum"), and bare "mum" stays bare
    leads = ("my", "our", "the", "your") if person or pronoun == "them" else ("my", "our", "the")
    if owner is not None and owner.lower_ in leads:
        lead = [owner.lower_]
    else:
        lead = (
            [] if person and owner is None and thing.lower_ in config.kinds_of_people else ["the"]
        )
    compounds = [c.lower_ for c in thing.children if c.dep_ == "compound" and c.i < thing.i]
    return " ".join([*lead, *compounds, thing.lower_])


_WEEKDAYS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)
_COMING = frozenset({"tomorrow", "tonight"})


def _their_when(ctx_doc: Doc) -> str | None:
    """The one day or time the partner's message puts their matter on ("moved to
    Thursday" -> "on Thursday", "next month", "tomorrow"), or None if it names none or
    several."""
    found: list[str] = []
    for t in ctx_doc:
        low = t.lower_
        if "?" in t.sent.text:
            continue  # "can we talk tonight?": the time of what they ask, not of their matter
        before = ctx_doc[t.i - 1].lower_ if t.i > 0 else ""
        if low in _WEEKDAYS:
            day = low.capitalize()
            if before in ("this", "next", "last", "by"):
                found.append(f"{before} {day}")
            else:
                found.append(f"on {day}")
        elif low in _COMING and t.dep_ == "npadvmod":
            found.append(low)
        elif low in ("week", "month", "year", "weekend") and before in ("next", "this"):
            found.append(f"{before} {low}")
    distinct = list(dict.fromkeys(found))
    return distinct[0] if len(distinct) == 1 else None


def _with_when(felt: str, ctx_doc: Doc | None) -> str:
    """A feeling about their matter, told with the day they put it on ("you're scared
    about your mum's surgery on Thursday"): the detail shows it was heard."""
    if ctx_doc is None or not re.search(r" (?:about|with|for) ", felt):
        return felt
    when = _their_when(ctx_doc)
    if when is None or when.split()[-1].lower() in felt.lower():
        return felt
    return f"{felt} {when}"


_MOVING_ON = frozenset({"anyway", "anyways", "anyhow", "btw"})


def _moved_on(doc: Doc) -> set[int]:
    """The words after "anyway", "btw" or "by the way" in their sentence: a change of
    subject from what the partner said ("Nice. Anyway, have you seen my keys?"), whose
    things are not what the partner is going through."""
    out: set[int] = set()
    for t in doc:
        by_the_way = (
            t.lower_ == "by"
            and t.i + 2 < len(doc)
            and doc[t.i + 1].lower_ == "the"
            and doc[t.i + 2].lower_ == "way"
        )
        if t.lower_ in _MOVING_ON or by_the_way:
            out |= {x.i for x in t.sent if x.i >= t.i}
    return out


def _for_once(doc: Doc) -> set[int]:
    """The tokens of "for once" and "for a change", the jab of how rarely it is done."""
    out: set[int] = set()
    for t in doc:
        if t.lower_ != "for" or t.i + 1 >= len(doc):
            continue
        if doc[t.i + 1].lower_ == "once":
            out |= {t.i, t.i + 1}
        elif t.i + 2 < len(doc) and doc[t.i + 1].lower_ == "a" and doc[t.i + 2].lower_ == "change":
            out |= {t.i, t.i + 1, t.i + 2}
    return out


def _without_fail(doc: Doc) -> set[int]:
    """The tokens of "without fail", an "always" said another way (no topic, no deed)."""
    return {
        i
        for t in doc
        if t.lower_ == "without" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "fail"
        for i in (t.i, t.i + 1)
    }


def _in_front_of(token: Token) -> bool:
    """Whether a word is where it happened, "in front of everyone", not a sweep."""
    doc = token.doc
    return token.i >= 2 and doc[token.i - 1].lower_ == "of" and doc[token.i - 2].lower_ == "front"


def _opens(token: Token) -> bool:
    """Whether `token` opens its sentence, after any interjection ("ugh why did you...")."""
    return all(t.is_punct or t.pos_ == "INTJ" for t in token.sent if t.i < token.i)


def _observation(
    doc: Doc, config: _Config, skip: set[int], *, raising: bool = False
) -> tuple[str, bool] | None:
    """What the partner did, in the person's own words and without the verdict, for an
    I-statement's "When ...": "you always shot down my ideas" gives "you shot down my
    ideas", "you never phone me" gives "you don't phone me". Judgements ("you're so rude"),
    mind-reading ("you know...") and prescriptions ("you could have...") give nothing.
    The flag says whether it happened in the past."""
    absolutes = {
        "always",
        "constantly",
        "ever",
        "continually",
        "either",
        "too",
        "anyway",
        "anymore",
        "though",
        "tho",
    }
    rarely = _for_once(doc)  # "for once", "for a change": the jab, not the deed
    steady = _without_fail(doc)  # "without fail": an "always", left out like one
    for clause in (c for sent in doc.sents for c in _clauses(sent, at_so=True)):
        if _ultimatum(clause):
            continue  # "decide by Friday or I'm deciding for us": the pressure, no deed
        inside = {t.i for t in clause}
        verb = next(
            (
                t
                for t in clause
                if t.pos_ in ("VERB", "AUX")
                and t.dep_ in ("ROOT", "advcl", "ccomp", "conj")
                and any(c.dep_ == "nsubj" and c.lower_ in _SUBJECTS for c in t.children)
                # "(we'll talk) when you stop lecturing me": a condition set for later, no
                # deed of theirs
                and not (
                    t.lemma_.lower() in ("stop", "quit")
                    and t.dep_ == "advcl"
                    and any(c.dep_ == "xcomp" and c.tag_ == "VBG" for c in t.children)
                )
                # "you make me so angry (when you lie)": the feeling they are blamed for is
                # no deed; what they did is in the clause of time
                and not (
                    t.lemma_.lower() == "make"
                    and (
                        any(
                            c.dep_ in ("ccomp", "xcomp")
                            and any(s.lower_ == "me" for s in c.children)
                            for c in t.children
                        )
                        # (however it is parsed: "you made me so anxious driving like that")
                        or (t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "me")
                    )
                )
            ),
            None,
        )
        # the deed of an order ("Stop leaving the gate open") or of a complaint told with
        # the person as subject ("I'm sick of you gaming till 2"), told with "you"
        # (only for a matter raised out of the blue: after their words, "then stop planning
        # dates" is a retort and "maybe stop ordering takeaways" advice, neither a deed)
        implied = verb is None
        # "you can't even be bothered to text back": what they do not bother to do, told
        # as not done (`undone`), without the words that said so (`unsaid`)
        unsaid: set[int] = set()
        undone = False
        bother = next((t for t in clause if _cant_be_bothered(t)), None) if verb is None else None
        if bother is not None:
            verb = next(c for c in bother.children if c.dep_ == "xcomp")
            unsaid = {c.i for c in bother.children if c.dep_ != "xcomp"} | {
                c.i for c in verb.children if c.tag_ == "TO"
            }
            undone = True
        verb = verb or (_implied_deed(clause) if raising else None)
        if verb is None:
            continue
        # "you scared me driving like that": what they were doing is the deed ("When you
        # were driving like that, I felt scared"), the feeling is the person's to name
        doing = _felt_doing(verb, config) if not implied else None
        doing_past = verb.tag_ == "VBD"
        if doing is not None:
            # (the "me" the parser may make the doing's subject)
            unsaid = {c.i for c in doing.children if c.dep_ == "nsubj"}
            verb, implied = doing, True
        # "Why do you leave the lights on?", "Why can't you ever rinse the sink?": the deed
        # is asked about; the question's "why" and its auxiliary are no part of it
        asking = {
            c.i
            for c in verb.children
            if c.lower_ == "why"
            and c.dep_ == "advmod"
            and not implied
            # (texted without its "?": "why did you tell your brother about our loan"; not
            # "that's why you left")
            and ("?" in verb.sent.text or _opens(c))
        }
        if asking and verb.lemma_.lower() in ("have", "need"):
            # "Why must you always tweet it all?" put as "why do you have to": the tweeting
            wanted = next(
                (
                    c
                    for c in verb.children
                    if c.dep_ == "xcomp"
                    # (or "be": "why do you always have to be on your phone at dinner?")
                    and c.pos_ in ("VERB", "AUX")
                    and any(t.tag_ == "TO" for t in c.children)
                ),
                None,
            )
            if wanted is None:
                continue
            verb, implied = wanted, True
            asking = {t.i for t in wanted.children if t.tag_ == "TO"} | {
                c.i for c in wanted.head.children if c.dep_ in ("advmod", "aux", "neg")
            }
        elif asking:
            asking |= {
                c.i
                for c in verb.children
                if (c.dep_ == "aux" and c.lower_ in _ASKED_AUX) or c.dep_ == "neg"
            }
        # "Why can't you ever...", "why won't you..." and "why don't you ever..." say it is
        # not done; "why don't you call her?" is advice
        # "Why did you tell him?" asks about the past: "you told him"
        did_asked = any(verb.doc[i].lower_ == "did" for i in asking)
        # "I saw you roll your eyes when my dad was talking": what was seen was done then
        seen_done = (
            verb.tag_ == "VB"
            and verb.dep_ in ("ccomp", "xcomp")
            and verb.head.lemma_ in ("see", "watch", "hear", "notice", "catch")
            and (
                verb.head.tag_ == "VBD"
                or any(c.dep_ == "aux" and c.tag_ == "VBD" for c in verb.head.children)
            )
        )
        denied = any(verb.doc[i].dep_ == "neg" for i in asking) and any(
            verb.doc[i].lower_ in ("ca", "can", "wo", "will", "never", "did")
            or (
                verb.doc[i].lower_ in ("do", "does")
                and any(c.lower_ == "ever" for c in verb.children)
            )
            for i in asking
        )
        if asking and any(verb.doc[i].dep_ == "neg" for i in asking) and not denied:
            continue  # "why don't you sit down for once?": advice, put as a question
        if not asking and not unsaid and _still_cant(verb, raising):
            # "you still can't take the bins out", "you can't even ring": a thing not
            # done, told as not done ("you don't take the bins out")
            undone = True
            unsaid = {
                c.i
                for c in verb.children
                if c.dep_ in ("aux", "neg")
                or (c.dep_ == "advmod" and c.lower_ in ("even", "still"))
            }
        if unsaid:
            asking, denied = unsaid, undone
        children = list(verb.children)
        if any(c.tag_ == "TO" for c in children) and not implied:
            continue  # "(waiting forever for) you to decide": no deed, and no sentence
        if any(
            c.lower_ == "like"
            and c.dep_ in ("mark", "intj", "prep")
            and any(n.dep_ == "neg" for n in verb.head.children)
            for c in children
        ):
            continue  # "it's not like you've ever cooked": it says they never have
        if any(
            (c.dep_ == "dobj" and c.i < verb.i)
            # a preposition left at the end ("...you talked about"), not one opening the
            # sentence ("In fairness to me, you...")
            or (
                c.dep_ == "prep"
                and c.i > verb.i
                and any(o.dep_ == "pobj" and o.i < verb.i for o in c.children)
            )
            for c in children
        ):
            # "that novel you always talked about": its object stands before it, so the
            # clause told on its own comes out scrambled ("you talked that novel about")
            continue
        if any(t.lower_ == "either" for t in verb.sent) and any(
            t.lower_ == "or" and t.i < verb.i for t in verb.sent
        ):
            continue  # "either we move or you tell him": the threat's other branch
        if any(t.lower_ == "yourself" and t.dep_ != "pobj" for t in verb.subtree):
            continue  # "you can tell him yourself": a retort (not "clean up after yourself")
        if any(t.i in rarely for t in verb.sent) and not (
            denied or any(c.dep_ == "neg" or c.lower_ == "never" for c in children)
        ):
            continue  # "you remembered the milk for once": praise in mockery, no deed
        if any(c.lower_ in ("actually", "finally") and c.dep_ == "advmod" for c in children) and (
            verb.sent[0].lower_ in _OPENERS
        ):
            continue  # "Oh wow, you actually remembered my birthday": the same mockery
        # "you're (never) on your phone", "in the mood": where they are is observable;
        # "you're so rude" is a verdict
        state = (
            verb.lemma_ == "be"
            and any(c.dep_ == "prep" for c in children)
            and not any(c.dep_ in ("acomp", "attr", "xcomp", "ccomp") for c in children)
            # "you're (just) like your father" is a comparison: a verdict, not where they are
            and not any(c.dep_ == "prep" and c.lower_ in ("like", "as") for c in children)
        )
        # "you're always late": when they come is observable, unlike "you're so rude"
        late = verb.lemma_ == "be" and any(
            c.dep_ in ("acomp", "advmod")
            and c.lower_ in _OBSERVABLE_STATES
            # (how late: "twenty minutes late")
            and all(d.dep_ in ("prep", "advmod", "npadvmod") for d in c.children)
            for c in children
        )
        state = state or late
        unwilling = (
            verb.lemma_.lower() == "want"
            and any(c.dep_ == "neg" for c in children)
            and next((c for c in children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        )
        if unwilling and not asking:
            # "You never want to spend time with me anymore": what they seem not to want,
            # put as how it seems ("When it seems like you don't want to spend time with me")
            wanted_words = [
                t.text if t.text == "I" else t.lower_
                for t in unwilling.subtree
                if t.i in inside and not t.is_punct and t.lower_ not in absolutes
            ]
            if 2 <= len(wanted_words) <= 12 and not any(
                t.lower_ in config.verdicts or t.i in skip for t in unwilling.subtree
            ):
                return "it seems like you don't want " + " ".join(wanted_words), False
        if verb.lemma_.lower() in config.not_observed and not state:
            continue
        if verb.tag_ == "VBG" and any(c.lower_ in ("'re", "are") for c in children):
            continue  # "you're overreacting": a verdict on the moment, not a deed
        if verb.lemma_.lower() in ("have", "got", "get") and any(
            (c.dep_ == "xcomp" and any(t.lower_ == "to" for t in c.children))
            or (c.dep_ == "dobj" and any(d.lower_ == "no" for d in c.children))
            for c in children
        ):
            # "you have to pick a date" (an order), "you don't get to bail now" (what they
            # may not do), "you've got no filter" (a verdict): no deed
            continue
        if any(
            c.dep_ == "aux"
            and c.i not in asking
            and (c.lower_ in _PRESCRIBING or (c.lower_ == "'d" and c.tag_ == "MD"))
            for a in (verb, *verb.ancestors)
            # (not the person's own clause above it: "I can't believe you did that")
            if a is verb
            or not any(s.dep_ == "nsubj" and s.lower_ not in _SUBJECTS for s in a.children)
            for c in a.children
        ):
            continue  # "you could...", "you'd just freak out": not a deed
        if any(c.lower_ in _FUTURE for c in children):
            continue  # "you'll survive": a forecast, not something they did
        if verb.lemma_.lower() == "make" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in _MADE_MUCH_OF for c in children
        ):
            continue  # "you make a federal case of it": a verdict on their fuss, not a deed
        if (
            verb.dep_ == "ccomp"
            and verb.head.lemma_.lower() in _GUESSING
            and any(c.dep_ == "nsubj" and c.lower_ == "i" for c in verb.head.children)
            # ("I can't believe you did that" is outrage at a deed, not a guess)
            and not any(c.dep_ == "neg" for c in verb.head.children)
        ):
            continue  # "I thought you enjoyed it": the person's guess, not their deed
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in children):
            # "if you didn't stay so late", "if you cleaned up": said by its opposite; and
            # "If you back out now, I'm done" is a threat, not something they did
            continue
        never = any(c.lower_ == "never" for c in children)
        # A clause of time stays ("when I came in"); reasons and retorts are cut.
        cut = {
            t.i
            for c in children
            if c.dep_ in ("advcl", "conj", "cc", "punct", "mark", "intj", "discourse")
            and not (c.dep_ == "advcl" and any(m.lower_ in _TIME_MARKS for m in c.children))
            # "left the car on empty": a word the parser took for a clause stays
            and not (c.dep_ == "advcl" and c.pos_ not in ("VERB", "AUX"))
            for t in c.subtree
        }
        words: list[str] = []
        # "why the hell did you tell him": the oath is no part of the deed
        oaths = {
            i
            for t in verb.subtree
            if t.lower_ in ("hell", "heck", "fuck", "frick", "devil")
            and t.i >= 2
            and t.doc[t.i - 1].lower_ == "the"
            and t.doc[t.i - 2].lower_ in _QUESTION_WORDS
            for i in (t.i - 1, t.i)
        }
        if late:
            # "late to everything", "to every dinner": the sweep is the verdict, and so is
            # "late for once"
            cut |= {
                t.i
                for c in verb.subtree
                if c.dep_ == "prep"
                and any(
                    o.lower_ in config.verdicts or o.lower_ in ("once", "every", "each", "all")
                    for o in c.subtree
                )
                for t in c.subtree
            }
        tokens = [
            t
            for t in verb.subtree
            if t.i in inside
            and t.i not in cut
            and t.i not in asking
            and t.i not in oaths
            and t.i not in rarely
            and t.i not in steady
            # "Quit scrolling", read as a name and its verb: the order is no part of the deed
            and not (implied and t.i < verb.i and t.lower_ in ("stop", "quit"))
            and not t.is_punct
            # the "when" of "... when you lie": the I-statement says its own
            and not (t.head == verb and t.lower_ in ("when", "whenever") and t.i < verb.i)
        ]
        # "you spend way too much money on gadgets": an amount of a thing is told as "a lot
        # of" it, the "too" being the verdict
        lots = {
            t.head.i
            for t in tokens
            if t.lower_ == "too"
            and t.head.lower_ in ("much", "many")
            and t.head.dep_ == "amod"
            and t.head.head.pos_ == "NOUN"
        }
        if lots:
            tokens = [
                t
                for t in tokens
                if not (t.lower_ == "too" and t.head.i in lots)
                # ("way too much", "far too many")
                and not (
                    t.lower_ in ("way", "far")
                    and t.i + 1 < len(t.doc)
                    and t.nbor().lower_ == "too"
                    and t.nbor().head.i in lots
                )
            ]
        if any(
            t.lower_ == "too" and t.head.lower_ in ("much", "many", "often", "long", "little")
            for t in tokens
        ):
            continue  # "you worry too much": how much is the verdict
        # "your stupid gadgets": a verdict said of a thing is left out, and the thing stays
        tokens = [
            t
            for t in tokens
            if not (t.lower_ in config.verdicts and t.dep_ == "amod" and t.head.pos_ == "NOUN")
        ]
        # "you drive it like a maniac", "threw my mug like a toddler": what they are likened
        # to is a name they are called; the deed is told without it ("you treat me like a
        # child" has no deed without it)
        likened = [
            x
            for x in tokens
            if x.lower_ == "like"
            and x.dep_ == "prep"
            # (the parser may hang it on the object: "slammed the door like a toddler")
            and x.head.lemma_ != "be"
            and any(x.head.i == t.i for t in tokens)
            and any(
                c.dep_ == "pobj" and any(d.lower_ in ("a", "an") for d in c.children)
                for c in x.children
            )
        ]
        if likened and verb.lemma_.lower() == "treat":
            continue
        named_as = {t.i for x in likened for t in x.subtree}
        if any(
            t.i in skip
            or (t.lower_ in config.verdicts and not _in_front_of(t))
            or t.lemma_.lower() in config.point_denials
            or (t.pos_ == "VERB" and t.lemma_.lower() in config.not_observed)
            for t in tokens
            # (what they are likened to goes below: "like a lunatic")
            if t.i not in named_as
        ):
            continue  # an insult inside the deed: the verdict cannot be left out
        # "all the time", "every night": how often is the verdict, not the deed; but the
        # time spent is what "you spent all weekend on your phone" is about (-> "the weekend")
        spent = verb.lemma_.lower() in ("spend", "waste")
        sweeping = {
            t.i
            for x in tokens
            if x.lower_ in ("all", "every", "each") and x.head.dep_ == "npadvmod" and not spent
            for t in (x.head, *x.head.children)
            if t.i == x.head.i or t.dep_ in ("det", "predet") or t.lower_ == "single"
        }
        # "Every time I raise the rent(, you go quiet)": how often, and on what, is no deed
        # of theirs
        sweeping |= {
            t.i
            for x in tokens
            if x.i in sweeping and x.dep_ == "npadvmod"
            for c in x.children
            if c.dep_ == "relcl"
            for t in c.subtree
        }
        # "cranking it to 78 like we live in a sauna": the likening is the jab, not the deed
        sweeping |= {
            t.i
            for x in tokens
            if x.lower_ == "like"
            and x.dep_ in ("intj", "mark", "advmod", "discourse")
            and x.head.dep_ in ("advcl", "ccomp")
            and x.head.i != verb.i
            and x.i < x.head.i
            for t in x.head.subtree
        }
        # (but where they did it stays, hung on the likeness or not: "like a maniac on the
        # motorway")
        sweeping |= named_as - {
            t.i
            for x in likened
            for p in x.subtree
            if p.dep_ == "prep"
            and p.head.i != x.i
            and p.lower_ in ("on", "in", "at", "through", "around")
            and any(
                o.dep_ == "pobj" and any(d.lower_ == "the" for d in o.children) for o in p.children
            )
            for t in p.subtree
        }
        for token in tokens:
            low = token.lower_
            if spent and low == "all" and token.head.dep_ == "npadvmod":
                words.append("the")
                continue
            if low in absolutes or token.i in sweeping:
                continue
            if (
                low in ("like", "as")
                and token.n_lefts + token.n_rights > 0
                and all(c.lower_ in absolutes or c.lower_ == "usual" for c in token.children)
            ):
                continue  # "like always", "as usual": the verdict, said another way
            if late and low in ("so", "very", "really") and token.head.lower_ in _OBSERVABLE_STATES:
                continue  # "you're so late": how late is the verdict
            if token.i in lots:
                words.extend(("a", "lot", "of"))  # "too much money" -> "a lot of money"
                continue
            if low == "forever":
                words.append("a long time")  # "you take forever" -> "you take a long time"
                continue
            if (
                low in config.hedges
                and token.dep_ != "prep"
                # "just as much" is not "as much"
                and not (
                    low == "just" and token.i + 1 < len(token.doc) and token.nbor().lower_ == "as"
                )
            ):
                continue
            if low == "never" and state:
                words.append("not")  # "you're never in the mood" -> "you're not in the mood"
                continue
            if low == "never":
                past = verb.tag_ == "VBD" and verb.lower_ != verb.lemma_.lower()
                words.append("didn't" if past else ("doesn't" if verb.tag_ == "VBZ" else "don't"))
                continue
            if denied and token.i == verb.i:
                # "why can't you ever rinse it?" -> "you don't rinse it" ("why didn't you
                # ring?" -> "you didn't ring")
                words.extend(("didn't" if did_asked else "don't", verb.lemma_.lower()))
                continue
            if (did_asked or seen_done) and token.i == verb.i and verb.tag_ == "VB":
                words.append(_past_tense(verb.lemma_.lower()))  # "why did you tell" -> "told"
                continue
            if doing is not None and token.i == verb.i:
                words.extend(("were" if doing_past else "are", low))  # "you were driving"
                continue
            if implied and token.i == verb.i and verb.lemma_ == "be":
                words.append("are")  # "why do you have to be on your phone" -> "you are on"
                continue
            if (never or implied) and token.i == verb.i and not state:
                words.append(verb.lemma_.lower())
                continue
            if never and low == "once":
                continue  # "never once asked" -> "didn't ask"
            if low in ("it", "them", "him", "her") and (
                token.dep_ in ("dobj", "pobj", "dative")
                # "you let them have sugar": who was let
                or (token.dep_ == "nsubj" and token.head.dep_ == "ccomp" and low != "it")
            ):
                # "the garden's a mess because you never mow it": "mow the garden"
                named = _antecedent(token, config, skip)
                if named:
                    words.extend(named.split())
                    continue
            words.append(token.text if token.pos_ == "PROPN" or token.text == "I" else low)
        if implied and (not words or words[0] not in _SUBJECTS):
            words.insert(0, "you")
        if asking and len(words) > 1 and words[0] == verb.lower_ and words[1] in _SUBJECTS:
            words[:2] = [words[1], words[0]]  # "why are you late?" -> "you are late"
        if not words or words[0] not in ("you", "u") or not 3 <= len(words) <= 16:
            continue
        if not late and not any(
            t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ", "NUM")
            and t.lemma_.lower() not in config.light_verbs
            for t in tokens
        ):
            continue  # "you do this", "you say that": too vague to be an observation
        text = _said(["you", *words[1:]])
        if state:
            text = text.replace(" when ", " while ")  # "when you're out while I talk"
        # "put" and "set" look the same either way: read as the present; so is a habit
        # told in an order or in weariness ("sick of you cancelling last minute")
        past = not implied and (
            seen_done
            or (verb.tag_ == "VBD" and verb.lower_ != verb.lemma_.lower())
            # ("forgot", which the tagger reads as a present, lemma and all)
            or verb.lower_ == "forgot"
            or any(c.dep_ == "aux" and c.tag_ == "VBD" for c in children)
            # "you forgot it two years ago" (the tagger may read "forgot" as present)
            or any(
                t.lower_ in ("ago", "yesterday")
                # "last week", not "at the last minute"
                or (t.lower_ == "last" and not any(c.lower_ == "the" for c in t.head.children))
                for t in tokens
            )
        )
        if doing is not None:
            past = doing_past
        broken = _not_kept(verb) if verb.lemma_.lower() in _GAVE_WORD else None
        if broken is not None:
            # "You promised you'd fix the fence and you still haven't": the promise is not
            # the grievance; that it has not been kept is
            text += (
                " and it still hasn't happened"
                if any(t.lower_ in ("still", "yet") for t in broken.subtree)
                else " and it didn't happen"
            )
        return text, past
    for sent in doc.sents if raising else ():
        # "Oh wonderful, late again.": the state told without a subject, after any opener
        bare = _BARE_STATE.fullmatch(sent.text.strip())
        if bare:
            return f"you're {bare[1].lower()}", False
    return None


# A state anyone could see, told with no subject ("late again", "Oh great, late AGAIN??").
_BARE_STATE = re.compile(
    r"(?:[^,.!?]*,\s*)?(late|away|asleep)\s+(?:again|as usual|once again)\W*", re.IGNORECASE
)


def _felt_doing(verb: Token, config: _Config) -> Token | None:
    """What they were doing when they made the person feel it: "driving" of "you scared me
    driving like a maniac", "shouting" of "you embarrassed me shouting at the waiter"."""
    if verb.lemma_.lower() not in config.feeling_verbs:
        return None
    return next(
        (
            c
            for c in verb.children
            if c.dep_ in ("advcl", "ccomp", "xcomp")
            and c.tag_ == "VBG"
            and c.i > verb.i
            and not any(m.dep_ == "mark" for m in c.children)
        ),
        None,
    )


def _still_cant(verb: Token, raising: bool) -> bool:
    """Whether `verb` is told as a thing they fail to do: "you still can't take the bins
    out", and raised out of the blue, "you can't even ring". A bare "you can't talk to me
    like that" forbids it; after their words, "you can't even keep a plant alive" is a jab
    at what they could do, not a thing they left undone."""
    children = list(verb.children)
    return (
        any(c.dep_ == "aux" and c.lower_ in ("ca", "can") for c in children)
        and any(c.dep_ == "neg" for c in children)
        and any(
            c.dep_ == "advmod" and (c.lower_ == "still" or (raising and c.lower_ == "even"))
            for c in children
        )
        and not verb.sent.text.rstrip().endswith("?")
    )


def _cant_be_bothered(token: Token) -> bool:
    """Whether `token` is the "bothered" of "you can't be bothered to walk him"."""
    children = list(token.children)
    return (
        token.lemma_.lower() == "bother"
        and token.tag_ == "VBN"
        and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _SUBJECTS for c in children)
        and any(c.dep_ == "neg" for c in children)
        and any(c.dep_ == "xcomp" and c.pos_ == "VERB" for c in children)
    )


# Verbs of giving one's word ("you said you'd...", "you promised...").
_GAVE_WORD = frozenset({"promise", "say", "swear"})


def _not_kept(verb: Token) -> Token | None:
    """The clause joined to `verb` that says what it promised is not done ("you promised
    you'd fix it and you still haven't", "you said you would, but you didn't"), or None."""
    promised = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp")]
    if not promised:
        return None
    doc = verb.doc
    end = max(t.i for p in promised for t in p.subtree) + 1
    # (joined to it, or to what was promised, or said next after "but" or "and", where the
    # parser made it a sentence of its own: "said you'd book it but you didn't")
    after = (
        [doc[end + 1]]
        if end + 1 < len(doc)
        and doc[end].lower_ in ("but", "and")
        and doc[end + 1].lower_ in _SUBJECTS
        else []
    )
    return next(
        (
            c
            for c in (
                *(c for head in (verb, *promised) for c in head.children if c.dep_ == "conj"),
                *(a.head for a in after),
            )
            if any(n.dep_ == "neg" for n in c.children)
            and any(s.dep_ == "nsubj" and s.lower_ in _SUBJECTS for s in c.children)
        ),
        None,
    )


def _own_feeling(doc: Doc, config: _Config) -> tuple[str, str | None, str | None] | None:
    """A feeling the person names as their own ("I feel invisible", "I'm so lonely", "it
    hurts", "you embarrassed me"), as (feeling, the need it points to or None for the
    harm's, the verb that did it to them or None). Not one denied ("I'm not angry") or
    one of weariness ("tired of"), which is frustration."""
    text = doc.text.lower().replace("\u2019", "'")
    felt = config.own_feeling_pattern.search(text)
    if felt:
        return felt[1], config.own_feelings[felt[1]] or None, None
    if re.search(
        r"\b(?:it|that|this)\s+(?:really\s+|honestly\s+|just\s+)*(?:hurts|hurt|stings)\b(?!\s+(?:you|u)\b)",
        text,
    ):
        return "hurt", config.own_feelings.get("hurt") or None, None
    for token in doc:
        lemma = token.lemma_.lower()
        particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), None)
        key = (
            f"{lemma} {particle}"
            if particle and f"{lemma} {particle}" in config.feeling_verbs
            else lemma
        )
        if (
            key in config.feeling_verbs
            and token.pos_ == "VERB"
            and any(c.dep_ == "nsubj" and c.lower_ in _SUBJECTS for c in token.children)
            and not any(c.dep_ == "neg" for c in token.children)
            and (
                any(
                    c.dep_ == "dobj"
                    and (c.lower_ == "me" or (c.lower_ == "feelings" and lemma == "hurt"))
                    for c in token.children
                )
                # "you scared the life out of me"
                or re.match(r"\w+ the \w+ out of me\b", token.doc[token.i :].text.lower())
                # "you scared me driving like that" (read as "me driving")
                or (
                    token.i + 1 < len(token.doc)
                    and token.nbor().lower_ == "me"
                    and token.nbor().head.tag_ == "VBG"
                    and token.nbor().head.head.i == token.i
                )
            )
        ):
            word = config.feeling_verbs[key]
            return word, config.own_feelings.get(word) or None, token.text.lower()
    return None


def _told_as_felt(
    own_felt: tuple[str, str | None, str | None],
    event: tuple[str, bool] | None,
    point: str | None,
    doc: Doc,
    config: _Config,
) -> tuple[tuple[str, bool] | None, str | None, bool, str]:
    """The observation and the person's side beside a feeling they named themselves,
    whether the feeling is told in the past when no observation is left to say so, and the
    feeling as it is to be said: what
    was done to them is told once ("When that happened in front of my boss, I felt
    embarrassed"), where or when it comes is the observation ("When we're at your mum's,
    I feel invisible"), and their own sentence naming it is not repeated as their side."""
    feeling = own_felt[0]
    felt_past = False
    told_there = False
    said_again = bool(
        point and re.search(rf"\b{re.escape(feeling.split()[0][:4])}", point, re.IGNORECASE)
    )
    done = own_felt[2]
    done_to = (
        re.match(rf"you {re.escape(done)} (?:my feelings|me|the \w+ out of me)\b", event[0])
        if done and event
        else None
    )
    if done_to and event:
        # "When you embarrassed me in front of my boss, I felt embarrassed": what
        # happened is told once, and where, and the feeling is theirs to name
        where = event[0][done_to.end() :].strip()
        done_with = re.fullmatch(r"(.*?)\s*\bwith (.+)", where)
        if done_with:
            # "with that comment", "at the barbecue with your jokes": what it was done
            # with is what it is about ("When it comes to your jokes at the barbecue")
            event = (f"it comes to {done_with[2]} {done_with[1]}".strip(), False)
        elif where:
            event = (f"that {'happened' if event[1] else 'happens'} {where}", event[1])
        else:
            # "You scared me": nothing to tell beyond the feeling, said on its own
            felt_past, event = event[1], None
    if done is None and (
        event is None
        or event[0].startswith("it comes to ")
        # (a charge's general wording, "it seems like I'm being ignored")
        or event[0] in config.events.values()
    ):
        # "You make me feel stupid in front of your friends", "I feel invisible at
        # your work dos": where it happens is the observation
        # (or when: "I feel invisible when we're at your mum's")
        at = re.search(
            rf"\b{re.escape(feeling)}\s+((?:in front of|around|at|during|when|whenever"
            rf"|every time) [^,.;!?]+?)(?=\s+(?:because|but|and|so|cos|cause)\b|[,.;!?]|$)",
            doc.text,
            flags=re.IGNORECASE,
        )
        if at:
            where = at[1].strip()
            clause = re.match(r"(?:when|whenever|every time) (.+)", where, re.IGNORECASE)
            # ("When we're in front of your friends": where the two of them are; what
            # happens "during the film" stays what happens)
            event = (
                clause[1]
                if clause
                else f"we're {where}"
                if re.match(r"(?:in front of|around|at) ", where, re.IGNORECASE)
                else f"that happens {where}",
                False,
            )
            # "I feel so invisible at your work parties": told there, not again
            told_there = bool(point and where.lower() in point.lower())
    # A sentence that opens with the feeling is the feeling said again, however long: what
    # it goes on to say of it is said with the feeling ("I feel alone with the baby").
    opens_with_it = (
        re.match(rf"{_FELT_AS}\s+(?:{_FELT_HOW}\s+)*({re.escape(feeling)}\b.*)", point.lower())
        if point
        else None
    )
    if point and opens_with_it and not told_there and len(opens_with_it[1].split()) <= 7:
        said = point[opens_with_it.start(1) :]
        if not re.search(r"\b(?:you|your|u|ur)\b", said, re.IGNORECASE):
            feeling = said
    if point and said_again and (len(point.split()) <= 6 or told_there or opens_with_it):
        point = None
    return event, point, felt_past, feeling


def _event(
    doc: Doc,
    topic: str | None,
    config: _Config,
    skip: set[int],
    *,
    answering: bool,
    raising: bool = False,
) -> tuple[str, bool] | None:
    """The observation an I-statement opens with, told from the person's side, and
    whether it is past: how it feels for common charges ("I don't feel heard"), else what
    they did in the person's words, else what it is about."""
    charged = [
        # "you never try to understand me": the charge is in what they do not try
        # (not "you never asked me to come": that charge is the asking)
        next(
            (
                c
                for c in token.children
                if c.dep_ == "xcomp"
                and c.pos_ == "VERB"
                and not any(o.dep_ in ("dobj", "dative") for o in token.children)
            ),
            token,
        )
        for token in doc
        if token.pos_ == "VERB"
        and any(c.dep_ == "nsubj" and c.lower_ in _SUBJECTS for c in token.children)
        and not _counterfactual(token)
        and not _reassured(token)
        # "you think we're all idiots": an opinion they are charged with, not a deed
        and not (token.lemma_ == "think" and any(c.dep_ == "ccomp" for c in token.children))
        # "do u think they wash themselves??": a question put for the sneer, no charge
        # (unlike "why don't you ever listen?")
        and not (
            any(
                c.dep_ == "aux" and c.lower_ in ("do", "does", "did") and c.i < token.i
                for c in token.children
            )
            and not any(c.dep_ == "neg" for c in token.children)
        )
    ]
    charged = [token for token in charged if token.lemma_.lower() in config.events]

    def things(verb: Token) -> list[Token]:
        # (someone else is a thing here: "you ignored her" is not "I'm being ignored")
        return [
            c
            for c in verb.children
            if c.dep_ == "dobj" and (c.pos_ != "PRON" or c.lower_ in ("him", "her", "them"))
        ]

    # "You never listen to me" is told as how it feels ("I don't feel heard"); a deed done
    # to some thing ("you showed my brother the photos") is retold in the person's words,
    # and said as a feeling only when that cannot be done and the thing is theirs.
    for verb in charged:
        if not things(verb):
            lemma = verb.lemma_.lower()
            shared = next(
                (
                    o
                    for p in verb.children
                    if lemma in config.events_with and p.dep_ == "prep" and p.lower_ == "with"
                    for o in p.children
                    if o.dep_ == "pobj"
                    and o.pos_ in ("NOUN", "PROPN")
                    and o.i not in skip
                    and o.lower_ not in config.verdicts
                    and o.lemma_.lower() not in config.generic_nouns
                ),
                None,
            )
            if shared is not None:
                # "you never help with the kids": "I end up handling the kids on my own"
                said = "".join(t.text_with_ws for t in shared.subtree).strip()
                return config.events_with[lemma].format(thing=said), False
            return config.events[lemma], False
    # After their complaint, "when you..." is a counter-charge however it is put.
    observed = None if answering else _observation(doc, config, skip, raising=raising)
    if observed:
        return observed
    for verb in charged:
        done_to = things(verb)
        if all(any(p.lower_ in ("my", "our") for p in o.children) for o in done_to):
            lemma = verb.lemma_.lower()
            if len(done_to) == 1 and lemma in config.events_of:
                # "you forgot my prescription": "my prescription gets forgotten"
                thing = done_to[0]
                said = " ".join(
                    t.lower_ for t in thing.subtree if t.i not in skip and not t.is_punct
                )
                if len(said.split()) <= 4:
                    gets = "get" if thing.tag_ in ("NNS", "NNPS") else "gets"
                    return config.events_of[lemma].format(thing=said, gets=gets), False
            return config.events[lemma], False
    if topic:
        return f"it comes to {topic}", False
    behaviour = _behaviour(doc, config, skip)
    return (f"it comes to {behaviour}", False) if behaviour else None


def _told_back(event: tuple[str, bool] | None, ex: Extraction, complained: bool) -> bool:
    """Whether an I-statement's "When it comes to ..." only names what the partner's
    complaint about the person, or the feeling they told of, was about, in their words (no
    deed or matter of the reply's own)."""
    if not complained or event is None or not event[0].startswith("it comes to "):
        return False
    # by word, so "friend 's" (as the event is joined) is "friend's" (as they wrote it)
    said = set(re.findall(r"\w+", (ex.context or "").lower()))
    # (their matter first, with a thing of the reply's beside it, is still theirs: "your
    # weight and the comment" after "your joke about my weight really hurt")
    first = event[0].removeprefix("it comes to ").lower().split(" and ")[0]
    named = set(re.findall(r"\w+", first)) - _FRAMING
    return bool(named) and named <= said


_FRAMING = frozenset({"the", "a", "an", "and", "my", "your", "our", "his", "her", "their"})


def _behaviour(doc: Doc, config: _Config, skip: set[int]) -> str | None:
    """What the partner is said to do, as a gerund ("the interrupting", "the nagging"):
    what an I-statement is about when the reply names no thing."""
    for token in doc:
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects and token.dep_ in ("xcomp", "conj"):
            # "you need to get out more and exercise": the subject is the head's
            head = token.head if token.dep_ == "xcomp" else token.head.head
            subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if (
            token.pos_ == "VERB"
            and token.dep_ in ("ROOT", "conj", "xcomp")
            and token.i not in skip
            and token.lemma_.lower() not in config.light_verbs
            and token.lemma_.lower() not in config.topic_stopwords
            # "you overthink everything": "overthinking" is listed as a verdict
            and _gerund(token.lemma_.lower()) not in config.topic_stopwords
            # "stop nagging": the stopping is no habit of theirs
            and token.lemma_.lower() not in config.gerund_heads
            and subjects
            and subjects[0].lower_ in ("you", "u")  # an order ("answer me") is not a habit
            and token.lemma_.lower() not in config.point_denials  # "overreact" is a verdict
            and token.lemma_.lower() not in config.not_observed  # "you knew": no "knowing"
            and not any(c.dep_ == "prt" for c in token.children)  # "shot down": no "shooting"
            # "you always find an excuse": "the finding" is nothing without its object
            and not any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") for c in token.children)
        ):
            return f"the {_gerund(token.lemma_.lower())}"
    return None


# After "so", the words that open an order of its own ("so don't lecture me")
_THEN_SO = frozenset({"do", "don't", "dont", "just"})


def _clauses(sent: Span, at_so: bool = False) -> list[list[Token]]:
    """A sentence cut at commas, semicolons, dashes and "but": "I paid the deposit, what
    more could you ask" gives "I paid the deposit" and "what more could you ask". With
    `at_so`, also at a "so" opening an order: "you spent a fortune on boots so don't
    lecture me" gives "you spent a fortune on boots" and "don't lecture me"."""
    out: list[list[Token]] = [[]]
    for token in sent:
        if token.is_space:
            continue
        if (
            at_so
            and token.lower_ == "so"
            and out[-1]
            and token.i + 1 < sent.end
            and (token.doc[token.i + 1].lower_ in _THEN_SO or token.doc[token.i + 1].tag_ == "VB")
        ):
            out.append([])
            continue
        # "twelve-hour": a hyphen inside a word is no dash
        hyphen = token.text == "-" and not token.whitespace_ and token.i > sent.start
        hyphen = hyphen and not token.doc[token.i - 1].whitespace_
        if (token.text in (",", ";", ":", "—", "–", "-") and not hyphen) or (
            token.lower_ == "but" and token.dep_ == "cc"
        ):
            out.append([])
            continue
        out[-1].append(token)
    return [c for c in out if c]


_LEAVING = frozenset({"go", "leave", "head", "walk", "sleep", "drive"})
_LATER_TODAY = ("tonight", "today", "now", "this morning", "this evening", "this weekend")


def _exit(ex: Extraction, harms: list[Marker], config: _Config) -> tuple[str | None, str | None]:
    """How the person is walking away, in their words, to turn into a break with a promise
    ("I'm going to bed" -> "so I'm going to bed for now, but..."), and the time they will
    not talk in ("not tonight" -> "tonight"), from the clauses a stonewalling marker covers."""
    walls = [m for m in harms if m.kind == "stonewalling"]
    if not walls:
        return None, None
    lowered = ex.cleaned.lower()
    when = next((w for w in _LATER_TODAY if re.search(rf"\b{w}\b", lowered)), None)
    if when == "now":
        when = None  # "not now" is the break itself
    found: str | None = None
    for sent in ex.doc.sents:
        for clause in _clauses(sent):
            start, end = ex.normalized.to_original(
                clause[0].idx, clause[-1].idx + len(clause[-1].text)
            )
            leaving = any(t.lemma_.lower() in _LEAVING and t.pos_ == "VERB" for t in clause)
            if not leaving and not any(m.start < end and start < m.end for m in walls):
                continue  # a clause of the wall itself, or one saying they are off
            words = [t for t in clause if not t.is_punct and t.lower_ not in config.hedges]
            while words and words[0].lower_ in config.openers:
                words = words[1:]
            if (
                # ("I'm going to my sister's" is seven: the "'s" counts)
                2 <= len(words) <= 6 + any(t.tag_ == "POS" for t in words)
                and words[0].lower_ == "i"
                and words[0].dep_ in ("nsubj", "nsubjpass")
                and not any(t.dep_ == "neg" or t.lower_ in _SUBJECTS for t in words)
                and "?" not in sent.text
            ):
                text = "I" + "".join(t.text_with_ws for t in words).strip()[1:]
                # "I'm done talking" is a wall; "I need to stop talking" asks for a pause
                text = re.sub(r"^I(?:'m| am) done with ", "I need a break from ", text)
                text = re.sub(r"^I(?:'m| am) done (?=\w+ing\b)", "I need to stop ", text)
                if leaving:
                    return text, when
                # "I'm done. I'm going to my sister's": where they go says more than the wall
                found = found or text
    return found, when


def _point(
    ex: Extraction,
    harms: list[Marker],
    config: _Config,
    insults: set[int],
    charged: frozenset[str] = frozenset(),
) -> str | None:
    """What the person wanted to say, in their own words: the longest clause of the reply
    that no attack overlaps (only an excuse, an apology's "but" or a minimising word may
    sit in it) and that is not a (rhetorical) question, without its openers ("Oh come
    on,", "Sorry, but") and hedges ("like", "literally"). `charged` holds the verbs of
    the partner's message: a clause that negates one ("I'm not raising my voice" to
    "don't raise your voice") is a flat denial, not a point."""

    def denies(tokens: list[Token]) -> bool:
        return any(
            t.lemma_.lower() in charged and any(c.dep_ == "neg" for c in t.children)
            for t in tokens
            if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() not in ("be", "have", "do")
        )

    return (
        _longest_clause(
            ex,
            harms,
            config,
            insults,
            config.point_may_carry,
            keep=lambda t: not denies(t),
            # "I packed the garage while you watched TV": the person's side, without the jab
            cut_jabs=True,
        )
        or None
    )


# An offer that is a question even when texted without its "?" ("shall I book you a
# butler too", "want me to write it down for you").
_OFFERED = re.compile(r"(?:(?:do )?(?:you|u) )?(?:want|wanna) me to\b|(?:should|shall) i\b")
# Words kept out of a topic ("the whole garage" is about the garage) that are no judgement
# in the person's own point ("I packed the whole garage").
_AMOUNTS = frozenset({"whole", "entire", "same", "usual"})
_QUESTION_WORDS = frozenset({"what", "why", "how", "who", "where", "when", "which", "whose"})


def _ultimatum(tokens: list[Token]) -> bool:
    """Whether these words hold an ultimatum: "either we rent it together or I rent it
    alone", "choose tonight or I'm choosing for both of us", "...or else"."""
    words = [t.lower_ for t in tokens]
    if words[:1] == ["either"] and any(
        t.lower_ == "or" and t.i > tokens[-1].i for t in tokens[0].sent
    ):
        return True  # "Either you tell him, (or I will)": the first half, cut at its comma
    if "or" not in words:
        return False
    after = words[words.index("or") + 1 :]
    return (
        "either" in words[: words.index("or")]
        or after[:1] in (["else"], ["i'm"], ["i'll"])
        or after[:2] in (["i", "'m"], ["i", "'ll"], ["i", "will"], ["i", "am"])
    )


def _blames_by_condition(token: Token) -> bool:
    """Whether `token` heads "if you'd (only) listened", "if you had stuck to the plan":
    what they should have done, put as a condition."""
    children = list(token.children)
    # "if we'd gone when I told you": what they should have done is what the person said
    # (the tagger may take the "'d" for "would" and the verb for its base form)
    told = any(
        t.lemma_.lower() in ("say", "tell", "suggest")
        and any(c.dep_ == "nsubj" and c.lower_ == "i" for c in t.children)
        for t in token.sent
    )
    we_told = told and any(c.dep_ == "nsubj" and c.lower_ == "we" for c in children)
    return (
        token.dep_ == "advcl"
        and (token.tag_ == "VBN" or (we_told and token.tag_ == "VB"))
        and any(c.dep_ == "mark" and c.lower_ == "if" for c in children)
        and any(c.dep_ == "nsubj" and (c.lower_ in _SUBJECTS or we_told) for c in children)
        and any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in children)
    )


def _longest_clause(
    ex: Extraction,
    harms: list[Marker],
    config: _Config,
    skip: set[int],
    carry: frozenset[str],
    *,
    keep: Callable[[list[Token]], bool],
    cut_jabs: bool = False,
) -> str:
    """The longest clause of the reply, cleaned (`_clean_point`), that is not a question,
    holds no word in `skip`, overlaps no harm marker but those of the kinds in `carry`, and
    passes `keep`; one the person tells of themselves ("I filled it at 7") comes before
    a longer one about someone else ("she knocks it over every day"). With `cut_jabs`,
    what the partner did meanwhile ("... while you watched TV") is cut from it first."""
    if not ex.doc.has_annotation("SENT_START"):
        return ""
    best: list[str] = []
    best_rank = (False, 0)
    # A sentence the scorer (not a rule) found contemptuous or tit-for-tat, once the jab in
    # it is cut ("Sorry, but I mowed the lawn while you sat on the couch"), or beside the
    # rhetorical question left out below ("I fed him, do you think I'm an idiot?"), keeps
    # the person's side: the jab or the question was what it found.
    learned = {
        m for m in harms if m.kind in ("contempt", "counter_complaint") and m not in ex.markers
    }
    # The same for a sentence of several clauses: the clause where the person tells what
    # they did ("That's not true, I took every Friday off this month") is not what made it
    # sound dismissive or like a charge; the scorer marks the whole sentence. (Not when
    # it found contempt there: "Sure, I'll do bath time too" is sarcasm, all of it.)
    learned_wide = {
        m
        for m in harms
        if m.kind in ("counter_complaint", "criticism", "minimizing", "defensiveness", "pressure")
        and m not in ex.markers
    }
    # the clauses that pass, as (sentence start, place in the sentence, tokens)
    passed: list[tuple[int, int, list[Token]]] = []
    for sent in ex.doc.sents:
        asks = "?" in sent.text
        clauses = _clauses(sent)
        for place, clause in enumerate(clauses):
            if asks and (
                any(t.text == "?" for t in clause)
                or clause[0].lower_ in _QUESTION_WORDS
                or clause[0].pos_ == "AUX"
            ):
                continue  # the question; "I had a meeting, what was I...?" still has a point
            if _OFFERED.match(" ".join(t.lower_ for t in clause if not t.is_punct)):
                continue  # "want me to iron your socks too", asked without its "?"
            jab = (
                {
                    t.i
                    for c in clause
                    if c.dep_ == "advcl"
                    and any(s.dep_ == "nsubj" and s.lower_ in _SUBJECTS for s in c.children)
                    for t in c.subtree
                }
                if cut_jabs
                else set()
            )
            if any(
                t.i in jab and t.dep_ == "mark" and t.lower_ in ("if", "unless") for t in clause
            ) and not any(t.lower_ in ("would", "'d") and t.i not in jab for t in clause):
                # "if you bail, I lose the deposit" is a threat without its condition; "I'd
                # cuddle more if you didn't..." still says what they want
                continue
            if any(_blames_by_condition(c) for t in clause for c in t.children):
                # "(if you'd stuck to the plan,) we wouldn't be broke": what would not have
                # happened had they done otherwise is the blame, not the person's side
                continue
            if _ultimatum(clause):
                continue  # "either we book it together or I book it alone": the pressure
            if (
                place + 1 < len(clauses)
                and [t.lower_ for t in _without_openers(clause, config)[:2]]
                in (
                    ["i", "know"],
                    ["i", "get"],
                    ["i", "understand"],
                    ["i", "realise"],
                    ["i", "realize"],
                )
                and any(t.lower_ == "but" for t in sent if t.i > clause[-1].i)
            ):
                continue  # "I know I said I'd come, but...": what is granted before the "but"
            tokens = [t for t in clause if t.i not in jab]
            if jab and tokens and tokens[-1].i > min(jab) > tokens[0].i:
                # what the parser hung on the person's verb after the jab ("I'd help more
                # if you didn't hover | the whole time") belongs to the jab
                tokens = [t for t in tokens if t.i < min(jab)]
            # an opener ("chill", "Oh come on,") is dropped, so a marker on it alone does
            # not bar what follows
            tokens = _without_openers(tokens, config)
            if not tokens or any(
                t.i in skip or (t.lower_ in config.topic_stopwords and t.lower_ not in _AMOUNTS)
                for t in tokens
            ):
                continue  # "your take was ridiculous" is a judgement, not a point
            start, end = ex.normalized.to_original(
                tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
            )
            blamed_elsewhere = learned if (jab or asks) else set()
            if (
                len(clauses) > 1
                and tokens[0].lower_ in ("i", "we", "it", "she", "he")
                and not any(
                    t.lower_ in _SUBJECTS or t.lower_ in ("your", "ur") or t.dep_ == "neg"
                    for t in tokens
                )
                # "I mean this kindly, but...": a cushion for what comes after the "but"
                and not any(
                    t.lower_ in ("but", "though", "although") for t in sent if t.i > tokens[-1].i
                )
            ):
                blamed_elsewhere = blamed_elsewhere | learned_wide
            if _what_they_knew(tokens) is not None:
                # "you knew I had the deadline": the scorer blames the "you knew"; what they
                # knew is the person's side (`_clean_point` keeps only that)
                blamed_elsewhere = blamed_elsewhere | learned_wide
            if any(
                m.start < end
                and start < m.end
                and m.kind not in carry
                and m not in blamed_elsewhere
                for m in harms
            ):
                continue
            if not keep(tokens):
                continue
            words = _clean_point(tokens, config)
            rank = (bool(words) and words[0].strip().lower() in ("i", "we"), len(words))
            if words:
                passed.append((sent.start, place, tokens))
            if _hangs_on(tokens[0]):
                continue  # "when I'm on the motorway" is no sentence alone (see below)
            if rank > best_rank:
                best, best_rank = words, rank
    # Two clauses side by side that each pass, the second leaning on the first ("the kettle
    # died, I had to buy another"; "my mum rang in tears, she needed someone") or tied to it
    # ("I missed the bus, so I walked"), say it together. Not a verdict on the first
    # ("..., that's final", "..., so it's done"): that closes the matter.
    for (sent_a, place_a, first), (sent_b, place_b, second) in itertools.pairwise(passed):
        if sent_a != sent_b or place_b != place_a + 1:
            continue
        gap = ex.doc[first[-1].i + 1 : second[0].i]
        linked = any(t.lower_ in _JOINING and t.lower_ != "and" for t in gap)  # "so", "because"
        # "the surgery only books by phone, when I'm driving the kids in": a clause of when
        # or why, hung on the first one's verb, finishes its sentence
        hung = _hangs_on(second[0]) and second[0].head.head.i in {t.i for t in first}
        linked = linked or hung
        if not linked and not any(
            t.lower_ in _POINTING_BACK and t.pos_ in ("PRON", "NOUN") for t in second
        ):
            continue
        pointing = [t for t in second if t.dep_ == "nsubj" and t.lower_ in ("it", "that", "this")]
        if any(t.lower_ != "it" and t.head.lemma_ == "be" for t in pointing) or (
            pointing and not any(t.pos_ in ("NOUN", "PROPN") for t in second)
        ):
            continue
        if not all(t.text in (",", ";") or t.lower_ in _JOINING for t in gap):
            continue
        words = _clean_point([*first, *gap, *second], config)
        if [t.text for t in gap] == [","] and ", " in words and not hung:
            # (a clause holds no comma of its own, so the first one is the gap)
            words[words.index(", ")] = ", and "
        rank = (
            any(part[0].lower_ in ("i", "we") for part in (first, second)) and bool(words),
            len(words),
        )
        if rank > best_rank:
            best, best_rank = words, rank
    return "".join(best).strip(" ,;:-")


def _hangs_on(token: Token) -> bool:
    """Whether `token` opens a clause of when or why hung on another clause's verb
    ("..., when I'm on the school run"), which says nothing alone."""
    return token.lower_ in _HANGING_ON and token.head.dep_ in ("advcl", "relcl")


def _refuses(tokens: list[Token]) -> bool:
    """Whether a clause refuses, now or from now on: "I'm not apologising", "I won't
    change", "we're not going to", "I don't need to check in" (not "I didn't have time" or
    "I wasn't going to pretend", which tell what happened)."""
    for t in tokens:
        children = list(t.children)
        if (
            t.lower_ == "interest"
            and any(c.lower_ == "no" for c in t.children)
            and t.head.lemma_ == "have"
            and any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in t.head.children)
        ):
            return True  # "I've no interest in rehashing it"
        if not any(c.dep_ == "neg" for c in children):
            continue
        subject = next((c.lower_ for c in children if c.dep_ == "nsubj"), None)
        if subject in ("i", "we") and any(
            c.dep_ == "acomp" and c.lower_ == "interested" for c in children
        ):
            return True  # "I'm not interested in hearing it"
        if (
            subject == "i"
            and t.lemma_.lower() in ("need", "have")
            and any(c.dep_ == "xcomp" for c in children)
        ):
            return True  # "I don't need to...", "I don't have to..."
        if subject not in ("i", "we"):
            continue
        auxes = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
        if auxes & {"was", "were"}:
            continue  # "I wasn't going to hide it from him" tells what they did
        if t.tag_ == "VBG" or auxes & {"will", "wo", "'ll", "shall", "gon"}:
            return True
    return False


# What may stand between two clauses of the person's side that are told as one.
_JOINING = frozenset({"and", "so", "because", "since", "cause", "cos", "bc"})
# Words that open a clause of when or why, hung on the clause before it.
_HANGING_ON = frozenset({"when", "while", "because", "since", "as", "cause", "cos", "bc"})
# Words by which a clause points back to something the clause before it named.
_POINTING_BACK = frozenset(
    {"he", "she", "it", "they", "him", "her", "them", "his", "its", "their", "one"}
)


def _deferred(
    ex: Extraction,
    harms: list[Marker],
    config: _Config,
    skip: set[int],
    sneers: frozenset[int] | set[int] = frozenset(),
) -> str | None:
    """The person's own grievance in a counter-complaint, set aside for later instead of
    thrown back now: what they did themselves ("I packed the garage on Saturday" -> "tell
    you my side too, that I packed the garage on Saturday"), else what the partner did,
    without the verdict ("you told your family about my health" -> "talk about how it felt
    for me when you told your family about my health"). Only for a reply that answers a
    complaint with one of its own; "yours can wait" is the counter-complaint's own tip.
    What the partner does, in the present, is not told from a clause in `sneers` ("You
    answer phones all day" is a sneer at their job, not a deed; "you told your family
    about my health" still is one)."""
    if not any(m.kind == "counter_complaint" for m in harms):
        return None

    def mine(tokens: list[Token]) -> bool:
        # the clause's own subject ("Sorry, but I mowed...": a conjunct of "Sorry")
        subjects = [t for t in tokens if t.dep_ == "nsubj" and t.head.dep_ in ("ROOT", "conj")]
        return bool(subjects) and subjects[0].lower_ == "i"

    # "At least I walked the dog this morning while you slept in": my side, without the jab
    side = _longest_clause(
        ex,
        harms,
        config,
        skip,
        frozenset({"counter_complaint", "defensiveness", "absolute"}),
        keep=mine,
        cut_jabs=True,
    )
    if side:
        return "tell you my side too, that " + side
    observed = _observation(ex.doc, config, skip)
    if observed is not None and not observed[1] and sneers:
        observed = _observation(ex.doc, config, skip | sneers)
    if observed is None:
        # "Says the one who keeps her laptop in bed": the deed, said to them
        retold = _the_one_who(ex.doc, skip)
        observed = _observation(parse(retold[0]), config, set()) if retold else None
        if observed is not None and retold is not None:
            observed = (observed[0], observed[1] or retold[1])
    if observed is None:
        return None
    text, past = observed
    # "u never ask about MY job either so": no shouted pronoun, no trailing "so"
    text = re.sub(
        r"\b(MY|ME|I'M|YOUR|YOU)\b", lambda m: m.group(1).lower().replace("i'm", "I'm"), text
    )
    text = re.sub(r"(?:\s+(?:so|though|tho|anyway|lol))+$", "", text)
    return f"talk about how it {'felt' if past else 'feels'} for me when {text}"


# Who a "says the one who..." retort points at: the partner, in the third person.
_THE_ONE = frozenset(
    {"one", "person", "guy", "man", "woman", "girl", "lady", "dude", "someone", "somebody"}
)
# A retort's own pronouns, told to the partner ("takes her phone" -> "take your phone").
_TOLD_TO_THEM = {
    "her": "your",
    "his": "your",
    "their": "your",
    "herself": "yourself",
    "himself": "yourself",
    "themselves": "yourself",
}
_AGREEING = {"is": "are", "was": "were", "has": "have", "does": "do", "'s": "are"}


def _the_one_who(doc: Doc, skip: set[int]) -> tuple[str, bool] | None:
    """The partner's deed inside a "says the one who..." or "(this is) coming from the
    person who..." retort, told to them: "Says the woman who keeps her laptop in bed" ->
    "You keep your laptop in bed.", and whether it is past (the tagger can read a retold
    "You forgot..." as the present). None when there is no such retort, or an insult sits
    inside the deed."""
    for verb in doc:
        who = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        one = verb.head
        if (
            verb.dep_ != "relcl"
            or who is None
            or who.lower_ not in ("who", "that")
            or one.lemma_.lower() not in _THE_ONE
            # "says the one", "coming from the one"
            or (one.head.head if one.head.lower_ == "from" else one.head).lemma_.lower()
            not in ("say", "come")
        ):
            continue
        called = _insults(doc)
        if any(t.i in called for t in verb.sent):
            return None  # "..., you hypocrite": a sneer, not a deed to come back to
        if any(t.i in skip or t.lower_ in ("she", "he", "they") for t in verb.subtree):
            return None  # an insult inside the deed, or whose deed it is is no longer plain
        words = ["You"]
        for token in verb.subtree:
            if token == who or token.is_punct:
                continue
            low = token.lower_
            if token == verb or (token.head == verb and token.dep_ in ("aux", "auxpass")):
                if token.tag_ == "VBZ":
                    words.append(_AGREEING.get(low, token.lemma_.lower()))
                    continue
                words.append(_AGREEING.get(low, token.text))
                continue
            words.append(_TOLD_TO_THEM.get(low, token.text))
        return " ".join(words) + ".", verb.tag_ == "VBD"
    return None


_TIME_UNITS = frozenset({"second", "minute", "min", "hour", "day", "week", "month", "year"})
_SMALLING = frozenset({"just", "only", "merely", "even", "literally", "like", "basically"})


def _granted(ex: Extraction, harms: list[Marker], skip: set[int]) -> str | None:
    """A plain fact the person used to make the matter small ("It was twenty minutes",
    "It's been two years", "she was ninety"), without the words that shrink it: granted,
    it can sit beside their feeling ("I know it was twenty minutes, and I can see it still
    matters to you") instead of against it."""
    if not any(m.kind == "minimizing" for m in harms) or not ex.doc.has_annotation("SENT_START"):
        return None
    for sent in ex.doc.sents:
        if "?" in sent.text:
            continue
        for clause in _clauses(sent):
            root = next((t for t in clause if t.dep_ == "ROOT" or t.head not in clause), None)
            if root is None or root.lemma_ != "be":
                continue
            subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is None or subject.lower_ not in ("it", "that", "he", "she", "they"):
                continue
            if any(
                t.i in skip
                or t.dep_ == "neg"
                or t.lower_ in _SUBJECTS
                or t.lower_ in ("your", "ur", "yourself", "nothing", "no", "never")
                for t in clause
            ):
                continue  # "it's no biggie", "you're forty": no fact to grant
            # a stretch of time ("twenty minutes", "a year") or an age ("she was ninety"); not
            # an amount ("it's only 13 miles" after their first half marathon is no fact to grant)
            lasted = any(
                (
                    t.lemma_.lower() in _TIME_UNITS
                    and t.dep_ != "npadvmod"  # "a few quid a month" is a rate
                    and any(c.like_num or c.lower_ in ("a", "an") for c in t.children)
                )
                or (t.like_num and t.dep_ in ("attr", "acomp"))
                for t in clause
            )
            if not lasted:
                continue
            start, end = ex.normalized.to_original(
                clause[0].idx, clause[-1].idx + len(clause[-1].text)
            )
            if any(
                m.start < end and start < m.end and m.kind not in ("minimizing", "defensiveness")
                for m in harms
            ):
                continue
            words = [t for t in clause if t.lower_ not in _SMALLING and not t.is_punct]
            while words and words[0].pos_ in ("CCONJ", "INTJ"):
                words = words[1:]
            if len(words) < 3:
                continue
            text = "".join(_plain(t) + t.whitespace_ for t in words).strip()
            return text if words[0].pos_ == "PROPN" else text[0].lower() + text[1:]
    return None


def _plain(token: Token) -> str:
    """A word of the person's as written, but a shouted one ("DRIVING", "it was ONE") said
    plainly; short names in capitals ("TV", "MOT") stay."""
    shouted = token.text.isupper() and (
        len(token.text) > 3 or (len(token.text) == 3 and token.pos_ not in ("NOUN", "PROPN"))
    )
    return token.lower_ if shouted else token.text


_NOBODY_OR_EVERYONE = frozenset({"nobody", "noone", "everyone", "everybody"})
_SENSED = frozenset({"smell", "look", "sound", "feel", "seem", "taste"})
_FUSS = frozenset({"word", "thing", "anything", "scene", "fuss", "peep", "deal"})


# Brush-offs and sign-offs a clause may end with ("I dozed off in the armchair, chill",
# "I was busy jeez").
_CLOSERS = frozenset(
    [
        "chill",
        "relax",
        "ok",
        "okay",
        "lol",
        "lmao",
        "jeez",
        "geez",
        "sheesh",
        "smh",
        "tbh",
        "ugh",
        "omg",
    ]
)


def _without_openers(tokens: list[Token], config: _Config) -> list[Token]:
    """A clause without the openers and punctuation it starts with ("Oh come on, I..."),
    and the brush-off it ends with (", chill")."""
    while tokens:
        low = " ".join(t.lower_ for t in tokens[:2])
        if low in config.openers:
            tokens = tokens[2:]
        elif (
            tokens[0].lower_.rstrip(".") in config.openers
            # (not the clause's own subject: "Sorry isn't going to fix the dent"; but "k."
            # with its full stop is a word on its own, whatever the parser hung on it)
            and not (
                tokens[0].dep_ in ("nsubj", "nsubjpass")
                and len(tokens) > 1
                and not tokens[0].text.endswith(".")
            )
        ) or tokens[0].is_punct:  # "k."
            tokens = tokens[1:]
        else:
            break
    while tokens and (tokens[-1].is_punct or tokens[-1].lower_ in _CLOSERS) and len(tokens) > 1:
        tokens = tokens[:-1]
    return tokens


def _what_they_knew(tokens: list[Token]) -> Token | None:
    """The clause of the person's own that "you knew" leads ("you knew I had the
    deadline" gives "I had the deadline"), if the first "you know/knew" has one."""
    knew = next(
        (
            t
            for t in tokens
            if t.lemma_.lower() == "know"
            and any(c.dep_ == "nsubj" and c.lower_ in ("you", "u") for c in t.children)
        ),
        None,
    )
    return next(
        (
            c
            for c in (knew.children if knew is not None else ())
            if c.dep_ == "ccomp"
            and any(s.dep_ == "nsubj" and s.lower_ in ("i", "we") for s in c.children)
        ),
        None,
    )


# What was already said, counted ("I said sorry four times", "I told you twice").
_SAID_AGAIN = frozenset({"say", "tell", "apologise", "apologize", "ask", "explain", "remind"})


def _clean_point(tokens: list[Token], config: _Config) -> list[str]:
    """A clause without openers, hedges and end punctuation, if it is a whole statement."""
    tokens = _without_openers(tokens, config)
    if tokens and any(alarm in tokens[0].sent.text.lower() for alarm in config.mock_alarms):
        return []  # "Wow, alert the media, someone forgot the milk": all of it mocks
    if (
        tokens
        and tokens[0].pos_ == "AUX"
        and tokens[0].dep_ != "ROOT"
        and not any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in tokens)
    ):
        # "(Sorry) isn't going to fix the dent": the subject was taken for an opener, and
        # what is left is no sentence
        return []
    if any(_likening(t) for t in tokens):
        return []  # "it's like sharing a flat with a goldfish": a likening, a verdict
    # (after a lead like "anyway" or "so")
    lead = next((i for i, t in enumerate(tokens) if t.pos_ not in ("INTJ", "ADV", "PUNCT")), 0)
    if (
        len(tokens) > lead + 1
        and tokens[lead].lower_ in _QUESTION_WORDS
        and tokens[lead + 1].pos_ == "AUX"
        and tokens[lead + 1].lower_ not in ("'m", "am")
    ):
        return []  # "anyway what's for tea", texted without its "?": a question, no side
    if len(tokens) > 1 and tokens[0].lower_ in ("stop", "quit") and tokens[1].tag_ == "VBG":
        return []  # "Quit asking me that" (the "Quit" read as a name): an order, no side
    if (
        tokens
        and tokens[0].tag_ == "VB"
        # (or read as hung on a verdict after it: "Put it down..., it's rude")
        and tokens[0].dep_ in ("ROOT", "advcl")
        and tokens[0].i == tokens[0].sent.start
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in tokens[0].children)
    ):
        return []  # "Put it down when I'm talking to you": an order is the request, no side
    if [t.lower_ for t in tokens[:2]] == ["of", "course"] and not any(
        t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in ("i", "we") for t in tokens
    ):
        return []  # "(so) of course it piles up": what was bound to happen, a told-you-so
    spoken = " ".join(t.lower_ for t in tokens).replace(" n't", "n't").replace(" 's", "'s")
    if config.sulk_pattern.search(spoken):
        return []  # "I guess I know where I stand": a sulk, not where they stand
    if any(
        t.dep_ == "attr"
        and t.head.lemma_ == "be"
        and any(s.dep_ == "nsubj" and s.lower_ == "i" for s in t.head.children)
        and (
            any(c.lower_ == "such" for c in t.children)
            or any(c.lower_ == "worst" for c in t.children)
            or t.lower_ == "worst"
        )
        for t in tokens
    ):
        return []  # "Sorry I'm such a letdown", "I'm the worst": a label on oneself, no side
    if any(
        t.lemma_.lower() in ("care", "bother", "mind")
        and any(c.dep_ == "neg" for c in t.children)
        and any(c.dep_ == "nsubj" and c.lower_ == "i" for c in t.children)
        for t in tokens
    ):
        return []  # "I don't care anymore" shrugs the matter off; it is no side of it
    if any(
        t.lower_ in ("like", "as", "exactly") and t.i > 0 and t.nbor(-1).lower_ in ("not", "n't")
        for t in tokens
    ):
        # "it's not like I forgot on purpose" waves the matter away; "I can't exactly cut
        # it with scissors" is irony
        return []
    within = {t.i for t in tokens}
    subjects = [t for t in tokens if t.dep_ in ("nsubj", "nsubjpass") and t.head.i in within]
    if any(
        any(c.lower_ in ("your", "ur") for c in s.children)  # "your shoe collection must..."
        or s.lower_ in ("nothing", "nobody", "everyone", "everybody", "people")
        # "somebody has to earn the money around here": a jab at who doesn't
        or (
            s.lower_ in ("somebody", "someone")
            and s.head.lemma_ in ("have", "need")
            and any(c.dep_ == "xcomp" for c in s.head.children)
        )
        # "loads of people", "tons of couples", "most people"
        or s.lemma_.lower() in ("load", "lot", "ton", "heap", "plenty", "most")
        or any(c.lower_ == "most" for c in s.children)
        for s in subjects
    ):
        return []  # about the partner, a denial ("nothing happened") or what everyone does
    if any(t.lower_ in ("never", "always", "constantly") for t in tokens) and not any(
        s.lower_ in ("i", "we") for s in subjects
    ):
        return []  # "she never stops talking": a charge against someone, not the person's side
    if any(
        t.lemma_.lower() in ("argue", "discuss", "talk", "debate", "fight", "get", "go")
        and (
            any(c.dep_ == "neg" for c in t.children)
            # "I don't want to discuss it", "I'm not going to argue about this"
            or (
                t.dep_ == "xcomp"
                and t.head.lemma_.lower() in ("want", "go", "need", "have", "plan", "intend")
                and any(c.dep_ == "neg" for c in t.head.children)
            )
        )
        and (t.lemma_.lower() not in ("get", "go") or any(c.lower_ == "into" for c in t.children))
        for t in tokens
    ):
        return []  # "I'm not arguing about this", "I don't want to get into it": a door shut
    if _refuses(tokens):
        return []  # "I'm not apologising", "I don't need to check in": a refusal, not a side
    said = " ".join(t.lower_ for t in tokens)
    if (
        "ca n't wait" in said
        or "can't wait" in said
        or any(phrase in said for phrase in config.not_requests)
    ):
        return []  # "can't wait to give up another weekend" is sarcasm; "she should just man up"
    # "like always", "as usual": how often is the verdict, said another way
    habitual = {
        i
        for t in tokens[1:]
        if t.lower_ in ("always", "usual", "ever") and t.nbor(-1).lower_ in ("like", "as")
        for i in (t.i, t.i - 1)
    }
    words = [
        t
        for t in tokens
        if t.i not in habitual
        # "I'm sick of always being the one who...": the absolute is the edge, not the side
        and not (t.lower_ in ("always", "constantly") and t.dep_ == "advmod")
        and not (
            t.lower_ in config.hedges
            and t.dep_ in ("advmod", "intj", "prep", "discourse")
            # "it smelled like a swamp": a comparison, not a hedge
            and not (t.lower_ == "like" and t.head.lemma_.lower() in _SENSED)
            # nor "like a teenager" or "like that" ("like an hour" is a hedge on the amount)
            and not (
                t.lower_ == "like"
                and any(
                    c.dep_ == "pobj"
                    and c.pos_ in ("NOUN", "PROPN", "PRON")
                    and c.lemma_.lower() not in _TIME_UNITS
                    and not any(g.like_num for g in c.children)
                    for c in t.children
                )
            )
        )
    ]
    while words and (words[-1].is_punct or words[-1].lower_ in _CLOSERS):
        words.pop()  # "I was busy jeez" -> "I was busy"
    kept = {t.i for t in words}
    if words and (
        words[-1].pos_ in ("DET", "CCONJ", "SCONJ")
        or (
            (words[-1].pos_ == "ADP" or words[-1].tag_ == "TO")
            and any(c.i not in kept for c in words[-1].children)
        )
        # ("I was carrying the groceries in" ends well; "I listen to" does not)
        or words[-1].lower_
        in ("to", "of", "for", "with", "about", "at", "from", "into", "than", "like")
    ):
        return []  # "I listen to (you complain...)": what is left once the jab is cut dangles
    if any(t.lower_ in ("it", "that", "this") and t.dep_ == "nsubj" for t in words) and any(
        t.dep_ == "nummod" and t.head.dep_ in ("attr", "npadvmod") and t.head.head.lemma_ == "be"
        for t in words
    ):
        return []  # "it was one comment", "that was five minutes": making it small
    if any(
        t.lower_ in ("just", "only", "merely")
        and (
            t.head.lemma_ == "be"
            or (
                t.head.dep_ in ("attr", "acomp")
                and t.head.head.lemma_ == "be"
                # "it's just how I switch off" tells their side; the "just" goes with the hedges
                and not any(c.dep_ == "nsubj" for c in t.head.children)
            )
        )
        for t in tokens
    ):
        return []  # "it's just groceries" makes it small even without the "just"
    if (
        3 <= len(words) <= 4
        and words[0].lower_ in ("it", "that", "this")
        and any(
            t.dep_ == "attr"
            and t.pos_ == "NOUN"
            and t.head.lemma_ == "be"
            and not any(c.dep_ in ("det", "poss", "amod", "compound") for c in t.children)
            for t in words
        )
    ):
        return []  # "it's trash", "it's laundry": naming the thing to make it small
    if any(
        t.dep_ == "attr"
        and t.pos_ in ("NOUN", "PROPN")
        and t.head.lemma_ == "be"
        and any(
            c.dep_ == "nsubj"
            and (
                c.lower_ == "we"
                or (
                    c.lower_ == "i"
                    and (
                        t.pos_ == "PROPN"  # "I can't be Mr Charming every night"
                        or any(d.lower_ in ("the", "your", "ur") for d in t.children if d.i < t.i)
                    )
                )
            )
            for c in t.head.children
        )
        for t in words
    ):
        # "so I'm the bad guy", "I'm not your assistant", "we're adults": a role or a label
        # thrown in, not a point ("I'm not a teenager" still says where they stand)
        return []
    content = [
        t
        for t in words
        if t.pos_ in ("NOUN", "PROPN", "VERB", "NUM", "ADJ")
        and not (t.pos_ == "VERB" and t.lemma_.lower() in config.light_verbs)
    ]
    if len(words) < 3 or not content or len(words) > 30:
        return []  # "Problem solved." is a retort, not a point
    if not any(t.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for t in words):
        return []  # a fragment ("Total nonsense.") is not a point to carry over
    if words[0].lower_ in config.point_never_opens:
        return []  # "what more could you ask", "idk what..." are not statements to carry
    if (
        len(words) > 1
        and words[0].pos_ == "AUX"
        and words[1].dep_ in ("nsubj", "nsubjpass", "expl")
    ):
        return []  # "are we still going to the quiz", texted without its "?": a question
    if words[0].tag_ == "VB" and words[0].dep_ in ("ROOT", "conj"):
        return []  # an order ("go to your mom's") is not what they wanted to say
    if any(t.lower_ in ("hundred", "thousand", "million", "zillion", "billion") for t in words):
        return []  # "we've talked about it a hundred times" is exasperation, not a point
    if any(
        t.lemma_.lower() in _SAID_AGAIN
        # (not "I'd reminded my brother twice to ring first": what happened with someone else)
        and not any(
            c.dep_ in ("dobj", "dative")
            and (c.lower_ in ("him", "her", "them") or c.pos_ in ("NOUN", "PROPN"))
            for c in t.children
        )
        for t in words
    ) and any(
        t.lower_ == "twice"
        or (t.lemma_.lower() == "time" and any(c.dep_ == "nummod" for c in t.children))
        for t in words
    ):
        return []  # "I said sorry like 4 times", "I've told you twice": the same exasperation
    heads = [t for t in words if t.dep_ in ("ROOT", "conj", "ccomp") and t.pos_ in ("VERB", "AUX")]
    inside = {t.i for t in words}
    if heads and all(
        t.lemma_ == "do"
        and not any(c.dep_ in ("dobj", "xcomp", "ccomp") and c.i in inside for c in t.children)
        for t in heads
    ):
        return []  # "I really do" leans on a clause that was cut away
    if words[-1].lower_ in config.point_never_ends:
        return []  # "fine, I'll do it all myself then" is a sulk, not a point
    if any(t.is_quote and t.tag_ != "POS" for t in words):
        return []  # scare quotes ("so I'm "difficult" now") mock the partner's word
    if any(t.lemma_.lower() in config.point_denials for t in words) or any(
        t.lemma_.lower() == "reader" and any(c.lower_ == "mind" for c in t.children) for t in words
    ):
        return []  # "it's not my fault", "I'm not a mind reader": the defence itself
    if any(
        t.lemma_.lower() in ("tell", "warn")
        and any(c.dep_ == "nsubj" and c.lower_ == "i" for c in t.children)
        and any(c.lower_ in _SUBJECTS for c in t.children)
        and not any(
            c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "prep" and c.lower_ in ("about", "of"))
            for c in t.children
        )
        for t in words
    ):
        return []  # "I've been telling you for months": I-told-you-so, with nothing told
    if any(
        t.lemma_.lower() in ("say", "complain", "make", "mention")
        and any(c.dep_ == "neg" for c in t.children)
        and (
            t.lemma_.lower() == "complain"
            or any(c.lower_ in _FUSS for c in t.children if c.dep_ in ("dobj", "attr"))
        )
        for t in words
    ):
        return []  # "and I didn't say a word", "I never complained": a jab, not a side
    if any(
        t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in _NOBODY_OR_EVERYONE for t in words
    ) or any(t.lower_ == "no" and t.head.lower_ == "one" and t.head.dep_ == "nsubj" for t in words):
        return []  # "nobody was looking at you", "everyone forgets": it waves the matter away
    if any(t.dep_ in ("nsubj", "nsubjpass") and _kind_of_people(t, config) for t in words):
        return []  # "each mum at school manages it", "other couples cope": a comparison
    mine = _what_they_knew(words)
    if mine is not None and len(list(mine.subtree)) >= 3:
        # "you knew I had the deadline": what they knew is the person's point
        return _clean_point(list(mine.subtree), config)
    if any(t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in ("you", "u") for t in words):
        return []  # a clause about what *they* did is the complaint, not the person's point
    first = words[0] if words else None
    if first is not None and (
        (
            first.tag_ == "VB"
            and first.dep_ in ("ROOT", "conj")
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in first.children)
        )
        or (first.lower_ == "do" and len(words) > 1 and words[1].lower_ == "n't")
    ):
        return []  # "don't let the new job go to your head": an order, not the person's side
    if not any(
        t.pos_ in ("VERB", "AUX") or any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
        for t in words
    ):
        # "just the three of you", left once the advice around it is cut, is no statement
        # (a verb the tagger took for a noun, "my mum rang in tears", still has its subject)
        return []
    if any(
        (t.head.i not in kept or t.head.i == t.i)
        and t.lower_ in ("has", "have", "had", "do", "does", "did")
        and t.pos_ in ("VERB", "AUX")
        and not any(
            c.dep_ in ("dobj", "xcomp", "ccomp", "attr", "acomp", "prt", "dative", "auxpass")
            for c in t.children
        )
        for t in words
    ):
        return []  # "it has since we met", "I do, every day": what it stands for was cut
    if any(
        t.dep_ == "acomp"
        and t.lower_ in ("simple", "easy", "obvious", "straightforward")
        and any(c.dep_ == "nsubj" and c.lower_ in ("it", "this", "that") for c in t.head.children)
        for t in words
    ):
        return []  # "honestly it's simple": making their trouble small, not a side
    if re.search(r"\b(shall|should) (i|we)\s*\?+\W*$", words[0].sent.text.lower()):
        return []  # "I'll start living in the dark, shall I?": a mock offer, not a side
    lowered = {t.lower_ for t in words}
    if (
        {"you", "u"} & lowered
        and {"anything", "everything", "nothing"} & lowered
        and any(t.lemma_ in ("rely", "trust", "count", "depend", "leave") for t in words)
    ):
        return []  # "I can't rely on you for anything": a verdict on them, not a side
    kept = {t.i for t in words}

    def cut_if(verb: Token) -> bool:
        return any(
            c.dep_ == "advcl" and c.i not in kept and any(m.lower_ == "if" for m in c.children)
            for c in verb.children
        )

    if any(
        (t.dep_ == "acomp" and cut_if(t.head))
        or (
            t.pos_ == "VERB"
            and any(c.dep_ == "dobj" and c.lower_ == "it" for c in t.children)
            and cut_if(t)
        )
        for t in words
    ):
        # "it'd be nice (if you stepped in for once)", "I'd appreciate it (if you...)":
        # nothing left once cut ("I'd cook more often" is still a wish)
        return []
    if (
        len(words) > 4
        and words[-3].pos_ == "AUX"
        and words[-2].lower_ in ("n't", "not")
        and words[-1].lower_ in ("i", "you", "it", "we", "they", "he", "she")
    ):
        words = words[:-3]  # "I'm listening right now, aren't I": the tag is a jab
    text: list[str] = []
    for i, t in enumerate(words):
        word = _plain(t)
        if i == 0 and not (t.pos_ == "PROPN" or word == "I"):
            word = word[:1].lower() + word[1:]
        text.append(word + (t.whitespace_ if i < len(words) - 1 else ""))
    return text


_NO_EXCUSE = re.compile(r"\bwhat(?:'s| is) (?:your|ur) excuse\b", re.IGNORECASE)


def _held_up(doc: Doc) -> set[int]:
    """Who is held up beside them in "My mate's girlfriend plans every date night, what's
    your excuse?": a comparison, not what it is about (the date nights are). Asked on its
    own ("Jo's husband cooks. What's your excuse?"), it holds up who the sentence before
    it names."""
    sents = list(doc.sents)
    compared = [
        sents[i - 1] if i and sent[0].lower_ == "what" and len(sent) <= 6 else sent
        for i, sent in enumerate(sents)
        if _NO_EXCUSE.search(sent.text)
    ]
    return {
        t.i
        for sent in compared
        for s in sent
        if s.dep_ == "nsubj" and s.pos_ in ("NOUN", "PROPN")
        for t in s.subtree
    }


def _marker_tokens(
    ex: Extraction, kinds: frozenset[str], markers: list[Marker] | None = None
) -> set[int]:
    """Tokens of the reply that sit inside the rules' markers of these kinds (or inside
    the given `markers` of these kinds)."""
    spans = [
        (m.start, m.end) for m in (ex.markers if markers is None else markers) if m.kind in kinds
    ]
    out: set[int] = set()
    if not spans:
        return out
    for token in ex.doc:
        start, end = ex.normalized.to_original(token.idx, token.idx + len(token.text))
        if any(s <= start and end <= e for s, e in spans):
            out.add(token.i)
    return out


def _content_words(doc: Doc, skip: set[int]) -> set[str]:
    """Lower-cased lemmas of what the reply talks about (nouns, verbs, adjectives)."""
    return {
        t.lemma_.lower()
        for t in doc
        if t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ", "NUM")
        and not t.is_stop
        and t.i not in skip
        and len(t.text) > 2
    }


def _share_kept(words: set[str], candidate: str) -> float:
    if not words:
        return 0.0
    lowered = candidate.lower()
    return sum(
        1 for w in words if re.search(rf"\b{re.escape(w[: max(4, len(w) - 2)])}", lowered)
    ) / len(words)


# -- assembling ------------------------------------------------------------------------------


_SO_AS_OBJECT = frozenset(
    {
        "think",
        "hope",
        "guess",
        "suppose",
        "believe",
        "told",
        "said",
        "say",
        "do",
        "did",
        "fear",
        "expect",
        "reckon",
        "thought",
        "hoped",
        "imagine",
        "seems",
        "seemed",
        "and",
        "or",
        "not",
        "more",
        "even",
        "why",
        "ever",
        "just",
        "is",
        "was",
        "are",
        "were",
        "be",
        # "I told you so"
        "you",
        "me",
        "us",
        "them",
        "him",
        "her",
        "it",
    }
)
# Names of days and months a texted message may write small ("may" and "march" are also
# words)
_NAMED_DAYS = re.compile(
    r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|april|"
    r"june|july|august|september|october|november|december|christmas|easter)\b"
)
_EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\ufe0f\u200d]")


def _tidy(text: str) -> str:
    text = _EMOJI.sub("", text)  # "...all night 😕": the person's emoji is not the coach's
    text = re.sub(r"\s+", " ", text).strip()
    # a texted "so" trailing off ("you never asked how my exam went so 🤷"), not "I hope so"
    text = re.sub(
        r"(\w+) so\s*(?=[,.?!]|$)",
        lambda m: m.group(0) if m.group(1).lower() in _SO_AS_OBJECT else m.group(1),
        text,
    )
    text = re.sub(r"\s+([,.?!;:])", r"\1", text)
    text = re.sub(r"\s+(['’](?:s|re|ll|ve|d|m)\b|n't\b)", r"\1", text)
    text = re.sub(r"(\ws) ['’](?= )", r"\1'", text)  # "my parents' house"
    text = re.sub(r"([£$€]) (?=\d)", r"\1", text)  # "the £90 charge"
    text = re.sub(r"\b(\w+) \1\b", r"\1", text, flags=re.IGNORECASE)
    text = re.sub(r"\bi\b", "I", text)
    text = _NAMED_DAYS.sub(lambda m: m.group(0).capitalize(), text)  # texted "on tuesday"
    sentences = re.split(r"(?<=[.?!])\s+", text)
    text = " ".join(s[:1].upper() + s[1:] for s in sentences if s)
    if text and text[-1] not in ".?!":
        text += "."
    return text


# What they hold the person to: "I promised...", "I said I'd...", "I told you I'd..."
_PROMISED = re.compile(
    r"I (?:promised|swore|said I'd|said I would|told you I'd|told you I would)\b"
)


def _fill(template: str, slots: dict[str, str | None]) -> str | None:
    names = _SLOT.findall(template)
    if any(not slots.get(name) for name in names):
        return None
    return _tidy(_SLOT.sub(lambda m: str(slots[m.group(1)]), template))


_TALK_VERBS = frozenset({"talk", "answer", "tell", "decide", "explain", "speak", "open"})


def _singular(word: str) -> str:
    """A noun's singular, near enough to compare ("babies" and "baby", "fevers")."""
    word = word.lower()
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


# One person under several names ("my mum" in their words, "my mother" in the reply's).
_KIN = {
    **dict.fromkeys(("mum", "mom", "mam", "mummy", "mommy", "mother"), "mother"),
    **dict.fromkeys(("dad", "daddy", "father"), "father"),
    **dict.fromkeys(("gran", "granny", "grandma", "nan", "nana", "grandmother"), "grandmother"),
    **dict.fromkeys(("grandad", "granddad", "grandpa", "grandfather"), "grandfather"),
}


# Roles in a family someone takes on ("you're a dad now", "we'll be godparents").
_FAMILY_ROLES = frozenset(
    {
        *_KIN,
        "parent",
        "wife",
        "husband",
        "partner",
        "spouse",
        "stepmom",
        "stepmum",
        "stepdad",
        "aunt",
        "auntie",
        "uncle",
        "godmother",
        "godfather",
        "grandparent",
    }
)


def _distinct(topics: list[str]) -> list[str]:
    """Topics naming different things: "your essay" and "the essay" are one, and so are
    "my work dinner" and a later "work"."""
    out: list[str] = []
    words: set[str] = set()
    for topic in topics:
        said = [_KIN.get(w.lower(), w.lower()).rstrip("s") for w in topic.split()]
        if said[-1] not in words:
            words.update(said)
            out.append(topic)
    return out


def _head(topic: str) -> str:
    """The word a topic is named by: its last, or the one before where it is ("the lump on
    your neck" -> "lump")."""
    place = re.search(r"(\S+) (?:on|in) ", topic)
    return place[1] if place else topic.split()[-1]


def _join(topics: list[str]) -> str | None:
    if not topics:
        return None
    return topics[0] if len(topics) == 1 else f"{topics[0]} and {topics[1]}"


def _left_out(analysis: Analysis) -> str:
    spans = [m.text.strip(" .,!?") for m in analysis.harms]
    quoted = []
    for words in spans:
        # "You always" inside "You always make everything about you" is said once.
        inside = any(words != other and words in other and len(other) <= 40 for other in spans)
        if words and len(words) <= 40 and not inside and f"“{words}”" not in quoted:
            quoted.append(f"“{words}”")
    if not quoted:
        return ""
    shown = quoted[:3]
    listed = shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + f" and {shown[-1]}"
    return f" It leaves out {listed}."


# Words that hold the partner up against someone else ("my ex at least...", "even your
# brother manages...", "..., just saying").
_COMPARING = re.compile(
    r"\b(?:at least|even|just saying|already|actually|manages?|managed|bothers?|bothered)\b",
    re.IGNORECASE,
)


# Kinds of harm that answer something the partner said or feels ("I was only ten minutes
# late", "it's just a scratch", "I'm done talking"). (With nothing of theirs to answer, a
# counter-complaint is a complaint, and an order is what the person asks for.)
_ANSWERING = ("defensiveness", "stonewalling", "minimizing", "apology_but")
# A martyr's promise: "I'll just do it myself again", "I'll sit here on my own, as usual".
_MARTYR = re.compile(
    r"\bI(?:'ll| will)\b.*\b(?:again|as always|like always|as usual|myself|on my own|alone)\b",
    re.IGNORECASE,
)
# "You had ONE job": the sneer that the task was all they had to do (the contempt rule
# marks it too, but inside a sarcastic opener's sentence it is merged into the opener's
# marker, whose words after the opener still count as the matter).
_ONE_JOB = re.compile(r"\b(?:you|u) (?:had|have|got|get) (?:only )?one (?:job|task|thing)\b", re.I)
# Not lifting a finger is not helping: "lift", "lifted", "lifting" -> "help", "helped"...
_FINGER = re.compile(r"\blift(ed|ing|s|) a (?:single )?finger\b")
# Words of overdone delight, awe or doom that a sneer is made of ("I'm thrilled", "I'm in
# awe", "we're doomed").
_MOCK_PRAISE = re.compile(
    r"\b(thrilled|delighted|overjoyed|in awe|award|medal|trophy|honou?r|doomed|perilous"
    r"|devastated|heartbroken|so sorry|how could I)\b",
    re.IGNORECASE,
)
# The partner saying they are not ready to talk, or need time: waiting is theirs to ask for.
_NOT_READY = re.compile(
    r"\b(not (sure |certain )?(if |whether )?(i'?m |we'?re )?ready|unsure"
    r"|need (some |a little |a bit of )?(time|space)|(don't|do not) want to talk"
    r"|(can't|cannot) talk|not now|later)\b",
    re.I,
)


def rewrite(
    text: str, context: str | None = None, n: int = 3, *, locale: str | None = None
) -> Suggestions:
    """Up to `n` safer versions of a reply, each built on one skill and explained.

    Every suggestion is labelled safe and scores lower than the original; when none can
    be made, or the reply is already safe, the list is empty and `.note` says why.

    >>> s = rewrite("You never listen to me")
    >>> s[0].label, s[0].score < analyze("You never listen to me").score
    ('safe', True)
    """
    if not isinstance(n, int) or isinstance(n, bool) or not 1 <= n <= 7:
        raise InvalidArgumentError("n must be a whole number from 1 to 7")
    # The reply and the partner's words are both parsed: in one batch, which is faster.
    parse.prime(
        [normalize(clean_text(text)).text]
        + (
            [normalize(clean_text(context, field="context")).text]
            if context and context.strip()
            else []
        )
    )
    crisis = check_crisis(text, locale=locale)
    if crisis.crisis:  # a gentle check-in does not stop rewrites
        return Suggestions(
            [],
            note="This message sounds like you may not be safe, so Rehearse won't suggest wording. Please look at the help below.",
            crisis=crisis,
        )
    ex = extract(text, context)
    original = analysis_of(ex)
    if original.label == "safe":
        return Suggestions(
            [],
            note=f"This already reads as safe (score {original.score}). You can send it as it is.",
            original=original,
            crisis=crisis,
        )
    config = _config()
    doc = ex.doc
    harm_counts = {k: sum(1 for m in original.harms if m.kind == k) for k in HARM_KINDS}
    main_harm = max(HARM_KINDS, key=lambda k: harm_counts[k]) if original.harms else "none"
    if harm_counts["apology_but"]:
        main_harm = "apology_but"  # the apology is there; the "but" is what to mend
    # The person raises a matter of their own ("You never ring when you're running late")
    # with no message of the partner's to answer: there is no feeling of theirs to hear or
    # thank them for, and the skills are put as a gentle start (`raising_templates`).
    # (a guilt trip's "it's fine" or "don't worry about me" shrinks nobody's feelings but
    # the person's own: "Don't worry, I'll do the school run myself again")
    martyred = bool(_MARTYR.search(doc.text))
    # (minimising by the rules' own markers only: a learned guess of it on "It's so
    # disrespectful" shrinks no feeling of theirs, since they have said nothing)
    # (and a learned guess of defensiveness only beside an account of what the person did,
    # "i was at the dentist": "You never help around the house, I do everything" raises
    # a matter of their own)
    accounted = any(
        t.tag_ == "VBD" and any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in t.children)
        for t in doc
    )
    answering = {m.kind for m in ex.markers} | {
        m.kind
        for m in original.harms
        if m.kind != "minimizing" and (m.kind != "defensiveness" or accounted)
    }
    raising = (
        not ex.context
        and not any(
            kind in answering for kind in _ANSWERING if not (martyred and kind == "minimizing")
        )
        and not any(t.lemma_.lower() in config.reactions for t in doc)
    )
    # Words of a sneer or a tit-for-tat ("Pot, meet kettle"), or of a door a rule found shut
    # ("none of your business"), are not what it is about.
    # (raising only: after their words, what follows the opener mocks what they said,
    # "Oh great, another four hours of your mother critiquing my gravy")
    contempt = _marker_tokens(ex, frozenset({"contempt"})) - (
        _after_opener(ex) if not ex.context else set()
    )
    sneer = (
        contempt
        | _marker_tokens(ex, frozenset({"counter_complaint", "stonewalling"}))
        # "you had ONE job": a jab, neither the deed nor the matter
        | {
            t.i
            for m in _ONE_JOB.finditer(doc.text)
            for t in doc.char_span(m.start(), m.end(), alignment_mode="expand") or ()
        }
    )
    insults = _insults(doc)
    theirs: list[str] = []  # what the partner's words are about
    ctx_doc = parse(normalize(ex.context).text) if ex.context else None
    # "I feel like your chauffeur": a likeness they draw, not a thing of theirs (nor of
    # the reply's, when it throws the word back)
    likened: set[str] = set()
    if ctx_doc is not None:
        likened = {
            _singular(t.lower_)
            for t in ctx_doc
            if t.dep_ == "pobj"
            and t.head.lower_ == "like"
            and t.head.head.pos_ in ("VERB", "AUX")
            # "like your maid", "like a taxi": not "feel like sex" (a wish)
            and any(c.dep_ in ("det", "poss") for c in t.children)
        }
        theirs = [
            t
            for t in _topics(ctx_doc, flip=True, skip=_insults(ctx_doc), config=config)
            if _singular(t.split()[-1].lower()) not in likened
        ]
    # the things their message names ("the gutters", "their consoles")
    named_things = {
        _singular(w)
        for t in (ctx_doc if ctx_doc is not None else ())
        if t.pos_ in ("NOUN", "PROPN")
        for w in (t.lower_, t.lemma_)
    }
    topics = _topics(
        doc,
        flip=False,
        skip=insults
        | sneer
        | _for_once(doc)
        | _held_up(doc)
        | _without_fail(doc)
        | (_moved_on(doc) if theirs else set()),
        config=config,
        it_named=bool(theirs),
    )
    # a bare word for a thing of theirs ("a lecture about shoes") is said as they said it
    # ("my shoes")
    fuller = {
        _singular(word): t
        for t in reversed(theirs)
        if " " in t
        for word in dict.fromkeys((t.split()[-1], _head(t)))
    }
    topics = [fuller.get(_singular(t), t) if " " not in t else t for t in topics]
    if raising and _COMPARING.search(doc.text):
        # "My last partner at least brought flowers", "Dan's wife already booked theirs, just
        # saying": whoever the partner is held up against is the jab, not the matter
        held_up = {
            _singular(t.lower_)
            for subject in doc
            if subject.dep_ in ("nsubj", "nsubjpass")
            and subject.pos_ in ("NOUN", "PROPN")
            and not any(w.lower_ in ("you", "your", "ur", "u") for w in subject.subtree)
            for t in subject.subtree
            if t.pos_ in ("NOUN", "PROPN")
        }
        topics = [t for t in topics if not {_singular(w) for w in t.lower().split()} & held_up]
    # "hold its hand": a thing of something not named before it is nothing to talk about
    # (not "the car and its service")
    topics = [
        t
        for i, t in enumerate(topics)
        if not (i == 0 and t.lower().startswith("its "))
        and not {_singular(w) for w in t.lower().split()} & likened
    ]
    owned = None
    addressed = False  # whether the partner's words are about the person ("you forgot...")
    calm = False  # whether the partner's words show no hurt, worry or complaint
    celebrating = False  # whether they are good news of theirs ("I passed my test!")
    done_for_us = None  # a job for the home they did ("cleaning the whole flat today")
    relieved = False  # whether the news lifts a worry ("the scan came back clear")
    joyful = False  # whether it is news to share in, not their own achievement
    thanked = False  # whether they are thanks ("Thank you for cooking tonight")
    apologised = False  # whether they open with an apology ("I'm sorry I snapped")
    checked_on = False  # whether they ask after the person ("is everything okay?")
    named: tuple[str, str, bool] | None = None  # a feeling they named, told back
    charged: frozenset[str] = frozenset()  # the verbs of their message
    if ctx_doc is not None:
        owned = _owned_complaint(ctx_doc)
        # "You forgot...", "your phone...": about the person; "I didn't want to tell you" is not.
        addressed = any(
            (t.lower_ in ("you", "u") and t.dep_ in ("nsubj", "nsubjpass"))
            or t.lower_ in ("your", "ur")
            for t in ctx_doc
        )
        calm = _calm(ctx_doc)
        celebrating = _good_news(ctx_doc)
        done_for_us = _done_for_us(ctx_doc)
        celebrating = celebrating or done_for_us is not None
        relieved = celebrating and bool(_RELIEF.search(ctx_doc.text))
        joyful = relieved or (celebrating and bool(_FAMILY_NEWS.search(ctx_doc.text)))
        thanked = _thanks(ctx_doc)
        apologised = _apology(ctx_doc)
        checked_on = _checking_in(ctx_doc) and not apologised
        calm = calm or celebrating or thanked
        named = (
            _their_feeling(ctx_doc)
            or _unsure(ctx_doc)
            or _wondering(ctx_doc)
            or _their_wish(ctx_doc)
            or _on_their_mind(ctx_doc)
            or _what_they_meant(ctx_doc)
        )
        charged = frozenset(t.lemma_.lower() for t in ctx_doc if t.pos_ == "VERB")
    # They told of their own trouble ("I got a parking ticket and I'm so frustrated"), not
    # of something the person did: their matter leads, and hearing it comes first.
    own_trouble = ctx_doc is not None and not addressed and not calm and _distressed(ctx_doc)
    point = _point(ex, original.harms, config, insults, charged)
    if (
        point
        and raising
        and main_harm == "none"
        and not re.match(r"I(?:'m| am| feel| felt)\b", point, flags=re.IGNORECASE)
    ):
        # a complaint the scorer finds harsh without a rule naming why ("Even my last
        # boyfriend managed flowers", "fine. enjoy the stag do then") is a jab all
        # through: only what the person says they feel ("I'm tired of booking the vet")
        # is their side to keep
        point = None
    if (
        point
        and main_harm in ("minimizing", "fixing")
        and not re.search(r"\b(I|we)\b", point, flags=re.IGNORECASE)
    ):
        # After their worry, "lumps are usually benign" is the reassurance that shrinks
        # it, not the person's own side ("it's how I switch off" is)
        point = None
    if (
        point
        and harm_counts["contempt"]
        and (
            re.match(r"(?:I|we)(?:'ll| will)\b", point, flags=re.IGNORECASE)
            or _MOCK_PRAISE.search(point)
        )
    ):
        # beside a sneer, "I'll have a medal made in the morning", "I'll forward it to the
        # committee" or "my manager will be thrilled" is the sarcasm, not the person's side
        point = None
    if point and re.match(r"(?:thanks|thank you|cheers|ta)\b", point, flags=re.IGNORECASE):
        # "thanks for telling me we're hosting your family. Oh wait, you didn't": thanks
        # are said to them, never the person's side ("From my side, thanks for...")
        point = None
    granted = _granted(ex, original.harms, insults | contempt)
    if granted and point and not re.match(r"(I|we)\b", point, flags=re.IGNORECASE):
        point = None  # "your dad barely noticed" beside "it was twenty minutes": the same shrug
    if point:
        granted = None  # what the person did or meant comes first
    # A sneer the scorer found ("You answer phones all day") is no deed to bring up later.
    deferred = _deferred(
        ex,
        original.harms,
        config,
        insults | contempt,
        sneers=_marker_tokens(ex, frozenset({"contempt"}), original.markers),
    )
    if celebrating or thanked:
        # after their good news or thanks there is no complaint to answer with one: "you
        # said you wanted a faster time" is the jab, not a grievance for later
        deferred = None
    reply_topics = topics
    if ex.context:
        # A counter-complaint or an excuse answers *their* complaint, and minimising or a fix
        # answers what *they* are going through: lead with its topic.
        answers = (
            "counter_complaint",
            "defensiveness",
            "apology_but",
            "minimizing",
            "fixing",
            "stonewalling",
        )
        if main_harm in answers or (deferred and theirs):
            # What the person's own sentence carries ("I had three meetings") is said
            # there, not as something the partner is upset about.
            said = set(re.findall(r"[\w'-]+", " ".join(filter(None, (point, deferred))).lower()))
            # and so is what they did themselves ("I had a meeting", "I'm checking one
            # email"): their excuse, not the partner's trouble
            # (with no topic of theirs to lead with, the deed stays the topic unless the
            # point already carries it)
            if main_harm != "counter_complaint" and theirs:  # there, their own deed is the matter
                # (but not a thing of theirs the sentence runs on to: "I'm the one at home
                # with them, and you never switch the consoles off" after their worry about
                # the consoles)
                said |= {
                    t.lower_
                    for subject in doc
                    if subject.dep_ == "nsubj" and subject.lower_ in ("i", "we")
                    for t in subject.head.subtree
                    if not {_singular(t.lower_), _singular(t.lemma_)} & named_things
                }
            if not theirs and main_harm in ("defensiveness", "apology_but"):
                # "Traffic was a nightmare": with nothing of theirs named, what the excuse
                # blames is still the person's side, not their trouble to ask about
                said |= {
                    t.lower_
                    for subject in doc
                    if subject.dep_ == "nsubj"
                    and subject.pos_ in ("NOUN", "PROPN")
                    and not any(c.lower_ in ("your", "ur") for c in subject.children)
                    for t in subject.head.subtree
                }
            topics = theirs[:1] + [t for t in topics if t.split()[-1].lower() not in said]
        elif not topics:
            topics = theirs
        elif own_trouble:
            # their trouble ("the vet moved the op, I'm freaking out") leads, before whatever
            # the reply turned to ("can you still drive me"); a bare word ("call" from "can
            # we video call") may be a misread, and does not
            lead = [t for t in theirs[:1] if _whole_name(t)]
            topics = lead + [t for t in topics if t not in lead]
        # What the reply tells them to do ("So get a hobby", "Then stop leaving them in
        # the sink") is the person's answer, not the trouble they brought.
        told = _told_to(doc)
        named_by_them = {t.split()[-1].lower() for t in theirs}
        topics = [
            t
            for t in topics
            if t.split()[-1].lower() in named_by_them or t.split()[-1].lower() not in told
        ] or theirs
    walk = _exit(ex, original.harms, config)
    if walk[0]:
        # where they are off to ("I'm off to the gym") is the way out, not the matter
        gone = {w.lower().removesuffix("'s") for w in re.findall(r"[\w'-]+", walk[0])}
        topics = [t for t in topics if t.split()[-1].lower() not in gone]
        if point and walk[0].lower() in point.lower():
            point = None  # the way out is said once, in the break, not as their side too
    chosen = _distinct(topics)[:2]
    if ctx_doc is not None:
        # What both of them named ("the van" in their ask and in the reply) is the matter
        # between them: it leads, before what only one of them brought up.
        their_words = {_singular(w) for t in ctx_doc for w in (t.lower_, t.lemma_)}
        my_words = {_singular(w) for t in doc for w in (t.lower_, t.lemma_)}

        def shared(topic: str) -> bool:
            head = _singular(topic.split()[-1])
            return head in their_words and head in my_words

        def within(topic: str) -> bool:
            """Named inside another topic ("cardiology" in "your cardiology appointment")."""
            head = _singular(topic.split()[-1])
            return any(
                head in {_singular(w) for w in re.findall(r"[\w-]+", other)[:-1]}
                for other in topics
                if other != topic
            )

        first = _distinct(sorted(topics, key=lambda t: not (shared(t) and not within(t))))[:2]
        if set(first) != set(chosen):
            chosen = first
        if (
            main_harm in ("contempt", "criticism")
            and theirs
            and (asked := theirs[0])
            and not any(shared(t) for t in chosen)
            and _singular(asked.split()[-1]) not in my_words
        ):
            # A sneer's props ("shall I iron the tea towels too") or what a verdict on them
            # points at ("every noise from the pipes") are not what they asked about ("the
            # laundry", "the boiler"): what they named comes first, then the reply's words.
            chosen = _distinct([asked, *chosen])[:2]
    if (
        deferred is None
        and point is None
        and harm_counts["counter_complaint"]
        and theirs
        and not (celebrating or thanked)
    ):
        # "How about you sorting the gutters and the shed?": what the person brings up
        # in return is for later, not what the partner is upset about
        brought = {_singular(t.split()[-1]) for t in theirs}
        if ctx_doc is not None:
            # "I'm worn out from driving up there": the drive is theirs to bring up
            brought |= {
                _singular(t.lemma_) for t in ctx_doc if t.pos_ in ("NOUN", "VERB", "ADJ", "PROPN")
            }
        returned = [t for t in _distinct(reply_topics) if _singular(t.split()[-1]) not in brought]
        if returned:
            deferred = f"talk about {_join(returned[:2])} too"
            chosen = _distinct(theirs)[:2]
    topic = _join(chosen)
    # (raising a matter with no harm a rule names, or with an order, it is still a
    # complaint: "When you cancel on me, I feel unsure" would hide what the person feels,
    # and "I feel eager to help" answers no trouble of theirs)
    # (and an order pushed with "Now." is no ultimatum: "I need to know where we stand"
    # fits "either the dog goes or I do", not the socks)
    # (nor does calling them names, "you clown", "your bloody phone": the person is
    # frustrated by the deed, not told of a disrespect of the partner's)
    # (the words the contempt rules call names with: "you muppet", "the worst driver
    # alive", "your cooking is garbage", "your bloody phone")
    calling = _SWEARS | _lexicon("insult_nouns", "insult_superlatives", "trash_words")
    named_only = main_harm == "contempt" and all(
        set(re.findall(r"[a-z]+", m.text.lower())) & calling
        for m in original.harms
        if m.kind == "contempt"
    )
    feeling, need = config.feelings[
        "criticism"
        if raising
        and (
            # (or with an answering harm only a learned guess found)
            # (a counter-complaint with nothing of theirs to counter is the complaint itself)
            main_harm in ("none", "fixing", "counter_complaint", *_ANSWERING)
            or named_only
            or (
                main_harm == "pressure"
                and not any(_ultimatum(c) for sent in doc.sents for c in _clauses(sent))
            )
            or (main_harm == "minimizing" and martyred)
        )
        else main_harm
    ]
    if raising and main_harm == "contempt" and not named_only:
        # a sneer of the person's own ("You had one job", "Love how you tell your mates")
        # hides a hurt; "I need us to talk to each other with respect" would say the
        # partner had sneered
        feeling, need = config.raised_sneer
    # Unasked-for advice is the harm itself: it is not carried over as a request, but it
    # can be offered as a question ("Would it help to call her, or...?").
    request = _request(doc, mock_alarms=config.mock_alarms)
    # "you need to say yes today" inside a push for an answer is the pressure itself:
    # neither advice to offer nor a request to carry over
    pushes = [m for m in original.harms if m.kind == "pressure"]
    pushed = [
        m
        for m in original.harms
        if m.kind == "fixing" and any(p.start <= m.start and m.end <= p.end for p in pushes)
    ]
    if pushed and len(pushed) == harm_counts["fixing"]:
        request = None
    # (raised out of the blue, "Empty the dishwasher. Now." asks for the dishwasher: the push
    # is the "Now.", which is dropped)
    if (
        request
        and not raising
        and any(
            re.search(rf"\b{re.escape(request[0].split()[0])}", p.text, re.IGNORECASE)
            for p in pushes
        )
    ):
        request = None  # "Answer the question." is the push, not a request to carry over
    # They spoke of their own matter, not of the person.
    hushed = ctx_doc is not None and not addressed

    def demands_talk(asked: tuple[str, str] | None) -> bool:
        """ "Talk to me." after "I can't face it yet" is the push, and so is "give me a
        date": neither request nor advice ("tell him to mind his own business" is advice
        about someone else)."""
        words = asked[0].split() if asked else []
        return (
            hushed
            and bool(words)
            and (
                (words[0] in _TALK_VERBS and (len(words) == 1 or "question" in words))
                or bool({"me", "us"} & set(words[1:]))
            )
        )

    if demands_talk(request):
        request = None
    # After they told of their own trouble ("Dad's dementia is getting worse"), what the
    # reply tells them to do is advice, marked or not: offered, never asked for.
    # Raising a matter of their own ("Phone the garage this morning"), what the person asks
    # for is their request, not advice for the partner's trouble.
    advising = not raising and (bool(harm_counts["fixing"]) or (hushed and not calm))
    advice = (
        (
            (None if pushed else _request(doc, advice=True, mock_alarms=config.mock_alarms))
            or request
        )
        if advising
        else None
    )
    if demands_talk(advice):
        advice = None
    if advice:
        request = None
    if config.dare_pattern.search(doc.text.lower()):
        request = advice = None  # "Cancel it then, see if I care": leave given in spite
    event = _event(
        doc,
        topic,
        config,
        insults | sneer,
        answering=(
            main_harm in ("counter_complaint", "defensiveness", "apology_but")
            or (
                bool(ex.context)
                and harm_counts["counter_complaint"] + harm_counts["apology_but"] > 0
            )
            # after their complaint, "you make coffee for a living" is the sneer, not a deed
            or (bool(ex.context) and harm_counts["contempt"] > 0)
            # after their own worry, "you always pull it off" is reassurance, not a deed
            or (hushed and harm_counts["minimizing"] + harm_counts["fixing"] > 0)
        )
        # (raised out of the blue, there is nothing said to answer)
        and not raising,
        raising=raising,
    )
    if (
        own_trouble
        and feeling in ("frustrated", "hurt", "unheard")
        and (event is None or event[0].startswith("it comes to "))
    ):
        # their own trouble ("I keep crying about Pepper, the flat's so quiet") is no
        # wrong done to the person: "When it comes to Pepper, I feel frustrated" would
        # hold it against them, and worry for them fits; a deed of theirs the reply tells
        # ("When you don't take the bins out") is still the person's frustration
        feeling, need = config.feelings["minimizing"]
    # A feeling the person names themselves ("I feel invisible when...", "you embarrassed me
    # at the party") is the I-statement's, in their word: "frustrated" would put another
    # feeling in their mouth, and saying it again as their side would repeat it.
    own_felt = _own_feeling(doc, config) if raising else None
    felt_past = False
    if own_felt is not None:
        feeling, need = own_felt[0], own_felt[1] or need
        event, point, felt_past, feeling = _told_as_felt(own_felt, event, point, doc, config)
    if (
        raising
        and own_felt is None
        and event
        and event[0].startswith("it seems like you don't want ")
        and feeling in ("frustrated", "unsure")
    ):
        # "You never want to spend time with me anymore": being unwanted hurts
        feeling, need = "hurt", config.own_feelings.get("hurt") or need
    if raising and martyred and point and re.match(r"I(?:'ll| will)\b", point):
        point = None  # "I'll sit here on my own, then": the sulk, not the person's side
    if raising and point and re.search(r"\b(?:of|with) (?:you|u) \w+ing\b", point):
        # "I'm sick of you gaming till two" is the deed the I-statement tells, not a side
        point = None
    # "you never lift a finger with the laundry": the idiom says they do not help
    if event:
        event = (_FINGER.sub(r"help\1", event[0]), event[1])
    if request:
        request = (_FINGER.sub(r"help\1", request[0]), _FINGER.sub(r"help\1", request[1]))
    bothered = event and re.search(r"\bbother (?:to )?(\w+)", event[0])
    if event and bothered:
        # "you never bother ringing": what is not done is the ringing ("When you don't
        # ring... Could you ring?"), not the bother
        done = next((t.lemma_.lower() for t in doc if t.lower_ == bothered[1]), bothered[1])
        event = (event[0][: bothered.start()] + done + event[0][bothered.end() :], event[1])
    asked_again = re.search(
        r"\b(?:have|need|got) to (?:ask|tell|remind|beg) (?:you|u) to ((\w+)[^?.!,;]*)",
        doc.text,
        flags=re.IGNORECASE,
    )
    if raising and request is None and advice is None and asked_again:
        # "How many times do I have to ask you to lock the shed?": what they were asked
        # for is the request ("Could you lock the shed?")
        rest = asked_again[1][len(asked_again[2]) :].rstrip()
        request = (asked_again[1].rstrip(), _gerund(asked_again[2].lower()) + rest)
        if event is None or event[0].startswith("it comes to "):
            # and having to ask again is what happened
            asking_word = re.search(r"(ask|tell|remind|beg) (?:you|u)", asked_again[0], re.I)
            if asking_word:
                event = (f"I have to {asking_word[1].lower()} you more than once", False)
    if raising and request is None and advice is None and event and not event[1]:
        # "You never phone my gran" -> "...Could you phone my gran?": what
        # they do not do is what the person would like
        undone = re.fullmatch(r"you (?:don't|doesn't) (\w+)(.*)", event[0])
        if undone and undone[1] not in config.not_observed:
            wish = re.sub(
                r"\bany(where|thing|one|body|more)?\b",
                lambda m: "some" + (m[1] or "") if m[1] != "more" else "",
                undone[2],
            )
            wish = re.sub(r"\s+", " ", wish).rstrip()
            request = (undone[1] + wish, _gerund(undone[1]) + wish)
    # a feeling they named without what it is about
    alone = named if named is not None and not named[2] else None
    # (not "I said I'd fix the gate and it's still broken": what went wrong is told, so they
    # are upset that it did)
    promised = bool(owned and _PROMISED.match(owned) and not re.search(r",| and | but ", owned))
    slots: dict[str, str | None] = {
        "topic": topic,
        "feeling": feeling,
        "own_feeling": feeling if own_felt is not None else None,
        # what it is about, when the observation does not already say it ("When I don't
        # feel heard, ... Could we talk about the dishes together?")
        # (raised out of the blue only: after their words, it lifts a counter-charge put
        # as "When I don't feel noticed" above hearing them)
        "topic_unsaid": topic
        if raising
        and topic
        and event
        and not any(
            re.search(rf"\b{re.escape(word)}", event[0], re.IGNORECASE)
            for t in chosen
            for word in {t.split()[-1], _singular(t.split()[-1])}
        )
        else None,
        "need": need,
        "event": event[0] if event else None,
        "feel": "felt" if (event and event[1]) or felt_past else "feel",
        "request": request[0] if request else None,
        "advice": advice[0] if advice else None,
        "request_ing": request[1] if request else None,
        "owned": owned,
        # what they say the person did, told as it was done ("that I forgot your birthday")
        "owned_deed": owned if owned and owned.startswith(("I ", "I'")) and not promised else None,
        # a promise they hold the person to ("you said you'd call") is no deed to be upset
        # about ("upset that I promised..."): that it matters to them is what to hear
        "promised": owned if promised else None,
        # what they feel, saw or want ("you're worried about...", "it felt like I..."):
        # heard, since "You're right, you're worried" agrees with no one
        "owned_feeling": owned if owned and _THEIR_SIDE.match(owned) else None,
        "owned_agreed": owned if owned and not _THEIR_SIDE.match(owned) else None,
        # Owning a part of "the baby" or "your dad" only makes sense when they spoke of you.
        # "You're right about your drinking" would agree with a charge against them.
        "their_topic": theirs[0]
        if addressed and theirs and not theirs[0].startswith("your ")
        else None,
        # the feeling they named, where it can be had "about" the topic ("you're nervous")
        "upset": None
        if calm or (alone and topic and not theirs)
        else (alone[0] if alone and alone[1] in _FELT_ABOUT else "you're upset"),
        # the feeling they named with what it is about ("you're nervous about the move")
        "felt_about": _with_when(named[0], ctx_doc) if named and named[2] and not calm else None,
        # the same for a plan or a wish with no hurt in it ("you want to start pottery"):
        # what they have in mind is what to hear, not "how it's been for you"
        "wished": named[0] if named and named[2] and calm else None,
        # what else they told of, beyond what that feeling names ("so tired you fell asleep
        # at your desk", and the twins); never what the reply brought up
        "topic_beyond": _join(
            [
                t
                for t in _distinct(theirs)[:2]
                if not re.search(rf"\b{re.escape(t.split()[-1])}\b", named[0], re.IGNORECASE)
                and not re.fullmatch(r"the \w+ing", t)  # "the waking": a verb of theirs
            ]
        )
        if named and named[2] and not calm
        else None,
        # one not had "about" a thing ("you're exhausted"), told back on its own; so is
        # one whose matter they did not name: "terrified" about the reply's topic ("my work
        # drinks") would pin their fear on what the person brought up
        "felt": alone[0]
        if alone and (alone[1] not in _FELT_ABOUT or (topic and not theirs))
        else None,
        # what they care about is what they asked about ("the holiday"), not the reply's
        "calm_topic": ((_join(_distinct(theirs)[:2]) if theirs else topic) if calm else None),
        # their good news, to be glad of, not a plan to discuss
        "glad": "That's wonderful news" if celebrating and not joyful and not done_for_us else None,
        "done_for_us": done_for_us,
        # what the reply raised beside it ("my favourite jumper"), for another time
        "done_aside": _join(
            [
                t
                for t in _distinct(reply_topics)[:2]
                if not re.search(rf"\b{re.escape(t.split()[-1])}\b", done_for_us, re.I)
            ]
        )
        if done_for_us
        else None,
        # a run, a test, a bake has a best part; a bonus or a place offered is felt
        "glad_ask": "What was the best part of it for you?"
        if ctx_doc is not None and _DONE.search(ctx_doc.text)
        else "How does it feel?",
        # whose it is to be proud of: "us too" after "I'm proud of us for paying it off"
        "proud_of": "us too"
        if ctx_doc is not None
        and re.search(r"\bproud of us\b|^(we|our)\b", ctx_doc.text.strip(), re.I)
        else "you",
        # or news that is not theirs to be proud of: a worry lifted, or joy in the family
        "joy": ("I'm so relieved" if relieved else "That's wonderful news") if joyful else None,
        # what the news is about, in their words only ("your first 10k")
        # (not a bare word cut from a longer name: "employee" of "employee of the month")
        "glad_topic": (
            _relieved_about(ctx_doc, theirs) or (theirs[0] if _whole_name(theirs[0]) else None)
        )
        if celebrating and theirs and ctx_doc is not None
        else None,
        "thanked": "Thank you for saying that" if thanked else None,
        # their apology, taken first
        "forgiving": "Thank you for saying sorry" if apologised else None,
        "point": point,
        "granted": granted,
        "deferred": deferred,
        "exit": walk[0],
        "not_when": walk[1],
        # they are already telling the person about it (their pain, their feeling, their
        # complaint): an invitation to say more, not to talk "whenever you're ready" (which
        # still fits a push for an answer, and their not being ready)
        "listening": "I'm here and I'm listening"
        if ex.context
        and not calm
        and not checked_on
        # (walking away, the person is the one who needs the time)
        and main_harm != "stonewalling"
        and not harm_counts["pressure"]
        and (own_trouble or named is not None or addressed)
        and not _NOT_READY.search(ex.context)
        else None,
        "later": "tomorrow"
        if walk[1] in ("tonight", "this evening") or re.search(r"\b(bed|sleep)\b", walk[0] or "")
        else "later today",
    }
    # Offer first the versions that carry most of the person's own words: candidates are
    # tried from the most to the least words kept (then by how well the skill fits), and
    # each skill's first safe, safer version is its suggestion.
    # Absolutes ("always", "every single time") are not words to keep; the rest of an
    # attacking sentence still names what it is about.
    own_words = _content_words(doc, insults | _marker_tokens(ex, frozenset({"absolute"})))
    candidates: list[_Option] = []
    seen: set[str] = set()
    order = config.order[main_harm]
    # A brush-off ("lol ok", "whatever") of a feeling or wish they named ("I miss you when
    # you travel"): no refusal to talk and no way out taken, so there is no fight to take
    # a break from, and hearing them comes first.
    reply_words = [t for t in doc if not t.is_punct and unicodedata.category(t.text[0]) != "So"]
    brushed_off = (
        main_harm == "stonewalling"
        and named is not None
        and not walk[0]
        and len(reply_words) <= 3
        and not any(t.dep_ == "neg" for t in doc)
    )
    # (a calm "could we go over the wedding list?" still opens a hard talk, which a break suits)
    asks_to_talk = bool(
        ex.context and re.search(r"\b(talk|discuss|chat|go over)\b", ex.context.lower())
    )
    if own_trouble or brushed_off:
        # hearing their pain comes first, before how the person feels about it
        order = ("validate_first", *(name for name in order if name != "validate_first"))
    for rank, name in enumerate(order):
        if (
            calm
            and not asks_to_talk
            and (
                name == "repair_break"
                or (name == "i_statement" and feeling in ("frustrated", "hurt", "unheard"))
            )
        ):
            # a plan, a bid, good news or thanks: there is no fight to step out of, and
            # "When it comes to the lasagne you made, I feel frustrated" answers none of it
            continue
        if (
            name == "repair_break"
            and own_trouble
            and main_harm != "stonewalling"
            and not any(walk)  # ("not tonight": the person asked for the time themselves)
        ):
            # their own pain ("I keep crying about Pepper") is no fight to step out of:
            # leaving for twenty minutes walks away from them
            continue
        if name == "own_your_part" and (thanked or apologised):
            # thanks or praise ("I'm proud of how you...") are nothing to be sorry for, and
            # their apology is to be taken, not answered with one
            continue
        if (
            name == "own_your_part"
            and ex.context
            and not addressed
            and not harm_counts["apology_but"]
        ):
            # they spoke of their own plans or pain: there is no part to own (unless the
            # person already apologised, and only the "but" was wrong)
            continue
        strategy = config.strategies[name]
        templates = (
            strategy.checked_on
            if checked_on and strategy.checked_on is not None
            else strategy.raising
            if raising and strategy.raising is not None
            else strategy.templates
        )
        for position, template in enumerate(templates):
            if (
                name == "validate_first"
                and not ex.context
                and "{topic}" in template
                and (topic or "").startswith("your ")
            ):
                # with nothing they said, "You leave your socks everywhere" is the person's
                # complaint: "you're upset about your socks" would hand it to them
                continue
            candidate = _fill(template, slots)
            if candidate is None or candidate in seen:
                continue
            seen.add(candidate)
            # Count only the words the slots brought in, not the template's own.
            # ("I'm here and I'm listening" is the template's own, set by the situation)
            carried = " ".join(
                str(slots[slot])
                for slot in _SLOT.findall(template)
                # (nor are the feeling and need the kind of harm sets: "how big this feels
                # to you" carries no "big" of "it's not a big deal")
                if slot not in ("listening", "feeling", "need", "feel")
            )
            # Good news is met with gladness first, and thanks are taken, before anything
            # the reply said.
            # (so is their care, when they asked after the person)
            welcome = checked_on or any(
                f"{{{slot}}}" in template
                for slot in ("glad", "joy", "thanked", "forgiving", "done_for_us")
            )
            kept = 2.0 if welcome else _share_kept(own_words, carried)
            if "{done_aside}" in template:
                kept = 2.5  # thanks for the job that keep what the reply raised beside it
            if raising and name == "i_statement" and main_harm != "pressure":
                # a complaint raised out of the blue is best put as an I-statement, whatever
                # the other skills carry (under pressure, inviting comes first)
                kept = 1.5
            if (
                name == "i_statement"
                and "{event}" in template
                and feeling in ("frustrated", "hurt", "unheard")
                and _told_back(event, ex, (addressed and not calm) or named is not None)
            ):
                # After their complaint about the person, "When it comes to your weight
                # (their words), I feel frustrated" names no deed of theirs: it reads as
                # frustration at being told. So does "When it comes to the accident, I feel
                # frustrated" after "I'm not ready to go over the accident". Hearing them
                # comes before it.
                kept = -1.0
            candidates.append((-kept, rank, position, name, candidate))
    candidates.sort()

    def first_safe(options: list[_Option]) -> tuple[_Option, Suggestion] | None:
        for option in options:
            name, candidate = option[3], option[4]
            scored = analyze(candidate, context=context)
            if scored.label == "safe" and scored.score < original.score:
                strategy = config.strategies[name]
                return option, Suggestion(
                    text=candidate,
                    strategy=name,
                    score=scored.score,
                    label=scored.label,
                    explanation=strategy.explanation + _left_out(original),
                )
        return None

    found: list[tuple[_Option, Suggestion]] = []
    # Within a skill, its templates keep their order (the most natural first); skills are
    # tried from the one whose most natural version keeps most words, and the versions
    # found are offered in order of the words they keep.
    by_skill: dict[str, list[_Option]] = {}
    for option in sorted(candidates, key=lambda c: c[2]):
        by_skill.setdefault(option[3], []).append(option)
    skills = sorted(by_skill, key=lambda name: by_skill[name][0])
    # The versions most likely to be scored are parsed in one batch, which is faster. Only
    # the first n: most replies need no more, and a spare one (often the longest) made
    # the batch slower than parsing it alone when it is needed (median 58 -> 42 ms here).
    likely = [by_skill[name][0][4] for name in skills[:n]]
    parse.prime([normalize(clean_text(text)).text for text in likely])
    for name in skills:
        safe = first_safe(by_skill[name])
        if safe is not None:
            found.append(safe)
        if len(found) >= n:
            break
    found.sort(key=lambda pair: pair[0][:2])
    suggestions = [suggestion for _, suggestion in found]
    # The skill that fits this kind of harm best is always among them, and so is hearing
    # them when they named what they feel, want or are unsure of: a validation in their
    # words keeps few of the reply's, but it is what the moment asks for first.
    # (raised out of the blue, that is the I-statement, as in the ranking above)
    wanted = ["i_statement" if raising and main_harm != "pressure" else config.order[main_harm][0]]
    if named is not None:
        wanted.append("validate_first")
    for skill in wanted:
        if not suggestions or any(s.strategy == skill for s in suggestions):
            continue
        safe = first_safe(by_skill.get(skill, []))
        spare = [i for i, s in enumerate(suggestions) if s.strategy not in wanted]
        if safe is None or (len(suggestions) >= n and not spare):
            continue
        if len(suggestions) >= n:
            del suggestions[spare[-1]]
        suggestions.append(safe[1])
    note = (
        ""
        if suggestions
        else "No safer version could be made from this reply without changing what it says."
    )
    return Suggestions(suggestions, note=note, original=original, crisis=crisis)
