"""The Rasa assistant: NLU cross-validation, polarity on the dev set, training, start-up,
memory and webhook latency, all in one run.

    .venv/bin/python -m bench.eval_nlu [--skip-cv] [--skip-train]

Needs the Rasa environment (make setup-rasa). Starts its own Rasa and action servers on
free ports and stops them. Writes bench/reports/rasa.md.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

from bench.common import ROOT, SHARED_DATA, machine_line, read_jsonl, write_report
from coach.result import HELP_KINDS
from tests.integration_servers import actions_server, free_port, rasa_server, train_rasa

RASA = ROOT / ".venv-rasa" / "bin" / "rasa"
RASA_PY = ROOT / ".venv-rasa" / "bin" / "python"
HELP = set(HELP_KINDS)
ENV = {**os.environ, "RASA_TELEMETRY_ENABLED": "false"}
OUT = ROOT / "test-artifacts" / "bench-rasa"


def post(url: str, body: dict[str, Any], timeout: float = 30) -> Any:
    request = urllib.request.Request(
        url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read())


def rss_mb(pid: int) -> float:
    total = 0
    for p in [pid, *children(pid)]:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def children(pid: int) -> list[int]:
    try:
        out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True)
    except FileNotFoundError:
        return []
    return [int(x) for x in out.stdout.split()]


def wait_ready(url: str, timeout: float = 180) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    body = json.loads(response.read() or b"{}")
                    if "model_file" not in body or body.get("model_file"):
                        return time.perf_counter() - start
        except (OSError, ValueError):
            pass
        time.sleep(0.25)
    raise TimeoutError(f"{url} not ready after {timeout:.0f} s")


def cross_validate(reuse: bool = False) -> dict[str, Any]:
    """Rasa's 5-fold cross-validation, or with ``reuse`` the last one's report as it is
    (it takes half an hour on these machines; the report then says when it ran)."""
    out = OUT / "cv"
    if reuse and not (out / "intent_report.json").is_file():
        raise SystemExit(f"--reuse-cv: no earlier cross-validation in {out}")
    if not reuse:
        _run_cross_validation(out)
    path = out / "intent_report.json"
    report = json.loads(path.read_text())
    ran = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(path.stat().st_mtime))
    return {"ran": ran, "reused": reuse, **_summary(report)}


def _run_cross_validation(out: Path) -> None:
    subprocess.run(
        [
            str(RASA),
            "test",
            "nlu",
            "--config",
            "bot/config.yml",
            "--nlu",
            "data/nlu",
            "--cross-validation",
            "--folds",
            "5",
            "--out",
            str(out),
        ],
        cwd=ROOT,
        env=ENV,
        check=True,
        capture_output=True,
    )


def _summary(report: dict[str, Any]) -> dict[str, Any]:
    reply = {k: v for k, v in report.items() if k.startswith("reply_")}
    macro = statistics.mean(v["f1-score"] for v in reply.values())
    pairs = []
    for intent, v in reply.items():
        for other, n in (v.get("confused_with") or {}).items():
            pairs.append((n, intent, other))
    pairs.sort(reverse=True)
    cross_polarity = [
        p
        for p in pairs
        if p[2].startswith("reply_")
        and (p[1].removeprefix("reply_") in HELP) != (p[2].removeprefix("reply_") in HELP)
    ]
    return {
        "macro_f1": macro,
        "per_intent": {k: v["f1-score"] for k, v in sorted(reply.items())},
        "pairs": pairs[:10],
        "cross_polarity": cross_polarity[:8],
        "commands_f1": {
            k: v["f1-score"]
            for k, v in report.items()
            if not k.startswith("reply_")
            and isinstance(v, dict)
            and "f1-score" in v
            and k not in ("micro avg", "macro avg", "weighted avg")
        },
    }


def timed_train() -> float:
    start = time.perf_counter()
    subprocess.run(
        [
            str(RASA),
            "train",
            "--config",
            "bot/config.yml",
            "--domain",
            "bot/domain.yml",
            "--data",
            "data/nlu",
            "data/stories",
            "--out",
            str(OUT / "models"),
            "--fixed-model-name",
            "bench",
            "--force",
        ],
        cwd=ROOT,
        env=ENV,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description="Evaluate the Rasa assistant.")
    parser.add_argument("--skip-cv", action="store_true")
    parser.add_argument("--skip-train", action="store_true")
    parser.add_argument(
        "--reuse-cv",
        action="store_true",
        help="report the last cross-validation (test-artifacts/bench-rasa/cv) instead of"
        " running it again; only when the NLU data and pipeline have not changed since",
    )
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    if not RASA.exists():
        print("The Rasa environment is missing: run `make setup-rasa` first.", file=sys.stderr)
        return 2
    train_rasa()
    cv = None if args.skip_cv else cross_validate(reuse=args.reuse_cv)
    train_s = None if args.skip_train else timed_train()

    rasa_port, actions_port = free_port(), free_port()
    env = {**ENV, "REHEARSE_ACTIONS_URL": f"http://127.0.0.1:{actions_port}/webhook"}
    with (
        actions_server(env, actions_port, "eval-actions.log"),
        rasa_server(env, rasa_port, "eval-rasa.log") as rasa,
    ):
        start_s = wait_ready(f"http://127.0.0.1:{rasa_port}/status")
        wait_ready(f"http://127.0.0.1:{actions_port}/health")
        memory = rss_mb(rasa.pid)
        base = f"http://127.0.0.1:{rasa_port}"

        rows = read_jsonl(SHARED_DATA / "dev_replies.jsonl")
        agree = 0
        for row in rows:
            intent = post(f"{base}/model/parse", {"text": row["reply"]})["intent"]["name"]
            kind = intent.removeprefix("reply_")
            predicted = (
                "safe" if kind in HELP else "unsafe" if intent.startswith("reply_") else None
            )
            agree += predicted == row["label"]
        agreement = agree / len(rows)

        webhook = f"{base}/webhooks/rest/webhook"
        latencies = []
        post(webhook, {"sender": "bench", "message": '/start_rehearsal{"scenario":"money"}'})
        empty = 0
        for i in range(args.requests):
            text = rows[i % len(rows)]["reply"]
            started = time.perf_counter()
            answer = post(webhook, {"sender": f"bench-{i // 20}", "message": text})
            latencies.append((time.perf_counter() - started) * 1000)
            empty += not answer
        latencies.sort()

    lines = [
        "# The Rasa assistant",
        "",
        f"{machine_line()}. Command: `.venv/bin/python -m bench.eval_nlu`.",
        "",
        "| figure | value | target |",
        "| --- | --- | --- |",
    ]
    if cv and cv["reused"]:
        lines[2] += f" The cross-validation figures are from its run of {cv['ran']}."
    if cv:
        lines.append(
            f"| NLU 5-fold cross-validated macro-F1, 18 reply intents | **{cv['macro_f1']:.3f}** | ≥ 0.85 |"
        )
    lines += [
        f"| polarity agreement on `dev_replies.jsonl` (predicted intent's help/harm vs label) | **{agreement:.3f}** | ≥ 0.85 |",
        f"| full training (forced, no cache) | {train_s:.0f} s | ≤ 180 s |"
        if train_s
        else "| full training | skipped | |",
        f"| server start until the model is loaded | {start_s:.1f} s | |",
        f"| Rasa server memory (RSS) | {memory:.0f} MB | |",
        f"| `/webhooks/rest/webhook` latency, {len(latencies)} replies in a rehearsal (median, p95) | "
        f"{statistics.median(latencies):.0f} ms, {latencies[int(0.95 * len(latencies))]:.0f} ms | |",
        f"| empty answers from the webhook | {empty} | 0 |",
        "",
        "Training is skipped by `make rasa-train` when no input changed (make compares the",
        "model's date with bot/*.yml, bot/components, data/nlu, data/stories and data/coach).",
    ]
    if cv:
        lines += [
            "",
            "## Per reply intent (cross-validated F1)",
            "",
            "| intent | F1 |",
            "| --- | --- |",
        ]
        lines += [f"| {k} | {v:.3f} |" for k, v in cv["per_intent"].items()]
        lines += ["", "## Confusions that matter", "", "Most frequent confusions:", ""]
        lines += [f"- {a} → {b}: {n}" for n, a, b in cv["pairs"]]
        lines += ["", "Across polarity (a safe reply taken for an unsafe one, or the reverse):", ""]
        lines += [f"- {a} → {b}: {n}" for n, a, b in cv["cross_polarity"]] or ["- none"]
        lines += [
            "",
            "Command intents (cross-validated F1): "
            + ", ".join(f"{k} {v:.2f}" for k, v in sorted(cv["commands_f1"].items())),
        ]
    path = write_report("rasa.md", "\n".join(lines) + "\n")
    print("\n".join(lines[5:12]))
    print(f"report: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
