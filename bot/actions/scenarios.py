"""Reading rehearsal scenarios (data/scenarios/*.yml) and the coaching table."""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
COACHING_FILE = Path(__file__).with_name("coaching.yml")
REQUIRED = ("id", "title", "practises", "partner", "opening", "lines", "endings", "start_level")


class ScenarioError(ValueError):
    """A scenario file is missing or malformed."""


def scenarios_dir() -> Path:
    return Path(os.environ.get("REHEARSE_SCENARIOS_DIR", ROOT / "data" / "scenarios"))


@lru_cache(maxsize=1)
def coaching() -> dict[str, Any]:
    data = yaml.safe_load(COACHING_FILE.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or "levels" not in data:
        raise ScenarioError(f"{COACHING_FILE.name}: expected a mapping with 'levels'")
    return data


def levels() -> list[str]:
    return list(coaching()["levels"])


@lru_cache(maxsize=1)
def load_scenarios() -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for path in sorted(scenarios_dir().glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        missing = [k for k in REQUIRED if k not in (data or {})]
        if missing:
            raise ScenarioError(f"{path.name}: missing {', '.join(missing)}")
        if data["id"] != path.stem:
            raise ScenarioError(f"{path.name}: id {data['id']!r} must match the file name")
        for level in levels():
            lines = data["lines"].get(level) or []
            if len(lines) < 3 or len(set(lines)) != len(lines):
                raise ScenarioError(f"{path.name}: level {level!r} needs 3+ distinct lines")
        if data["start_level"] not in levels():
            raise ScenarioError(f"{path.name}: unknown start_level {data['start_level']!r}")
        out[data["id"]] = data
    if not out:
        raise ScenarioError(f"no scenarios found in {scenarios_dir()}")
    return out


def pick_line(scenario: dict[str, Any], level: str, used: list[str], seed: str) -> str | None:
    """An unused line at `level` (or the nearest level with one left), chosen stably."""
    order = levels()
    index = order.index(level)
    nearest = sorted(range(len(order)), key=lambda i: (abs(i - index), i))
    for i in nearest:
        options = [line for line in scenario["lines"][order[i]] if line not in used]
        if options:
            digest = hashlib.sha256(f"{seed}:{len(used)}".encode()).digest()
            return options[digest[0] % len(options)]
    return None


SHOW_SCENARIOS = {"title": "Show me the situations", "payload": "/choose_scenario"}


def active_scenario(tracker: Any) -> dict[str, Any] | None:
    """The scenario being rehearsed in this conversation, or None outside a rehearsal."""
    if not tracker.get_slot("in_rehearsal"):
        return None
    return load_scenarios().get(str(tracker.get_slot("scenario") or ""))
