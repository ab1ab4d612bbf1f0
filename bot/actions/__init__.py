"""Custom actions for the simulated partner (rasa_sdk); one module per feature."""

from bot.actions.controls import ActionPauseRehearsal, ActionResumeRehearsal, ActionRewindReply
from bot.actions.debrief import ActionEndRehearsal
from bot.actions.rehearsal import ActionListScenarios, ActionPartnerReply, ActionStartScenario

__all__ = [
    "ActionEndRehearsal",
    "ActionListScenarios",
    "ActionPartnerReply",
    "ActionPauseRehearsal",
    "ActionResumeRehearsal",
    "ActionRewindReply",
    "ActionStartScenario",
]
