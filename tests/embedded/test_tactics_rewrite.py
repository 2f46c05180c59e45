"""`rw`/`rewrite`/`rwa` and `simp` in the embedded checker: proofs written as Lean users write
them are accepted (and re-checked by the kernel); proofs Lean rejects are rejected, with Lean's
goal display and error texts."""

from __future__ import annotations

import pytest

from lean_bridge.embedded.checker import check_source, run_source

from embedded_support import deadline


def _check(src: str):
    with deadline(60):
        return check_source(src)


def _errors(src: str) -> list[str]:
    with deadline(60):
        _, messages = run_source(src)
    return [m.text for m in messages if m.severity == "error"]


ACCEPTED = {
    "rw_chain": "theorem t (a b c : Nat) (h₁ : a = b) (h₂ : b = c) : a = c := by rw [h₁, h₂]",
    "rw_backwards": "theorem t (a b : Nat) (h : a = b) : b = a := by rw [← h]",
    "rw_closes_by_rfl": "theorem t (a b : Nat) (h : a = b) : b = a := by rw [h]",
    "rewrite_then_rfl": "theorem t (a b : Nat) (h : a = b) : a + 0 = b := by\n  rewrite [h]\n  rfl",
    "rw_at_hyp": "theorem t (a b : Nat) (h : a = b) (h' : a + 1 = 5) : b + 1 = 5 := by\n  rw [h] at h'\n  exact h'",
    "rwa_at_hyp": "theorem t (a b : Nat) (h : a = b) (h' : a + 1 = 5) : b + 1 = 5 := by rwa [h] at h'",
    "rwa_goal": "theorem t (a b : Nat) (h : a = b) (h' : b + 1 = 5) : a + 1 = 5 := by rwa [h]",
    "rw_forall_hyp": "theorem t (f : Nat → Nat) (h : ∀ x, f x = x) (a : Nat) : f (f a) = a := by rw [h, h]",
    "rw_explicit_args": "theorem t (a b c : Nat) (hc : ∀ x y : Nat, x + y = y + x) (h : a + b = c) : b + a = c := by\n  rw [hc b a]\n  exact h",
    "rw_arg_hole": "theorem t (a b c : Nat) (hc : ∀ x y : Nat, x + y = y + x) (h : a + b = c) : b + a = c := by\n  rw [hc _ a]\n  exact h",
    "rw_first_instance": "theorem t (a b c : Nat) (hc : ∀ x y : Nat, x + y = y + x) (h : a + b = c) : b + a = c := by\n  rw [hc]\n  exact h",
    "rw_all_instances": "theorem t (a b : Nat) (h : b = a) : a + a = b + b := by rw [← h]",
    "rw_iff": "theorem t (p q : Prop) (h : p ↔ q) (hq : q) : p := by\n  rw [h]\n  exact hq",
    "rw_closes_iff": "theorem t (p q : Prop) (h : p ↔ q) : p ↔ q := by rw [h]",
    "rw_literal_arith": "theorem t (a : Nat) (h : a = 2) : a + 2 = 4 := by rw [h]",
    "rw_lemma_in_library": "theorem t (a b : Nat) (h : a = b) : a = b + 0 := by rw [Nat.add_zero, h]",
    "rw_universe_poly": "theorem t {α : Type u} (l m : List α) (h : l = m) : l ++ [] = m ++ [] := by rw [h]",
    "rw_at_goal_and_hyp": "theorem t (a b : Nat) (h : a = b) (h2 : a = 3) : a + 0 = 3 := by\n  rw [h] at h2 ⊢\n  exact h2",
    "rw_at_star": "theorem t (a b : Nat) (h : a = b) (h2 : a = 3) : b = 3 := by\n  rw [h] at *\n  exact h2",
    "rw_definition": "theorem t (a : Nat) (l : List Nat) : (a :: l).length = l.length + 1 := by rw [List.length]",
    "rw_user_definition": "def double (n : Nat) : Nat := n + n\ntheorem t (n : Nat) : double n = n + n := by rw [double]",
    "rw_side_goal": "theorem t (a : Nat) (hs : ∀ n, n ≠ 0 → n - 1 + 1 = n) (ha : a ≠ 0) : a - 1 + 1 = a := by\n  rw [hs a]\n  exact ha",
    "simp_only_hyp": "theorem t (a b : Nat) (h : a = b) : a = b := by simp only [h]",
    "simp_hyp_default": "theorem t (a b : Nat) (h : a = b) : a + 0 = b := by simp [h]",
    "simp_unfold": "theorem t (a : Nat) (l : List Nat) : (a :: l).length = l.length + 1 := by simp [List.length]",
    "simp_only_unfold": "theorem t : [1, 2, 3].length = 3 := by simp only [List.length]",
    "simp_nil_append": "theorem t (l : List Nat) : [] ++ l = l := by simp",
    "simp_length_literal": "theorem t : [1, 2, 3].length = 3 := by simp",
    "simp_map": "theorem t (f : Nat → Nat) : List.map f [1, 2] = [f 1, f 2] := by simp",
    "simp_forall_hyp": "theorem t (f : Nat → Nat) (h : ∀ x, f x = x) (a : Nat) : f (f a) = a := by simp [h]",
    "simp_prop_hyp": "theorem t (p : Prop) (hp : p) : p ∧ True := by simp [hp]",
    "simp_logic": "theorem t (p q : Prop) (hq : q) : (p ∨ q) ∧ (q ↔ q) := by simp [hq]",
    "simp_star": "theorem t (a b : Nat) (h : a = b) (h' : b = 1) : a = 1 := by simp [*]",
    "simp_at_hyp": "theorem t (a b : Nat) (h : a = b) (h2 : a + 0 = 3) : b = 3 := by\n  simp at h2\n  rw [← h]\n  exact h2",
    "simp_at_hyp_false": "theorem t (x : Nat) (h : x + 1 = 0) : False := by simp at h",
    "simp_ctor_injection": "theorem t (a b : Nat) (l m : List Nat) (h : a :: l = b :: m) : a = b := by\n  simp at h\n  exact h.1",
    "simp_ne": "theorem t (l : List Nat) (a : Nat) : (a :: l).length ≠ 0 := by simp",
    "simp_literals": "theorem t (x : Nat) (h : x = 3) : x * 2 = 6 := by simp [h]",
    "simp_refl": "theorem t (a : Nat) : a = a := by simp",
    "simp_implication": "theorem t (p q : Prop) (hq : q) : p → q := by simp [hq]",
    "simp_all": "theorem t (a b : Nat) (h1 : a = b) (h2 : b = 2) : a + 0 = 2 := by simp_all",
    "simpa_using": "theorem t (a b : Nat) (h : a + 0 = b) : b = a := by simpa using h.symm",
    "simp_backwards": "theorem t (a b : Nat) (h : b = a) : a = b := by simp [← h]",
}


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_accepted(name: str) -> None:
    results = _check(ACCEPTED[name])
    assert results and all(r.ok for r in results), [r.message for r in results if not r.ok]


REJECTED = {
    # the rewrite would need the other direction
    "rw_wrong_direction": "theorem t (a b : Nat) (h : a = b) (h' : a = 1) : b = 1 := by rw [h]; exact h'",
    # `rw` tries only `with_reducible rfl`: `0 + n = n` stays open
    "rw_leaves_zero_add": "theorem t (n m : Nat) (h : m = n) : 0 + m = n := by rw [h]",
    # `n + 0 = n` is not closed at reducible transparency either
    "rw_leaves_add_zero": "theorem t (n m : Nat) (h : m = n) : m + 0 = n := by rw [h]",
    "rw_under_binder": "theorem t (f : Nat → Nat) (h : ∀ x, f x = 0) : (fun y => f y) = (fun _ => 0) := by rw [h]",
    "rw_not_an_equation": "theorem t (p : Prop) (hp : p) (a : Nat) : a = a + 0 := by rw [hp]",
    "simp_false_goal": "theorem t : (1 : Nat) = 2 := by simp",
    "simp_no_induction_lemmas": "theorem t (n : Nat) : 0 + n = n := by simp",
    "simp_only_without_lemma": "theorem t (l : List Nat) : [] ++ l = l := by simp only []",
    "simp_wrong_hyp": "theorem t (a b c : Nat) (h : a = b) : a = c := by simp [h]",
}


@pytest.mark.parametrize("name", sorted(REJECTED))
def test_rejected(name: str) -> None:
    results = _check(REJECTED[name])
    assert results and not all(r.ok for r in results)


def test_pattern_not_found_message() -> None:
    errors = _errors("theorem t (a b : Nat) (h : a = b) : b + 1 = 2 := by rw [h]")
    assert errors == ["tactic 'rewrite' failed, did not find instance of the pattern in the target expression\n"
                      "  a\n\na b : Nat\nh : a = b\n⊢ b + 1 = 2"]


def test_pattern_with_holes_is_shown_with_binder_names() -> None:
    errors = _errors("theorem t (f : Nat → Nat) (h : ∀ x, f x = 0) : (fun y => f y) = (fun _ => 0) := by rw [h]")
    assert errors and errors[0].startswith(
        "tactic 'rewrite' failed, did not find instance of the pattern in the target expression\n  f ?x\n\n")


def test_rw_leaves_goal_open_with_lean_display() -> None:
    errors = _errors("theorem t (n m : Nat) (h : m = n) : 0 + m = n := by rw [h]")
    assert errors == ["unsolved goals\nn m : Nat\nh : m = n\n⊢ 0 + n = n"]


def test_equality_expected_message() -> None:
    errors = _errors("theorem t (p : Prop) (hp : p) (a : Nat) : a = a + 0 := by rw [hp]")
    assert errors and errors[0].startswith("tactic 'rewrite' failed, equality or iff proof expected\n  p\n\n")


def test_motive_not_type_correct() -> None:
    errors = _errors("theorem t (n : Nat) (h : n = 0) (f : (k : Nat) → k = n → Nat) : f n rfl = f n rfl := by rw [h]")
    assert errors and errors[0].startswith("tactic 'rewrite' failed, motive is not type correct")


def test_rw_at_hyp_replaces_it_in_place() -> None:
    errors = _errors("theorem t (a b : Nat) (h : a = b) (h' : a + 1 = 5) (c : Nat) : c = c + 1 := by\n"
                     "  rw [h] at h'")
    assert errors == ["unsolved goals\na b : Nat\nh : a = b\nh' : b + 1 = 5\nc : Nat\n⊢ c = c + 1"]


def test_rw_side_goals_come_after_main_goal() -> None:
    errors = _errors("theorem t (a : Nat) (hs : ∀ n, n ≠ 0 → n - 1 + 1 = n) : a - 1 + 1 = a := by\n"
                     "  rw [hs a]")
    assert len(errors) == 1
    text = errors[0]
    assert text.startswith("unsolved goals\n")
    assert "⊢ a ≠ 0" in text and "⊢ a = a" not in text  # the main goal closed by rfl, the side goal stays


def test_simp_no_progress_message() -> None:
    errors = _errors("theorem t (n : Nat) : 0 + n = n := by simp")
    assert errors == ["simp made no progress"]


def test_simp_false_goal_leaves_false() -> None:
    errors = _errors("theorem t : (1 : Nat) = 2 := by simp")
    assert errors == ["unsolved goals\n⊢ False"]


def test_proofs_use_only_lean_axioms() -> None:
    results = _check("theorem t (l : List Nat) : [] ++ l = l := by simp\n"
                     "theorem u (a b : Nat) (h : a = b) : b = a := by rw [h]")
    assert all(r.ok for r in results)
    assert set(results[1].axioms) == set()
    assert set(results[0].axioms) <= {"propext"}
