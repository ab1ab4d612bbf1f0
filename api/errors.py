"""RFC 9457 problem details for every error the gateway returns."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from coach import CoachError

log = logging.getLogger("rehearse.api")
PROBLEM = "application/problem+json"


class Problem(Exception):
    """An error with a status, a short title and a detail a person can act on."""

    def __init__(
        self, status: int, title: str, detail: str, *, type_: str = "about:blank", **extra: Any
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.title = title
        self.detail = detail
        self.type = type_
        self.extra = extra


def problem_response(
    status: int, title: str, detail: str, type_: str = "about:blank", **extra: Any
) -> JSONResponse:
    body = {"type": type_, "title": title, "status": status, "detail": detail, **extra}
    headers = {"Retry-After": str(extra["retry_after"])} if "retry_after" in extra else None
    return JSONResponse(body, status_code=status, media_type=PROBLEM, headers=headers)


def _field(loc: tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc if p not in ("body",)]
    return ".".join(parts) or "body"


def install(app: FastAPI) -> None:
    @app.exception_handler(Problem)
    async def _problem(_: Request, exc: Problem) -> JSONResponse:
        return problem_response(exc.status, exc.title, exc.detail, exc.type, **exc.extra)

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = []
        for err in exc.errors():
            field = _field(tuple(err.get("loc", ())))
            kind = err.get("type", "")
            if kind == "json_invalid":
                message = "The body is not valid JSON. Check quotes and commas."
            elif kind == "extra_forbidden":
                message = f"Unknown field '{field}'. Remove it."
            elif kind == "missing":
                message = f"'{field}' is required."
            else:
                message = f"'{field}': {err.get('msg', 'is not valid')}."
            errors.append({"field": field, "message": message, "type": kind})
        detail = errors[0]["message"] if errors else "The request is not valid."
        return problem_response(422, "Invalid request", detail, errors=errors)

    @app.exception_handler(CoachError)
    async def _coach(_: Request, exc: CoachError) -> JSONResponse:
        return problem_response(
            422, "Invalid request", str(exc), errors=[{"field": "text", "message": str(exc)}]
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        titles = {404: "Not found", 405: "Method not allowed", 401: "Not signed in"}
        detail = str(exc.detail) if exc.detail else titles.get(exc.status_code, "Error")
        if exc.status_code == 404 and detail == "Not Found":
            detail = "There is nothing at this address."
        return problem_response(exc.status_code, titles.get(exc.status_code, "Error"), detail)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return problem_response(
            500,
            "Something went wrong",
            "Rehearse hit an unexpected error. Nothing you sent was lost; please try again.",
        )
