"""What has happened in the rehearsal so far, kept as one small record per change.

Rasa stores every slot change as an event and sends all of a conversation's events to the
action server on every call. A slot holding the whole list of turns, set again after each
reply, would make each call's payload grow with the square of the conversation's length.
So the `turn` slot holds one record at a time, and the list is rebuilt from the slot's
events (those still applied after Rasa's own undo, rewind and restart events, and since
the session started):

- ``{"start": opening}``: a rehearsal starts; no turns yet, and the opening line is used;
- ``{"n": k, ...}``: the k-th turn (from 0), which drops any turns after it;
- ``{"n": k, "undone": True}``: the k-th turn and any after it are taken back.

A record says where it goes, so setting the same record twice changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

TURN_SLOT = "turn"


@dataclass
class History:
    """The turns that stand, and every partner line said (rewound ones too, so the partner
    never says a line twice)."""

    turns: list[dict[str, Any]] = field(default_factory=list)
    used_lines: list[str] = field(default_factory=list)

    def apply(self, record: Any) -> None:
        if not isinstance(record, dict):
            return
        if "start" in record:
            self.turns = []
            self.used_lines = [str(record["start"])]
            return
        n = record.get("n")
        if not isinstance(n, int) or n < 0:
            return
        del self.turns[n:]
        if record.get("undone"):
            return
        self.turns.append(record)
        line = record.get("line")
        if line and line not in self.used_lines:
            self.used_lines.append(str(line))


def history(tracker: Tracker) -> History:
    """The rehearsal's history, rebuilt from the `turn` slot's applied events."""
    result = History()
    for event in tracker.applied_events():
        if event.get("event") == "session_started":
            result = History()  # a new session starts with its slots empty
        elif event.get("event") == "slot" and event.get("name") == TURN_SLOT:
            result.apply(event.get("value"))
    return result


def started(opening: str) -> SlotSet:
    return SlotSet(TURN_SLOT, {"start": opening})


def answered(n: int, turn: dict[str, Any]) -> SlotSet:
    return SlotSet(TURN_SLOT, {**turn, "n": n})


def undone(n: int) -> SlotSet:
    return SlotSet(TURN_SLOT, {"n": n, "undone": True})
