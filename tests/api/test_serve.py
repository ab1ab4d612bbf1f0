"""`python -m api.serve`: several workers on one port, and a clear refusal when it is taken."""

from __future__ import annotations

import subprocess
import sys
import urllib.request
from pathlib import Path

from tests.integration_servers import ROOT, gateway_server


def test_two_workers_serve_one_port_and_a_second_server_is_refused(tmp_path: Path) -> None:
    env = {
        "REHEARSE_DATABASE_URL": f"sqlite:///{tmp_path / 'serve.db'}",
        "REHEARSE_RASA_URL": "http://127.0.0.1:9",
    }
    with gateway_server(env, workers=2) as base:
        for _ in range(6):  # new connections each time, over both workers
            with urllib.request.urlopen(f"{base}/healthz", timeout=5) as response:
                assert response.status == 200
        port = base.rsplit(":", 1)[1]
        second = subprocess.run(
            [sys.executable, "-m", "api.serve", "--port", port, "--workers", "2"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert second.returncode == 2
        assert f"cannot listen on 127.0.0.1:{port}" in second.stderr
