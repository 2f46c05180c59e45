/-
  Lean core's Nat files, third measure (fid-nat3): theorems with the names and statements of Lean's
  src/Init/Data/Nat/Basic.lean, Div.lean and Dvd.lean, proved in the style Lean core proves them,
  written for this test. It exercises what those files need: `induction` goals whose `rw [add_succ]`
  leaves `succ (k + 0)` (Lean's offset unification), `/`, `%` and `∣` through Lean's fuel-based
  `Nat.div`/`Nat.mod` with their equations `Nat.div_eq`/`Nat.mod_eq`, and `Dvd`. Run:
    python -m lean_bridge.embedded check tests/embedded/data/lean_core_nat3.lean
-/
namespace Nat

theorem add_succ (n m : Nat) : n + succ m = succ (n + m) := rfl
theorem sub_succ (n m : Nat) : n - succ m = pred (n - m) := rfl

protected theorem sub_sub (n m k : Nat) : n - m - k = n - (m + k) := by
  induction k with
  | zero => rfl
  | succ k ih => rw [Nat.add_succ, Nat.sub_succ, Nat.add_succ, Nat.sub_succ, ih]

theorem mod_zero (a : Nat) : a % 0 = a :=
  have : (if 0 < 0 ∧ 0 ≤ a then (a - 0) % 0 else a) = a :=
    have h : ¬ (0 < 0 ∧ 0 ≤ a) := fun ⟨h₁, _⟩ => absurd h₁ (Nat.lt_irrefl _)
    if_neg h
  (mod_eq a 0).symm ▸ this

theorem mod_eq_of_lt {a b : Nat} (h : a < b) : a % b = a :=
  have : (if 0 < b ∧ b ≤ a then (a - b) % b else a) = a :=
    have h' : ¬(0 < b ∧ b ≤ a) := fun ⟨_, h₁⟩ => absurd (Nat.lt_of_lt_of_le h h₁) (Nat.lt_irrefl _)
    if_neg h'
  (mod_eq a b).symm ▸ this

theorem mod_eq_sub_mod {a b : Nat} (h : a ≥ b) (hb : 0 < b) : a % b = (a - b) % b :=
  (mod_eq a b).trans (if_pos ⟨hb, h⟩)

@[simp] theorem zero_mod (b : Nat) : 0 % b = 0 := rfl

protected theorem div_zero (n : Nat) : n / 0 = 0 := by
  rw [div_eq]
  exact if_neg (fun ⟨h, _⟩ => Nat.lt_irrefl 0 h)

theorem div_eq_of_lt (h₀ : a < b) : a / b = 0 := by
  rw [div_eq a, if_neg]
  intro h₁
  exact absurd (Nat.lt_of_lt_of_le h₀ h₁.right) (Nat.lt_irrefl a)

theorem mod_lt_succ (x n : Nat) : x % (n + 1) < n + 1 := mod_lt x (Nat.zero_lt_succ n)

protected theorem zero_add : ∀ (n : Nat), 0 + n = n
  | 0 => rfl
  | n+1 => congrArg succ (Nat.zero_add n)

protected theorem mul_one : ∀ (n : Nat), n * 1 = n := Nat.zero_add

protected theorem zero_mul : ∀ (n : Nat), 0 * n = 0
  | 0 => rfl
  | n+1 => have ih : 0 * n = 0 := Nat.zero_mul n; ih

protected theorem dvd_refl (a : Nat) : a ∣ a := ⟨1, (Nat.mul_one a).symm⟩

protected theorem dvd_zero (a : Nat) : a ∣ 0 := ⟨0, (Nat.mul_zero a).symm⟩

protected theorem dvd_mul_right (a b : Nat) : a ∣ a * b := ⟨b, rfl⟩

protected theorem eq_zero_of_zero_dvd {a : Nat} (h : 0 ∣ a) : a = 0 :=
  match h with
  | ⟨c, hc⟩ => hc.trans (Nat.zero_mul c)

end Nat
