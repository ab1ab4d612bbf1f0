"""The only code that talks to Rasa: its REST channel and its status."""

from __future__ import annotations

import json
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import aiohttp


class RasaUnavailable(Exception):
    """Rasa could not be reached or gave no usable answer."""


async def _on_chunk_sent(
    _session: aiohttp.ClientSession,
    context: SimpleNamespace,
    _params: aiohttp.TraceRequestChunkSentParams,
) -> None:
    on_sent = getattr(context, "trace_request_ctx", None)
    if on_sent is not None:
        on_sent()


class RasaClient:
    """One keep-alive connection pool to Rasa, opened on first use (inside the event loop).

    aiohttp rather than httpx: per message to Rasa it costs the gateway's event loop about
    a quarter of the CPU time (0.14 against 0.55 ms measured on loopback), and the person
    waits for every bit of it."""

    def __init__(self, base_url: str, timeout_s: float) -> None:
        self.base_url = base_url.rstrip("/")
        self._timeout = aiohttp.ClientTimeout(total=timeout_s)
        self._session: aiohttp.ClientSession | None = None

    def _client(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            traces = aiohttp.TraceConfig()
            traces.on_request_chunk_sent.append(_on_chunk_sent)
            self._session = aiohttp.ClientSession(timeout=self._timeout, trace_configs=[traces])
        return self._session

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()

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
        try:
            async with self._client().post(
                f"{self.base_url}/webhooks/rest/webhook",
                data=json.dumps(body, separators=(",", ":")).encode(),
                headers={"Content-Type": "application/json"},
                trace_request_ctx=on_sent,
            ) as response:
                status = response.status
                raw = await response.read()
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise RasaUnavailable(
                f"could not reach Rasa at {self.base_url}: {type(exc).__name__}"
            ) from exc
        finally:
            if on_sent is not None:
                on_sent()
        if status != 200:
            raise RasaUnavailable(f"Rasa answered {status}")
        try:
            messages = json.loads(raw)
        except ValueError as exc:
            raise RasaUnavailable("Rasa answered with something that is not JSON") from exc
        if not isinstance(messages, list) or not messages:
            raise RasaUnavailable("Rasa answered with no messages (is the action server running?)")
        return [m for m in messages if isinstance(m, dict)]

    async def ready(self) -> tuple[bool, str]:
        try:
            async with self._client().get(
                f"{self.base_url}/status", timeout=aiohttp.ClientTimeout(total=2.0)
            ) as response:
                status = response.status
                raw = await response.read()
        except (aiohttp.ClientError, TimeoutError) as exc:
            return False, f"unreachable ({type(exc).__name__})"
        if status != 200:
            return False, f"status {status}"
        try:
            model = (json.loads(raw) or {}).get("model_file")
        except (ValueError, AttributeError):
            return False, "status not readable"
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
