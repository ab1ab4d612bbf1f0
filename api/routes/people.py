"""Anonymous tokens, and each person's data: export, erase, drafts kept."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Response
from sqlalchemy import select

from api.db.models import Conversation, Draft, Person
from api.deps import CallerDep, SessionDep, SettingsDep
from api.schemas import DraftRequest, TokenOut
from api.security import hash_token, new_token
from api.views import analysis_view

router = APIRouter(prefix="/api", tags=["people"])


@router.post("/tokens", response_model=TokenOut, status_code=201)
def create_token(session: SessionDep) -> dict[str, str]:
    """Create an anonymous identity; the token is shown once and stored only as a hash."""
    token = new_token()
    session.add(Person(token_hash=hash_token(token)))
    session.commit()
    return {"token": token}


@router.post("/drafts", status_code=201)
def keep_draft(
    body: DraftRequest, caller: CallerDep, session: SessionDep, settings: SettingsDep
) -> dict[str, Any]:
    """Keep a drafted message (with its analysis) in your history."""
    view, _ = analysis_view(body.text, body.context, body.locale or settings.default_locale)
    draft = Draft(person_id=caller.id, text=body.text, context=body.context, analysis=view)
    session.add(draft)
    session.commit()
    return {"id": draft.id, "analysis": view}


def _conversation_dict(c: Conversation) -> dict[str, Any]:
    return {
        "id": c.id,
        "scenario": c.scenario,
        "crisis": c.crisis,
        "created_at": c.created_at.isoformat(),
        "updated_at": c.updated_at.isoformat(),
        "turns": [
            {
                "seq": t.seq,
                "role": t.role,
                "text": t.text,
                "score": t.score,
                "label": t.label,
                "analysis": t.analysis,
                "guard_level": t.guard_level,
                "status": t.status,
                "created_at": t.created_at.isoformat(),
            }
            for t in c.turns
        ],
    }


@router.get("/me/export")
def export_me(caller: CallerDep, session: SessionDep) -> dict[str, Any]:
    """Everything Rehearse keeps about you, as JSON."""
    conversations = session.scalars(
        select(Conversation)
        .where(Conversation.person_id == caller.id)
        .order_by(Conversation.created_at)
    ).all()
    drafts = session.scalars(
        select(Draft).where(Draft.person_id == caller.id).order_by(Draft.created_at)
    ).all()
    return {
        "person": {"created_at": caller.created_at.isoformat()},
        "conversations": [_conversation_dict(c) for c in conversations],
        "drafts": [
            {
                "id": d.id,
                "text": d.text,
                "context": d.context,
                "analysis": d.analysis,
                "created_at": d.created_at.isoformat(),
            }
            for d in drafts
        ],
    }


@router.delete("/me", status_code=204)
def erase_me(caller: CallerDep, session: SessionDep) -> Response:
    """Erase everything about you: conversations, turns, drafts and the token itself."""
    session.delete(session.get(Person, caller.id))
    session.commit()
    return Response(status_code=204)
