"""Command line: `rehearse score` and `rehearse rewrite`."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import IO, Any

from coach.analyzer import analyze
from coach.crisis import CrisisCheck, check_crisis
from coach.errors import CoachError
from coach.result import Analysis, Marker

_RESET = "\033[0m"
_STYLE = {"harm": "\033[1;31m", "help": "\033[1;32m"}
_LABEL_STYLE = {"unsafe": "\033[1;31m", "safe": "\033[1;32m"}


def _use_colour(stream: IO[str]) -> bool:
    return stream.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def _outermost(markers: Sequence[Marker]) -> list[Marker]:
    """Markers to draw inline: the most specific (shortest) first, none overlapping."""
    chosen: list[Marker] = []
    for m in sorted(markers, key=lambda m: (m.end - m.start, m.start)):
        if all(m.start >= c.end or m.end <= c.start for c in chosen):
            chosen.append(m)
    return sorted(chosen, key=lambda m: m.start)


def highlight(analysis: Analysis, colour: bool) -> str:
    """The reply with its markers shown: coloured in a terminal, bracketed when plain."""
    text = analysis.text
    out: list[str] = []
    pos = 0
    for m in _outermost(analysis.markers):
        out.append(text[pos : m.start])
        chunk = text[m.start : m.end]
        if colour:
            out.append(f"{_STYLE[m.polarity]}{chunk}{_RESET}")
        else:
            out.append(f"[{chunk}]({m.kind})")
        pos = m.end
    out.append(text[pos:])
    return "".join(out)


def render(analysis: Analysis, colour: bool) -> str:
    label: str = analysis.label
    if colour:
        label = f"{_LABEL_STYLE[analysis.label]}{label}{_RESET}"
    lines = [f"score {analysis.score}/100 ({label})", "", highlight(analysis, colour), ""]
    for m in analysis.markers:
        sign = "+" if m.polarity == "help" else "-"
        lines.append(f"  {sign} {m.kind:<17} “{m.text}”: {m.tip}")
    if not analysis.markers:
        lines.append("  (no markers found)")
    if analysis.flags:
        lines.append("")
        lines.append("notes: " + ", ".join(analysis.flags))
    return "\n".join(lines)


def render_crisis(check: CrisisCheck, colour: bool) -> str:
    """The help shown instead of a score when a message discloses danger."""
    title = "This sounds serious, so Rehearse has stopped coaching."
    if colour:
        title = f"\033[1m{title}{_RESET}"
    lines = [title, "", check.message, ""]
    for r in check.resources:
        lines.append(f"  • {r.name}: {r.contact}")
        lines.append(f"    {r.when}")
    return "\n".join(lines)


def render_check_in(check: CrisisCheck) -> str:
    lines = [check.message, ""]
    lines += [f"  • {r.name}: {r.contact}" for r in check.resources]
    return "\n".join(lines)


def score_or_help(text: Any, context: Any, locale: str | None) -> dict[str, Any]:
    """What the app answers for one message: help if it is a crisis, else the analysis."""
    check = check_crisis(text, locale=locale)
    if check.crisis:
        return {"text": text, "crisis": check.to_dict()}
    return {**analyze(text, context=context).to_dict(), "crisis": check.to_dict()}


def _batch(path: str, out: IO[str], err: IO[str], locale: str | None) -> int:
    failures = 0
    stream = sys.stdin if path == "-" else open(path, encoding="utf-8")  # noqa: SIM115
    with stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                row: Any = json.loads(line)
                if isinstance(row, str):
                    row = {"text": row}
                if not isinstance(row, dict):
                    raise CoachError("each line must be a JSON object or string")
                text: Any = row.get("text", row.get("reply"))
                result: dict[str, Any] = score_or_help(text, row.get("context"), locale)
                if "id" in row:
                    result = {"id": row["id"], **result}
            except json.JSONDecodeError as exc:
                failures += 1
                print(f"{path}:{number}: not valid JSON ({exc.msg})", file=err)
                result = {"line": number, "error": f"not valid JSON ({exc.msg})"}
            except CoachError as exc:
                failures += 1
                print(f"{path}:{number}: {exc}", file=err)
                result = {"line": number, "error": str(exc)}
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
    return 1 if failures else 0


def _score(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    if args.jsonl:
        if args.text:
            print("rehearse score: give either TEXT or --jsonl FILE, not both", file=err)
            return 2
        return _batch(args.jsonl, out, err, args.locale)
    if args.text is None:
        print(
            'rehearse score: give the reply to score, e.g. rehearse score "You never listen"',
            file=err,
        )
        return 2
    check = check_crisis(args.text, locale=args.locale)
    if check.crisis:
        if args.json:
            out.write(json.dumps({"text": args.text, "crisis": check.to_dict()}, indent=2) + "\n")
        else:
            out.write(render_crisis(check, _use_colour(out)) + "\n")
        return 0
    analysis = analyze(args.text, context=args.context)
    if args.json:
        data = {**analysis.to_dict(), "crisis": check.to_dict()}
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(render(analysis, _use_colour(out)) + "\n")
        if check.check_in:
            out.write("\n" + render_check_in(check) + "\n")
    return 0


def _rewrite(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from coach.rewrite import rewrite

    suggestions = rewrite(args.text, context=args.context, n=args.n, locale=args.locale)
    if args.json:
        out.write(json.dumps(suggestions.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return 0
    colour = _use_colour(out)
    if suggestions.crisis and suggestions.crisis.crisis:
        out.write(render_crisis(suggestions.crisis, colour) + "\n")
        return 0
    if suggestions.original:
        out.write(render(suggestions.original, colour) + "\n\n")
    if not suggestions:
        out.write(suggestions.note + "\n")
        return 0
    out.write("Safer ways to say it:\n")
    for number, s in enumerate(suggestions, start=1):
        out.write(f"\n{number}. [{s.strategy}, score {s.score}] {s.text}\n   {s.explanation}\n")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rehearse", description="Check how emotionally safe a reply to your partner is."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    score = sub.add_parser("score", help="score a reply for defensiveness and show why")
    score.add_argument("text", nargs="?", help="the reply you want to send")
    score.add_argument("--context", help="what your partner just said")
    score.add_argument("--jsonl", metavar="FILE", help="score a file of JSON lines ('-' for stdin)")
    score.add_argument("--json", action="store_true", help="print the analysis as JSON")
    score.add_argument(
        "--locale", help="where you are, for crisis resources (en-US, en-GB; default international)"
    )
    score.set_defaults(handler=_score)
    rw = sub.add_parser("rewrite", help="suggest safer ways to say a reply")
    rw.add_argument("text", help="the reply you want to send")
    rw.add_argument("--context", help="what your partner just said")
    rw.add_argument("-n", type=int, default=3, help="how many suggestions (1-7, default 3)")
    rw.add_argument("--json", action="store_true", help="print the suggestions as JSON")
    rw.add_argument("--locale", help="where you are, for crisis resources")
    rw.set_defaults(handler=_rewrite)
    return parser


def main(
    argv: Sequence[str] | None = None, out: IO[str] | None = None, err: IO[str] | None = None
) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    args = build_parser().parse_args(argv)
    try:
        code: int = args.handler(args, out, err)
    except CoachError as exc:
        print(f"rehearse: {exc}", file=err)
        return 2
    except OSError as exc:
        print(f"rehearse: {exc}", file=err)
        return 2
    return code


if __name__ == "__main__":
    sys.exit(main())
