"""Scoring, rewriting and scenarios over HTTP, and the errors people meet."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.routes.scenarios import load_scenarios
from coach.rewrite import _config as rewrite_config
from tests.api.conftest import STOPPED_RASA, make_client

PROBLEM = "application/problem+json"


def test_score_answers_the_analysis(client: TestClient) -> None:
    response = client.post(
        "/api/score", json={"text": "You never listen to me", "context": "I had a rough day"}
    )
    body = response.json()
    assert response.status_code == 200
    assert body["label"] == "unsafe" and 50 <= body["score"] <= 100
    assert {m["kind"] for m in body["markers"]} >= {"absolute"}
    assert body["crisis"]["crisis"] is False
    assert response.headers["x-content-type-options"] == "nosniff"


def test_score_does_not_score_a_crisis(client: TestClient) -> None:
    body = client.post(
        "/api/score",
        json={"text": "he took my keys again and says I can't leave", "locale": "en-US"},
    ).json()
    assert body["score"] is None and body["markers"] == []
    assert body["crisis"]["crisis"] is True and body["crisis"]["resources"]


def test_rewrite_returns_safer_suggestions(client: TestClient) -> None:
    body = client.post(
        "/api/rewrite", json={"text": "Just do the dishes, you lazy slob.", "n": 2}
    ).json()
    assert body["original"]["label"] == "unsafe"
    assert 1 <= len(body["suggestions"]) <= 2
    assert all(
        s["label"] == "safe" and s["score"] < body["original"]["score"] for s in body["suggestions"]
    )


def test_scenarios_are_listed(client: TestClient) -> None:
    scenarios = client.get("/api/scenarios").json()
    assert len(scenarios) >= 8 and {"id", "title", "practises", "partner"} <= set(scenarios[0])


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"text": ""}, "text"),
        ({"text": "x" * 5001}, "text"),
        ({"text": 42}, "text"),
        ({"text": "hi", "surprise": 1}, "surprise"),
        ({}, "text"),
        ({"text": "hi", "n": 0}, "n"),
    ],
)
def test_bad_bodies_get_a_problem_document(
    client: TestClient, body: dict[str, object], field: str
) -> None:
    response = client.post("/api/rewrite", json=body)
    assert response.status_code == 422
    assert response.headers["content-type"].startswith(PROBLEM)
    problem = response.json()
    assert {"type", "title", "status", "detail", "errors"} <= set(problem)
    assert any(e["field"] == field for e in problem["errors"])


def test_whitespace_only_text_is_refused_clearly(client: TestClient) -> None:
    response = client.post("/api/score", json={"text": "   "})
    assert response.status_code == 422 and "empty" in response.json()["detail"]


def test_broken_json_is_refused_clearly(client: TestClient) -> None:
    response = client.post(
        "/api/score", content=b'{"text": "hi"', headers={"content-type": "application/json"}
    )
    assert response.status_code == 422 and "JSON" in response.json()["detail"]


def test_oversized_body_is_refused(client: TestClient) -> None:
    response = client.post(
        "/api/score",
        content=b'{"text": "' + b"a" * 70_000 + b'"}',
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 413 and response.headers["content-type"].startswith(PROBLEM)


def test_unknown_address_is_a_problem(client: TestClient) -> None:
    response = client.get("/api/nothing-here")
    assert response.status_code == 404 and response.headers["content-type"].startswith(PROBLEM)


def test_readiness_says_what_is_missing_and_liveness_is_up(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    response = client.get("/readyz")
    assert response.status_code == 503
    checks = response.json()["checks"]
    assert checks["database"] == "ready" and checks["language_model"] == "ready"
    assert checks["rasa"].startswith("unreachable")


def test_metrics_count_requests_and_scores_without_text(client: TestClient) -> None:
    client.post("/api/score", json={"text": "You never listen to my secret plan"})
    client.post("/api/score", json={"text": "That makes sense"})
    body = client.get("/metrics").text
    assert 'rehearse_requests_total{method="POST",route="/api/score",status="200"} 2' in body
    assert "rehearse_reply_score_count 2" in body
    assert 'rehearse_request_seconds_bucket{route="/api/score",le="+Inf"} 2' in body
    assert "secret plan" not in body


def test_rasa_custom_payloads_are_joined_to_their_text() -> None:
    from api.rasa import pair_messages

    raw = [
        {"recipient_id": "x", "text": "Opening line"},
        {"recipient_id": "x", "custom": {"role": "partner", "guard_level": 2}},
        {"recipient_id": "x", "text": "Coach: a tip"},
        {"recipient_id": "x", "text": "Pick one", "buttons": [{"title": "A", "payload": "/a"}]},
        {"recipient_id": "x", "custom": {"role": "coach", "event": "tip"}},
        {"recipient_id": "x", "custom": {"role": "coach", "event": "alone"}},
    ]
    assert pair_messages(raw) == [
        {"text": "Opening line", "custom": {"role": "partner", "guard_level": 2}},
        {"text": "Coach: a tip"},
        {
            "text": "Pick one",
            "buttons": [{"title": "A", "payload": "/a"}],
            "custom": {"role": "coach", "event": "tip"},
        },
        {"custom": {"role": "coach", "event": "alone"}},
    ]


def test_the_first_request_does_not_wait_for_the_engine_to_load(database_url: str) -> None:
    # The rewrite templates and the scenarios, like the model and the rules, are loaded
    # while the gateway starts, not on the first person's request.
    rewrite_config.cache_clear()
    load_scenarios.cache_clear()
    with make_client(database_url):
        assert rewrite_config.cache_info().currsize == 1
        assert load_scenarios.cache_info().currsize == 1


def test_the_database_mappers_are_set_up_at_start_up(tmp_path: Path) -> None:
    # SQLAlchemy sets up its mappers at the first query (about 20 ms, once per process);
    # a fresh process shows whether starting the gateway did it.
    code = (
        "from fastapi.testclient import TestClient\n"
        "from api.db.models import Person\n"
        "from api.main import create_app\n"
        "from api.settings import Settings\n"
        f"settings = Settings(database_url='sqlite:///{tmp_path}/m.db', rasa_url='{STOPPED_RASA}')\n"
        "with TestClient(create_app(settings)):\n"
        "    print(Person.__mapper__.configured)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert run.stdout.strip().splitlines()[-1] == "True"
