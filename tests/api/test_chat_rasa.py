"""The gateway with a real trained Rasa and action server (started by the test session)."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from api.settings import Settings
from tests.api.conftest import new_person
from tests.integration_servers import rasa_servers

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def rasa_url() -> Iterator[str]:
    with rasa_servers() as url:
        yield url


@pytest.fixture
def live(rasa_url: str, tmp_path: object) -> Iterator[TestClient]:
    settings = Settings(database_url=f"sqlite:///{tmp_path}/live.db", rasa_url=rasa_url)  # type: ignore[str-bytes-safe]
    with TestClient(create_app(settings)) as client:
        yield client


def partner_text(body: dict[str, object]) -> list[str]:
    return [
        m["text"]
        for m in body["messages"]
        if m.get("text") and not str(m["text"]).startswith(("Coach:", "Rehearsal:"))
    ]  # type: ignore[index, union-attr]


def test_a_full_rehearsal_through_the_gateway(live: TestClient) -> None:
    me = new_person(live)
    start = live.post(
        "/api/chat",
        json={"message": "Let's practise", "scenario": "chores_mental_load"},
        headers=me,
    ).json()
    conversation = start["conversation_id"]
    assert start["partner"]["guard"] == "guarded" and partner_text(start)

    def say(text: str) -> dict[str, object]:
        response = live.post(
            "/api/chat", json={"message": text, "conversation_id": conversation}, headers=me
        )
        assert response.status_code == 200, response.text
        return response.json()

    warm = say("That makes total sense. I can see how much you've been carrying, and I'm sorry.")
    assert warm["analysis"]["label"] == "safe" and warm["partner"]["step"] >= 1  # type: ignore[index]
    cold = say("Whatever. You always exaggerate.")
    assert cold["analysis"]["label"] == "unsafe" and cold["partner"]["step"] < 0  # type: ignore[index]
    assert cold["suggestions"], "an unsafe reply comes with safer ways to say it"
    # Where the time went, for the browser's network panel and the benchmark.
    timed = live.post(
        "/api/chat", json={"message": "I hear you.", "conversation_id": conversation}, headers=me
    )
    timing = dict(
        (part.split(";dur=")[0].strip(), float(part.split(";dur=")[1]))
        for part in timed.headers["server-timing"].split(",")
    )
    assert set(timing) == {"check", "rasa", "total"}
    assert 0 < timing["check"] < timing["total"] and 0 < timing["rasa"] < timing["total"]

    paused = say("/pause")
    assert any("Paused" in (m.get("text") or "") for m in paused["messages"])  # type: ignore[union-attr]
    say("/resume")
    rewound = say("/rewind")
    assert any("Rewound" in (m.get("text") or "") for m in rewound["messages"])  # type: ignore[union-attr]
    end = say("/end_rehearsal")
    debrief = [
        m["custom"]["debrief"]
        for m in end["messages"]
        if (m.get("custom") or {}).get("event") == "debrief"
    ]  # type: ignore[union-attr]
    assert debrief and debrief[0]["turns"] == 2  # the rewind took back the last reply

    stored = live.get(f"/api/conversations/{conversation}", headers=me).json()
    roles = [t["role"] for t in stored["turns"]]
    assert roles.count("person") == 8 and "partner" in roles
    assert all(t["status"] == "ok" for t in stored["turns"] if t["role"] == "person")


def test_the_webhook_speaks_rasa_rest_and_adds_the_analysis(live: TestClient) -> None:
    start = live.post(
        "/webhooks/rest/webhook",
        json={"sender": "widget-1", "message": '/start_rehearsal{"scenario":"money"}'},
    )
    assert start.status_code == 200 and any(m.get("text") for m in start.json())
    reply = live.post(
        "/webhooks/rest/webhook",
        json={"sender": "widget-1", "message": "You never tell me anything"},
    ).json()
    assert all(m["recipient_id"] == "widget-1" for m in reply)
    analysis = [m["custom"]["rehearse"] for m in reply if "rehearse" in (m.get("custom") or {})]
    assert analysis and analysis[0]["label"] == "unsafe"


def _metadata_rasa_kept(rasa_url: str, sender: str) -> list[dict[str, object]]:
    tracker = httpx.get(f"{rasa_url}/conversations/{sender}/tracker", timeout=30).json()
    return [
        e["metadata"]
        for e in tracker["events"]
        if e["event"] == "user" and not str(e.get("text") or "").startswith("/")
    ]


def test_rasa_hears_the_analysis_but_not_the_words_it_marked(
    live: TestClient, rasa_url: str
) -> None:
    # The partner needs the score, the label and each marker's kind, polarity and tip; the
    # marked words (the person's own) stay out of Rasa's tracker, whichever route sent them.
    me = new_person(live)
    reply = "You always leave your wet towels on our bed and never think about it."
    conversation = live.post(
        "/api/chat", json={"message": "start", "scenario": "chores_mental_load"}, headers=me
    ).json()["conversation_id"]
    live.post("/api/chat", json={"message": reply, "conversation_id": conversation}, headers=me)
    live.post("/webhooks/rest/webhook", json={"sender": "widget-2", "message": reply})
    for sender in (conversation, "widget:widget-2"):
        kept = _metadata_rasa_kept(rasa_url, sender)
        assert kept, sender
        analysis = kept[-1]["analysis"]
        assert analysis["label"] == "unsafe" and analysis["markers"]  # type: ignore[index]
        for marker in analysis["markers"]:  # type: ignore[index]
            assert set(marker) == {"kind", "polarity", "tip"}, sender
        assert "towels" not in str(kept), sender


def test_nothing_is_written_while_rasa_answers(
    live: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An open write would hold SQLite's lock on the whole file while the partner thinks, so
    # every other person's message would wait for this one (throughput fell to 0.87x of
    # Rasa's own under load). The turns are written once Rasa has answered.
    me = new_person(live)
    conversation = live.post(
        "/api/chat", json={"message": "start", "scenario": "money"}, headers=me
    ).json()["conversation_id"]
    rasa = live.app.state.rasa  # type: ignore[attr-defined]
    answer_of_rasa = rasa.send
    probes: list[str] = []

    async def send(*args: Any, **kwargs: Any) -> Any:
        messages = await answer_of_rasa(*args, **kwargs)
        await asyncio.sleep(0.2)  # time for anything the gateway does meanwhile
        other = sqlite3.connect(tmp_path / "live.db", timeout=0)
        try:
            other.execute("BEGIN IMMEDIATE")
            other.rollback()
            probes.append("free")
        except sqlite3.OperationalError as exc:
            probes.append(str(exc))
        finally:
            other.close()
        return messages

    monkeypatch.setattr(rasa, "send", send)
    reply = live.post(
        "/api/chat",
        json={"message": "You spent it all on the boat again.", "conversation_id": conversation},
        headers=me,
    )
    assert reply.status_code == 200 and probes == ["free"]
    turns = live.get(f"/api/conversations/{conversation}", headers=me).json()["turns"]
    assert [t["seq"] for t in turns] == list(range(1, len(turns) + 1))
    assert [t["role"] for t in turns].count("person") == 2 and turns[-1]["role"] != "person"
    assert all(t["status"] == "ok" for t in turns if t["role"] == "person")


def test_readiness_is_green_with_everything_up(live: TestClient) -> None:
    response = live.get("/readyz")
    assert response.status_code == 200 and response.json()["ready"] is True
