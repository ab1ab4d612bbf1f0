"""The only code that talks to Rasa: its REST channel and its status."""

from __future__ import annotations

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
        self, sender: str, message: str, metadata: dict[str, Any] | None = None
    ) -> list[dict[str, Any]]:
        """Send one message through Rasa's REST channel; a `200 []` counts as a failure."""
        body: dict[str, Any] = {"sender": sender, "message": message}
        if metadata is not None:
            body["metadata"] = metadata
        try:
            response = await self._client.post("/webhooks/rest/webhook", json=body)
        except httpx.HTTPError as exc:
            raise RasaUnavailable(
                f"could not reach Rasa at {self.base_url}: {type(exc).__name__}"
            ) from exc
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
