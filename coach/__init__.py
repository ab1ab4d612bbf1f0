"""Rehearse's engine: score replies for emotional safety, suggest rewrites, spot crises."""

from coach.analyzer import analyze, nlp
from coach.errors import CoachError, InvalidTextError, ModelNotFoundError, RulesError
from coach.result import HARM_KINDS, HELP_KINDS, KINDS, Analysis, Marker

__all__ = [
    "HARM_KINDS",
    "HELP_KINDS",
    "KINDS",
    "Analysis",
    "CoachError",
    "InvalidTextError",
    "Marker",
    "ModelNotFoundError",
    "RulesError",
    "analyze",
    "nlp",
]
