"""Prometheus metrics (request counts, latencies, score distribution) and JSON access logs.
Neither ever includes message text."""

from __future__ import annotations

import json
import logging
import threading
import time
from collections import defaultdict

from starlette.types import ASGIApp, Message, Receive, Scope, Send

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
SCORE_BUCKETS = (10, 20, 30, 40, 50, 60, 70, 80, 90, 100)
access_log = logging.getLogger("rehearse.access")


class Metrics:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.requests: dict[tuple[str, str, int], int] = defaultdict(int)
        self.latency: dict[str, list[int]] = defaultdict(lambda: [0] * (len(LATENCY_BUCKETS) + 1))
        self.latency_sum: dict[str, float] = defaultdict(float)
        self.scores = [0] * (len(SCORE_BUCKETS) + 1)
        self.score_sum = 0
        self.crises = 0

    def observe_request(self, method: str, route: str, status: int, seconds: float) -> None:
        with self._lock:
            self.requests[(method, route, status)] += 1
            buckets = self.latency[route]
            for i, bound in enumerate(LATENCY_BUCKETS):
                if seconds <= bound:
                    buckets[i] += 1
            buckets[-1] += 1
            self.latency_sum[route] += seconds

    def observe_score(self, score: int | None) -> None:
        with self._lock:
            if score is None:
                self.crises += 1
                return
            for i, bound in enumerate(SCORE_BUCKETS):
                if score <= bound:
                    self.scores[i] += 1
            self.scores[-1] += 1
            self.score_sum += score

    def render(self) -> str:
        lines = [
            "# HELP rehearse_requests_total HTTP requests by method, route and status.",
            "# TYPE rehearse_requests_total counter",
        ]
        with self._lock:
            for (method, route, status), n in sorted(self.requests.items()):
                lines.append(
                    f'rehearse_requests_total{{method="{method}",route="{route}",status="{status}"}} {n}'
                )
            lines += [
                "# HELP rehearse_request_seconds Request latency.",
                "# TYPE rehearse_request_seconds histogram",
            ]
            for route, buckets in sorted(self.latency.items()):
                for bound, n in zip(LATENCY_BUCKETS, buckets, strict=False):
                    lines.append(
                        f'rehearse_request_seconds_bucket{{route="{route}",le="{bound}"}} {n}'
                    )
                lines.append(
                    f'rehearse_request_seconds_bucket{{route="{route}",le="+Inf"}} {buckets[-1]}'
                )
                lines.append(
                    f'rehearse_request_seconds_sum{{route="{route}"}} {self.latency_sum[route]:.6f}'
                )
                lines.append(f'rehearse_request_seconds_count{{route="{route}"}} {buckets[-1]}')
            lines += [
                "# HELP rehearse_reply_score Scores given to replies (0 safe .. 100 unsafe).",
                "# TYPE rehearse_reply_score histogram",
            ]
            for bound, n in zip(SCORE_BUCKETS, self.scores, strict=False):
                lines.append(f'rehearse_reply_score_bucket{{le="{bound}"}} {n}')
            lines.append(f'rehearse_reply_score_bucket{{le="+Inf"}} {self.scores[-1]}')
            lines.append(f"rehearse_reply_score_sum {self.score_sum}")
            lines.append(f"rehearse_reply_score_count {self.scores[-1]}")
            lines += [
                "# HELP rehearse_crises_total Messages that stopped coaching for safety.",
                "# TYPE rehearse_crises_total counter",
                f"rehearse_crises_total {self.crises}",
            ]
        return "\n".join(lines) + "\n"


class MetricsMiddleware:
    """Counts and times every request, and writes one access-log line without any text."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def capture(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, capture)
        finally:
            route = getattr(scope.get("route"), "path", None) or (
                "/static" if scope["path"].startswith("/static/") else "unmatched"
            )
            seconds = time.perf_counter() - started
            self.metrics.observe_request(scope["method"], route, status, seconds)
            access_log.info(
                "request",
                extra={
                    "method": scope["method"],
                    "route": route,
                    "status": status,
                    "ms": round(seconds * 1000, 1),
                },
            )


class JsonFormatter(logging.Formatter):
    """One JSON object per line; only fields the code chose to log (never message text)."""

    FIELDS = ("method", "route", "status", "ms")

    def format(self, record: logging.LogRecord) -> str:
        data = {
            "ts": self.formatTime(record),
            "level": record.levelname,
            "logger": record.name,
            "msg": record.getMessage(),
        }
        for field in self.FIELDS:
            if hasattr(record, field):
                data[field] = getattr(record, field)
        if record.exc_info:
            data["error"] = self.formatException(record.exc_info)
        return json.dumps(data)
