#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (Playwright's own download does not work here).
set -euo pipefail
if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then
    exit 0
fi
echo "setup: installing Debian's chromium for the browser tests"
if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
elif command -v sudo >/dev/null 2>&1; then
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
    echo "setup: Chromium is missing. Install it with: apt-get install chromium" >&2
    exit 1
fi
