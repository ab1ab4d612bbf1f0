"""Cleaning and texting-style normalisation, with a map back to the person's own characters.

The parser reads "ur always on ur phone" far better as "you're always on your phone", so
shorthand is expanded before parsing. Markers found on the expanded text are mapped back to
offsets in the cleaned text the person wrote, so a UI can highlight their own words.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from coach.errors import InvalidTextError, RulesError
from coach.loader import load_yaml

MAX_CHARS = 5000
_KEEP_CONTROLS = {"\n", "\t"}
_WORD = re.compile(r"[A-Za-z0-9']+")
_ELONGATED = re.compile(r"([A-Za-z])\1{2,}")


def clean_text(text: object, *, field: str = "text") -> str:
    """Validate and clean user text: strip control characters and surrounding whitespace."""
    if not isinstance(text, str):
        raise InvalidTextError(f"{field} must be a string, not {type(text).__name__}.")
    cleaned = "".join(
        ch for ch in text if ch in _KEEP_CONTROLS or unicodedata.category(ch) != "Cc"
    ).replace("\t", " ")
    cleaned = cleaned.strip()
    if not cleaned:
        raise InvalidTextError(f"{field} is empty: write the message you want to check.")
    if len(cleaned) > MAX_CHARS:
        raise InvalidTextError(
            f"{field} is {len(cleaned)} characters long; the limit is {MAX_CHARS}. "
            "Split it into shorter messages."
        )
    return cleaned


@dataclass(frozen=True, slots=True)
class Shorthand:
    words: dict[str, str]
    youre_cues: frozenset[str]
    youre_suffixes: tuple[str, ...]
    ill_cues: frozenset[str] = frozenset()
    its_cues: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def load_shorthand() -> Shorthand:
    data: dict[str, Any] = load_yaml("texting.yml")
    allowed = {"words", "ur", "ill", "its", "description"}
    unknown = set(data) - allowed
    if unknown:
        raise RulesError(f"texting.yml: unknown keys {sorted(unknown)}")
    words = data.get("words") or {}
    ur = data.get("ur") or {}
    ill = data.get("ill") or {}
    its = data.get("its") or {}
    if not isinstance(words, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in words.items()
    ):
        raise RulesError("texting.yml: 'words' must map shorthand to its expansion")
    return Shorthand(
        words={k.lower(): v for k, v in words.items()},
        youre_cues=frozenset(str(w).lower() for w in ur.get("youre_before", [])),
        youre_suffixes=tuple(str(s) for s in ur.get("youre_suffixes", [])),
        ill_cues=frozenset(str(w).lower() for w in ill.get("ill_before", [])),
        its_cues=frozenset(str(w).lower() for w in its.get("its_before", [])),
    )


@dataclass(frozen=True, slots=True)
class Normalized:
    """Expanded text plus the segments that map it back to the original."""

    original: str
    text: str
    # (expanded_start, original_start, expanded_len, original_len), sorted by expanded_start
    segments: tuple[tuple[int, int, int, int], ...]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        return self._map(start, is_end=False), self._map(end, is_end=True)

    def _map(self, pos: int, *, is_end: bool) -> int:
        if not self.segments:
            return pos
        starts = [s[0] for s in self.segments]
        i = bisect_right(starts, pos) - 1
        if i < 0:
            return pos
        exp_start, orig_start, exp_len, orig_len = self.segments[i]
        if is_end and pos == exp_start and i > 0:
            exp_start, orig_start, exp_len, orig_len = self.segments[i - 1]
        offset = pos - exp_start
        if exp_len == orig_len:
            return orig_start + min(offset, orig_len)
        # A rewritten word maps as a whole.
        if offset <= 0:
            return orig_start
        return orig_start + orig_len if (is_end or offset >= exp_len) else orig_start


def _expand_word(word: str, nxt: str | None, sh: Shorthand) -> str | None:
    low = word.lower()
    if low == "ur":
        youre = nxt is not None and (
            nxt.lower() in sh.youre_cues or nxt.lower().endswith(sh.youre_suffixes)
        )
        out = "you're" if youre else "your"
        return out.capitalize() if word[0].isupper() else out
    if low == "ill" and nxt is not None and nxt.lower() in sh.ill_cues:
        return "I'll"  # "ill be home by 6"; "I'm ill today" stays ill
    if low == "its" and nxt is not None and nxt.lower() in sh.its_cues:
        return "It's" if word[0].isupper() else "it's"  # "its only a party"; "its tail" stays
    if low == "i":
        return "I" if word == "i" else None
    squeezed = _ELONGATED.sub(r"\1", low)
    if squeezed in sh.words:
        out = sh.words[squeezed]
        if word[:1].isupper() and out[:1].islower():
            out = out[:1].upper() + out[1:]
        return out
    if squeezed != low:
        return squeezed
    return None


def normalize(text: str) -> Normalized:
    """Expand texting shorthand ("u", "ur", "dont", "soooo") for the parser."""
    sh = load_shorthand()
    words = list(_WORD.finditer(text))
    pieces: list[str] = []
    segments: list[tuple[int, int, int, int]] = []
    exp_pos = 0
    orig_pos = 0
    for idx, m in enumerate(words):
        nxt = words[idx + 1].group() if idx + 1 < len(words) else None
        replacement = _expand_word(m.group(), nxt, sh)
        if replacement is None or replacement == m.group():
            continue
        if m.start() > orig_pos:
            gap = text[orig_pos : m.start()]
            segments.append((exp_pos, orig_pos, len(gap), len(gap)))
            pieces.append(gap)
            exp_pos += len(gap)
        segments.append((exp_pos, m.start(), len(replacement), len(m.group())))
        pieces.append(replacement)
        exp_pos += len(replacement)
        orig_pos = m.end()
    if not segments:
        return Normalized(text, text, ())
    tail = text[orig_pos:]
    segments.append((exp_pos, orig_pos, len(tail), len(tail)))
    pieces.append(tail)
    return Normalized(text, "".join(pieces), tuple(segments))
