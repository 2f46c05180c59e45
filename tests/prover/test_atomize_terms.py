"""Term proofs and pattern-matching proofs, traced and atomized (real embedded server, no mocks).

Equations (``| 0 => … | n+1 => … t n …``) and top-level ``match`` proofs are traced through their
synthesized reading (``prover.equations``: intro, induction/cases, recursive calls as ``ih``); term
proofs are decomposed by ``prover.reading`` (``.inl`` against the goal, ``f ∘ g``, ``Or.rec f g``,
``h.elim f g``, ``P a ▸ e``). Each small theorem must be wholly atomized and its atomic script must
replay to a closed proof; the Lean-core-style file ``data/core_terms_equations.lean`` must reach
80% coverage."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from lean_bridge.syntax import ast
from prover.data import read_jsonl, run_atomize, run_trace
from prover.equations import equations_script
from prover.trace import split_theorems

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_atomize_forward import _replay_atomized, trace_and_atomize  # noqa: E402

SOURCE = """\
namespace Eqn

theorem add_succ' (n m : Nat) : n + (m + 1) = (n + m) + 1 := rfl

theorem zero_add' : ∀ (n : Nat), 0 + n = n
  | 0 => rfl
  | n+1 => by rw [add_succ', zero_add' n]

theorem add_zero_le : ∀ (n k : Nat), n ≤ n + k
  | n, 0 => Nat.le_refl n
  | n, k+1 => Nat.le_succ_of_le (add_zero_le n k)

theorem le_trans' {n m k : Nat} : n ≤ m → m ≤ k → n ≤ k
  | h, Nat.le.refl => h
  | h, Nat.le.step h' => Nat.le.step (le_trans' h h')

theorem pos_or_zero : ∀ (n : Nat), n = 0 ∨ 0 < n
  | 0 => .inl rfl
  | n+1 => .inr (Nat.succ_pos n)

theorem and_not {a : Prop} : ¬(a ∧ ¬a)
  | ⟨ha, hn⟩ => hn ha

theorem exists_left {p q : Nat → Prop} : (∃ x, p x ∧ q x) → ∃ x, p x
  | ⟨x, hp, _⟩ => ⟨x, hp⟩

theorem cons_of_ne_nil {α : Type} : ∀ {l : List α}, l ≠ [] → ∃ b L, l = b :: L
  | c :: l', _ => ⟨c, l', rfl⟩

theorem antisymm {n m : Nat} (h₁ : n ≤ m) (h₂ : m ≤ n) : n = m :=
  match h₁ with
  | Nat.le.refl => rfl
  | Nat.le.step h => absurd (Nat.lt_of_le_of_lt h h₂) (Nat.lt_irrefl n)

theorem dot_ctor {a b : Prop} (f : a → b) (c : Prop) : a ∨ c → b ∨ c := .imp f id

theorem compose {a b c : Prop} (f : b → c) (g : a → b) : a → c := f ∘ g

theorem rec_fn {a b : Prop} : a ∨ b → b ∨ a := .rec .inr .inl

theorem elim_fns {a b : Prop} (h : a ∨ b) : b ∨ a := h.elim .inr .inl

theorem subst_fact (n : Nat) (h : n + 0 = 5) : n = 5 := Nat.add_zero n ▸ h

theorem fun_match {a b : Prop} : a ∨ b → b ∨ a := fun | .inl h => .inr h | .inr h => .inl h

theorem no_fun (n : Nat) : Nat.succ n ≤ 0 → False := nofun

theorem dite_or {a b : Prop} [Decidable a] (h : a → b) : ¬a ∨ b := if ha : a then .inr (h ha) else .inl ha

theorem named_fun {p q : Prop} (hq : q) : (p → q) → p → q ∧ p := fun hpq hp => ⟨hpq hp, hp⟩

end Eqn
"""

NAMES = ["zero_add'", "add_zero_le", "le_trans'", "pos_or_zero", "and_not", "exists_left", "cons_of_ne_nil",
         "antisymm", "dot_ctor", "compose", "rec_fn", "elim_fns", "subst_fact", "fun_match", "no_fun", "dite_or",
         "named_fun"]


@pytest.fixture(scope="module")
def terms(tmp_path_factory):
    source, traces, records, report = trace_and_atomize(tmp_path_factory.mktemp("terms"), "Eqn.lean", SOURCE)
    return source, list(read_jsonl(traces)), records, report


def _kinds(records, theorem):
    return [r["action"]["kind"] for r in sorted(records, key=lambda r: r["step"]) if r["theorem"] == theorem]


def test_pattern_matching_proofs_are_traced_through_their_reading(terms):
    _, traces, _, _ = terms
    by_name = {t["theorem"]: t for t in traces}
    assert all(t["ok"] for t in traces), [(t["theorem"], t["error"]) for t in traces if not t["ok"]]
    tactics = [s["tactic"] for s in by_name["Eqn.zero_add'"]["steps"]]
    assert tactics[:2] == ["intro x_1", "induction x_1"]
    assert "rw [add_succ', ih]" in tactics  # the recursive call is the induction hypothesis
    assert [s["tactic"] for s in by_name["Eqn.antisymm"]["steps"]][0] == "cases h₁"


def test_every_rule_atomizes_and_replays(terms):
    source, _, records, report = terms
    complete = {r["theorem"] for r in records if r["complete"]}
    assert {f"Eqn.{n}" for n in NAMES} <= complete, report["failures"]
    assert _kinds(records, "Eqn.zero_add'")[:2] == ["intro", "induction_hyp"]
    assert _kinds(records, "Eqn.and_not")[:2] == ["intro", "cases_hyp"]
    assert _kinds(records, "Eqn.compose")[:2] == ["intro", "apply_hyp"]
    assert _kinds(records, "Eqn.rec_fn")[:2] == ["intro", "cases_hyp"]
    assert _kinds(records, "Eqn.subst_fact")[:2] == ["have_premise", "specialize_last_hyp"]
    assert _kinds(records, "Eqn.dite_or")[0] == "by_cases_subterm"
    assert _kinds(records, "Eqn.fun_match")[:2] == ["intro", "cases_hyp"]
    assert _replay_atomized(source, records) >= 50


def test_generalized_recursion_passes_the_changed_arguments():
    """A recursive call that changes another column generalizes it and passes it to ``ih``."""
    text = """theorem t : ∀ (n m : Nat), n + m = m + n
  | 0, m => sorry
  | n+1, m => f (t n (m + 1))
"""
    thm = split_theorems(text)[0]
    assert isinstance(thm.proof, ast.Equations)
    script = equations_script(thm.name, thm.binders, thm.type, thm.proof, thm.proof_text, thm.proof_pos)
    assert "induction x_1 generalizing m with" in script
    assert "exact f (ih (m + 1))" in script


def test_a_wrong_equations_proof_does_not_replay(tmp_path):
    """The reading is only a reading: a recursive call that does not prove the case fails in the checker."""
    source = tmp_path / "Bad.lean"
    source.write_text("theorem bad : ∀ (n : Nat), n = 0\n  | 0 => rfl\n  | n+1 => bad n\n", encoding="utf-8")
    traces = tmp_path / "traces.jsonl"
    run_trace(source, traces, progress=False)
    (record,) = list(read_jsonl(traces))
    assert not record["ok"]


CORE = Path(__file__).resolve().parent / "data" / "core_terms_equations.lean"


def test_lean_core_style_terms_and_equations_coverage(tmp_path):
    traces, atomized = tmp_path / "traces.jsonl", tmp_path / "atomized.jsonl"
    run_trace(CORE, traces, progress=False)
    report = run_atomize(traces, atomized, None, progress=False)
    assert report["theorems"] == 32
    assert all(t["ok"] for t in read_jsonl(traces))
    assert report["atomized"] / report["theorems"] >= 0.8, report["failures"]
