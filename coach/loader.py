"""Reading the engine's data files (rules, lexicons, fitted weights) from inside the package."""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any

import yaml

from coach.errors import RulesError


def resource_text(*parts: str) -> str:
    path = files("coach").joinpath("resources")
    for part in parts:
        path = path.joinpath(part)
    return path.read_text(encoding="utf-8")


def resource_names(folder: str, suffix: str = ".yml") -> list[str]:
    root = files("coach").joinpath("resources").joinpath(folder)
    return sorted(p.name for p in root.iterdir() if p.name.endswith(suffix))


def load_yaml(*parts: str) -> dict[str, Any]:
    name = "/".join(parts)
    try:
        data = yaml.safe_load(resource_text(*parts))
    except yaml.YAMLError as exc:
        raise RulesError(f"{name}: not valid YAML: {exc}") from exc
    except FileNotFoundError as exc:
        raise RulesError(f"{name}: missing from the coach package") from exc
    if not isinstance(data, dict):
        raise RulesError(f"{name}: expected a mapping at the top level")
    return data


def load_json(*parts: str) -> dict[str, Any]:
    name = "/".join(parts)
    try:
        data = json.loads(resource_text(*parts))
    except json.JSONDecodeError as exc:
        raise RulesError(f"{name}: not valid JSON: {exc}") from exc
    except FileNotFoundError as exc:
        raise RulesError(f"{name}: missing from the coach package") from exc
    if not isinstance(data, dict):
        raise RulesError(f"{name}: expected an object at the top level")
    return data
