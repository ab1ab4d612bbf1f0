"""Chat: the crisis check, the analysis, the simulated partner, and the stored turns."""

from __future__ import annotations

import asyncio
import json
import logging
import re
import time
import uuid
import weakref
from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Response
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from api.db.models import Conversation, Turn
from api.deps import CallerDep, MetricsDep, RasaDep, SessionDep, SettingsDep
from api.errors import Problem
from api.rasa import RasaUnavailable, pair_messages
from api.routes.scenarios import load_scenarios
from api.schemas import ChatOut, ChatRequest
from api.views import analysis_view, crisis_help, rasa_metadata
from coach import rewrite
from coach.crisis import CrisisCheck

router = APIRouter(prefix="/api", tags=["rehearsal"])
log = logging.getLogger("rehearse.api.chat")
COMMAND = re.compile(
    r"^/(pause|resume|rewind|end_rehearsal|choose_scenario|help|greet|start_rehearsal)(\{.*\})?$"
)


def _next_seq(session: Session, conversation_id: str) -> int:
    current = session.scalar(
        select(func.max(Turn.seq)).where(Turn.conversation_id == conversation_id)
    )
    return int(current or 0) + 1


def _conversation(
    session: Session, caller_id: int, conversation_id: str | None, locale: str
) -> Conversation:
    if conversation_id:
        # Lock the conversation's row until this message's turns are committed, so messages
        # to one conversation are handled one at a time, whichever gateway replica gets them.
        conversation = session.scalar(
            select(Conversation).where(Conversation.id == conversation_id).with_for_update()
        )
        if conversation is None or conversation.person_id != caller_id:
            raise Problem(
                404,
                "Not found",
                "No conversation of yours has this id. Leave it out to start a new one.",
            )
        return conversation
    conversation = Conversation(id=str(uuid.uuid4()), person_id=caller_id, locale=locale)
    session.add(conversation)
    # Committed at once: nobody else knows the id yet, and an open write would hold
    # SQLite's lock (the whole file's) while Rasa answers.
    session.commit()
    return conversation


def _store_bot_messages(
    session: Session, conversation: Conversation, messages: list[dict[str, Any]], seq: int
) -> dict[str, Any] | None:
    """Store the bot's (paired) messages from turn number `seq` on; the partner's lines say
    so in their payload, everything else is the coach. Returns the partner's latest state."""
    partner: dict[str, Any] | None = None
    for message in messages:
        payload = message.get("custom")
        custom: dict[str, Any] = payload if isinstance(payload, dict) else {}
        is_partner = custom.get("role") == "partner"
        if is_partner and "guard_level" in custom:
            partner = custom
        if message.get("text"):
            session.add(
                Turn(
                    conversation_id=conversation.id,
                    seq=seq,
                    role="partner" if is_partner else "coach",
                    text=str(message["text"]),
                    guard_level=custom.get("guard_level") if is_partner else None,
                )
            )
            seq += 1
    return partner


async def _chat(
    body: ChatRequest,
    caller: CallerDep,
    session: SessionDep,
    rasa: RasaDep,
    settings: SettingsDep,
    metrics: MetricsDep,
    timing: dict[str, float],
) -> dict[str, Any]:
    locale = body.locale or settings.default_locale
    conversation = _conversation(session, caller.id, body.conversation_id, locale)
    text = body.message.strip()
    if not text:
        raise Problem(
            422,
            "Invalid request",
            "The message is empty: write what you want to say.",
            errors=[{"field": "message", "message": "empty"}],
        )
    if body.scenario is not None:
        if body.scenario not in load_scenarios():
            raise Problem(
                422,
                "Unknown scenario",
                f"There is no scenario '{body.scenario}'. GET /api/scenarios lists them.",
                errors=[{"field": "scenario", "message": "unknown scenario"}],
            )
        conversation.scenario = body.scenario
        to_rasa = "/start_rehearsal" + json.dumps(
            {"scenario": body.scenario}, separators=(",", ":")
        )
        analysis: dict[str, Any] | None = None
        crisis: CrisisCheck | None = None
    elif COMMAND.match(text):
        to_rasa, analysis, crisis = text, None, None
    else:
        to_rasa = text
        started = time.perf_counter()
        # on the event loop, as /api/score does (a few ms that hold the GIL anyway)
        analysis, crisis = analysis_view(text, None, locale, metrics)
        timing["check"] = time.perf_counter() - started
    now = datetime.now(UTC)
    conversation.updated_at = now

    if crisis is not None and crisis.crisis:
        conversation.crisis = True
        conversation.crisis_kind = crisis.kind
        session.add(
            Turn(
                conversation_id=conversation.id,
                seq=_next_seq(session, conversation.id),
                role="person",
                text=text,
                analysis=analysis,
                status="crisis",
            )
        )
        session.commit()
        return {
            "conversation_id": conversation.id,
            "messages": [{"text": crisis.message, "custom": {"role": "coach", "event": "crisis"}}],
            "analysis": analysis,
            "suggestions": [],
            "partner": None,
            "crisis": crisis.to_dict(),
        }

    person_turn = Turn(
        conversation_id=conversation.id,
        role="person",
        text=text,
        score=(analysis or {}).get("score"),
        label=(analysis or {}).get("label"),
        analysis=analysis,
        status="pending",
    )

    def store_person_turn() -> None:
        # The conversation's row first: the write that takes SQLite's lock before the turn
        # is numbered (PostgreSQL holds the row lock since the conversation was read).
        session.flush()
        person_turn.seq = _next_seq(session, conversation.id)
        session.add(person_turn)
        session.flush()

    if conversation.crisis:
        # A crisis earlier in this conversation ended the role-play; help stays in reach,
        # even if the person now says they are fine.
        store_person_turn()
        person_turn.status = "ok"
        session.commit()
        kept_crisis = crisis_help(
            conversation.crisis_kind or "abuse", conversation.locale or locale
        )
        return {
            "conversation_id": conversation.id,
            "messages": [
                {
                    "text": "The rehearsal stopped after what you shared earlier. The help below is still here for you, whenever you want it.",
                    "custom": {"role": "coach", "event": "crisis_kept"},
                }
            ],
            "analysis": analysis,
            "suggestions": [],
            "partner": None,
            "crisis": kept_crisis,
        }

    metadata = rasa_metadata(analysis) if analysis else None
    started = time.perf_counter()
    sent = asyncio.Event()
    sending = asyncio.ensure_future(rasa.send(conversation.id, to_rasa, metadata, sent.set))
    suggesting: asyncio.Future[Any] | None = None
    try:
        # Nothing else starts until the message is on its way: a worker thread started
        # sooner would hold the GIL while the event loop builds and writes the request, and
        # each hand-back costs the loop up to a switch interval (5 ms), all of it time the
        # person waits.
        await sent.wait()
        # Suggestions do not depend on the partner's answer: work them out on another
        # thread while Rasa thinks, instead of after it.
        if analysis and analysis.get("label") == "unsafe":
            suggesting = asyncio.ensure_future(
                run_in_threadpool(rewrite, text, None, 3, locale=locale)
            )
    except BaseException:
        sending.cancel()
        if suggesting is not None:
            suggesting.cancel()
        raise
    try:
        messages = await sending
    except RasaUnavailable as exc:
        if suggesting is not None:
            suggesting.cancel()
        person_turn.status = "undelivered"
        store_person_turn()
        session.commit()
        log.warning("rasa unavailable for a chat message: %s", exc)
        raise Problem(
            503,
            "Practice partner unavailable",
            "Your message is saved, but the practice partner can't be reached right now. Scoring and rewrites still work; try again in a minute.",
            conversation_id=conversation.id,
        ) from exc
    timing["rasa"] = time.perf_counter() - started
    # Nothing was written while Rasa thought: an open write holds SQLite's lock on the
    # whole file, so every other person's message would wait for this one's partner. The
    # person's turn and the partner's answer are stored now, in one short transaction.
    person_turn.status = "ok"
    store_person_turn()
    messages = pair_messages(messages)
    # The conversation's row is locked, so nothing else numbered a turn meanwhile.
    partner = _store_bot_messages(session, conversation, messages, person_turn.seq + 1)
    session.commit()
    suggestions: list[dict[str, Any]] = []
    if suggesting is not None:
        suggestions = [s.to_dict() for s in await suggesting]
    return {
        "conversation_id": conversation.id,
        "messages": messages,
        "analysis": analysis,
        "suggestions": suggestions,
        "partner": partner,
        "crisis": (crisis.to_dict() if crisis and crisis.check_in else None),
    }


_locks: weakref.WeakValueDictionary[str, asyncio.Lock] = weakref.WeakValueDictionary()


def _server_timing(timing: dict[str, float]) -> str:
    """A `Server-Timing` header: where the time of this request went (no content)."""
    return ", ".join(f"{name};dur={seconds * 1000:.1f}" for name, seconds in timing.items())


@router.post("/chat", response_model=ChatOut)
async def chat(
    body: ChatRequest,
    caller: CallerDep,
    session: SessionDep,
    rasa: RasaDep,
    settings: SettingsDep,
    metrics: MetricsDep,
    response: Response,
) -> dict[str, Any]:
    """Send a message: it is checked, analysed and stored, and the simulated partner answers.

    The `Server-Timing` header says how long the crisis check and analysis (`check`) and
    the practice partner (`rasa`) took, and the whole handling (`total`), in milliseconds.
    """
    started = time.perf_counter()
    timing: dict[str, float] = {}
    try:
        if not body.conversation_id:
            return await _chat(body, caller, session, rasa, settings, metrics, timing)
        # One message per conversation at a time in this process (waiting without
        # blocking the event loop); the row lock taken inside does the same across replicas.
        lock = _locks.get(body.conversation_id)
        if lock is None:
            lock = asyncio.Lock()
            _locks[body.conversation_id] = lock
        async with lock:
            return await _chat(body, caller, session, rasa, settings, metrics, timing)
    finally:
        timing["total"] = time.perf_counter() - started
        response.headers["Server-Timing"] = _server_timing(timing)
