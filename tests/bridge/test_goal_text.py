"""Splitting REPL goal strings (taken from the recorded transcripts) into Goal objects."""

from __future__ import annotations

import pytest

from lean_bridge.goal_text import GoalSyntaxError, parse_goal, parse_goals


def test_grouped_names_expand_to_one_hypothesis_each() -> None:
    """`p q r : Prop` (proof_branching) gives three hypotheses sharing one type."""
    goal = parse_goal("p q r : Prop\nh1 : p ∧ q\nh2 : q → r\n⊢ p ∧ r")
    assert [(h.name, h.type.pp) for h in goal.hypotheses] == [
        ("p", "Prop"), ("q", "Prop"), ("r", "Prop"), ("h1", "p ∧ q"), ("h2", "q → r")]
    assert goal.target.pp == "p ∧ r" and goal.case is None
    assert goal.render() == "p q r : Prop\nh1 : p ∧ q\nh2 : q → r\n⊢ p ∧ r"


def test_case_tag_and_dagger_names() -> None:
    """`case succ` with `n✝ : Nat` (app_type_mismatch)."""
    goal = parse_goal("case succ\nn✝ : Nat\n⊢ n✝ + 1 = 0")
    assert goal.case == "succ"
    assert goal.hypotheses[0].name == "n✝" and goal.hypotheses[0].inaccessible
    assert goal.target.pp == "n✝ + 1 = 0"


def test_incomplete_message_goals() -> None:
    """`case pos` goal from an `unsolved goals` message (incomplete)."""
    goal = parse_goal("case pos\nx : Bool\nh✝ : x = true\n⊢ Nat")
    assert [h.name for h in goal.hypotheses] == ["x", "h✝"]


def test_no_hypotheses() -> None:
    """`⊢ Nat` (tactic_sorry) has no hypotheses."""
    goal = parse_goal("⊢ Nat")
    assert goal.hypotheses == () and goal.target.pp == "Nat"


def test_several_goals_in_one_string() -> None:
    """Goals joined by a newline or a blank line are split (by_cases, unsolved goals messages)."""
    text = "case pos\nx : Int\nh : x < 0\n⊢ x = x\ncase neg\nx : Int\nh : ¬x < 0\n⊢ x = x"
    goals = parse_goals(text)
    assert [g.case for g in goals] == ["pos", "neg"]
    assert goals[1].hypotheses[1].type.pp == "¬x < 0"
    assert [g.case for g in parse_goals(text.replace("\ncase neg", "\n\ncase neg"))] == ["pos", "neg"]
    assert parse_goals("no goals") == [] and parse_goals("") == []


def test_long_types_wrap_onto_indented_lines() -> None:
    """Wrapped hypothesis types and targets are joined with single spaces (variables transcript)."""
    text = ("x y : Nat\nf : Nat → Nat\nh0 : f 5 = 3\nh1 :\n  f (4 * x * y) =\n    2 * y * (f (x + y) + f (x - y))\n"
            "⊢ ∃ k,\n    f 2015 = k")
    goal = parse_goal(text)
    assert [h.name for h in goal.hypotheses] == ["x", "y", "f", "h0", "h1"]
    assert goal.hypotheses[-1].type.pp == "f (4 * x * y) = 2 * y * (f (x + y) + f (x - y))"
    assert goal.target.pp == "∃ k, f 2015 = k"


def test_let_values() -> None:
    """`k : Nat := 2` keeps the value apart from the type; `:=` inside brackets is not a value."""
    goal = parse_goal("k : Nat := 2\ns : S := { a := 1 }\nt : T { a := 1 }\n⊢ k = 2")
    assert (goal.hypotheses[0].type.pp, goal.hypotheses[0].value.pp) == ("Nat", "2")
    assert goal.hypotheses[1].value.pp == "{ a := 1 }"
    assert goal.hypotheses[2].value is None and goal.hypotheses[2].type.pp == "T { a := 1 }"
    assert goal.render().startswith("k : Nat := 2\n")


def test_not_a_goal() -> None:
    """Text without a turnstile is rejected."""
    with pytest.raises(GoalSyntaxError):
        parse_goal("x : Nat")


def test_every_recorded_goal_string_parses(transcripts) -> None:
    """Every goal string in every recorded response splits, with one target per turnstile line."""
    import json
    import replay_server

    count = 0
    for out in sorted(transcripts.rglob("*.expected.out")):
        for block in replay_server.response_blocks(out.read_text("utf-8")):
            obj = json.loads(block)
            texts = list(obj.get("goals", [])) + [s["goal"] for s in obj.get("sorries", [])]
            for text in texts:
                goals = parse_goals(text)
                assert len(goals) == sum(1 for line in text.split("\n") if line.startswith("⊢"))
                count += 1
    assert count > 50
