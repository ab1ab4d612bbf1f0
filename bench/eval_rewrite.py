"""Quality and speed of `coach.rewrite` on the unsafe replies of the shared dev set.

    .venv/bin/python -m bench.eval_rewrite

Writes bench/reports/rewrite.md, with 30 rewrites beside their originals for a human read.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from pathlib import Path

from bench.common import SHARED_DATA, machine_line, read_jsonl, write_report
from coach import analyze, rewrite
from coach.analyzer import parse


def kept(words: list[str], text: str) -> bool:
    """All `keep` words appear in the text (as a word, any inflection sharing the stem)."""
    lowered = text.lower()
    for word in words:
        stem = word.lower()[: max(4, len(word) - 2)]
        if not re.search(rf"\b{re.escape(stem)}", lowered):
            return False
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description="Evaluate rewrites.")
    parser.add_argument("--data", type=Path, default=SHARED_DATA / "dev_replies.jsonl")
    parser.add_argument("--sample", type=int, default=30)
    args = parser.parse_args()
    rows = [r for r in read_jsonl(args.data) if r["label"] == "unsafe"]
    results = []
    timings = []
    for row in rows:
        parse.cache_clear()
        start = time.perf_counter()
        suggestions = rewrite(row["reply"], context=row.get("context"), n=3)
        timings.append((time.perf_counter() - start) * 1000)
        results.append((row, suggestions))

    any_safe = sum(1 for _, s in results if any(x.label == "safe" for x in s))
    first_ok = 0
    worse = 0
    keep_first = keep_any = keep_n = 0
    blocked_by_crisis = sum(1 for _, s in results if s.crisis and s.crisis.crisis)
    for row, s in results:
        original = (
            s.original.score if s.original else analyze(row["reply"], row.get("context")).score
        )
        if s and s[0].label == "safe" and s[0].score < original:
            first_ok += 1
        worse += sum(1 for x in s if x.label != "safe" or x.score >= original)
        if row.get("keep"):
            keep_n += 1
            keep_first += bool(s) and kept(row["keep"], s[0].text)
            keep_any += any(kept(row["keep"], x.text) for x in s)
    n = len(rows)
    lines = [
        "# Rewrites on the dev set's unsafe replies",
        "",
        f"Data: `{args.data.name}`, {n} unsafe replies. {machine_line()}.",
        "Command: `.venv/bin/python -m bench.eval_rewrite`. Nothing was fitted on this set.",
        "",
        "| figure | value | target |",
        "| --- | --- | --- |",
        f"| replies with at least one safe suggestion | {any_safe / n:.3f} ({any_safe}/{n}) | |",
        f"| first suggestion safe and safer than the original | **{first_ok / n:.3f}** | ≥ 0.95 |",
        f"| `keep` words all retained, first suggestion | **{keep_first / max(1, keep_n):.3f}** ({keep_first}/{keep_n}) | ≥ 0.90 |",
        f"| `keep` words all retained, any suggestion | {keep_any / max(1, keep_n):.3f} | |",
        f"| suggestions that are unsafe or not safer | {worse} | 0 |",
        f"| replies given no rewrite because the crisis check fired | {blocked_by_crisis} | |",
        f"| time per reply, three suggestions (median, p95) | {statistics.median(timings):.1f} ms, "
        f"{sorted(timings)[int(0.95 * len(timings))]:.1f} ms | median ≤ 50 ms |",
        "",
        f"## {args.sample} rewrites beside their originals (random, seed 5)",
        "",
    ]
    for row, s in random.Random(5).sample(results, min(args.sample, len(results))):
        lines.append(f"- **{row['id']}** context: {row.get('context') or '—'}")
        lines.append(f"  - original: {row['reply']}")
        if s:
            for x in s:
                lines.append(f"  - {x.strategy} ({x.score}): {x.text}")
        else:
            lines.append(f"  - no suggestion: {s.note}")
    path = write_report("rewrite.md", "\n".join(lines) + "\n")
    print(
        f"any safe {any_safe / n:.3f}  first safe+safer {first_ok / n:.3f}  keep(first) "
        f"{keep_first / max(1, keep_n):.3f}  worse {worse}  crisis-blocked {blocked_by_crisis}  "
        f"median {statistics.median(timings):.1f} ms"
    )
    print(f"report: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
