"""Rehearse's engine: score replies for emotional safety, suggest rewrites, spot crises."""

from coach.analyzer import analyze, nlp
from coach.crisis import CrisisCheck, Resource, check_crisis
from coach.errors import CoachError, InvalidTextError, ModelNotFoundError, RulesError
from coach.result import HARM_KINDS, HELP_KINDS, KINDS, Analysis, Marker
from coach.rewrite import Suggestion, Suggestions, rewrite

__all__ = [
    "HARM_KINDS",
    "HELP_KINDS",
    "KINDS",
    "Analysis",
    "CoachError",
    "CrisisCheck",
    "InvalidTextError",
    "Marker",
    "ModelNotFoundError",
    "Resource",
    "RulesError",
    "Suggestion",
    "Suggestions",
    "analyze",
    "check_crisis",
    "nlp",
    "rewrite",
]
