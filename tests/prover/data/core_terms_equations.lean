/-
  Theorems with Lean core's statements (Init/Core.lean, Init/Data/Nat/Basic.lean,
  Init/Data/List/Basic.lean), proved for this file the way Lean core proves them: by terms and by
  pattern-matching equations. Names carry a prime so they never clash with the checker's
  library; the connectives sit in `namespace Atz`. Used by `tests/prover/test_atomize_terms.py` (trace + atomize coverage).
-/

namespace Atz

variable {a b c d : Prop}

-- Init/Core.lean: connectives as terms

theorem and_swap : a ∧ b → b ∧ a := fun ⟨ha, hb⟩ => ⟨hb, ha⟩

theorem or_swap : a ∨ b → b ∨ a := fun h => h.elim .inr .inl

theorem or_imp_left (f : a → b) : a ∨ c → b ∨ c := .imp f id

theorem or_imp_right (f : b → c) : a ∨ b → a ∨ c := .imp id f

theorem and_imp_left (f : a → b) : a ∧ c → b ∧ c := fun ⟨ha, hc⟩ => ⟨f ha, hc⟩

theorem comp_imp (f : b → c) (g : a → b) : a → c := f ∘ g

theorem iff_swap : (a ↔ b) → (b ↔ a) := fun h => ⟨h.2, h.1⟩

theorem not_of_imp_false (h : a → False) : ¬a := h

theorem absurd_or (ha : a) (hn : ¬a) : b ∨ c := absurd ha hn

theorem and_not_self_elim : ¬(a ∧ ¬a)
  | ⟨ha, hn⟩ => hn ha

theorem exists_of_and {p q : Nat → Prop} : (∃ x, p x ∧ q x) → ∃ x, p x
  | ⟨x, hp, _⟩ => ⟨x, hp⟩

theorem exists_mono {p q : Nat → Prop} (h : ∀ x, p x → q x) : (∃ x, p x) → ∃ x, q x
  | ⟨x, hx⟩ => ⟨x, h x hx⟩

theorem or_of_and_left : a ∧ b → a ∨ c
  | ⟨ha, _⟩ => .inl ha

theorem eq_comm_imp {x y : Nat} (h : x = y) : y = x := h ▸ rfl

theorem congr_succ {x y : Nat} (h : x = y) : Nat.succ x = Nat.succ y := h ▸ rfl

end Atz

-- Init/Data/Nat/Basic.lean: recursion by equations

protected theorem Nat.zero_add' : ∀ (n : Nat), 0 + n = n
  | 0 => rfl
  | n+1 => congrArg Nat.succ (Nat.zero_add' n)

theorem Nat.succ_add' : ∀ (n m : Nat), Nat.succ n + m = Nat.succ (n + m)
  | _, 0 => rfl
  | n, m+1 => congrArg Nat.succ (Nat.succ_add' n m)

theorem Nat.le_add_right' : ∀ (n k : Nat), n ≤ n + k
  | n, 0 => Nat.le_refl n
  | n, k+1 => Nat.le_succ_of_le (Nat.le_add_right' n k)

theorem Nat.zero_le' : ∀ (n : Nat), 0 ≤ n
  | 0 => Nat.le_refl 0
  | n+1 => Nat.le_succ_of_le (Nat.zero_le' n)

theorem Nat.eq_zero_or_pos' : ∀ (n : Nat), n = 0 ∨ 0 < n
  | 0 => .inl rfl
  | n+1 => .inr (Nat.succ_pos n)

theorem Nat.pred_le' : ∀ (n : Nat), Nat.pred n ≤ n
  | 0 => Nat.le_refl 0
  | n+1 => Nat.le_succ n

theorem Nat.succ_ne_zero' : ∀ (n : Nat), Nat.succ n ≠ 0
  | _, h => Nat.noConfusion h

theorem Nat.succ_le_succ' {n m : Nat} : n ≤ m → Nat.succ n ≤ Nat.succ m
  | Nat.le.refl => Nat.le.refl
  | Nat.le.step h => Nat.le.step (Nat.succ_le_succ' h)

theorem Nat.le_trans' {n m k : Nat} : n ≤ m → m ≤ k → n ≤ k
  | h, Nat.le.refl => h
  | h, Nat.le.step h' => Nat.le.step (Nat.le_trans' h h')

theorem Nat.not_succ_le_zero' (n : Nat) : Nat.succ n ≤ 0 → False := nofun

theorem Nat.le_antisymm' {n m : Nat} (h₁ : n ≤ m) (h₂ : m ≤ n) : n = m :=
  match h₁ with
  | Nat.le.refl => rfl
  | Nat.le.step h => absurd (Nat.lt_of_le_of_lt h h₂) (Nat.lt_irrefl n)

theorem Nat.pos_of_ne_zero' : ∀ {n : Nat}, n ≠ 0 → 0 < n
  | 0, h => absurd rfl h
  | n+1, _ => Nat.succ_pos n

-- Init/Data/List/Basic.lean

theorem List.append_nil' {α : Type u} : ∀ (as : List α), as ++ [] = as
  | [] => rfl
  | a :: as => by rw [List.cons_append, List.append_nil' as]

theorem List.length_append' {α : Type u} : ∀ (as bs : List α), (as ++ bs).length = as.length + bs.length
  | [], bs => by rw [List.nil_append, List.length_nil, Nat.zero_add']
  | a :: as, bs => by rw [List.cons_append, List.length_cons, List.length_cons, List.length_append' as bs, Nat.succ_add']

theorem List.map_append' {α β : Type u} (f : α → β) : ∀ (as bs : List α), (as ++ bs).map f = as.map f ++ bs.map f
  | [], bs => rfl
  | a :: as, bs => by rw [List.cons_append, List.map_cons, List.map_cons, List.map_append' f as bs, List.cons_append]

theorem List.exists_cons_of_ne_nil' {α : Type u} : ∀ {l : List α}, l ≠ [] → ∃ b L, l = b :: L
  | c :: l', _ => ⟨c, l', rfl⟩

theorem List.ne_nil_of_length_pos' {α : Type u} : ∀ {l : List α}, 0 < l.length → l ≠ []
  | [], h => absurd h (Nat.lt_irrefl 0)
  | _ :: _, _ => List.cons_ne_nil _ _
