"""The rehearsal scenarios (read from data/scenarios)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from fastapi import APIRouter

from api.schemas import ScenarioOut

router = APIRouter(prefix="/api", tags=["rehearsal"])
SCENARIOS_DIR = Path(__file__).resolve().parents[2] / "data" / "scenarios"


@lru_cache(maxsize=1)
def load_scenarios() -> dict[str, ScenarioOut]:
    out: dict[str, ScenarioOut] = {}
    for path in sorted(SCENARIOS_DIR.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        out[data["id"]] = ScenarioOut(
            id=data["id"],
            title=data["title"],
            practises=data["practises"],
            partner=data["partner"]["name"],
        )
    return out


@router.get("/scenarios", response_model=list[ScenarioOut])
def list_scenarios() -> list[ScenarioOut]:
    """The situations you can rehearse."""
    return list(load_scenarios().values())
