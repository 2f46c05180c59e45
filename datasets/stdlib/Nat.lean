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

theorem add_one (n : Nat) : n + 1 = succ n :=
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

end Nat
