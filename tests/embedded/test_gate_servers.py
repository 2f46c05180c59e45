"""Issue 8 through the real bridge clients (`lean_bridge.open_backend("embedded", protocol=...)`,
subprocess servers): holes never close a goal, a closing `sorry` is refused, and an engine bug is a
`CheckerInternalError` -- neither a success nor a `TacticError` -- after which the server goes on."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from lean_bridge import CheckerInternalError, TacticError, open_backend
from lean_bridge.backend import Backend

HERE = Path(__file__).resolve().parent
PROTOCOLS = ("pantograph", "repl")


@pytest.fixture(scope="module", params=PROTOCOLS)
def backend(request: pytest.FixtureRequest) -> Backend:
    with open_backend("embedded", protocol=request.param, timeout=60) as b:
        yield b


@pytest.fixture(scope="module", params=PROTOCOLS)
def buggy(request: pytest.FixtureRequest) -> Backend:
    argv = [sys.executable, str(HERE / "buggy_engine_server.py"), request.param]
    with open_backend("embedded", protocol=request.param, executable=argv, timeout=60) as b:
        yield b


def _run(backend: Backend, statement: str, tactics: list[str]):
    state = backend.start_goal(statement)
    for text in tactics:
        state = backend.run_tactic(state, text)
    return state


@pytest.mark.parametrize("statement,tactics", [
    ("False", ["exact ?_"]),
    ("1 = 2 ∧ True", ["exact ⟨?_, ?_⟩"]),
    ("False", ["exact (by exact ?_)"]),
    ("False ∧ True", ["constructor", "exact ?_"]),
    ("False", ["sorry"]),
    ("False", ["admit"]),
    ("∀ n : Nat, n = 0", ["intro n", "sorry"]),
])
def test_no_hole_or_sorry_closes_a_false_goal(backend: Backend, statement: str, tactics: list[str]) -> None:
    with pytest.raises(TacticError):
        _run(backend, statement, tactics)


def test_refine_holes_become_goals(backend: Backend) -> None:
    state = _run(backend, "1 = 1 ∧ True", ["refine ⟨?_, ?_⟩"])
    assert [g.target.pp for g in state.goals] == ["1 = 1", "True"]
    state = backend.run_tactic(state, "rfl")
    state = backend.run_tactic(state, "trivial")
    assert state.is_solved


def test_cases_then_simp_all_twice_through_the_server(backend: Backend) -> None:
    state = _run(backend, "∀ (a b c d : Prop), (a → c) → (b → d) → a ∨ b → c ∨ d",
                 ["intro a b c d f g h", "cases h", "simp_all"])
    assert len(state.goals) == 1
    assert backend.run_tactic(state, "simp_all").is_solved


def test_engine_bugs_are_internal_errors(buggy: Backend) -> None:
    state = buggy.start_goal("False")
    with pytest.raises(CheckerInternalError) as dropped:
        buggy.run_tactic(state, "exfalso")
    assert not isinstance(dropped.value, TacticError)
    with pytest.raises(CheckerInternalError, match="ZeroDivisionError"):
        buggy.run_tactic(state, "contradiction")
    with pytest.raises(CheckerInternalError):  # inside a combinator that swallows tactic failures
        buggy.run_tactic(state, "try exfalso")
    with pytest.raises(CheckerInternalError):
        buggy.run_tactic(state, "first | contradiction | skip")
    # the server lives on, its states intact
    ok = buggy.run_tactic(buggy.start_goal("True ∧ True"), "constructor")
    assert len(ok.goals) == 2
    with pytest.raises(TacticError):
        buggy.run_tactic(state, "exact ?_")


def test_check_never_moves_a_declarations_error_to_the_next_fragment(backend: Backend) -> None:
    """Found by the fuzz: Pantograph's check gave a parse-cut theorem's own error to the fragment
    after the cut (same line), so the false theorem came back `ok`."""
    text = ("theorem fuzz : ∀ n : Nat, n + 1 ≤ n := by\n"
            "  next => specialize h have h : ¬ False := sorryAx _ true\n"
            "  trivial\n")
    results = backend.check(text)
    assert results and not any(r.ok for r in results), results
