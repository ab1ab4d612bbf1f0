"""Keeping a trained component's model in Rasa's model storage, as one pickle file."""

from __future__ import annotations

import pickle
from typing import Any

from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage


def save(storage: ModelStorage, resource: Resource, name: str, model: Any) -> None:
    with storage.write_to(resource) as directory:
        (directory / name).write_bytes(pickle.dumps(model))


def load(storage: ModelStorage, resource: Resource, name: str) -> Any | None:
    """The stored model, or None when the component was never trained."""
    try:
        with storage.read_from(resource) as directory:
            return pickle.loads((directory / name).read_bytes())
    except (ValueError, FileNotFoundError):
        return None
