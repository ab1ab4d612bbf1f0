"""Helpers shared by the benchmark and evaluation scripts."""

from __future__ import annotations

import json
import platform
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"
REPORTS = ROOT / "bench" / "reports"


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def machine_line() -> str:
    import os

    return (
        f"{platform.python_implementation()} {platform.python_version()} on "
        f"{platform.machine()}, {os.cpu_count()} cores; run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC"
    )


def write_report(name: str, text: str) -> Path:
    REPORTS.mkdir(parents=True, exist_ok=True)
    path = REPORTS / name
    path.write_text(text, encoding="utf-8")
    return path


def auc(labels: list[int], scores: list[float]) -> float:
    """Area under the ROC curve by the rank-sum formula (ties count half)."""
    pairs = sorted(zip(scores, labels, strict=True))
    ranks = [0.0] * len(pairs)
    i = 0
    while i < len(pairs):
        j = i
        while j + 1 < len(pairs) and pairs[j + 1][0] == pairs[i][0]:
            j += 1
        for k in range(i, j + 1):
            ranks[k] = (i + j) / 2 + 1
        i = j + 1
    pos = sum(1 for _, lab in pairs if lab)
    neg = len(pairs) - pos
    if not pos or not neg:
        return float("nan")
    rank_sum = sum(r for r, (_, lab) in zip(ranks, pairs, strict=True) if lab)
    return (rank_sum - pos * (pos + 1) / 2) / (pos * neg)
