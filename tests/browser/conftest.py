"""Browser tests: real Chromium (Debian's package) driving the real gateway, Rasa and actions."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.integration_servers import ROOT, _wait, free_port, gateway_server, rasa_servers, running

SHOTS = ROOT / "test-artifacts" / "screenshots"


@pytest.fixture(scope="session")
def rasa_url() -> Iterator[str]:
    with rasa_servers() as url:
        yield url


@pytest.fixture(scope="session")
def host_page_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def gateway(
    rasa_url: str, tmp_path_factory: pytest.TempPathFactory, host_page_port: int
) -> Iterator[str]:
    db = tmp_path_factory.mktemp("browser") / "rehearse.db"
    env = {
        "REHEARSE_RASA_URL": rasa_url,
        "REHEARSE_DATABASE_URL": f"sqlite:///{db}",
        "REHEARSE_RATE_LIMIT_PER_MINUTE": "100000",
        "REHEARSE_CORS_ORIGINS": f'["http://127.0.0.1:{host_page_port}"]',
    }
    with gateway_server(env, log="browser-gateway.log") as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        pytest.fail("Chromium is not installed: apt-get install chromium (the CI script does)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    yield page
    context.close()


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


@pytest.fixture(scope="session")
def host_page(
    gateway: str, host_page_port: int, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A plain page on another origin that embeds the widget with one script tag."""
    folder = tmp_path_factory.mktemp("host")
    (folder / "index.html").write_text(
        "<!doctype html><html lang=en><head><title>A host page</title>"
        "<style>button{background:red!important;font-size:40px!important}</style></head>"
        "<body><h1>Someone's blog</h1><p>Some text.</p>"
        f'<script src="{gateway}/static/widget.js" data-server="{gateway}" data-scenario="money"></script>'
        "</body></html>",
        encoding="utf-8",
    )
    args = [
        sys.executable,
        "-m",
        "http.server",
        str(host_page_port),
        "--bind",
        "127.0.0.1",
        "--directory",
        str(folder),
    ]
    with running(args, dict(os.environ)):
        _wait(f"http://127.0.0.1:{host_page_port}/", "blog", 20)
        yield f"http://127.0.0.1:{host_page_port}/"
