"""The `rehearse` command line."""

from __future__ import annotations

import io
import json
from pathlib import Path

from coach.cli import main


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_score_prints_score_label_and_bracketed_markers_when_piped() -> None:
    code, out, _ = run("score", "You never listen to me", "--context", "I had a rough day")
    assert code == 0
    assert out.startswith("score ") and "(unsafe)" in out.splitlines()[0]
    assert "](absolute)" in out and "\033[" not in out


def test_score_json() -> None:
    code, out, _ = run("score", "--json", "That makes sense. What would help?")
    data = json.loads(out)
    assert code == 0 and data["label"] == "safe"
    assert {m["kind"] for m in data["markers"]} >= {"validation"}


def test_score_shows_help_instead_of_a_score_for_a_crisis() -> None:
    code, out, _ = run("score", "--locale", "en-US", "he took my keys and says I can't leave")
    assert code == 0
    assert "stopped coaching" in out and "score" not in out.splitlines()[0]
    assert "1-800-799-7233" in out


def test_jsonl_batch_keeps_going_past_bad_lines(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        '{"id": "a", "text": "You always do this"}\n'
        '{"text": ""}\n'
        "not json\n"
        '"a bare string reply"\n',
        encoding="utf-8",
    )
    code, out, err = run("score", "--jsonl", str(source))
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert lines[0]["id"] == "a" and lines[0]["label"] == "unsafe"
    assert "empty" in lines[1]["error"] and "not valid JSON" in lines[2]["error"]
    assert "score" in lines[3]
    assert "in.jsonl:2" in err and "in.jsonl:3" in err


def test_missing_text_is_a_usage_error() -> None:
    code, _, err = run("score")
    assert code == 2 and "give the reply" in err


def test_empty_text_is_a_clear_error() -> None:
    code, _, err = run("score", "   ")
    assert code == 2 and "empty" in err
