"""The gateway's tables (SQLAlchemy 2). Migrations live in api/db/migrations."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def now() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    pass


class Person(Base):
    """Someone practising: known only by the hash of their anonymous bearer token."""

    __tablename__ = "people"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)

    conversations: Mapped[list[Conversation]] = relationship(
        back_populates="person", cascade="all, delete-orphan", passive_deletes=True
    )
    drafts: Mapped[list[Draft]] = relationship(
        back_populates="person", cascade="all, delete-orphan", passive_deletes=True
    )


class Conversation(Base):
    __tablename__ = "conversations"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    scenario: Mapped[str | None] = mapped_column(String(64))
    crisis: Mapped[bool] = mapped_column(Boolean, default=False)
    crisis_kind: Mapped[str | None] = mapped_column(String(16))
    locale: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)

    person: Mapped[Person] = relationship(back_populates="conversations")
    turns: Mapped[list[Turn]] = relationship(
        back_populates="conversation",
        cascade="all, delete-orphan",
        order_by="Turn.seq",
        passive_deletes=True,
    )


class Turn(Base):
    """One message in a conversation: the person's (with its analysis) or the bot's."""

    __tablename__ = "turns"

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[str] = mapped_column(
        ForeignKey("conversations.id", ondelete="CASCADE"), index=True
    )
    seq: Mapped[int] = mapped_column(Integer)
    role: Mapped[str] = mapped_column(String(16))  # person, partner, coach
    text: Mapped[str] = mapped_column(Text)
    score: Mapped[int | None] = mapped_column(Integer)
    label: Mapped[str | None] = mapped_column(String(8))
    analysis: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    guard_level: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), default="ok")  # ok, undelivered, crisis
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)

    conversation: Mapped[Conversation] = relationship(back_populates="turns")


class Draft(Base):
    """A drafted message the person chose to keep."""

    __tablename__ = "drafts"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    context: Mapped[str | None] = mapped_column(Text)
    analysis: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)

    person: Mapped[Person] = relationship(back_populates="drafts")
