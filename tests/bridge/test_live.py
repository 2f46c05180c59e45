"""End-to-end tests against the embedded servers and against a real Lean, when available.

The embedded tests always run (the servers are part of this project);
the real-Lean tests need ``LEAN_BRIDGE_REPL``/``LEAN_BRIDGE_PANTOGRAPH`` (or the binaries
on PATH) and are skipped with the reason otherwise.
"""

from __future__ import annotations

import os
import shutil

import pytest

from lean_bridge import StatementError, TacticError, open_backend
from lean_bridge.backend import ENV_VARS, PATH_NAMES


def _real_available(kind: str) -> bool:
    """True if a real server of ``kind`` can be found."""
    return bool(os.environ.get(ENV_VARS[kind])) or any(shutil.which(n) for n in PATH_NAMES[kind])


LIVE = []
for protocol in ("pantograph", "repl"):
    LIVE.append(pytest.param(("embedded", protocol), id=f"embedded-{protocol}"))
for kind in ("pantograph", "repl"):
    LIVE.append(pytest.param(
        (kind, kind), id=f"real-{kind}",
        marks=pytest.mark.skipif(not _real_available(kind),
                                 reason=f"no real Lean {kind}: set {ENV_VARS[kind]} or put {PATH_NAMES[kind][0]} on PATH")))


@pytest.fixture(params=LIVE)
def lean(request):
    """A live backend of each available kind."""
    kind, protocol = request.param
    backend = open_backend(kind, protocol=protocol if kind == "embedded" else None, timeout=60)
    yield backend
    backend.close()


def test_and_swap(lean) -> None:
    """intro / constructor / exact proves `p ∧ q → q ∧ p`, with goal_index selecting the second goal."""
    state = lean.start_goal("∀ (p q : Prop), p ∧ q → q ∧ p")
    assert len(state.goals) == 1 and state.goals[0].hypotheses == ()
    state = lean.run_tactic(state, "intro p q h")
    assert [h.name for h in state.goals[0].hypotheses] == ["p", "q", "h"]
    state = lean.run_tactic(state, "constructor")
    assert len(state.goals) == 2
    state = lean.run_tactic(state, "exact h.1", goal_index=1)
    assert len(state.goals) == 1
    state = lean.run_tactic(state, "exact h.2")
    assert state.is_solved


def test_failures(lean) -> None:
    """A wrong tactic raises TacticError; a bad statement raises StatementError."""
    state = lean.start_goal("∀ (n : Nat), n + 0 = n")
    with pytest.raises(TacticError):
        lean.run_tactic(state, "exact my_fake_premise")
    with pytest.raises(StatementError):
        lean.start_goal("∀ (n : Nat), n + = n")


def test_check_and_sorries(lean) -> None:
    """check() accepts a proof and rejects sorry; sorries() finds the sorry's goal."""
    text = "theorem t1 (n : Nat) : n + 0 = n := rfl\n\ntheorem t2 (p : Prop) (h : p) : p := by sorry\n"
    results = {r.name: r for r in lean.check(text)}
    assert results["t1"].ok and not results["t2"].ok
    ((name, state),) = lean.sorries(text)
    assert name == "t2" and state.goals[0].target.pp == "p"
    assert lean.run_tactic(state, "exact h").is_solved
