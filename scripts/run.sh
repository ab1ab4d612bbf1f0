#!/usr/bin/env bash
# Start Rehearse: the action server, Rasa and the gateway; wait until all are ready; stop
# everything on Ctrl-C. Setup and training happen first, only when needed (make run).
set -euo pipefail
cd "$(dirname "$0")/.."

GATEWAY_PORT="${REHEARSE_PORT:-8000}"
RASA_PORT="${RASA_PORT:-5005}"
ACTIONS_PORT="${ACTIONS_PORT:-5055}"
LOGS=.run
mkdir -p "$LOGS"

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "$GATEWAY_PORT" "$RASA_PORT" "$ACTIONS_PORT"; do
    if port_busy "$port"; then
        echo "run: port $port is already in use. Stop whatever uses it, or choose other ports:" >&2
        echo "     REHEARSE_PORT=8080 RASA_PORT=5006 ACTIONS_PORT=5056 make run" >&2
        exit 1
    fi
done
available_kb=$(awk '/MemAvailable/ {print $2}' /proc/meminfo 2>/dev/null || echo 0)
if [ "${available_kb:-0}" -gt 0 ] && [ "$available_kb" -lt 2000000 ]; then
    echo "run: only $((available_kb / 1024)) MB of memory is free; Rasa alone needs about 1.3 GB." >&2
    exit 1
fi

pids=()
stop() {
    echo
    echo "Stopping Rehearse..."
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    echo "Stopped."
}
trap stop EXIT
trap 'exit 130' INT TERM

export RASA_TELEMETRY_ENABLED=false
export REHEARSE_ACTIONS_URL="http://127.0.0.1:${ACTIONS_PORT}/webhook"
export REHEARSE_RASA_URL="http://127.0.0.1:${RASA_PORT}"

.venv-rasa/bin/python -m rasa_sdk --actions bot.actions --port "$ACTIONS_PORT" >"$LOGS/actions.log" 2>&1 &
pids+=($!)
.venv-rasa/bin/rasa run --model models/rehearse.tar.gz --endpoints bot/endpoints.yml \
    --credentials bot/credentials.yml --enable-api --port "$RASA_PORT" >"$LOGS/rasa.log" 2>&1 &
pids+=($!)
.venv/bin/python -m api.serve --host 127.0.0.1 --port "$GATEWAY_PORT" --workers "${REHEARSE_WORKERS:-2}" >"$LOGS/gateway.log" 2>&1 &
pids+=($!)

wait_for() {  # name, url, text that means ready, seconds
    local name=$1 url=$2 needle=$3 limit=$4 waited=0
    printf "  %-16s" "$name"
    until curl -fsS --max-time 2 "$url" 2>/dev/null | grep -q "$needle"; do
        for pid in "${pids[@]}"; do
            if ! kill -0 "$pid" 2>/dev/null; then
                echo " failed; see $LOGS/ for the logs." >&2
                exit 1
            fi
        done
        if [ "$waited" -ge "$limit" ]; then echo " not ready after ${limit}s; see $LOGS/." >&2; exit 1; fi
        printf "."
        sleep 1
        waited=$((waited + 1))
    done
    echo " ready (${waited}s)"
}

echo "Starting Rehearse:"
wait_for "action server" "http://127.0.0.1:${ACTIONS_PORT}/health" "ok" 60
wait_for "gateway" "http://127.0.0.1:${GATEWAY_PORT}/healthz" "ok" 60
wait_for "Rasa" "http://127.0.0.1:${RASA_PORT}/status" "model_file" 180
echo
echo "Rehearse is running at http://127.0.0.1:${GATEWAY_PORT}/  (API docs: /docs). Ctrl-C stops it."
wait -n "${pids[@]}" || true
echo "run: a process stopped unexpectedly; see $LOGS/ for the logs." >&2
exit 1
