/-
  Logic: Lean 4 core theorems about the connectives, equality and quantifiers
  (Init/Prelude, Init/Core, Init/SimpLemmas, Init/PropLemmas, Init/Classical), with Lean's
  names and statements, in Lean's dependency order. The proofs are our own.
  Binders that Lean takes from `variable` are written out on each theorem.
-/

universe u v w

/-! ## Init/Prelude -/

theorem Or.intro_left {a : Prop} (b : Prop) (h : a) : a ∨ b := Or.inl h

theorem Or.intro_right {b : Prop} (a : Prop) (h : b) : a ∨ b := by
  right
  exact h

theorem Or.resolve_left {a b : Prop} (h : a ∨ b) (na : ¬a) : b := by
  cases h with
  | inl ha => exact absurd ha na
  | inr hb => exact hb

theorem Or.resolve_right {a b : Prop} (h : a ∨ b) (nb : ¬b) : a :=
  h.elim id (fun hb => absurd hb nb)

theorem Or.neg_resolve_left {a b : Prop} (h : ¬a ∨ b) (ha : a) : b := by
  rcases h with na | hb
  · exact absurd ha na
  · exact hb

theorem Or.neg_resolve_right {a b : Prop} (h : a ∨ ¬b) (nb : b) : a := by
  cases h with
  | inl ha => assumption
  | inr hnb => contradiction

theorem congr {α : Sort u} {β : Sort v} {f₁ f₂ : α → β} {a₁ a₂ : α} (h₁ : f₁ = f₂) (h₂ : a₁ = a₂) :
    f₁ a₁ = f₂ a₂ := by
  subst h₁
  subst h₂
  rfl

theorem Eq.mpr_prop {p q : Prop} (h₁ : p = q) (h₂ : q) : p := h₁ ▸ h₂

theorem Eq.mpr_not {p q : Prop} (h₁ : p = q) (h₂ : ¬q) : ¬p := by
  rw [h₁]
  exact h₂

/-! ## Init/Core: implication, negation, equality -/

theorem mt {a b : Prop} (h₁ : a → b) (h₂ : ¬b) : ¬a := by
  intro ha
  exact h₂ (h₁ ha)

theorem not_false : ¬False := fun h => h

theorem not_not_intro {p : Prop} (h : p) : ¬¬p := by
  intro hn
  exact hn h

theorem proofIrrel {a : Prop} (h₁ h₂ : a) : h₁ = h₂ := rfl

theorem id_def {α : Sort u} (a : α) : id a = a := rfl

theorem Eq.substr {α : Sort u} {p : α → Prop} {a b : α} (h₁ : b = a) (h₂ : p a) : p b := by
  rw [h₁]
  exact h₂

theorem Ne.intro {α : Sort u} {a b : α} (h : a = b → False) : a ≠ b := h

theorem Ne.elim {α : Sort u} {a b : α} (h : a ≠ b) : a = b → False := h

theorem Ne.irrefl {α : Sort u} {a : α} (h : a ≠ a) : False := h rfl

theorem false_of_ne {α : Sort u} {a : α} : a ≠ a → False := by
  intro h
  exact h rfl

theorem ne_false_of_self {p : Prop} : p → p ≠ False := by
  intro hp h
  rw [h] at hp
  exact hp

theorem ne_true_of_not {p : Prop} : ¬p → p ≠ True := by
  intro hnp h
  apply hnp
  rw [h]
  trivial

theorem true_ne_false : ¬True = False := by
  intro h
  exact ne_false_of_self trivial h

theorem false_ne_true : False ≠ True := by
  intro h
  rw [h]
  trivial

theorem Eq.comm {α : Sort u} {a b : α} : a = b ↔ b = a := by
  constructor
  · intro h
    exact h.symm
  · intro h
    exact h.symm

theorem eq_comm {α : Sort u} {a b : α} : a = b ↔ b = a :=
  ⟨fun h => h.symm, fun h => h.symm⟩

theorem ne_comm {α : Sort u} {a b : α} : a ≠ b ↔ b ≠ a := by
  constructor
  · exact Ne.symm
  · exact Ne.symm

/-! ## Init/Core: iff, and, or -/

theorem iff_iff_implies_and_implies {a b : Prop} : (a ↔ b) ↔ (a → b) ∧ (b → a) := by
  constructor
  · intro h
    exact ⟨h.mp, h.mpr⟩
  · intro ⟨hab, hba⟩
    exact ⟨hab, hba⟩

protected theorem Iff.rfl {a : Prop} : a ↔ a := Iff.refl a

theorem Iff.of_eq {a b : Prop} (h : a = b) : a ↔ b := by
  subst h
  exact Iff.rfl

theorem Iff.trans {a b c : Prop} (h₁ : a ↔ b) (h₂ : b ↔ c) : a ↔ c := by
  constructor
  · intro ha
    exact h₂.mp (h₁.mp ha)
  · intro hc
    exact h₁.mpr (h₂.mpr hc)

theorem Iff.comm {a b : Prop} : (a ↔ b) ↔ (b ↔ a) :=
  Iff.intro Iff.symm Iff.symm

theorem iff_comm {a b : Prop} : (a ↔ b) ↔ (b ↔ a) := Iff.comm

theorem And.symm {a b : Prop} : a ∧ b → b ∧ a := by
  intro ⟨ha, hb⟩
  exact ⟨hb, ha⟩

theorem And.comm {a b : Prop} : a ∧ b ↔ b ∧ a := by
  constructor <;> intro ⟨h₁, h₂⟩ <;> exact ⟨h₂, h₁⟩

theorem and_comm {a b : Prop} : a ∧ b ↔ b ∧ a := And.comm

theorem Or.symm {a b : Prop} : a ∨ b → b ∨ a := by
  intro h
  cases h with
  | inl ha => exact Or.inr ha
  | inr hb => exact Or.inl hb

theorem Or.comm {a b : Prop} : a ∨ b ↔ b ∨ a := ⟨Or.symm, Or.symm⟩

theorem or_comm {a b : Prop} : a ∨ b ↔ b ∨ a := Or.comm

theorem Iff.subst {a b : Prop} {p : Prop → Prop} (h₁ : a ↔ b) (h₂ : p a) : p b := by
  rw [← propext h₁]
  exact h₂

theorem Eq.propIntro {a b : Prop} (h₁ : a → b) (h₂ : b → a) : a = b :=
  propext ⟨h₁, h₂⟩

theorem iff_iff_eq {a b : Prop} : (a ↔ b) ↔ a = b := by
  constructor
  · exact propext
  · intro h
    rw [h]

theorem eq_iff_iff {p q : Prop} : (p = q) ↔ (p ↔ q) := by
  constructor
  · intro h
    exact Iff.of_eq h
  · intro h
    exact propext h

theorem nonempty_of_exists {α : Sort u} {p : α → Prop} : (∃ x, p x) → Nonempty α := by
  intro ⟨w, _⟩
  exact ⟨w⟩

theorem funext_iff {α : Sort u} {β : α → Sort v} {f g : (x : α) → β x} : f = g ↔ ∀ x, f x = g x := by
  constructor
  · intro h x
    rw [h]
  · intro h
    exact funext h

theorem iff_of_true {a b : Prop} (ha : a) (hb : b) : a ↔ b :=
  ⟨fun _ => hb, fun _ => ha⟩

theorem iff_of_false {a b : Prop} (ha : ¬a) (hb : ¬b) : a ↔ b := by
  constructor
  · intro h
    exact absurd h ha
  · intro h
    exact absurd h hb

theorem iff_true_left {a b : Prop} (ha : a) : (a ↔ b) ↔ b := by
  constructor
  · intro h
    exact h.mp ha
  · intro hb
    exact iff_of_true ha hb

theorem iff_true_right {a b : Prop} (ha : a) : (b ↔ a) ↔ b := by
  rw [@Iff.comm b a]
  exact iff_true_left ha

theorem iff_false_left {a b : Prop} (ha : ¬a) : (a ↔ b) ↔ ¬b := by
  constructor
  · intro h hb
    exact ha (h.mpr hb)
  · intro hb
    exact iff_of_false ha hb

theorem iff_false_right {a b : Prop} (ha : ¬a) : (b ↔ a) ↔ ¬b :=
  Iff.trans Iff.comm (iff_false_left ha)

theorem of_iff_true {a : Prop} (h : a ↔ True) : a := h.mpr trivial

theorem not_of_iff_false {p : Prop} : (p ↔ False) → ¬p := by
  intro h hp
  exact h.mp hp

theorem iff_true_intro {a : Prop} (h : a) : a ↔ True := by
  constructor
  · intro _
    trivial
  · intro _
    exact h

theorem iff_false_intro {a : Prop} (h : ¬a) : a ↔ False :=
  ⟨h, False.elim⟩

theorem not_iff_false_intro {a : Prop} (h : a) : ¬a ↔ False := by
  constructor
  · intro hn
    exact hn h
  · intro hf
    exact False.elim hf

theorem not_not_of_not_imp {a b : Prop} : ¬(a → b) → ¬¬a := by
  intro h hna
  apply h
  intro ha
  exact absurd ha hna

theorem not_of_not_imp {a b : Prop} : ¬(a → b) → ¬b := by
  intro h hb
  exact h (fun _ => hb)

theorem imp_not_comm {a b : Prop} : (a → ¬b) ↔ (b → ¬a) := by
  constructor
  · intro h hb ha
    exact h ha hb
  · intro h ha hb
    exact h hb ha

theorem imp_intro {α β : Prop} (h : α) : β → α := fun _ => h

theorem imp_self {a : Prop} : (a → a) ↔ True :=
  iff_true_intro id

theorem imp_iff_right {a b : Prop} (ha : a) : (a → b) ↔ b := by
  constructor
  · intro h
    exact h ha
  · intro hb _
    exact hb

theorem imp_congr_left {a b c : Prop} (h : a ↔ b) : (a → c) ↔ (b → c) := by
  constructor
  · intro hac hb
    exact hac (h.mpr hb)
  · intro hbc ha
    exact hbc (h.mp ha)

theorem imp_congr_right {a b c : Prop} (h : a → (b ↔ c)) : (a → b) ↔ (a → c) := by
  constructor
  · intro hab ha
    exact (h ha).mp (hab ha)
  · intro hac ha
    exact (h ha).mpr (hac ha)

theorem imp_congr_ctx {a b c d : Prop} (h₁ : a ↔ c) (h₂ : c → (b ↔ d)) : (a → b) ↔ (c → d) :=
  (imp_congr_left h₁).trans (imp_congr_right h₂)

theorem imp_congr {a b c d : Prop} (h₁ : a ↔ c) (h₂ : b ↔ d) : (a → b) ↔ (c → d) :=
  imp_congr_ctx h₁ (fun _ => h₂)

theorem iff_def {a b : Prop} : (a ↔ b) ↔ (a → b) ∧ (b → a) := iff_iff_implies_and_implies

theorem iff_def' {a b : Prop} : (a ↔ b) ↔ (b → a) ∧ (a → b) := by
  exact Iff.trans iff_def And.comm

theorem not_congr {a b : Prop} (h : a ↔ b) : ¬a ↔ ¬b := by
  constructor
  · intro hna hb
    exact hna (h.mpr hb)
  · intro hnb ha
    exact hnb (h.mp ha)

theorem not_not_not {a : Prop} : ¬¬¬a ↔ ¬a := by
  constructor
  · intro h ha
    exact h (not_not_intro ha)
  · intro h hnn
    exact hnn h

theorem iff_not_self {a : Prop} : ¬(a ↔ ¬a) := by
  intro h
  have hna : ¬a := fun ha => absurd ha (h.mp ha)
  exact hna (h.mpr hna)

theorem not_iff_self {a : Prop} : ¬(¬a ↔ a) := fun h => iff_not_self h.symm

theorem and_not_self {a : Prop} : ¬(a ∧ ¬a) := by
  intro ⟨ha, hn⟩
  exact hn ha

theorem not_and_self {a : Prop} : ¬(¬a ∧ a) := by
  rintro ⟨hn, ha⟩
  contradiction

theorem and_imp {a b c : Prop} : (a ∧ b → c) ↔ (a → b → c) := by
  constructor
  · intro h ha hb
    exact h ⟨ha, hb⟩
  · intro h ⟨ha, hb⟩
    exact h ha hb

theorem not_and {a b : Prop} : ¬(a ∧ b) ↔ (a → ¬b) := and_imp

theorem imp_not_self {a : Prop} : (a → ¬a) ↔ ¬a := by
  constructor
  · intro h ha
    exact h ha ha
  · intro h _
    exact h

theorem forall_congr {α : Sort u} {p q : α → Prop} (h : ∀ a, p a = q a) : (∀ a, p a) = (∀ a, q a) := by
  have hpq : p = q := funext h
  rw [hpq]

theorem implies_congr {p₁ p₂ : Sort u} {q₁ q₂ : Sort v} (h₁ : p₁ = p₂) (h₂ : q₁ = q₂) :
    (p₁ → q₁) = (p₂ → q₂) := by
  subst h₁
  subst h₂
  rfl

theorem iff_congr {p₁ p₂ q₁ q₂ : Prop} (h₁ : p₁ ↔ p₂) (h₂ : q₁ ↔ q₂) : (p₁ ↔ q₁) ↔ (p₂ ↔ q₂) := by
  rw [propext h₁, propext h₂]

theorem forall_false (p : False → Prop) : (∀ h : False, p h) = True :=
  eq_true (fun h => False.elim h)

/-! ## Init/SimpLemmas: and, or -/

theorem and_congr_right {a b c : Prop} (h : a → (b ↔ c)) : a ∧ b ↔ a ∧ c := by
  constructor
  · intro ⟨ha, hb⟩
    exact ⟨ha, (h ha).mp hb⟩
  · intro ⟨ha, hc⟩
    exact ⟨ha, (h ha).mpr hc⟩

theorem and_congr_left {a b c : Prop} (h : c → (a ↔ b)) : a ∧ c ↔ b ∧ c := by
  constructor
  · rintro ⟨ha, hc⟩
    exact ⟨(h hc).mp ha, hc⟩
  · rintro ⟨hb, hc⟩
    exact ⟨(h hc).mpr hb, hc⟩

theorem and_assoc {a b c : Prop} : (a ∧ b) ∧ c ↔ a ∧ (b ∧ c) := by
  constructor
  · intro ⟨⟨ha, hb⟩, hc⟩
    exact ⟨ha, hb, hc⟩
  · intro ⟨ha, hb, hc⟩
    exact ⟨⟨ha, hb⟩, hc⟩

theorem and_self_left {a b : Prop} : a ∧ (a ∧ b) ↔ a ∧ b := by
  constructor
  · intro h
    exact h.2
  · intro h
    exact ⟨h.1, h⟩

theorem and_self_right {a b : Prop} : (a ∧ b) ∧ b ↔ a ∧ b :=
  ⟨fun h => h.1, fun h => ⟨h, h.2⟩⟩

theorem and_congr_right_iff {a b c : Prop} : (a ∧ b ↔ a ∧ c) ↔ (a → (b ↔ c)) := by
  constructor
  · intro h ha
    constructor
    · intro hb
      exact (h.mp ⟨ha, hb⟩).2
    · intro hc
      exact (h.mpr ⟨ha, hc⟩).2
  · exact and_congr_right

theorem and_congr_left_iff {a b c : Prop} : (a ∧ c ↔ b ∧ c) ↔ c → (a ↔ b) := by
  rw [@and_comm a c, @and_comm b c]
  exact and_congr_right_iff

theorem and_iff_left_of_imp {a b : Prop} (h : a → b) : (a ∧ b) ↔ a :=
  ⟨And.left, fun ha => ⟨ha, h ha⟩⟩

theorem and_iff_right_of_imp {a b : Prop} (h : b → a) : (a ∧ b) ↔ b := by
  constructor
  · intro hab
    exact hab.2
  · intro hb
    exact ⟨h hb, hb⟩

theorem and_iff_left_iff_imp {a b : Prop} : ((a ∧ b) ↔ a) ↔ (a → b) := by
  constructor
  · intro h ha
    exact (h.mpr ha).2
  · exact and_iff_left_of_imp

theorem and_iff_right_iff_imp {a b : Prop} : ((a ∧ b) ↔ b) ↔ (b → a) := by
  constructor
  · intro h hb
    exact (h.mpr hb).1
  · intro h
    exact and_iff_right_of_imp h

theorem iff_self_and {p q : Prop} : (p ↔ p ∧ q) ↔ (p → q) := by
  rw [@Iff.comm p (p ∧ q)]
  exact and_iff_left_iff_imp

theorem iff_and_self {p q : Prop} : (p ↔ q ∧ p) ↔ (p → q) := by
  rw [@and_comm q p]
  exact iff_self_and

theorem Or.imp {a b c d : Prop} (f : a → c) (g : b → d) (h : a ∨ b) : c ∨ d := by
  cases h with
  | inl ha => exact Or.inl (f ha)
  | inr hb => exact Or.inr (g hb)

theorem Or.imp_left {a b c : Prop} (f : a → b) : a ∨ c → b ∨ c :=
  Or.imp f id

theorem Or.imp_right {a b c : Prop} (f : b → c) : a ∨ b → a ∨ c :=
  Or.imp id f

theorem or_assoc {a b c : Prop} : (a ∨ b) ∨ c ↔ a ∨ (b ∨ c) := by
  constructor
  · rintro ((ha | hb) | hc)
    · exact Or.inl ha
    · exact Or.inr (Or.inl hb)
    · exact Or.inr (Or.inr hc)
  · rintro (ha | (hb | hc))
    · exact Or.inl (Or.inl ha)
    · exact Or.inl (Or.inr hb)
    · exact Or.inr hc

theorem or_self_left {a b : Prop} : a ∨ (a ∨ b) ↔ a ∨ b := by
  constructor
  · intro h
    cases h with
    | inl ha => exact Or.inl ha
    | inr h => exact h
  · intro h
    exact Or.inr h

theorem or_self_right {a b : Prop} : (a ∨ b) ∨ b ↔ a ∨ b := by
  constructor
  · rintro (h | hb)
    · exact h
    · exact Or.inr hb
  · intro h
    exact Or.inl h

theorem or_iff_right_of_imp {a b : Prop} (ha : a → b) : (a ∨ b) ↔ b :=
  ⟨fun h => h.elim ha id, Or.inr⟩

theorem or_iff_left_of_imp {a b : Prop} (hb : b → a) : (a ∨ b) ↔ a := by
  constructor
  · intro h
    cases h with
    | inl h => exact h
    | inr h => exact hb h
  · exact Or.inl

theorem or_iff_left_iff_imp {a b : Prop} : (a ∨ b ↔ a) ↔ (b → a) := by
  constructor
  · intro h hb
    exact h.mp (Or.inr hb)
  · exact or_iff_left_of_imp

theorem or_iff_right_iff_imp {a b : Prop} : (a ∨ b ↔ b) ↔ (a → b) := by
  rw [@or_comm a b]
  exact or_iff_left_iff_imp

theorem iff_self_or {a b : Prop} : (a ↔ a ∨ b) ↔ (b → a) := by
  rw [@Iff.comm a (a ∨ b)]
  exact or_iff_left_iff_imp

theorem iff_or_self {a b : Prop} : (b ↔ a ∨ b) ↔ (a → b) := by
  rw [@Iff.comm b (a ∨ b)]
  exact or_iff_right_iff_imp

/-! ## Init/PropLemmas: and, or -/

theorem not_not_em (a : Prop) : ¬¬(a ∨ ¬a) := by
  intro h
  apply h
  right
  intro ha
  exact h (Or.inl ha)

theorem And.imp {a b c d : Prop} (f : a → c) (g : b → d) (h : a ∧ b) : c ∧ d :=
  ⟨f h.1, g h.2⟩

theorem And.imp_left {a b c : Prop} (h : a → b) : a ∧ c → b ∧ c := by
  intro ⟨ha, hc⟩
  exact ⟨h ha, hc⟩

theorem And.imp_right {a b c : Prop} (h : a → b) : c ∧ a → c ∧ b :=
  And.imp id h

theorem and_congr {a b c d : Prop} (h₁ : a ↔ c) (h₂ : b ↔ d) : a ∧ b ↔ c ∧ d := by
  rw [propext h₁, propext h₂]

theorem and_congr_left' {a b c : Prop} (h : a ↔ b) : a ∧ c ↔ b ∧ c :=
  and_congr h Iff.rfl

theorem and_congr_right' {a b c : Prop} (h : b ↔ c) : a ∧ b ↔ a ∧ c :=
  and_congr Iff.rfl h

theorem not_and_of_not_left {a : Prop} (b : Prop) : ¬a → ¬(a ∧ b) := by
  intro hna hab
  exact hna hab.1

theorem not_and_of_not_right (a : Prop) {b : Prop} : ¬b → ¬(a ∧ b) :=
  mt And.right

theorem and_left_comm {a b c : Prop} : a ∧ b ∧ c ↔ b ∧ a ∧ c := by
  constructor
  · intro ⟨ha, hb, hc⟩
    exact ⟨hb, ha, hc⟩
  · intro ⟨hb, ha, hc⟩
    exact ⟨ha, hb, hc⟩

theorem and_right_comm {a b c : Prop} : (a ∧ b) ∧ c ↔ (a ∧ c) ∧ b := by
  constructor
  · rintro ⟨⟨ha, hb⟩, hc⟩
    exact ⟨⟨ha, hc⟩, hb⟩
  · rintro ⟨⟨ha, hc⟩, hb⟩
    exact ⟨⟨ha, hb⟩, hc⟩

theorem and_rotate {a b c : Prop} : a ∧ b ∧ c ↔ b ∧ c ∧ a := by
  rw [and_left_comm, @and_comm a c]

theorem and_and_and_comm {a b c d : Prop} : (a ∧ b) ∧ c ∧ d ↔ (a ∧ c) ∧ b ∧ d := by
  constructor
  · intro ⟨⟨ha, hb⟩, hc, hd⟩
    exact ⟨⟨ha, hc⟩, hb, hd⟩
  · intro ⟨⟨ha, hc⟩, hb, hd⟩
    exact ⟨⟨ha, hb⟩, hc, hd⟩

theorem and_and_left {a b c : Prop} : a ∧ (b ∧ c) ↔ (a ∧ b) ∧ a ∧ c := by
  rw [and_and_and_comm, and_self]

theorem and_and_right {a b c : Prop} : (a ∧ b) ∧ c ↔ (a ∧ c) ∧ b ∧ c := by
  constructor
  · intro ⟨⟨ha, hb⟩, hc⟩
    exact ⟨⟨ha, hc⟩, hb, hc⟩
  · intro ⟨⟨ha, hc⟩, hb, _⟩
    exact ⟨⟨ha, hb⟩, hc⟩

theorem and_iff_left {a b : Prop} (hb : b) : a ∧ b ↔ a :=
  ⟨fun h => h.1, fun ha => ⟨ha, hb⟩⟩

theorem and_iff_right {a b : Prop} (ha : a) : a ∧ b ↔ b := by
  constructor
  · exact And.right
  · intro hb
    exact ⟨ha, hb⟩

theorem not_or_intro {a b : Prop} (ha : ¬a) (hb : ¬b) : ¬(a ∨ b) := by
  intro h
  cases h with
  | inl h => exact ha h
  | inr h => exact hb h

theorem or_congr {a b c d : Prop} (h₁ : a ↔ c) (h₂ : b ↔ d) : (a ∨ b) ↔ (c ∨ d) :=
  ⟨Or.imp h₁.mp h₂.mp, Or.imp h₁.mpr h₂.mpr⟩

theorem or_congr_left {a b c : Prop} (h : a ↔ b) : a ∨ c ↔ b ∨ c := by
  rw [propext h]

theorem or_congr_right {a b c : Prop} (h : b ↔ c) : a ∨ b ↔ a ∨ c :=
  or_congr Iff.rfl h

theorem or_left_comm {a b c : Prop} : a ∨ (b ∨ c) ↔ b ∨ (a ∨ c) := by
  rw [← or_assoc, ← or_assoc, @or_comm a b]

theorem or_right_comm {a b c : Prop} : (a ∨ b) ∨ c ↔ (a ∨ c) ∨ b := by
  constructor
  · rintro ((ha | hb) | hc)
    · exact Or.inl (Or.inl ha)
    · exact Or.inr hb
    · exact Or.inl (Or.inr hc)
  · rintro ((ha | hc) | hb)
    · exact Or.inl (Or.inl ha)
    · exact Or.inr hc
    · exact Or.inl (Or.inr hb)

theorem or_or_or_comm {a b c d : Prop} : (a ∨ b) ∨ c ∨ d ↔ (a ∨ c) ∨ b ∨ d := by
  rw [← or_assoc, @or_right_comm a, or_assoc]

theorem or_or_distrib_left {a b c : Prop} : a ∨ b ∨ c ↔ (a ∨ b) ∨ a ∨ c := by
  rw [or_or_or_comm, or_self]

theorem or_or_distrib_right {a b c : Prop} : (a ∨ b) ∨ c ↔ (a ∨ c) ∨ b ∨ c := by
  rw [or_or_or_comm, or_self]

theorem or_rotate {a b c : Prop} : a ∨ b ∨ c ↔ b ∨ c ∨ a := by
  rw [or_left_comm, @or_comm a c]

theorem or_iff_left {a b : Prop} (hb : ¬b) : a ∨ b ↔ a := by
  constructor
  · intro h
    exact h.resolve_right hb
  · exact Or.inl

theorem or_iff_right {a b : Prop} (ha : ¬a) : a ∨ b ↔ b :=
  ⟨fun h => h.resolve_left ha, Or.inr⟩

/-! ## Init/PropLemmas: distributivity -/

theorem not_imp_of_and_not {a b : Prop} : a ∧ ¬b → ¬(a → b) := by
  intro ⟨ha, hnb⟩ h
  exact hnb (h ha)

theorem imp_and {b c α : Prop} : (α → b ∧ c) ↔ (α → b) ∧ (α → c) := by
  constructor
  · intro h
    exact ⟨fun ha => (h ha).1, fun ha => (h ha).2⟩
  · intro ⟨hb, hc⟩ ha
    exact ⟨hb ha, hc ha⟩

theorem not_and' {a b : Prop} : ¬(a ∧ b) ↔ b → ¬a :=
  Iff.trans not_and imp_not_comm

theorem and_or_left {a b c : Prop} : a ∧ (b ∨ c) ↔ (a ∧ b) ∨ (a ∧ c) := by
  constructor
  · intro ⟨ha, hbc⟩
    cases hbc with
    | inl hb => exact Or.inl ⟨ha, hb⟩
    | inr hc => exact Or.inr ⟨ha, hc⟩
  · rintro (⟨ha, hb⟩ | ⟨ha, hc⟩)
    · exact ⟨ha, Or.inl hb⟩
    · exact ⟨ha, Or.inr hc⟩

theorem or_and_right {a b c : Prop} : (a ∨ b) ∧ c ↔ (a ∧ c) ∨ (b ∧ c) := by
  rw [@and_comm (a ∨ b), and_or_left, @and_comm c a, @and_comm c b]

theorem or_and_left {a b c : Prop} : a ∨ (b ∧ c) ↔ (a ∨ b) ∧ (a ∨ c) := by
  constructor
  · rintro (ha | ⟨hb, hc⟩)
    · exact ⟨Or.inl ha, Or.inl ha⟩
    · exact ⟨Or.inr hb, Or.inr hc⟩
  · rintro ⟨ha | hb, hac⟩
    · exact Or.inl ha
    · cases hac with
      | inl ha => exact Or.inl ha
      | inr hc => exact Or.inr ⟨hb, hc⟩

theorem and_or_right {a b c : Prop} : (a ∧ b) ∨ c ↔ (a ∨ c) ∧ (b ∨ c) := by
  rw [@or_comm (a ∧ b), or_and_left, @or_comm c a, @or_comm c b]

theorem or_imp {a b c : Prop} : (a ∨ b → c) ↔ (a → c) ∧ (b → c) := by
  constructor
  · intro h
    constructor
    · intro ha
      exact h (Or.inl ha)
    · intro hb
      exact h (Or.inr hb)
  · intro ⟨hac, hbc⟩ h
    exact h.elim hac hbc

theorem not_or {p q : Prop} : ¬(p ∨ q) ↔ ¬p ∧ ¬q := or_imp

theorem not_and_of_not_or_not {a b : Prop} (h : ¬a ∨ ¬b) : ¬(a ∧ b) := by
  intro ⟨ha, hb⟩
  cases h with
  | inl hna => exact hna ha
  | inr hnb => exact hnb hb

/-! ## Init/PropLemmas: quantifiers -/

theorem forall_imp {α : Sort u} {p q : α → Prop} (h : ∀ a, p a → q a) : (∀ a, p a) → ∀ a, q a := by
  intro h' a
  exact h a (h' a)

theorem forall_exists_index {α : Sort u} {p : α → Prop} {q : (∃ x, p x) → Prop} :
    (∀ h, q h) ↔ ∀ x (h : p x), q ⟨x, h⟩ := by
  constructor
  · intro h x hx
    exact h ⟨x, hx⟩
  · intro h ⟨x, hx⟩
    exact h x hx

theorem Exists.imp {α : Sort u} {p q : α → Prop} (h : ∀ a, p a → q a) : (∃ a, p a) → ∃ a, q a := by
  intro ⟨a, hp⟩
  exact ⟨a, h a hp⟩

theorem Exists.imp' {α : Sort u} {p : α → Prop} {β : Sort v} {q : β → Prop} (f : α → β)
    (hpq : ∀ a, p a → q (f a)) : (∃ a, p a) → ∃ b, q b := by
  rintro ⟨a, hp⟩
  exact ⟨f a, hpq a hp⟩

theorem exists_imp {α : Sort u} {p : α → Prop} {b : Prop} : ((∃ x, p x) → b) ↔ ∀ x, p x → b := by
  constructor
  · intro h x hx
    exact h ⟨x, hx⟩
  · intro h ⟨x, hx⟩
    exact h x hx

theorem exists_prop_of_true {p : Prop} {q : p → Prop} (h : p) : (∃ h' : p, q h') ↔ q h := by
  constructor
  · intro ⟨_, hq⟩
    exact hq
  · intro hq
    exact ⟨h, hq⟩

theorem exists_true_left (p : True → Prop) : Exists p ↔ p True.intro :=
  exists_prop_of_true trivial

theorem forall_congr' {α : Sort u} {p q : α → Prop} (h : ∀ a, p a ↔ q a) : (∀ a, p a) ↔ ∀ a, q a := by
  constructor
  · intro H a
    exact (h a).mp (H a)
  · intro H a
    exact (h a).mpr (H a)

theorem exists_congr {α : Sort u} {p q : α → Prop} (h : ∀ a, p a ↔ q a) : (∃ a, p a) ↔ ∃ a, q a :=
  ⟨Exists.imp (fun x => (h x).mp), Exists.imp (fun x => (h x).mpr)⟩

theorem forall₂_congr {α : Sort u} {β : α → Sort v} {p q : ∀ a, β a → Prop}
    (h : ∀ a b, p a b ↔ q a b) : (∀ a b, p a b) ↔ ∀ a b, q a b :=
  forall_congr' (fun a => forall_congr' (h a))

theorem exists₂_congr {α : Sort u} {β : α → Sort v} {p q : ∀ a, β a → Prop}
    (h : ∀ a b, p a b ↔ q a b) : (∃ a b, p a b) ↔ ∃ a b, q a b := by
  apply exists_congr
  intro a
  exact exists_congr (h a)

theorem not_exists {α : Sort u} {p : α → Prop} : (¬∃ x, p x) ↔ ∀ x, ¬p x := exists_imp

theorem forall_not_of_not_exists {α : Sort u} {p : α → Prop} (h : ¬∃ x, p x) : ∀ x, ¬p x := by
  intro x hx
  exact h ⟨x, hx⟩

theorem not_exists_of_forall_not {α : Sort u} {p : α → Prop} (h : ∀ x, ¬p x) : ¬∃ x, p x := by
  rintro ⟨x, hx⟩
  exact h x hx

theorem forall_and {α : Sort u} {p q : α → Prop} : (∀ x, p x ∧ q x) ↔ (∀ x, p x) ∧ (∀ x, q x) := by
  constructor
  · intro h
    exact ⟨fun x => (h x).1, fun x => (h x).2⟩
  · intro ⟨hp, hq⟩ x
    exact ⟨hp x, hq x⟩

theorem exists_or {α : Sort u} {p q : α → Prop} : (∃ x, p x ∨ q x) ↔ (∃ x, p x) ∨ ∃ x, q x := by
  constructor
  · rintro ⟨x, hp | hq⟩
    · exact Or.inl ⟨x, hp⟩
    · exact Or.inr ⟨x, hq⟩
  · rintro (⟨x, hp⟩ | ⟨x, hq⟩)
    · exact ⟨x, Or.inl hp⟩
    · exact ⟨x, Or.inr hq⟩

theorem exists_false {α : Sort u} : ¬(∃ _a : α, False) := by
  intro ⟨_, h⟩
  exact h

theorem forall_const {b : Prop} (α : Sort u) [i : Nonempty α] : (α → b) ↔ b := by
  constructor
  · intro h
    cases i with
    | intro a => exact h a
  · intro hb _
    exact hb

theorem Exists.nonempty {α : Sort u} {p : α → Prop} : (∃ x, p x) → Nonempty α := by
  intro ⟨x, _⟩
  exact Nonempty.intro x

theorem not_forall_of_exists_not {α : Sort u} {p : α → Prop} : (∃ x, ¬p x) → ¬∀ x, p x := by
  intro ⟨x, hn⟩ h
  exact hn (h x)

theorem forall_eq {α : Sort u} {p : α → Prop} {a' : α} : (∀ a, a = a' → p a) ↔ p a' := by
  constructor
  · intro h
    exact h a' rfl
  · intro h a e
    rw [e]
    exact h

theorem forall_eq' {α : Sort u} {p : α → Prop} {a' : α} : (∀ a, a' = a → p a) ↔ p a' := by
  constructor
  · intro h
    exact h a' rfl
  · intro h a e
    subst e
    exact h

theorem exists_eq {α : Sort u} {a' : α} : ∃ a, a = a' := ⟨a', rfl⟩

theorem exists_eq' {α : Sort u} {a' : α} : ∃ a, a' = a := by
  exists a'

theorem exists_eq_left {α : Sort u} {p : α → Prop} {a' : α} : (∃ a, a = a' ∧ p a) ↔ p a' := by
  constructor
  · intro ⟨a, e, h⟩
    rw [← e]
    exact h
  · intro h
    exact ⟨a', rfl, h⟩

theorem exists_eq_right {α : Sort u} {p : α → Prop} {a' : α} : (∃ a, p a ∧ a = a') ↔ p a' := by
  constructor
  · rintro ⟨a, h, rfl⟩
    exact h
  · intro h
    exact ⟨a', h, rfl⟩

theorem exists_and_left {α : Sort u} {p : α → Prop} {b : Prop} : (∃ x, b ∧ p x) ↔ b ∧ (∃ x, p x) := by
  constructor
  · intro ⟨x, hb, hp⟩
    exact ⟨hb, x, hp⟩
  · intro ⟨hb, x, hp⟩
    exact ⟨x, hb, hp⟩

theorem exists_and_right {α : Sort u} {p : α → Prop} {b : Prop} : (∃ x, p x ∧ b) ↔ (∃ x, p x) ∧ b := by
  constructor
  · rintro ⟨x, hp, hb⟩
    exact ⟨⟨x, hp⟩, hb⟩
  · rintro ⟨⟨x, hp⟩, hb⟩
    exact ⟨x, hp, hb⟩

theorem exists_eq_left' {α : Sort u} {p : α → Prop} {a' : α} : (∃ a, a' = a ∧ p a) ↔ p a' := by
  constructor
  · rintro ⟨a, rfl, h⟩
    exact h
  · intro h
    exact ⟨a', rfl, h⟩

theorem exists_eq_right' {α : Sort u} {p : α → Prop} {a' : α} : (∃ a, p a ∧ a' = a) ↔ p a' := by
  constructor
  · intro ⟨a, h, e⟩
    rw [e]
    exact h
  · intro h
    exact ⟨a', h, rfl⟩

theorem forall_eq_or_imp {α : Sort u} {p q : α → Prop} {a' : α} :
    (∀ a, a = a' ∨ q a → p a) ↔ p a' ∧ ∀ a, q a → p a := by
  constructor
  · intro h
    exact ⟨h a' (Or.inl rfl), fun a hq => h a (Or.inr hq)⟩
  · intro ⟨ha', hq⟩ a h
    cases h with
    | inl e =>
      subst e
      exact ha'
    | inr h => exact hq a h

theorem exists_eq_or_imp {α : Sort u} {p q : α → Prop} {a' : α} :
    (∃ a, (a = a' ∨ q a) ∧ p a) ↔ p a' ∨ ∃ a, q a ∧ p a := by
  constructor
  · rintro ⟨a, h | h, hp⟩
    · subst h
      exact Or.inl hp
    · exact Or.inr ⟨a, h, hp⟩
  · rintro (h | ⟨a, hq, hp⟩)
    · exact ⟨a', Or.inl rfl, h⟩
    · exact ⟨a, Or.inr hq, hp⟩

theorem exists_eq_right_right {α : Sort u} {p q : α → Prop} {a' : α} :
    (∃ (a : α), p a ∧ q a ∧ a = a') ↔ p a' ∧ q a' := by
  constructor
  · rintro ⟨a, hp, hq, rfl⟩
    exact ⟨hp, hq⟩
  · intro ⟨hp, hq⟩
    exact ⟨a', hp, hq, rfl⟩

theorem exists_eq_right_right' {α : Sort u} {p q : α → Prop} {a' : α} :
    (∃ (a : α), p a ∧ q a ∧ a' = a) ↔ p a' ∧ q a' := by
  constructor
  · intro ⟨a, hp, hq, e⟩
    subst e
    exact ⟨hp, hq⟩
  · intro ⟨hp, hq⟩
    exact ⟨a', hp, hq, rfl⟩

theorem exists_or_eq_left {α : Sort u} (y : α) (p : α → Prop) : ∃ x : α, x = y ∨ p x :=
  ⟨y, Or.inl rfl⟩

theorem exists_or_eq_right {α : Sort u} (y : α) (p : α → Prop) : ∃ x : α, p x ∨ x = y := by
  refine ⟨y, ?_⟩
  right
  rfl

theorem exists_or_eq_left' {α : Sort u} (y : α) (p : α → Prop) : ∃ x : α, y = x ∨ p x := by
  exists y
  left
  rfl

theorem exists_or_eq_right' {α : Sort u} (y : α) (p : α → Prop) : ∃ x : α, p x ∨ y = x :=
  ⟨y, Or.inr rfl⟩

theorem exists_prop' {α : Sort u} (p : Prop) : (∃ _ : α, p) ↔ Nonempty α ∧ p := by
  constructor
  · intro ⟨a, h⟩
    exact ⟨⟨a⟩, h⟩
  · intro ⟨⟨a⟩, h⟩
    exact ⟨a, h⟩

theorem exists_prop {a b : Prop} : (∃ _h : a, b) ↔ a ∧ b := by
  constructor
  · intro ⟨ha, hb⟩
    exact ⟨ha, hb⟩
  · intro ⟨ha, hb⟩
    exact ⟨ha, hb⟩

theorem exists_apply_eq_apply {α : Sort u} {β : Sort v} (f : α → β) (a' : α) : ∃ a, f a = f a' :=
  ⟨a', rfl⟩

theorem forall_prop_of_true {p : Prop} {q : p → Prop} (h : p) : (∀ h' : p, q h') ↔ q h := by
  constructor
  · intro hq
    exact hq h
  · intro hq _
    exact hq

theorem forall_comm {α : Sort u} {β : Sort v} {p : α → β → Prop} : (∀ a b, p a b) ↔ (∀ b a, p a b) :=
  ⟨fun h b a => h a b, fun h a b => h b a⟩

theorem exists_comm {α : Sort u} {β : Sort v} {p : α → β → Prop} : (∃ a b, p a b) ↔ (∃ b a, p a b) := by
  constructor
  · intro ⟨a, b, h⟩
    exact ⟨b, a, h⟩
  · intro ⟨b, a, h⟩
    exact ⟨a, b, h⟩

theorem forall_apply_eq_imp_iff {α : Sort u} {β : Sort v} {f : α → β} {p : β → Prop} :
    (∀ b a, f a = b → p b) ↔ ∀ a, p (f a) := by
  constructor
  · intro h a
    exact h (f a) a rfl
  · intro h b a e
    rw [← e]
    exact h a

theorem forall_eq_apply_imp_iff {α : Sort u} {β : Sort v} {f : α → β} {p : β → Prop} :
    (∀ b a, b = f a → p b) ↔ ∀ a, p (f a) := by
  constructor
  · intro h a
    exact h (f a) a rfl
  · intro h b a e
    subst e
    exact h a

theorem forall_prop_of_false {p : Prop} {q : p → Prop} (hn : ¬p) : (∀ h' : p, q h') ↔ True :=
  iff_true_intro (fun h => absurd h hn)

theorem nonempty_prop {p : Prop} : Nonempty p ↔ p := by
  constructor
  · intro ⟨h⟩
    exact h
  · intro h
    exact ⟨h⟩

theorem peirce' {a : Prop} (H : ∀ b : Prop, (a → b) → a) : a := H a id

/-! ## Init/Classical -/

namespace Classical

theorem exists_true_of_nonempty {α : Sort u} : Nonempty α → ∃ _ : α, True := by
  intro ⟨x⟩
  exact ⟨x, trivial⟩

theorem axiomOfChoice {α : Sort u} {β : α → Sort v} {r : ∀ x, β x → Prop} (h : ∀ x, ∃ y, r x y) :
    ∃ (f : ∀ x, β x), ∀ x, r x (f x) := by
  refine ⟨fun x => choose (h x), ?_⟩
  intro x
  exact choose_spec (h x)

theorem skolem {α : Sort u} {b : α → Sort v} {p : ∀ x, b x → Prop} :
    (∀ x, ∃ y, p x y) ↔ ∃ (f : ∀ x, b x), ∀ x, p x (f x) := by
  constructor
  · exact axiomOfChoice
  · intro ⟨f, hf⟩ x
    exact ⟨f x, hf x⟩

theorem propComplete (a : Prop) : a = True ∨ a = False := by
  cases em a with
  | inl h => exact Or.inl (eq_true h)
  | inr h => exact Or.inr (eq_false h)

theorem byCases {p q : Prop} (hpq : p → q) (hnpq : ¬p → q) : q :=
  (em p).elim hpq hnpq

theorem byContradiction {p : Prop} (h : ¬p → False) : p := by
  cases em p with
  | inl hp => exact hp
  | inr hn => exact False.elim (h hn)

theorem not_not {a : Prop} : ¬¬a ↔ a := by
  constructor
  · intro hnn
    apply byContradiction
    intro hn
    exact hnn hn
  · exact not_not_intro

theorem not_forall {α : Sort u} {p : α → Prop} : (¬∀ x, p x) ↔ ∃ x, ¬p x := by
  constructor
  · intro h
    apply byContradiction
    intro hne
    apply h
    intro x
    apply byContradiction
    intro hpx
    exact hne ⟨x, hpx⟩
  · exact not_forall_of_exists_not

theorem not_forall_not {α : Sort u} {p : α → Prop} : (¬∀ x, ¬p x) ↔ ∃ x, p x := by
  constructor
  · intro h
    apply byContradiction
    intro hne
    exact h (forall_not_of_not_exists hne)
  · intro ⟨x, hx⟩ h
    exact h x hx

theorem not_exists_not {α : Sort u} {p : α → Prop} : (¬∃ x, ¬p x) ↔ ∀ x, p x := by
  constructor
  · intro h x
    by_cases hx : p x
    · exact hx
    · exact absurd ⟨x, hx⟩ h
  · intro h ⟨x, hx⟩
    exact hx (h x)

theorem forall_or_exists_not {α : Sort u} (P : α → Prop) : (∀ a, P a) ∨ ∃ a, ¬P a := by
  by_cases h : ∃ a, ¬P a
  · exact Or.inr h
  · exact Or.inl (Iff.mp not_exists_not h)

theorem exists_or_forall_not {α : Sort u} (P : α → Prop) : (∃ a, P a) ∨ ∀ a, ¬P a := by
  cases em (∃ a, P a) with
  | inl h => left; exact h
  | inr h => right; exact forall_not_of_not_exists h

theorem or_iff_not_imp_left {a b : Prop} : a ∨ b ↔ (¬a → b) := by
  constructor
  · intro h hna
    exact h.resolve_left hna
  · intro h
    by_cases ha : a
    · exact Or.inl ha
    · exact Or.inr (h ha)

theorem or_iff_not_imp_right {a b : Prop} : a ∨ b ↔ (¬b → a) := by
  rw [@or_comm a b]
  exact or_iff_not_imp_left

theorem not_imp_iff_and_not {a b : Prop} : ¬(a → b) ↔ a ∧ ¬b := by
  constructor
  · intro h
    exact ⟨Iff.mp not_not (not_not_of_not_imp h), not_of_not_imp h⟩
  · exact not_imp_of_and_not

theorem not_and_iff_or_not_not {a b : Prop} : ¬(a ∧ b) ↔ ¬a ∨ ¬b := by
  constructor
  · intro h
    by_cases ha : a
    · right
      intro hb
      exact h ⟨ha, hb⟩
    · left
      exact ha
  · exact not_and_of_not_or_not

theorem not_iff {a b : Prop} : ¬(a ↔ b) ↔ (¬a ↔ b) := by
  by_cases hb : b
  · rw [iff_true_right hb, iff_true_right hb]
  · rw [iff_false_right hb, iff_false_right hb]

theorem imp_iff_right_iff {a b : Prop} : (a → b ↔ b) ↔ a ∨ b := by
  constructor
  · intro h
    by_cases ha : a
    · exact Or.inl ha
    · exact Or.inr (h.mp (fun ha' => absurd ha' ha))
  · rintro (ha | hb)
    · exact imp_iff_right ha
    · exact iff_of_true (fun _ => hb) hb

theorem imp_iff_left_iff {a b : Prop} : (b ↔ a → b) ↔ a ∨ b := by
  rw [@Iff.comm b (a → b)]
  exact imp_iff_right_iff

theorem and_or_imp {a b c : Prop} : a ∧ b ∨ (a → c) ↔ a → b ∨ c := by
  constructor
  · rintro (⟨_, hb⟩ | h) ha
    · exact Or.inl hb
    · exact Or.inr (h ha)
  · intro h
    by_cases ha : a
    · cases h ha with
      | inl hb => exact Or.inl ⟨ha, hb⟩
      | inr hc => exact Or.inr (fun _ => hc)
    · exact Or.inr (fun ha' => absurd ha' ha)

theorem not_imp {a b : Prop} : ¬(a → b) ↔ a ∧ ¬b := not_imp_iff_and_not

end Classical
