"""Your conversations and your progress, computed from the turns you stored."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, timedelta
from typing import Any

from fastapi import APIRouter
from sqlalchemy import select

from api.db.models import Conversation, Turn
from api.deps import CallerDep, SessionDep
from api.errors import Problem
from api.routes.people import _conversation_dict

router = APIRouter(prefix="/api", tags=["history"])


@router.get("/conversations")
def list_conversations(caller: CallerDep, session: SessionDep) -> list[dict[str, Any]]:
    """Your conversations, newest first (without their turns)."""
    rows = session.scalars(
        select(Conversation)
        .where(Conversation.person_id == caller.id)
        .order_by(Conversation.updated_at.desc())
    ).all()
    return [
        {
            "id": c.id,
            "scenario": c.scenario,
            "crisis": c.crisis,
            "created_at": c.created_at.isoformat(),
            "updated_at": c.updated_at.isoformat(),
        }
        for c in rows
    ]


@router.get("/conversations/{conversation_id}")
def get_conversation(
    conversation_id: str, caller: CallerDep, session: SessionDep
) -> dict[str, Any]:
    """One of your conversations with all its turns."""
    conversation = session.get(Conversation, conversation_id)
    if conversation is None or conversation.person_id != caller.id:
        raise Problem(404, "Not found", "No conversation of yours has this id.")
    return _conversation_dict(conversation)


def _streak(days: set[date], today: date) -> int:
    streak = 0
    day = today if today in days else today - timedelta(days=1)
    while day in days:
        streak += 1
        day -= timedelta(days=1)
    return streak


@router.get("/progress")
def progress(caller: CallerDep, session: SessionDep) -> dict[str, Any]:
    """Your scores over time, the helps and harms you use most, and your practice days."""
    rows = session.execute(
        select(Turn, Conversation.scenario)
        .join(Conversation, Turn.conversation_id == Conversation.id)
        .where(Conversation.person_id == caller.id, Turn.role == "person", Turn.score.is_not(None))
        .order_by(Turn.created_at)
    ).all()
    helps: Counter[str] = Counter()
    harms: Counter[str] = Counter()
    sessions: dict[str, list[int]] = {}
    days: set[date] = set()
    points = []
    for turn, scenario in rows:
        created = turn.created_at if turn.created_at.tzinfo else turn.created_at.replace(tzinfo=UTC)
        points.append(
            {
                "at": created.isoformat(),
                "score": turn.score,
                "conversation_id": turn.conversation_id,
                "scenario": scenario,
            }
        )
        sessions.setdefault(turn.conversation_id, []).append(int(turn.score or 0))
        days.add(created.date())
        for marker in (turn.analysis or {}).get("markers", []):
            (helps if marker.get("polarity") == "help" else harms)[str(marker.get("kind"))] += 1
    return {
        "scores": points,
        "sessions": [
            {"conversation_id": k, "average": round(sum(v) / len(v)), "replies": len(v)}
            for k, v in sessions.items()
        ],
        "helps": helps.most_common(),
        "harms": harms.most_common(),
        "practice_days": len(days),
        "streak": _streak(days, datetime.now(UTC).date()),
    }
