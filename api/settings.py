"""All of the gateway's settings, in one class, read from REHEARSE_* environment variables."""

from __future__ import annotations

from functools import lru_cache

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="REHEARSE_", env_file=".env", extra="ignore")

    database_url: str = Field(
        default="sqlite:///./rehearse.db",
        validation_alias=AliasChoices("REHEARSE_DATABASE_URL", "DATABASE_URL"),
        description="SQLAlchemy URL; SQLite file by default, PostgreSQL via DATABASE_URL.",
    )
    rasa_url: str = Field(
        default="http://127.0.0.1:5005", description="Base URL of the Rasa server."
    )
    rasa_timeout_s: float = Field(default=15.0, description="Seconds to wait for Rasa per message.")
    cors_origins: list[str] = Field(default_factory=list, description="Origins allowed by CORS.")
    max_body_bytes: int = Field(default=64_000, description="Largest request body accepted.")
    rate_limit_per_minute: int = Field(
        default=120, description="Requests per minute per token (or IP)."
    )
    default_locale: str = Field(
        default="international", description="Crisis resources when none is given."
    )
    log_format: str = Field(default="json", description="json (one object a line) or text.")
    log_level: str = Field(
        default="INFO", description="Logging level; message text is never logged."
    )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
