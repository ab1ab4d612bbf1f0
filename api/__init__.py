"""Rehearse's HTTP gateway: the engine in-process, Rasa over HTTP, each person's history."""
