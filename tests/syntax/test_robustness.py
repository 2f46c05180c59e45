"""Bad input only ever raises ParseError (never IndexError etc.), and parsing stays fast."""

from __future__ import annotations

import random
import time

import pytest

from lean_bridge.syntax import ParseError, ast, parse_file, parse_tactic_block, parse_term

SOUP = [
    "theorem", "def", "by", "fun", "=>", ":=", ":", "(", ")", "⟨", "⟩", "[", "]", "{", "}", ",", "|",
    "x", "h.1", "Nat.succ", "0", "∀", "∃", "¬", "→", "=", "+", "::", "\n", "\n  ", " ", "·", "<;>",
    "intro", "cases", "with", "at", "rw", "simp", "match", "calc", "have", "show", "from", ";", "_",
    "?_", "@", ".inl", "Type", "Sort", ".{", "/-", "-/", "--", '"', "«", "@[", "#check", "end", "⦃",
]


@pytest.mark.parametrize("seed", range(300))
def test_token_soup_raises_only_parse_error(seed: int) -> None:
    rng = random.Random(seed)
    text = "".join(rng.choice(SOUP) + rng.choice(["", " "]) for _ in range(rng.randint(1, 40)))
    for parse in (parse_term, parse_tactic_block):
        try:
            parse(text)
        except ParseError:
            pass
    result = parse_file(text)
    assert isinstance(result, ast.File)


@pytest.mark.parametrize("text", ["(" * 5000, "\x00", "theorem", "⟨" * 3000])
def test_deep_or_strange_input(text: str) -> None:
    with pytest.raises(ParseError):
        parse_term(text)
    parse_file(text)


def test_deep_but_well_formed_input_parses_or_fails_cleanly() -> None:
    """5,000 nested `¬` is a term; depending on the interpreter's recursion limit (raised by the
    term layer when it is imported) it parses or is a clean ParseError, never another exception."""
    try:
        term = parse_term("¬" * 5000 + "p")
    except ParseError as err:
        assert "nesting" in err.message
    else:
        assert term is not None
    assert isinstance(parse_file("theorem t : " + "¬" * 5000 + "p := sorry"), ast.File)


def test_parse_error_str_format() -> None:
    err = ParseError("unexpected end of input", 3, 7, "f.lean")
    assert str(err) == "f.lean:3:7: unexpected end of input"
    assert (err.message, err.line, err.column, err.filename) == ("unexpected end of input", 3, 7, "f.lean")


def test_goal_strings_parse_quickly() -> None:
    goals = ["∀ (x : Nat), x + 0 = x", "a :: l ++ m = a :: (l ++ m)", "¬p", "p ∧ q → q ∧ p",
             "∃ k, f 2015 = k", "List.length (List.reverse l) = List.length l"]
    start = time.perf_counter()
    for _ in range(200):
        for goal in goals:
            parse_term(goal)
    assert time.perf_counter() - start < 5.0  # 1200 goals; typically well under a second
