/-
  Decidability's measure: Lean 4 core theorems about `Decidable`, `decide`, `if … then … else`,
  `BEq` and `Bool`, with their real names and statements (Init/Core.lean, Init/SimpLemmas.lean,
  Init/PropLemmas.lean, Init/Data/Nat/Basic.lean), proved in the style Lean core proves them
  (`by cases b <;> rfl`, `by decide`, `match h with | isTrue _ => …`, `if h : p then … else …`),
  written for this test. Run:
    python -m lean_bridge.embedded check tests/embedded/data/lean_core_decidable.lean
-/
universe u v

-- Init/Core.lean

namespace Decidable
variable {p q : Prop}

theorem of_not_not [Decidable p] : ¬ ¬ p → p :=
  fun hnn => byContradiction (fun hn => absurd hn hnn)

theorem not_and_iff_or_not {p q : Prop} [d₁ : Decidable p] [d₂ : Decidable q] : (¬ (p ∧ q)) ↔ (¬ p ∨ ¬ q) :=
  Iff.intro
    (fun h => match d₁, d₂ with
      | isTrue h₁,  isTrue h₂   => absurd (And.intro h₁ h₂) h
      | _,          isFalse h₂  => Or.inr h₂
      | isFalse h₁, _           => Or.inl h₁)
    (fun (h) ⟨hp, hq⟩ => match h with
      | Or.inl h => h hp
      | Or.inr h => h hq)

end Decidable

theorem dif_eq_if (c : Prop) {h : Decidable c} {α : Sort u} (t : α) (e : α) :
    dite c (fun _ => t) (fun _ => e) = ite c t e :=
  match h with
  | isTrue _  => rfl
  | isFalse _ => rfl

theorem ne_of_beq_false {α : Type u} [BEq α] [LawfulBEq α] {a b : α} (h : (a == b) = false) : a ≠ b := by
  intro h'
  subst h'
  have : (a == a) = true := LawfulBEq.rfl
  rw [h] at this
  contradiction

theorem beq_false_of_ne {α : Type u} [BEq α] [LawfulBEq α] {a b : α} (h : a ≠ b) : (a == b) = false :=
  match h' : a == b with
  | true => absurd (eq_of_beq h') h
  | false => h'

theorem beq_iff_eq {α : Type u} [BEq α] [LawfulBEq α] {a b : α} : a == b ↔ a = b :=
  ⟨LawfulBEq.eq_of_beq, by intro h; subst h; exact LawfulBEq.rfl⟩

-- Init/SimpLemmas.lean

section
variable {α : Sort u}

theorem ite_true (a b : α) : (if True then a else b) = a := rfl

theorem ite_false (a b : α) : (if False then a else b) = b := rfl

theorem dite_true {α : Sort u} {t : True → α} {e : ¬ True → α} : (dite True t e) = t True.intro := rfl

theorem dite_false {α : Sort u} {t : False → α} {e : ¬ False → α} : (dite False t e) = e not_false := rfl

theorem ite_self {c : Prop} {_ : Decidable c} (a : α) : (if c then a else a) = a := by
  cases ‹Decidable c› <;> rfl

end

theorem Bool.or_false (b : Bool) : (b || false) = b := by cases b <;> rfl

theorem Bool.or_true (b : Bool) : (b || true) = true := by cases b <;> rfl

theorem Bool.false_or (b : Bool) : (false || b) = b := by cases b <;> rfl

theorem Bool.true_or (b : Bool) : (true || b) = true := by cases b <;> rfl

theorem Bool.or_self (b : Bool) : (b || b) = b := by cases b <;> rfl

theorem Bool.or_eq_true (a b : Bool) : ((a || b) = true) = (a = true ∨ b = true) := by
  cases a <;> cases b <;> decide

theorem Bool.and_false (b : Bool) : (b && false) = false := by cases b <;> rfl

theorem Bool.and_true (b : Bool) : (b && true) = b := by cases b <;> rfl

theorem Bool.false_and (b : Bool) : (false && b) = false := by cases b <;> rfl

theorem Bool.true_and (b : Bool) : (true && b) = b := by cases b <;> rfl

theorem Bool.and_self (b : Bool) : (b && b) = b := by cases b <;> rfl

theorem Bool.and_eq_true (a b : Bool) : ((a && b) = true) = (a = true ∧ b = true) := by
  cases a <;> cases b <;> decide

theorem Bool.and_assoc (a b c : Bool) : (a && b && c) = (a && (b && c)) := by
  cases a <;> cases b <;> cases c <;> decide

theorem Bool.or_assoc (a b c : Bool) : (a || b || c) = (a || (b || c)) := by
  cases a <;> cases b <;> cases c <;> decide

theorem Bool.not_not (b : Bool) : (!!b) = b := by cases b <;> rfl

theorem Bool.not_true : (!true) = false := by decide

theorem Bool.not_false : (!false) = true := by decide

theorem Bool.not_beq_true (b : Bool) : (!(b == true)) = (b == false) := by cases b <;> rfl

theorem Bool.not_eq_true (b : Bool) : (¬(b = true)) = (b = false) := by cases b <;> decide

theorem Bool.not_eq_false (b : Bool) : (¬(b = false)) = (b = true) := by cases b <;> decide

theorem decide_eq_true_eq {p : Prop} [Decidable p] : (decide p = true) = p :=
  propext <| Iff.intro of_decide_eq_true decide_eq_true

theorem decide_False : decide False = false := rfl

theorem decide_True : decide True = true := rfl

theorem beq_self_eq_true {α : Type u} [BEq α] [LawfulBEq α] (a : α) : (a == a) = true := LawfulBEq.rfl

theorem bne_self_eq_false {α : Type u} [BEq α] [LawfulBEq α] (a : α) : (a != a) = false := by
  unfold bne
  rw [beq_self_eq_true]
  rfl

-- Init/PropLemmas.lean

namespace Decidable
variable {a b : Prop}

theorem not_not [Decidable a] : ¬¬a ↔ a := ⟨of_not_not, not_not_intro⟩

theorem by_contra [Decidable a] : (¬a → False) → a := byContradiction

theorem not_imp_symm [Decidable a] (h : ¬a → b) (hb : ¬b) : a :=
  byContradiction <| hb ∘ h

theorem not_imp_comm [Decidable a] [Decidable b] : (¬a → b) ↔ (¬b → a) :=
  ⟨not_imp_symm, not_imp_symm⟩

theorem not_imp_self [Decidable a] : (¬a → a) ↔ a := by
  have := @byContradiction a _
  exact ⟨fun h => this fun hn => hn (h hn), fun h _ => h⟩

theorem not_or_of_imp [Decidable a] (h : a → b) : ¬a ∨ b :=
  if ha : a then .inr (h ha) else .inl ha

theorem or_iff_not_imp_left [Decidable a] : a ∨ b ↔ (¬a → b) :=
  ⟨Or.resolve_left, fun h => dite _ .inl (.inr ∘ h)⟩

theorem or_iff_not_imp_right [Decidable b] : a ∨ b ↔ (¬b → a) :=
  ⟨Or.resolve_right, fun h => dite _ .inr (.inl ∘ h)⟩

theorem peirce (a b : Prop) [Decidable a] : ((a → b) → a) → a :=
  if ha : a then fun _ => ha else fun h => h fun h' => absurd h' ha

theorem not_and_iff_or_not_not [Decidable a] : ¬(a ∧ b) ↔ ¬a ∨ ¬b :=
  ⟨fun h => if ha : a then .inr (h ⟨ha, ·⟩) else .inl ha, fun h ⟨ha, hb⟩ => h.elim (· ha) (· hb)⟩

theorem not_iff_not [Decidable a] [Decidable b] : (¬a ↔ ¬b) ↔ (a ↔ b) := by
  constructor
  · intro h
    exact ⟨fun ha => byContradiction fun hb => (h.mpr hb) ha, fun hb => byContradiction fun ha => (h.mp ha) hb⟩
  · intro h
    exact ⟨fun hna hb => hna (h.mpr hb), fun hnb ha => hnb (h.mp ha)⟩

end Decidable

-- Init/Data/Nat/Basic.lean

namespace Nat

protected theorem one_lt_two : 1 < 2 := by decide

theorem one_ne_zero : 1 ≠ (0 : Nat) := by decide

protected theorem lt_of_not_le {a b : Nat} : ¬ a ≤ b → b < a := (Nat.lt_or_ge b a).resolve_right

protected theorem le_of_not_lt {a b : Nat} (h : ¬ a < b) : b ≤ a := (Nat.lt_or_ge a b).resolve_left h

protected theorem min_def {n m : Nat} : min n m = if n ≤ m then n else m := rfl

protected theorem max_def {n m : Nat} : max n m = if n ≤ m then m else n := rfl

protected theorem le_max_left (a b : Nat) : a ≤ max a b := by
  rw [Nat.max_def]
  by_cases h : a ≤ b
  · rw [if_pos h]; exact h
  · rw [if_neg h]; exact Nat.le_refl a

protected theorem le_max_right (a b : Nat) : b ≤ max a b := by
  rw [Nat.max_def]
  by_cases h : a ≤ b
  · rw [if_pos h]; exact Nat.le_refl b
  · rw [if_neg h]; exact Nat.le_trans (Nat.le_succ b) (Nat.lt_of_not_le h)

protected theorem min_le_left (a b : Nat) : min a b ≤ a := by
  rw [Nat.min_def]
  by_cases h : a ≤ b
  · rw [if_pos h]; exact Nat.le_refl a
  · rw [if_neg h]; exact Nat.le_trans (Nat.le_succ b) (Nat.lt_of_not_le h)

protected theorem min_le_right (a b : Nat) : min a b ≤ b := by
  rw [Nat.min_def]
  by_cases h : a ≤ b
  · rw [if_pos h]; exact h
  · rw [if_neg h]; exact Nat.le_refl b

protected theorem min_self (a : Nat) : min a a = a := by
  rw [Nat.min_def, if_pos (Nat.le_refl a)]

protected theorem max_self (a : Nat) : max a a = a := by
  rw [Nat.max_def, if_pos (Nat.le_refl a)]

theorem beq_refl (a : Nat) : Nat.beq a a = true := by
  induction a with
  | zero => rfl
  | succ a ih => exact ih

theorem beq_eq_true_eq (a b : Nat) : ((a == b) = true) = (a = b) := by
  apply propext
  exact ⟨of_decide_eq_true, fun h => by subst h; exact decide_eq_true rfl⟩

end Nat
