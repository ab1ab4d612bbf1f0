"""Dependencies shared by the routes, as Annotated aliases."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy import select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from api.db.models import Person
from api.errors import Problem
from api.metrics import Metrics
from api.rasa import RasaClient
from api.security import hash_token
from api.settings import Settings


# The getters below only read app.state: as coroutines they run on the event loop, where a
# plain function would be sent to the thread pool and back for every request.
async def get_settings_dep(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


# Opening a session touches no database (its connection is taken at the first query), and
# closing it hands the connection back: both on the event loop, not a worker thread.
async def get_session(request: Request) -> AsyncIterator[Session]:
    session: Session = request.app.state.sessionmaker()
    try:
        yield session
    except OperationalError as exc:
        session.rollback()
        raise Problem(
            503,
            "Storage unavailable",
            "Your history can't be reached right now. Please try again in a minute.",
        ) from exc
    finally:
        session.close()


async def get_rasa(request: Request) -> RasaClient:
    client: RasaClient = request.app.state.rasa
    return client


async def get_metrics(request: Request) -> Metrics:
    metrics: Metrics = request.app.state.metrics
    return metrics


SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
MetricsDep = Annotated[Metrics, Depends(get_metrics)]
SessionDep = Annotated[Session, Depends(get_session)]
RasaDep = Annotated[RasaClient, Depends(get_rasa)]


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer ") and header[7:].strip():
        return header[7:].strip()
    return None


# One indexed lookup by the token's hash: quicker on the event loop than the hop to a
# worker thread and back that a plain function would cost.
async def get_caller(request: Request, session: SessionDep) -> Person:
    token = _bearer(request)
    if token is None:
        raise Problem(
            401,
            "Not signed in",
            "Send your token as 'Authorization: Bearer <token>'. Get one from POST /api/tokens.",
        )
    try:
        person = session.scalar(select(Person).where(Person.token_hash == hash_token(token)))
    except OperationalError as exc:
        raise Problem(
            503,
            "Storage unavailable",
            "Your history can't be reached right now. Please try again in a minute.",
        ) from exc
    if person is None:
        raise Problem(
            401,
            "Not signed in",
            "This token is not known (it may have been erased). Get a new one from POST /api/tokens.",
        )
    return person


async def get_optional_caller(request: Request, session: SessionDep) -> Person | None:
    return await get_caller(request, session) if _bearer(request) else None


CallerDep = Annotated[Person, Depends(get_caller)]
OptionalCallerDep = Annotated[Person | None, Depends(get_optional_caller)]
