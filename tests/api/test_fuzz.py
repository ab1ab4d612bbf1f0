"""Schema-driven fuzzing of every route (schemathesis): no input may cause a 500."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings

from api.main import create_app
from api.settings import Settings
from tests.api.conftest import STOPPED_RASA

APP = create_app(
    Settings(
        database_url="sqlite:///" + str(Path("test-artifacts/fuzz.db").resolve()),
        rasa_url=STOPPED_RASA,
        rate_limit_per_minute=10**6,
    )
)
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@pytest.fixture(scope="module")
def token() -> Iterator[str]:
    Path("test-artifacts").mkdir(exist_ok=True)
    Path("test-artifacts/fuzz.db").unlink(missing_ok=True)
    with TestClient(APP) as client:  # runs the lifespan: database, engine warm-up
        yield client.post("/api/tokens").json()["token"]


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_route_answers_500(case: schemathesis.Case, token: str) -> None:
    response = case.call(headers={"Authorization": f"Bearer {token}"})
    assert response.status_code < 500 or response.status_code == 503, response.text
    if response.status_code >= 400 and case.path != "/readyz":  # readiness answers its own JSON
        content_type = response.headers.get("content-type") or [""]
        if isinstance(content_type, list):
            content_type = content_type[0]
        assert content_type.startswith("application/problem+json")
