"""Lean core's Nat files as written, third pass (issue 11, fid-nat3): Lean's offset unification
(`Nat.succ (k + 0) =?= Nat.succ ?m` solves `?m := k`, as `isDefEqOffsetNat`). Each test checks a small
file with the embedded checker (valid Lean accepted, a false twin rejected); adversarial variants are
the `fid_nat3_` cases of `soundness_cases.py`.
"""
from __future__ import annotations

from pathlib import Path

from lean_bridge.embedded.checker import check_source

from embedded_support import assert_accepted, assert_rejected, deadline


def test_offset_unification_peels_a_zero_offset_below_succ() -> None:
    # Lean core's `Nat.sub_sub`: `rw [Nat.add_succ]` turns `k + 1` into `succ (k + 0)`; the next
    # `Nat.sub_succ` matches `succ (k + 0)` as the offset `k + 1`, so `ih` (about `k`) applies
    assert_accepted("""
        theorem add_succ' (n m : Nat) : n + Nat.succ m = Nat.succ (n + m) := rfl
        theorem sub_succ' (n m : Nat) : n - Nat.succ m = Nat.pred (n - m) := rfl
        theorem sub_sub' (n m k : Nat) : n - m - k = n - (m + k) := by
          induction k with
          | zero => rfl
          | succ k ih => rw [add_succ', sub_succ', add_succ', sub_succ', ih]
    """, "sub_sub'")
    assert_rejected("""
        theorem add_succ' (n m : Nat) : n + Nat.succ m = Nat.succ (n + m) := rfl
        theorem sub_succ' (n m : Nat) : n - Nat.succ m = Nat.pred (n - m) := rfl
        theorem bad (n m k : Nat) : n - m - k = n - (m + k + 1) := by
          induction k with
          | zero => rfl
          | succ k ih => rw [add_succ', sub_succ', add_succ', sub_succ', ih]
    """, "bad")
