"""Parse every `cmd` (and `tactic`) of the real Lean REPL transcripts in ../shared.

Commands that real Lean parsed without a parse error must parse without error here;
commands that Lean rejected with a parse error must be rejected here too.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lean_bridge.syntax import ast, parse_file, parse_tactic_block
from lean_bridge.transcripts import repl_tests

REPL_TESTS = repl_tests()

#: Transcripts whose commands use syntax outside the fragment, with the reason.
OUT_OF_FRAGMENT = {
    "pickle_scoped_notation.in": "uses `scoped notation` (user notation is outside the fragment; no expected output recorded)",
    "pickle_scoped_notation_2.in": "uses the user notation `2 !` declared by pickle_scoped_notation",
    "pickle_open_scoped.in": "`import Lean` + `open Lean.Compiler` brings the scoped notation `◾` (metaprogramming library)",
    "pickle_open_scoped_2.in": "uses the scoped notation `◾` from Lean.Compiler",
}


def read_requests(path: Path) -> list[dict]:
    """The JSON requests of an `.in` file, decoded the way the REPL does.

    Requests are separated by blank lines. A raw line break inside a JSON string
    (e.g. invalid_line_break.in) is dropped, which is what real Lean observed:
    it reported `bysorry` as one identifier.
    """
    blocks = path.read_text(encoding="utf-8").split("\n\n")
    return [json.loads(block.replace("\n", "")) for block in blocks if block.strip()]


def parse_error_messages(expected_out: Path, index: int) -> list[str]:
    """Messages of the `index`-th response that are parse errors."""
    blocks = [b for b in expected_out.read_text(encoding="utf-8").split("\n\n") if b.strip()]
    if index >= len(blocks):
        return []
    response = json.loads(blocks[index])
    return [
        m["data"] for m in response.get("messages", [])
        if m.get("severity") == "error" and ("unexpected" in m["data"] or "expected " in m["data"])
    ] + ([response["message"]] if "message" in response and "unknown tactic" in response["message"] else [])


def transcript_cases() -> list:
    if not REPL_TESTS.is_dir():
        return []
    cases = []
    for path in sorted(REPL_TESTS.glob("*.in")):
        for index, request in enumerate(read_requests(path)):
            kind = "cmd" if "cmd" in request else "tactic" if "tactic" in request else None
            if kind is not None:
                cases.append(pytest.param(path, index, kind, request[kind], id=f"{path.stem}-{index}"))
    return cases


requires_shared = pytest.mark.skipif(
    not REPL_TESTS.is_dir(), reason=f"shared transcripts not found at {REPL_TESTS} (a user's clone has no shared/)"
)


@requires_shared
@pytest.mark.parametrize("path, index, kind, text", transcript_cases())
def test_transcript_request_parses_like_lean(path: Path, index: int, kind: str, text: str) -> None:
    if path.name in OUT_OF_FRAGMENT:
        pytest.skip(OUT_OF_FRAGMENT[path.name])
    expected = path.with_name(path.name.replace(".in", ".expected.out"))
    lean_errors = parse_error_messages(expected, index) if expected.exists() else []
    if kind == "cmd":
        errors = [c.error for c in parse_file(text).commands if isinstance(c, ast.ErrorCommand)]
        if lean_errors:
            assert [e.message for e in errors] == lean_errors
        else:
            assert errors == []
    else:
        if lean_errors:
            with pytest.raises(Exception):
                parse_tactic_block(text)
        else:
            parse_tactic_block(text)


@requires_shared
def test_transcripts_were_found() -> None:
    assert len(transcript_cases()) > 50


def test_unknown_tactic_message_matches_lean() -> None:
    from lean_bridge.syntax import ParseError

    with pytest.raises(ParseError) as info:
        parse_tactic_block("exat 42")
    assert info.value.message == "unknown tactic"
