"""A Rasa-REST-compatible webhook, so existing Rasa widgets can connect through the gateway."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from api.deps import RasaDep, SettingsDep
from api.errors import Problem
from api.rasa import RasaUnavailable
from api.views import analysis_view, rasa_metadata

router = APIRouter(tags=["rasa"])
log = logging.getLogger("rehearse.api.webhook")


class RestMessage(BaseModel):
    model_config = ConfigDict(extra="allow")

    sender: str = Field(min_length=1, max_length=128)
    message: str = Field(min_length=1, max_length=5000)


@router.post("/webhooks/rest/webhook")
async def rest_webhook(
    body: RestMessage, rasa: RasaDep, settings: SettingsDep
) -> list[dict[str, Any]]:
    """Rasa REST channel format in and out; the analysis is added as a `custom` payload."""
    sender = f"widget:{body.sender}"
    text = body.message.strip()
    if text.startswith("/"):
        analysis = None
        crisis = None
    else:
        # on the event loop, as /api/score does (a few ms that hold the GIL anyway)
        analysis, crisis = analysis_view(text, None, settings.default_locale)
    if crisis is not None and crisis.crisis:
        return [
            {"recipient_id": body.sender, "text": crisis.message},
            {"recipient_id": body.sender, "custom": {"rehearse": analysis}},
        ]
    # Metadata is always set here, never taken from the browser.
    metadata = rasa_metadata(analysis) if analysis else {}
    try:
        messages = await rasa.send(sender, text, metadata)
    except RasaUnavailable as exc:
        log.warning("rasa unavailable for a widget message: %s", exc)
        raise Problem(
            503,
            "Practice partner unavailable",
            "The practice partner can't be reached right now. Please try again in a minute.",
        ) from exc
    for message in messages:
        message["recipient_id"] = body.sender
    if analysis is not None:
        messages.append({"recipient_id": body.sender, "custom": {"rehearse": analysis}})
    return messages
