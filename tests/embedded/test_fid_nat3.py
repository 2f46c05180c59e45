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


def test_div_mod_dvd_are_lean_cores_and_compute_on_numerals() -> None:
    # Lean's Init/Prelude.lean `Nat.div`/`Nat.mod` (through fuel) and `Dvd`: numerals compute, `0 % n`
    # reduces by `Nat.mod`'s first equation, `∣` is `Dvd.dvd` with Nat's `∃ c, b = a * c`
    assert_accepted("""
        theorem d1 : 17 / 5 = 3 := rfl
        theorem d2 : 17 % 5 = 2 := by decide
        theorem d3 : 7 / 0 = 0 ∧ 7 % 0 = 7 := ⟨rfl, rfl⟩
        theorem d4 (n : Nat) : 0 % n = 0 := rfl
        theorem d5 : (3 : Nat) ∣ 12 := ⟨4, rfl⟩
        theorem d6 (a b : Nat) (h : a ∣ b) : ∃ c, b = a * c := h
    """, "d1", "d2", "d3", "d4", "d5", "d6")
    assert_rejected("theorem bad : 17 / 5 = 4 := by decide", "bad", "false")
    assert_rejected("theorem bad : (2 : Nat) ∣ 3 := ⟨1, rfl⟩", "bad")


def test_nat_div_is_irreducible_for_the_elaborator_as_in_lean() -> None:
    # `Nat.div` is `@[irreducible]` in Lean: `x / 0 = 0` is no `rfl` for the elaborator; Lean core goes
    # through the equation `Nat.div_eq`
    assert_rejected("theorem div_zero' (x : Nat) : x / 0 = 0 := rfl", "div_zero'", "mismatch")
    assert_accepted("""
        theorem div_zero' (n : Nat) : n / 0 = 0 := by
          rw [Nat.div_eq]
          exact if_neg (fun ⟨h, _⟩ => Nat.lt_irrefl 0 h)
    """, "div_zero'")


def test_lean_core_div_mod_lemmas_in_lean_cores_style() -> None:
    text = (Path(__file__).parent / "data" / "lean_core_nat3.lean").read_text(encoding="utf-8")
    with deadline(300):
        results = check_source(text, filename="lean_core_nat3.lean")
    assert len(results) >= 8
    rejected = [f"{r.name}: {r.message}" for r in results if not r.ok]
    assert not rejected, "; ".join(rejected)[:3000]


def test_let_and_have_with_a_pattern_are_a_match() -> None:
    # Lean's macro: `let ⟨c, h⟩ := e; b` is `match e with | ⟨c, h⟩ => b` (Dvd.lean writes this way)
    assert_accepted("""
        theorem zero_mul' (n : Nat) : 0 * n = 0 := by
          induction n with
          | zero => rfl
          | succ n ih => exact ih
        theorem eq_zero_of_zero_dvd' {a : Nat} (h : ∃ c, a = 0 * c) : a = 0 :=
          let ⟨c, hc⟩ := h; hc.trans (zero_mul' c)
        theorem and_swap' {p q : Prop} (h : p ∧ q) : q ∧ p :=
          have ⟨hp, hq⟩ := h
          ⟨hq, hp⟩
        theorem typed' (h : ∃ n : Nat, n = n) : True :=
          let ⟨_, _⟩ : ∃ n : Nat, n = n := h; trivial
    """, "eq_zero_of_zero_dvd'", "and_swap'", "typed'")
    assert_rejected("""
        theorem bad {p q : Prop} (h : p ∧ q) : p ∧ p :=
          let ⟨_, hq⟩ := h; ⟨hq, hq⟩
    """, "bad", "mismatch")


def test_rfl_pattern_on_an_equation_whose_variable_side_is_the_left() -> None:
    # Lean's `Nat.le_zero` (`fun | rfl => …` on `h : i = 0`) and Dvd.lean's `⟨d, rfl⟩` on `b = a * d`: the
    # match substitutes the variable side by the other
    assert_accepted("""
        theorem le_zero' {i : Nat} : i ≤ 0 ↔ i = 0 := ⟨fun h => by cases h; rfl, fun | rfl => Nat.le_refl _⟩
        theorem ne_zero' {n m : Nat} (h : n = m + 1) : n ≠ 0 := match h with | rfl => Nat.succ_ne_zero m
        theorem witness' : ∀ {a b : Nat}, (∃ d, b = a * d) → ∃ e, b = e
          | _, _, ⟨_, rfl⟩ => ⟨_, rfl⟩
    """, "le_zero'", "ne_zero'", "witness'")
    assert_rejected("theorem bad {n m : Nat} (h : n = m + 1) : n = m := match h with | rfl => rfl", "bad", "mismatch")


def test_infer_instance_and_the_definition_is_no_instance_of_itself() -> None:
    # Lean's Init/Prelude.lean `inferInstance`/`inferInstanceAs`; the declaration being defined is not a
    # local instance (Div/Basic.lean: `cases (inferInstance : Decidable (0 < k ∧ k ≤ n)) with …`)
    assert_accepted("""
        theorem split' (n k : Nat) : n / k ≤ n ∨ True := by
          cases (inferInstance : Decidable (0 < k ∧ k ≤ n)) with
          | isFalse h => exact Or.inr trivial
          | isTrue h => exact Or.inr trivial
        def decLt' : Decidable (1 < 2) := inferInstanceAs (Decidable (1 < 2))
        theorem decLt'_eq : decLt' = Nat.decLt 1 2 := rfl
    """, "split'", "decLt'", "decLt'_eq")
    assert_rejected("def bad : DecidableEq (Nat → Nat) := inferInstance", "bad")


def test_simp_and_the_kernel_compute_div_and_mod_on_numerals() -> None:
    # Lean's `Nat.reduceDiv`/`Nat.reduceMod` simprocs, and the kernel's literal `Nat.div`/`Nat.mod`
    # (large numbers would not finish by unfolding the fuel definition)
    assert_accepted("""
        theorem q1 : (10 : Nat) / 3 = 3 := by simp
        theorem q2 : (10 : Nat) % 3 + 1000000 / 7 = 142858 := by simp
        theorem q3 : (123456789 : Nat) / 1000 = 123456 := rfl
        theorem q4 : (123456789 : Nat) % 1000 = 789 := by decide
    """, "q1", "q2", "q3", "q4")
    assert_rejected("theorem bad : (10 : Nat) / 3 = 4 := by simp", "bad")


def test_match_alternatives_save_their_own_position() -> None:
    # Lean's `matchAlts` is `withPosition`: a tactic `match` opened after `=>` has alternatives left of
    # it whose patterns take arguments (Div.lean's `Nat.mod_le`)
    assert_accepted("""
        theorem le_self' (x y : Nat) : x ≤ x := by
          match Nat.lt_or_ge x y with
          | Or.inl _ => exact Nat.le_refl x
          | Or.inr _ => match Nat.lt_or_ge y x with
            | Or.inl _ => exact Nat.le_refl x
            | Or.inr _ => exact Nat.le_refl _
    """, "le_self'")
    assert_rejected("""
        theorem bad (x y : Nat) : x ≤ y := by
          match Nat.lt_or_ge x y with
          | Or.inl h => exact Nat.le_of_lt h
          | Or.inr h => match Nat.lt_or_ge y x with
            | Or.inl h' => exact Nat.le_of_lt h'
            | Or.inr h' => exact h'
    """, "bad")


def test_rfl_does_not_prove_nat_le_as_in_lean_core() -> None:
    # Lean core registers no @[refl] lemma for `≤` (Lean's own test: `(fail_if_success rfl); apply
    # Nat.le_refl`), so `rw` leaves `a ≤ a` open and Div.lean's `rw [mod_eq_of_lt h₁]; apply Nat.le_refl` works
    assert_accepted("""
        theorem le_after_rw (x y : Nat) (h : y = x) : y ≤ x := by
          rw [h]; apply Nat.le_refl
    """, "le_after_rw")
    assert_rejected("theorem le_by_rfl (x : Nat) : x ≤ x := by rfl", "le_by_rfl", "rfl")


def test_induction_using_a_custom_eliminator() -> None:
    # Lean's `induction n using Nat.strongRecOn with | ind n ih => …` (Div/Basic.lean's `div_le_self`):
    # the eliminator's minor premise `ind` is the alternative; hypotheses on the target are generalized
    assert_accepted("""
        theorem div_le_self' (n k : Nat) : n / k ≤ n := by
          induction n using Nat.strongRecOn with
          | ind n ih =>
            rw [Nat.div_eq]
            cases (inferInstance : Decidable (0 < k ∧ k ≤ n)) with
            | isFalse h => rw [if_neg h]; exact Nat.zero_le n
            | isTrue h =>
              rw [if_pos h]
              have hSub : n - k < n := Nat.div_rec_lemma h
              exact Nat.lt_of_le_of_lt (ih (n - k) hSub) hSub
        theorem gen' (n m : Nat) (h : m ≤ n) : m ≤ n + 0 := by
          induction n using Nat.strongRecOn generalizing m with
          | ind n _ => exact h
    """, "div_le_self'", "gen'")
    assert_rejected("""
        theorem bad (n : Nat) : n = 0 := by
          induction n using Nat.strongRecOn with
          | ind n ih => exact ih n (Nat.lt_succ_self n)
    """, "bad")


def test_induction_using_mod_induction_on_with_two_targets() -> None:
    # Div/Basic.lean's `induction m, k using mod.inductionOn with rw [div_eq, mod_eq] | base … | ind …`
    assert_accepted("""
        theorem mod_add_div_base' (m k : Nat) (h0 : k = 0) : m % k + k * (m / k) = m := by
          induction m, k using Nat.mod.inductionOn with rw [Nat.div_eq, Nat.mod_eq]
          | base x y h => simp [h]
          | ind x y h _ => exact absurd h.1 (h0 ▸ Nat.lt_irrefl 0)
    """, "mod_add_div_base'")
    assert_rejected("""
        theorem bad (m k : Nat) : m % k = m := by
          induction m, k using Nat.mod.inductionOn with rw [Nat.mod_eq]
          | base x y h => simp [h]
          | ind x y h IH => simp [h]
    """, "bad")


def test_rw_leaves_an_implicit_argument_for_its_closing_rfl() -> None:
    # Div/Basic.lean's `mod_def`: `rw [Nat.sub_eq_of_eq_add]` leaves `m % k = ?c`; as in Lean the hole is
    # natural, so `rw`'s `rfl` assigns `?c := m % k` and the side goal `m = m % k + k * (m / k)` remains
    assert_accepted("""
        theorem mod_def' (H : ∀ {a b c : Nat}, a = c + b → a - b = c) (m k : Nat)
            (hm : m = m % k + k * (m / k)) : m % k = m - k * (m / k) := by
          rw [H]
          exact hm
    """, "mod_def'")
    assert_rejected("""
        theorem bad (H : ∀ {a b c : Nat}, a = c + b → a - b = c) (m k : Nat) : m % k = m - k * (m / k) := by
          rw [H]
          rfl
    """, "bad")


def test_tactic_let_adds_a_local_definition() -> None:
    # Div/Basic.lean's `mul_div_cancel`: `let t := add_mul_div_right 0 m H; rwa [...] at t`; the value
    # is visible (`n = 5` by `rfl`)
    assert_accepted("""
        theorem let_value : ∃ n : Nat, n = 5 := by
          let n : Nat := 5
          exact ⟨n, rfl⟩
        theorem let_rw (m : Nat) (H : ∀ x : Nat, 0 + x * m = x * m) (one_mul : ∀ x : Nat, 1 * x = x) :
            0 + m = m := by
          let t := H 1
          rwa [one_mul] at t
    """, "let_value", "let_rw")
    assert_rejected("""
        theorem bad : ∃ n : Nat, n = 6 := by
          let n : Nat := 5
          exact ⟨n, rfl⟩
    """, "bad", "mismatch")


def test_induction_alternative_hole_leaves_its_goal_open() -> None:
    # Lean's inductionAlt right-hand side `?_` (Div/Basic.lean's `| inr kpos => ?_`): the goal stays
    # open after the alternatives, for the tactics that follow
    assert_accepted("""
        theorem hole_alt (n : Nat) : n + 0 = n := by
          cases n with
          | zero => rfl
          | succ k => ?_
          rfl
    """, "hole_alt")
    assert_rejected("""
        theorem bad (n : Nat) : n = 0 := by
          cases n with
          | zero => rfl
          | succ k => ?_
    """, "bad", "unsolved goals")
