/-
  Issue 11's measure: Lean 4 core theorems with their real statements, proved in the style Lean
  core proves them (Init/Core.lean, Init/SimpLemmas.lean, Init/PropLemmas.lean,
  Init/Data/Nat/Basic.lean, Init/Data/List/Basic.lean), written for this test. Lean core already
  declares these names; the embedded checker lets a theorem reuse a core theorem name its
  environment lacks, so each is checked as stated. Run:
    python -m lean_bridge.embedded check tests/embedded/data/lean_core_style.lean
-/
universe u v

section
variable {α : Sort u} {a b c d : Prop}

-- Init/Core.lean

theorem mt {a b : Prop} (h₁ : a → b) (h₂ : ¬b) : ¬a := fun ha => h₂ (h₁ ha)

theorem not_false : ¬False := id

theorem not_not_intro {p : Prop} (h : p) : ¬¬p := fun hn => hn h

theorem Ne.intro {a b : α} (h : a = b → False) : a ≠ b := h

theorem Ne.elim {a b : α} (h : a ≠ b) : a = b → False := h

theorem Ne.irrefl {a : α} (h : a ≠ a) : False := h rfl

theorem false_of_ne {a : α} : a ≠ a → False := Ne.irrefl

theorem ne_false_of_self {p : Prop} : p → p ≠ False :=
  fun (hp : p) (h : p = False) => h ▸ hp

theorem ne_true_of_not {p : Prop} : ¬p → p ≠ True :=
  fun (hnp : ¬p) (h : p = True) => (h ▸ hnp) trivial

theorem true_ne_false : ¬True = False := ne_false_of_self trivial

theorem Eq.substr {p : α → Prop} {a b : α} (h₁ : b = a) (h₂ : p a) : p b := h₁ ▸ h₂

theorem Iff.rfl : a ↔ a := Iff.refl a

theorem Iff.trans (h₁ : a ↔ b) (h₂ : b ↔ c) : a ↔ c :=
  Iff.intro (h₂.mp ∘ h₁.mp) (h₁.mpr ∘ h₂.mpr)

theorem Iff.of_eq (h : a = b) : a ↔ b := h ▸ Iff.rfl

theorem Eq.comm {a b : α} : a = b ↔ b = a := Iff.intro Eq.symm Eq.symm

theorem eq_comm {a b : α} : a = b ↔ b = a := Eq.comm

theorem Iff.comm : (a ↔ b) ↔ (b ↔ a) := Iff.intro Iff.symm Iff.symm

theorem And.symm : a ∧ b → b ∧ a := fun ⟨ha, hb⟩ => ⟨hb, ha⟩

theorem And.comm : a ∧ b ↔ b ∧ a := Iff.intro And.symm And.symm

theorem Or.symm : a ∨ b → b ∨ a := .rec .inr .inl

theorem Or.comm : a ∨ b ↔ b ∨ a := Iff.intro Or.symm Or.symm

theorem Or.intro_left (b : Prop) (h : a) : a ∨ b := Or.inl h

theorem Or.intro_right (a : Prop) (h : b) : a ∨ b := Or.inr h

theorem Or.resolve_left (h : a ∨ b) (na : ¬a) : b := h.elim (absurd · na) id

theorem Or.resolve_right (h : a ∨ b) (nb : ¬b) : a := h.elim id (absurd · nb)

theorem Or.neg_resolve_left (h : ¬a ∨ b) (ha : a) : b := h.elim (absurd ha) id

theorem Or.neg_resolve_right (h : a ∨ ¬b) (nb : b) : a := h.elim id (absurd nb)

theorem Nonempty.elim {p : Prop} (h₁ : Nonempty α) (h₂ : α → p) : p :=
  match h₁ with
  | ⟨a⟩ => h₂ a

theorem nonempty_of_exists {p : α → Prop} : (∃ x, p x) → Nonempty α
  | ⟨w, _⟩ => ⟨w⟩

theorem iff_iff_implies_and_implies : (a ↔ b) ↔ (a → b) ∧ (b → a) :=
  Iff.intro (fun h => And.intro h.mp h.mpr) (fun h => Iff.intro h.left h.right)

theorem proofIrrel {a : Prop} (h₁ h₂ : a) : h₁ = h₂ := rfl

theorem congr {β : Sort v} {f₁ f₂ : α → β} {a₁ a₂ : α} (h₁ : f₁ = f₂) (h₂ : a₁ = a₂) : f₁ a₁ = f₂ a₂ :=
  h₁ ▸ h₂ ▸ rfl

-- Init/SimpLemmas.lean and Init/PropLemmas.lean

theorem iff_true_intro (h : a) : a ↔ True := Iff.intro (fun _ => trivial) (fun _ => h)

theorem iff_false_intro (h : ¬a) : a ↔ False := Iff.intro h (False.elim)

@[simp] theorem eq_self_iff_true (a : α) : a = a ↔ True := iff_true_intro rfl

@[simp] theorem imp_self : (a → a) ↔ True := iff_true_intro id

@[simp] theorem and_imp : (a ∧ b → c) ↔ (a → b → c) :=
  ⟨fun h ha hb => h ⟨ha, hb⟩, fun h ⟨ha, hb⟩ => h ha hb⟩

@[simp] theorem not_and : ¬(a ∧ b) ↔ (a → ¬b) := and_imp

theorem and_comm : a ∧ b ↔ b ∧ a := And.comm

theorem or_comm : a ∨ b ↔ b ∨ a := Or.comm

theorem and_assoc : (a ∧ b) ∧ c ↔ a ∧ (b ∧ c) :=
  ⟨fun ⟨⟨ha, hb⟩, hc⟩ => ⟨ha, hb, hc⟩, fun ⟨ha, hb, hc⟩ => ⟨⟨ha, hb⟩, hc⟩⟩

theorem Or.imp (f : a → c) (g : b → d) (h : a ∨ b) : c ∨ d := h.elim (inl ∘ f) (inr ∘ g)

theorem Or.imp_left (f : a → b) : a ∨ c → b ∨ c := .imp f id

theorem Or.imp_right (f : b → c) : a ∨ b → a ∨ c := .imp id f

theorem or_assoc : (a ∨ b) ∨ c ↔ a ∨ (b ∨ c) :=
  ⟨.rec (.imp_right .inl) (.inr ∘ .inr), .rec (.inl ∘ .inl) (.imp_left .inr)⟩

@[simp] theorem not_or {p q : Prop} : ¬(p ∨ q) ↔ ¬p ∧ ¬q :=
  ⟨fun h => ⟨fun hp => h (.inl hp), fun hq => h (.inr hq)⟩, fun ⟨hp, hq⟩ => Or.rec hp hq⟩

@[simp] theorem forall_eq {p : α → Prop} {a' : α} : (∀ a, a = a' → p a) ↔ p a' :=
  ⟨fun h => h a' rfl, fun h _ e => e.symm ▸ h⟩

@[simp] theorem exists_eq {a' : α} : ∃ a, a = a' := ⟨_, rfl⟩

@[simp] theorem exists_eq' {a' : α} : ∃ a, a' = a := ⟨_, rfl⟩

@[simp] theorem exists_eq_left {p : α → Prop} {a' : α} : (∃ a, a = a' ∧ p a) ↔ p a' :=
  ⟨fun ⟨_, e, h⟩ => e ▸ h, fun h => ⟨_, rfl, h⟩⟩

@[simp] theorem not_exists {p : α → Prop} : (¬∃ x, p x) ↔ ∀ x, ¬p x :=
  ⟨fun h x hp => h ⟨x, hp⟩, fun h ⟨x, hp⟩ => h x hp⟩

theorem forall_and {p q : α → Prop} : (∀ x, p x ∧ q x) ↔ (∀ x, p x) ∧ (∀ x, q x) :=
  ⟨fun h => ⟨fun x => (h x).1, fun x => (h x).2⟩, fun ⟨h₁, h₂⟩ x => ⟨h₁ x, h₂ x⟩⟩

theorem exists_or {p q : α → Prop} : (∃ x, p x ∨ q x) ↔ (∃ x, p x) ∨ ∃ x, q x :=
  ⟨fun | ⟨x, .inl h⟩ => .inl ⟨x, h⟩ | ⟨x, .inr h⟩ => .inr ⟨x, h⟩,
   fun | .inl ⟨x, h⟩ => ⟨x, .inl h⟩ | .inr ⟨x, h⟩ => ⟨x, .inr h⟩⟩

theorem and_or_left : a ∧ (b ∨ c) ↔ (a ∧ b) ∨ (a ∧ c) :=
  ⟨fun ⟨ha, hbc⟩ => hbc.imp (⟨ha, ·⟩) (⟨ha, ·⟩),
   (·.elim (fun ⟨ha, hb⟩ => ⟨ha, .inl hb⟩) (fun ⟨ha, hc⟩ => ⟨ha, .inr hc⟩))⟩

@[simp] theorem not_not_not : ¬¬¬a ↔ ¬a := ⟨mt not_not_intro, not_not_intro⟩

theorem imp_intro {α β : Prop} (h : α) : β → α := fun _ => h

theorem imp_imp_imp {a b c d : Prop} (h₀ : c → a) (h₁ : b → d) : (a → b) → (c → d) := (h₁ ∘ · ∘ h₀)

theorem imp_iff_right {a : Prop} (ha : a) : (a → b) ↔ b := ⟨fun f => f ha, imp_intro⟩

theorem and_congr (h₁ : a ↔ c) (h₂ : b ↔ d) : a ∧ b ↔ c ∧ d :=
  ⟨fun ⟨ha, hb⟩ => ⟨h₁.1 ha, h₂.1 hb⟩, fun ⟨hc, hd⟩ => ⟨h₁.2 hc, h₂.2 hd⟩⟩

theorem or_congr (h₁ : a ↔ c) (h₂ : b ↔ d) : (a ∨ b) ↔ (c ∨ d) := ⟨.imp h₁.1 h₂.1, .imp h₁.2 h₂.2⟩

theorem not_congr (h : a ↔ b) : ¬a ↔ ¬b := ⟨mt h.2, mt h.1⟩

@[simp] theorem and_not_self : ¬(a ∧ ¬a) | ⟨ha, hn⟩ => absurd ha hn

@[simp] theorem not_and_self : ¬(¬a ∧ a) := fun ⟨hn, ha⟩ => hn ha

theorem and_iff_left_of_imp (h : a → b) : (a ∧ b) ↔ a := ⟨And.left, fun ha => ⟨ha, h ha⟩⟩

theorem or_iff_left_of_imp (hb : b → a) : (a ∨ b) ↔ a := ⟨Or.rec id hb, .inl⟩

theorem ne_comm {a b : α} : a ≠ b ↔ b ≠ a := ⟨Ne.symm, Ne.symm⟩

theorem Exists.imp {p q : α → Prop} (h : ∀ a, p a → q a) : (∃ a, p a) → ∃ a, q a
  | ⟨a, hp⟩ => ⟨a, h a hp⟩

theorem forall_imp {p q : α → Prop} (h : ∀ a, p a → q a) : (∀ a, p a) → ∀ a, q a :=
  fun h' a => h a (h' a)

theorem exists_imp {p : α → Prop} {b : Prop} : ((∃ x, p x) → b) ↔ ∀ x, p x → b :=
  ⟨fun h x hpx => h ⟨x, hpx⟩, fun h ⟨x, hpx⟩ => h x hpx⟩

theorem let_beta {β : α → Sort v} (b : (a : α) → β a) (a : α) : (let x := a; b x) = b a := rfl

end

-- Init/Prelude.lean and Init/Data/Nat/Basic.lean

namespace Nat

@[simp] protected theorem zero_add : ∀ (n : Nat), 0 + n = n
  | 0 => rfl
  | n+1 => congrArg succ (Nat.zero_add n)

theorem succ_add : ∀ (n m : Nat), (succ n) + m = succ (n + m)
  | _, 0 => rfl
  | n, m+1 => congrArg succ (succ_add n m)

theorem add_succ (n m : Nat) : n + succ m = succ (n + m) := rfl

theorem add_one (n : Nat) : n + 1 = succ n := rfl

protected theorem add_comm : ∀ (n m : Nat), n + m = m + n
  | n, 0 => Eq.symm (Nat.zero_add n)
  | n, m+1 => by
    have : succ (n + m) = succ (m + n) := by apply congrArg; apply Nat.add_comm
    rw [succ_add m n]
    apply this

protected theorem add_assoc : ∀ (n m k : Nat), (n + m) + k = n + (m + k)
  | _, _, 0 => rfl
  | n, m, succ k => congrArg succ (Nat.add_assoc n m k)

protected theorem add_left_comm (n m k : Nat) : n + (m + k) = m + (n + k) := by
  rw [← Nat.add_assoc, Nat.add_comm n m, Nat.add_assoc]

protected theorem add_right_comm (n m k : Nat) : (n + m) + k = (n + k) + m := by
  rw [Nat.add_assoc, Nat.add_comm m k, ← Nat.add_assoc]

protected theorem add_left_cancel : {n m k : Nat} → n + m = n + k → m = k
  | 0, m, k, h => Nat.zero_add m ▸ Nat.zero_add k ▸ h
  | succ n, m, k, h => by
    have : n+m = n+k := by
      simp [succ_add] at h
      assumption
    exact Nat.add_left_cancel this

protected theorem add_right_cancel {n m k : Nat} (h : n + m = k + m) : n = k := by
  rw [Nat.add_comm n m, Nat.add_comm k m] at h
  apply Nat.add_left_cancel h

theorem succ_ne_self : ∀ (n : Nat), succ n ≠ n
  | 0, h => absurd h (Nat.succ_ne_zero 0)
  | n+1, h => succ_ne_self n (Nat.noConfusion h id)

theorem mul_succ (n m : Nat) : n * succ m = n * m + n := rfl

@[simp] protected theorem zero_mul : ∀ (n : Nat), 0 * n = 0
  | 0 => rfl
  | succ n => (mul_succ 0 n).symm ▸ (Nat.zero_mul n).symm ▸ rfl

theorem succ_mul (n m : Nat) : (succ n) * m = (n * m) + m := by
  induction m with
  | zero => rfl
  | succ m ih => rw [mul_succ, add_succ, ih, mul_succ, add_succ, Nat.add_right_comm]

protected theorem mul_comm : ∀ (n m : Nat), n * m = m * n
  | n, 0 => (Nat.zero_mul n).symm ▸ (Nat.mul_zero n).symm ▸ rfl
  | n, succ m => (mul_succ n m).symm ▸ (succ_mul m n).symm ▸ (Nat.mul_comm n m).symm ▸ rfl

@[simp] protected theorem mul_one : ∀ (n : Nat), n * 1 = n := Nat.zero_add

@[simp] protected theorem one_mul (n : Nat) : 1 * n = n := Nat.mul_comm n 1 ▸ Nat.mul_one n

protected theorem left_distrib (n m k : Nat) : n * (m + k) = n * m + n * k := by
  induction n with
  | zero => repeat rw [Nat.zero_mul]
  | succ n ih => simp [succ_mul, ih]; rw [Nat.add_assoc, Nat.add_assoc (n*m)]; apply congrArg; apply Nat.add_left_comm

protected theorem mul_assoc : ∀ (n m k : Nat), (n * m) * k = n * (m * k)
  | _, _, 0 => rfl
  | n, m, succ k => by simp [mul_succ, Nat.mul_assoc n m k, Nat.left_distrib]

@[simp] theorem succ_sub_succ_eq_sub (n m : Nat) : succ n - succ m = n - m := by
  induction m with
  | zero => exact rfl
  | succ m ih => apply congrArg pred ih

theorem sub_succ (n m : Nat) : n - succ m = pred (n - m) := rfl

@[simp] protected theorem zero_sub : ∀ (n : Nat), 0 - n = 0
  | 0 => rfl
  | n+1 => congrArg pred (Nat.zero_sub n)

@[simp] protected theorem sub_self : ∀ (n : Nat), n - n = 0
  | 0 => by rw [Nat.sub_zero]
  | (n+1) => by rw [succ_sub_succ_eq_sub, Nat.sub_self n]

theorem le_step {n m : Nat} (h : n ≤ m) : n ≤ succ m := Nat.le.step h

protected theorem le_trans {n m k : Nat} : n ≤ m → m ≤ k → n ≤ k
  | h, Nat.le.refl => h
  | h₁, Nat.le.step h₂ => Nat.le.step (Nat.le_trans h₁ h₂)

theorem le_succ (n : Nat) : n ≤ succ n := Nat.le.step Nat.le.refl

theorem le_succ_of_le {n m : Nat} (h : n ≤ m) : n ≤ succ m := Nat.le_trans h (le_succ m)

theorem zero_le : ∀ (n : Nat), 0 ≤ n
  | 0 => Nat.le.refl
  | n+1 => Nat.le.step (zero_le n)

theorem succ_le_succ : n ≤ m → succ n ≤ succ m
  | Nat.le.refl => Nat.le.refl
  | Nat.le.step h => Nat.le.step (succ_le_succ h)

theorem zero_lt_succ (n : Nat) : 0 < succ n := succ_le_succ (zero_le n)

@[simp] theorem succ_pos (n : Nat) : 0 < succ n := zero_lt_succ n

theorem not_succ_le_zero : ∀ (n : Nat), succ n ≤ 0 → False
  | 0 => nofun
  | _+1 => nofun

theorem not_lt_zero (n : Nat) : ¬n < 0 := not_succ_le_zero n

theorem pred_le_pred : {n m : Nat} → n ≤ m → pred n ≤ pred m
  | _, _, Nat.le.refl => Nat.le.refl
  | 0, succ _, Nat.le.step h => h
  | _+1, succ _, Nat.le.step h => Nat.le_trans (le_succ _) h

theorem le_of_succ_le_succ {n m : Nat} : succ n ≤ succ m → n ≤ m := pred_le_pred

theorem le_of_lt_succ {m n : Nat} : m < succ n → m ≤ n := le_of_succ_le_succ

theorem lt_succ_of_le {n m : Nat} : n ≤ m → n < succ m := succ_le_succ

@[simp] theorem lt_succ_self (n : Nat) : n < succ n := lt_succ_of_le (Nat.le_refl n)

theorem not_succ_le_self : ∀ (n : Nat), ¬succ n ≤ n
  | 0 => not_succ_le_zero 0
  | succ n => fun h => absurd (le_of_succ_le_succ h) (not_succ_le_self n)

protected theorem lt_irrefl (n : Nat) : ¬n < n := Nat.not_succ_le_self n

protected theorem lt_of_lt_of_le {n m k : Nat} : n < m → m ≤ k → n < k := Nat.le_trans

protected theorem lt_trans {n m k : Nat} (h₁ : n < m) : m < k → n < k := Nat.le_trans (le_step h₁)

protected theorem lt_of_le_of_lt {n m k : Nat} : n ≤ m → m < k → n < k :=
  fun h₁ h₂ => Nat.le_trans (succ_le_succ h₁) h₂

protected theorem le_antisymm {n m : Nat} (h₁ : n ≤ m) (h₂ : m ≤ n) : n = m :=
  match h₁ with
  | Nat.le.refl => rfl
  | Nat.le.step h => absurd (Nat.lt_of_le_of_lt h h₂) (Nat.lt_irrefl n)

theorem eq_or_lt_of_le : {n m : Nat} → n ≤ m → n = m ∨ n < m
  | zero, zero, _ => Or.inl rfl
  | zero, succ _, _ => Or.inr (Nat.succ_le_succ (Nat.zero_le _))
  | succ _, zero, h => absurd h (not_succ_le_zero _)
  | succ n, succ m, h =>
    have : n ≤ m := Nat.le_of_succ_le_succ h
    match Nat.eq_or_lt_of_le this with
    | Or.inl h => Or.inl (h ▸ rfl)
    | Or.inr h => Or.inr (succ_le_succ h)

protected theorem lt_or_ge (n m : Nat) : n < m ∨ n ≥ m :=
  match m with
  | zero => Or.inr (zero_le n)
  | succ m =>
    match Nat.lt_or_ge n m with
    | Or.inl h => Or.inl (le_succ_of_le h)
    | Or.inr h =>
      match Nat.eq_or_lt_of_le h with
      | Or.inl h1 => Or.inl (h1 ▸ Nat.lt_succ_self m)
      | Or.inr h1 => Or.inr h1

theorem pred_le : ∀ (n : Nat), pred n ≤ n
  | zero => Nat.le.refl
  | succ _ => le_succ _

theorem sub_le (n m : Nat) : n - m ≤ n := by
  induction m with
  | zero => exact Nat.le_refl (n - 0)
  | succ m ih => apply Nat.le_trans (pred_le (n - m)) ih

theorem le_add_right : ∀ (n k : Nat), n ≤ n + k
  | n, 0 => Nat.le_refl n
  | n, k+1 => le_succ_of_le (le_add_right n k)

theorem le.intro {n m k : Nat} (h : n + k = m) : n ≤ m := h ▸ le_add_right n k

theorem succ_le_of_lt {n m : Nat} (h : n < m) : succ n ≤ m := h

theorem lt_of_succ_le {n m : Nat} (h : succ n ≤ m) : n < m := h

protected theorem eq_zero_or_pos : ∀ (n : Nat), n = 0 ∨ 0 < n
  | 0 => Or.inl rfl
  | _+1 => Or.inr (succ_pos _)

protected theorem pos_of_ne_zero {n : Nat} : n ≠ 0 → 0 < n := (Nat.eq_zero_or_pos n).resolve_left

theorem succ_inj' : succ a = succ b ↔ a = b := ⟨succ.inj, congrArg _⟩

theorem two_add_two : 2 + 2 = 4 := by decide

theorem not_lt_zero' (i : Nat) (h : i < 0) : False := by contradiction

end Nat

-- Init/Data/List/Basic.lean

namespace List

@[simp] theorem append_nil (as : List α) : as ++ [] = as := by
  induction as with
  | nil => rfl
  | cons _ _ ih => simp [ih]

@[simp] theorem append_assoc (as bs cs : List α) : (as ++ bs) ++ cs = as ++ (bs ++ cs) := by
  induction as with
  | nil => rfl
  | cons a as ih => simp [ih]

@[simp] theorem length_append (as bs : List α) : (as ++ bs).length = as.length + bs.length := by
  induction as with
  | nil => simp
  | cons _ as ih => simp [ih, Nat.succ_add]

@[simp] theorem map_append (f : α → β) : ∀ (as bs : List α), (as ++ bs).map f = as.map f ++ bs.map f
  | [], _ => rfl
  | _::as, bs => by simp [map_append f as bs]

@[simp] theorem map_id (l : List α) : map id l = l := by
  induction l <;> simp_all

@[simp] theorem length_map (as : List α) (f : α → β) : (as.map f).length = as.length := by
  induction as with
  | nil => simp [List.map]
  | cons a as ih => simp [List.map, ih]

theorem reverseAux_eq_append (as bs : List α) : reverseAux as bs = reverseAux as [] ++ bs := by
  induction as generalizing bs with
  | nil => simp [reverseAux]
  | cons a as ih =>
    simp [reverseAux]
    rw [ih (a :: bs), ih [a], append_assoc]
    rfl

@[simp] theorem reverse_cons (a : α) (as : List α) : reverse (a :: as) = reverse as ++ [a] := by
  simp [reverse, reverseAux]
  rw [← reverseAux_eq_append]

@[simp] theorem mem_cons_self (a : α) (l : List α) : a ∈ a :: l := .head ..

theorem mem_cons_of_mem (y : α) {a : α} {l : List α} : a ∈ l → a ∈ y :: l := .tail _

@[simp] theorem not_mem_nil (a : α) : ¬ a ∈ [] := nofun

theorem mem_append_left {a : α} {as : List α} (bs : List α) : a ∈ as → a ∈ as ++ bs := by
  intro h
  induction h with
  | head => apply Mem.head
  | tail _ _ ih => apply Mem.tail; exact ih

theorem cons_ne_self (a : α) (l : List α) : a :: l ≠ l :=
  fun h => absurd (congrArg length h) (Nat.succ_ne_self _)

theorem exists_cons_of_ne_nil : ∀ {l : List α}, l ≠ [] → ∃ b L, l = b :: L
  | c :: l', _ => ⟨c, l', rfl⟩

end List

def List.NatType : Type := List Nat
