/-
  Natural numbers: Lean 4 core theorems about `Nat` (Init/Prelude, Init/Data/Nat/Basic,
  Init/Data/Nat/Lemmas), with Lean's names and statements, in Lean's dependency order.
  The proofs are our own.
-/

namespace Nat

/-! ## Order: the facts Init/Prelude states -/

theorem le_step (h : n ≤ m) : n ≤ succ m := Nat.le.step h

protected theorem le_trans {n m k : Nat} : n ≤ m → m ≤ k → n ≤ k := by
  intro h₁ h₂
  induction h₂ with
  | refl => exact h₁
  | step _ ih => exact Nat.le.step ih

protected theorem lt_trans {n m k : Nat} (h₁ : n < m) : m < k → n < k :=
  Nat.le_trans (Nat.le.step h₁)

theorem le_succ (n : Nat) : n ≤ succ n := by
  apply Nat.le.step
  exact Nat.le.refl

theorem le_succ_of_le {n m : Nat} (h : n ≤ m) : n ≤ succ m :=
  Nat.le_trans h (le_succ m)

theorem zero_le : (n : Nat) → 0 ≤ n
  | 0 => Nat.le.refl
  | n + 1 => Nat.le.step (zero_le n)

theorem succ_le_succ : n ≤ m → succ n ≤ succ m := by
  intro h
  induction h with
  | refl => exact Nat.le.refl
  | step _ ih => exact Nat.le.step ih

theorem zero_lt_succ (n : Nat) : 0 < succ n :=
  succ_le_succ (zero_le n)

theorem succ_pos (n : Nat) : 0 < succ n := zero_lt_succ n

theorem not_succ_le_zero : ∀ (n : Nat), succ n ≤ 0 → False := by
  intro n h
  cases h

theorem not_lt_zero (n : Nat) : ¬n < 0 := not_succ_le_zero n

theorem pred_le_pred : {n m : Nat} → n ≤ m → pred n ≤ pred m := by
  intro n m h
  induction h with
  | refl => exact Nat.le.refl
  | step h ih =>
    rename_i k
    cases k with
    | zero => exact ih
    | succ k => exact Nat.le_trans ih (le_succ k)

theorem le_of_succ_le_succ {n m : Nat} : succ n ≤ succ m → n ≤ m :=
  pred_le_pred

theorem le_of_lt_succ {m n : Nat} : m < succ n → m ≤ n :=
  le_of_succ_le_succ

protected theorem eq_or_lt_of_le : {n m : Nat} → n ≤ m → n = m ∨ n < m := by
  intro n m h
  cases h with
  | refl => exact Or.inl rfl
  | step h => exact Or.inr (succ_le_succ h)

theorem not_succ_le_self (n : Nat) : ¬succ n ≤ n := by
  induction n with
  | zero => exact not_succ_le_zero 0
  | succ n ih => exact fun h => ih (le_of_succ_le_succ h)

protected theorem lt_irrefl (n : Nat) : ¬n < n := not_succ_le_self n

protected theorem lt_of_le_of_lt {n m k : Nat} (h₁ : n ≤ m) : m < k → n < k :=
  Nat.le_trans (succ_le_succ h₁)

protected theorem le_antisymm ⦃n m : Nat⦄ (h₁ : n ≤ m) (h₂ : m ≤ n) : n = m := by
  cases h₁ with
  | refl => rfl
  | step h =>
    exact absurd (Nat.lt_of_le_of_lt h₂ (succ_le_succ h)) (Nat.lt_irrefl _)

protected theorem lt_of_le_of_ne {n m : Nat} (h₁ : n ≤ m) (h₂ : ¬n = m) : n < m := by
  cases Nat.eq_or_lt_of_le h₁ with
  | inl h => exact absurd h h₂
  | inr h => exact h

protected theorem lt_or_ge (n m : Nat) : n < m ∨ n ≥ m := by
  induction m with
  | zero => exact Or.inr (zero_le n)
  | succ m ih =>
    cases ih with
    | inl h => exact Or.inl (Nat.le.step h)
    | inr h =>
      cases Nat.eq_or_lt_of_le h with
      | inl e => subst e; exact Or.inl Nat.le.refl
      | inr h' => exact Or.inr h'

theorem lt_succ_of_le {n m : Nat} : n ≤ m → n < succ m := succ_le_succ

theorem pred_lt : ∀ {n : Nat}, n ≠ 0 → pred n < n := by
  intro n h
  cases n with
  | zero => exact absurd rfl h
  | succ n => exact Nat.le.refl

theorem pred_le : ∀ (n : Nat), pred n ≤ n := by
  intro n
  cases n with
  | zero => exact Nat.le.refl
  | succ n => exact le_succ n

theorem sub_le (n m : Nat) : n - m ≤ n := by
  induction m with
  | zero => exact Nat.le.refl
  | succ m ih => exact Nat.le_trans (pred_le (n - m)) ih

theorem sub_succ (n m : Nat) : n - succ m = pred (n - m) := rfl

theorem succ_sub_succ_eq_sub (n m : Nat) : succ n - succ m = n - m := by
  induction m with
  | zero => rfl
  | succ m ih => rw [sub_succ, ih]; rfl

theorem succ_sub_succ (n m : Nat) : succ n - succ m = n - m :=
  succ_sub_succ_eq_sub n m

theorem sub_lt : ∀ {n m : Nat}, 0 < n → 0 < m → n - m < n := by
  intro n m hn hm
  cases n with
  | zero => exact absurd hn (Nat.lt_irrefl 0)
  | succ n =>
    cases m with
    | zero => exact absurd hm (Nat.lt_irrefl 0)
    | succ m =>
      rw [succ_sub_succ]
      exact lt_succ_of_le (sub_le n m)

/-! ## Addition -/

protected theorem zero_add : ∀ (n : Nat), 0 + n = n := by
  intro n
  induction n with
  | zero => rfl
  | succ n ih => exact congrArg succ ih

theorem succ_add : ∀ (n m : Nat), (succ n) + m = succ (n + m) := by
  intro n m
  induction m with
  | zero => rfl
  | succ m ih =>
    show succ (succ n + m) = succ (succ (n + m))
    rw [ih]

theorem add_succ (n m : Nat) : n + succ m = succ (n + m) :=
  rfl

protected theorem add_comm : ∀ (n m : Nat), n + m = m + n := by
  intro n m
  induction m with
  | zero => exact (Nat.zero_add n).symm
  | succ m ih => rw [add_succ, succ_add, ih]

protected theorem add_assoc : ∀ (n m k : Nat), (n + m) + k = n + (m + k)
  | _, _, 0 => rfl
  | n, m, k + 1 => congrArg succ (Nat.add_assoc n m k)

protected theorem add_left_comm (n m k : Nat) : n + (m + k) = m + (n + k) := by
  rw [← Nat.add_assoc, Nat.add_comm n m, Nat.add_assoc]

protected theorem add_right_comm (n m k : Nat) : (n + m) + k = (n + k) + m := by
  rw [Nat.add_assoc, Nat.add_comm m k, ← Nat.add_assoc]

protected theorem add_left_cancel {n m k : Nat} : n + m = n + k → m = k := by
  induction n with
  | zero =>
    intro h
    rw [Nat.zero_add, Nat.zero_add] at h
    exact h
  | succ n ih =>
    intro h
    rw [succ_add, succ_add] at h
    simp only [Nat.succ.injEq] at h
    exact ih h

protected theorem add_right_cancel {n m k : Nat} (h : n + m = k + m) : n = k := by
  rw [Nat.add_comm n m, Nat.add_comm k m] at h
  exact Nat.add_left_cancel h

theorem eq_zero_of_add_eq_zero : ∀ {n m : Nat}, n + m = 0 → n = 0 ∧ m = 0 := by
  intro n m h
  cases m with
  | zero => exact ⟨h, rfl⟩
  | succ m => exact absurd h (succ_ne_zero _)

protected theorem eq_zero_of_add_eq_zero_left (h : n + m = 0) : m = 0 :=
  (Nat.eq_zero_of_add_eq_zero h).2

protected theorem eq_zero_of_add_eq_zero_right (h : n + m = 0) : n = 0 :=
  (Nat.eq_zero_of_add_eq_zero h).1

/-! ## Multiplication -/

theorem mul_succ (n m : Nat) : n * succ m = n * m + n :=
  rfl

protected theorem zero_mul : ∀ (n : Nat), 0 * n = 0 := by
  intro n
  induction n with
  | zero => rfl
  | succ n ih => rw [mul_succ, ih]

theorem succ_mul (n m : Nat) : (succ n) * m = (n * m) + m := by
  induction m with
  | zero => rfl
  | succ m ih =>
    rw [mul_succ, mul_succ, ih, add_succ, add_succ, Nat.add_right_comm]

protected theorem mul_comm : ∀ (n m : Nat), n * m = m * n := by
  intro n m
  induction m with
  | zero => rw [Nat.zero_mul]; rfl
  | succ m ih => rw [mul_succ, succ_mul, ih]

protected theorem mul_one : ∀ (n : Nat), n * 1 = n :=
  Nat.zero_add

protected theorem one_mul (n : Nat) : 1 * n = n := by
  rw [Nat.mul_comm]
  exact Nat.mul_one n

protected theorem left_distrib (n m k : Nat) : n * (m + k) = n * m + n * k := by
  induction k with
  | zero => rfl
  | succ k ih => rw [add_succ, mul_succ, ih, mul_succ, Nat.add_assoc]

protected theorem right_distrib (n m k : Nat) : (n + m) * k = n * k + m * k := by
  rw [Nat.mul_comm, Nat.left_distrib, Nat.mul_comm k n, Nat.mul_comm k m]

protected theorem mul_add (n m k : Nat) : n * (m + k) = n * m + n * k :=
  Nat.left_distrib n m k

protected theorem add_mul (n m k : Nat) : (n + m) * k = n * k + m * k :=
  Nat.right_distrib n m k

protected theorem mul_assoc : ∀ (n m k : Nat), (n * m) * k = n * (m * k) := by
  intro n m k
  induction k with
  | zero => rfl
  | succ k ih => rw [mul_succ, mul_succ, ih, Nat.left_distrib]

protected theorem mul_left_comm (n m k : Nat) : n * (m * k) = m * (n * k) := by
  rw [← Nat.mul_assoc, Nat.mul_comm n m, Nat.mul_assoc]

protected theorem mul_right_comm (n m k : Nat) : n * m * k = n * k * m := by
  rw [Nat.mul_assoc, Nat.mul_comm m k, ← Nat.mul_assoc]

protected theorem mul_two (n : Nat) : n * 2 = n + n := by
  rw [mul_succ, Nat.mul_one]

protected theorem two_mul (n : Nat) : 2 * n = n + n := by
  rw [Nat.mul_comm]
  exact Nat.mul_two n

/-! ## Inequalities -/

theorem succ_lt_succ {n m : Nat} : n < m → succ n < succ m := succ_le_succ

protected theorem sub_self : ∀ (n : Nat), n - n = 0 := by
  intro n
  induction n with
  | zero => rfl
  | succ n ih => rw [succ_sub_succ, ih]

theorem sub_add_eq (a b c : Nat) : a - (b + c) = a - b - c := by
  induction c with
  | zero => rfl
  | succ c ih => rw [add_succ, sub_succ, sub_succ, ih]

protected theorem lt_of_lt_of_le {n m k : Nat} : n < m → m ≤ k → n < k :=
  Nat.le_trans

protected theorem lt_of_lt_of_eq {n m k : Nat} : n < m → m = k → n < k := by
  intro h e
  rw [← e]
  exact h

protected theorem le_of_eq {n m : Nat} (p : n = m) : n ≤ m := by
  subst p
  exact Nat.le.refl

theorem lt.step {n m : Nat} : n < m → n < succ m := le_step

theorem le_of_succ_le {n m : Nat} (h : succ n ≤ m) : n ≤ m :=
  Nat.le_trans (le_succ n) h

theorem lt_of_succ_lt {n m : Nat} : succ n < m → n < m := le_of_succ_le

protected theorem le_of_lt {n m : Nat} : n < m → n ≤ m := le_of_succ_le

theorem lt_of_succ_lt_succ {n m : Nat} : succ n < succ m → n < m := le_of_succ_le_succ

theorem lt_of_succ_le {n m : Nat} (h : succ n ≤ m) : n < m := h

theorem succ_le_of_lt {n m : Nat} (h : n < m) : succ n ≤ m := h

theorem eq_zero_or_pos : ∀ (n : Nat), n = 0 ∨ n > 0 := by
  intro n
  cases n with
  | zero => left; rfl
  | succ n => right; exact succ_pos n

protected theorem pos_of_ne_zero {n : Nat} : n ≠ 0 → 0 < n := by
  intro h
  cases eq_zero_or_pos n with
  | inl e => exact absurd e h
  | inr p => exact p

theorem lt.base (n : Nat) : n < succ n := Nat.le.refl

theorem lt_succ_self (n : Nat) : n < succ n := lt.base n

protected theorem le_total (m n : Nat) : m ≤ n ∨ n ≤ m := by
  cases Nat.lt_or_ge m n with
  | inl h => exact Or.inl (Nat.le_of_lt h)
  | inr h => exact Or.inr h

theorem eq_zero_of_le_zero {n : Nat} (h : n ≤ 0) : n = 0 :=
  Nat.le_antisymm h (zero_le n)

theorem zero_lt_of_lt : {a b : Nat} → a < b → 0 < b := by
  intro a b h
  exact Nat.lt_of_le_of_lt (zero_le a) h

theorem zero_lt_of_ne_zero {a : Nat} (h : a ≠ 0) : 0 < a := by
  cases a with
  | zero => contradiction
  | succ a => exact zero_lt_succ a

theorem ne_of_lt {a b : Nat} (h : a < b) : a ≠ b := by
  intro e
  subst e
  exact Nat.lt_irrefl a h

theorem le_or_eq_of_le_succ {m n : Nat} (h : m ≤ succ n) : m ≤ n ∨ m = succ n := by
  cases Nat.eq_or_lt_of_le h with
  | inl e => exact Or.inr e
  | inr lt => exact Or.inl (le_of_lt_succ lt)

theorem le_add_right : ∀ (n k : Nat), n ≤ n + k := by
  intro n k
  induction k with
  | zero => exact Nat.le.refl
  | succ k ih => exact le_succ_of_le ih

theorem le_add_left (n m : Nat) : n ≤ m + n := by
  rw [Nat.add_comm]
  exact le_add_right n m

protected theorem lt_add_left {a b : Nat} (c : Nat) (h : a < b) : a < c + b :=
  Nat.lt_of_lt_of_le h (le_add_left b c)

protected theorem lt_add_right {a b : Nat} (c : Nat) (h : a < b) : a < b + c :=
  Nat.lt_of_lt_of_le h (le_add_right b c)

theorem le.dest : ∀ {n m : Nat}, n ≤ m → ∃ k, n + k = m := by
  intro n m h
  induction h with
  | refl => exact ⟨0, rfl⟩
  | step _ ih =>
    obtain ⟨k, hk⟩ := ih
    exact ⟨succ k, by rw [add_succ, hk]⟩

theorem le.intro {n m k : Nat} (h : n + k = m) : n ≤ m := by
  rw [← h]
  exact le_add_right n k

protected theorem not_le_of_gt {n m : Nat} (h : n > m) : ¬n ≤ m := by
  intro h₁
  exact Nat.lt_irrefl n (Nat.lt_of_le_of_lt h₁ h)

protected theorem not_le_of_lt {a b : Nat} : a < b → ¬(b ≤ a) := Nat.not_le_of_gt

protected theorem not_lt_of_ge {a b : Nat} : b ≥ a → ¬(b < a) := by
  intro h₁ h₂
  exact Nat.not_le_of_gt h₂ h₁

protected theorem not_lt_of_le {a b : Nat} : a ≤ b → ¬(b < a) :=
  fun h₁ h₂ => Nat.not_le_of_gt h₂ h₁

protected theorem lt_le_asymm {a b : Nat} : a < b → ¬(b ≤ a) := Nat.not_le_of_gt

protected theorem le_lt_asymm {a b : Nat} : a ≤ b → ¬(b < a) := Nat.not_lt_of_le

theorem gt_of_not_le {n m : Nat} (h : ¬n ≤ m) : n > m :=
  (Nat.lt_or_ge m n).resolve_right h

protected theorem lt_of_not_ge {a b : Nat} : ¬(b ≥ a) → b < a := gt_of_not_le

protected theorem lt_of_not_le {a b : Nat} : ¬(a ≤ b) → b < a := by
  intro h
  cases Nat.lt_or_ge b a with
  | inl lt => exact lt
  | inr ge => exact absurd ge h

theorem ge_of_not_lt {n m : Nat} (h : ¬n < m) : n ≥ m := by
  cases Nat.lt_or_ge n m with
  | inl lt => contradiction
  | inr ge => exact ge

protected theorem le_of_not_gt {a b : Nat} : ¬(b > a) → b ≤ a := ge_of_not_lt

protected theorem le_of_not_lt {a b : Nat} : ¬(a < b) → b ≤ a := ge_of_not_lt

theorem ne_of_gt {a b : Nat} (h : b < a) : a ≠ b := (ne_of_lt h).symm

protected theorem ne_of_lt' {a b : Nat} : a < b → b ≠ a := ne_of_gt

protected theorem not_le {a b : Nat} : ¬a ≤ b ↔ b < a :=
  ⟨gt_of_not_le, Nat.not_le_of_gt⟩

protected theorem not_lt {a b : Nat} : ¬a < b ↔ b ≤ a := by
  constructor
  · exact ge_of_not_lt
  · intro h h'
    exact Nat.not_le_of_gt h' h

protected theorem le_of_not_le {a b : Nat} (h : ¬b ≤ a) : a ≤ b :=
  Nat.le_of_lt (Iff.mp Nat.not_le h)

protected theorem le_of_not_ge {a b : Nat} : ¬(a ≥ b) → a ≤ b := Nat.le_of_not_le

protected theorem lt_trichotomy (a b : Nat) : a < b ∨ a = b ∨ b < a := by
  cases Nat.lt_or_ge a b with
  | inl h => exact Or.inl h
  | inr h =>
    cases Nat.eq_or_lt_of_le h with
    | inl e => exact Or.inr (Or.inl e.symm)
    | inr lt => exact Or.inr (Or.inr lt)

protected theorem lt_or_gt_of_ne {a b : Nat} (ne : a ≠ b) : a < b ∨ a > b := by
  rcases Nat.lt_trichotomy a b with h | (e | h)
  · exact Or.inl h
  · exact absurd e ne
  · exact Or.inr h

protected theorem lt_or_lt_of_ne {a b : Nat} : a ≠ b → a < b ∨ b < a := Nat.lt_or_gt_of_ne

protected theorem le_antisymm_iff {a b : Nat} : a = b ↔ a ≤ b ∧ b ≤ a := by
  constructor
  · intro e
    subst e
    exact ⟨Nat.le.refl, Nat.le.refl⟩
  · intro ⟨h₁, h₂⟩
    exact Nat.le_antisymm h₁ h₂

protected theorem eq_iff_le_and_ge {a b : Nat} : a = b ↔ a ≤ b ∧ b ≤ a := Nat.le_antisymm_iff

protected theorem add_le_add_left {n m : Nat} (h : n ≤ m) (k : Nat) : k + n ≤ k + m := by
  obtain ⟨w, hw⟩ := le.dest h
  apply le.intro (k := w)
  rw [Nat.add_assoc, hw]

protected theorem add_le_add_right {n m : Nat} (h : n ≤ m) (k : Nat) : n + k ≤ m + k := by
  rw [Nat.add_comm n k, Nat.add_comm m k]
  exact Nat.add_le_add_left h k

protected theorem add_lt_add_left {n m : Nat} (h : n < m) (k : Nat) : k + n < k + m := by
  apply lt_of_succ_le
  rw [← add_succ]
  exact Nat.add_le_add_left (succ_le_of_lt h) k

protected theorem add_lt_add_right {n m : Nat} (h : n < m) (k : Nat) : n + k < m + k := by
  rw [Nat.add_comm n k, Nat.add_comm m k]
  exact Nat.add_lt_add_left h k

protected theorem lt_add_of_pos_right {n k : Nat} (h : 0 < k) : n < n + k :=
  Nat.add_lt_add_left h n

protected theorem zero_lt_one : 0 < (1 : Nat) := zero_lt_succ 0

protected theorem pos_iff_ne_zero {n : Nat} : 0 < n ↔ n ≠ 0 :=
  ⟨ne_of_gt, Nat.pos_of_ne_zero⟩

theorem add_le_add {a b c d : Nat} (h₁ : a ≤ b) (h₂ : c ≤ d) : a + c ≤ b + d := by
  apply Nat.le_trans (Nat.add_le_add_right h₁ c)
  exact Nat.add_le_add_left h₂ b

theorem add_lt_add {a b c d : Nat} (h₁ : a < b) (h₂ : c < d) : a + c < b + d :=
  Nat.lt_trans (Nat.add_lt_add_right h₁ c) (Nat.add_lt_add_left h₂ b)

protected theorem le_of_add_le_add_left {a b c : Nat} (h : a + b ≤ a + c) : b ≤ c := by
  obtain ⟨d, hd⟩ := le.dest h
  apply le.intro (k := d)
  rw [Nat.add_assoc] at hd
  exact Nat.add_left_cancel hd

protected theorem le_of_add_le_add_right {a b c : Nat} : a + b ≤ c + b → a ≤ c := by
  rw [Nat.add_comm a b, Nat.add_comm c b]
  exact Nat.le_of_add_le_add_left

protected theorem add_le_add_iff_right {m k n : Nat} : m + n ≤ k + n ↔ m ≤ k :=
  ⟨Nat.le_of_add_le_add_right, fun h => Nat.add_le_add_right h n⟩

/-! ## le/lt -/

protected theorem lt_asymm {a b : Nat} (h : a < b) : ¬b < a :=
  Iff.mpr Nat.not_lt (Nat.le_of_lt h)

protected theorem lt_iff_le_not_le {m n : Nat} : m < n ↔ m ≤ n ∧ ¬n ≤ m := by
  constructor
  · intro h
    exact ⟨Nat.le_of_lt h, Nat.not_le_of_gt h⟩
  · intro ⟨_, h⟩
    exact Nat.lt_of_not_le h

protected theorem lt_iff_le_and_ne {m n : Nat} : m < n ↔ m ≤ n ∧ m ≠ n := by
  constructor
  · intro h
    exact ⟨Nat.le_of_lt h, ne_of_lt h⟩
  · intro ⟨h₁, h₂⟩
    exact Nat.lt_of_le_of_ne h₁ h₂

protected theorem ne_iff_lt_or_gt {a b : Nat} : a ≠ b ↔ a < b ∨ b < a := by
  constructor
  · exact Nat.lt_or_gt_of_ne
  · rintro (h | h)
    · exact ne_of_lt h
    · exact ne_of_gt h

protected theorem eq_or_lt_of_not_lt {a b : Nat} (hnlt : ¬a < b) : a = b ∨ b < a :=
  (Nat.lt_trichotomy a b).resolve_left hnlt

protected theorem lt_or_eq_of_le {n m : Nat} (h : n ≤ m) : n < m ∨ n = m := by
  cases Nat.eq_or_lt_of_le h with
  | inl e => exact Or.inr e
  | inr lt => exact Or.inl lt

protected theorem le_iff_lt_or_eq {n m : Nat} : n ≤ m ↔ n < m ∨ n = m := by
  constructor
  · exact Nat.lt_or_eq_of_le
  · rintro (h | rfl)
    · exact Nat.le_of_lt h
    · exact Nat.le.refl

protected theorem lt_succ_iff {m n : Nat} : m < succ n ↔ m ≤ n :=
  ⟨le_of_lt_succ, lt_succ_of_le⟩

protected theorem lt_succ_iff_lt_or_eq {m n : Nat} : m < succ n ↔ m < n ∨ m = n :=
  Iff.trans Nat.lt_succ_iff Nat.le_iff_lt_or_eq

protected theorem eq_of_lt_succ_of_not_lt {m n : Nat} (hmn : m < n + 1) (h : ¬m < n) : m = n := by
  cases Iff.mp Nat.lt_succ_iff_lt_or_eq hmn with
  | inl h' => contradiction
  | inr e => exact e

protected theorem eq_of_le_of_lt_succ {n m : Nat} (h₁ : n ≤ m) (h₂ : m < n + 1) : m = n :=
  Nat.le_antisymm (le_of_lt_succ h₂) h₁

/-! ## zero/one/two -/

theorem le_zero {i : Nat} : i ≤ 0 ↔ i = 0 := by
  constructor
  · exact eq_zero_of_le_zero
  · intro h
    subst h
    exact Nat.le.refl

protected theorem two_pos : 0 < 2 := zero_lt_succ 1

protected theorem ne_zero_iff_zero_lt {n : Nat} : n ≠ 0 ↔ 0 < n :=
  Iff.symm Nat.pos_iff_ne_zero

protected theorem zero_lt_two : 0 < 2 := by
  apply zero_lt_succ

protected theorem one_lt_two : 1 < 2 := succ_lt_succ Nat.zero_lt_one

protected theorem eq_zero_of_not_pos {n : Nat} (h : ¬0 < n) : n = 0 :=
  eq_zero_of_le_zero (Iff.mp Nat.not_lt h)

/-! ## succ/pred -/

theorem succ_ne_self (n : Nat) : succ n ≠ n := by
  intro h
  have hlt := lt_succ_self n
  rw [h] at hlt
  exact Nat.lt_irrefl n hlt

theorem succ_le {n m : Nat} : succ n ≤ m ↔ n < m := Iff.rfl

theorem lt_succ {m n : Nat} : m < succ n ↔ m ≤ n := by
  constructor
  · exact le_of_lt_succ
  · exact lt_succ_of_le

theorem lt_succ_of_lt {a b : Nat} (h : a < b) : a < succ b := le_succ_of_le h

theorem succ_pred_eq_of_ne_zero : ∀ {n : Nat}, n ≠ 0 → succ (pred n) = n := by
  intro n h
  cases n with
  | zero => exact absurd rfl h
  | succ n => rfl

theorem eq_zero_or_eq_succ_pred : ∀ (n : Nat), n = 0 ∨ n = succ (pred n)
  | 0 => Or.inl rfl
  | _ + 1 => Or.inr rfl

theorem succ_le_succ_iff {a b : Nat} : succ a ≤ succ b ↔ a ≤ b :=
  ⟨le_of_succ_le_succ, succ_le_succ⟩

theorem succ_lt_succ_iff {a b : Nat} : succ a < succ b ↔ a < b := by
  constructor
  · exact lt_of_succ_lt_succ
  · exact succ_lt_succ

theorem pred_inj : ∀ {a b : Nat}, 0 < a → 0 < b → pred a = pred b → a = b := by
  intro a b ha hb h
  cases a with
  | zero => exact absurd ha (Nat.lt_irrefl 0)
  | succ a =>
    cases b with
    | zero => exact absurd hb (Nat.lt_irrefl 0)
    | succ b => exact congrArg succ h

theorem pred_ne_self : ∀ {a : Nat}, a ≠ 0 → pred a ≠ a := by
  intro a h
  cases a with
  | zero => contradiction
  | succ a => exact (succ_ne_self a).symm

theorem pred_lt_self : ∀ {a : Nat}, 0 < a → pred a < a := by
  intro a h
  cases a with
  | zero => exact absurd h (Nat.lt_irrefl 0)
  | succ a => exact lt_succ_self a

theorem pred_lt_pred : ∀ {n m : Nat}, n ≠ 0 → n < m → pred n < pred m := by
  intro n m hn h
  cases n with
  | zero => contradiction
  | succ n =>
    cases m with
    | zero => exact absurd h (not_lt_zero _)
    | succ m => exact lt_of_succ_lt_succ h

theorem pred_le_iff_le_succ : ∀ {n m : Nat}, pred n ≤ m ↔ n ≤ succ m := by
  intro n m
  cases n with
  | zero => exact ⟨fun _ => zero_le _, fun _ => zero_le _⟩
  | succ n => exact Iff.symm succ_le_succ_iff

theorem le_succ_of_pred_le {n m : Nat} : pred n ≤ m → n ≤ succ m := Iff.mp pred_le_iff_le_succ

theorem pred_le_of_le_succ {n m : Nat} : n ≤ succ m → pred n ≤ m := Iff.mpr pred_le_iff_le_succ

theorem lt_pred_iff_succ_lt : ∀ {n m : Nat}, n < pred m ↔ succ n < m := by
  intro n m
  cases m with
  | zero =>
    constructor
    · intro h
      exact absurd h (not_lt_zero n)
    · intro h
      exact absurd h (not_lt_zero _)
  | succ m => exact Iff.symm succ_lt_succ_iff

theorem succ_lt_of_lt_pred {n m : Nat} : n < pred m → succ n < m := Iff.mp lt_pred_iff_succ_lt

theorem lt_pred_of_succ_lt {n m : Nat} : succ n < m → n < pred m := Iff.mpr lt_pred_iff_succ_lt

theorem le_pred_iff_lt : ∀ {n m : Nat}, 0 < m → (n ≤ pred m ↔ n < m) := by
  intro n m hm
  cases m with
  | zero => exact absurd hm (Nat.lt_irrefl 0)
  | succ m => exact Iff.symm Nat.lt_succ_iff

theorem le_pred_of_lt {n m : Nat} (h : n < m) : n ≤ pred m :=
  (le_pred_iff_lt (zero_lt_of_lt h)).mpr h

theorem le_sub_one_of_lt {a b : Nat} : a < b → a ≤ b - 1 := le_pred_of_lt

theorem lt_of_le_pred {n m : Nat} (h : 0 < m) : n ≤ pred m → n < m := (le_pred_iff_lt h).mp

theorem exists_eq_succ_of_ne_zero : ∀ {n : Nat}, n ≠ 0 → ∃ k, n = succ k := by
  intro n h
  cases n with
  | zero => contradiction
  | succ k => exact ⟨k, rfl⟩

/-! ## Numerals -/

protected theorem one_ne_zero : 1 ≠ (0 : Nat) := succ_ne_zero 0

protected theorem zero_ne_one : 0 ≠ (1 : Nat) := by
  intro h
  exact Nat.one_ne_zero h.symm

/-! ## Multiplication and order -/

protected theorem mul_le_mul_left {n m : Nat} (k : Nat) (h : n ≤ m) : k * n ≤ k * m := by
  obtain ⟨l, hl⟩ := le.dest h
  apply le.intro (k := k * l)
  rw [← Nat.left_distrib, hl]

protected theorem mul_le_mul_right {n m : Nat} (k : Nat) (h : n ≤ m) : n * k ≤ m * k := by
  rw [Nat.mul_comm n k, Nat.mul_comm m k]
  exact Nat.mul_le_mul_left k h

protected theorem mul_le_mul {n₁ m₁ n₂ m₂ : Nat} (h₁ : n₁ ≤ n₂) (h₂ : m₁ ≤ m₂) : n₁ * m₁ ≤ n₂ * m₂ :=
  Nat.le_trans (Nat.mul_le_mul_right m₁ h₁) (Nat.mul_le_mul_left n₂ h₂)

protected theorem mul_lt_mul_of_pos_left {n m k : Nat} (h : n < m) (hk : k > 0) : k * n < k * m := by
  apply Nat.lt_of_lt_of_le (Nat.add_lt_add_left hk (k * n))
  rw [← mul_succ]
  exact Nat.mul_le_mul_left k (succ_le_of_lt h)

protected theorem mul_lt_mul_of_pos_right {n m k : Nat} (h : n < m) (hk : k > 0) : n * k < m * k := by
  rw [Nat.mul_comm n k, Nat.mul_comm m k]
  exact Nat.mul_lt_mul_of_pos_left h hk

protected theorem mul_pos {n m : Nat} (ha : n > 0) (hb : m > 0) : n * m > 0 := by
  have h : 0 * m < n * m := Nat.mul_lt_mul_of_pos_right ha hb
  rw [Nat.zero_mul] at h
  exact h

protected theorem le_of_mul_le_mul_left {a b c : Nat} (h : c * a ≤ c * b) (hc : 0 < c) : a ≤ b := by
  apply Nat.le_of_not_lt
  intro hlt
  exact Nat.not_le_of_gt (Nat.mul_lt_mul_of_pos_left hlt hc) h

protected theorem eq_of_mul_eq_mul_left {m k n : Nat} (hn : 0 < n) (h : n * m = n * k) : m = k :=
  Nat.le_antisymm (Nat.le_of_mul_le_mul_left (Nat.le_of_eq h) hn)
    (Nat.le_of_mul_le_mul_left (Nat.le_of_eq h.symm) hn)

theorem eq_of_mul_eq_mul_right {n m k : Nat} (hm : 0 < m) (h : n * m = k * m) : n = k := by
  rw [Nat.mul_comm n m, Nat.mul_comm k m] at h
  exact Nat.eq_of_mul_eq_mul_left hm h

/-! ## Auxiliary facts for recursion -/

theorem not_eq_zero_of_lt {a b : Nat} (h : b < a) : a ≠ 0 := by
  cases a with
  | zero => exact absurd h (not_lt_zero b)
  | succ a => exact succ_ne_zero a

theorem pred_lt' {n m : Nat} (h : m < n) : pred n < n :=
  pred_lt (not_eq_zero_of_lt h)

theorem succ_pred {a : Nat} (h : a ≠ 0) : succ (pred a) = a := by
  induction a with
  | zero => contradiction
  | succ => rfl

theorem succ_pred_eq_of_pos : ∀ {n : Nat}, 0 < n → succ (pred n) = n := by
  intro n h
  exact succ_pred (Iff.mp Nat.pos_iff_ne_zero h)

/-! ## Subtraction -/

theorem add_sub_self_left (a b : Nat) : (a + b) - a = b := by
  induction a with
  | zero => rw [Nat.zero_add]; rfl
  | succ a ih =>
    rw [succ_add, succ_sub_succ]
    exact ih

theorem add_sub_self_right (a b : Nat) : (a + b) - b = a := by
  rw [Nat.add_comm]
  exact add_sub_self_left b a

theorem sub_le_succ_sub (a i : Nat) : a - i ≤ succ a - i := by
  cases i with
  | zero => exact le_succ a
  | succ i =>
    rw [sub_succ, succ_sub_succ]
    exact pred_le (a - i)

theorem zero_lt_sub_of_lt {i a : Nat} (h : i < a) : 0 < a - i := by
  obtain ⟨k, hk⟩ := le.dest h
  rw [← hk, succ_add, ← add_succ, add_sub_self_left]
  exact zero_lt_succ k

theorem sub_succ_lt_self (a i : Nat) (h : i < a) : a - (i + 1) < a - i := by
  rw [← succ_eq_add_one, sub_succ]
  apply pred_lt
  apply not_eq_zero_of_lt
  exact zero_lt_sub_of_lt h

theorem sub_ne_zero_of_lt : {a b : Nat} → a < b → b - a ≠ 0 := by
  intro a b h
  exact not_eq_zero_of_lt (zero_lt_sub_of_lt h)

theorem add_sub_of_le {a b : Nat} (h : a ≤ b) : a + (b - a) = b := by
  obtain ⟨k, hk⟩ := le.dest h
  rw [← hk, add_sub_self_left]

protected theorem sub_add_cancel {n m : Nat} (h : m ≤ n) : n - m + m = n := by
  rw [Nat.add_comm]
  exact add_sub_of_le h

protected theorem add_sub_add_right (n k m : Nat) : (n + k) - (m + k) = n - m := by
  induction k with
  | zero => rfl
  | succ k ih => rw [add_succ, add_succ, succ_sub_succ, ih]

protected theorem add_sub_add_left (k n m : Nat) : (k + n) - (k + m) = n - m := by
  rw [Nat.add_comm k n, Nat.add_comm k m]
  exact Nat.add_sub_add_right n k m

protected theorem add_sub_cancel {n m : Nat} : n + m - m = n := by
  have h := Nat.add_sub_add_right n m 0
  rw [Nat.zero_add] at h
  exact h

protected theorem add_sub_cancel_left {n m : Nat} : n + m - n = m :=
  add_sub_self_left n m

protected theorem add_sub_assoc {m k : Nat} (h : k ≤ m) (n : Nat) : n + m - k = n + (m - k) := by
  obtain ⟨l, hl⟩ := le.dest h
  rw [← hl, Nat.add_sub_cancel_left, Nat.add_comm k l, ← Nat.add_assoc, Nat.add_sub_cancel]

protected theorem eq_add_of_sub_eq {a b c : Nat} (hle : b ≤ a) (h : a - b = c) : a = c + b := by
  rw [← h, Nat.sub_add_cancel hle]

protected theorem sub_eq_of_eq_add {a b c : Nat} (h : a = c + b) : a - b = c := by
  rw [h]
  exact Nat.add_sub_cancel

protected theorem zero_sub (n : Nat) : 0 - n = 0 := by
  induction n with
  | zero => rfl
  | succ n ih => rw [sub_succ, ih]; rfl

protected theorem sub_self_add (n m : Nat) : n - (n + m) = 0 := by
  induction n with
  | zero => rw [Nat.zero_add]; exact Nat.zero_sub m
  | succ n ih => rw [succ_add, succ_sub_succ]; exact ih

protected theorem sub_eq_zero_of_le {n m : Nat} (h : n ≤ m) : n - m = 0 := by
  obtain ⟨k, hk⟩ := le.dest h
  rw [← hk]
  exact Nat.sub_self_add n k

theorem le_add_of_sub_le {a b c : Nat} (h : a - b ≤ c) : a ≤ c + b := by
  cases Nat.le_total a b with
  | inl hle => exact Nat.le_trans hle (le_add_left b c)
  | inr hge =>
    have e := Nat.sub_add_cancel hge
    rw [← e]
    exact Nat.add_le_add_right h b

theorem sub_le_of_le_add {a b c : Nat} (h : a ≤ c + b) : a - b ≤ c := by
  cases Nat.le_total a b with
  | inl hle =>
    rw [Nat.sub_eq_zero_of_le hle]
    exact zero_le c
  | inr hge =>
    apply Nat.le_of_add_le_add_right (b := b)
    rw [Nat.sub_add_cancel hge]
    exact h

theorem add_le_of_le_sub {a b c : Nat} (hle : b ≤ c) (h : a ≤ c - b) : a + b ≤ c := by
  have h' := Nat.add_le_add_right h b
  rw [Nat.sub_add_cancel hle] at h'
  exact h'

theorem le_sub_of_add_le {a b c : Nat} (h : a + b ≤ c) : a ≤ c - b := by
  obtain ⟨d, hd⟩ := le.dest h
  apply le.intro (k := d)
  rw [← hd, Nat.add_right_comm, Nat.add_sub_cancel]

theorem add_lt_of_lt_sub {a b c : Nat} (h : a < c - b) : a + b < c := by
  have hle : b ≤ c := by
    apply Nat.le_of_not_lt
    intro hgt
    rw [Nat.sub_eq_zero_of_le (Nat.le_of_lt hgt)] at h
    exact not_lt_zero a h
  have h' : succ a + b ≤ c := add_le_of_le_sub hle h
  rw [succ_add] at h'
  exact h'

theorem lt_sub_of_add_lt {a b c : Nat} (h : a + b < c) : a < c - b := by
  apply le_sub_of_add_le
  rw [succ_add]
  exact h

protected theorem sub_lt_sub_left : ∀ {k m n : Nat}, k < m → k < n → m - n < m - k := by
  intro k m n hkm hkn
  induction k generalizing m n with
  | zero =>
    cases m
    · exact absurd hkm (Nat.lt_irrefl 0)
    · cases n
      · exact absurd hkn (Nat.lt_irrefl 0)
      · rw [succ_sub_succ]
        exact lt_succ_of_le (sub_le _ _)
  | succ k ih =>
    cases m
    · exact absurd hkm (not_lt_zero _)
    · cases n
      · exact absurd hkn (not_lt_zero _)
      · rw [succ_sub_succ, succ_sub_succ]
        exact ih (lt_of_succ_lt_succ hkm) (lt_of_succ_lt_succ hkn)

theorem succ_sub {m n : Nat} (h : n ≤ m) : succ m - n = succ (m - n) := by
  obtain ⟨k, hk⟩ := le.dest h
  rw [← hk, Nat.add_comm n k, ← succ_add, Nat.add_sub_cancel, Nat.add_sub_cancel]

protected theorem sub_pos_of_lt {m n : Nat} (h : m < n) : 0 < n - m :=
  zero_lt_sub_of_lt h

protected theorem sub_sub (n m k : Nat) : n - m - k = n - (m + k) := by
  induction k with
  | zero => rfl
  | succ k ih => rw [sub_succ, ih, add_succ, sub_succ]

protected theorem sub_le_sub_left {n m : Nat} (h : n ≤ m) (k : Nat) : k - m ≤ k - n := by
  obtain ⟨l, hl⟩ := le.dest h
  rw [← hl, ← Nat.sub_sub]
  exact sub_le (k - n) l

protected theorem sub_le_sub_right {n m : Nat} (h : n ≤ m) : ∀ k, n - k ≤ m - k := by
  intro k
  induction k with
  | zero => exact h
  | succ k ih =>
    rw [sub_succ, sub_succ]
    exact pred_le_pred ih

protected theorem lt_of_sub_pos {m n : Nat} (h : 0 < n - m) : m < n := by
  apply Nat.lt_of_not_le
  intro hle
  rw [Nat.sub_eq_zero_of_le hle] at h
  exact Nat.lt_irrefl 0 h

protected theorem lt_of_sub_eq_succ {m n l : Nat} (h : m - n = succ l) : n < m := by
  apply Nat.lt_of_sub_pos
  rw [h]
  exact zero_lt_succ l

protected theorem le_of_sub_eq_zero : ∀ {n m : Nat}, n - m = 0 → n ≤ m := by
  intro n m h
  apply Nat.le_of_not_lt
  intro hlt
  exact Nat.ne_of_gt (Nat.sub_pos_of_lt hlt) h

protected theorem sub_eq_iff_eq_add {a b c : Nat} (h : b ≤ a) : a - b = c ↔ a = c + b := by
  constructor
  · intro e
    exact Nat.eq_add_of_sub_eq h e
  · intro e
    exact Nat.sub_eq_of_eq_add e

protected theorem sub_eq_iff_eq_add' {a b c : Nat} (h : b ≤ a) : a - b = c ↔ a = b + c := by
  rw [Nat.add_comm b c]
  exact Nat.sub_eq_iff_eq_add h

protected theorem pred_mul (n m : Nat) : pred n * m = n * m - m := by
  cases n with
  | zero => rw [Nat.pred_zero, Nat.zero_mul, Nat.zero_sub]
  | succ n => rw [succ_mul, Nat.add_sub_cancel]; rfl

protected theorem mul_pred (n m : Nat) : n * pred m = n * m - n := by
  rw [Nat.mul_comm, Nat.pred_mul, Nat.mul_comm m n]

protected theorem mul_sub_right_distrib (n m k : Nat) : (n - m) * k = n * k - m * k := by
  induction m with
  | zero => rw [Nat.zero_mul]; rfl
  | succ m ih => rw [sub_succ, Nat.pred_mul, ih, succ_mul, Nat.sub_sub]

protected theorem mul_sub_left_distrib (n m k : Nat) : n * (m - k) = n * m - n * k := by
  rw [Nat.mul_comm, Nat.mul_sub_right_distrib, Nat.mul_comm m n, Nat.mul_comm k n]

protected theorem lt_add_of_pos_left {n k : Nat} : 0 < k → n < k + n := by
  intro h
  rw [Nat.add_comm]
  exact Nat.lt_add_of_pos_right h

theorem add_one_sub_one (n : Nat) : n + 1 - 1 = n := rfl

/-! ## Nat/Lemmas: succ/pred -/

protected theorem sub_one (n : Nat) : n - 1 = pred n := rfl

theorem pred_eq_sub_one {n : Nat} : pred n = n - 1 := rfl

theorem one_add (n : Nat) : 1 + n = succ n := Nat.add_comm 1 n

theorem one_lt_succ_succ (n : Nat) : 1 < succ (succ n) :=
  succ_lt_succ (succ_pos n)

theorem not_succ_lt_self {n : Nat} : ¬succ n < n := by
  intro h
  exact Nat.not_lt_of_ge (le_succ n) h

theorem succ_le_iff {m n : Nat} : succ m ≤ n ↔ m < n := Iff.rfl

theorem add_one_le_iff {m n : Nat} : m + 1 ≤ n ↔ m < n := by
  constructor
  · intro h
    exact h
  · intro h
    exact h

theorem le_succ_iff {m n : Nat} : m ≤ succ n ↔ m ≤ n ∨ m = succ n := by
  constructor
  · exact le_or_eq_of_le_succ
  · rintro (h | rfl)
    · exact le_succ_of_le h
    · exact Nat.le.refl

theorem lt_iff_add_one_le {m n : Nat} : m < n ↔ m + 1 ≤ n := by
  rw [add_one_le_iff]

theorem lt_one_add_iff {m n : Nat} : m < 1 + n ↔ m ≤ n := by
  rw [one_add]
  exact Nat.lt_succ_iff

theorem one_add_le_iff {m n : Nat} : 1 + m ≤ n ↔ m < n := by
  rw [Nat.add_comm, add_one_le_iff]

theorem one_le_iff_ne_zero {n : Nat} : 1 ≤ n ↔ n ≠ 0 := Nat.pos_iff_ne_zero

theorem one_le_of_lt {a b : Nat} (h : a < b) : 1 ≤ b :=
  Nat.lt_of_le_of_lt (zero_le a) h

theorem pred_one_add (n : Nat) : pred (1 + n) = n := by
  rw [Nat.add_comm, ← succ_eq_add_one]
  rfl

theorem pred_eq_of_eq_succ {m n : Nat} (H : m = succ n) : pred m = n := by
  subst H
  rfl

theorem succ_add_sub_one (n m : Nat) : succ m + n - 1 = m + n := by
  rw [succ_add]
  rfl

theorem pred_sub (n m : Nat) : pred n - m = pred (n - m) := by
  rw [← Nat.sub_one, Nat.sub_sub, one_add, sub_succ]

/-! ## Nat/Lemmas: add -/

protected theorem add_add_add_comm (a b c d : Nat) : (a + b) + (c + d) = (a + c) + (b + d) := by
  rw [Nat.add_assoc, Nat.add_assoc, Nat.add_left_comm b c d]

theorem succ_eq_one_add (n : Nat) : succ n = 1 + n := (one_add n).symm

theorem succ_add_eq_add_succ (a b : Nat) : succ a + b = a + succ b := by
  rw [succ_add, add_succ]

protected theorem add_eq_zero_iff {n m : Nat} : n + m = 0 ↔ n = 0 ∧ m = 0 := by
  constructor
  · exact Nat.eq_zero_of_add_eq_zero
  · intro ⟨h₁, h₂⟩
    rw [h₁, h₂]

protected theorem add_left_cancel_iff {m k n : Nat} : n + m = n + k ↔ m = k := by
  constructor
  · exact Nat.add_left_cancel
  · intro h
    rw [h]

protected theorem add_right_cancel_iff {m k n : Nat} : m + n = k + n ↔ m = k :=
  ⟨Nat.add_right_cancel, fun h => by rw [h]⟩

protected theorem add_left_inj {m k n : Nat} : m + n = k + n ↔ m = k := Nat.add_right_cancel_iff

protected theorem add_right_inj {m k n : Nat} : n + m = n + k ↔ m = k := Nat.add_left_cancel_iff

protected theorem lt_of_add_lt_add_right {k m : Nat} : ∀ {n : Nat}, k + n < m + n → k < m := by
  intro n h
  induction n with
  | zero => exact h
  | succ n ih => exact ih (lt_of_succ_lt_succ h)

protected theorem lt_of_add_lt_add_left {k m n : Nat} : n + k < n + m → k < m := by
  rw [Nat.add_comm n k, Nat.add_comm n m]
  exact Nat.lt_of_add_lt_add_right

protected theorem add_lt_add_iff_left {k n m : Nat} : k + n < k + m ↔ n < m :=
  ⟨Nat.lt_of_add_lt_add_left, fun h => Nat.add_lt_add_left h k⟩

protected theorem add_lt_add_iff_right {k n m : Nat} : n + k < m + k ↔ n < m := by
  constructor
  · exact Nat.lt_of_add_lt_add_right
  · intro h
    exact Nat.add_lt_add_right h k

protected theorem add_lt_add_of_le_of_lt {a b c d : Nat} (hle : a ≤ b) (hlt : c < d) :
    a + c < b + d :=
  Nat.lt_of_le_of_lt (Nat.add_le_add_right hle c) (Nat.add_lt_add_left hlt b)

protected theorem add_lt_add_of_lt_of_le {a b c d : Nat} (hlt : a < b) (hle : c ≤ d) :
    a + c < b + d := by
  apply Nat.lt_of_le_of_lt (Nat.add_le_add_left hle a)
  exact Nat.add_lt_add_right hlt d

protected theorem pos_of_lt_add_right {n k : Nat} (h : n < n + k) : 0 < k := by
  apply Nat.lt_of_add_lt_add_left (n := n)
  exact h

protected theorem pos_of_lt_add_left {n k : Nat} : n < k + n → 0 < k := by
  rw [Nat.add_comm]
  exact Nat.pos_of_lt_add_right

protected theorem lt_add_right_iff_pos {n k : Nat} : n < n + k ↔ 0 < k :=
  ⟨Nat.pos_of_lt_add_right, Nat.lt_add_of_pos_right⟩

protected theorem lt_add_left_iff_pos {n k : Nat} : n < k + n ↔ 0 < k :=
  ⟨Nat.pos_of_lt_add_left, Nat.lt_add_of_pos_left⟩

protected theorem add_pos_left {m : Nat} (h : 0 < m) (n : Nat) : 0 < m + n :=
  Nat.lt_of_lt_of_le h (le_add_right m n)

protected theorem add_pos_right {n : Nat} (m : Nat) (h : 0 < n) : 0 < m + n := by
  rw [Nat.add_comm]
  exact Nat.add_pos_left h m

protected theorem add_self_ne_one : ∀ (n : Nat), n + n ≠ 1 := by
  intro n h
  cases n with
  | zero => cases h
  | succ n =>
    rw [succ_add, add_succ] at h
    simp only [Nat.succ.injEq] at h
    cases h

/-! ## Nat/Lemmas: sub -/

theorem succ_sub_sub_succ (n m k : Nat) : succ n - m - succ k = n - m - k := by
  rw [Nat.sub_sub, Nat.sub_sub, add_succ, succ_sub_succ]

theorem add_sub_sub_add_right (n m k l : Nat) : (n + l) - m - (k + l) = n - m - k := by
  rw [Nat.sub_sub, Nat.sub_sub, ← Nat.add_assoc, Nat.add_sub_add_right]

protected theorem sub_right_comm (m n k : Nat) : m - n - k = m - k - n := by
  rw [Nat.sub_sub, Nat.sub_sub, Nat.add_comm]

protected theorem add_sub_cancel_right (n m : Nat) : (n + m) - m = n := Nat.add_sub_cancel

protected theorem add_sub_cancel' {n m : Nat} (h : m ≤ n) : m + (n - m) = n := by
  rw [Nat.add_comm, Nat.sub_add_cancel h]

theorem succ_sub_one (n : Nat) : succ n - 1 = n := rfl

protected theorem one_add_sub_one (n : Nat) : (1 + n) - 1 = n := Nat.add_sub_cancel_left

protected theorem sub_sub_self {n m : Nat} (h : m ≤ n) : n - (n - m) = m := by
  apply Iff.mpr (Nat.sub_eq_iff_eq_add (sub_le n m))
  exact (add_sub_of_le h).symm

protected theorem sub_add_comm {n m k : Nat} (h : k ≤ n) : n + m - k = n - k + m := by
  obtain ⟨l, hl⟩ := le.dest h
  rw [← hl, Nat.add_sub_cancel_left, Nat.add_assoc, Nat.add_sub_cancel_left]

protected theorem sub_eq_zero_iff_le {n m : Nat} : n - m = 0 ↔ n ≤ m :=
  ⟨Nat.le_of_sub_eq_zero, Nat.sub_eq_zero_of_le⟩

protected theorem sub_pos_iff_lt {n m : Nat} : 0 < n - m ↔ m < n := by
  constructor
  · exact Nat.lt_of_sub_pos
  · exact Nat.sub_pos_of_lt

protected theorem sub_le_iff_le_add {a b c : Nat} : a - b ≤ c ↔ a ≤ c + b :=
  ⟨le_add_of_sub_le, sub_le_of_le_add⟩

protected theorem sub_le_iff_le_add' {a b c : Nat} : a - b ≤ c ↔ a ≤ b + c := by
  rw [Nat.add_comm, Nat.sub_le_iff_le_add]

protected theorem le_sub_iff_add_le {n k m : Nat} (h : k ≤ m) : n ≤ m - k ↔ n + k ≤ m :=
  ⟨add_le_of_le_sub h, le_sub_of_add_le⟩

protected theorem add_le_of_le_sub' {n k m : Nat} (h : m ≤ k) : n ≤ k - m → m + n ≤ k := by
  intro h'
  rw [Nat.add_comm]
  exact add_le_of_le_sub h h'

protected theorem le_sub_of_add_le' {n k m : Nat} : m + n ≤ k → n ≤ k - m := by
  intro h
  rw [Nat.add_comm] at h
  exact le_sub_of_add_le h

protected theorem le_sub_iff_add_le' {n k m : Nat} (h : k ≤ m) : n ≤ m - k ↔ k + n ≤ m :=
  ⟨Nat.add_le_of_le_sub' h, Nat.le_sub_of_add_le'⟩

theorem sub_lt_succ (a b : Nat) : a - b < succ a := lt_succ_of_le (sub_le a b)

protected theorem exists_eq_add_of_le {m n : Nat} (h : m ≤ n) : ∃ k : Nat, n = m + k :=
  ⟨n - m, (add_sub_of_le h).symm⟩

protected theorem exists_eq_add_of_le' {m n : Nat} (h : m ≤ n) : ∃ k : Nat, n = k + m := by
  refine ⟨n - m, ?_⟩
  rw [Nat.sub_add_cancel h]

protected theorem exists_eq_add_of_lt {m n : Nat} (h : m < n) : ∃ k : Nat, n = m + k + 1 := by
  obtain ⟨k, hk⟩ := le.dest h
  exact ⟨k, by rw [← hk, succ_add]⟩

protected theorem lt_sub_iff_add_lt {a b c : Nat} : a < c - b ↔ a + b < c :=
  ⟨add_lt_of_lt_sub, lt_sub_of_add_lt⟩

/-! ## Nat/Lemmas: mul -/

protected theorem mul_mul_mul_comm (a b c d : Nat) : (a * b) * (c * d) = (a * c) * (b * d) := by
  rw [Nat.mul_assoc, Nat.mul_assoc, Nat.mul_left_comm b c d]

theorem mul_eq_zero : ∀ {m n : Nat}, n * m = 0 ↔ n = 0 ∨ m = 0 := by
  intro m n
  constructor
  · intro h
    cases n with
    | zero => exact Or.inl rfl
    | succ n =>
      cases m with
      | zero => exact Or.inr rfl
      | succ m =>
        rw [mul_succ, add_succ] at h
        exact absurd h (succ_ne_zero _)
  · rintro (rfl | rfl)
    · exact Nat.zero_mul m
    · rfl

protected theorem mul_ne_zero_iff {n m : Nat} : n * m ≠ 0 ↔ n ≠ 0 ∧ m ≠ 0 := by
  rw [ne_eq, mul_eq_zero, not_or]

protected theorem mul_ne_zero {n m : Nat} : n ≠ 0 → m ≠ 0 → n * m ≠ 0 := by
  intro hn hm
  exact Iff.mpr Nat.mul_ne_zero_iff ⟨hn, hm⟩

protected theorem ne_zero_of_mul_ne_zero_left {n m : Nat} (h : n * m ≠ 0) : n ≠ 0 :=
  (Iff.mp Nat.mul_ne_zero_iff h).1

protected theorem ne_zero_of_mul_ne_zero_right {n m : Nat} (h : n * m ≠ 0) : m ≠ 0 :=
  (Iff.mp Nat.mul_ne_zero_iff h).2

protected theorem mul_left_cancel {n m k : Nat} (np : 0 < n) (h : n * m = n * k) : m = k :=
  Nat.eq_of_mul_eq_mul_left np h

protected theorem mul_right_cancel {n m k : Nat} (mp : 0 < m) (h : n * m = k * m) : n = k := by
  rw [Nat.mul_comm n m, Nat.mul_comm k m] at h
  exact Nat.mul_left_cancel mp h

protected theorem mul_left_cancel_iff {n : Nat} (p : 0 < n) {m k : Nat} : n * m = n * k ↔ m = k := by
  constructor
  · exact Nat.mul_left_cancel p
  · intro h
    rw [h]

protected theorem mul_right_cancel_iff {m : Nat} (p : 0 < m) {n k : Nat} : n * m = k * m ↔ n = k :=
  ⟨Nat.mul_right_cancel p, fun h => congrArg (fun x => x * m) h⟩

protected theorem le_mul_of_pos_left {n : Nat} (m : Nat) (h : 0 < n) : m ≤ n * m := by
  have h' := Nat.mul_le_mul_right m h
  rw [Nat.one_mul] at h'
  exact h'

protected theorem le_mul_of_pos_right {m : Nat} (n : Nat) (h : 0 < m) : n ≤ n * m := by
  rw [Nat.mul_comm]
  exact Nat.le_mul_of_pos_left n h

protected theorem mul_lt_mul_of_lt_of_le {a b c d : Nat} (hac : a < c) (hbd : b ≤ d) (hd : 0 < d) :
    a * b < c * d :=
  Nat.lt_of_le_of_lt (Nat.mul_le_mul_left a hbd) (Nat.mul_lt_mul_of_pos_right hac hd)

protected theorem mul_lt_mul_of_le_of_lt {a b c d : Nat} (hac : a ≤ c) (hbd : b < d) (hc : 0 < c) :
    a * b < c * d := by
  apply Nat.lt_of_le_of_lt (Nat.mul_le_mul_right b hac)
  exact Nat.mul_lt_mul_of_pos_left hbd hc

theorem succ_mul_succ (a b : Nat) : succ a * succ b = a * b + a + b + 1 := by
  rw [succ_mul, mul_succ, add_succ]

protected theorem zero_eq_mul {m n : Nat} : 0 = m * n ↔ m = 0 ∨ n = 0 := by
  rw [eq_comm]
  exact mul_eq_zero

theorem mul_self_le_mul_self {m n : Nat} (h : m ≤ n) : m * m ≤ n * n := Nat.mul_le_mul h h

protected theorem mul_self_sub_mul_self_eq (a b : Nat) : a * a - b * b = (a + b) * (a - b) := by
  rw [Nat.mul_sub_left_distrib, Nat.right_distrib, Nat.right_distrib, Nat.mul_comm b a,
    ← Nat.sub_sub, Nat.add_sub_cancel]

end Nat
