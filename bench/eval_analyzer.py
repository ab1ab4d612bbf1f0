"""Quality of `coach.analyze` on the shared dev set, beside sentiment baselines.

    .venv/bin/python -m bench.eval_analyzer [--data ../shared/data/dev_replies.jsonl]

Writes bench/reports/analyzer_quality.md. VADER and TextBlob are optional baselines
(`pip install -e '.[eval]'`); they are skipped with a note when missing.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from bench.common import SHARED_DATA, auc, machine_line, read_jsonl, write_report
from coach import HARM_KINDS, KINDS, analyze

POLITE = re.compile(
    r"\b(sorry|thanks?|thank you|i hear|i understand|i get it|respect|love|appreciate|please)\b",
    re.I,
)
NEGATIVE = re.compile(
    r"\b(not|never|no|don't|can't|won't|scared|afraid|hurt|sad|lonely|awful|hate|wrong|worried|sorry|bad|mess(ed)?)\b",
    re.I,
)


def hard_groups(row: dict[str, Any]) -> list[str]:
    """Which hard-looking groups a row falls in, by surface form alone (not by our output)."""
    reply = row["reply"]
    words = re.findall(r"[\w']+", reply)
    groups = []
    if row["label"] == "unsafe" and POLITE.search(reply):
        groups.append("unsafe but polite-sounding")
    if row["label"] == "safe" and NEGATIVE.search(reply):
        groups.append("safe with negative or negated words")
    if len(words) <= 3:
        groups.append("very short (≤ 3 words)")
    if "?" in reply:
        groups.append("questions")
    if reply == reply.lower() and any(c.isalpha() for c in reply):
        groups.append("all lower case (texting style)")
    if len(re.findall(r"[.!?]+", reply)) >= 3:
        groups.append("multi-sentence (≥ 3)")
    return groups


def baseline_scores(texts: list[str]) -> dict[str, list[float] | str]:
    out: dict[str, list[float] | str] = {}
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        vader = SentimentIntensityAnalyzer()
        out["VADER (negated compound)"] = [-vader.polarity_scores(t)["compound"] for t in texts]
    except ImportError:
        out["VADER (negated compound)"] = "not installed (pip install -e '.[eval]')"
    try:
        from textblob import TextBlob

        out["TextBlob (negated polarity)"] = [-TextBlob(t).sentiment.polarity for t in texts]
    except ImportError:
        out["TextBlob (negated polarity)"] = "not installed (pip install -e '.[eval]')"
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description="Evaluate the analyser on labelled replies.")
    parser.add_argument("--data", type=Path, default=SHARED_DATA / "dev_replies.jsonl")
    parser.add_argument("--report", default="analyzer_quality.md")
    args = parser.parse_args()
    rows = read_jsonl(args.data)
    labels = [1 if r["label"] == "unsafe" else 0 for r in rows]
    results = [analyze(r["reply"], context=r.get("context")) for r in rows]
    scores = [float(a.score) for a in results]
    correct = [a.label == r["label"] for a, r in zip(results, rows, strict=True)]
    our_auc = auc(labels, scores)
    accuracy = sum(correct) / len(rows)

    group_total: Counter[str] = Counter()
    group_right: Counter[str] = Counter()
    for row, ok in zip(rows, correct, strict=True):
        for g in hard_groups(row):
            group_total[g] += 1
            group_right[g] += ok
    hard_n = sum(1 for r in rows if hard_groups(r))
    hard_ok = sum(ok for r, ok in zip(rows, correct, strict=True) if hard_groups(r))

    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for row, a in zip(rows, results, strict=True):
        gold = set(row.get("markers", []))
        pred = {m.kind for m in a.markers}
        for k in pred & gold:
            tp[k] += 1
        for k in pred - gold:
            fp[k] += 1
        for k in gold - pred:
            fn[k] += 1
    micro_p = sum(tp.values()) / max(1, sum(tp.values()) + sum(fp.values()))
    micro_r = sum(tp.values()) / max(1, sum(tp.values()) + sum(fn.values()))
    micro_f = 2 * micro_p * micro_r / max(1e-9, micro_p + micro_r)

    lines = [
        "# Analyser quality on the dev set",
        "",
        f"Data: `{args.data.name}`, {len(rows)} replies ({sum(labels)} unsafe). {machine_line()}.",
        "Command: `.venv/bin/python -m bench.eval_analyzer`. No weight was fitted on this set: the",
        "scorer is fitted by `scripts/fit_scorer.py` on the project's own examples only, so these",
        "figures are held-out figures (the fit's own cross-validated figures are in",
        "`coach/resources/model/scorer.json`).",
        "",
        "## Unsafe-vs-safe",
        "",
        "| system | AUC | label accuracy |",
        "| --- | --- | --- |",
        f"| Rehearse `analyze` | **{our_auc:.3f}** | **{accuracy:.3f}** |",
    ]
    texts = [r["reply"] for r in rows]
    for name, base in baseline_scores(texts).items():
        if isinstance(base, str):
            lines.append(f"| {name} | {base} | |")
        else:
            base_acc = sum((s > 0) == bool(lab) for s, lab in zip(base, labels, strict=True)) / len(
                rows
            )
            lines.append(
                f"| {name} | {auc(labels, base):.3f} | {base_acc:.3f} "
                "(negative sentiment = unsafe) |"
            )
    lines += [
        "",
        "Targets: AUC ≥ 0.95, label accuracy ≥ 0.90, marker micro-F1 ≥ 0.75.",
        "",
        "## Hard-looking cases",
        "",
        "Groups picked by surface form only (a reply can be in several).",
        "",
        f"All hard-looking replies: {hard_ok}/{hard_n} = {hard_ok / max(1, hard_n):.3f}",
        "",
        "| group | n | accuracy |",
        "| --- | --- | --- |",
    ]
    for g in sorted(group_total):
        lines.append(f"| {g} | {group_total[g]} | {group_right[g] / group_total[g]:.3f} |")
    lines += [
        "",
        "## Markers (per reply: is the kind present?)",
        "",
        f"Micro precision {micro_p:.3f}, recall {micro_r:.3f}, **F1 {micro_f:.3f}**.",
        "",
        "| kind | polarity | precision | recall | F1 | gold n |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for k in KINDS:
        p = tp[k] / max(1, tp[k] + fp[k])
        r = tp[k] / max(1, tp[k] + fn[k])
        f = 2 * p * r / max(1e-9, p + r)
        pol = "harm" if k in HARM_KINDS else "help"
        lines.append(f"| {k} | {pol} | {p:.2f} | {r:.2f} | {f:.2f} | {tp[k] + fn[k]} |")
    wrong = [(r, a) for r, a, ok in zip(rows, results, correct, strict=True) if not ok]
    lines += [
        "",
        f"## Misclassified ({len(wrong)})",
        "",
        "| id | gold | score | markers found |",
        "| --- | --- | --- | --- |",
    ]
    for r, a in wrong:
        found = ", ".join(sorted({m.kind for m in a.markers})) or "—"
        lines.append(f"| {r['id']} | {r['label']} | {a.score} | {found} |")
    path = write_report(args.report, "\n".join(lines) + "\n")
    print(
        f"AUC {our_auc:.3f}  accuracy {accuracy:.3f}  "
        f"hard {hard_ok / max(1, hard_n):.3f}  marker micro-F1 {micro_f:.3f}"
    )
    print(f"report: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
