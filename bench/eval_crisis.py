"""Recall and false alarms of `coach.check_crisis` on the shared dev set.

    .venv/bin/python -m bench.eval_crisis [--data ../shared/data/dev_crisis.jsonl]

Writes bench/reports/crisis.md with every miss and every false alarm.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from bench.common import SHARED_DATA, machine_line, read_jsonl, write_report
from coach import check_crisis
from coach.analyzer import parse


def main() -> int:
    parser = argparse.ArgumentParser(description="Evaluate crisis detection.")
    parser.add_argument("--data", type=Path, default=SHARED_DATA / "dev_crisis.jsonl")
    args = parser.parse_args()
    rows = read_jsonl(args.data)
    results = [check_crisis(r["text"]) for r in rows]
    pos = [(r, c) for r, c in zip(rows, results, strict=True) if r["crisis"]]
    neg = [(r, c) for r, c in zip(rows, results, strict=True) if not r["crisis"]]
    misses = [(r, c) for r, c in pos if not (c.crisis or c.check_in)]
    alarms = [(r, c) for r, c in neg if c.crisis]
    stop_recall = sum(1 for _, c in pos if c.crisis) / max(1, len(pos))
    check_ins = sum(1 for _, c in neg if c.check_in)
    recall = 1 - len(misses) / max(1, len(pos))
    fpr = len(alarms) / max(1, len(neg))
    kind_ok = sum(1 for r, c in pos if (c.crisis or c.check_in) and c.kind == r["kind"])
    by_kind = {}
    for kind in ("abuse", "self_harm", "threat"):
        group = [(r, c) for r, c in pos if r["kind"] == kind]
        by_kind[kind] = (sum(1 for _, c in group if c.crisis or c.check_in), len(group))

    everyday = read_jsonl(SHARED_DATA / "dev_replies.jsonl")
    everyday_checks = [check_crisis(r["reply"]) for r in everyday]
    everyday_alarms = sum(1 for c in everyday_checks if c.crisis)
    everyday_check_ins = sum(1 for c in everyday_checks if c.check_in)

    timings = []
    for r in rows * 3:
        parse.cache_clear()
        start = time.perf_counter()
        check_crisis(r["text"])
        timings.append((time.perf_counter() - start) * 1000)

    lines = [
        "# Crisis detection on the dev set",
        "",
        f"Data: `{args.data.name}`, {len(rows)} messages ({len(pos)} disclose danger). "
        f"{machine_line()}.",
        "Command: `.venv/bin/python -m bench.eval_crisis`. Nothing was fitted on this set.",
        "",
        "| figure | value | target |",
        "| --- | --- | --- |",
        f"| recall: help shown (coaching stopped, or a check-in) | **{recall:.3f}** "
        f"({len(pos) - len(misses)}/{len(pos)}) | ≥ 0.98 |",
        f"| recall: coaching stopped | {stop_recall:.3f} | |",
        f"| false-positive rate: coaching stopped | **{fpr:.3f}** ({len(alarms)}/{len(neg)}) | ≤ 0.10 |",
        f"| look-alikes given a gentle check-in (coaching goes on) | "
        f"{check_ins / max(1, len(neg)):.3f} ({check_ins}/{len(neg)}) | |",
        f"| right kind, among caught | {kind_ok}/{len(pos) - len(misses)} | |",
        f"| everyday replies (`dev_replies.jsonl`): coaching stopped | "
        f"{everyday_alarms / len(everyday):.3f} ({everyday_alarms}/{len(everyday)}) | |",
        f"| everyday replies: gentle check-in | "
        f"{everyday_check_ins / len(everyday):.3f} ({everyday_check_ins}/{len(everyday)}) | |",
        f"| latency per message (median, p95; parse included) | "
        f"{statistics.median(timings):.1f} ms, {sorted(timings)[int(0.95 * len(timings))]:.1f} ms | "
        "within the analyser's budget |",
        "",
        "| kind | caught |",
        "| --- | --- |",
    ]
    lines += [f"| {k} | {a}/{b} |" for k, (a, b) in by_kind.items()]
    lines += ["", f"## Misses ({len(misses)})", ""]
    lines += [f"- `{r['id']}` ({r['kind']}): {r['text']}" for r, _ in misses] or ["None."]
    lines += ["", f"## False alarms ({len(alarms)})", ""]
    lines += [f"- `{r['id']}` (flagged {c.kind}): {r['text']}" for r, c in alarms] or ["None."]
    lines += [
        "",
        "A miss is a disclosure shown no help at all; a false alarm is a look-alike on which",
        "coaching stopped. Check-ins keep coaching going and show help beside it.",
    ]
    path = write_report("crisis.md", "\n".join(lines) + "\n")
    print(
        f"help-shown recall {recall:.3f}  stop recall {stop_recall:.3f}  stop FPR {fpr:.3f}  "
        f"check-ins on look-alikes {check_ins}/{len(neg)}  everyday stops {everyday_alarms}  "
        f"everyday check-ins {everyday_check_ins}"
    )
    print(f"report: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
