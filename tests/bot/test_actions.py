"""The simulated partner's actions, with tracker fixtures (run in .venv-rasa)."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.actions import (
    ActionEndRehearsal,
    ActionListScenarios,
    ActionPartnerReply,
    ActionPauseRehearsal,
    ActionResumeRehearsal,
    ActionRewindReply,
    ActionStartScenario,
)
from bot.actions.scenarios import levels, load_scenarios


class Session:
    """A conversation's slots and events, carried from one action to the next like Rasa
    would (Rasa sends the action server every event of the conversation)."""

    def __init__(self, sender: str = "test-user") -> None:
        self.sender = sender
        self.slots: dict[str, Any] = {
            "scenario": None,
            "in_rehearsal": False,
            "paused": False,
            "guard_level": 2.0,
            "turn": None,
        }
        self.events: list[dict[str, Any]] = []

    def run(self, action: Any, message: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        if message is not None:
            self.events.append({"event": "user", "text": message.get("text"), **message})
        tracker = Tracker(
            self.sender,
            dict(self.slots),
            message or {},
            copy.deepcopy(self.events),
            False,
            None,
            {},
            "action_listen",
        )
        dispatcher = CollectingDispatcher()
        events = action.run(dispatcher, tracker, {})
        self.events.append({"event": "action", "name": action.name()})
        for event in events:
            self.events.append(dict(event))
            if event.get("event") == "slot":
                self.slots[event["name"]] = event["value"]
        self.events.append({"event": "action", "name": "action_listen"})
        return dispatcher.messages

    def payload_bytes(self) -> int:
        """The size of the events Rasa would send the action server now."""
        return len(json.dumps(self.events))

    def start(self, scenario: str) -> list[dict[str, Any]]:
        self.slots["scenario"] = scenario
        return self.run(ActionStartScenario())

    def reply(
        self,
        score: int | None = None,
        harms: tuple[str, ...] = (),
        helps: tuple[str, ...] = (),
        intent: str | None = None,
        confidence: float = 0.9,
    ) -> list[dict[str, Any]]:
        message: dict[str, Any] = {"text": "..."}
        if score is not None:
            markers = [{"kind": k, "polarity": "harm", "tip": f"tip for {k}"} for k in harms]
            markers += [{"kind": k, "polarity": "help", "tip": f"tip for {k}"} for k in helps]
            message["metadata"] = {
                "score": score,
                "label": "safe" if score < 50 else "unsafe",
                "markers": markers,
            }
        if intent:
            message["intent"] = {"name": intent, "confidence": confidence}
        return self.run(ActionPartnerReply(), message)

    @property
    def level(self) -> str:
        return levels()[int(self.slots["guard_level"])]


def partner_lines(messages: list[dict[str, Any]]) -> list[str]:
    return [
        m["text"]
        for m in messages
        if (m.get("custom") or {}).get("role") == "partner" and m.get("text")
    ]


def test_there_are_at_least_eight_valid_scenarios() -> None:
    scenarios = load_scenarios()
    assert len(scenarios) >= 8
    for s in scenarios.values():
        assert s["title"] and s["practises"] and s["opening"] and s["partner"]["needs"]
        assert set(s["endings"]) >= {"repaired", "partial", "closed"}


@pytest.mark.parametrize("scenario", sorted(load_scenarios()))
def test_each_scenario_starts_with_its_opening_line(scenario: str) -> None:
    session = Session()
    messages = session.start(scenario)
    assert partner_lines(messages) == [load_scenarios()[scenario]["opening"]]
    assert session.slots["in_rehearsal"] is True and session.level == "guarded"


def test_unknown_scenario_lists_the_real_ones() -> None:
    session = Session()
    messages = session.start("space_pirates")
    assert "space_pirates" in messages[0]["text"]
    buttons = [b for m in messages for b in m.get("buttons") or []]
    assert len(buttons) == len(load_scenarios())
    assert all(b["payload"].startswith("/start_rehearsal{") for b in buttons)
    assert session.slots["in_rehearsal"] is False


def test_safe_replies_soften_the_partner_step_by_step() -> None:
    session = Session()
    session.start("chores_mental_load")
    session.reply(score=10, helps=("validation",))
    assert session.level == "softening"
    session.reply(score=5, helps=("ownership",))
    assert session.level == "open"


def test_withdrawal_harms_shut_the_partner_down() -> None:
    session = Session()
    session.start("phones_at_dinner")
    messages = session.reply(score=95, harms=("stonewalling",))
    assert session.level == "shut_down"
    assert any("tip for stonewalling" in m["text"] for m in messages)


def test_criticism_escalates_rather_than_shuts_down() -> None:
    session = Session()
    session.start("money")
    session.reply(score=90, harms=("criticism", "absolute"))
    assert session.level == "escalated"


def test_calming_down_goes_back_through_guarded() -> None:
    session = Session()
    session.start("money")
    session.reply(score=90, harms=("criticism",))
    session.reply(score=5, helps=("ownership",))
    assert session.level == "guarded"


def test_without_metadata_the_intent_moves_the_guard() -> None:
    session = Session()
    session.start("in_laws")
    session.reply(intent="reply_validation")
    assert session.level == "softening"
    session.reply(intent="reply_contempt")
    assert session.level == "guarded"
    session.reply(intent="reply_contempt", confidence=0.2)
    assert session.level == "guarded", "an unsure guess does not move the partner"


def test_the_partner_never_repeats_a_line() -> None:
    session = Session()
    session.start("growing_distance")
    seen = [load_scenarios()["growing_distance"]["opening"]]
    for turn in range(28):
        score = 90 if turn % 3 else 10
        seen += partner_lines(session.reply(score=score))
    assert len(seen) == len(set(seen))


def test_pause_stops_the_partner_and_resume_brings_them_back() -> None:
    session = Session()
    session.start("forgotten_day")
    session.reply(score=10)
    level = session.level
    session.run(ActionPauseRehearsal())
    messages = session.reply(score=95, harms=("contempt",))
    assert not partner_lines(messages) and session.level == level
    messages = session.run(ActionResumeRehearsal())
    assert session.slots["paused"] is False and "last said" in messages[0]["text"]


def test_rewind_undoes_the_last_reply_but_not_the_line() -> None:
    session = Session()
    session.start("only_one_trying")
    spoken = partner_lines(session.reply(score=95, harms=("criticism",)))
    assert session.level == "escalated"
    session.run(ActionRewindReply())
    assert session.level == "guarded"
    assert (
        "last said: “" + load_scenarios()["only_one_trying"]["opening"]
        in (session.run(ActionResumeRehearsal())[0]["text"])
    ), "after the rewind, the partner's last line is the opening again"
    again = partner_lines(session.reply(score=95, harms=("criticism",)))
    assert again != spoken, "the rewound line is not said twice"


def test_rewind_with_nothing_to_undo_says_so() -> None:
    session = Session()
    session.start("only_one_trying")
    messages = session.run(ActionRewindReply())
    assert "no reply to rewind" in messages[0]["text"]


def test_end_gives_a_debrief_with_helps_hurts_and_the_guard_path() -> None:
    session = Session()
    session.start("chores_mental_load")
    session.reply(score=90, harms=("criticism",))
    session.reply(score=5, helps=("ownership",))
    session.reply(score=5, helps=("validation",))
    session.reply(score=5, helps=("open_question",))
    messages = session.run(ActionEndRehearsal())
    debrief = next(
        m["custom"]["debrief"]
        for m in messages
        if (m.get("custom") or {}).get("event") == "debrief"
    )
    assert debrief["guard_path"] == ["guarded", "escalated", "guarded", "softening", "open"]
    assert dict(debrief["helped"]) == {"ownership": 1, "validation": 1, "open_question": 1}
    assert dict(debrief["hurt"]) == {"criticism": 1}
    assert debrief["ending"] == "repaired"
    assert messages[0]["text"] == load_scenarios()["chores_mental_load"]["endings"]["repaired"]
    assert session.slots["in_rehearsal"] is False


def test_replies_outside_a_rehearsal_point_to_the_scenarios() -> None:
    session = Session()
    messages = session.reply(score=10)
    assert "not in a rehearsal" in messages[0]["text"]
    messages = session.run(ActionListScenarios())
    assert len(messages[0]["buttons"]) == len(load_scenarios())


def test_the_events_grow_by_a_bounded_amount_per_reply() -> None:
    """Rasa sends every event to the action server on each call, so what one reply adds
    must not grow with the length of the conversation."""
    session = Session()
    session.start("money")
    sizes = []
    for turn in range(24):
        before = session.payload_bytes()
        session.reply(score=90 if turn % 2 else 10, helps=("validation",))
        sizes.append(session.payload_bytes() - before)
    assert max(sizes[-5:]) < 1.2 * max(sizes[:5])


def test_a_reply_rasa_took_back_is_not_part_of_the_debrief() -> None:
    session = Session()
    session.start("chores_mental_load")
    session.reply(score=5, helps=("ownership",))
    session.reply(score=95, harms=("contempt",))
    # Rasa's own rewind (UserUtteranceReverted) takes back the last user message and what
    # followed it.
    session.events.append({"event": "rewind"})
    session.slots["guard_level"] = float(levels().index("softening"))
    messages = session.run(ActionEndRehearsal())
    debrief = next(
        m["custom"]["debrief"]
        for m in messages
        if (m.get("custom") or {}).get("event") == "debrief"
    )
    assert debrief["turns"] == 1
    assert dict(debrief["hurt"]) == {}
    assert dict(debrief["helped"]) == {"ownership": 1}


def test_a_new_session_starts_with_no_turns() -> None:
    session = Session()
    session.start("money")
    session.reply(score=95, harms=("criticism",))
    # Rasa starts a new session after a long break; the rehearsal slots come back empty,
    # and the scenario is set again.
    session.events.append({"event": "session_started"})
    session.slots.update(scenario="money", in_rehearsal=True, turn=None)
    messages = session.run(ActionRewindReply())
    assert "no reply to rewind" in messages[0]["text"]


def test_a_new_rehearsal_starts_with_no_turns() -> None:
    session = Session()
    session.start("money")
    session.reply(score=95, harms=("criticism",))
    session.run(ActionEndRehearsal())
    session.start("money")
    messages = session.run(ActionRewindReply())
    assert "no reply to rewind" in messages[0]["text"]
