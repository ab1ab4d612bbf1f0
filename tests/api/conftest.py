"""API tests run the real app against a real database: SQLite always, PostgreSQL when the
machine has it (DATABASE_URL, or the local server on 127.0.0.1:5432, database test)."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from api.db.models import Base
from api.main import create_app
from api.settings import Settings

STOPPED_RASA = "http://127.0.0.1:9"  # nothing listens on the discard port


def _postgres_url() -> str | None:
    url = os.environ.get("DATABASE_URL")
    if url and url.startswith("postgresql"):
        return url
    try:
        with socket.create_connection(("127.0.0.1", 5432), timeout=0.5):
            pass
    except OSError:
        return None
    for user in ("postgres", "root"):
        candidate = f"postgresql+psycopg://{user}@127.0.0.1:5432/test"
        try:
            engine = create_engine(candidate)
            with engine.connect() as connection:
                connection.execute(text("SELECT 1"))
            engine.dispose()
            return candidate
        except Exception:
            continue
    return None


POSTGRES = _postgres_url()
DATABASES = ["sqlite"] + (["postgresql"] if POSTGRES else [])


@pytest.fixture(params=DATABASES)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'rehearse.db'}"
        return
    assert POSTGRES
    _reset(POSTGRES)
    yield POSTGRES
    _reset(POSTGRES)


def _reset(url: str) -> None:
    engine = create_engine(url)
    Base.metadata.drop_all(engine)
    with engine.begin() as connection:
        connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
    engine.dispose()


def make_client(database_url: str, **overrides: object) -> TestClient:
    settings = Settings(database_url=database_url, rasa_url=STOPPED_RASA, **overrides)  # type: ignore[arg-type]
    return TestClient(create_app(settings))


@pytest.fixture
def client(database_url: str) -> Iterator[TestClient]:
    with make_client(database_url) as test_client:
        yield test_client


def new_person(client: TestClient) -> dict[str, str]:
    response = client.post("/api/tokens")
    assert response.status_code == 201
    return {"Authorization": f"Bearer {response.json()['token']}"}
