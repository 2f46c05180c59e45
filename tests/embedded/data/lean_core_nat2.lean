/-
  Lean core's Nat files, second measure (fid-nat): theorems with the names and statements of
  Lean's src/Init/Prelude.lean and src/Init/Data/Nat/Basic.lean, proved in the style Lean core
  proves them, written for this test. It exercises what those files need: implicit lambdas
  (`protected theorem … : ∀ {a b : Nat}, … := Nat.foo`), `flip`, `h ▸ e` rewriting `e`'s type,
  equation alternatives whose missing cases are contradictory (`| _+1, _ => …` beside `0 < n`),
  the `rfl` pattern, `suffices`, `induction … with tac | …`, `^`, a match field's beta-reduced
  type, and restating Lean core's simp lemmas. Run:
    python -m lean_bridge.embedded check tests/embedded/data/lean_core_nat2.lean
-/
namespace Nat

-- restated library lemmas (Lean core's statements, auto-bound implicits included)
theorem zero_eq : Nat.zero = 0 := rfl
theorem add_eq : Nat.add x y = x + y := rfl
protected theorem mul_zero (n : Nat) : n * 0 = 0 := rfl
protected theorem sub_zero (n : Nat) : n - 0 = n := rfl

def blt (a b : Nat) : Bool :=
  ble a.succ b

theorem blt_eq : (Nat.blt x y = true) = (x < y) :=
  propext ⟨Nat.le_of_ble_eq_true, Nat.ble_eq_true_of_le⟩

@[simp] theorem beq_refl (a : Nat) : Nat.beq a a = true := by
  induction a with simp only [Nat.beq]
  | succ a ih => exact ih

@[simp] protected theorem zero_add : ∀ (n : Nat), 0 + n = n
  | 0 => rfl
  | n+1 => congrArg succ (Nat.zero_add n)

theorem succ_add : ∀ (n m : Nat), succ n + m = succ (n + m)
  | _, 0 => rfl
  | n, m+1 => congrArg succ (succ_add n m)

protected theorem add_comm : ∀ (n m : Nat), n + m = m + n
  | n, 0 => (Nat.zero_add n).symm
  | n, m+1 => (succ_add m n).symm ▸ congrArg succ (Nat.add_comm n m)

-- missing cases closed by contradiction (Lean's match compiler)
theorem eq_zero_of_add_eq_zero : ∀ {n m : Nat}, n + m = 0 → n = 0 ∧ m = 0
  | 0, 0, _ => ⟨rfl, rfl⟩
  | _+1, 0, h => Nat.noConfusion h

theorem succ_pred_eq_of_pos : ∀ {n : Nat}, 0 < n → succ (pred n) = n
  | _+1, _ => rfl

theorem pred_lt_self : ∀ {a : Nat}, 0 < a → pred a < a
  | _+1, _ => Nat.lt_succ_self _

theorem pred_inj : ∀ {a b : Nat}, 0 < a → 0 < b → pred a = pred b → a = b
  | _+1, _+1, _, _ => congrArg succ

theorem exists_eq_succ_of_ne_zero : ∀ {n : Nat}, n ≠ 0 → Exists fun k => n = succ k
  | _+1, _ => ⟨_, rfl⟩

protected theorem le_of_lt {n m : Nat} : n < m → n ≤ m := Nat.le_trans (Nat.le_succ n)

protected theorem le_antisymm {n m : Nat} (h₁ : n ≤ m) (h₂ : m ≤ n) : n = m :=
  match h₁ with
  | .refl => rfl
  | .step h => absurd (Nat.lt_of_le_of_lt h h₂) (Nat.lt_irrefl n)

theorem eq_zero_of_le_zero {n : Nat} (h : n ≤ 0) : n = 0 := Nat.le_antisymm h (zero_le _)

-- implicit lambdas: the statement's `∀ {a b}` is introduced before the proof term
theorem gt_of_not_le {n m : Nat} (h : ¬ n ≤ m) : n > m := (Nat.lt_or_ge m n).resolve_right h
protected theorem lt_of_not_le : ∀ {a b : Nat}, ¬(a ≤ b) → b < a := Nat.gt_of_not_le
theorem ge_of_not_lt {n m : Nat} (h : ¬ n < m) : n ≥ m := (Nat.lt_or_ge n m).resolve_left h
protected theorem le_of_not_lt : ∀ {a b : Nat}, ¬(a < b) → b ≤ a := Nat.ge_of_not_lt

protected theorem not_le_of_gt {n m : Nat} (h : n > m) : ¬ n ≤ m := fun h₁ =>
  Nat.lt_irrefl m (Nat.lt_of_lt_of_le h h₁)
protected theorem not_le_of_lt : ∀ {a b : Nat}, a < b → ¬(b ≤ a) := Nat.not_le_of_gt
-- `flip` (Init/Prelude.lean)
protected theorem not_lt_of_le : ∀ {a b : Nat}, a ≤ b → ¬(b < a) := flip Nat.not_le_of_gt
protected theorem le_lt_asymm : ∀ {a b : Nat}, a ≤ b → ¬(b < a) := flip Nat.not_le_of_gt

-- `h ▸ e` rewriting `e`'s type when the expected type does not mention the right-hand side
theorem ne_of_lt {a b : Nat} (h : a < b) : a ≠ b := fun he => Nat.lt_irrefl a (he ▸ h)
theorem ne_of_gt {a b : Nat} (h : b < a) : a ≠ b := (ne_of_lt h).symm
protected theorem ne_of_lt' : ∀ {a b : Nat}, a < b → b ≠ a := ne_of_gt

theorem succ_ne_self (n : Nat) : succ n ≠ n := Nat.ne_of_gt (Nat.lt_succ_self n)

theorem pred_ne_self : ∀ {a : Nat}, a ≠ 0 → pred a ≠ a
  | _+1, _ => (succ_ne_self _).symm

-- the `rfl` pattern
protected theorem le_iff_lt_or_eq {n m : Nat} : n ≤ m ↔ n < m ∨ n = m :=
  ⟨fun h => (Nat.eq_or_lt_of_le h).elim Or.inr Or.inl,
   fun | .inl h => Nat.le_of_lt h | .inr rfl => Nat.le_refl _⟩

theorem succ_inj' : succ a = succ b ↔ a = b := ⟨succ.inj, fun | rfl => rfl⟩

-- a match field's type is beta-reduced (`hk : n + k = m`, not `(fun k => n + k = m) k`)
theorem le.intro {n m k : Nat} (h : n + k = m) : n ≤ m :=
  h ▸ Nat.rec (motive := fun k => n ≤ n + k) (Nat.le_refl n) (fun _ ih => Nat.le_succ_of_le ih) k

theorem le_add_right : ∀ (n k : Nat), n ≤ n + k
  | n, 0 => Nat.le_refl n
  | n, k+1 => le_succ_of_le (le_add_right n k)

protected theorem add_assoc : ∀ (n m k : Nat), (n + m) + k = n + (m + k)
  | _, _, 0 => rfl
  | n, m, k+1 => congrArg succ (Nat.add_assoc n m k)

theorem le.dest {n m : Nat} : n ≤ m → ∃ k, n + k = m
  | .refl => ⟨0, rfl⟩
  | .step h => (dest h).elim fun k hk => ⟨k + 1, congrArg succ hk⟩

protected theorem add_le_add_left {n m : Nat} (h : n ≤ m) (k : Nat) : k + n ≤ k + m :=
  match le.dest h with
  | ⟨w, hw⟩ => le.intro (show k + n + w = k + m by rw [Nat.add_assoc, hw])

theorem succ_sub_succ_eq_sub (n m : Nat) : succ n - succ m = n - m := by
  induction m with
  | zero => rfl
  | succ m ih => exact congrArg pred ih

-- `suffices`
protected theorem add_sub_cancel (n m : Nat) : n + m - m = n :=
  suffices ∀ k, n + k - k = n from this m
  fun k => Nat.rec (motive := fun k => n + k - k = n) rfl
    (fun k ih => show succ (n + k) - succ k = n from (succ_sub_succ_eq_sub (n + k) k).trans ih) k

theorem add_succ (n m : Nat) : n + succ m = succ (n + m) := rfl
theorem sub_succ (n m : Nat) : n - succ m = pred (n - m) := rfl

-- `injection`
theorem succ_inj {a b : Nat} (h : succ a = succ b) : a = b := by
  injection h with h
  exact h

theorem eq_of_succ_eq_succ_add {a b : Nat} (h : a + 1 = b + 1) : b = a := by
  injection h with h
  subst h
  rfl

-- `let ⟨…⟩ :=` in tactics
theorem le_of_exists_add {n m : Nat} (h : ∃ k, n + k = m) : n ≤ m := by
  let ⟨k, hk⟩ := h
  exact hk ▸ le_add_right n k

-- `rintro ⟨⟩` on `m + 1 = n + 1 - 1`: the right side reduces to the variable `n`, which is substituted
@[simp] theorem pred_eq_succ_iff : n - 1 = m + 1 ↔ n = m + 2 := by
  cases n with
  | zero => exact ⟨fun h => (nomatch h), fun h => (nomatch h)⟩
  | succ n => exact ⟨fun h => by cases h; rfl, fun h => by cases h; rfl⟩

-- `^` (Lean's `HPow` through `instPowNat` and `instNatPowNat`)
protected theorem pow_succ (n m : Nat) : n ^ succ m = n ^ m * n := rfl
protected theorem pow_zero (n : Nat) : n ^ 0 = 1 := rfl
protected theorem two_pow_three : 2 ^ 3 = 8 := by decide

end Nat
