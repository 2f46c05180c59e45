/-
  Lean core theorems about `List` (Init/Data/List/Basic.lean and Init/Data/List/Lemmas.lean), with
  Lean core's names and statements (auto-bound implicits as Lean writes them), proofs written for this
  file in Lean core's style. Checked by `tests/embedded/test_fid_list.py` (every declaration must be
  accepted). It exercises: type holes of auto-bound variables (`[].foldl f b`, `length l = 0`), the
  match compiler's `contradiction` on uncovered cases, `nomatch`/`nofun` (also as tactics), Lean's
  `reduceCtorEq` simproc, `@[simp 1100]`, `simp [HAppend.hAppend, …]` through instances, the `rfl`
  pattern, `c ..` patterns, `funext`, `suffices … by`, tactic `let ⟨…⟩ :=`, the implicit lambda of
  `⟨…⟩`, field notation whose receiver fixes a `fun`'s binder, and `List.set`/`isEmpty`/`concat`.
-/
universe u v w

namespace List

variable {α : Type u} {β : Type v} {γ : Type w}

-- Init/Data/List/Basic.lean: equations, stated with auto-bound `f`, `b`, `a`, `l`

@[simp] theorem foldl_nil : [].foldl f b = b := rfl
@[simp] theorem foldl_cons (l : List α) (b : β) : (a :: l).foldl f b = l.foldl f (f b a) := rfl
@[simp] theorem foldr_nil : [].foldr f b = b := rfl
@[simp] theorem foldr_cons (l : List α) : (a :: l).foldr f b = f a (l.foldr f b) := rfl
@[simp 1100] theorem headD_nil : @headD α [] d = d := rfl
@[simp 1100] theorem headD_cons : @headD α (a::l) d = a := rfl
@[simp] theorem head?_nil : @head? α [] = none := rfl
@[simp] theorem head?_cons : @head? α (a::l) = some a := rfl
@[simp] theorem tail_nil : @tail α [] = [] := rfl
@[simp] theorem tail_cons : @tail α (a::as) = as := rfl
@[simp] theorem isEmpty_nil : ([] : List α).isEmpty = true := rfl
@[simp] theorem isEmpty_cons : (x :: xs : List α).isEmpty = false := rfl
@[simp] theorem set_nil (n : Nat) (a : α) : [].set n a = [] := rfl
@[simp] theorem set_cons_zero (x : α) (xs : List α) (a : α) : (x :: xs).set 0 a = a :: xs := rfl
@[simp] theorem set_cons_succ (x : α) (xs : List α) (n : Nat) (a : α) :
    (x :: xs).set (n + 1) a = x :: xs.set n a := rfl

-- `simp` through the `++` instance down to `List.append`'s equations
@[simp] theorem append_nil (as : List α) : as ++ [] = as := by
  induction as with
  | nil => rfl
  | cons a as ih => simp [HAppend.hAppend, Append.append, List.append] at ih ⊢; exact ih

@[simp] theorem append_assoc (as bs cs : List α) : (as ++ bs) ++ cs = as ++ (bs ++ cs) := by
  induction as with
  | nil => rfl
  | cons a as ih => simp [ih]

@[simp] theorem length_concat (as : List α) (a : α) : (concat as a).length = as.length + 1 := by
  induction as with
  | nil => rfl
  | cons x xs ih => simp [concat, ih]

@[simp] theorem length_set (as : List α) (i : Nat) (a : α) : (as.set i a).length = as.length := by
  induction as generalizing i with
  | nil => rfl
  | cons x xs ih =>
    cases i with
    | zero => rfl
    | succ i => simp [set, ih]

-- Init/Data/List/Lemmas.lean

@[simp] theorem nil_eq {α} {xs : List α} : [] = xs ↔ xs = [] := by
  cases xs <;> simp

theorem eq_nil_of_length_eq_zero (_ : length l = 0) : l = [] := match l with | [] => rfl

theorem ne_nil_of_length_eq_add_one (_ : length l = n + 1) : l ≠ [] := fun _ => nomatch l

theorem ne_nil_of_length_pos (_ : 0 < length l) : l ≠ [] := fun h => nomatch l, h

@[simp] theorem length_eq_zero : length l = 0 ↔ l = [] :=
  ⟨eq_nil_of_length_eq_zero, fun h => h ▸ rfl⟩

theorem length_pos_of_mem {a : α} : ∀ {l : List α}, a ∈ l → 0 < length l
  | _ :: l, _ => Nat.zero_lt_succ l.length

theorem exists_mem_of_length_pos : ∀ {l : List α}, 0 < length l → ∃ a, a ∈ l
  | x :: _, _ => ⟨x, .head ..⟩

theorem exists_cons_of_length_pos : ∀ {l : List α}, 0 < l.length → ∃ h t, l = h :: t
  | x :: xs, _ => ⟨x, xs, rfl⟩

theorem length_pos_iff_exists_cons :
    ∀ {l : List α}, 0 < l.length ↔ ∃ h t, l = h :: t :=
  ⟨exists_cons_of_length_pos, fun ⟨_, _, e⟩ => e ▸ Nat.zero_lt_succ _⟩

@[simp] theorem not_mem_nil (a : α) : ¬ a ∈ [] := nofun

@[simp] theorem mem_cons : a ∈ (b :: l) ↔ a = b ∨ a ∈ l :=
  ⟨fun h => by cases h <;> simp [Membership.mem, *],
   fun | Or.inl rfl => .head l | Or.inr h => .tail b h⟩

theorem mem_cons_self (a : α) (l : List α) : a ∈ a :: l := .head ..

@[simp 1100] theorem mem_singleton {a b : α} : a ∈ [b] ↔ a = b := by simp

theorem exists_mem_nil (p : α → Prop) : ¬ (∃ x, ∃ _ : x ∈ @nil α, p x) := fun ⟨_, h, _⟩ => nomatch h

theorem ne_nil_of_mem {a : α} {l : List α} (h : a ∈ l) : l ≠ [] := by cases h <;> nofun

theorem isEmpty_iff {l : List α} : l.isEmpty ↔ l = [] := by
  cases l <;> simp

@[simp] theorem isEmpty_eq_false {l : List α} : l.isEmpty = false ↔ l ≠ [] := by
  cases l <;> simp

@[simp] theorem set_eq_nil_iff {l : List α} (n : Nat) (a : α) : l.set n a = [] ↔ l = [] := by
  cases l <;> cases n <;> simp [set]

@[simp] theorem head?_eq_none_iff {l : List α} : l.head? = none ↔ l = [] := by
  cases l <;> simp

@[simp] theorem map_id_fun : map (id : α → α) = id := by
  funext l
  induction l with
  | nil => rfl
  | cons a l ih => simp [ih]

@[simp] theorem map_eq_nil_iff {f : α → β} {l : List α} : map f l = [] ↔ l = [] := by
  constructor
  · exact fun h => match l with | [] => rfl
  · intro h; subst h; rfl

@[simp] theorem foldr_cons_eq_append (l : List α) : l.foldr cons l' = l ++ l' := by
  induction l <;> simp [*]

@[simp] theorem flatten_nil : List.flatten ([] : List (List α)) = [] := rfl
@[simp] theorem flatten_cons : (l :: ls).flatten = l ++ ls.flatten := rfl

theorem foldl_append (f : β → α → β) (b) (l l' : List α) :
    (l ++ l').foldl f b = l'.foldl f (l.foldl f b) := by
  induction l generalizing b <;> simp [*]

theorem foldl_flatten (f : β → α → β) (b : β) (L : List (List α)) :
    (flatten L).foldl f b = L.foldl (fun b l => l.foldl f b) b := by
  induction L generalizing b <;> simp [*, foldl_append]

theorem tail_eq_of_cons_eq (H : h₁ :: t₁ = h₂ :: t₂) : t₁ = t₂ := by
  suffices h : h₁ = h₂ ∧ t₁ = t₂ by exact h.2
  exact cons.inj H

theorem head_eq_of_cons_eq (H : h₁ :: t₁ = h₂ :: t₂) : h₁ = h₂ := by
  let ⟨h, _⟩ := cons.inj H
  exact h

end List
