"""Starting real servers (Rasa, the action server, the gateway) for tests and benchmarks."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, ExitStack, contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOGS = ROOT / "test-artifacts"
RASA_PY = str(ROOT / ".venv-rasa/bin/python")
RASA = str(ROOT / ".venv-rasa/bin/rasa")


_handed_out: set[int] = set()


def free_port() -> int:
    """A free port not handed out before in this process: a server started a moment ago
    may not have bound its port yet, and the system could offer that port again."""
    while True:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = int(s.getsockname()[1])
        if port not in _handed_out:
            _handed_out.add(port)
            return port


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
def running(
    args: Sequence[str], env: dict[str, str], log: str | None = None
) -> Iterator[subprocess.Popen[bytes]]:
    """A process in its own session (output to test-artifacts/<log>), stopped on exit."""
    with ExitStack() as stack:
        output: int | object = subprocess.DEVNULL
        if log:
            LOGS.mkdir(exist_ok=True)
            output = stack.enter_context(open(LOGS / log, "wb"))
        proc = subprocess.Popen(
            list(args),
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # type: ignore[arg-type]
        )
        try:
            yield proc
        finally:
            try:
                os.killpg(proc.pid, signal.SIGTERM)
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


def actions_server(
    env: dict[str, str], port: int, log: str
) -> AbstractContextManager[subprocess.Popen[bytes]]:
    return running(
        [RASA_PY, "-m", "rasa_sdk", "--actions", "bot.actions", "--port", str(port)], env, log
    )


def rasa_server(
    env: dict[str, str], port: int, log: str, endpoints: str = "bot/endpoints.yml"
) -> AbstractContextManager[subprocess.Popen[bytes]]:
    args = [
        RASA,
        "run",
        "--model",
        "models/rehearse.tar.gz",
        "--endpoints",
        endpoints,
        "--credentials",
        "bot/credentials.yml",
        "--enable-api",
        "--port",
        str(port),
    ]
    return running(args, env, log)


def train_rasa() -> None:
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false"}
    subprocess.run(
        ["make", "--no-print-directory", "rasa-train"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )


@contextmanager
def rasa_servers() -> Iterator[str]:
    """Train if needed, start the action server and Rasa on free ports; yield Rasa's URL."""
    train_rasa()
    rasa_port, actions_port = free_port(), free_port()
    env = {
        **os.environ,
        "RASA_TELEMETRY_ENABLED": "false",
        "REHEARSE_ACTIONS_URL": f"http://127.0.0.1:{actions_port}/webhook",
    }
    with actions_server(env, actions_port, "actions.log"), rasa_server(env, rasa_port, "rasa.log"):
        _wait(f"http://127.0.0.1:{actions_port}/health", "ok", 60)
        _wait(f"http://127.0.0.1:{rasa_port}/status", "model_file", 180)
        yield f"http://127.0.0.1:{rasa_port}"


@contextmanager
def gateway_server(
    env: dict[str, str], *, workers: int = 1, log: str | None = None
) -> Iterator[str]:
    """The gateway under uvicorn on a free port, with `env` added to ours; yields its URL."""
    port = free_port()
    args = [
        sys.executable,
        "-m",
        "api.serve",
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--log-level",
        "warning",
        "--no-access-log",
    ]
    with running(args, {**os.environ, **env}, log):
        _wait(f"http://127.0.0.1:{port}/healthz", "ok", 60)
        yield f"http://127.0.0.1:{port}"
