"""Starting a real trained Rasa server and action server for integration tests."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait(url: str, needle: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if needle in response.read().decode():
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise TimeoutError(f"{url} was not ready within {timeout:.0f} s")


@contextmanager
def rasa_servers() -> Iterator[str]:
    """Train if needed, start the action server and Rasa on free ports; yield Rasa's URL."""
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false"}
    subprocess.run(
        ["make", "--no-print-directory", "rasa-train"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    rasa_port, actions_port = free_port(), free_port()
    env["REHEARSE_ACTIONS_URL"] = f"http://127.0.0.1:{actions_port}/webhook"
    logs = ROOT / "test-artifacts"
    logs.mkdir(exist_ok=True)
    log_files = [open(logs / "actions.log", "wb"), open(logs / "rasa.log", "wb")]  # noqa: SIM115
    procs = [
        subprocess.Popen(
            [
                str(ROOT / ".venv-rasa/bin/python"),
                "-m",
                "rasa_sdk",
                "--actions",
                "bot.actions",
                "--port",
                str(actions_port),
            ],
            cwd=ROOT,
            env=env,
            stdout=log_files[0],
            stderr=subprocess.STDOUT,
            start_new_session=True,
        ),
        subprocess.Popen(
            [
                str(ROOT / ".venv-rasa/bin/rasa"),
                "run",
                "--model",
                "models/rehearse.tar.gz",
                "--endpoints",
                "bot/endpoints.yml",
                "--credentials",
                "bot/credentials.yml",
                "--enable-api",
                "--port",
                str(rasa_port),
            ],
            cwd=ROOT,
            env=env,
            stdout=log_files[1],
            stderr=subprocess.STDOUT,
            start_new_session=True,
        ),
    ]
    try:
        _wait(f"http://127.0.0.1:{actions_port}/health", "ok", 60)
        _wait(f"http://127.0.0.1:{rasa_port}/status", "model_file", 180)
        yield f"http://127.0.0.1:{rasa_port}"
    finally:
        for proc in procs:
            try:
                os.killpg(proc.pid, signal.SIGTERM)
                proc.wait(timeout=20)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                os.killpg(proc.pid, signal.SIGKILL)
        for handle in log_files:
            handle.close()
