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
