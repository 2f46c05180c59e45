/-
  Bundled example: term-mode proofs of core facts about logic, Nat and List, in Lean 4 syntax.
  `prover check datasets/examples/core_facts.lean` checks each one with the embedded checker.
-/
namespace Examples

theorem and_swap (p q : Prop) : p ∧ q → q ∧ p := fun ⟨hp, hq⟩ => ⟨hq, hp⟩

theorem or_swap (p q : Prop) (h : p ∨ q) : q ∨ p := Or.elim h Or.inr Or.inl

theorem iff_swap (p q : Prop) (h : p ↔ q) : q ↔ p := ⟨h.mpr, h.mp⟩

theorem not_not_intro (p : Prop) (hp : p) : ¬¬p := fun hn => hn hp

theorem exists_succ : ∃ n : Nat, n + 1 = 3 := ⟨2, rfl⟩

theorem excluded_middle_use (p : Prop) (h : ¬¬p) : p :=
  Or.elim (Classical.em p) id (fun hn => absurd hn h)

theorem two_add_two : 2 + 2 = 4 := rfl

theorem add_zero' (n : Nat) : n + 0 = n := rfl

theorem succ_eq_add_one (n : Nat) : Nat.succ n = n + 1 := rfl

theorem proof_irrel (p : Prop) (h₁ h₂ : p) : h₁ = h₂ := rfl

theorem fun_eta (f : Nat → Nat) : (fun x => f x) = f := rfl

theorem three_le_five : 3 ≤ 5 := Nat.le.step (Nat.le.step Nat.le.refl)

def double : Nat → Nat
  | 0 => 0
  | n + 1 => double n + 2

theorem double_three : double 3 = 6 := rfl

theorem zero_add (n : Nat) : 0 + n = n :=
  @Nat.rec (fun k => 0 + k = k) rfl (fun _ ih => congrArg Nat.succ ih) n

theorem append_example : [1, 2] ++ [3] = [1, 2, 3] := rfl

theorem cons_append (a : Nat) (l m : List Nat) : (a :: l) ++ m = a :: (l ++ m) := rfl

theorem reverse_example : [1, 2, 3].reverse = [3, 2, 1] := rfl

theorem length_map (f : Nat → Nat) : (List.map f [1, 2, 3]).length = 3 := rfl

theorem mem_head (a : Nat) (l : List Nat) : a ∈ a :: l := List.Mem.head l

theorem funext_example (f g : Nat → Nat) (h : ∀ x, f x = g x) : f = g := funext h

end Examples
