/-
  Lean core theorems about `List` (Init/Data/List/Lemmas.lean), with Lean core's names and
  statements, proofs written for this file in Lean core's style. Checked by
  `tests/embedded/test_fid_list3.py` (every declaration must be accepted). It exercises: `match` and
  `fun | …` on a hypothesis of an indexed family whose indices are not variables (`a ∈ [b]`,
  `a ∈ b :: l`, `i = 0`, `l = []`), solved as Lean's `cases` does (substitution, injection,
  no-confusion), also under structural recursion; `nofun`/`nomatch` as Lean's matcher with no
  alternatives (non-recursive discriminants split: `∃ x, ∃ _ : x ∈ [], p x`; the hypotheses depending
  on a discriminant matched too), `contradiction` searching fields for empty types (`n + 2 ≤ 1`);
  Lean's Prelude theorem `eq_false_of_ne_true` under its root name; an auto-bound `l` met first in
  field notation (`l.head? = none ↔ l = []`); structural recursion through a `simp` argument that
  leaves holes (`simp [length_map (l := l)]`); a field-notation receiver that fixes the function's
  types before the expected type, and Lean's `optionCoe` (`l.head?.getD a` where an `Option α` is
  expected); Init/Data/List/Basic.lean's `head`, `tailD` and the instances `decidableBEx`/`decidableBAll`
  (recursive, with nested `fun` alternatives left of the enclosing `match`'s and a term-level
  `let ⟨…⟩ :=`, here as `decBEx`).
-/
universe u v w

namespace List

variable {α : Type u} {β : Type v} {γ : Type w}

-- `match` on `a ∈ [b]`, `a ∈ b :: l`: the index `b :: l` is no variable

theorem eq_of_mem_singleton : a ∈ [b] → a = b
  | .head _ => rfl

theorem mem_singleton {a b : α} : a ∈ [b] ↔ a = b :=
  ⟨eq_of_mem_singleton, fun h => h ▸ .head []⟩

theorem forall_mem_cons {p : α → Prop} {a : α} {l : List α} :
    (∀ x, x ∈ a :: l → p x) ↔ p a ∧ ∀ x, x ∈ l → p x :=
  ⟨fun H => ⟨H a (.head l), fun x h => H x (.tail a h)⟩,
   fun ⟨H₁, H₂⟩ x h => match h with
     | .head _ => H₁
     | .tail _ h' => H₂ x h'⟩

theorem mem_of_mem_cons_of_mem : ∀ {a b : α} {l : List α}, a ∈ b :: l → b ∈ l → a ∈ l
  | _, _, _, .tail _ h, _ => h
  | _, _, _, .head _, h => h

theorem mem_or_eq_of_mem_set : ∀ {l : List α} {n : Nat} {a b : α}, a ∈ l.set n b → a ∈ l ∨ a = b
  | _ :: _, 0, _, _, .head _ => .inr rfl
  | _ :: _, 0, _, _, .tail _ h => .inl (.tail _ h)
  | _ :: _, _+1, _, _, .head _ => .inl (.head _)
  | _ :: _, _+1, _, _, .tail _ h => Or.imp_left (.tail _) (mem_or_eq_of_mem_set h)

theorem eq_or_mem_of_mem_cons {a b : α} {l : List α} (h : a ∈ b :: l) : a = b ∨ a ∈ l := by
  match h with
  | .head _ => exact .inl rfl
  | .tail _ h' => exact .inr h'

-- `match` on an equation whose right side is no variable: the `rfl` pattern substitutes the variable

theorem length_eq_zero_of_eq_nil : ∀ {l : List α}, l = [] → l.length = 0
  | _, rfl => rfl

theorem map_eq_nil_of_eq_nil {f : α → β} {l : List α} (h : l = []) : map f l = [] :=
  match h with
  | rfl => rfl

theorem replicate_eq_nil_of_eq_zero {a : α} {n : Nat} (h : n = 0) : replicate n a = [] :=
  match n, h with
  | _, rfl => rfl

-- `nofun` over nested existentials; `nomatch` on a list with hypotheses about it

theorem exists_mem_nil (p : α → Prop) : ¬ (∃ x, ∃ _ : x ∈ @nil α, p x) := nofun

theorem exists_mem_and_nil (p : α → Prop) : ¬ ∃ x, x ∈ @nil α ∧ p x := nofun

theorem ne_nil_of_length_eq_add_one (_ : length l = n + 1) : l ≠ [] := fun _ => nomatch l

theorem not_succ_succ_le_one (n : Nat) : ¬ n + 2 ≤ 1 := fun h => by contradiction

-- `filter` on a head whose test fails, through Lean's Prelude `eq_false_of_ne_true`

@[simp] theorem filter_cons_of_neg {p : α → Bool} {a : α} {l} (pa : ¬ p a) :
    filter p (a :: l) = filter p l := by rw [filter, eq_false_of_ne_true pa]

theorem filter_cons_of_pos {p : α → Bool} {a : α} {l} (pa : p a) :
    filter p (a :: l) = a :: filter p l := by rw [filter, pa]

-- `l` auto-bound through `l.head?`, its type fixed by `l = []`

@[simp] theorem head?_nil : @head? α [] = none := rfl
@[simp] theorem head?_cons : @head? α (a::l) = some a := rfl

theorem head?_eq_none_iff : l.head? = none ↔ l = [] := by
  cases l with
  | nil => exact ⟨fun _ => rfl, fun _ => rfl⟩
  | cons a l => exact ⟨nofun, nofun⟩

theorem head?_isSome_of_ne_nil : l ≠ [] → l.head?.isSome = true := by
  cases l with
  | nil => exact fun h => absurd rfl h
  | cons a l => exact fun _ => rfl

-- recursion through `simp [length_map (l := l)]`: `f` is a hole the lemma abstracts

theorem length_map : ∀ {l : List α} {f : α → β}, (l.map f).length = l.length
  | [], _ => rfl
  | _ :: l, f => by simp [map, length, length_map (l := l)]

-- `l.head?.getD a : α` as an `Option α`: Lean's `optionCoe` makes it `some (l.head?.getD a)`

theorem head?_concat {a : α} : (l ++ [a]).head? = l.head?.getD a := by
  cases l with
  | nil => rfl
  | cons b l => rfl

-- `head`, `tailD`; `decide` on bounded quantifiers over a list

theorem head_mem : ∀ {l : List α} (h : l ≠ []), head l h ∈ l
  | [], h => absurd rfl h
  | _ :: _, _ => .head _

theorem tailD_nil_fallback (l' : List α) : tailD [] l' = l' := rfl

theorem decide_mem_pair : decide (∃ x, x ∈ [3, 5] ∧ x = 5) = true := rfl

instance decBEx (p : α → Prop) [DecidablePred p] :
    ∀ l : List α, Decidable (Exists fun x => x ∈ l ∧ p x)
  | [] => isFalse nofun
  | x :: xs =>
    if h₁ : p x then isTrue ⟨x, .head .., h₁⟩ else
      match decBEx p xs with
      | isTrue h₂ => isTrue <| let ⟨y, hm, hp⟩ := h₂; ⟨y, .tail _ hm, hp⟩
      | isFalse h₂ => isFalse fun
        | ⟨y, .tail _ h, hp⟩ => h₂ ⟨y, h, hp⟩
        | ⟨_, .head .., hp⟩ => h₁ hp

end List
