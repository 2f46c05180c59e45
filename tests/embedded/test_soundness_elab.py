"""Issue 8, items 2–9: the elaborator and kernel do what Lean 4 does, one test per cause.

Each `test_<cause>_*` checks a small file with the embedded checker and asserts the verdict of
one declaration (rejected with Lean's wording, or accepted for the valid-Lean twins). The
adversarial variants of the same causes are also in `soundness_cases.py` (end of the lists).
"""
from __future__ import annotations

import textwrap

import pytest

from lean_bridge.embedded.checker import check_source

from embedded_support import deadline


def verdicts(source: str) -> dict[str, tuple[bool, str]]:
    """name -> (accepted, message) for each declaration of `source` (the last of a repeated name)."""
    with deadline():
        results = check_source(textwrap.dedent(source).strip() + "\n", filename="t.lean")
    return {r.name: (r.ok, r.message or "") for r in results}


def assert_rejected(source: str, name: str, wording: str = "") -> None:
    """`name` is reported and rejected, with `wording` in its message when given."""
    got = verdicts(source)
    assert name in got, f"{name} not reported: {got}"
    ok, message = got[name]
    assert not ok, f"UNSOUND: {name} accepted"
    assert wording.lower() in message.lower(), f"{name}: expected {wording!r} in {message!r}"


def assert_accepted(source: str, *names: str) -> None:
    """Every declaration of `source` is accepted (and each of `names` is reported)."""
    got = verdicts(source)
    for name in names:
        assert name in got, f"{name} not reported: {got}"
    bad = {n: m for n, (ok, m) in got.items() if not ok}
    assert not bad, f"valid Lean rejected: {bad}"


# ----------------------------------------------------------------- 9. kernel: no eta for proofs

@pytest.mark.parametrize("term", [
    "@And.rec p q (fun _ => Nat) (fun _ _ => 5) h",
    "@And.casesOn p q (fun _ => Nat) h (fun _ _ => 5)",
])
def test_kernel_does_not_eta_expand_a_proof_of_and(term: str) -> None:
    assert_rejected(f"theorem bad (p q : Prop) (h : p ∧ q) : {term} = 5 := rfl", "bad", "mismatch")


def test_kernel_does_not_eta_expand_iff_or_user_prop_structures() -> None:
    assert_rejected("theorem bad (p q : Prop) (h : p ↔ q) : @Iff.rec p q (fun _ => Nat) (fun _ _ => 5) h = 5 := rfl",
                    "bad", "mismatch")
    assert_rejected("""
        structure P (a : Prop) : Prop where
          x : a
        theorem bad (p : Prop) (h : P p) : @P.rec p (fun _ => Nat) (fun _ => 5) h = 5 := rfl
    """, "bad", "mismatch")


def test_kernel_keeps_structure_eta_for_types() -> None:
    assert_accepted("""
        structure S where
          a : Nat
          b : Nat
        theorem good (s : S) : @S.rec (fun _ => Nat) (fun a _ => a) s = s.a := rfl
        theorem good2 (p q : Prop) (hp : p) (hq : q) : @And.rec p q (fun _ => Nat) (fun _ _ => 5) ⟨hp, hq⟩ = 5 := rfl
    """, "good", "good2")


def test_unit_structure_eta() -> None:
    assert_accepted("""
        structure U where
        theorem good (a b : U) : a = b := rfl
    """, "good")
