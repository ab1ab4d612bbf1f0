"""Stepping out of the role-play and back in, and rewinding the last reply."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.history import history, undone
from bot.actions.rehearsal import partner_payload
from bot.actions.scenarios import SHOW_SCENARIOS, active_scenario


def last_said(scenario: dict[str, Any], turns: list[dict[str, Any]]) -> str:
    """What the partner said most recently (their opening, if no reply has been answered)."""
    for turn in reversed(turns):
        if turn.get("line"):
            return str(turn["line"])
    return str(scenario["opening"])


def _not_rehearsing(dispatcher: CollectingDispatcher) -> list[EventType]:
    dispatcher.utter_message(
        text="There's no rehearsal going on right now.",
        buttons=[SHOW_SCENARIOS],
    )
    return []


class ActionPauseRehearsal(Action):
    def name(self) -> str:
        return "action_pause_rehearsal"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        if not tracker.get_slot("in_rehearsal"):
            return _not_rehearsing(dispatcher)
        dispatcher.utter_message(
            text="Paused. You've stepped out of the conversation; your partner can't hear you. "
            "Ask me anything, then type /resume to go back in.",
            json_message={"role": "coach", "event": "paused"},
        )
        return [SlotSet("paused", True)]


class ActionResumeRehearsal(Action):
    def name(self) -> str:
        return "action_resume_rehearsal"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        scenario = active_scenario(tracker)
        if scenario is None:
            return _not_rehearsing(dispatcher)
        turns = history(tracker).turns
        level = int(tracker.get_slot("guard_level") or 0)
        dispatcher.utter_message(
            text=f"Back in. {scenario['partner']['name']} last said: “{last_said(scenario, turns)}”",
            json_message={"role": "coach", "event": "resumed", **partner_payload(scenario, level)},
        )
        return [SlotSet("paused", False)]


class ActionRewindReply(Action):
    def name(self) -> str:
        return "action_rewind_reply"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        scenario = active_scenario(tracker)
        if scenario is None:
            return _not_rehearsing(dispatcher)
        turns = history(tracker).turns
        if not turns:
            dispatcher.utter_message(text="There's no reply to rewind yet. Go ahead and answer.")
            return []
        last = turns.pop()
        level = int(last["before"])
        dispatcher.utter_message(
            text=f"Rewound. Try that reply again. {scenario['partner']['name']} had said: "
            f"“{last_said(scenario, turns)}”",
            json_message={"role": "coach", "event": "rewound", **partner_payload(scenario, level)},
        )
        # The history keeps the rewound line as used, so the partner never says it twice.
        return [undone(len(turns)), SlotSet("guard_level", float(level))]
