"""Liveness and readiness."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text

router = APIRouter(tags=["health"])


@router.get("/healthz")
async def healthz() -> dict[str, str]:
    """The process is up."""
    return {"status": "ok"}


@router.get("/readyz")
async def readyz(request: Request) -> JSONResponse:
    """Whether the database, Rasa and the language model are ready, and what is missing."""
    checks: dict[str, Any] = {}
    try:
        with request.app.state.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        checks["database"] = "ready"
    except Exception as exc:
        checks["database"] = f"unavailable ({type(exc).__name__})"
    ok, detail = await request.app.state.rasa.ready()
    checks["rasa"] = detail
    checks["language_model"] = "ready" if request.app.state.nlp_ready else "loading"
    ready = checks["database"] == "ready" and ok and checks["language_model"] == "ready"
    return JSONResponse({"ready": ready, "checks": checks}, status_code=200 if ready else 503)
