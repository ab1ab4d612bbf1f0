"""Speed of `coach.analyze` against the bare spaCy pipeline it runs on, same texts, same run.

    .venv/bin/python -m bench.speed_analyzer [--rounds 3]

Pins itself to one CPU core. Writes bench/reports/analyzer_speed.md.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable

from bench.common import SHARED_DATA, machine_line, read_jsonl, write_report

FIFTEEN_WORDS = "I hear you, but you never listen when I tell you how my day at work went."


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def time_pairs(
    first: Callable[[str], object], second: Callable[[str], object], texts: list[str], rounds: int
) -> tuple[list[float], list[float]]:
    """Milliseconds per call of each function, alternating on every text so both see the
    same machine state (clock speed and neighbours drift over a long run)."""
    a: list[float] = []
    b: list[float] = []
    for _ in range(rounds):
        for text in texts:
            for fn, out in ((first, a), (second, b)):
                start = time.perf_counter()
                fn(text)
                out.append((time.perf_counter() - start) * 1000)
    return a, b


def cold_start() -> tuple[float, float]:
    """Seconds to import and answer the first reply, and peak memory (MB), in a fresh process."""
    code = (
        "import time, resource; t=time.perf_counter(); import coach; "
        "coach.analyze('You never listen to me'); "
        "print(time.perf_counter()-t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024)"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    seconds, mb = out.stdout.split()
    return float(seconds), float(mb)


def main() -> int:
    parser = argparse.ArgumentParser(description="Benchmark the analyser.")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

    load_s, load_mb = cold_start()
    import coach
    from coach.analyzer import parse

    def analyze_uncached(text: str) -> object:
        parse.cache_clear()  # repeated texts must not be served from the parse cache
        return coach.analyze(text)

    nlp = coach.nlp()
    texts = [r["reply"] for r in read_jsonl(SHARED_DATA / "dev_replies.jsonl")]
    for text in texts[:50]:
        coach.analyze(text)
    rows = []
    for name, sample in (("dev replies", texts), ("15-word reply", [FIFTEEN_WORDS] * 200)):
        bare, full = time_pairs(nlp, analyze_uncached, sample, args.rounds)
        rows.append((name, bare, full))

    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    pipe_rate = len(texts) / (time.perf_counter() - start)
    start = time.perf_counter()
    for text in texts:
        analyze_uncached(text)
    analyze_rate = len(texts) / (time.perf_counter() - start)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    lines = [
        "# Analyser speed",
        "",
        f"{machine_line()}; pinned to one core; each text goes through `nlp()` and `analyze` in turn. Command: `.venv/bin/python -m bench.speed_analyzer`.",
        f"Pipeline: `{nlp.meta.get('name')}` {nlp.meta.get('version')}, components {nlp.pipe_names}.",
        "",
        "| texts | n | bare `nlp()` median | p95 | `analyze` median | p95 | ratio (median) |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, bare, full in rows:
        ratio = statistics.median(full) / statistics.median(bare)
        lines.append(
            f"| {name} | {len(full)} | {statistics.median(bare):.2f} ms | "
            f"{percentile(bare, 0.95):.2f} ms | {statistics.median(full):.2f} ms | "
            f"{percentile(full, 0.95):.2f} ms | {ratio:.2f}× |"
        )
    lines += [
        "",
        f"Throughput, one core: `analyze` one by one {analyze_rate:.0f} replies/s; "
        f"bare `nlp.pipe` (batch 64) {pipe_rate:.0f} replies/s.",
        "",
        f"Cold start (import, load the model and rules, first reply, fresh process): {load_s:.2f} s, "
        f"peak memory {load_mb:.0f} MB. Peak memory of this benchmark process: {rss_mb:.0f} MB.",
        "",
        "Targets: `analyze` ≤ 1.5× the bare pipeline per reply, ≤ 8 ms median for a 15-word reply.",
    ]
    path = write_report("analyzer_speed.md", "\n".join(lines) + "\n")
    print("\n".join(lines))
    print(f"report: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
