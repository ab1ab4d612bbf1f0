"""Web app paint timing and widget size, in Debian's Chromium against a real gateway.

    .venv/bin/python -m bench.bench_web

Writes bench/reports/web.md: first contentful paint of `/` on loopback (median of 10 cold
loads) and the widget script's size, raw and gzip-compressed.
"""

from __future__ import annotations

import gzip
import shutil
import statistics
import sys

from playwright.sync_api import sync_playwright

from bench.common import ROOT, machine_line, write_report
from tests.integration_servers import gateway_server


def main() -> int:
    env = {
        "REHEARSE_DATABASE_URL": f"sqlite:///{ROOT}/test-artifacts/web.db",
        "REHEARSE_LOG_LEVEL": "WARNING",
    }
    paints: list[float] = []
    with gateway_server(env) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=shutil.which("chromium"),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--no-first-run",
            ],
        )
        for _ in range(10):
            context = browser.new_context()
            page = context.new_page()
            page.goto(f"{base}/", wait_until="load")
            # The paint entry can land just after "load"; wait for it rather than race it.
            paint = page.wait_for_function(
                "() => (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime"
            ).json_value()
            paints.append(float(paint))
            context.close()
        browser.close()
    widget = (ROOT / "api" / "static" / "widget.js").read_bytes()
    lines = [
        "# Web app",
        "",
        f"{machine_line()}. Command: `.venv/bin/python -m bench.bench_web`.",
        "",
        "| figure | value | target |",
        "| --- | --- | --- |",
        f"| first contentful paint of `/`, loopback, cold context (median of 10; max) | "
        f"{statistics.median(paints):.0f} ms; {max(paints):.0f} ms | ≤ 1 s |",
        f"| widget.js size (raw; gzip) | {len(widget) / 1024:.1f} KB; {len(gzip.compress(widget)) / 1024:.1f} KB | ≤ 50 KB compressed |",
    ]
    path = write_report("web.md", "\n".join(lines) + "\n")
    print("\n".join(lines[4:]))
    print(f"report: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
