"""Turning engine results into the JSON the API answers with."""

from __future__ import annotations

from typing import Any

from api.metrics import Metrics
from coach import analyze, check_crisis
from coach.crisis import CrisisCheck, _messages, _resolve_locale, load_resources


def analysis_view(
    text: str, context: str | None, locale: str | None, metrics: Metrics | None = None
) -> tuple[dict[str, Any], CrisisCheck]:
    """The crisis check first; a crisis is not scored (no score, label or markers)."""
    crisis = check_crisis(text, locale=locale)
    if crisis.crisis:
        if metrics is not None:
            metrics.observe_score(None)
        return {
            "text": text,
            "context": context,
            "score": None,
            "label": None,
            "markers": [],
            "flags": [],
            "crisis": crisis.to_dict(),
        }, crisis
    analysis = analyze(text, context=context).to_dict()
    if metrics is not None:
        metrics.observe_score(analysis["score"])
    return {**analysis, "crisis": crisis.to_dict()}, crisis


def rasa_metadata(analysis: dict[str, Any]) -> dict[str, Any]:
    """What Rasa hears of an analysis: the partner reacts to the score, the label and each
    marker's kind, polarity and tip; the words themselves stay out of Rasa's tracker (which
    also keeps it small)."""
    return {
        "analysis": {
            "score": analysis["score"],
            "label": analysis["label"],
            "markers": [
                {k: m[k] for k in ("kind", "polarity", "tip")} for m in analysis["markers"]
            ],
        }
    }


def crisis_help(kind: str, locale: str | None) -> dict[str, Any]:
    """The help for a crisis kind, to keep showing for the rest of a conversation."""
    resolved = _resolve_locale(locale)
    seen: set[str] = set()
    resources = []
    for resource_kind, resource in load_resources(resolved):
        if resource_kind == kind and resource.name not in seen:
            seen.add(resource.name)
            resources.append(resource.to_dict())
    return {
        "crisis": True,
        "check_in": False,
        "kind": kind,
        "message": _messages()[kind],
        "resources": resources,
        "locale": resolved,
    }
