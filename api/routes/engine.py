"""Scoring and rewriting a reply (no account needed; nothing is stored)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from starlette.concurrency import run_in_threadpool

from api.deps import MetricsDep, SettingsDep
from api.schemas import AnalysisOut, RewriteOut, RewriteRequest, ScoreRequest
from api.views import analysis_view
from coach import rewrite

router = APIRouter(prefix="/api", tags=["engine"])


@router.post("/score", response_model=AnalysisOut)
async def score_reply(
    body: ScoreRequest, settings: SettingsDep, metrics: MetricsDep
) -> dict[str, Any]:
    """Score a reply for defensiveness (0 safe .. 100 unsafe) and mark the words that matter."""
    # A few milliseconds of work that holds the GIL most of the time: done on the event
    # loop, it saves two hops to the thread pool and back (the handler's and the response
    # validation's), and the loop would wait for the GIL meanwhile anyway.
    view, _ = analysis_view(
        body.text, body.context, body.locale or settings.default_locale, metrics
    )
    return view


@router.post("/rewrite", response_model=RewriteOut)
async def rewrite_reply(body: RewriteRequest, settings: SettingsDep) -> dict[str, Any]:
    """Suggest up to n safer ways to say a reply, each with its skill and an explanation."""
    locale = body.locale or settings.default_locale

    def work() -> dict[str, Any]:
        view, crisis = analysis_view(body.text, body.context, locale)
        if crisis.crisis:
            return {
                "original": view,
                "suggestions": [],
                "note": "Rehearse doesn't suggest wording for a message like this one; the help above is for you.",
            }
        result = rewrite(body.text, context=body.context, n=body.n, locale=locale)
        return {"original": view, "suggestions": [s.to_dict() for s in result], "note": result.note}

    return await run_in_threadpool(work)
