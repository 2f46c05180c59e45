/-
  Lean core's logic lemmas (src/Init/Core.lean, src/Init/SimpLemmas.lean, src/Init/PropLemmas.lean,
  src/Init/Classical.lean) with Lean's names and statements, proved here in Lean core's style by
  this project (not copied). Every declaration must be accepted (tests/embedded/test_fid_logic.py).
-/
universe u v

-- Core.lean: restating the library's own copies (same statement, an own proof)
theorem Iff.refl (a : Prop) : a ↔ a := ⟨id, id⟩
protected theorem Iff.rfl {a : Prop} : a ↔ a := Iff.refl a
theorem Iff.symm {a b : Prop} (h : a ↔ b) : b ↔ a := ⟨h.mpr, h.mp⟩
theorem Ne.symm {α : Sort u} {a b : α} (h : a ≠ b) : b ≠ a := fun h' => h h'.symm
theorem cast_eq {α : Sort u} (h : α = α) (a : α) : cast h a = a := rfl
theorem implies.trans {p q r : Prop} (h₁ : implies p q) (h₂ : implies q r) : implies p r := h₂ ∘ h₁
theorem Exists.elim {α : Sort u} {p : α → Prop} {b : Prop}
    (h₁ : Exists (fun x => p x)) (h₂ : ∀ (a : α), p a → b) : b := by
  cases h₁ with
  | intro w hw => exact h₂ w hw

theorem if_pos {c : Prop} {h : Decidable c} (hc : c) {α : Sort u} {t e : α} : (ite c t e) = t := by
  cases h with
  | isTrue _ => rfl
  | isFalse hnc => exact absurd hc hnc

theorem Decidable.em (p : Prop) [Decidable p] : p ∨ ¬p := Decidable.byCases .inl .inr

-- Core.lean: definitions restated as Lean core's own, with compiler-only attributes
@[inline] def toBoolUsing {p : Prop} (d : Decidable p) : Bool :=
  decide p (h := d)

@[macroInline] def cond {α : Sort u} (c : Bool) (x y : α) : α :=
  match c with
  | true  => x
  | false => y

theorem toBoolUsing_eq_true {p : Prop} (d : Decidable p) (h : p) : toBoolUsing d = true :=
  decide_eq_true (inst := d) h

-- Core.lean: HEq and cast
theorem HEq.symm {α β : Sort u} {a : α} {b : β} (h : HEq a b) : HEq b a :=
  HEq.rec (motive := fun {β} b _ => HEq b a) (HEq.refl a) h

theorem heq_of_heq_of_eq {α β : Sort u} {a : α} {b b' : β} (h₁ : HEq a b) (h₂ : b = b') : HEq a b' :=
  HEq.trans h₁ (heq_of_eq h₂)

theorem cast_heq {α β : Sort u} (h : α = β) (a : α) : HEq (cast h a) a := by
  subst h
  exact HEq.refl a

-- Core.lean: Subsingleton, a class whose projection takes the instance by dot notation
protected theorem Subsingleton.elim' {α : Sort u} [h : Subsingleton α] (a b : α) : a = b :=
  h.allEq a b

-- SimpLemmas.lean: restating the default simp set's lemmas
theorem and_true (p : Prop) : (p ∧ True) = p := propext ⟨(·.1), (⟨·, trivial⟩)⟩
theorem or_false (p : Prop) : (p ∨ False) = p := propext ⟨fun h => h.elim id False.elim, .inl⟩
theorem iff_self (p : Prop) : (p ↔ p) = True := eq_true .rfl
theorem eq_self {α : Sort u} (a : α) : (a = a) = True := eq_true rfl

@[simp] theorem cond_true {α : Sort u} (a b : α) : cond true a b = a := rfl
@[simp] theorem cond_false {α : Sort u} (a b : α) : cond false a b = b := rfl

theorem and_imp {a b c : Prop} : (a ∧ b → c) ↔ (a → b → c) :=
  ⟨fun h ha hb => h ⟨ha, hb⟩, fun h ⟨ha, hb⟩ => h ha hb⟩

-- PropLemmas.lean: `¬a` by dot notation (`Not.elim`), dot calls with trailing arguments
theorem or_iff_left_of_imp {a b : Prop} (hb : b → a) : (a ∨ b) ↔ a := ⟨Or.rec id hb, .inl⟩

theorem or_iff_left {a b : Prop} (hb : ¬b) : a ∨ b ↔ a := or_iff_left_of_imp hb.elim

theorem forall_prop_of_false {p : Prop} {q : p → Prop} (hn : ¬p) : (∀ h' : p, q h') ↔ True :=
  iff_true_intro fun h => hn.elim h

theorem imp_and {a b c : Prop} : (a → b ∧ c) ↔ (a → b) ∧ (a → c) :=
  ⟨fun h => ⟨fun ha => (h ha).1, fun ha => (h ha).2⟩, fun h ha => ⟨h.1 ha, h.2 ha⟩⟩

theorem not_iff_self_of {a b : Prop} (h : ¬a ↔ b) (h' : a ↔ b) : ¬a := fun ha => h.mpr (h'.mp ha) ha

-- PropLemmas.lean: `simp only` closes `p ↔ p` (Lean's `iff_self` builtin)
theorem or_imp {a b c : Prop} : (a ∨ b → c) ↔ (a → c) ∧ (b → c) :=
  ⟨fun h => ⟨h ∘ .inl, h ∘ .inr⟩, fun ⟨ha, hb⟩ => Or.rec ha hb⟩

theorem forall_and {α : Sort u} {p q : α → Prop} : (∀ x, p x ∧ q x) ↔ (∀ x, p x) ∧ (∀ x, q x) :=
  ⟨fun h => ⟨fun x => (h x).1, fun x => (h x).2⟩, fun ⟨h₁, h₂⟩ x => ⟨h₁ x, h₂ x⟩⟩

theorem forall_eq {α : Sort u} {p : α → Prop} {a' : α} : (∀ a, a = a' → p a) ↔ p a' :=
  ⟨fun h => h a' rfl, fun h _ e => e ▸ h⟩

theorem forall_eq_or_imp {α : Sort u} {p q : α → Prop} {a' : α} :
    (∀ a, a = a' ∨ q a → p a) ↔ p a' ∧ ∀ a, q a → p a := by
  simp only [or_imp, forall_and, forall_eq]

-- Classical.lean
theorem Classical.not_not {a : Prop} : ¬¬a ↔ a :=
  ⟨fun h => (Classical.em a).elim id (fun hn => (h hn).elim), fun ha hn => hn ha⟩

-- Core.lean / PropLemmas.lean: `rfl` patterns, `cases` on `HEq`
theorem cast_heq' {α β : Sort u} : (h : α = β) → (a : α) → HEq (cast h a) a
  | rfl, a => HEq.refl a

theorem cast_cast {α β γ : Sort u} : ∀ (ha : α = β) (hb : β = γ) (a : α),
    cast hb (cast ha a) = cast (ha.trans hb) a
  | rfl, rfl, _ => rfl

theorem eq_of_heq' {α : Sort u} {a a' : α} (h : HEq a a') : a = a' := by
  cases h
  rfl

theorem HEq.symm' {α β : Sort u} {a : α} {b : β} (h : HEq a b) : HEq b a := by
  cases h
  exact HEq.rfl

-- PropLemmas.lean: a rewrite rule's instance waits for the rewrite (`[Decidable ?p]` of `not_not`)
theorem Decidable.not_not {p : Prop} [Decidable p] : ¬¬p ↔ p := ⟨Decidable.of_not_not, not_not_intro⟩

theorem not_or {p q : Prop} : ¬(p ∨ q) ↔ ¬p ∧ ¬q := or_imp

theorem Decidable.or_iff_not_and_not {a b : Prop} [Decidable a] [Decidable b] : a ∨ b ↔ ¬(¬a ∧ ¬b) := by
  rw [← not_or, not_not]

-- PropLemmas.lean: a motive's universe fixed by its assignment
theorem iff_of_true {a b : Prop} (ha : a) (hb : b) : a ↔ b := ⟨fun _ => hb, fun _ => ha⟩
theorem iff_of_false {a b : Prop} (ha : ¬a) (hb : ¬b) : a ↔ b := ⟨(absurd · ha), (absurd · hb)⟩

theorem Decidable.iff_iff_and_or_not_and_not {a b : Prop} [Decidable b] :
    (a ↔ b) ↔ (a ∧ b) ∨ (¬a ∧ ¬b) :=
  ⟨fun e => if h : b then .inl ⟨e.2 h, h⟩ else .inr ⟨mt e.1 h, h⟩,
   Or.rec (And.rec iff_of_true) (And.rec iff_of_false)⟩

-- SimpLemmas.lean: Lean's @[simp] lemmas about Bool and decide in the default simp set, `reduceCtorEq`
theorem Bool.not_eq_true'' (b : Bool) : ((!b) = true) = (b = false) := by cases b <;> simp

theorem decide_eq_true_iff (p : Prop) [Decidable p] : (decide p = true) ↔ p := by simp

theorem Bool.and_assoc (a b c : Bool) : (a && b && c) = (a && (b && c)) := by
  cases a <;> cases b <;> cases c <;> decide

-- Core.lean: a recursor without `(motive := …)` (Lean's elabAsElim)
theorem HEq.symm'' {α β : Sort u} {a : α} {b : β} (h : HEq a b) : HEq b a :=
  h.rec (HEq.refl a)
