"""Atomization of steps that name compound facts or two things at once (real embedded server, no mocks):
``rw [P a b]``, ``rw [P] at h``, ``obtain … := P h``, ``cases P a b``, ``have h := P h``, ``exact (P h).2``.
Each becomes a sequence of atomic actions (``have_premise``/``specialize_last_hyp``/``clear_hyp``/
``revert_hyp`` among them) that the checker runs from the theorem's start to the same goals."""
from __future__ import annotations

from pathlib import Path

import pytest

from lean_bridge import open_backend
from prover.actions import action_from_json, render
from prover.atomize import bag_key, find_goal, transfer
from prover.data import goal_from_json, read_jsonl, run_atomize, run_trace
from prover.trace import Environment, split_theorems

SOURCE = """\
namespace Fwd

theorem sz (n : Nat) : n + 0 = n := rfl
theorem dest {n m : Nat} (h : n = m) : ∃ k, n + k = m := ⟨0, h⟩
theorem split (a b : Nat) : a = b ∨ True := Or.inr trivial
theorem both {a b : Prop} (h : a ∧ b) : b ∧ a := ⟨h.2, h.1⟩
theorem swap_iff (a b : Prop) : a ∧ b ↔ b ∧ a := ⟨both, both⟩
theorem chain {a b : Prop} (h : a ∧ b) (c : Prop) (k : b → c) : c := k h.2

theorem rw_args (a b : Nat) (h : a + 0 < b) : a + 0 < b + 0 := by
  rw [sz b]
  exact h

theorem rw_at (a b : Nat) (h : a + 0 = b) : a = b := by
  rw [sz] at h
  exact h

theorem rw_at_earlier (a b : Nat) (h : a + 0 = b) (k : Nat) (hk : k = k) : a = b := by
  rw [sz a] at h
  exact h

theorem obtain_app (a b : Nat) (h : a = b) : ∃ k, a + k = b := by
  obtain ⟨k, hk⟩ := dest h
  exact ⟨k, hk⟩

theorem cases_app (a b : Nat) : a = b ∨ True := by
  cases split a b
  · left
    assumption
  · right
    assumption

theorem exact_proj (p q : Prop) (h : p ∧ q) : p := by
  exact (both h).2

theorem have_app (p q : Prop) (h : p ∧ q) : p := by
  have h' := both h
  exact h'.2

theorem have_iff (p q : Prop) (h : p ∧ q) : q := by
  have h' := Iff.mp (swap_iff p q) h
  exact h'.1

theorem apply_app (p q r : Prop) (hpq : p ∧ q) (hr : r) : r := by
  apply chain (both hpq) r
  intro _
  exact hr

end Fwd
"""


def trace_and_atomize(out: Path, file_name: str, text: str) -> tuple[Path, Path, list[dict], dict]:
    """Write ``text`` to ``out/file_name``, trace and atomize it: (source, traces path, atomized records, report)."""
    source = out / file_name
    source.write_text(text, encoding="utf-8")
    traces, atomized = out / "traces.jsonl", out / "atomized.jsonl"
    run_trace(source, traces, progress=False)
    report = run_atomize(traces, atomized, None, progress=False)
    return source, traces, list(read_jsonl(atomized)), report


@pytest.fixture(scope="module")
def forward(tmp_path_factory):
    return trace_and_atomize(tmp_path_factory.mktemp("fwd"), "Fwd.lean", SOURCE)


def test_every_theorem_is_traced_and_wholly_atomized(forward):
    _, traces, records, report = forward
    assert all(r["ok"] for r in read_jsonl(traces)), [r["error"] for r in read_jsonl(traces) if not r["ok"]]
    assert report["theorems"] == 15  # the six helpers too
    steps = [n for n in SOURCE.split() if n.startswith(("rw_", "obtain_", "cases_", "exact_", "have_", "apply_"))]
    assert len(steps) == 9
    complete = {r["theorem"] for r in records if r["complete"]}
    assert {f"Fwd.{n}" for n in steps} <= complete, report["failures"]


def _kinds(records, theorem):
    return [r["action"]["kind"] for r in sorted(records, key=lambda r: r["step"]) if r["theorem"] == theorem]


def test_the_new_kinds_carry_the_compound_steps(forward):
    _, _, records, _ = forward
    assert _kinds(records, "Fwd.rw_at")[:3] == ["revert_hyp", "rw_premise", "intro"]
    assert _kinds(records, "Fwd.rw_at_earlier")[:3] == ["revert_hyp", "revert_hyp", "revert_hyp"]  # hk, k, h
    # `rw [sz]` alone would rewrite `a + 0`: the instance `sz b` is built, used and cleared
    assert _kinds(records, "Fwd.rw_args")[:4] == ["have_premise", "specialize_last_hyp", "rw_hyp", "clear_hyp"]
    assert _kinds(records, "Fwd.obtain_app")[:3] == ["have_premise", "specialize_last_hyp", "cases_hyp"]
    assert _kinds(records, "Fwd.cases_app")[:4] == ["have_premise", "specialize_last_hyp", "specialize_last_hyp",
                                                   "cases_hyp"]
    assert _kinds(records, "Fwd.have_app")[:2] == ["have_premise", "specialize_last_hyp"]
    assert _kinds(records, "Fwd.apply_app")[:8] == ["have_premise", "specialize_last_hyp", "have_premise",
                                                    "specialize_last_hyp", "specialize_last_hyp", "apply_hyp",
                                                    "clear_hyp", "clear_hyp"]
    # `Iff.mp (swap_iff p q) h`: the iff is a helper hypothesis, cleared once the fact is built
    assert _kinds(records, "Fwd.have_iff")[:8] == ["have_premise", "specialize_last_hyp", "specialize_last_hyp",
                                                   "have_premise", "specialize_last_hyp", "specialize_last_hyp",
                                                   "clear_hyp", "cases_hyp"]
    tactics = [r["tactic"] for r in records if r["theorem"] == "Fwd.obtain_app"]
    assert tactics[:2] == ["have h_1 := @Fwd.dest", "specialize h_1 h"]


def test_the_atomic_scripts_replay_from_each_start(forward):
    source, _, records, _ = forward
    assert _replay_atomized(source, records) >= 25


def _replay_atomized(source: Path, records: list[dict]) -> int:
    """Replay each theorem's atomic actions from its start state (the checker must accept each, on
    the recorded goals); complete scripts must close the theorem. Returns the number of actions run."""
    with open_backend("embedded") as lean:
        env = Environment(lean)
        return sum(_replay_theorem(lean, env, thm, records)
                   for thm in split_theorems(source.read_text(encoding="utf-8")))


def _replay_theorem(lean, env, thm, records: list[dict]) -> int:
    """Open ``thm`` in ``env`` and run its recorded atomic actions; returns how many ran."""
    state, _ = env.open(thm)
    steps = sorted((r for r in records if r["theorem"] == thm.name), key=lambda r: r["step"])
    for r in steps:
        recorded = [goal_from_json(g) for g in r["goals"]]
        assert bag_key(state.goals) == bag_key(recorded), (thm.name, r["step"])
        focus = find_goal(state.goals, recorded[r["focus"]], r["focus"])
        action = transfer(action_from_json(r["action"]), recorded[r["focus"]], state.goals[focus])
        state = lean.run_tactic(state, render(action, state.goals[focus]), focus)
    if steps and steps[0]["complete"]:
        assert state.goals == (), thm.name
    return len(steps)


def test_goal_keys_are_equal_up_to_universe_level_metavariables():
    """`have h := @P` of a universe-polymorphic P leaves `Sort ?u` whose id depends on the session:
    the recorded and the replayed goal must still compare equal (and differ from a fixed level)."""
    from lean_bridge.term import goal_key, state_key
    from lean_bridge.types import Expression, Goal, Hypothesis

    def goal(level: str) -> Goal:
        hyp = Hypothesis(name="β", type=Expression(pp="Sort ?u", sexp_text=f"(:sort {level})"), value=None,
                         fvar_id="_uniq.1")
        return Goal(hypotheses=(hyp,), target=Expression(pp="β", sexp_text="(:fv _uniq.1)"), case=None, mvar_id="m")

    assert goal_key(goal("(:mv _uniq.5)")) == goal_key(goal("(:mv _uniq.77)"))
    assert goal_key(goal("(+ (:mv _uniq.5) 1)")) == goal_key(goal("(+ (:mv _uniq.9) 1)"))
    assert goal_key(goal("(:mv _uniq.5)")) != goal_key(goal("u"))
    assert state_key([goal("(:mv _uniq.5)")]) == state_key([goal("(:mv _uniq.6)")])


STDLIB = Path(__file__).resolve().parents[2] / "datasets" / "stdlib"
NEW_KINDS = {"have_premise", "have_hyp", "specialize_last_hyp", "revert_hyp", "clear_hyp"}


@pytest.mark.skipif(not (STDLIB / "atomized.jsonl").is_file(), reason="datasets/stdlib/atomized.jsonl not generated")
def test_shipped_corpus_scripts_with_the_new_kinds_replay():
    """Every shipped theorem whose script uses one of the new kinds, replayed in the corpus' one
    environment (Logic, Nat, List in order): each action is accepted on its recorded goals, and
    complete scripts close the theorem."""
    records = list(read_jsonl(STDLIB / "atomized.jsonl"))
    using = {r["theorem"] for r in records if r["action"]["kind"] in NEW_KINDS}
    assert len(using) >= 100
    used = [r for r in records if r["theorem"] in using]
    checked = 0
    with open_backend("embedded") as lean:
        env = Environment(lean)
        for name in ("Logic", "Nat", "List"):
            for thm in split_theorems((STDLIB / f"{name}.lean").read_text(encoding="utf-8")):
                checked += _replay_theorem(lean, env, thm, used)
    assert checked >= 1000
