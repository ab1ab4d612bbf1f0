"""Anonymous bearer tokens (stored hashed), security headers, body limits, rate limits."""

from __future__ import annotations

import hashlib
import secrets
import time
from collections import defaultdict, deque

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import problem_response


def new_token() -> str:
    return secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class RateLimiter:
    """A sliding one-minute window per key (a token's hash, or the client's address)."""

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self.hits: dict[str, deque[float]] = defaultdict(deque)

    def retry_after(self, key: str) -> int:
        now = time.monotonic()
        window = self.hits[key]
        while window and now - window[0] > 60:
            window.popleft()
        if len(window) >= self.per_minute:
            return max(1, int(60 - (now - window[0])) + 1)
        window.append(now)
        return 0


SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
    (
        b"content-security-policy",
        b"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        b"connect-src 'self'; frame-ancestors 'none'",
    ),
]


class GuardMiddleware:
    """Security headers on every answer, a body-size limit and a per-caller rate limit."""

    def __init__(self, app: ASGIApp, max_body_bytes: int, limiter: RateLimiter) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.limiter = limiter

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        path = scope.get("path", "")
        length = headers.get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.max_body_bytes:
            response = problem_response(
                413,
                "Message too large",
                f"Requests are limited to {self.max_body_bytes} bytes. Send a shorter message.",
            )
            await response(scope, receive, send)
            return
        if path.startswith(("/api/", "/webhooks/")):
            auth = headers.get(b"authorization", b"").decode(errors="ignore")
            key = (
                hash_token(auth[7:])
                if auth.lower().startswith("bearer ")
                else str((scope.get("client") or ("?",))[0])
            )
            wait = self.limiter.retry_after(key)
            if wait:
                response = problem_response(
                    429,
                    "Too many requests",
                    f"Slow down a little: try again in {wait} seconds.",
                    retry_after=wait,
                )
                await response(scope, receive, send)
                return

        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body_bytes:
                    raise _TooLarge
            return message

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            await send(message)

        try:
            await self.app(scope, limited_receive, send_with_headers)
        except _TooLarge:
            response = problem_response(
                413,
                "Message too large",
                f"Requests are limited to {self.max_body_bytes} bytes. Send a shorter message.",
            )
            await response(scope, receive, send)


class _TooLarge(Exception):
    pass
