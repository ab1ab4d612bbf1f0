"""The Rasa client tells its caller when a message is on its way, before Rasa answers."""

from __future__ import annotations

import asyncio

import pytest

from api.rasa import RasaClient, RasaUnavailable
from tests.api.conftest import STOPPED_RASA


async def _held_answer(release: asyncio.Event, received: list[bytes]) -> tuple[asyncio.Server, str]:
    """A listener on loopback that reads one whole request and answers it only once
    `release` is set, as Rasa does when it takes its time."""

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = await reader.readuntil(b"\r\n\r\n")
        length = next(
            int(line.split(b":", 1)[1])
            for line in head.split(b"\r\n")
            if line.lower().startswith(b"content-length:")
        )
        received.append(await reader.readexactly(length))
        await release.wait()
        body = b'[{"recipient_id": "me", "text": "Go on."}]'
        writer.write(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            + f"Content-Length: {len(body)}\r\n\r\n".encode()
            + body
        )
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    return server, f"http://127.0.0.1:{port}"


def test_the_caller_hears_the_message_left_before_the_answer_comes() -> None:
    async def scenario() -> None:
        release = asyncio.Event()
        received: list[bytes] = []
        server, url = await _held_answer(release, received)
        client = RasaClient(url, timeout_s=5)
        sent = asyncio.Event()
        try:
            sending = asyncio.ensure_future(
                client.send("me", "I hear you.", {"analysis": {"score": 5}}, sent.set)
            )
            await asyncio.wait_for(sent.wait(), timeout=5)
            # Rasa has the whole message but has not answered: the caller can work meanwhile.
            assert received and b"I hear you." in received[0]
            assert not sending.done()
            release.set()
            assert await asyncio.wait_for(sending, timeout=5) == [
                {"recipient_id": "me", "text": "Go on."}
            ]
        finally:
            release.set()
            await client.close()
            server.close()
            await server.wait_closed()

    asyncio.run(scenario())


def test_a_failed_attempt_still_releases_the_caller() -> None:
    async def scenario() -> None:
        client = RasaClient(STOPPED_RASA, timeout_s=2)
        sent = asyncio.Event()
        try:
            with pytest.raises(RasaUnavailable):
                await client.send("me", "Hello", None, sent.set)
            assert sent.is_set()
        finally:
            await client.close()

    asyncio.run(scenario())
