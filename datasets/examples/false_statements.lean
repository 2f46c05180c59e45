/-
  False statements: the prover must find zero proofs here (tests/prover/test_prove.py runs
  `prover prove` on this file). Each statement elaborates; each is false, so no proof exists.
  Wrong arithmetic, wrong quantifier order, false list identities, false logic.
-/
namespace FalseStatements

-- wrong arithmetic
theorem two_add_two_eq_five : 2 + 2 = 5 := sorry
theorem succ_eq_self (n : Nat) : n + 1 = n := sorry
theorem mul_zero_eq_self (n : Nat) : n * 0 = n := sorry
theorem sub_add_cancel_all (n m : Nat) : n - m + m = n := sorry
theorem three_lt_two : 3 < 2 := sorry
theorem lt_irrefl_false (n : Nat) : n < n := sorry
theorem two_mul_eq_succ (n : Nat) : 2 * n = n + 1 := sorry
theorem any_le (x y : Nat) : x ≤ y := sorry
theorem zero_eq_one : (0 : Nat) = 1 := sorry

-- wrong quantifier order
theorem exists_succ_eq_zero : ∃ n : Nat, n + 1 = 0 := sorry
theorem exists_upper_bound : ∃ m : Nat, ∀ n : Nat, n ≤ m := sorry
theorem exists_absorbing : ∃ m : Nat, ∀ n : Nat, m + n = 0 := sorry
theorem forall_exists_smaller : ∀ x : Nat, ∃ y : Nat, y < x := sorry
theorem exists_forall_eq : ∃ m : Nat, ∀ n : Nat, n = m := sorry

-- false list identities
theorem reverse_eq_self (l : List Nat) : l.reverse = l := sorry
theorem length_cons_eq (a : Nat) (l : List Nat) : (a :: l).length = l.length := sorry
theorem append_comm (l₁ l₂ : List Nat) : l₁ ++ l₂ = l₂ ++ l₁ := sorry
theorem map_succ_eq_self (l : List Nat) : l.map (fun x => x + 1) = l := sorry
theorem one_two_eq_two_one : [1, 2] = [2, 1] := sorry
theorem length_map_succ (f : Nat → Nat) (l : List Nat) : (l.map f).length = l.length + 1 := sorry
theorem append_self (l : List Nat) : l ++ l = l := sorry
theorem cons_ne_nil_false (a : Nat) (l : List Nat) : a :: l = [] := sorry

-- false logic
theorem converse (p q : Prop) (h : p → q) : q → p := sorry
theorem or_to_and (p q : Prop) (h : p ∨ q) : p ∧ q := sorry
theorem every_prop : ∀ p : Prop, p := sorry
theorem not_refl : ¬ (0 = 0) := sorry
theorem false_holds : False := sorry

end FalseStatements
