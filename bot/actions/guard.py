"""How a reply moves the partner's guard: from the gateway's analysis, or the NLU intent."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.actions.scenarios import coaching, levels
from bot.vocabulary import HELP_KINDS


@dataclass
class Reading:
    """What the partner "heard" in one reply."""

    step: int
    source: str  # "analysis" or "intent"
    score: int | None = None
    label: str | None = None
    helps: list[str] = field(default_factory=list)
    harms: list[str] = field(default_factory=list)
    tip: str = ""


def _analysis(metadata: Any) -> dict[str, Any] | None:
    if not isinstance(metadata, dict):
        return None
    for candidate in (metadata.get("analysis"), metadata):
        if isinstance(candidate, dict) and isinstance(candidate.get("score"), int | float):
            return candidate
    return None


def read_reply(metadata: Any, intent: dict[str, Any] | None) -> Reading:
    """The step up or down the guard scale for the latest reply."""
    table = coaching()
    analysis = _analysis(metadata)
    if analysis is not None:
        score = int(analysis["score"])
        markers = [m for m in analysis.get("markers") or [] if isinstance(m, dict)]
        helps = [str(m.get("kind")) for m in markers if m.get("polarity") == "help"]
        harms = [str(m.get("kind")) for m in markers if m.get("polarity") == "harm"]
        step = next(b["step"] for b in table["score_bands"] if score < b["below"])
        label = str(analysis.get("label") or ("safe" if score < 50 else "unsafe"))
        focus = harms if label == "unsafe" else helps
        tip = next(
            (str(m["tip"]) for m in markers if m.get("kind") in focus[:1] and m.get("tip")), ""
        )
        if not tip:
            tip = table["tips"].get(focus[0] if focus else "none", table["tips"]["none"])
        return Reading(step, "analysis", score, label, helps, harms, tip)
    name = str((intent or {}).get("name") or "")
    confidence = float((intent or {}).get("confidence") or 0.0)
    kind = name.removeprefix("reply_") if name.startswith("reply_") else None
    rule = table["intent_step"]
    if kind is None or confidence < rule["min_confidence"]:
        return Reading(0, "intent", tip=table["tips"]["none"])
    is_help = kind in HELP_KINDS
    return Reading(
        rule["help"] if is_help else rule["harm"],
        "intent",
        helps=[kind] if is_help else [],
        harms=[] if is_help else [kind],
        tip=table["tips"].get(kind, table["tips"]["none"]),
    )


def move(level: int, reading: Reading) -> int:
    """The new guard level (an index into the levels) after a reply."""
    top = len(levels()) - 1
    guarded = levels().index("guarded")
    new = max(0, min(top, level + reading.step))
    if reading.step < 0 and new < guarded:
        withdraw = any(k in coaching()["withdrawal_harms"] for k in reading.harms)
        new = levels().index("shut_down") if withdraw else levels().index("escalated")
        new = min(new, level) if level < guarded else new
    if reading.step > 0 and level < guarded:
        new = guarded  # calming down starts by getting back to wary, not straight to open
    return new
