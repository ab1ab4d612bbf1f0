"""The only code that talks to Rasa: its REST channel and its status."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx


class RasaUnavailable(Exception):
    """Rasa could not be reached or gave no usable answer."""


class RasaClient:
    def __init__(
        self, base_url: str, timeout_s: float, transport: httpx.AsyncBaseTransport | None = None
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._client = httpx.AsyncClient(
            base_url=self.base_url, timeout=timeout_s, transport=transport
        )

    async def close(self) -> None:
        await self._client.aclose()

    async def send(
        self,
        sender: str,
        message: str,
        metadata: dict[str, Any] | None = None,
        on_sent: Callable[[], None] | None = None,
    ) -> list[dict[str, Any]]:
        """Send one message through Rasa's REST channel; a `200 []` counts as a failure.

        `on_sent` is called when the request is on the wire, so a caller can start other
        work while Rasa thinks, and again when the attempt is over, whatever its outcome
        (so it must not mind a second call, as `asyncio.Event.set` does not)."""
        body: dict[str, Any] = {"sender": sender, "message": message}
        if metadata is not None:
            body["metadata"] = metadata
        extensions: dict[str, Any] = {}
        if on_sent is not None:

            async def trace(event: str, _info: dict[str, Any]) -> None:
                if event == "http11.send_request_body.complete":
                    on_sent()

            extensions["trace"] = trace
        try:
            response = await self._client.post(
                "/webhooks/rest/webhook", json=body, extensions=extensions
            )
        except httpx.HTTPError as exc:
            raise RasaUnavailable(
                f"could not reach Rasa at {self.base_url}: {type(exc).__name__}"
            ) from exc
        finally:
            if on_sent is not None:
                on_sent()
        if response.status_code != 200:
            raise RasaUnavailable(f"Rasa answered {response.status_code}")
        try:
            messages = response.json()
        except ValueError as exc:
            raise RasaUnavailable("Rasa answered with something that is not JSON") from exc
        if not isinstance(messages, list) or not messages:
            raise RasaUnavailable("Rasa answered with no messages (is the action server running?)")
        return [m for m in messages if isinstance(m, dict)]

    async def ready(self) -> tuple[bool, str]:
        try:
            response = await self._client.get("/status", timeout=2.0)
        except httpx.HTTPError as exc:
            return False, f"unreachable ({type(exc).__name__})"
        if response.status_code != 200:
            return False, f"status {response.status_code}"
        model = (response.json() or {}).get("model_file")
        return (True, "ready") if model else (False, "no model loaded")


def pair_messages(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rasa's REST channel sends an utterance's `custom` payload as a message of its own,
    right after the utterance's text; join each back onto its text (a lone payload stays)."""
    paired: list[dict[str, Any]] = []
    for message in messages:
        item: dict[str, Any] = {
            k: message[k] for k in ("text", "buttons", "custom") if k in message
        }
        previous = paired[-1] if paired else None
        if (
            "custom" in item
            and "text" not in item
            and previous is not None
            and ("text" in previous and "custom" not in previous)
        ):
            previous["custom"] = item["custom"]
            continue
        paired.append(item)
    return paired
