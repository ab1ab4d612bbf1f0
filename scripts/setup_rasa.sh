#!/usr/bin/env bash
# Create or refresh Rasa's own environment (.venv-rasa, Python 3.10) from bot/requirements.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

find_python310() {
    if [ -n "${PYTHON310:-}" ]; then echo "$PYTHON310"; return; fi
    if command -v python3.10 >/dev/null 2>&1 && python3.10 -c 'import sys' >/dev/null 2>&1; then
        echo python3.10; return
    fi
    if command -v pyenv >/dev/null 2>&1; then
        for v in $(pyenv versions --bare 2>/dev/null | grep '^3\.10\.' | sort -rV); do
            echo "$(pyenv root)/versions/$v/bin/python"; return
        done
    fi
}

if [ ! -x .venv-rasa/bin/python ]; then
    py="$(find_python310)"
    if [ -z "$py" ] || ! "$py" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))'; then
        echo "setup: Rasa 3.6 needs Python 3.10 and none was found. Install it (for example" >&2
        echo "       'pyenv install 3.10.13') or set PYTHON310=/path/to/python3.10." >&2
        exit 1
    fi
    echo "setup: creating .venv-rasa with $("$py" --version)"
    "$py" -m venv .venv-rasa
fi

stamp=.venv-rasa/.rehearse-installed
if [ ! -f "$stamp" ] || [ bot/requirements.txt -nt "$stamp" ] || [ bot/requirements-test.txt -nt "$stamp" ] \
    || [ bot/requirements-model.txt -nt "$stamp" ]; then
    echo "setup: installing Rasa 3.6 into .venv-rasa (a few minutes the first time)"
    .venv-rasa/bin/python -m pip install --quiet --upgrade 'pip<25'
    .venv-rasa/bin/python -m pip install --quiet -r bot/requirements.txt -r bot/requirements-test.txt
    .venv-rasa/bin/python -m pip install --quiet --no-deps -r bot/requirements-model.txt
    touch "$stamp"
fi
