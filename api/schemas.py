"""Request and response bodies (pydantic). Unknown fields are refused."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

MAX_TEXT = 5000


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)


class ScoreRequest(Strict):
    text: str = Field(min_length=1, max_length=MAX_TEXT, description="The reply to check.")
    context: str | None = Field(None, max_length=MAX_TEXT, description="What the partner said.")
    locale: str | None = Field(None, max_length=32, description="For crisis resources, e.g. en-US.")


class RewriteRequest(ScoreRequest):
    n: int = Field(3, ge=1, le=7, description="How many suggestions.")


class ChatRequest(Strict):
    message: str = Field(min_length=1, max_length=MAX_TEXT)
    conversation_id: str | None = Field(None, max_length=36)
    scenario: str | None = Field(None, max_length=64, description="Start this rehearsal scenario.")
    locale: str | None = Field(None, max_length=32)


class DraftRequest(ScoreRequest):
    pass


class MarkerOut(BaseModel):
    kind: str
    start: int
    end: int
    text: str
    polarity: str
    tip: str


class ResourceOut(BaseModel):
    name: str
    contact: str
    when: str
    source: str


class CrisisOut(BaseModel):
    crisis: bool
    check_in: bool
    kind: str | None
    message: str
    resources: list[ResourceOut]
    locale: str


class AnalysisOut(BaseModel):
    text: str
    context: str | None = None
    score: int | None = Field(None, description="0 (very safe) to 100; absent for a crisis.")
    label: str | None = None
    markers: list[MarkerOut] = Field(default_factory=list)
    flags: list[str] = Field(default_factory=list)
    crisis: CrisisOut


class SuggestionOut(BaseModel):
    text: str
    strategy: str
    score: int
    label: str
    explanation: str


class RewriteOut(BaseModel):
    original: AnalysisOut
    suggestions: list[SuggestionOut]
    note: str


class BotMessage(BaseModel):
    text: str | None = None
    buttons: list[dict[str, Any]] | None = None
    custom: dict[str, Any] | None = None


class ChatOut(BaseModel):
    conversation_id: str
    messages: list[BotMessage]
    analysis: AnalysisOut | None
    suggestions: list[SuggestionOut] = Field(default_factory=list)
    partner: dict[str, Any] | None = Field(None, description="The partner's guard, if rehearsing.")
    crisis: CrisisOut | None = Field(None, description="Kept for the rest of the conversation.")


class TokenOut(BaseModel):
    token: str = Field(description="Keep it: it is shown once and is the only key to your data.")


class TurnOut(BaseModel):
    seq: int
    role: str
    text: str
    score: int | None
    label: str | None
    analysis: dict[str, Any] | None
    guard_level: int | None
    status: str
    created_at: datetime


class ConversationOut(BaseModel):
    id: str
    scenario: str | None
    crisis: bool
    created_at: datetime
    updated_at: datetime
    turns: list[TurnOut] | None = None


class ScenarioOut(BaseModel):
    id: str
    title: str
    practises: str
    partner: str
