/-
  The README's main example: `prover prove datasets/examples/prove_demo.lean` searches a proof
  for every `sorry` below with the bundled model on the embedded checker, re-checks each found
  proof whole, and writes `prove_demo.solved.lean`. These statements are compositions made for
  this file, not theorems of the training corpus (datasets/stdlib).
-/
namespace ProveDemo

theorem and_rotate (p q r : Prop) (h : p ∧ q ∧ r) : r ∧ p := sorry

theorem or_rotate (p q r : Prop) (h : p ∨ q) : q ∨ p ∨ r := sorry

theorem imp_chain (p q r s : Prop) (hpq : p → q) (hqr : q → r) (hrs : r → s) : p → s := sorry

theorem not_and_self (p : Prop) : ¬ (p ∧ ¬ p) := sorry

theorem exists_pair : ∃ n : Nat, n + 2 = 5 := sorry

theorem add_zero_twice (n : Nat) : n + 0 + 0 = n := sorry

theorem succ_ne_zero' (n : Nat) : n + 1 ≠ 0 := sorry

theorem length_two (a b : Nat) : [a, b].length = 2 := sorry

theorem cons_append_nil (a : Nat) (l : List Nat) : (a :: l) ++ [] = a :: l := sorry

theorem map_id_single (a : Nat) : [a].map (fun x => x) = [a] := sorry

theorem eq_comm_use (a b : Nat) (h : a = b) (hb : b = 3) : a = 3 := sorry

theorem iff_swap_use (p q : Prop) (h : p ↔ q) (hq : q) : p := sorry

end ProveDemo
