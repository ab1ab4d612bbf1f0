"""Two Rasa servers sharing a PostgreSQL tracker store and a Redis lock store, and two
gateways sharing one PostgreSQL database: turns alternate between instances; none may be
lost, duplicated or reordered, and concurrent messages to one conversation are serialised.
Uses the PostgreSQL and Redis that run on these machines."""

from __future__ import annotations

import concurrent.futures
import itertools
import os
import socket
from collections.abc import Iterator
from contextlib import ExitStack

import httpx
import psycopg
import pytest

from tests.integration_servers import (
    _wait,
    actions_server,
    free_port,
    gateway_server,
    rasa_server,
    train_rasa,
)

pytestmark = pytest.mark.integration
PG = {"host": "127.0.0.1", "port": 5432, "user": "postgres"}


def _reachable(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def _fresh_database(name: str) -> None:
    with psycopg.connect(dbname="postgres", autocommit=True, **PG) as connection:  # type: ignore[arg-type]
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


@pytest.fixture(scope="module")
def cluster() -> Iterator[tuple[list[str], list[str]]]:
    if not (_reachable(5432) and _reachable(6379)):
        pytest.fail("the scale-out test needs PostgreSQL on :5432 and Redis on :6379")
    train_rasa()
    _fresh_database("rehearse_scale_tracker")
    _fresh_database("rehearse_scale_gateway")
    actions = free_port()
    env = {
        **os.environ,
        "RASA_TELEMETRY_ENABLED": "false",
        "REHEARSE_ACTIONS_URL": f"http://127.0.0.1:{actions}/webhook",
        "TRACKER_DB_HOST": "127.0.0.1",
        "TRACKER_DB_PORT": "5432",
        "TRACKER_DB_NAME": "rehearse_scale_tracker",
        "TRACKER_DB_USER": "postgres",
        "TRACKER_DB_PASSWORD": "",
        "REDIS_HOST": "127.0.0.1",
        "REDIS_PORT": "6379",
        "REDIS_DB": "7",
    }
    with ExitStack() as stack:
        stack.enter_context(actions_server(env, actions, "scale-actions.log"))
        rasa_urls = []
        for i in range(2):
            port = free_port()
            stack.enter_context(
                rasa_server(env, port, f"scale-rasa-{i}.log", "bot/endpoints.scaled.yml")
            )
            rasa_urls.append(f"http://127.0.0.1:{port}")
        gateways = [
            stack.enter_context(
                gateway_server(
                    {
                        **env,
                        "DATABASE_URL": "postgresql://postgres@127.0.0.1:5432/rehearse_scale_gateway",
                        "REHEARSE_RASA_URL": rasa_url,
                        "REHEARSE_RATE_LIMIT_PER_MINUTE": "100000",
                    },
                    log=f"scale-gateway-{i}.log",
                )
            )
            for i, rasa_url in enumerate(rasa_urls)
        ]
        _wait(f"http://127.0.0.1:{actions}/health", "ok", 60)
        for url in rasa_urls:
            _wait(f"{url}/status", "model_file", 180)
        yield gateways, rasa_urls


def test_turns_alternating_between_instances_keep_their_order(
    cluster: tuple[list[str], list[str]],
) -> None:
    gateways, rasa_urls = cluster
    token = httpx.post(f"{gateways[0]}/api/tokens").json()["token"]
    auth = {"Authorization": f"Bearer {token}"}
    replies = [
        "I hear you.",
        "That makes sense, I'm sorry.",
        "What was that like for you?",
        "Whatever.",
        "You're right, that's on me.",
        "Can we try again?",
    ]
    for round_ in range(2):
        start = httpx.post(
            f"{gateways[round_ % 2]}/api/chat",
            json={"message": "start", "scenario": "money"},
            headers=auth,
            timeout=60,
        )
        assert start.status_code == 200, start.text
        conversation = start.json()["conversation_id"]
        for i, text in enumerate(replies):
            response = httpx.post(
                f"{gateways[(i + round_ + 1) % 2]}/api/chat",
                json={"message": text, "conversation_id": conversation},
                headers=auth,
                timeout=60,
            )
            assert response.status_code == 200, response.text
            assert any(m.get("text") for m in response.json()["messages"]), (
                "every reply is answered"
            )
        for gateway in gateways:
            turns = httpx.get(f"{gateway}/api/conversations/{conversation}", headers=auth).json()[
                "turns"
            ]
            assert [t["seq"] for t in turns] == list(range(1, len(turns) + 1)), (
                "no gaps or duplicates"
            )
            assert [t["text"] for t in turns if t["role"] == "person"] == ["start", *replies]
        for rasa_url in rasa_urls:
            events = httpx.get(f"{rasa_url}/conversations/{conversation}/tracker").json()["events"]
            said = [
                e["text"] for e in events if e["event"] == "user" and not e["text"].startswith("/")
            ]
            assert said == replies, "both Rasa servers see the same conversation, in order"


def test_concurrent_messages_to_one_conversation_are_serialised(
    cluster: tuple[list[str], list[str]],
) -> None:
    gateways, rasa_urls = cluster
    token = httpx.post(f"{gateways[1]}/api/tokens").json()["token"]
    auth = {"Authorization": f"Bearer {token}"}
    conversation = httpx.post(
        f"{gateways[0]}/api/chat",
        json={"message": "start", "scenario": "in_laws"},
        headers=auth,
        timeout=60,
    ).json()["conversation_id"]
    texts = [f"I hear you, number {i}." for i in range(6)]

    def send(i: int) -> int:
        return httpx.post(
            f"{gateways[i % 2]}/api/chat",
            json={"message": texts[i], "conversation_id": conversation},
            headers=auth,
            timeout=120,
        ).status_code

    with concurrent.futures.ThreadPoolExecutor(max_workers=6) as pool:
        codes = list(pool.map(send, range(6)))
    assert codes == [200] * 6
    turns = httpx.get(f"{gateways[0]}/api/conversations/{conversation}", headers=auth).json()[
        "turns"
    ]
    assert [t["seq"] for t in turns] == list(range(1, len(turns) + 1))
    assert sorted(
        t["text"] for t in turns if t["role"] == "person" and t["text"] != "start"
    ) == sorted(texts)
    # Serialised: each message's answer directly follows it (no interleaving of two messages).
    roles = [t["role"] for t in turns]
    person_positions = [i for i, r in enumerate(roles) if r == "person"]
    for a, b in itertools.pairwise(person_positions):
        assert b - a >= 2, "every message got its answer before the next message was handled"
    events = httpx.get(f"{rasa_urls[0]}/conversations/{conversation}/tracker").json()["events"]
    kinds = [
        e["event"]
        for e in events
        if e["event"] in ("user", "action") and e.get("name") != "action_listen"
    ]
    for i, kind in enumerate(kinds[:-1]):
        if kind == "user":
            assert kinds[i + 1] == "action", "Rasa handled each message fully before the next"
