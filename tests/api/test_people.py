"""Tokens, each person's own data, export and erase, rate limits and a stopped Rasa."""

from __future__ import annotations

import logging

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import make_client, new_person


def test_user_data_routes_need_a_token(client: TestClient) -> None:
    for method, path in [
        ("get", "/api/conversations"),
        ("get", "/api/progress"),
        ("get", "/api/me/export"),
        ("delete", "/api/me"),
    ]:
        response = getattr(client, method)(path)
        assert response.status_code == 401, path
        assert "Bearer" in response.json()["detail"]
    response = client.get("/api/progress", headers={"Authorization": "Bearer not-a-real-token"})
    assert response.status_code == 401


def test_chat_keeps_the_message_when_rasa_is_down(client: TestClient) -> None:
    me = new_person(client)
    response = client.post("/api/chat", json={"message": "You never listen to me"}, headers=me)
    assert response.status_code == 503
    problem = response.json()
    assert "saved" in problem["detail"]
    conversation = client.get(f"/api/conversations/{problem['conversation_id']}", headers=me).json()
    assert [(t["role"], t["text"], t["status"]) for t in conversation["turns"]] == [
        ("person", "You never listen to me", "undelivered")
    ]
    assert conversation["turns"][0]["score"] is not None
    # Scoring still works while Rasa is down.
    assert client.post("/api/score", json={"text": "That makes sense"}).status_code == 200


def test_another_persons_data_answers_404(client: TestClient) -> None:
    alice, bob = new_person(client), new_person(client)
    conversation_id = client.post(
        "/api/chat", json={"message": "I miss you"}, headers=alice
    ).json()["conversation_id"]
    assert client.get(f"/api/conversations/{conversation_id}", headers=bob).status_code == 404
    response = client.post(
        "/api/chat", json={"message": "hi", "conversation_id": conversation_id}, headers=bob
    )
    assert response.status_code == 404
    assert client.get("/api/conversations", headers=bob).json() == []


def test_a_crisis_stops_the_rehearsal_and_help_stays(client: TestClient) -> None:
    me = new_person(client)
    first = client.post(
        "/api/chat",
        json={"message": "he hit me again last night and took my phone", "locale": "en-US"},
        headers=me,
    )
    assert first.status_code == 200
    body = first.json()
    assert (
        body["crisis"]["crisis"] is True
        and body["analysis"]["score"] is None
        and body["suggestions"] == []
    )
    later = client.post(
        "/api/chat",
        json={"message": "I'm fine, forget it", "conversation_id": body["conversation_id"]},
        headers=me,
    )
    assert later.status_code == 200, "no Rasa call after a crisis: the role-play is over"
    kept = later.json()["crisis"]
    assert kept["crisis"] is True and any(
        "1-800-799-7233" in r["contact"] for r in kept["resources"]
    )


def test_unknown_scenario_is_refused(client: TestClient) -> None:
    me = new_person(client)
    response = client.post(
        "/api/chat", json={"message": "start", "scenario": "space_pirates"}, headers=me
    )
    assert response.status_code == 422 and "space_pirates" in response.json()["detail"]


def test_progress_counts_stored_turns(client: TestClient) -> None:
    me = new_person(client)
    for text in ["You never listen to me", "That makes sense, what was it like for you?"]:
        client.post("/api/chat", json={"message": text}, headers=me)
    progress = client.get("/api/progress", headers=me).json()
    assert len(progress["scores"]) == 2
    assert dict(progress["harms"]).get("absolute") == 1
    assert dict(progress["helps"]).get("validation") == 1
    assert progress["practice_days"] == 1 and progress["streak"] == 1


def test_export_then_erase_removes_everything(client: TestClient) -> None:
    me = new_person(client)
    client.post("/api/chat", json={"message": "I miss you"}, headers=me)
    client.post("/api/drafts", json={"text": "Can we talk tonight?"}, headers=me)
    export = client.get("/api/me/export", headers=me).json()
    assert export["conversations"][0]["turns"][0]["text"] == "I miss you"
    assert export["drafts"][0]["text"] == "Can we talk tonight?"
    assert client.delete("/api/me", headers=me).status_code == 204
    assert client.get("/api/me/export", headers=me).status_code == 401


def test_rate_limit_answers_429_with_retry_after(database_url: str) -> None:
    with make_client(database_url, rate_limit_per_minute=3) as limited:
        codes = [limited.post("/api/score", json={"text": "hi"}).status_code for _ in range(4)]
        assert codes == [200, 200, 200, 429]
        response = limited.post("/api/score", json={"text": "hi"})
        assert response.headers["retry-after"].isdigit()


def test_message_text_is_not_logged_at_info(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    me = new_person(client)
    secret = "my secret sentence about the dishes"
    with caplog.at_level(logging.INFO):
        client.post("/api/chat", json={"message": secret}, headers=me)
        client.post("/api/score", json={"text": secret})
    assert secret not in caplog.text


def test_a_stopped_database_answers_503(tmp_path: object) -> None:
    with make_client("postgresql+psycopg://nobody@127.0.0.1:9/none") as broken:
        response = broken.post("/api/tokens")
        assert response.status_code == 503
        assert "try again" in response.json()["detail"]
        assert broken.post("/api/score", json={"text": "You never help"}).status_code == 200


def test_migrations_build_the_schema_and_go_back(database_url: str) -> None:
    from sqlalchemy import create_engine, inspect

    from api.db.migrate import downgrade, upgrade

    upgrade(database_url)
    engine = create_engine(database_url.replace("postgresql://", "postgresql+psycopg://"))
    assert {"people", "conversations", "turns", "drafts"} <= set(inspect(engine).get_table_names())
    downgrade(database_url, "base")
    assert "people" not in set(inspect(engine).get_table_names())
    engine.dispose()
