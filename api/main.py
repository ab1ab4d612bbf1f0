"""The gateway application: `create_app()` builds it; `uvicorn api.main:app` serves it."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, PlainTextResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy.orm import configure_mappers
from starlette.concurrency import run_in_threadpool

from api import errors
from api.db.migrate import upgrade
from api.db.session import make_engine, make_sessionmaker
from api.metrics import JsonFormatter, Metrics, MetricsMiddleware
from api.rasa import RasaClient
from api.routes import chat, engine, health, history, people, scenarios, webhook
from api.routes.scenarios import load_scenarios
from api.security import GuardMiddleware, RateLimiter
from api.settings import Settings, get_settings


def _warm_up() -> None:
    """Load the model, the rules, the rewrite templates and the scenarios, and set up the
    database mappers, before the first request, so the first person does not wait for them
    (the templates alone cost about 20 ms, the mappers 20 ms, the scenarios' YAML 100 ms)."""
    import coach

    configure_mappers()
    load_scenarios()
    coach.analyze("Thank you for telling me.")
    coach.check_crisis("Thank you for telling me.")
    coach.rewrite("You never listen to me.")


def _configure_logging(settings: Settings) -> None:
    handler = logging.StreamHandler()
    if settings.log_format == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(settings.log_level)


def create_app(settings: Settings | None = None, *, migrate: bool = True) -> FastAPI:
    settings = settings or get_settings()
    _configure_logging(settings)
    metrics = Metrics()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.engine = make_engine(settings.database_url)
        app.state.sessionmaker = make_sessionmaker(app.state.engine)
        if migrate:
            try:
                await run_in_threadpool(upgrade, settings.database_url)
            except Exception:
                logging.getLogger("rehearse.api").warning(
                    "database unavailable at start-up; will retry per request"
                )
        app.state.rasa = RasaClient(settings.rasa_url, settings.rasa_timeout_s)
        app.state.nlp_ready = False
        await run_in_threadpool(_warm_up)
        app.state.nlp_ready = True
        try:
            yield
        finally:
            await app.state.rasa.close()
            app.state.engine.dispose()

    app = FastAPI(
        title="Rehearse",
        version="0.1.0",
        summary="Score replies for emotional safety, suggest rewrites, rehearse with a simulated partner.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.metrics = metrics

    @app.get("/metrics", include_in_schema=False)
    def prometheus() -> PlainTextResponse:
        return PlainTextResponse(metrics.render(), media_type="text/plain; version=0.0.4")

    errors.install(app)
    for module in (engine, chat, scenarios, history, people, webhook, health):
        app.include_router(module.router)
    static = Path(__file__).with_name("static")
    app.mount("/static", StaticFiles(directory=static), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(static / "index.html")

    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "DELETE"],
            allow_headers=["Authorization", "Content-Type"],
        )
    app.add_middleware(
        GuardMiddleware,
        max_body_bytes=settings.max_body_bytes,
        limiter=RateLimiter(settings.rate_limit_per_minute),
    )
    app.add_middleware(MetricsMiddleware, metrics=metrics)
    return app


def __getattr__(name: str) -> FastAPI:
    # `uvicorn api.main:app` builds the app on first access, not at import.
    if name == "app":
        return create_app()
    raise AttributeError(name)
