/-
Term-mode proofs of core facts, written the way Lean users write them.
Every declaration in this file is accepted by Lean 4 with only the core prelude;
the embedded checker must accept all of them as well.
Everything lives in `namespace CoreProofs` so no name collides with Lean core.
-/

universe u v

namespace CoreProofs

/-! ## Propositional logic -/

theorem and_swap (p q : Prop) : p ∧ q → q ∧ p :=
  fun h => ⟨h.2, h.1⟩

theorem and_intro_swapped (p q : Prop) : p → q → q ∧ p :=
  fun hp hq => ⟨hq, hp⟩

theorem and_left_field (p q : Prop) (h : p ∧ q) : p := h.left

theorem and_right_function (p q : Prop) (h : p ∧ q) : q := And.right h

theorem or_swap (p q : Prop) : p ∨ q → q ∨ p :=
  fun h => Or.elim h (fun hp => Or.inr hp) (fun hq => Or.inl hq)

theorem or_swap_dot (p q : Prop) (h : p ∨ q) : q ∨ p := h.elim Or.inr Or.inl

theorem and_comm_iff (p q : Prop) : p ∧ q ↔ q ∧ p :=
  Iff.intro (fun h => ⟨h.2, h.1⟩) (fun h => ⟨h.2, h.1⟩)

theorem iff_refl_anonymous (p : Prop) : p ↔ p := ⟨fun h => h, fun h => h⟩

theorem iff_mp_apply (p q : Prop) (h : p ↔ q) (hp : p) : q := h.mp hp

theorem iff_mpr_apply (p q : Prop) (h : p ↔ q) (hq : q) : p := h.mpr hq

theorem iff_flip (p q : Prop) (h : p ↔ q) : q ↔ p := ⟨h.2, h.1⟩

theorem absurd_anything (p q : Prop) (hp : p) (hnp : ¬p) : q := absurd hp hnp

theorem double_negation_intro (p : Prop) (hp : p) : ¬¬p := fun hn => hn hp

theorem false_implies (p : Prop) (h : False) : p := False.elim h

theorem false_implies_dot (p : Prop) (h : False) : p := h.elim

theorem not_false_holds : ¬False := fun h => h

theorem true_by_intro : True := True.intro

theorem true_by_trivial : True := trivial

theorem modus_ponens_chain (p q r : Prop) (hpq : p → q) (hqr : q → r) : p → r :=
  fun hp => hqr (hpq hp)

/-! ## Quantifiers -/

theorem exists_anonymous : ∃ n : Nat, n + 1 = 3 := ⟨2, rfl⟩

theorem exists_intro_explicit : ∃ n : Nat, n = 5 := Exists.intro 5 rfl

theorem exists_elim_weaken (p q : Nat → Prop) (h : ∃ x, p x ∧ q x) : ∃ x, q x :=
  Exists.elim h (fun w hw => ⟨w, hw.2⟩)

theorem forall_instantiate (p : Nat → Prop) (h : ∀ n, p n) : p 5 := h 5

theorem forall_and_right (p q : Nat → Prop) (h : ∀ n, p n ∧ q n) (m : Nat) : q m := (h m).2

/-! ## Classical reasoning and extensionality -/

theorem by_excluded_middle (p : Prop) (h : ¬¬p) : p :=
  Or.elim (Classical.em p) (fun hp => hp) (fun hnp => absurd hnp h)

theorem propext_and_true (p : Prop) : (p ∧ True) = p :=
  propext ⟨fun h => h.1, fun h => ⟨h, trivial⟩⟩

theorem propext_reused (p : Prop) : (p ∧ True) = p := propext_and_true p

theorem funext_of_pointwise (f g : Nat → Nat) (h : ∀ x, f x = g x) : f = g := funext h

/-! ## Equality -/

theorem two_add_two : 2 + 2 = 4 := rfl

theorem eq_symm_apply (a b : Nat) (h : a = b) : b = a := Eq.symm h

theorem eq_trans_apply (a b c : Nat) (h₁ : a = b) (h₂ : b = c) : a = c := Eq.trans h₁ h₂

theorem subst_triangle (a b : Nat) (h : a = b) : b = a := h ▸ rfl

theorem subst_predicate (a b : Nat) (p : Nat → Prop) (h : a = b) (ha : p a) : p b := h ▸ ha

theorem subst_explicit_motive (a b : Nat) (h : a = b) (ha : a = 0) : b = 0 :=
  @Eq.subst Nat (fun x => x = 0) a b h ha

theorem eq_mp_apply (p q : Prop) (h : p = q) (hp : p) : q := Eq.mp h hp

theorem eq_mpr_apply (p q : Prop) (h : p = q) (hq : q) : p := Eq.mpr h hq

theorem congr_arg_succ (a b : Nat) (h : a = b) : Nat.succ a = Nat.succ b := congrArg Nat.succ h

theorem congr_fun_apply (f g : Nat → Nat) (h : f = g) : f 3 = g 3 := congrFun h 3

theorem proof_irrelevance (p : Prop) (h₁ h₂ : p) : h₁ = h₂ := rfl

theorem function_eta (f : Nat → Nat) : (fun x => f x) = f := rfl

theorem id_reduces (n : Nat) : id n = n := rfl

theorem eq_refl_implicit : (3 : Nat) = 3 := Eq.refl 3

theorem eq_refl_explicit : (7 : Nat) = 7 := @Eq.refl Nat 7

theorem and_intro_explicit : True ∧ True := @And.intro True True trivial trivial

/-! ## Natural numbers -/

theorem add_zero_rfl (n : Nat) : n + 0 = n := rfl

theorem succ_is_add_one (n : Nat) : Nat.succ n = n + 1 := rfl

theorem add_succ_rfl (n m : Nat) : n + Nat.succ m = Nat.succ (n + m) := rfl

theorem mul_zero_rfl (n : Nat) : n * 0 = 0 := rfl

theorem hundred_add_hundred : 100 + 100 = 200 := rfl

theorem million_squared : 1000000 * 1000000 = 1000000000000 := rfl

theorem truncated_subtraction : 5 - 7 = 0 := rfl

theorem literal_subtraction : 10 - 3 = 7 := rfl

theorem pred_of_zero : Nat.pred 0 = 0 := rfl

theorem three_le_three : 3 ≤ 3 := Nat.le.refl

theorem three_le_four : 3 ≤ 4 := Nat.le.step Nat.le.refl

theorem three_le_four_ascribed : 3 ≤ 4 := (Nat.le.step Nat.le.refl : 3 ≤ 4)

theorem two_lt_three : 2 < 3 := Nat.le.refl

theorem four_ge_three : 4 ≥ 3 := Nat.le.step Nat.le.refl

theorem rec_computes : @Nat.rec (fun _ => Nat) 0 (fun _ ih => ih + 2) 3 = 6 := rfl

theorem zero_add_by_rec (n : Nat) : 0 + n = n :=
  @Nat.rec (fun k => 0 + k = k) rfl (fun k ih => congrArg Nat.succ ih) n

/-! ## Lists -/

theorem append_literals : [1, 2] ++ [3] = [1, 2, 3] := rfl

theorem length_of_nil : ([] : List Nat).length = 0 := rfl

theorem length_of_three : [1, 2, 3].length = 3 := rfl

theorem reverse_of_three : List.reverse [1, 2, 3] = [3, 2, 1] := rfl

theorem map_succ_literal : List.map Nat.succ [1, 2] = [2, 3] := rfl

theorem cons_append (a : Nat) (l m : List Nat) : (a :: l) ++ m = a :: (l ++ m) := rfl

theorem nil_append_nat (l : List Nat) : [] ++ l = l := rfl

theorem length_cons_dot (l : List Nat) : (5 :: l).length = l.length + 1 := rfl

theorem mem_at_head : 1 ∈ [1, 2, 3] := @List.Mem.head Nat 1 [2, 3]

theorem mem_in_tail : 2 ∈ [1, 2] := @List.Mem.tail Nat 2 1 [2] (@List.Mem.head Nat 2 [])

/-! ## Definitions -/

def double (n : Nat) : Nat := n + n

theorem double_three : double 3 = 6 := rfl

def twice : Nat → Nat
  | 0 => 0
  | n + 1 => twice n + 2

theorem twice_three : twice 3 = 6 := rfl

theorem twice_succ (n : Nat) : twice (n + 1) = twice n + 2 := rfl

def sumList : List Nat → Nat
  | [] => 0
  | x :: xs => x + sumList xs

theorem sumList_three : sumList [1, 2, 3] = 6 := rfl

/-! ## Terms: show, ascription, have -/

theorem show_from_pair (p : Prop) (hp : p) : p ∧ p := show p ∧ p from ⟨hp, hp⟩

theorem ascribed_rfl : (2 : Nat) + 3 = 5 := (rfl : (5 : Nat) = 5)

theorem have_chain (p q : Prop) (hp : p) (hpq : p → q) : q ∧ p :=
  have hq : q := hpq hp
  ⟨hq, hp⟩

/-! ## Universe-polymorphic variables -/

section Polymorphic

variable {α : Type u} (xs : List α)

theorem nil_append_poly : [] ++ xs = xs := rfl

def oneList (a : α) : List α := [a]

theorem oneList_length (a : α) : (oneList a).length = 1 := rfl

theorem id_poly (a : α) : @id α a = a := rfl

end Polymorphic

/-! ## Opening a namespace -/

section OpenNat

open Nat

theorem succ_opened (n : Nat) : succ n = n + 1 := rfl

end OpenNat

end CoreProofs

example : 1 + 1 = 2 := rfl

example (p : Prop) (hp : p) : p ∨ False := Or.inl hp
