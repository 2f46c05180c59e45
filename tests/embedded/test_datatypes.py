"""Calc chains through `Trans`, `Prod`, `Option`, `HEq`/`cast` and Lean's List functions, as Lean core
writes proofs with them. Each test checks a small file with the real checker: valid Lean accepted,
a false twin rejected. Adversarial variants are the `dt_` entries of `soundness_cases.py`."""
from __future__ import annotations

from pathlib import Path

from lean_bridge.embedded.checker import check_source

from embedded_support import assert_accepted, assert_rejected, deadline


# -- simp/unfold with the equations of an accumulator function ------------------------------------

def test_simp_unfolds_tail_recursive_equation() -> None:
    assert_accepted("""
        theorem t1 (a : Nat) (as bs : List Nat) : List.reverseAux (a :: as) bs = List.reverseAux as (a :: bs) := by
          simp [List.reverseAux]
        theorem t2 (a : Nat) (as bs : List Nat) : List.reverseAux (a :: as) bs = List.reverseAux as (a :: bs) := by
          unfold List.reverseAux
          rfl
    """, "t1", "t2")
    assert_rejected("""
        theorem bad (a : Nat) (as bs : List Nat) : List.reverseAux (a :: as) bs = List.reverseAux as bs := by
          simp [List.reverseAux]
    """, "bad")


# -- calc: term and tactic, chains through `Trans` ---------------------------------------------------

def test_calc_term_mixes_eq_le_lt_through_trans() -> None:
    assert_accepted("""
        theorem c1 (a b c d : Nat) (h1 : a ≤ b) (h2 : b < c) (h3 : c = d) : a < d :=
          calc a ≤ b := h1
            _ < c := h2
            _ = d := h3
        theorem c2 (a b c d : Nat) (h1 : a = b) (h2 : b ≤ c) (h3 : c ≤ d) : a ≤ d :=
          calc a = b := h1
            _ ≤ c := h2
            _ ≤ d := h3
        theorem c3 (a b c : Nat) (h1 : a < b) (h2 : b ≤ c) : a < c :=
          calc a < b := h1
            _ ≤ c := h2
        theorem c4 (a b c : Nat) (h1 : a < b) (h2 : b < c) : a < c := calc a < b := h1
          _ < c := h2
        theorem c5 (a b : Nat) (h1 : a = b) : a = b :=
          calc a
            _ = b := h1
        theorem c6 (p q r : Prop) (h1 : p ↔ q) (h2 : q = r) : p ↔ r :=
          calc p ↔ q := h1
            _ = r := h2
        theorem c7 (a b c : Nat) (h1 : a ≤ b) (h2 : b < c) : a < c := Trans.trans h1 h2
    """, "c1", "c2", "c3", "c4", "c5", "c6", "c7")
    assert_rejected("""
        theorem bad (a b c : Nat) (h1 : a ≤ b) (h2 : b ≤ c) : a < c :=
          calc a ≤ b := h1
            _ ≤ c := h2
    """, "bad", "mismatch")


def test_calc_tactic() -> None:
    assert_accepted("""
        theorem c1 (a b c d : Nat) (h1 : a ≤ b) (h2 : b < c) (h3 : c = d) : a < d := by
          calc a ≤ b := h1
               _ < c := h2
               _ = d := h3
        theorem c2 (a b c : Nat) (h1 : a = b) (h2 : b = c) : a = c := by
          calc a = b := h1
          exact h2
        theorem c3 (a b c : Nat) (h1 : a = b) (h2 : b = c) : a = c := by
          calc a = b := ?_
            _ = c := h2
          exact h1
        theorem c4 (a b : Nat) (h : b = a) : a = b := by
          calc _ = a := rfl
            _ = b := h.symm
        theorem c5 (n : Nat) : n < n + 2 := by
          calc n < n + 1 := Nat.lt_succ_self n
            _ < n + 2 := by exact Nat.lt_succ_self (n + 1)
        theorem c6 (a b c : Nat) (h1 : a ≤ b) (h2 : b < c) : a < c := by
          calc a ≤ b := h1
          exact h2
    """, "c1", "c2", "c3", "c4", "c5", "c6")
    assert_rejected("""
        theorem bad (a b c : Nat) (h1 : a = b) (h2 : b = c) : a = c := by
          calc a = b := h1
    """, "bad", "unsolved goals")
    assert_rejected("""
        theorem bad (a b : Nat) (h1 : a ≤ b) : a < b := by
          calc a ≤ b := h1
          exact Nat.le_refl _
    """, "bad", "mismatch")
