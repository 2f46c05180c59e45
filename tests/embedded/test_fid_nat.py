"""Lean core's Nat files as written (issue 11, fid-nat): implicit lambdas, `flip`, `h ▸ e` rewriting
`e`'s type, contradictory missing cases, the `rfl` pattern, `suffices`, `induction … with tac | …`,
`^`, beta-reduced match fields, restating Lean core's simp lemmas and `Nat.blt`. Each test checks a
small file with the embedded checker (valid Lean accepted, a false twin rejected); adversarial variants
are the `fid_nat_` cases of `soundness_cases.py`.
"""
from __future__ import annotations

from pathlib import Path

from lean_bridge.embedded.checker import check_source

from embedded_support import assert_accepted, assert_rejected, deadline


def test_implicit_lambda_introduces_the_expected_implicit_binders() -> None:
    assert_accepted("""
        theorem gt_of_not_le' {n m : Nat} (h : ¬ n ≤ m) : n > m := (Nat.lt_or_ge m n).resolve_right h
        theorem lt_of_not_le' : ∀ {a b : Nat}, ¬(a ≤ b) → b < a := gt_of_not_le'
        theorem inst_lambda : ∀ {p : Prop} [Decidable p], p → p := id
    """, "lt_of_not_le'", "inst_lambda")
    assert_rejected("""
        theorem bad : ∀ {a b : Nat}, a < b → b < a := fun h => h
    """, "bad", "mismatch")


def test_explicit_at_and_fun_with_implicit_binder_block_the_implicit_lambda() -> None:
    assert_accepted("""
        theorem le_of_not_le' {a b : Nat} (h : ¬ b ≤ a) : a ≤ b :=
          Nat.le_of_lt_succ (Nat.le_succ_of_le ((Nat.lt_or_ge a b).elim id fun h' => absurd h' h))
        theorem le_of_not_ge' : ∀ {a b : Nat}, ¬(a ≥ b) → a ≤ b := @le_of_not_le'
        theorem id' : ∀ {n : Nat}, n = n := fun {n} => rfl
    """, "le_of_not_ge'", "id'")


def test_flip_is_lean_core_flip() -> None:
    assert_accepted("""
        theorem f1 : flip Nat.sub 1 3 = 2 := rfl
        theorem f2 (p q : Prop) (hpq : p → q → False) : q → p → False := flip hpq
    """, "f1")
    assert_rejected("theorem bad : flip Nat.sub 1 3 = 0 := rfl", "bad", "mismatch")


def test_subst_rewrites_the_arguments_type_when_the_expected_type_needs_it() -> None:
    assert_accepted("""
        theorem ne_of_lt' {a b : Nat} (h : a < b) : a ≠ b := fun he => absurd (he ▸ h) (Nat.lt_irrefl a)
    """, "ne_of_lt'")
    assert_rejected("""
        theorem bad {a b c : Nat} (he : a = b) (h : c < b) : a < c := he ▸ h
    """, "bad")


def test_missing_cases_with_a_contradictory_hypothesis_are_closed() -> None:
    assert_accepted("""
        theorem e1 : ∀ {n m : Nat}, n + m = 0 → n = 0 ∧ m = 0
          | 0, 0, _ => ⟨rfl, rfl⟩
          | _+1, 0, h => Nat.noConfusion h
        theorem e2 : ∀ {a b : Nat}, 0 < a → 0 < b → Nat.pred a = Nat.pred b → a = b
          | _+1, _+1, _, _ => congrArg Nat.succ
        theorem e3 : ∀ {n : Nat}, n ≠ 0 → Nat.succ (Nat.pred n) = n
          | _+1, _ => rfl
    """, "e1", "e2", "e3")
    assert_rejected("""
        theorem bad : ∀ {n : Nat}, n ≠ 1 → n = 0
          | 0, _ => rfl
    """, "bad", "missing cases")


def test_missing_case_with_an_unnamed_empty_family_hypothesis_is_closed() -> None:
    assert_accepted("""
        theorem e4 : ∀ {n m k : Nat}, k ≤ m → n - k ≤ m - k → n ≤ m
          | 0, _, _, _, _ => Nat.zero_le _
          | _+1, _, 0, _, h₁ => h₁
          | n+1, m+1, k+1, h₀, h₁ => Nat.succ_le_succ (e4 (Nat.le_of_succ_le_succ h₀) (by
              have := h₁
              exact (Nat.rec (motive := fun k => n + 1 - (k + 1) = n - k) rfl (fun _ ih => congrArg Nat.pred ih) k) ▸
                (Nat.rec (motive := fun k => m + 1 - (k + 1) = m - k) rfl (fun _ ih => congrArg Nat.pred ih) k) ▸ this))
    """, "e4")


def test_let_pattern_tactic_destructures() -> None:
    assert_accepted("""
        theorem l1 {n m : Nat} (h : ∃ k, n + k = m) : ∃ k, n + k = m + 0 := by
          let ⟨k, hk⟩ := h
          exact ⟨k, hk⟩
    """, "l1")
    assert_rejected("""
        theorem bad {n m : Nat} (h : ∃ k, n + k = m) : n = m := by
          let ⟨k, hk⟩ := h
          exact hk
    """, "bad", "mismatch")


def test_rfl_pattern_is_eq_refl() -> None:
    assert_accepted("""
        theorem r1 {n m : Nat} (h : n = m) : n ≤ m := match h with | rfl => Nat.le_refl _
        theorem r2 {n m : Nat} : n < m ∨ n = m → n ≤ m
          | .inl h => Nat.le_trans (Nat.le_succ n) h
          | .inr rfl => Nat.le_refl _
    """, "r1", "r2")
    assert_rejected("""
        theorem bad {n m : Nat} : n = m + 0 → n = m + 1 := fun | rfl => rfl
    """, "bad")


def test_suffices_term() -> None:
    assert_accepted("""
        theorem s1 (p q : Prop) (hp : p) (h : p → q) : q :=
          suffices hh : p from h hh
          hp
        theorem s2 (n : Nat) : n + 0 = n :=
          suffices n = n by exact this
          rfl
    """, "s1", "s2")
    assert_rejected("""
        theorem bad (p q : Prop) (hp : p) : q :=
          suffices p from this
          hp
    """, "bad", "mismatch")


def test_induction_with_pre_tactic() -> None:
    assert_accepted("""
        theorem b1 (a : Nat) : Nat.beq a a = true := by
          induction a with simp only [Nat.beq]
          | succ a ih => exact ih
        theorem b2 (a : Nat) : a + 0 = a := by
          induction a with rfl
        theorem b3 (a : Nat) : a - 0 = a := by
          cases a with rfl
    """, "b1", "b2", "b3")
    assert_rejected("""
        theorem bad (n : Nat) : n = 0 := by
          induction n with skip
          | zero => rfl
    """, "bad", "has not been provided")


def test_pow_through_lean_core_classes() -> None:
    assert_accepted("""
        theorem p1 (n m : Nat) : n ^ Nat.succ m = n ^ m * n := rfl
        theorem p2 (n : Nat) : n ^ 0 = 1 := rfl
        theorem p3 : 2 ^ 10 = 1024 := by decide
        theorem p4 : @HPow.hPow Nat Nat Nat instHPow 2 3 = Nat.pow 2 3 := rfl
    """, "p1", "p2", "p3", "p4")
    assert_rejected("theorem bad : 2 ^ 3 = 6 := by decide", "bad")


def test_match_field_types_are_beta_reduced() -> None:
    assert_accepted("""
        theorem m2 {a c : Nat} (h : ∃ d, a + d + 0 = c) : ∃ d, a + d = c :=
          match h with
          | ⟨d, hd⟩ => by rw [Nat.add_zero] at hd; exact ⟨d, hd⟩
    """, "m2")
    assert_rejected("""
        theorem bad {a c : Nat} (h : ∃ d, a + d = c) : a = c :=
          match h with
          | ⟨d, hd⟩ => hd
    """, "bad", "mismatch")


def test_core_simp_lemmas_and_blt_may_be_restated_as_lean_states_them() -> None:
    assert_accepted("""
        theorem Nat.zero_eq : Nat.zero = 0 := rfl
        theorem Nat.add_eq : Nat.add x y = x + y := rfl
        protected theorem Nat.mul_zero (n : Nat) : n * 0 = 0 := rfl
        def Nat.blt (a b : Nat) : Bool := Nat.ble a.succ b
        theorem blt_two_three : Nat.blt 2 3 = true := rfl
    """, "Nat.zero_eq", "Nat.add_eq", "Nat.blt")
    assert_rejected("theorem Nat.zero_eq : Nat.zero = 1 := rfl", "Nat.zero_eq")
    assert_rejected("def Nat.blt (a b : Nat) : Bool := Nat.ble a b", "Nat.blt", "already")


def test_injection_tactic() -> None:
    assert_accepted("""
        theorem i1 {a b : Nat} (h : a + 1 = b + 1) : a = b := by
          injection h with h'
          exact h'
        theorem i2 {a : Nat} (h : a + 1 = 0) : False := by
          injection h
        theorem i3 {a b : List Nat} {x y : Nat} (h : x :: a = y :: b) : a = b := by
          injection h with hx hl
          exact hl
    """, "i1", "i2", "i3")
    assert_rejected("""
        theorem bad {a b : Nat} (h : a + 1 = b + 2) : a = b := by
          injection h with h'
          exact h'
    """, "bad", "mismatch")


def test_cases_solves_an_equation_whose_side_reduces_to_a_variable() -> None:
    assert_accepted("""
        theorem pred_eq_succ_iff' {n m : Nat} : n - 1 = m + 1 ↔ n = m + 2 := by
          cases n <;> constructor <;> rintro ⟨⟩ <;> rfl
        theorem u2 {n m : Nat} (h : m + 1 = n + 1 - 1) : n = m + 1 := by
          cases h
          rfl
    """, "pred_eq_succ_iff'", "u2")
    assert_rejected("""
        theorem bad {n m : Nat} (h : m + 1 = n + 1 - 1) : n = m := by
          cases h
          rfl
    """, "bad")


# -- the measure: Lean core's Nat theorems in Lean core's style -------------------------------------

def test_lean_core_nat2_fully_accepted() -> None:
    text = (Path(__file__).parent / "data" / "lean_core_nat2.lean").read_text(encoding="utf-8")
    with deadline(300):
        results = check_source(text, filename="lean_core_nat2.lean")
    assert len(results) >= 40
    rejected = [f"{r.name}: {r.message}" for r in results if not r.ok]
    assert not rejected, "; ".join(rejected)[:3000]
