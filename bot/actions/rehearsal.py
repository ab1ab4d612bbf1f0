"""Choosing a scenario, starting it, and the simulated partner's replies."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.guard import move, read_reply
from bot.actions.history import answered, history, started
from bot.actions.scenarios import (
    SHOW_SCENARIOS,
    active_scenario,
    coaching,
    levels,
    load_scenarios,
    pick_line,
)


def partner_payload(scenario: dict[str, Any], level: int, step: int = 0) -> dict[str, Any]:
    name = levels()[level]
    return {
        "role": "partner",
        "scenario": scenario["id"],
        "partner": scenario["partner"]["name"],
        "guard_level": level,
        "guard": name,
        "guard_label": coaching()["level_labels"][name],
        "step": step,
    }


class ActionListScenarios(Action):
    def name(self) -> str:
        return "action_list_scenarios"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        buttons = [
            {"title": s["title"], "payload": f'/start_rehearsal{{"scenario":"{s["id"]}"}}'}
            for s in load_scenarios().values()
        ]
        dispatcher.utter_message(
            text="Which conversation would you like to practise?", buttons=buttons
        )
        return []


class ActionStartScenario(Action):
    def name(self) -> str:
        return "action_start_scenario"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        scenarios = load_scenarios()
        wanted = tracker.get_slot("scenario")
        scenario = scenarios.get(str(wanted)) if wanted else None
        if scenario is None:
            if wanted:
                dispatcher.utter_message(text=f"I don't know a situation called “{wanted}”.")
            return [
                *ActionListScenarios().run(dispatcher, tracker, domain),
                SlotSet("scenario", None),
            ]
        level = levels().index(scenario["start_level"])
        partner = scenario["partner"]
        dispatcher.utter_message(
            text=f"Rehearsal: {scenario['title']}. {scenario['practises']} "
            f"{partner['name']} speaks first. Reply as you would; type /pause to step out, "
            "/rewind to try a reply again, /end_rehearsal for a debrief.",
            json_message={"role": "coach", "event": "start", "scenario": scenario["id"]},
        )
        dispatcher.utter_message(
            text=scenario["opening"], json_message=partner_payload(scenario, level)
        )
        return [
            SlotSet("in_rehearsal", True),
            SlotSet("paused", False),
            SlotSet("guard_level", float(level)),
            started(scenario["opening"]),
        ]


class ActionPartnerReply(Action):
    def name(self) -> str:
        return "action_partner_reply"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        scenario = active_scenario(tracker)
        if scenario is None:
            dispatcher.utter_message(
                text="We're not in a rehearsal right now. Pick a situation and I'll play your partner.",
                buttons=[SHOW_SCENARIOS],
            )
            return []
        if tracker.get_slot("paused"):
            dispatcher.utter_message(
                text="We're paused, so your partner didn't hear that. Ask me anything about the "
                "conversation, or type /resume to go back in.",
                json_message={"role": "coach", "event": "paused"},
            )
            return []
        message = tracker.latest_message or {}
        reading = read_reply(message.get("metadata"), message.get("intent"))
        before = int(tracker.get_slot("guard_level") or levels().index(scenario["start_level"]))
        after = move(before, reading)
        past = history(tracker)
        line = pick_line(scenario, levels()[after], past.used_lines, tracker.sender_id)
        turn = answered(
            len(past.turns),
            {
                "before": before,
                "after": after,
                "score": reading.score,
                "label": reading.label,
                "helps": reading.helps,
                "harms": reading.harms,
                "source": reading.source,
                "line": line,
            },
        )
        if line is None:
            dispatcher.utter_message(text="(Your partner has said all they can for now.)")
            return [turn, SlotSet("guard_level", float(after))]
        dispatcher.utter_message(
            text=line, json_message=partner_payload(scenario, after, after - before)
        )
        dispatcher.utter_message(
            text=f"Coach: {reading.tip}",
            json_message={"role": "coach", "event": "tip", "tip": reading.tip},
        )
        return [SlotSet("guard_level", float(after)), turn]
