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


# -- Prod, Option, HEq, cast ------------------------------------------------------------------------

def test_prod() -> None:
    assert_accepted("""
        theorem p1 (a b : Nat) : (a, b).1 = a := rfl
        theorem p2 (a b : Nat) : (a, b).snd = b := rfl
        theorem p3 (p : Nat × Nat) : (p.1, p.2) = p := rfl
        theorem p4 : ((1, 2) : Nat × Nat).fst = 1 := by simp
        theorem p5 (a b c d : Nat) (h : (a, b) = (c, d)) : a = c := by simp at h; exact h.1
        theorem p6 (a b c d : Nat) (h : (a, b) = (c, d)) : b = d := (Prod.mk.injEq a b c d ▸ h).2
        def swap {α β : Type} : α × β → β × α
          | (a, b) => (b, a)
        theorem p7 (p : Nat × Bool) : swap (swap p) = p := by
          cases p
          rfl
        theorem p8 (a b c : Nat) : (a, b, c).2.1 = b := rfl
    """, "p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8")
    assert_rejected("theorem bad : ((1, 2) : Nat × Nat).1 = 2 := rfl", "bad", "mismatch")
    assert_accepted("""
        theorem m1 (f g : Nat → Nat) (p : Nat × Nat) : (Prod.map f g p).1 = f p.1 := by simp
        theorem m2 (f g : Nat → Nat) (a b : Nat) : Prod.map f g (a, b) = (f a, g b) := rfl
    """, "m1", "m2")


def test_option() -> None:
    assert_accepted("""
        theorem o1 : (some 3).getD 0 = 3 := rfl
        theorem o2 (f : Nat → Nat) : Option.map f none = none := rfl
        theorem o3 (x : Nat) : (some x).isSome = true := rfl
        theorem o4 (a b : Nat) (h : some a = some b) : a = b := by simp at h; exact h
        theorem o5 (f : Nat → Nat) (a : Nat) : (some a).map f = some (f a) := by simp
        theorem o6 (o : Option Nat) (f : Nat → Nat) (h : o = none) : o.map f = none := by
          subst h
          rfl
        theorem o7 (o : Option Nat) : o.isSome = true ∨ o = none := by
          cases o with
          | none => exact Or.inr rfl
          | some x => exact Or.inl rfl
        def get0 : Option Nat → Nat
          | some x => x
          | none => 0
        theorem o8 : get0 (some 5) = 5 := rfl
    """, "o1", "o2", "o3", "o4", "o5", "o6", "o7", "o8")
    assert_rejected("theorem bad : (some 3).getD 0 = 0 := rfl", "bad", "mismatch")
    assert_rejected("theorem bad : (none : Option Nat) = some 0 := by simp", "bad")


def test_heq_and_cast() -> None:
    assert_accepted("""
        theorem h1 (a : Nat) : HEq a a := HEq.refl a
        theorem h2 (a b : Nat) (h : HEq a b) : a = b := eq_of_heq h
        theorem h3 (a b : Nat) (h : a = b) : HEq a b := heq_of_eq h
        theorem h4 {α : Sort u} (h : α = α) (a : α) : cast h a = a := rfl
        theorem h5 {α : Sort u} (h : α = α) (a : α) : cast h a = a := by simp
        theorem h6 (a : Nat) : HEq a a := HEq.rfl
    """, "h1", "h2", "h3", "h4", "h5", "h6")
    assert_rejected("theorem bad (a b : Nat) (h : HEq a b) : b = a + 1 := eq_of_heq h", "bad", "mismatch")


# -- List functions of Lean's Prelude and Init/Data/List/Basic --------------------------------------

def test_list_functions_compute_and_unfold() -> None:
    assert_accepted("""
        theorem t1 : List.foldl (· + ·) 0 [1, 2, 3] = 6 := rfl
        theorem t2 : List.filter (fun n => Nat.beq n 2) [1, 2, 3] = [2] := by simp [List.filter]
        theorem t3 (l : List Nat) : List.foldl (· + ·) 0 (1 :: l) = List.foldl (· + ·) 1 l := by simp [List.foldl]
        theorem t4 : List.take 2 [1, 2, 3] = [1, 2] := rfl
        theorem t5 (a : Nat) (l : List Nat) : List.drop 1 (a :: l) = l := by rw [List.drop]
        theorem t6 (a : Nat) (l : List Nat) : (a :: l).head? = some a := rfl
        theorem t7 : List.zip [1, 2] [3, 4, 5] = [(1, 3), (2, 4)] := rfl
        theorem t8 : List.all [1, 2] (fun n => Nat.ble 1 n) = true := rfl
        theorem t9 : List.replicate 2 7 = [7, 7] := by simp [List.replicate]
        theorem t10 (l : List Nat) : List.flatten [l, []] = l ++ [] := by simp [List.flatten]
        theorem t11 (l : List Nat) : List.tail (0 :: l) = l := by unfold List.tail; rfl
        theorem t12 (f : Nat → Nat → Nat) (a : Nat) (l : List Nat) :
            List.foldr f a (1 :: l) = f 1 (List.foldr f a l) := by rw [List.foldr]
        theorem t13 : [1, 2].any (fun n => Nat.beq n 2) = true := rfl
        theorem t14 (a : Nat) : [a].headD 0 = a := rfl
    """, *[f"t{i}" for i in range(1, 15)])
    assert_rejected("theorem bad : List.foldl (· + ·) 0 [1, 2] = 4 := by simp [List.foldl]", "bad")


def test_list_definitions_may_be_restated_only_as_lean_core_states_them() -> None:
    assert_accepted("""
        namespace List
        def foldl {α : Type u} {β : Type v} (f : α → β → α) : (init : α) → List β → α
          | a, nil => a
          | a, cons b l => foldl f (f a b) l
        @[simp] theorem foldl_nil {f : β → α → β} {b : β} : [].foldl f b = b := rfl
        end List
    """, "List.foldl", "List.foldl_nil")
    assert_rejected("""
        def List.filter {α : Type u} (p : α → Bool) : (l : List α) → List α
          | [] => []
          | _::as => List.filter p as
    """, "List.filter", "already been declared")
    assert_rejected("""
        def List.map {α : Type u} {β : Type v} (f : α → β) : List α → List β
          | [] => []
          | a :: as => f a :: List.map f as
    """, "List.map", "already been declared")


# -- engine fixes met on the way ----------------------------------------------------------------------

def test_subst_when_the_goal_mentions_the_equation() -> None:
    assert_accepted("""
        theorem t1 {α β : Sort u} (h : α = β) (a : α) : HEq (cast h a) a := by
          subst h
          exact HEq.refl a
        theorem t2 {α β γ : Sort u} (ha : α = β) (hb : β = γ) (a : α) :
            cast hb (cast ha a) = cast (ha.trans hb) a := by
          subst ha
          subst hb
          rfl
    """, "t1", "t2")
    assert_rejected("""
        theorem bad {α β : Sort u} (h : α = β) (a b : α) : HEq (cast h a) b := by
          subst h
          exact HEq.refl a
    """, "bad")


def test_simp_with_general_hypotheses_and_partial_applications() -> None:
    assert_accepted("""
        theorem t1 {f : Nat → Nat → Nat} {b : Nat} {l l' : List Nat} :
            (l ++ l').foldl f b = l'.foldl f (l.foldl f b) := by
          induction l generalizing b with
          | nil => rfl
          | cons a l ih => simp [List.foldl, ih]
        theorem t2 (f : Nat → Nat) (h : ∀ {n : Nat}, f n = n) (a : Nat) : f (f a) = a := by simp [h]
    """, "t1", "t2")


def test_simp_reduces_projections_of_constructors() -> None:
    assert_accepted("""
        theorem t1 {p q : Nat × Nat} (fst : p.fst = q.fst) (snd : p.snd = q.snd) : p = q := by
          cases p
          cases q
          simp_all
        theorem t2 (a b : Nat) (h : (a, b).2 = 0) : b = 0 := by simp at h; exact h
    """, "t1", "t2")
    assert_rejected("theorem bad (a b : Nat) (h : (a, b).2 = 0) : a = 0 := by simp at h; exact h", "bad")


def test_induction_on_a_list_of_lists_has_one_hypothesis() -> None:
    assert_accepted("""
        theorem t (L₁ L₂ : List (List Nat)) : List.flatten (L₁ ++ L₂) = List.flatten L₁ ++ List.flatten L₂ := by
          induction L₁ with
          | nil => rfl
          | cons l L ih =>
            show l ++ List.flatten (L ++ L₂) = (l ++ List.flatten L) ++ List.flatten L₂
            rw [ih]
            induction l with
            | nil => rfl
            | cons a l ih2 => exact congrArg (a :: ·) ih2
    """, "t")


# -- the measure: Lean core theorems using these features ----------------------------------------------

def test_lean_core_datatypes_file_is_accepted() -> None:
    text = (Path(__file__).parent / "data" / "lean_core_datatypes.lean").read_text(encoding="utf-8")
    with deadline(300):
        results = check_source(text, filename="lean_core_datatypes.lean")
    assert len(results) >= 50
    rejected = [f"{r.name}: {r.message}" for r in results if not r.ok]
    assert not rejected, "; ".join(rejected)[:3000]
