"""Runaway proofs fail with Lean's heartbeat message and leave the session usable, in every mode:
file check, REPL `cmd`, REPL `tactic` and Pantograph `goal.tactic`."""
from __future__ import annotations

import pytest

from lean_bridge import TacticError, open_backend
from lean_bridge.embedded.checker import check_source

RUNAWAY = "iterate 100000000 skip"


def test_file_mode_runaway_tactic_fails_and_the_next_declaration_is_checked():
    text = (f"theorem l : True := by\n  {RUNAWAY}\n  trivial\n"
            "theorem m : True := trivial\n"
            f"theorem k : True := by\n  try ({RUNAWAY})\n  trivial\n")
    results = {r.name: r for r in check_source(text)}
    assert not results["l"].ok and "heartbeats" in results["l"].message
    assert results["m"].ok
    assert not results["k"].ok and "heartbeats" in results["k"].message  # `try` cannot swallow the budget


def test_budget_is_per_proof_not_per_file():
    many = "".join(f"theorem t{i} : True := by\n  iterate 5000 skip\n  trivial\n" for i in range(6))
    assert all(r.ok for r in check_source(many))  # 30,000 tactic runs in the file, 5,000 per proof


@pytest.mark.parametrize("protocol", ["pantograph", "repl"])
def test_server_tactic_runaway_fails_cleanly_and_the_session_goes_on(protocol):
    with open_backend("embedded", protocol=protocol, timeout=120) as lean:
        state = lean.start_goal("True")
        with pytest.raises(TacticError, match="heartbeats"):
            lean.run_tactic(state, RUNAWAY)
        assert lean.run_tactic(state, "trivial").goals == ()


def test_repl_command_mode_runaway_fails_cleanly():
    with open_backend("embedded", protocol="repl", timeout=120) as lean:
        results = lean.check(f"theorem l : True := by\n  {RUNAWAY}\n  trivial\ntheorem m : True := trivial\n")
        verdicts = {r.name: r.ok for r in results}
        assert verdicts == {"l": False, "m": True}
