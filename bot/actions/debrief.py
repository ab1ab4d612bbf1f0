"""Ending a rehearsal with a debrief: what helped, what hurt, how the guard moved."""

from __future__ import annotations

from collections import Counter
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.history import history
from bot.actions.scenarios import SHOW_SCENARIOS, active_scenario, coaching, levels


def summarise(scenario: dict[str, Any], turns: list[dict[str, Any]]) -> dict[str, Any]:
    """The debrief as data: counts of helps and harms, the guard's path and the ending."""
    start = levels().index(scenario["start_level"])
    path = [start] + [int(t["after"]) for t in turns]
    helps = Counter(k for t in turns for k in t.get("helps", []))
    harms = Counter(k for t in turns for k in t.get("harms", []))
    final = path[-1]
    if levels()[final] == "open":
        ending = "repaired"
    elif final >= levels().index("guarded"):
        ending = "partial"
    else:
        ending = "closed"
    scores = [t["score"] for t in turns if isinstance(t.get("score"), int | float)]
    return {
        "scenario": scenario["id"],
        "turns": len(turns),
        "guard_path": [levels()[i] for i in path],
        "start": levels()[start],
        "peak": levels()[max(path)],
        "end": levels()[final],
        "helped": helps.most_common(),
        "hurt": harms.most_common(),
        "average_score": round(sum(scores) / len(scores)) if scores else None,
        "ending": ending,
        "ending_line": scenario["endings"][ending],
    }


def _names(pairs: list[tuple[str, int]]) -> str:
    return ", ".join(f"{kind.replace('_', ' ')} ×{n}" for kind, n in pairs[:4])


class ActionEndRehearsal(Action):
    def name(self) -> str:
        return "action_end_rehearsal"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        scenario = active_scenario(tracker)
        if scenario is None:
            dispatcher.utter_message(
                text="There's no rehearsal to end.",
                buttons=[SHOW_SCENARIOS],
            )
            return []
        summary = summarise(scenario, history(tracker).turns)
        labels = coaching()["level_labels"]
        dispatcher.utter_message(
            text=summary["ending_line"], json_message={"role": "partner", "event": "ending"}
        )
        parts = [
            f"Debrief: {summary['turns']} replies. {scenario['partner']['name']}'s guard went from "
            f"{labels[summary['start']]} to {labels[summary['end']]} (at best {labels[summary['peak']]})."
        ]
        parts.append(
            f"What helped: {_names(summary['helped'])}."
            if summary["helped"]
            else "What helped: nothing stood out yet."
        )
        if summary["hurt"]:
            parts.append(f"What hurt: {_names(summary['hurt'])}.")
        needs = "; ".join(scenario["partner"].get("needs", [])[:3])
        if needs:
            parts.append(f"{scenario['partner']['name']} needed: {needs}.")
        dispatcher.utter_message(
            text=" ".join(parts),
            json_message={"role": "coach", "event": "debrief", "debrief": summary},
        )
        return [SlotSet("in_rehearsal", False), SlotSet("paused", False)]
