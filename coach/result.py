"""Result types returned by the engine. All are plain, immutable and JSON-ready."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

HELP_KINDS: tuple[str, ...] = (
    "validation",
    "open_question",
    "ownership",
    "appreciation",
    "vulnerability",
    "invitation",
    "reflection",
    "repair_break",
)
HARM_KINDS: tuple[str, ...] = (
    "criticism",
    "absolute",
    "defensiveness",
    "counter_complaint",
    "contempt",
    "stonewalling",
    "minimizing",
    "fixing",
    "pressure",
    "apology_but",
)
KINDS: tuple[str, ...] = HELP_KINDS + HARM_KINDS

Polarity = Literal["help", "harm"]
Label = Literal["safe", "unsafe"]


def polarity_of(kind: str) -> Polarity:
    if kind in HELP_KINDS:
        return "help"
    if kind in HARM_KINDS:
        return "harm"
    raise ValueError(f"unknown marker kind {kind!r}; expected one of {', '.join(KINDS)}")


@dataclass(frozen=True, slots=True)
class Marker:
    """A stretch of the reply that makes it feel safer (help) or less safe (harm)."""

    kind: str
    start: int
    end: int
    text: str
    polarity: Polarity
    tip: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Analysis:
    """How emotionally safe a reply is, and why."""

    text: str
    score: int
    label: Label
    markers: list[Marker]
    context: str | None = None
    flags: list[str] = field(default_factory=list)

    @property
    def helps(self) -> list[Marker]:
        return [m for m in self.markers if m.polarity == "help"]

    @property
    def harms(self) -> list[Marker]:
        return [m for m in self.markers if m.polarity == "harm"]

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "context": self.context,
            "score": self.score,
            "label": self.label,
            "markers": [m.to_dict() for m in self.markers],
            "flags": list(self.flags),
        }


def label_for(score: int) -> Label:
    return "safe" if score < 50 else "unsafe"
