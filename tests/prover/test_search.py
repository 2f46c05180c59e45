"""Best-first search through the real embedded Pantograph server: proofs found, structured, re-checked."""
from __future__ import annotations

import os
import signal

import pytest

from lean_bridge import ProofState, open_backend
from lean_bridge.types import Expression, Goal
from prover.policies import HeuristicPolicy, UniformPolicy
from prover.search import LINEAR, SearchConfig, new_goal_count, proof_script, search

EASY = """theorem and_swap (p q : Prop) (h : p ∧ q) : q ∧ p := sorry
theorem or_swap (p q : Prop) : p ∨ q → q ∨ p := sorry
theorem add_zero (n : Nat) : n + 0 = n := sorry
theorem imp_trans (p q r : Prop) (hpq : p → q) (hqr : q → r) : p → r := sorry
theorem both (p q : Prop) (hp : p) (hq : q) : p ∧ q := sorry
"""


@pytest.fixture(scope="module")
def lean():
    with open_backend("embedded") as backend:
        yield backend


def _roots(lean):
    return dict(lean.sorries(EASY))


def _header(name: str) -> str:
    line = next(l for l in EASY.splitlines() if l.startswith(f"theorem {name} "))
    return line[: line.rindex(":= sorry")].rstrip()


def test_uniform_policy_proves_easy_goals_and_scripts_recheck(lean):
    roots = _roots(lean)
    proved = 0
    for name, root in roots.items():
        result = search(lean, root, UniformPolicy(0), [], SearchConfig(time_limit=5.0))
        if not result.proved:
            continue
        proved += 1
        text = f"{_header(name)} := by\n{result.proof}\n"
        checked = lean.check(text)
        assert checked and all(r.ok for r in checked), (text, checked)
        assert result.tactics_tried >= len(result.steps) >= 1
    assert proved >= 4


def test_multi_goal_proof_is_structured_with_bullets(lean):
    root = _roots(lean)["or_swap"]
    result = search(lean, root, HeuristicPolicy(), [], SearchConfig(time_limit=5.0))
    assert result.proved
    if any(k > 1 for _, k in result.steps):
        assert "· " in result.proof
    assert lean.check(f"{_header('or_swap')} := by\n{result.proof}\n")[0].ok


def test_search_is_deterministic_under_a_seed(lean):
    runs = []
    for _ in range(2):
        root = _roots(lean)["imp_trans"]
        r = search(lean, root, UniformPolicy(7), [], SearchConfig(time_limit=30.0, max_expansions=3))
        runs.append((r.proved, r.steps, r.tactics_tried, r.expansions))
    assert runs[0] == runs[1]


def test_false_goal_is_not_proved_and_budget_is_respected(lean):
    root = lean.sorries("theorem f (n : Nat) : n + 1 = n := sorry\n")[0][1]
    r = search(lean, root, UniformPolicy(0), [], SearchConfig(time_limit=1.0))
    assert not r.proved and r.proof is None
    assert r.seconds < 3.0


class KillingPolicy(UniformPolicy):
    """Kills the server on the second policy call (a crash in the middle of a search)."""

    def __init__(self, backend) -> None:
        super().__init__(0)
        self.backend, self.calls = backend, 0

    def propose(self, states, premises, k):
        self.calls += 1
        if self.calls == 2:
            os.kill(self.backend.pid, signal.SIGKILL)
        return super().propose(states, premises, k)


def test_backend_crash_loses_only_this_attempt(lean):
    root = lean.sorries("theorem f (n : Nat) : n + 1 = n := sorry\n")[0][1]
    r = search(lean, root, KillingPolicy(lean), [], SearchConfig(time_limit=5.0))
    assert not r.proved and r.error and r.error.startswith("backend error")
    again = _roots(lean)["add_zero"]  # the backend was restarted and works
    assert search(lean, again, HeuristicPolicy(), [], SearchConfig(time_limit=5.0)).proved


def _goal(mvar: str) -> Goal:
    return Goal(hypotheses=(), target=Expression("True"), mvar_id=mvar)


def test_new_goal_count_follows_lean_goal_order():
    parent = ProofState(1, (_goal("a"), _goal("b")))
    assert new_goal_count(parent, ProofState(2, (_goal("c"), _goal("d"), _goal("b")))) == 2
    assert new_goal_count(parent, ProofState(3, (_goal("b"),))) == 0
    assert new_goal_count(parent, ProofState(4, ())) is None  # the step also closed a sibling goal
    assert new_goal_count(parent, ProofState(5, (_goal("c"), _goal("e")))) is None


def test_proof_script_focuses_each_subgoal():
    steps = [("intro h", 1), ("cases h", 2), ("right", 1), ("assumption", 0), ("left", 1), ("assumption", 0)]
    assert proof_script(steps) == "\n".join([
        "  intro h", "  cases h", "  · right", "    assumption", "  · left", "    assumption"])
    with pytest.raises(ValueError):
        proof_script(steps[:-1])


def test_proof_script_is_flat_when_a_step_changed_other_goals():
    steps = [("apply Nat.le_trans", 3), ("exact h1", LINEAR), ("exact h2", 0)]
    assert proof_script(steps) == "  apply Nat.le_trans\n  exact h1\n  exact h2"


class ScriptedPolicy:
    """The same tactic texts, equally likely, on every state (the search takes raw tactic text as the
    automation baseline does): the search and the checker are real, only the ranking is fixed."""

    def __init__(self, tactics):
        self.tactics = list(tactics)

    def propose(self, states, premises, k):
        return [[(t, -1.0) for t in self.tactics[:k]] for _ in states]

    def value(self, states):
        return [1.0] * len(states)


TRANS = """theorem trans_le (a b c : Nat) (h1 : a ≤ b) (h2 : b ≤ c) : a ≤ c := sorry
theorem trans_le_false (a b c : Nat) (h1 : a ≤ b) (h2 : c ≤ b) : a ≤ c := sorry
"""


def test_a_step_that_assigns_a_shared_metavariable_is_kept_and_the_proof_rechecks(lean):
    """After ``apply Nat.le_trans`` the goals ``a ≤ ?m``, ``?m ≤ c`` and ``Nat`` share ``?m``;
    ``exact h1`` closes the first and settles the other two. The search keeps that step (it had
    rejected it, so no proof through a transitivity lemma was ever found), writes the proof flat,
    and the whole theorem re-checks; the same moves never prove the false variant."""
    roots = dict(lean.sorries(TRANS))
    policy = ScriptedPolicy(["assumption", "apply Nat.le_trans", "exact h2", "exact h1"])
    result = search(lean, roots["trans_le"], policy, [], SearchConfig(time_limit=20.0))
    assert result.proved, result
    assert "Nat.le_trans" in result.proof and any(k == LINEAR for _, k in result.steps)
    header = TRANS.splitlines()[0].rsplit(":= sorry", 1)[0]
    checked = lean.check(f"{header} := by\n{result.proof}\n")
    assert checked and all(r.ok for r in checked), (result.proof, checked)
    false = search(lean, roots["trans_le_false"], policy, [], SearchConfig(time_limit=3.0))
    assert not false.proved and false.tactics_tried > 10


class LedgerBackend:
    """The real backend, with a ledger: every state a tactic made is released exactly once, and no
    tactic ever runs on a released state (chunked expansion keeps states open across rounds)."""

    def __init__(self, backend) -> None:
        self.backend, self.live, self.released = backend, set(), set()

    def run_tactic(self, state, tactic, goal):
        assert state.id not in self.released, f"tactic on released state {state.id}"
        child = self.backend.run_tactic(state, tactic, goal)
        self.live.add(child.id)
        return child

    def release(self, *states):
        for s in states:
            assert s.id in self.live and s.id not in self.released, f"bad release of {s.id}"
            self.released.add(s.id)
        self.backend.release(*states)

    def restart(self):
        self.backend.restart()


@pytest.mark.parametrize("name", ["imp_trans", "both"])
def test_chunked_expansion_tries_few_actions_per_round_and_releases_every_state(lean, name):
    roots = _roots(lean)
    ledger = LedgerBackend(lean)
    r = search(ledger, roots[name], UniformPolicy(0), [], SearchConfig(time_limit=30.0, k=16, chunk=2))
    assert r.proved and lean.check(f"{_header(name)} := by\n{r.proof}\n")[0].ok
    assert r.tactics_tried <= 2 * r.expansions  # at most `chunk` tactics per expansion
    assert ledger.live == ledger.released
    false_root = lean.sorries("theorem f (n : Nat) : n + 1 = n := sorry\n")[0][1]
    ledger = LedgerBackend(lean)
    r = search(ledger, false_root, UniformPolicy(0), [], SearchConfig(time_limit=30.0, k=16, chunk=3, max_tactics=40))
    assert not r.proved and r.tactics_tried == 40  # the tactic budget is exact
    assert ledger.live == ledger.released


def test_chunked_search_is_deterministic(lean):
    runs = []
    for _ in range(2):
        root = _roots(lean)["imp_trans"]
        r = search(lean, root, UniformPolicy(7), [], SearchConfig(time_limit=30.0, k=12, chunk=3, max_tactics=60))
        runs.append((r.proved, r.steps, r.tactics_tried, r.expansions))
    assert runs[0] == runs[1]


def test_an_internal_checker_error_skips_the_step_not_the_theorem():
    """The buggy engine crashes on `contradiction` and drops a hole on `exfalso` (internal errors,
    the server lives on): the search skips those steps and still proves the theorem, no restart."""
    import sys
    from pathlib import Path

    server = Path(__file__).resolve().parents[1] / "embedded" / "buggy_engine_server.py"
    with open_backend("embedded", executable=[sys.executable, str(server), "pantograph"], timeout=60) as buggy:
        root = buggy.sorries("theorem t (p : Prop) (hp : p) (hn : ¬p) : 1 = 2 := sorry\n")[0][1]
        pid = buggy.pid
        r = search(buggy, root, FixedTextPolicy(["contradiction", "exfalso", "exact absurd hp hn"]), [],
                   SearchConfig(time_limit=20.0))
        assert r.internal_errors == 2 and r.error is None and buggy.pid == pid
        assert r.proved and r.proof.strip() == "exact absurd hp hn"


class FixedTextPolicy:
    """Proposes the same tactic texts, best first, on every state (raw text, as the automation baseline)."""

    def __init__(self, tactics) -> None:
        self.tactics = list(tactics)

    def propose(self, states, premises, k):
        return [[(t, -float(i)) for i, t in enumerate(self.tactics[:k])] for _ in states]


def test_a_tactic_that_failed_on_a_goal_is_not_run_again_on_an_equal_goal(lean):
    """`(p ∧ q) ∧ (p ∧ q)`: the second `p ∧ q` and its `p` are goals met before, where `exact hq`,
    `exact hp` (on `p ∧ q`) and `exact hq`, `constructor` (on `p`) failed: those four are skipped
    (not sent, not counted) and the proof holds."""
    header = "theorem t (p q : Prop) (hp : p) (hq : q) : (p ∧ q) ∧ (p ∧ q)"
    root = lean.sorries(f"{header} := sorry\n")[0][1]
    r = search(lean, root, FixedTextPolicy(["exact hq", "constructor", "exact hp"]), [], SearchConfig(time_limit=20.0))
    assert r.proved and lean.check(f"{header} := by\n{r.proof}\n")[0].ok
    assert r.repeats_skipped == 4
    # the failure memory is per goal: `exact hp` still ran (and worked) on the goal `p`
    assert "exact hp" in [t for t, _ in r.steps]
