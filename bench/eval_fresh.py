"""The engine on fresh replies written for the project (bench/data/fresh_*.jsonl).

    .venv/bin/python -m bench.eval_fresh

A second opinion beside the shared dev set: labels, crisis stops and rewrites on
phrasing nobody tuned for (see bench/data/README.md for how clean each file is).
Writes bench/reports/fresh.md.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from bench.common import ROOT, machine_line, read_jsonl, write_report
from bench.eval_rewrite import kept
from coach import analyze, check_crisis, rewrite

DATA = ROOT / "bench" / "data"
UNSEEN = ROOT / "bench" / "unseen"
SETS = (
    (DATA / "fresh_unsafe_a.jsonl", "unsafe"),
    (DATA / "fresh_unsafe_b.jsonl", "unsafe"),
    (DATA / "fresh_safe.jsonl", "safe"),
    (DATA / "fresh_unsafe_c.jsonl", "unsafe"),
    (DATA / "fresh_safe_c.jsonl", "safe"),
    (DATA / "fresh_unsafe_e.jsonl", "unsafe"),
    (DATA / "fresh_safe_e.jsonl", "safe"),
    (DATA / "fresh_unsafe_f.jsonl", "unsafe"),
    (DATA / "fresh_unsafe_h.jsonl", "unsafe"),
    (DATA / "fresh_unsafe_i.jsonl", "unsafe"),
    (DATA / "fresh_unsafe_j.jsonl", "unsafe"),
    (DATA / "fresh_unsafe_k.jsonl", "unsafe"),
    (DATA / "fresh_safe_k.jsonl", "safe"),
    (DATA / "fresh_unsafe_m.jsonl", "unsafe"),
    (DATA / "fresh_unsafe_n.jsonl", "unsafe"),
    (DATA / "fresh_safe_n.jsonl", "safe"),
    (DATA / "fresh_unsafe_o.jsonl", "unsafe"),
    (DATA / "fresh_safe_o.jsonl", "safe"),
    # measured only, never read for bugs (bench/unseen/README.md)
    (UNSEEN / "fresh_unsafe_d.jsonl", "unsafe"),
    (UNSEEN / "fresh_safe_d.jsonl", "safe"),
    (UNSEEN / "fresh_unsafe_g.jsonl", "unsafe"),
    (UNSEEN / "fresh_safe_g.jsonl", "safe"),
    (UNSEEN / "fresh_unsafe_l.jsonl", "unsafe"),
    (UNSEEN / "fresh_unsafe_p.jsonl", "unsafe"),
    (UNSEEN / "fresh_safe_p.jsonl", "safe"),
)


# Openings that answer a message of the partner's: with none, they answer words nobody said.
ANSWERING_NOBODY = re.compile(
    r"^(?:It makes sense that you|Thank you for telling me how you feel|"
    r"Can you tell me (?:what it's been like|more about how this has been)|"
    r"I can see my part in this, and I'm sorry)"
)


def main() -> int:
    lines = [
        "# The engine on fresh replies",
        "",
        f"{machine_line()}. Command: `.venv/bin/python -m bench.eval_fresh`.",
        "Data: `bench/data/` and `bench/unseen/` (written for the project; their READMEs say",
        "how clean each file is). Nothing was fitted on these files. None of them discloses",
        "danger, so every stop and every check-in is a false alarm.",
        "",
        "| file | rows | labelled right | coaching stopped (crisis) | crisis check-ins | first rewrite safe and safer | `keep` words in the first rewrite |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    raised_lines: list[str] = []
    for name, want in SETS:
        rows = read_jsonl(Path(name))
        right = stops = check_ins = first_ok = kept_n = keep_rows = 0
        raised = misfits = 0  # rows with no partner's words, and suggestions answering none
        for row in rows:
            analysis = analyze(row["reply"], row.get("context"))
            right += analysis.label == want
            crisis = check_crisis(row["reply"])
            stops += crisis.crisis
            check_ins += crisis.check_in
            if want == "unsafe":
                suggestions = rewrite(row["reply"], context=row.get("context"), n=3)
                first_ok += bool(suggestions) and (
                    suggestions[0].label == "safe" and suggestions[0].score < analysis.score
                )
                if row.get("keep"):
                    keep_rows += 1
                    kept_n += bool(suggestions) and kept(row["keep"], suggestions[0].text)
                if not row.get("context"):
                    raised += len(suggestions)
                    misfits += sum(bool(ANSWERING_NOBODY.search(x.text)) for x in suggestions)
        n = len(rows)
        rewrite_cells = (
            f"{first_ok / n:.3f} | {kept_n / max(1, keep_rows):.3f}"
            if want == "unsafe"
            else "— | —"
        )
        lines.append(
            f"| `{name.parent.name}/{name.name}` | {n} | {right / n:.3f} ({right}/{n}) | {stops} "
            f"| {check_ins} | {rewrite_cells} |"
        )
        print(
            f"{name.name}: labelled right {right}/{n}, crisis stops {stops}, "
            f"check-ins {check_ins}, {rewrite_cells}"
        )
        if raised:
            raised_lines.append(
                f"| `{name.parent.name}/{name.name}` | {raised} | {misfits} ({misfits / raised:.3f}) |"
            )
            print(f"{name.name}: {misfits} of {raised} suggestions answer words nobody said")
    if raised_lines:
        lines += [
            "",
            "Messages raised with no partner's words (sets k and l): suggestions that hear or",
            'thank a feeling nobody told, or apologise for nothing ("It makes sense that you...",',
            '"Thank you for telling me how you feel", "Can you tell me what it\'s been like for',
            'you...", "I can see my part in this, and I\'m sorry").',
            "",
            "| file | suggestions | answering words nobody said |",
            "| --- | --- | --- |",
            *raised_lines,
        ]
    path = write_report("fresh.md", "\n".join(lines) + "\n")
    print(f"report: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
