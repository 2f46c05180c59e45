/-
  Lean 4 core theorems about `List` (Init/Prelude, Init/Data/List/Basic.lean,
  Init/Data/List/Lemmas.lean, Init/Data/List/TakeDrop.lean), with Lean's names and statements and
  proofs written for this corpus. Checked after `Logic.lean` and `Nat.lean` as one environment.

  The embedded checker's prelude already has `List`, `append`, `length`, `map`, `reverseAux`,
  `reverse`, `Mem` and the `@[simp]` equations in `Simp.lean` (`nil_append`, `cons_append`,
  `length_nil`, `length_cons`, `map_nil`, `map_cons`, `reverse_nil`, `cons_ne_nil`,
  `cons.injEq`); the other list functions used below are defined here exactly as Lean core
  defines them (same names, same equations).

  The checker does not know the root names `true`/`false` (Lean's exported `Bool.true`/`Bool.false`);
  in a `match` pattern an unknown name would silently become a pattern variable, so the
  definitions below spell the constructors `Bool.true`/`Bool.false`.

  Statement conventions forced by the checker's fragment (the elaborated statement is Lean's):
  binder predicates `∀ a ∈ l, P a` are written `∀ a, a ∈ l → P a`, a Boolean `p a` used as a
  proposition is written `p a = true`, and `(· op ·)` sections are written as `fun` terms.
-/
universe u v w

namespace List

variable {α : Type u} {β : Type v} {γ : Type w}

/-! ## Definitions from Init/Prelude and Init/Data/List/Basic -/

def foldl {α : Type u} {β : Type v} (f : α → β → α) : (init : α) → List β → α
  | a, nil      => a
  | a, cons b l => foldl f (f a b) l

def concat {α : Type u} : List α → α → List α
  | nil,       b => cons b nil
  | cons a as, b => cons a (concat as b)

def set : (l : List α) → (n : Nat) → (a : α) → List α
  | cons _ as, 0,          b => cons b as
  | cons a as, Nat.succ n, b => cons a (set as n b)
  | nil,       _,          _ => nil

def flatten (L : List (List α)) : List α :=
  List.rec (motive := fun _ => List α) [] (fun l _ ih => l ++ ih) L

def flatMap {α : Type u} {β : Type v} (b : α → List β) (as : List α) : List β := flatten (map b as)

def filter (p : α → Bool) : (l : List α) → List α
  | [] => []
  | a::as => match p a with
    | Bool.true => a :: filter p as
    | Bool.false => filter p as

def foldr (f : α → β → β) (init : β) : (l : List α) → β
  | []     => init
  | a :: l => f a (foldr f init l)

def replicate : (n : Nat) → (a : α) → List α
  | 0,   _ => []
  | n+1, a => a :: replicate n a

def tail : List α → List α
  | []    => []
  | _::as => as

def isEmpty : List α → Bool
  | []     => Bool.true
  | _ :: _ => Bool.false

def take : (n : Nat) → (xs : List α) → List α
  | 0,   _     => []
  | _+1, []    => []
  | n+1, a::as => a :: take n as

def drop : (n : Nat) → (xs : List α) → List α
  | 0,   as     => as
  | _+1, []    => []
  | n+1, _::as => drop n as

def takeWhile (p : α → Bool) : (xs : List α) → List α
  | []       => []
  | hd :: tl => match p hd with
   | Bool.true  => hd :: takeWhile p tl
   | Bool.false => []

def dropWhile (p : α → Bool) : List α → List α
  | []   => []
  | a::l => match p a with
    | Bool.true  => dropWhile p l
    | Bool.false => a::l

def eraseIdx : (l : List α) → (i : Nat) → List α
  | [],    _   => []
  | _::as, 0   => as
  | a::as, n+1 => a :: eraseIdx as n

/-! ## Basic lemmas (Init/Data/List/Basic) -/

@[simp] theorem length_singleton {a : α} : length [a] = 1 := rfl

@[simp] theorem foldl_nil {f : β → α → β} {b : β} : [].foldl f b = b := rfl

@[simp] theorem foldl_cons {l : List α} {f : β → α → β} {b : β} : (a :: l).foldl f b = l.foldl f (f b a) := rfl

@[simp] theorem set_nil (n : Nat) (a : α) : [].set n a = [] := rfl

@[simp] theorem set_cons_zero (x : α) (xs : List α) (a : α) :
    (x :: xs).set 0 a = a :: xs := rfl

@[simp] theorem set_cons_succ (x : α) (xs : List α) (n : Nat) (a : α) :
    (x :: xs).set (n + 1) a = x :: xs.set n a := rfl

theorem length_set {as : List α} {i : Nat} {a : α} : (as.set i a).length = as.length := by
  induction as generalizing i with
  | nil => rfl
  | cons x xs ih =>
    cases i with
    | zero => rfl
    | succ i => rw [set_cons_succ, length_cons, length_cons, ih]

theorem append_nil (as : List α) : as ++ [] = as := by
  induction as with
  | nil => rfl
  | cons a as ih => rw [cons_append, ih]

theorem length_append {as bs : List α} : (as ++ bs).length = as.length + bs.length := by
  induction as with
  | nil => simp only [nil_append, length_nil, Nat.zero_add]
  | cons a as ih => simp only [cons_append, length_cons, ih, Nat.succ_add]

theorem append_assoc (as bs cs : List α) : (as ++ bs) ++ cs = as ++ (bs ++ cs) := by
  induction as with
  | nil => rfl
  | cons a as ih => simp [ih]

theorem append_cons (as : List α) (b : α) (bs : List α) : as ++ b :: bs = as ++ [b] ++ bs := by
  rw [append_assoc]
  rfl

theorem append_eq {as bs : List α} : List.append as bs = as ++ bs := rfl

theorem length_concat {as : List α} {a : α} : (concat as a).length = as.length + 1 := by
  induction as with
  | nil => rfl
  | cons x xs ih =>
    show (concat xs a).length + 1 = xs.length + 1 + 1
    rw [ih]

theorem concat_eq_append {as : List α} {a : α} : as.concat a = as ++ [a] := by
  induction as with
  | nil => rfl
  | cons x xs ih =>
    show x :: xs.concat a = x :: (xs ++ [a])
    rw [ih]

@[simp] theorem reverseAux_nil {r : List α} : reverseAux [] r = r := rfl

@[simp] theorem reverseAux_cons {a : α} {l r : List α} : reverseAux (a::l) r = reverseAux l (a::r) := rfl

theorem reverseAux_reverseAux {as bs cs : List α} :
    reverseAux (reverseAux as bs) cs = reverseAux bs (reverseAux (reverseAux as []) cs) := by
  induction as generalizing bs cs with
  | nil => rfl
  | cons a as ih =>
    simp only [reverseAux_cons]
    rw [ih (bs := a :: bs), ih (bs := [a])]
    rfl

theorem reverseAux_eq_append {as bs : List α} : reverseAux as bs = reverseAux as [] ++ bs := by
  induction as generalizing bs with
  | nil => rfl
  | cons a as ih =>
    simp only [reverseAux_cons]
    rw [ih (bs := a :: bs), ih (bs := [a]), append_assoc]
    rfl

theorem reverse_cons {a : α} {as : List α} : reverse (a :: as) = reverse as ++ [a] := by
  show reverseAux as [a] = reverseAux as [] ++ [a]
  exact reverseAux_eq_append

@[simp] theorem flatten_nil : List.flatten ([] : List (List α)) = [] := rfl

@[simp] theorem flatten_cons {l : List α} {L : List (List α)} : (l :: L).flatten = l ++ L.flatten := rfl

@[simp] theorem flatMap_nil {f : α → List β} : List.flatMap f [] = [] := rfl

@[simp] theorem flatMap_cons {x : α} {xs : List α} {f : α → List β} :
    List.flatMap f (x :: xs) = f x ++ List.flatMap f xs := rfl

theorem flatMap_append {xs ys : List α} {f : α → List β} :
    (xs ++ ys).flatMap f = xs.flatMap f ++ ys.flatMap f := by
  induction xs with
  | nil => rfl
  | cons x xs ih => rw [cons_append, flatMap_cons, flatMap_cons, ih, append_assoc]

@[simp] theorem replicate_zero {a : α} : replicate 0 a = [] := rfl

theorem replicate_succ {a : α} {n : Nat} : replicate (n+1) a = a :: replicate n a := rfl

theorem length_replicate {n : Nat} {a : α} : (replicate n a).length = n := by
  induction n with
  | zero => rfl
  | succ n ih => simp only [replicate_succ, length_cons, ih]

@[simp] theorem filter_nil {p : α → Bool} : filter p [] = [] := rfl

@[simp] theorem foldr_nil {f : α → β → β} {b : β} : [].foldr f b = b := rfl

@[simp] theorem foldr_cons {a : α} {l : List α} {f : α → β → β} {b : β} :
    (a :: l).foldr f b = f a (l.foldr f b) := rfl

@[simp] theorem tail_nil : tail ([] : List α) = [] := rfl

@[simp] theorem tail_cons {a : α} {as : List α} : tail (a::as) = as := rfl

@[simp] theorem isEmpty_nil : ([] : List α).isEmpty = Bool.true := rfl

@[simp] theorem isEmpty_cons {x : α} {xs : List α} : (x :: xs : List α).isEmpty = Bool.false := rfl

theorem mem_append_left {a : α} {as : List α} (bs : List α) : a ∈ as → a ∈ as ++ bs := by
  intro h
  induction h with
  | head => exact Mem.head _
  | tail b _ ih => exact Mem.tail b ih

theorem mem_append_right {b : α} (as : List α) {bs : List α} : b ∈ bs → b ∈ as ++ bs := by
  intro h
  induction as with
  | nil => exact h
  | cons a as ih => exact Mem.tail a ih

@[simp] theorem take_nil {i : Nat} : ([] : List α).take i = [] := by cases i <;> rfl

@[simp] theorem take_zero {l : List α} : l.take 0 = [] := rfl

@[simp] theorem take_succ_cons {a : α} {as : List α} {i : Nat} :
    (a::as).take (i+1) = a :: as.take i := rfl

@[simp] theorem drop_nil {i : Nat} : ([] : List α).drop i = [] := by
  cases i with
  | zero => rfl
  | succ i => rfl

@[simp] theorem drop_zero {l : List α} : l.drop 0 = l := rfl

@[simp] theorem drop_succ_cons {a : α} {l : List α} {i : Nat} : (a :: l).drop (i + 1) = l.drop i := rfl

theorem drop_eq_nil_of_le {as : List α} {i : Nat} (h : as.length ≤ i) : as.drop i = [] := by
  induction as generalizing i with
  | nil => exact drop_nil
  | cons a as ih =>
    cases i with
    | zero => exact absurd h (Nat.not_succ_le_zero _)
    | succ i => exact ih (Nat.le_of_succ_le_succ h)

@[simp] theorem takeWhile_nil {p : α → Bool} : ([] : List α).takeWhile p = [] := rfl

@[simp] theorem dropWhile_nil {p : α → Bool} : ([] : List α).dropWhile p = [] := rfl

@[simp] theorem eraseIdx_nil {i : Nat} : ([] : List α).eraseIdx i = [] := rfl

@[simp] theorem eraseIdx_cons_zero {a : α} {as : List α} : (a::as).eraseIdx 0 = as := rfl

@[simp] theorem eraseIdx_cons_succ {a : α} {as : List α} {i : Nat} :
    (a::as).eraseIdx (i+1) = a :: as.eraseIdx i := rfl

/-! ## Preliminaries (Init/Data/List/Lemmas) -/

/-! ### nil -/

theorem nil_eq {α} {xs : List α} : [] = xs ↔ xs = [] :=
  ⟨fun h => h.symm, fun h => h.symm⟩

/-! ### length -/

theorem eq_nil_of_length_eq_zero {l : List α} (h : length l = 0) : l = [] := by
  cases l with
  | nil => rfl
  | cons a l => exact absurd h (Nat.succ_ne_zero _)

theorem ne_nil_of_length_eq_add_one {l : List α} (h : length l = n + 1) : l ≠ [] := by
  intro hl
  subst hl
  exact Nat.succ_ne_zero n h.symm

theorem ne_nil_of_length_pos {l : List α} (h : 0 < length l) : l ≠ [] := by
  intro hl
  rw [hl, length_nil] at h
  exact Nat.lt_irrefl 0 h

theorem length_eq_zero {l : List α} : length l = 0 ↔ l = [] :=
  ⟨eq_nil_of_length_eq_zero, fun h => h ▸ rfl⟩

theorem length_pos_of_mem {a : α} : ∀ {l : List α}, a ∈ l → 0 < length l := by
  intro l h
  cases h with
  | head as => exact Nat.zero_lt_succ _
  | tail b h => exact Nat.zero_lt_succ _

theorem exists_mem_of_length_pos : ∀ {l : List α}, 0 < length l → ∃ a, a ∈ l := by
  intro l h
  cases l with
  | nil => exact absurd h (Nat.lt_irrefl 0)
  | cons a l => exact ⟨a, Mem.head l⟩

theorem length_pos_iff_exists_mem {l : List α} : 0 < length l ↔ ∃ a, a ∈ l :=
  ⟨exists_mem_of_length_pos, fun ⟨_, h⟩ => length_pos_of_mem h⟩

theorem exists_mem_of_length_eq_add_one :
    ∀ {l : List α}, l.length = n + 1 → ∃ a, a ∈ l := by
  intro l h
  cases l with
  | nil => exact absurd h.symm (Nat.succ_ne_zero n)
  | cons a l => exact ⟨a, Mem.head l⟩

theorem exists_cons_of_length_pos : ∀ {l : List α}, 0 < l.length → ∃ h t, l = h :: t := by
  intro l hl
  cases l with
  | nil => exact absurd hl (Nat.lt_irrefl 0)
  | cons a t => exact ⟨a, t, rfl⟩

theorem length_pos_iff_exists_cons :
    ∀ {l : List α}, 0 < l.length ↔ ∃ h t, l = h :: t := by
  intro l
  constructor
  · exact exists_cons_of_length_pos
  · rintro ⟨h, t, rfl⟩
    exact Nat.zero_lt_succ _

theorem exists_cons_of_length_eq_add_one :
    ∀ {l : List α}, l.length = n + 1 → ∃ h t, l = h :: t := by
  intro l hl
  cases l with
  | nil => exact absurd hl.symm (Nat.succ_ne_zero n)
  | cons a t => exact ⟨a, t, rfl⟩

theorem length_pos {l : List α} : 0 < length l ↔ l ≠ [] := by
  constructor
  · exact ne_nil_of_length_pos
  · intro h
    cases l with
    | nil => exact absurd rfl h
    | cons a l => exact Nat.zero_lt_succ _

theorem length_eq_one {l : List α} : length l = 1 ↔ ∃ a, l = [a] := by
  constructor
  · intro h
    cases l with
    | nil => exact absurd h.symm (Nat.succ_ne_zero 0)
    | cons a t =>
      cases t with
      | nil => exact ⟨a, rfl⟩
      | cons b t =>
        simp only [length_cons, Nat.succ.injEq] at h
        exact absurd h (Nat.succ_ne_zero _)
  · rintro ⟨a, rfl⟩
    rfl

/-! ### cons -/

theorem cons_ne_self (a : α) (l : List α) : a :: l ≠ l := by
  intro h
  have h' := congrArg length h
  rw [length_cons] at h'
  have hlt : l.length < l.length + 1 := Nat.lt_succ_of_le (Nat.le_refl _)
  rw [h'] at hlt
  exact Nat.lt_irrefl _ hlt

theorem ne_cons_self {a : α} {l : List α} : l ≠ a :: l := fun h => cons_ne_self a l h.symm

theorem head_eq_of_cons_eq {h₁ h₂ : α} {t₁ t₂ : List α} (H : h₁ :: t₁ = h₂ :: t₂) : h₁ = h₂ := by
  rw [cons.injEq] at H
  exact H.1

theorem tail_eq_of_cons_eq {h₁ h₂ : α} {t₁ t₂ : List α} (H : h₁ :: t₁ = h₂ :: t₂) : t₁ = t₂ := by
  simp only [cons.injEq] at H
  exact H.2

theorem cons_inj_right (a : α) {l l' : List α} : a :: l = a :: l' ↔ l = l' :=
  ⟨tail_eq_of_cons_eq, fun h => h ▸ rfl⟩

theorem cons_eq_cons {a b : α} {l l' : List α} : a :: l = b :: l' ↔ a = b ∧ l = l' := by
  rw [cons.injEq]

theorem exists_cons_of_ne_nil : ∀ {l : List α}, l ≠ [] → ∃ b L, l = b :: L := by
  intro l h
  cases l with
  | nil => contradiction
  | cons c l' => exact ⟨c, l', rfl⟩

theorem ne_nil_iff_exists_cons {l : List α} : l ≠ [] ↔ ∃ b L, l = b :: L :=
  ⟨exists_cons_of_ne_nil, fun ⟨_, _, eq⟩ => eq.symm ▸ cons_ne_nil _ _⟩

theorem singleton_inj {α : Type _} {a b : α} : [a] = [b] ↔ a = b := by
  simp

theorem concat_ne_nil (a : α) (l : List α) : l ++ [a] ≠ [] := by
  cases l <;> simp

/-! ### mem -/

theorem not_mem_nil (a : α) : ¬ a ∈ [] := by
  intro h
  cases h

theorem mem_cons {a b : α} {l : List α} : a ∈ (b :: l) ↔ a = b ∨ a ∈ l := by
  constructor
  · intro h
    cases h with
    | head => exact Or.inl rfl
    | tail _ h => exact Or.inr h
  · rintro (rfl | h)
    · exact Mem.head l
    · exact Mem.tail b h

theorem mem_cons_self (a : α) (l : List α) : a ∈ a :: l := Mem.head l

theorem mem_concat_self (xs : List α) (a : α) : a ∈ xs ++ [a] :=
  mem_append_right xs (mem_cons_self a [])

theorem mem_append_cons_self {a : α} {xs ys : List α} : a ∈ xs ++ a :: ys :=
  mem_append_right xs (mem_cons_self a ys)

theorem mem_cons_of_mem (y : α) {a : α} {l : List α} : a ∈ l → a ∈ y :: l := fun h => Mem.tail y h

theorem eq_append_cons_of_mem {a : α} {xs : List α} (h : a ∈ xs) :
    ∃ as bs, xs = as ++ a :: bs ∧ a ∉ as := by
  induction xs with
  | nil => exact absurd h (not_mem_nil a)
  | cons x xs ih =>
    by_cases h' : a = x
    · subst h'
      exact ⟨[], xs, rfl, not_mem_nil a⟩
    · have hxs : a ∈ xs := by
        rw [mem_cons] at h
        cases h with
        | inl e => exact absurd e h'
        | inr m => exact m
      obtain ⟨as, bs, rfl, hn⟩ := ih hxs
      refine ⟨x :: as, bs, rfl, ?_⟩
      intro hm
      cases Iff.mp mem_cons hm with
      | inl e => exact h' e
      | inr m => exact hn m

theorem exists_mem_of_ne_nil (l : List α) (h : l ≠ []) : ∃ x, x ∈ l := by
  cases l with
  | nil => exact absurd rfl h
  | cons a l => exact ⟨a, mem_cons_self a l⟩

theorem eq_nil_iff_forall_not_mem {l : List α} : l = [] ↔ ∀ a, a ∉ l := by
  cases l with
  | nil => exact ⟨fun _ a => not_mem_nil a, fun _ => rfl⟩
  | cons b l =>
    constructor
    · intro h
      exact absurd h (cons_ne_nil b l)
    · intro h
      exact absurd (mem_cons_self b l) (h b)

theorem eq_of_mem_singleton {a b : α} : (a ∈ [b]) → a = b := by
  intro h
  cases h with
  | head => rfl
  | tail _ h => cases h

theorem mem_singleton {a b : α} : a ∈ [b] ↔ a = b :=
  ⟨eq_of_mem_singleton, fun h => h ▸ mem_cons_self a []⟩

theorem forall_mem_cons {p : α → Prop} {a : α} {l : List α} :
    (∀ x, x ∈ a :: l → p x) ↔ p a ∧ ∀ x, x ∈ l → p x := by
  constructor
  · intro H
    exact ⟨H a (mem_cons_self a l), fun x h => H x (mem_cons_of_mem a h)⟩
  · rintro ⟨H₁, H₂⟩ x h
    cases h with
    | head => exact H₁
    | tail _ h => exact H₂ x h

theorem forall_mem_ne {a : α} {l : List α} : (∀ a' : α, a' ∈ l → ¬a = a') ↔ a ∉ l :=
  ⟨fun h m => h _ m rfl, fun h _ m e => h (e.symm ▸ m)⟩

theorem forall_mem_ne' {a : α} {l : List α} : (∀ a' : α, a' ∈ l → ¬a' = a) ↔ a ∉ l := by
  constructor
  · intro h m
    exact h a m rfl
  · intro h a' m e
    subst e
    exact h m

theorem exists_mem_nil (p : α → Prop) : ¬ (∃ x, ∃ _ : x ∈ @nil α, p x) := by
  rintro ⟨x, hx, _⟩
  cases hx

theorem forall_mem_nil (p : α → Prop) : ∀ (x) (_ : x ∈ @nil α), p x := by
  intro x hx
  cases hx

theorem exists_mem_cons {p : α → Prop} {a : α} {l : List α} :
    (∃ x, ∃ _ : x ∈ a :: l, p x) ↔ p a ∨ ∃ x, ∃ _ : x ∈ l, p x := by
  constructor
  · rintro ⟨x, hx, px⟩
    cases hx with
    | head => exact Or.inl px
    | tail _ h => exact Or.inr ⟨x, h, px⟩
  · rintro (h | ⟨x, hx, px⟩)
    · exact ⟨a, mem_cons_self a l, h⟩
    · exact ⟨x, mem_cons_of_mem a hx, px⟩

theorem forall_mem_singleton {p : α → Prop} {a : α} : (∀ (x) (_ : x ∈ [a]), p x) ↔ p a := by
  constructor
  · intro h
    exact h a (mem_cons_self a [])
  · intro h x hx
    rw [eq_of_mem_singleton hx]
    exact h

theorem mem_nil_iff (a : α) : a ∈ ([] : List α) ↔ False :=
  ⟨fun h => not_mem_nil a h, fun h => h.elim⟩

theorem mem_singleton_self (a : α) : a ∈ [a] := mem_cons_self _ _

theorem mem_of_mem_cons_of_mem : ∀ {a b : α} {l : List α}, a ∈ b :: l → b ∈ l → a ∈ l := by
  intro a b l h hb
  cases h with
  | head => exact hb
  | tail _ h => exact h

theorem eq_or_ne_mem_of_mem {a b : α} {l : List α} (h' : a ∈ b :: l) : a = b ∨ (a ≠ b ∧ a ∈ l) := by
  by_cases h : a = b
  · exact Or.inl h
  · right
    refine ⟨h, ?_⟩
    cases h' with
    | head => exact absurd rfl h
    | tail _ m => exact m

theorem ne_nil_of_mem {a : α} {l : List α} (h : a ∈ l) : l ≠ [] := by
  cases h <;> exact cons_ne_nil _ _

theorem mem_of_ne_of_mem {a y : α} {l : List α} (h₁ : a ≠ y) (h₂ : a ∈ y :: l) : a ∈ l :=
  Or.elim (Iff.mp mem_cons h₂) (fun e => absurd e h₁) (fun m => m)

theorem ne_of_not_mem_cons {a b : α} {l : List α} : a ∉ b :: l → a ≠ b := by
  intro h e
  subst e
  exact h (mem_cons_self a l)

theorem not_mem_of_not_mem_cons {a b : α} {l : List α} : a ∉ b :: l → a ∉ l :=
  fun h m => h (mem_cons_of_mem b m)

theorem not_mem_cons_of_ne_of_not_mem {a y : α} {l : List α} : a ≠ y → a ∉ l → a ∉ y :: l := by
  intro h₁ h₂ m
  exact h₂ (mem_of_ne_of_mem h₁ m)

theorem ne_and_not_mem_of_not_mem_cons {a y : α} {l : List α} : a ∉ y :: l → a ≠ y ∧ a ∉ l :=
  fun p => ⟨ne_of_not_mem_cons p, not_mem_of_not_mem_cons p⟩

/-! ### isEmpty -/

theorem isEmpty_iff {l : List α} : l.isEmpty = Bool.true ↔ l = [] := by
  cases l with
  | nil => exact ⟨fun _ => rfl, fun _ => rfl⟩
  | cons a l =>
    constructor
    · intro h
      exact absurd h Bool.false_ne_true
    · intro h
      exact absurd h (cons_ne_nil a l)

theorem isEmpty_eq_false_iff {l : List α} : l.isEmpty = Bool.false ↔ l ≠ [] := by
  cases l with
  | nil =>
    constructor
    · intro h
      exact absurd h.symm Bool.false_ne_true
    · intro h
      exact absurd rfl h
  | cons a l => exact ⟨fun _ => cons_ne_nil a l, fun _ => rfl⟩

theorem isEmpty_eq_false_iff_exists_mem {xs : List α} :
    xs.isEmpty = Bool.false ↔ ∃ x, x ∈ xs := by
  cases xs with
  | nil =>
    constructor
    · intro h
      exact absurd h.symm Bool.false_ne_true
    · rintro ⟨x, hx⟩
      cases hx
  | cons a l => exact ⟨fun _ => ⟨a, mem_cons_self a l⟩, fun _ => rfl⟩

theorem isEmpty_iff_length_eq_zero {l : List α} : l.isEmpty = Bool.true ↔ l.length = 0 := by
  rw [isEmpty_iff, length_eq_zero]

/-! ### set -/

theorem set_eq_nil_iff {l : List α} (n : Nat) (a : α) : l.set n a = [] ↔ l = [] := by
  cases l with
  | nil => exact ⟨fun _ => rfl, fun _ => rfl⟩
  | cons b l =>
    cases n with
    | zero => simp [set_cons_zero]
    | succ n => simp [set_cons_succ]

theorem set_eq_of_length_le {l : List α} {n : Nat} (h : l.length ≤ n) {a : α} :
    l.set n a = l := by
  induction l generalizing n with
  | nil => rfl
  | cons b l ih =>
    cases n with
    | zero => exact absurd h (Nat.not_succ_le_zero _)
    | succ n =>
      rw [set_cons_succ, ih (Nat.le_of_succ_le_succ h)]

theorem set_comm (a b : α) : ∀ {n m : Nat} (l : List α), n ≠ m →
    (l.set n a).set m b = (l.set m b).set n a := by
  intro n m l h
  induction l generalizing n m with
  | nil => rfl
  | cons x t ih =>
    cases n with
    | zero =>
      cases m
      · exact absurd rfl h
      · rfl
    | succ n =>
      cases m
      · rfl
      · rename_i m
        simp only [set_cons_succ]
        rw [ih (fun e => h (congrArg Nat.succ e))]

theorem set_set (a b : α) : ∀ (l : List α) (n : Nat), (l.set n a).set n b = l.set n b := by
  intro l
  induction l with
  | nil => intro n; rfl
  | cons x t ih =>
    intro n
    cases n with
    | zero => rfl
    | succ n => simp only [set_cons_succ, ih]

theorem mem_or_eq_of_mem_set : ∀ {l : List α} {n : Nat} {a b : α}, a ∈ l.set n b → a ∈ l ∨ a = b := by
  intro l
  induction l with
  | nil => intro n a b h; cases h
  | cons x t ih =>
    intro n a b h
    cases n with
    | zero =>
      rw [set_cons_zero, mem_cons] at h
      rcases h with e | m
      · exact Or.inr e
      · exact Or.inl (mem_cons_of_mem x m)
    | succ n =>
      rw [set_cons_succ, mem_cons] at h
      rcases h with e | m
      · subst e
        exact Or.inl (mem_cons_self _ t)
      · rcases ih m with m' | e
        · exact Or.inl (mem_cons_of_mem x m')
        · exact Or.inr e

/-! ### tail -/

theorem length_tail (l : List α) : length (tail l) = length l - 1 := by cases l <;> rfl

theorem mem_of_mem_tail {a : α} {l : List α} (h : a ∈ tail l) : a ∈ l := by
  cases l with
  | nil => exact h
  | cons b l => exact mem_cons_of_mem b h

theorem ne_nil_of_tail_ne_nil {l : List α} : l.tail ≠ [] → l ≠ [] := by
  intro h e
  subst e
  exact h rfl

/-! ## Basic operations -/

/-! ### map -/

theorem length_map (as : List α) (f : α → β) : (as.map f).length = as.length := by
  induction as with
  | nil => rfl
  | cons a as ih => simp [ih]

theorem map_id (l : List α) : map (id : α → α) l = l := by
  induction l with
  | nil => rfl
  | cons a l ih =>
    rw [map_cons, ih]
    rfl

theorem map_id_fun : map (id : α → α) = id :=
  funext fun l => map_id l

theorem map_id_fun' : map (fun (a : α) => a) = id := map_id_fun

theorem map_id' (l : List α) : map (fun (a : α) => a) l = l := map_id l

theorem map_id'' {f : α → α} (h : ∀ x, f x = x) (l : List α) : map f l = l := by
  induction l with
  | nil => rfl
  | cons a l ih => rw [map_cons, h a, ih]

theorem map_singleton (f : α → β) (a : α) : map f [a] = [f a] := rfl

theorem mem_map {f : α → β} {b : β} : ∀ {l : List α}, b ∈ l.map f ↔ ∃ a, a ∈ l ∧ f a = b := by
  intro l
  induction l with
  | nil =>
    constructor
    · intro h
      cases h
    · rintro ⟨a, h, _⟩
      cases h
  | cons c l ih =>
    rw [map_cons, mem_cons, ih]
    constructor
    · rintro (rfl | ⟨a, h, rfl⟩)
      · exact ⟨c, mem_cons_self c l, rfl⟩
      · exact ⟨a, mem_cons_of_mem c h, rfl⟩
    · rintro ⟨a, h, rfl⟩
      rw [mem_cons] at h
      rcases h with rfl | h
      · exact Or.inl rfl
      · exact Or.inr ⟨a, h, rfl⟩

theorem exists_of_mem_map {f : α → β} {l : List α} {b : β} (h : b ∈ map f l) :
    ∃ a, a ∈ l ∧ f a = b := Iff.mp mem_map h

theorem mem_map_of_mem {a : α} {l : List α} (f : α → β) (h : a ∈ l) : f a ∈ map f l :=
  Iff.mpr mem_map ⟨_, h, rfl⟩

theorem forall_mem_map {f : α → β} {l : List α} {P : β → Prop} :
    (∀ (i) (_ : i ∈ l.map f), P i) ↔ ∀ (j) (_ : j ∈ l), P (f j) := by
  constructor
  · intro h j hj
    exact h (f j) (mem_map_of_mem f hj)
  · intro h i hi
    obtain ⟨j, hj, rfl⟩ := exists_of_mem_map hi
    exact h j hj

theorem map_eq_nil_iff {f : α → β} {l : List α} : map f l = [] ↔ l = [] := by
  cases l with
  | nil => exact ⟨fun _ => rfl, fun _ => rfl⟩
  | cons a l => simp

theorem eq_nil_of_map_eq_nil {f : α → β} {l : List α} (h : map f l = []) : l = [] :=
  Iff.mp map_eq_nil_iff h

theorem map_inj_left {l : List α} {f g : α → β} : map f l = map g l ↔ ∀ a, a ∈ l → f a = g a := by
  induction l with
  | nil => exact ⟨fun _ a h => absurd h (not_mem_nil a), fun _ => rfl⟩
  | cons b l ih =>
    rw [map_cons, map_cons, cons.injEq, ih, forall_mem_cons]

theorem map_inj_right {l l' : List α} {f : α → β} (w : ∀ x y, f x = f y → x = y) :
    map f l = map f l' ↔ l = l' := by
  induction l generalizing l' with
  | nil =>
    rcases l' with _ | ⟨a', l'⟩
    · exact ⟨fun _ => rfl, fun _ => rfl⟩
    · constructor <;> intro h <;> exact absurd h.symm (cons_ne_nil _ _)
  | cons a l ih =>
    rcases l' with _ | ⟨a', l'⟩
    · simp
    · rw [map_cons, map_cons, cons.injEq, cons.injEq, ih]
      constructor
      · rintro ⟨h₁, h₂⟩
        exact ⟨w a a' h₁, h₂⟩
      · rintro ⟨rfl, h₂⟩
        exact ⟨rfl, h₂⟩

theorem map_congr_left {l : List α} {f g : α → β} (h : ∀ a, a ∈ l → f a = g a) :
    map f l = map g l :=
  Iff.mpr map_inj_left h

theorem map_eq_cons_iff {f : α → β} {l : List α} {b : β} {l₂ : List β} :
    map f l = b :: l₂ ↔ ∃ a l₁, l = a :: l₁ ∧ f a = b ∧ map f l₁ = l₂ := by
  cases l with
  | nil =>
    constructor
    · intro h
      exact absurd h.symm (cons_ne_nil b l₂)
    · rintro ⟨a, l₁, h, _⟩
      exact absurd h.symm (cons_ne_nil a l₁)
  | cons a l₁ =>
    simp only [map_cons, cons.injEq]
    constructor
    · rintro ⟨rfl, rfl⟩
      exact ⟨a, l₁, ⟨rfl, rfl⟩, rfl, rfl⟩
    · rintro ⟨a', l₁', ⟨rfl, rfl⟩, rfl, rfl⟩
      exact ⟨rfl, rfl⟩

theorem map_eq_singleton_iff {f : α → β} {l : List α} {b : β} :
    map f l = [b] ↔ ∃ a, l = [a] ∧ f a = b := by
  rw [map_eq_cons_iff]
  constructor
  · rintro ⟨a, l₁, rfl, h, h'⟩
    rw [map_eq_nil_iff] at h'
    subst h'
    exact ⟨a, rfl, h⟩
  · rintro ⟨a, rfl, h⟩
    exact ⟨a, [], rfl, h, rfl⟩

theorem map_eq_map_iff {l : List α} {f g : α → β} : map f l = map g l ↔ ∀ a, a ∈ l → f a = g a :=
  map_inj_left

theorem map_eq_foldr (f : α → β) (l : List α) : map f l = foldr (fun a bs => f a :: bs) [] l := by
  induction l with
  | nil => rfl
  | cons a l ih => rw [map_cons, foldr_cons, ih]

theorem map_set {f : α → β} {l : List α} {i : Nat} {a : α} :
    (l.set i a).map f = (l.map f).set i (f a) := by
  induction l generalizing i with
  | nil => rfl
  | cons b l ih =>
    cases i with
    | zero => rfl
    | succ i =>
      rw [set_cons_succ, map_cons, map_cons, set_cons_succ, ih]

theorem map_tail (f : α → β) (l : List α) : map f l.tail = (map f l).tail := by
  cases l <;> rfl

theorem map_map (g : β → γ) (f : α → β) (l : List α) : map g (map f l) = map (g ∘ f) l := by
  induction l with
  | nil => rfl
  | cons a l ih =>
    show g (f a) :: map g (map f l) = g (f a) :: map (g ∘ f) l
    rw [ih]

/-! ### filter -/

theorem filter_cons_of_pos {p : α → Bool} {a : α} {l : List α} (pa : p a = Bool.true) :
    filter p (a :: l) = a :: filter p l := by
  show (match p a with | Bool.true => a :: filter p l | Bool.false => filter p l) = a :: filter p l
  rw [pa]

theorem filter_cons_of_neg {p : α → Bool} {a : α} {l : List α} (pa : ¬ p a = Bool.true) :
    filter p (a :: l) = filter p l := by
  cases h : p a with
  | false =>
    show (match p a with | Bool.true => a :: filter p l | Bool.false => filter p l) = filter p l
    rw [h]
  | true => exact absurd h pa

theorem length_filter_le (p : α → Bool) (l : List α) :
    (l.filter p).length ≤ l.length := by
  induction l with
  | nil => exact Nat.le_refl 0
  | cons a l ih =>
    cases h : p a with
    | true =>
      rw [filter_cons_of_pos h, length_cons, length_cons]
      exact Nat.succ_le_succ ih
    | false =>
      rw [filter_cons_of_neg (fun h' => Bool.false_ne_true (h.symm.trans h')), length_cons]
      exact Nat.le_succ_of_le ih

theorem filter_eq_self {p : α → Bool} {l : List α} : filter p l = l ↔ ∀ a, a ∈ l → p a = Bool.true := by
  induction l with
  | nil => exact ⟨fun _ a h => absurd h (not_mem_nil a), fun _ => rfl⟩
  | cons a l ih =>
    rw [forall_mem_cons]
    cases h : p a with
    | true =>
      rw [filter_cons_of_pos h, cons.injEq, ih]
      exact ⟨fun H => ⟨rfl, H.2⟩, fun H => ⟨rfl, H.2⟩⟩
    | false =>
      have hn : ¬ p a = Bool.true := fun h' => Bool.false_ne_true (h.symm.trans h')
      rw [filter_cons_of_neg hn]
      constructor
      · intro H
        have hl := congrArg length H
        rw [length_cons] at hl
        have hle := length_filter_le p l
        rw [hl] at hle
        exact absurd hle (Nat.not_succ_le_self _)
      · intro H
        exact absurd H.1 Bool.false_ne_true

theorem mem_filter {x : α} {p : α → Bool} {as : List α} : x ∈ filter p as ↔ x ∈ as ∧ p x = Bool.true := by
  induction as with
  | nil => exact ⟨fun h => absurd h (not_mem_nil x), fun h => absurd h.1 (not_mem_nil x)⟩
  | cons a as ih =>
    by_cases h : p a = Bool.true
    · rw [filter_cons_of_pos h, mem_cons, mem_cons, ih]
      constructor
      · rintro (rfl | ⟨hm, hp⟩)
        · exact ⟨Or.inl rfl, h⟩
        · exact ⟨Or.inr hm, hp⟩
      · rintro ⟨rfl | hm, hp⟩
        · exact Or.inl rfl
        · exact Or.inr ⟨hm, hp⟩
    · rw [filter_cons_of_neg h, mem_cons, ih]
      constructor
      · rintro ⟨hm, hp⟩
        exact ⟨Or.inr hm, hp⟩
      · rintro ⟨rfl | hm, hp⟩
        · exact absurd hp h
        · exact ⟨hm, hp⟩

theorem filter_eq_nil_iff {p : α → Bool} {l : List α} : filter p l = [] ↔ ∀ a, a ∈ l → ¬p a = Bool.true := by
  rw [eq_nil_iff_forall_not_mem]
  constructor
  · intro h a ha hp
    exact h a (Iff.mpr mem_filter ⟨ha, hp⟩)
  · intro h a ha
    have hm := Iff.mp mem_filter ha
    exact h a hm.1 hm.2

theorem forall_mem_filter {l : List α} {p : α → Bool} {P : α → Prop} :
    (∀ (i) (_ : i ∈ l.filter p), P i) ↔ ∀ (j) (_ : j ∈ l), p j = Bool.true → P j := by
  constructor
  · intro h j hj hp
    exact h j (Iff.mpr mem_filter ⟨hj, hp⟩)
  · intro h i hi
    rw [mem_filter] at hi
    exact h i hi.1 hi.2

theorem filter_map {p : α → Bool} (f : β → α) (l : List β) :
    filter p (map f l) = map f (filter (p ∘ f) l) := by
  induction l with
  | nil => rfl
  | cons a l ih =>
    by_cases h : p (f a) = Bool.true
    · have h' : (p ∘ f) a = Bool.true := h
      rw [map_cons, filter_cons_of_pos h, filter_cons_of_pos h', map_cons, ih]
    · have h' : ¬ (p ∘ f) a = Bool.true := h
      rw [map_cons, filter_cons_of_neg h, filter_cons_of_neg h', ih]

theorem filter_append {p : α → Bool} :
    ∀ (l₁ l₂ : List α), filter p (l₁ ++ l₂) = filter p l₁ ++ filter p l₂ := by
  intro l₁ l₂
  induction l₁ with
  | nil => rfl
  | cons a l₁ ih =>
    rw [cons_append]
    by_cases h : p a = Bool.true
    · rw [filter_cons_of_pos h, filter_cons_of_pos h, ih, cons_append]
    · rw [filter_cons_of_neg h, filter_cons_of_neg h, ih]

theorem filter_congr {p q : α → Bool} :
    ∀ {l : List α}, (∀ x, x ∈ l → p x = q x) → filter p l = filter q l := by
  intro l h
  induction l with
  | nil => rfl
  | cons a l ih =>
    rw [forall_mem_cons] at h
    obtain ⟨ha, hl⟩ := h
    by_cases hp : p a = Bool.true
    · rw [filter_cons_of_pos hp, filter_cons_of_pos (ha ▸ hp), ih hl]
    · rw [filter_cons_of_neg hp, filter_cons_of_neg (ha ▸ hp), ih hl]

/-! ### append -/

theorem nil_append_fun : (fun bs => ([] : List α) ++ bs) = id := rfl

theorem cons_append_fun (a : α) (as : List α) :
    (fun bs => ((a :: as) ++ bs)) = fun bs => a :: (as ++ bs) := rfl

theorem mem_append {a : α} {s t : List α} : a ∈ s ++ t ↔ a ∈ s ∨ a ∈ t := by
  induction s with
  | nil =>
    rw [nil_append]
    exact ⟨Or.inr, fun h => h.elim (fun h' => absurd h' (not_mem_nil a)) id⟩
  | cons b s ih =>
    rw [cons_append, mem_cons, mem_cons, ih]
    constructor
    · rintro (h | (h | h))
      · exact Or.inl (Or.inl h)
      · exact Or.inl (Or.inr h)
      · exact Or.inr h
    · rintro ((h | h) | h)
      · exact Or.inl h
      · exact Or.inr (Or.inl h)
      · exact Or.inr (Or.inr h)

theorem not_mem_append {a : α} {s t : List α} (h₁ : a ∉ s) (h₂ : a ∉ t) : a ∉ s ++ t := by
  intro h
  rw [mem_append] at h
  rcases h with h | h
  · exact h₁ h
  · exact h₂ h

theorem append_of_mem {a : α} {l : List α} : a ∈ l → ∃ s t : List α, l = s ++ a :: t := by
  intro h
  induction h with
  | head as => exact ⟨[], as, rfl⟩
  | tail b _ ih =>
    obtain ⟨s, t, rfl⟩ := ih
    exact ⟨b :: s, t, rfl⟩

theorem mem_iff_append {a : α} {l : List α} : a ∈ l ↔ ∃ s t : List α, l = s ++ a :: t :=
  ⟨append_of_mem, fun ⟨s, t, e⟩ => e ▸ mem_append_cons_self⟩

theorem forall_mem_append {p : α → Prop} {l₁ l₂ : List α} :
    (∀ (x) (_ : x ∈ l₁ ++ l₂), p x) ↔ (∀ (x) (_ : x ∈ l₁), p x) ∧ (∀ (x) (_ : x ∈ l₂), p x) := by
  constructor
  · intro h
    exact ⟨fun x hx => h x (mem_append_left l₂ hx), fun x hx => h x (mem_append_right l₁ hx)⟩
  · rintro ⟨h₁, h₂⟩ x hx
    rw [mem_append] at hx
    rcases hx with hx | hx
    · exact h₁ x hx
    · exact h₂ x hx

theorem singleton_append {x : α} {l : List α} : [x] ++ l = x :: l := rfl

theorem append_inj :
    ∀ {s₁ s₂ t₁ t₂ : List α}, s₁ ++ t₁ = s₂ ++ t₂ → length s₁ = length s₂ → s₁ = s₂ ∧ t₁ = t₂ := by
  intro s₁
  induction s₁ with
  | nil =>
    intro s₂ t₁ t₂ h hl
    rcases s₂ with _ | ⟨b, s₂⟩
    · exact ⟨rfl, h⟩
    · exact absurd hl.symm (Nat.succ_ne_zero _)
  | cons a s₁ ih =>
    intro s₂ t₁ t₂ h hl
    rcases s₂ with _ | ⟨b, s₂⟩
    · exact absurd hl (Nat.succ_ne_zero _)
    · rw [cons_append, cons_append, cons.injEq] at h
      rw [length_cons, length_cons, Nat.succ.injEq] at hl
      obtain ⟨rfl, h⟩ := h
      obtain ⟨rfl, rfl⟩ := ih h hl
      exact ⟨rfl, rfl⟩

theorem append_inj_right {s₁ s₂ t₁ t₂ : List α} (h : s₁ ++ t₁ = s₂ ++ t₂)
    (hl : length s₁ = length s₂) : t₁ = t₂ :=
  (append_inj h hl).right

theorem append_inj_left {s₁ s₂ t₁ t₂ : List α} (h : s₁ ++ t₁ = s₂ ++ t₂)
    (hl : length s₁ = length s₂) : s₁ = s₂ :=
  (append_inj h hl).left

theorem append_inj' {s₁ s₂ t₁ t₂ : List α} (h : s₁ ++ t₁ = s₂ ++ t₂)
    (hl : length t₁ = length t₂) : s₁ = s₂ ∧ t₁ = t₂ := by
  apply append_inj h
  have hlen := congrArg length h
  rw [length_append, length_append, hl] at hlen
  exact Nat.add_right_cancel hlen

theorem append_inj_right' {s₁ s₂ t₁ t₂ : List α} (h : s₁ ++ t₁ = s₂ ++ t₂)
    (hl : length t₁ = length t₂) : t₁ = t₂ :=
  (append_inj' h hl).right

theorem append_inj_left' {s₁ s₂ t₁ t₂ : List α} (h : s₁ ++ t₁ = s₂ ++ t₂)
    (hl : length t₁ = length t₂) : s₁ = s₂ :=
  (append_inj' h hl).left

theorem append_right_inj {t₁ t₂ : List α} (s) : s ++ t₁ = s ++ t₂ ↔ t₁ = t₂ :=
  ⟨fun h => append_inj_right h rfl, fun h => h ▸ rfl⟩

theorem append_left_inj {s₁ s₂ : List α} (t) : s₁ ++ t = s₂ ++ t ↔ s₁ = s₂ := by
  constructor
  · intro h
    exact append_inj_left' h rfl
  · rintro rfl
    rfl

theorem append_left_eq_self {x y : List α} : x ++ y = y ↔ x = [] := by
  constructor
  · intro h
    have h' : x ++ y = [] ++ y := h
    exact Iff.mp (append_left_inj y) h'
  · rintro rfl
    rfl

theorem self_eq_append_left {x y : List α} : y = x ++ y ↔ x = [] :=
  ⟨fun h => Iff.mp append_left_eq_self h.symm, fun h => (Iff.mpr append_left_eq_self h).symm⟩

theorem append_right_eq_self {x y : List α} : x ++ y = x ↔ y = [] := by
  rw [← append_right_inj (t₁ := y) x, append_nil]

theorem self_eq_append_right {x y : List α} : x = x ++ y ↔ y = [] := by
  constructor
  · intro h
    exact Iff.mp append_right_eq_self h.symm
  · intro h
    exact (Iff.mpr append_right_eq_self h).symm

theorem append_eq_nil_iff {p q : List α} : p ++ q = [] ↔ p = [] ∧ q = [] := by
  cases p with
  | nil => exact ⟨fun h => ⟨rfl, h⟩, fun h => h.2⟩
  | cons a p => simp

theorem nil_eq_append_iff {a b : List α} : [] = a ++ b ↔ a = [] ∧ b = [] := by
  rw [nil_eq, append_eq_nil_iff]

theorem append_ne_nil_of_left_ne_nil {s : List α} (h : s ≠ []) (t : List α) : s ++ t ≠ [] :=
  fun e => h (Iff.mp append_eq_nil_iff e).1

theorem append_ne_nil_of_right_ne_nil (s : List α) {t : List α} : t ≠ [] → s ++ t ≠ [] := by
  intro h e
  rw [append_eq_nil_iff] at e
  exact h e.2

theorem append_eq_cons_iff {a b c : List α} {x : α} :
    a ++ b = x :: c ↔ (a = [] ∧ b = x :: c) ∨ (∃ a', a = x :: a' ∧ c = a' ++ b) := by
  cases a with
  | nil =>
    constructor
    · intro h
      exact Or.inl ⟨rfl, h⟩
    · rintro (⟨_, h⟩ | ⟨a', h, _⟩)
      · exact h
      · exact absurd h.symm (cons_ne_nil x a')
  | cons y as =>
    rw [cons_append, cons.injEq]
    constructor
    · rintro ⟨rfl, rfl⟩
      exact Or.inr ⟨as, rfl, rfl⟩
    · rintro (⟨h, _⟩ | ⟨a', h, rfl⟩)
      · exact absurd h (cons_ne_nil y as)
      · rw [cons.injEq] at h
        obtain ⟨rfl, rfl⟩ := h
        exact ⟨rfl, rfl⟩

theorem cons_eq_append_iff {a b c : List α} {x : α} :
    x :: c = a ++ b ↔ (a = [] ∧ b = x :: c) ∨ (∃ a', a = x :: a' ∧ c = a' ++ b) := by
  rw [← append_eq_cons_iff]
  exact ⟨fun h => h.symm, fun h => h.symm⟩

theorem append_eq_singleton_iff {a b : List α} {x : α} :
    a ++ b = [x] ↔ (a = [] ∧ b = [x]) ∨ (a = [x] ∧ b = []) := by
  rw [append_eq_cons_iff]
  constructor
  · rintro (h | ⟨a', rfl, h⟩)
    · exact Or.inl h
    · rw [nil_eq, append_eq_nil_iff] at h
      obtain ⟨rfl, rfl⟩ := h
      exact Or.inr ⟨rfl, rfl⟩
  · rintro (h | ⟨rfl, rfl⟩)
    · exact Or.inl h
    · exact Or.inr ⟨[], rfl, rfl⟩

theorem singleton_eq_append_iff {a b : List α} {x : α} :
    [x] = a ++ b ↔ (a = [] ∧ b = [x]) ∨ (a = [x] ∧ b = []) := by
  rw [← append_eq_singleton_iff]
  exact ⟨Eq.symm, Eq.symm⟩

theorem append_eq_append_iff {a b c d : List α} :
    a ++ b = c ++ d ↔ (∃ a', c = a ++ a' ∧ b = a' ++ d) ∨ ∃ c', a = c ++ c' ∧ d = c' ++ b := by
  induction a generalizing c with
  | nil =>
    rw [nil_append]
    constructor
    · intro h
      exact Or.inl ⟨c, rfl, h⟩
    · rintro (⟨a', rfl, rfl⟩ | ⟨c', h, rfl⟩)
      · rfl
      · rw [nil_eq, append_eq_nil_iff] at h
        obtain ⟨rfl, rfl⟩ := h
        rfl
  | cons x a ih =>
    cases c with
    | nil =>
      rw [nil_append]
      constructor
      · intro h
        exact Or.inr ⟨x :: a, rfl, h.symm⟩
      · rintro (⟨a', h, rfl⟩ | ⟨c', h, rfl⟩)
        · exact absurd h.symm (cons_ne_nil x _)
        · rw [nil_append] at h
          subst h
          rfl
    | cons y c =>
      rw [cons_append, cons_append, cons.injEq, ih]
      constructor
      · rintro ⟨rfl, (⟨a', rfl, rfl⟩ | ⟨c', rfl, rfl⟩)⟩
        · exact Or.inl ⟨a', rfl, rfl⟩
        · exact Or.inr ⟨c', rfl, rfl⟩
      · rintro (⟨a', h, rfl⟩ | ⟨c', h, rfl⟩)
        · rw [cons_append, cons.injEq] at h
          obtain ⟨rfl, rfl⟩ := h
          exact ⟨rfl, Or.inl ⟨a', rfl, rfl⟩⟩
        · rw [cons_append, cons.injEq] at h
          obtain ⟨rfl, rfl⟩ := h
          exact ⟨rfl, Or.inr ⟨c', rfl, rfl⟩⟩

theorem tail_append_of_ne_nil {xs ys : List α} (h : xs ≠ []) :
    (xs ++ ys).tail = xs.tail ++ ys := by
  cases xs with
  | nil => exact absurd rfl h
  | cons x xs => rfl

theorem map_append (f : α → β) : ∀ l₁ l₂, map f (l₁ ++ l₂) = map f l₁ ++ map f l₂ := by
  intro l₁ l₂
  induction l₁ with
  | nil => rfl
  | cons a l₁ ih => simp [ih]

theorem map_eq_append_iff {f : α → β} {l : List α} {L₁ L₂ : List β} :
    map f l = L₁ ++ L₂ ↔ ∃ l₁ l₂, l = l₁ ++ l₂ ∧ map f l₁ = L₁ ∧ map f l₂ = L₂ := by
  constructor
  · intro h
    induction l generalizing L₁ with
    | nil =>
      rw [map_nil, nil_eq_append_iff] at h
      obtain ⟨rfl, rfl⟩ := h
      exact ⟨[], [], rfl, rfl, rfl⟩
    | cons x l ih =>
      rw [map_cons, cons_eq_append_iff] at h
      rcases h with ⟨rfl, rfl⟩ | ⟨L', rfl, h⟩
      · exact ⟨[], x :: l, rfl, rfl, rfl⟩
      · obtain ⟨l₁, l₂, rfl, rfl, rfl⟩ := ih h
        exact ⟨x :: l₁, l₂, rfl, rfl, rfl⟩
  · rintro ⟨l₁, l₂, rfl, rfl, rfl⟩
    exact map_append f l₁ l₂

theorem append_eq_map_iff {f : α → β} {l : List α} {L₁ L₂ : List β} :
    L₁ ++ L₂ = map f l ↔ ∃ l₁ l₂, l = l₁ ++ l₂ ∧ map f l₁ = L₁ ∧ map f l₂ = L₂ := by
  rw [← map_eq_append_iff]
  exact ⟨Eq.symm, Eq.symm⟩

/-! ### concat -/

theorem concat_nil (a : α) : concat [] a = [a] := rfl

theorem concat_cons (a b : α) (l : List α) : concat (a :: l) b = a :: concat l b := rfl

theorem init_eq_of_concat_eq {a b : α} {l₁ l₂ : List α} : concat l₁ a = concat l₂ b → l₁ = l₂ := by
  rw [concat_eq_append, concat_eq_append]
  intro h
  exact append_inj_left' h rfl

theorem last_eq_of_concat_eq {a b : α} {l₁ l₂ : List α} : concat l₁ a = concat l₂ b → a = b := by
  rw [concat_eq_append, concat_eq_append]
  intro h
  have h' := append_inj_right' h rfl
  rw [cons.injEq] at h'
  exact h'.1

theorem concat_inj {a b : α} {l l' : List α} : concat l a = concat l' b ↔ l = l' ∧ a = b :=
  ⟨fun h => ⟨init_eq_of_concat_eq h, last_eq_of_concat_eq h⟩, by rintro ⟨rfl, rfl⟩; rfl⟩

theorem concat_inj_left {l l' : List α} (a : α) : concat l a = concat l' a ↔ l = l' :=
  ⟨init_eq_of_concat_eq, fun h => h ▸ rfl⟩

theorem concat_inj_right {l : List α} {a a' : α} : concat l a = concat l a' ↔ a = a' := by
  constructor
  · exact last_eq_of_concat_eq
  · intro h
    rw [h]

theorem concat_append (a : α) (l₁ l₂ : List α) : concat l₁ a ++ l₂ = l₁ ++ a :: l₂ := by
  rw [concat_eq_append, append_assoc]
  rfl

theorem append_concat (a : α) (l₁ l₂ : List α) : l₁ ++ concat l₂ a = concat (l₁ ++ l₂) a := by
  rw [concat_eq_append, concat_eq_append, append_assoc]

theorem map_concat (f : α → β) (a : α) (l : List α) :
    map f (concat l a) = concat (map f l) (f a) := by
  induction l with
  | nil => rfl
  | cons x xs ih =>
    rw [concat_cons, map_cons, map_cons, concat_cons, ih]

theorem eq_nil_or_concat : ∀ l : List α, l = [] ∨ ∃ L b, l = concat L b := by
  intro l
  induction l with
  | nil => exact Or.inl rfl
  | cons a l ih =>
    right
    rcases ih with rfl | ⟨L, b, rfl⟩
    · exact ⟨[], a, rfl⟩
    · exact ⟨a :: L, b, rfl⟩

/-! ### flatMap

(Stated before `flatten`'s lemmas, which are derived from them: the checker's `induction` cannot
handle a list whose elements are themselves lists, see the report.) -/

theorem flatMap_def (l : List α) (f : α → List β) : l.flatMap f = flatten (map f l) := rfl

theorem flatMap_id (l : List (List α)) : l.flatMap id = l.flatten := by
  rw [flatMap_def, map_id]

theorem flatMap_id' (l : List (List α)) : l.flatMap (fun a => a) = l.flatten := by
  rw [flatMap_def, map_id']

theorem mem_flatMap {f : α → List β} {b : β} {l : List α} : b ∈ l.flatMap f ↔ ∃ a, a ∈ l ∧ b ∈ f a := by
  induction l with
  | nil =>
    constructor
    · intro h
      cases h
    · rintro ⟨a, ha, _⟩
      cases ha
  | cons a l ih =>
    rw [flatMap_cons, mem_append, ih]
    constructor
    · rintro (h | ⟨c, hc, hb⟩)
      · exact ⟨a, mem_cons_self a l, h⟩
      · exact ⟨c, mem_cons_of_mem a hc, hb⟩
    · rintro ⟨c, hc, hb⟩
      rw [mem_cons] at hc
      rcases hc with rfl | hc
      · exact Or.inl hb
      · exact Or.inr ⟨c, hc, hb⟩

theorem exists_of_mem_flatMap {b : β} {l : List α} {f : α → List β} :
    b ∈ l.flatMap f → ∃ a, a ∈ l ∧ b ∈ f a := Iff.mp mem_flatMap

theorem mem_flatMap_of_mem {b : β} {l : List α} {f : α → List β} {a : α} (al : a ∈ l) (h : b ∈ f a) :
    b ∈ l.flatMap f := Iff.mpr mem_flatMap ⟨a, al, h⟩

theorem flatMap_eq_nil_iff {l : List α} {f : α → List β} : l.flatMap f = [] ↔ ∀ x, x ∈ l → f x = [] := by
  induction l with
  | nil => exact ⟨fun _ x h => absurd h (not_mem_nil x), fun _ => rfl⟩
  | cons a l ih =>
    rw [flatMap_cons, append_eq_nil_iff, ih, forall_mem_cons]

theorem forall_mem_flatMap {p : β → Prop} {l : List α} {f : α → List β} :
    (∀ (x) (_ : x ∈ l.flatMap f), p x) ↔ ∀ (a) (_ : a ∈ l) (b) (_ : b ∈ f a), p b := by
  constructor
  · intro h a ha b hb
    exact h b (mem_flatMap_of_mem ha hb)
  · intro h x hx
    obtain ⟨a, ha, hb⟩ := exists_of_mem_flatMap hx
    exact h a ha x hb

theorem flatMap_singleton (f : α → List β) (x : α) : [x].flatMap f = f x :=
  append_nil (f x)

theorem flatMap_singleton' (l : List α) : (l.flatMap fun x => [x]) = l := by
  induction l with
  | nil => rfl
  | cons a l ih => rw [flatMap_cons, ih]; rfl

theorem flatMap_assoc (l : List α) (f : α → List β) (g : β → List γ) :
    (l.flatMap f).flatMap g = l.flatMap fun x => (f x).flatMap g := by
  induction l with
  | nil => rfl
  | cons a l ih => rw [flatMap_cons, flatMap_append, ih, flatMap_cons]

theorem map_flatMap (f : β → γ) (g : α → List β) :
    ∀ l : List α, (l.flatMap g).map f = l.flatMap fun a => (g a).map f := by
  intro l
  induction l with
  | nil => rfl
  | cons a l ih => rw [flatMap_cons, map_append, ih, flatMap_cons]

theorem flatMap_map (f : α → β) (g : β → List γ) (l : List α) :
    (map f l).flatMap g = l.flatMap (fun a => g (f a)) := by
  induction l with
  | nil => rfl
  | cons a l ih => rw [map_cons, flatMap_cons, ih, flatMap_cons]

theorem map_eq_flatMap (f : α → β) (l : List α) : map f l = l.flatMap fun x => [f x] := by
  induction l with
  | nil => rfl
  | cons a l ih =>
    rw [map_cons, flatMap_cons, ← ih]
    rfl

theorem filter_flatMap (l : List α) (g : α → List β) (f : β → Bool) :
    (l.flatMap g).filter f = l.flatMap fun a => (g a).filter f := by
  induction l with
  | nil => rfl
  | cons a l ih => rw [flatMap_cons, filter_append, ih, flatMap_cons]

/-! ### flatten -/

theorem flatten_singleton (l : List α) : [l].flatten = l := by
  rw [flatten_cons, flatten_nil, append_nil]

theorem flatten_eq_flatMap {L : List (List α)} : flatten L = L.flatMap id := by
  show flatten L = flatten (map id L)
  rw [map_id]

theorem mem_flatten {a : α} : ∀ {L : List (List α)}, a ∈ L.flatten ↔ ∃ l, l ∈ L ∧ a ∈ l := by
  intro L
  rw [flatten_eq_flatMap, mem_flatMap]
  exact Iff.refl _

theorem flatten_eq_nil_iff {L : List (List α)} : L.flatten = [] ↔ ∀ l, l ∈ L → l = [] := by
  rw [flatten_eq_flatMap, flatMap_eq_nil_iff]
  exact Iff.refl _

theorem nil_eq_flatten_iff {L : List (List α)} : [] = L.flatten ↔ ∀ l, l ∈ L → l = [] := by
  rw [nil_eq, flatten_eq_nil_iff]

theorem flatten_ne_nil_iff {xs : List (List α)} : xs.flatten ≠ [] ↔ ∃ x, x ∈ xs ∧ x ≠ [] := by
  constructor
  · intro h
    by_cases hx : ∃ x, x ∈ xs ∧ x ≠ []
    · exact hx
    · refine absurd (Iff.mpr flatten_eq_nil_iff ?_) h
      intro l hl
      by_cases e : l = []
      · exact e
      · exact absurd ⟨l, hl, e⟩ hx
  · rintro ⟨x, hx, hne⟩ h
    rw [flatten_eq_nil_iff] at h
    exact hne (h x hx)

theorem exists_of_mem_flatten {a : α} {L : List (List α)} : a ∈ flatten L → ∃ l, l ∈ L ∧ a ∈ l :=
  Iff.mp mem_flatten

theorem mem_flatten_of_mem {a : α} {l : List α} {L : List (List α)} (lL : l ∈ L) (al : a ∈ l) :
    a ∈ flatten L :=
  Iff.mpr mem_flatten ⟨l, lL, al⟩

theorem forall_mem_flatten {p : α → Prop} {L : List (List α)} :
    (∀ (x) (_ : x ∈ flatten L), p x) ↔ ∀ (l) (_ : l ∈ L) (x) (_ : x ∈ l), p x := by
  constructor
  · intro h l hl x hx
    exact h x (mem_flatten_of_mem hl hx)
  · intro h x hx
    obtain ⟨l, hl, hxl⟩ := exists_of_mem_flatten hx
    exact h l hl x hxl

theorem map_flatten (f : α → β) (L : List (List α)) :
    (flatten L).map f = (map (map f) L).flatten := by
  rw [flatten_eq_flatMap, flatten_eq_flatMap, map_flatMap, flatMap_map]
  rfl

theorem filter_flatten (p : α → Bool) (L : List (List α)) :
    filter p (flatten L) = flatten (map (filter p) L) := by
  rw [flatten_eq_flatMap, flatten_eq_flatMap, filter_flatMap, flatMap_map]
  rfl

theorem flatten_append (L₁ L₂ : List (List α)) : flatten (L₁ ++ L₂) = flatten L₁ ++ flatten L₂ := by
  simp only [flatten_eq_flatMap]
  exact flatMap_append

theorem flatten_concat (L : List (List α)) (l : List α) : flatten (L ++ [l]) = flatten L ++ l := by
  rw [flatten_append, flatten_singleton]

theorem flatten_flatten {L : List (List (List α))} : flatten (flatten L) = flatten (map flatten L) := by
  rw [flatten_eq_flatMap (L := flatten L), flatten_eq_flatMap (L := L), flatMap_assoc,
    flatten_eq_flatMap (L := map flatten L), flatMap_map]
  simp only [flatMap_id]
  rfl


/-! ### replicate -/

theorem replicate_one {a : α} : replicate 1 a = [a] := rfl

theorem replicate_succ' {a : α} {n : Nat} : replicate (n + 1) a = replicate n a ++ [a] := by
  induction n with
  | zero => rfl
  | succ n ih =>
    show a :: replicate (n + 1) a = (a :: replicate n a) ++ [a]
    rw [ih]
    rfl

theorem mem_replicate {a b : α} : ∀ {n}, b ∈ replicate n a ↔ n ≠ 0 ∧ b = a := by
  intro n
  induction n with
  | zero =>
    constructor
    · intro h
      cases h
    · rintro ⟨h, _⟩
      exact absurd rfl h
  | succ n ih =>
    rw [replicate_succ, mem_cons, ih]
    constructor
    · rintro (h | ⟨_, h⟩)
      · exact ⟨Nat.succ_ne_zero n, h⟩
      · exact ⟨Nat.succ_ne_zero n, h⟩
    · rintro ⟨_, h⟩
      exact Or.inl h

theorem eq_of_mem_replicate {a b : α} {n} (h : b ∈ replicate n a) : b = a :=
  (Iff.mp mem_replicate h).2

theorem forall_mem_replicate {p : α → Prop} {a : α} {n} :
    (∀ b, b ∈ replicate n a → p b) ↔ n = 0 ∨ p a := by
  cases n with
  | zero =>
    constructor
    · intro _
      exact Or.inl rfl
    · intro _ b hb
      cases hb
  | succ n =>
    constructor
    · intro h
      exact Or.inr (h a (mem_cons_self a _))
    · rintro (h | h) b hb
      · exact absurd h (Nat.succ_ne_zero n)
      · rw [eq_of_mem_replicate hb]
        exact h

theorem replicate_succ_ne_nil (n : Nat) (a : α) : replicate (n+1) a ≠ [] := by
  rw [replicate_succ]
  exact cons_ne_nil a _

theorem replicate_eq_nil_iff {n : Nat} (a : α) : replicate n a = [] ↔ n = 0 := by
  cases n with
  | zero => exact ⟨fun _ => rfl, fun _ => rfl⟩
  | succ n => simp [replicate_succ]

theorem tail_replicate (n : Nat) (a : α) : (replicate n a).tail = replicate (n - 1) a := by
  cases n <;> rfl

theorem replicate_inj {n m : Nat} {a b : α} :
    replicate n a = replicate m b ↔ n = m ∧ (n = 0 ∨ a = b) := by
  constructor
  · intro h
    have hl := congrArg length h
    rw [length_replicate, length_replicate] at hl
    subst hl
    refine ⟨rfl, ?_⟩
    cases n with
    | zero => exact Or.inl rfl
    | succ n =>
      rw [replicate_succ, replicate_succ, cons.injEq] at h
      exact Or.inr h.1
  · rintro ⟨rfl, h | rfl⟩
    · subst h
      rfl
    · rfl

theorem eq_replicate_of_mem {a : α} :
    ∀ {l : List α}, (∀ (b) (_ : b ∈ l), b = a) → l = replicate l.length a := by
  intro l H
  induction l with
  | nil => rfl
  | cons b l ih =>
    rw [forall_mem_cons] at H
    obtain ⟨rfl, H₂⟩ := H
    rw [length_cons, replicate_succ, ← ih H₂]

theorem eq_replicate_iff {a : α} {n} {l : List α} :
    l = replicate n a ↔ length l = n ∧ ∀ (b) (_ : b ∈ l), b = a := by
  constructor
  · rintro rfl
    exact ⟨length_replicate, fun b hb => eq_of_mem_replicate hb⟩
  · rintro ⟨rfl, h⟩
    exact eq_replicate_of_mem h

theorem map_eq_replicate_iff {l : List α} {f : α → β} {b : β} :
    l.map f = replicate l.length b ↔ ∀ x, x ∈ l → f x = b := by
  rw [eq_replicate_iff, length_map]
  constructor
  · rintro ⟨_, h⟩ x hx
    exact h (f x) (mem_map_of_mem f hx)
  · intro h
    refine ⟨rfl, ?_⟩
    intro c hc
    obtain ⟨x, hx, rfl⟩ := exists_of_mem_map hc
    exact h x hx

theorem map_const' (l : List α) (b : β) : map (fun _ => b) l = replicate l.length b := by
  induction l with
  | nil => rfl
  | cons a l ih => rw [map_cons, ih]; rfl

theorem replicate_append_replicate {n m : Nat} {a : α} :
    replicate n a ++ replicate m a = replicate (n + m) a := by
  induction n with
  | zero => rw [Nat.zero_add]; rfl
  | succ n ih => rw [replicate_succ, cons_append, ih, Nat.add_right_comm, replicate_succ]

theorem append_eq_replicate_iff {n : Nat} {l₁ l₂ : List α} {a : α} :
    l₁ ++ l₂ = replicate n a ↔
      l₁.length + l₂.length = n ∧ l₁ = replicate l₁.length a ∧ l₂ = replicate l₂.length a := by
  rw [eq_replicate_iff, eq_replicate_iff, eq_replicate_iff, length_append]
  constructor
  · rintro ⟨h, H⟩
    exact ⟨h, ⟨rfl, fun b hb => H b (mem_append_left l₂ hb)⟩,
      ⟨rfl, fun b hb => H b (mem_append_right l₁ hb)⟩⟩
  · rintro ⟨h, ⟨_, H₁⟩, ⟨_, H₂⟩⟩
    refine ⟨h, ?_⟩
    intro b hb
    rw [mem_append] at hb
    rcases hb with hb | hb
    · exact H₁ b hb
    · exact H₂ b hb

theorem replicate_eq_append_iff {n : Nat} {l₁ l₂ : List α} {a : α} :
    replicate n a = l₁ ++ l₂ ↔
      l₁.length + l₂.length = n ∧ l₁ = replicate l₁.length a ∧ l₂ = replicate l₂.length a := by
  rw [← append_eq_replicate_iff]
  exact ⟨Eq.symm, Eq.symm⟩

theorem map_replicate {n : Nat} {a : α} {f : α → β} : (replicate n a).map f = replicate n (f a) := by
  induction n with
  | zero => rfl
  | succ n ih => rw [replicate_succ, map_cons, ih, replicate_succ]

theorem filter_replicate_of_pos {n : Nat} {a : α} {p : α → Bool} (h : p a = Bool.true) :
    (replicate n a).filter p = replicate n a := by
  induction n with
  | zero => rfl
  | succ n ih => rw [replicate_succ, filter_cons_of_pos h, ih]

theorem filter_replicate_of_neg {n : Nat} {a : α} {p : α → Bool} (h : ¬ p a = Bool.true) :
    (replicate n a).filter p = [] := by
  induction n with
  | zero => rfl
  | succ n ih => rw [replicate_succ, filter_cons_of_neg h, ih]

theorem flatten_replicate_nil {n : Nat} : (replicate n ([] : List α)).flatten = [] := by
  induction n with
  | zero => rfl
  | succ n ih => rw [replicate_succ, flatten_cons, ih]; rfl

theorem flatten_replicate_singleton {n : Nat} {a : α} : (replicate n [a]).flatten = replicate n a := by
  induction n with
  | zero => rfl
  | succ n ih => rw [replicate_succ, flatten_cons, ih]; rfl

theorem flatten_replicate_replicate {n m : Nat} {a : α} :
    (replicate n (replicate m a)).flatten = replicate (n * m) a := by
  induction n with
  | zero => rw [Nat.zero_mul]; rfl
  | succ n ih =>
    rw [replicate_succ, flatten_cons, ih, replicate_append_replicate, Nat.succ_mul, Nat.add_comm]

theorem flatMap_replicate {n : Nat} {a : α} (f : α → List β) :
    (replicate n a).flatMap f = (replicate n (f a)).flatten := by
  induction n with
  | zero => rfl
  | succ n ih => rw [replicate_succ, flatMap_cons, ih, replicate_succ, flatten_cons]

/-! ### reverse -/

theorem reverse_append (as bs : List α) : (as ++ bs).reverse = bs.reverse ++ as.reverse := by
  induction as with
  | nil => rw [nil_append, reverse_nil, append_nil]
  | cons a as ih => rw [cons_append, reverse_cons, reverse_cons, ih, append_assoc]

theorem length_reverse (as : List α) : (as.reverse).length = as.length := by
  induction as with
  | nil => rfl
  | cons a as ih => rw [reverse_cons, length_append, ih]; rfl

theorem mem_reverseAux {x : α} : ∀ {as bs}, x ∈ reverseAux as bs ↔ x ∈ as ∨ x ∈ bs := by
  intro as
  induction as with
  | nil =>
    intro bs
    exact ⟨Or.inr, fun h => h.elim (fun h' => absurd h' (not_mem_nil x)) id⟩
  | cons a as ih =>
    intro bs
    rw [reverseAux_cons, ih, mem_cons, mem_cons]
    constructor
    · rintro (h | (h | h))
      · exact Or.inl (Or.inr h)
      · exact Or.inl (Or.inl h)
      · exact Or.inr h
    · rintro ((h | h) | h)
      · exact Or.inr (Or.inl h)
      · exact Or.inl h
      · exact Or.inr (Or.inr h)

theorem mem_reverse {x : α} {as : List α} : x ∈ reverse as ↔ x ∈ as := by
  show x ∈ reverseAux as [] ↔ x ∈ as
  rw [mem_reverseAux]
  exact ⟨fun h => h.elim id (fun h' => absurd h' (not_mem_nil x)), Or.inl⟩

theorem reverse_eq_nil_iff {xs : List α} : xs.reverse = [] ↔ xs = [] := by
  cases xs with
  | nil => exact ⟨fun _ => rfl, fun _ => rfl⟩
  | cons x xs =>
    rw [reverse_cons]
    constructor
    · intro h
      exact absurd h (concat_ne_nil x _)
    · intro h
      exact absurd h (cons_ne_nil x xs)

theorem reverse_ne_nil_iff {xs : List α} : xs.reverse ≠ [] ↔ xs ≠ [] :=
  ⟨fun h e => h (Iff.mpr reverse_eq_nil_iff e), fun h e => h (Iff.mp reverse_eq_nil_iff e)⟩

theorem isEmpty_reverse {xs : List α} : xs.reverse.isEmpty = xs.isEmpty := by
  cases xs with
  | nil => rfl
  | cons x xs =>
    rw [reverse_cons, isEmpty_cons]
    cases h : xs.reverse with
    | nil => rfl
    | cons y ys => rfl

theorem reverseAux_reverseAux_nil (as bs : List α) :
    reverseAux (reverseAux as bs) [] = reverseAux bs as := by
  induction as generalizing bs with
  | nil => rfl
  | cons a as ih => rw [reverseAux_cons, ih]; rfl

theorem reverse_reverse (as : List α) : as.reverse.reverse = as :=
  reverseAux_reverseAux_nil as []

theorem reverse_eq_iff {as bs : List α} : as.reverse = bs ↔ as = bs.reverse := by
  constructor
  · rintro rfl
    rw [reverse_reverse]
  · rintro rfl
    rw [reverse_reverse]

theorem reverse_inj {xs ys : List α} : xs.reverse = ys.reverse ↔ xs = ys := by
  rw [reverse_eq_iff, reverse_reverse]

theorem reverse_eq_cons_iff {xs : List α} {a : α} {ys : List α} :
    xs.reverse = a :: ys ↔ xs = ys.reverse ++ [a] := by
  rw [reverse_eq_iff, reverse_cons]

theorem map_reverse (f : α → β) (l : List α) : l.reverse.map f = (l.map f).reverse := by
  induction l with
  | nil => rfl
  | cons a l ih => rw [reverse_cons, map_append, ih, map_cons, map_cons, reverse_cons]; rfl

theorem filter_reverse (p : α → Bool) (l : List α) : (l.reverse.filter p) = (l.filter p).reverse := by
  induction l with
  | nil => rfl
  | cons a l ih =>
    rw [reverse_cons, filter_append, ih]
    by_cases h : p a = Bool.true
    · rw [filter_cons_of_pos h, filter_cons_of_pos h, reverse_cons]
      rfl
    · rw [filter_cons_of_neg h, filter_cons_of_neg h, filter_nil, append_nil]

theorem reverse_eq_append_iff {xs ys zs : List α} :
    xs.reverse = ys ++ zs ↔ xs = zs.reverse ++ ys.reverse := by
  rw [reverse_eq_iff, reverse_append]

theorem reverse_concat (l : List α) (a : α) : (l ++ [a]).reverse = a :: l.reverse := by
  rw [reverse_append]
  rfl

theorem reverse_eq_concat {xs ys : List α} {a : α} :
    xs.reverse = ys ++ [a] ↔ xs = a :: ys.reverse := by
  rw [reverse_eq_iff, reverse_concat]

theorem reverse_flatMap (l : List α) (f : α → List β) :
    (l.flatMap f).reverse = l.reverse.flatMap (reverse ∘ f) := by
  induction l with
  | nil => rfl
  | cons a l ih =>
    rw [flatMap_cons, reverse_append, ih, reverse_cons, flatMap_append, flatMap_singleton]
    rfl

theorem flatMap_reverse (l : List α) (f : α → List β) :
    (l.reverse.flatMap f) = (l.flatMap (reverse ∘ f)).reverse := by
  induction l with
  | nil => rfl
  | cons a l ih =>
    rw [reverse_cons, flatMap_append, ih, flatMap_singleton, flatMap_cons, reverse_append]
    show _ = _ ++ (f a).reverse.reverse
    rw [reverse_reverse]

theorem reverse_flatten (L : List (List α)) :
    L.flatten.reverse = (L.map reverse).reverse.flatten := by
  rw [flatten_eq_flatMap, flatten_eq_flatMap, reverse_flatMap, ← map_reverse, flatMap_map]
  rfl

theorem flatten_reverse (L : List (List α)) :
    L.reverse.flatten = (L.map reverse).flatten.reverse := by
  rw [flatten_eq_flatMap, flatten_eq_flatMap, flatMap_reverse, flatMap_map]
  rfl

theorem reverseAux_eq (as bs : List α) : reverseAux as bs = reverse as ++ bs :=
  reverseAux_eq_append

theorem reverse_replicate (n) (a : α) : reverse (replicate n a) = replicate n a := by
  induction n with
  | zero => rfl
  | succ n ih =>
    rw [replicate_succ, reverse_cons, ih, ← replicate_succ']
    rfl

/-! ### foldl and foldr -/

theorem foldr_cons_eq_append (l : List α) (f : α → β) (l' : List β) :
    l.foldr (fun x y => f x :: y) l' = l.map f ++ l' := by
  induction l with
  | nil => rfl
  | cons a l ih => rw [foldr_cons, ih]; rfl

theorem foldr_cons_eq_append' (l l' : List β) : l.foldr cons l' = l ++ l' := by
  induction l with
  | nil => rfl
  | cons b l ih => rw [foldr_cons, ih, cons_append]

theorem foldl_flip_cons_eq_append (l : List α) (f : α → β) (l' : List β) :
    l.foldl (fun x y => f y :: x) l' = (l.map f).reverse ++ l' := by
  induction l generalizing l' with
  | nil => rfl
  | cons a l ih =>
    rw [foldl_cons, ih, map_cons, reverse_cons, append_assoc]
    rfl

theorem foldr_append_eq_append (l : List α) (f : α → List β) (l' : List β) :
    l.foldr (fun x y => f x ++ y) l' = (l.map f).flatten ++ l' := by
  induction l with
  | nil => rfl
  | cons a l ih => rw [foldr_cons, ih, map_cons, flatten_cons, append_assoc]

theorem foldl_append_eq_append (l : List α) (f : α → List β) (l' : List β) :
    l.foldl (fun x y => x ++ f y) l' = l' ++ (l.map f).flatten := by
  induction l generalizing l' with
  | nil => rw [foldl_nil, map_nil, flatten_nil, append_nil]
  | cons a l ih => rw [foldl_cons, ih, map_cons, flatten_cons, append_assoc]

theorem foldr_flip_append_eq_append (l : List α) (f : α → List β) (l' : List β) :
    l.foldr (fun x y => y ++ f x) l' = l' ++ (l.map f).reverse.flatten := by
  induction l generalizing l' with
  | nil => rw [foldr_nil, map_nil, reverse_nil, flatten_nil, append_nil]
  | cons a l ih =>
    rw [foldr_cons, ih, map_cons, reverse_cons, flatten_append, flatten_singleton, append_assoc]

theorem foldl_flip_append_eq_append (l : List α) (f : α → List β) (l' : List β) :
    l.foldl (fun x y => f y ++ x) l' = (l.map f).reverse.flatten ++ l' := by
  induction l generalizing l' with
  | nil => rfl
  | cons a l ih =>
    rw [foldl_cons, ih, map_cons, reverse_cons, flatten_append, flatten_singleton, append_assoc]

theorem foldr_cons_nil (l : List α) : l.foldr cons [] = l := by
  rw [foldr_cons_eq_append', append_nil]

theorem foldl_map {β₁ : Type u} {β₂ : Type v} (f : β₁ → β₂) (g : α → β₂ → α) (l : List β₁) (init : α) :
    (l.map f).foldl g init = l.foldl (fun x y => g x (f y)) init := by
  induction l generalizing init with
  | nil => rfl
  | cons a l ih => rw [map_cons, foldl_cons, ih]; rfl

theorem foldr_map {α₁ : Type u} {α₂ : Type v} (f : α₁ → α₂) (g : α₂ → β → β) (l : List α₁) (init : β) :
    (l.map f).foldr g init = l.foldr (fun x y => g (f x) y) init := by
  induction l generalizing init with
  | nil => rfl
  | cons a l ih => rw [map_cons, foldr_cons, ih]; rfl

theorem foldl_map_hom (g : α → β) (f : α → α → α) (f' : β → β → β) (a : α) (l : List α)
    (h : ∀ x y, f' (g x) (g y) = g (f x y)) :
    (l.map g).foldl f' (g a) = g (l.foldl f a) := by
  induction l generalizing a with
  | nil => rfl
  | cons b l ih => rw [map_cons, foldl_cons, h, ih, foldl_cons]

theorem foldr_map_hom (g : α → β) (f : α → α → α) (f' : β → β → β) (a : α) (l : List α)
    (h : ∀ x y, f' (g x) (g y) = g (f x y)) :
    (l.map g).foldr f' (g a) = g (l.foldr f a) := by
  induction l generalizing a with
  | nil => rfl
  | cons b l ih => rw [map_cons, foldr_cons, ih, h, foldr_cons]

theorem foldl_append {β : Type _} (f : β → α → β) (b) (l l' : List α) :
    (l ++ l').foldl f b = l'.foldl f (l.foldl f b) := by
  induction l generalizing b with
  | nil => rfl
  | cons a l ih => rw [cons_append, foldl_cons, ih]; rfl

theorem foldr_append (f : α → β → β) (b) (l l' : List α) :
    (l ++ l').foldr f b = l.foldr f (l'.foldr f b) := by
  induction l with
  | nil => rfl
  | cons a l ih => rw [cons_append, foldr_cons, ih]; rfl

theorem foldl_reverse (l : List α) (f : β → α → β) (b) :
    l.reverse.foldl f b = l.foldr (fun x y => f y x) b := by
  induction l with
  | nil => rfl
  | cons a l ih => rw [reverse_cons, foldl_append, ih]; rfl

theorem foldr_reverse (l : List α) (f : α → β → β) (b) :
    l.reverse.foldr f b = l.foldl (fun x y => f y x) b := by
  induction l generalizing b with
  | nil => rfl
  | cons a l ih => rw [reverse_cons, foldr_append, foldr_cons, foldr_nil, ih]; rfl

theorem foldl_eq_foldr_reverse (l : List α) (f : β → α → β) (b) :
    l.foldl f b = l.reverse.foldr (fun x y => f y x) b := by
  rw [foldr_reverse]

theorem foldr_eq_foldl_reverse (l : List α) (f : α → β → β) (b) :
    l.foldr f b = l.reverse.foldl (fun x y => f y x) b := by
  rw [foldl_reverse]

theorem foldl_hom {α₁ : Type u} {α₂ : Type v} (f : α₁ → α₂) (g₁ : α₁ → β → α₁) (g₂ : α₂ → β → α₂)
    (l : List β) (init : α₁) (H : ∀ x y, g₂ (f x) y = f (g₁ x y)) :
    l.foldl g₂ (f init) = f (l.foldl g₁ init) := by
  induction l generalizing init with
  | nil => rfl
  | cons b l ih => rw [foldl_cons, H, ih, foldl_cons]

theorem foldr_hom {β₁ : Type u} {β₂ : Type v} (f : β₁ → β₂) (g₁ : α → β₁ → β₁) (g₂ : α → β₂ → β₂)
    (l : List α) (init : β₁) (H : ∀ x y, g₂ x (f y) = f (g₁ x y)) :
    l.foldr g₂ (f init) = f (l.foldr g₁ init) := by
  induction l with
  | nil => rfl
  | cons a l ih => rw [foldr_cons, ih, H, foldr_cons]

theorem foldl_rel {l : List α} {f g : β → α → β} {a b : β} (r : β → β → Prop)
    (h : r a b) (h' : ∀ (a : α), a ∈ l → ∀ (c c' : β), r c c' → r (f c a) (g c' a)) :
    r (l.foldl (fun acc a => f acc a) a) (l.foldl (fun acc a => g acc a) b) := by
  induction l generalizing a b with
  | nil => exact h
  | cons x l ih =>
    rw [foldl_cons, foldl_cons]
    apply ih
    · exact h' x (mem_cons_self x l) a b h
    · intro y hy c c' hc
      exact h' y (mem_cons_of_mem x hy) c c' hc

theorem foldr_rel {l : List α} {f g : α → β → β} {a b : β} (r : β → β → Prop)
    (h : r a b) (h' : ∀ (a : α), a ∈ l → ∀ (c c' : β), r c c' → r (f a c) (g a c')) :
    r (l.foldr (fun a acc => f a acc) a) (l.foldr (fun a acc => g a acc) b) := by
  induction l with
  | nil => exact h
  | cons x l ih =>
    rw [foldr_cons, foldr_cons]
    apply h' x (mem_cons_self x l)
    apply ih
    intro y hy c c' hc
    exact h' y (mem_cons_of_mem x hy) c c' hc

theorem foldl_add_const (l : List α) (a b : Nat) :
    l.foldl (fun x _ => x + a) b = b + a * l.length := by
  induction l generalizing b with
  | nil => rfl
  | cons y l ih =>
    rw [foldl_cons, ih, length_cons, Nat.mul_succ, Nat.add_assoc, Nat.add_comm a]

theorem foldr_add_const (l : List α) (a b : Nat) :
    l.foldr (fun _ x => x + a) b = b + a * l.length := by
  induction l with
  | nil => rfl
  | cons y l ih =>
    rw [foldr_cons, ih, length_cons, Nat.mul_succ, Nat.add_assoc]

theorem flatMap_eq_foldl (f : α → List β) (l : List α) :
    l.flatMap f = l.foldl (fun acc a => acc ++ f a) [] := by
  rw [foldl_append_eq_append, nil_append, flatMap_def]

/-! ## Sublists: take and drop (Init/Data/List/TakeDrop) -/

theorem take_cons {n : Nat} {a : α} {l : List α} (h : 0 < n) : take n (a :: l) = a :: take (n - 1) l := by
  cases n with
  | zero => exact absurd h (Nat.lt_irrefl 0)
  | succ n => rfl

theorem drop_one : ∀ l : List α, drop 1 l = tail l := by
  intro l
  cases l <;> rfl

theorem take_append_drop : ∀ (n : Nat) (l : List α), take n l ++ drop n l = l := by
  intro n
  induction n with
  | zero => intro l; rfl
  | succ n ih =>
    intro l
    cases l with
    | nil => rfl
    | cons x xs => rw [take_succ_cons, drop_succ_cons, cons_append, ih]

theorem length_drop : ∀ (i : Nat) (l : List α), length (drop i l) = length l - i := by
  intro i
  induction i with
  | zero => intro l; rfl
  | succ i ih =>
    intro l
    cases l with
    | nil => rw [drop_nil, length_nil, Nat.zero_sub]
    | cons x l => rw [drop_succ_cons, ih, length_cons, Nat.succ_sub_succ]

theorem drop_of_length_le {i : Nat} {l : List α} (h : l.length ≤ i) : drop i l = [] :=
  drop_eq_nil_of_le h

theorem length_lt_of_drop_ne_nil {l : List α} {n} (h : drop n l ≠ []) : n < l.length := by
  rcases Nat.lt_or_ge n l.length with hlt | hge
  · exact hlt
  · exact absurd (drop_of_length_le hge) h

theorem take_of_length_le {i : Nat} {l : List α} (h : l.length ≤ i) : take i l = l := by
  have := take_append_drop i l
  rw [drop_of_length_le h, append_nil] at this
  exact this

theorem lt_length_of_take_ne_self {l : List α} {n} (h : l.take n ≠ l) : n < l.length :=
  Nat.gt_of_not_le (fun hle => h (take_of_length_le hle))

theorem drop_length (l : List α) : drop l.length l = [] := drop_of_length_le (Nat.le_refl _)

theorem take_length (l : List α) : take l.length l = l := take_of_length_le (Nat.le_refl _)

theorem drop_drop (n : Nat) : ∀ (m) (l : List α), drop n (drop m l) = drop (m + n) l := by
  intro m
  induction m with
  | zero => intro l; rw [drop_zero, Nat.zero_add]
  | succ m ih =>
    intro l
    cases l with
    | nil => rw [drop_nil, drop_nil, drop_nil]
    | cons a l => rw [drop_succ_cons, ih, Nat.succ_add, drop_succ_cons]

theorem take_drop : ∀ (m n : Nat) (l : List α), take n (drop m l) = drop m (take (m + n) l) := by
  intro m
  induction m with
  | zero => intro n l; rw [drop_zero, drop_zero, Nat.zero_add]
  | succ m ih =>
    intro n l
    cases l with
    | nil => rw [drop_nil, take_nil, take_nil, drop_nil]
    | cons a l => rw [drop_succ_cons, Nat.succ_add, take_succ_cons, drop_succ_cons, ih]

theorem tail_drop (l : List α) (n : Nat) : (l.drop n).tail = l.drop (n + 1) := by
  induction l generalizing n with
  | nil => simp only [drop_nil, tail_nil]
  | cons a l ih =>
    cases n with
    | zero => rfl
    | succ n => rw [drop_succ_cons, ih, drop_succ_cons]

theorem drop_tail (l : List α) (n : Nat) : l.tail.drop n = l.drop (n + 1) := by
  rw [← drop_one, drop_drop, Nat.add_comm]

theorem drop_eq_nil_iff {l : List α} {k : Nat} : l.drop k = [] ↔ l.length ≤ k := by
  constructor
  · intro h
    induction l generalizing k with
    | nil => exact Nat.zero_le k
    | cons a l ih =>
      cases k with
      | zero => exact absurd h (cons_ne_nil a l)
      | succ k =>
        rw [drop_succ_cons] at h
        exact Nat.succ_le_succ (ih h)
  · exact drop_eq_nil_of_le

theorem take_eq_nil_iff {l : List α} {k : Nat} : l.take k = [] ↔ k = 0 ∨ l = [] := by
  cases l with
  | nil => exact ⟨fun _ => Or.inr rfl, fun _ => take_nil⟩
  | cons a l =>
    cases k with
    | zero => exact ⟨fun _ => Or.inl rfl, fun _ => rfl⟩
    | succ k =>
      rw [take_succ_cons]
      constructor
      · intro h
        exact absurd h (cons_ne_nil a _)
      · rintro (h | h)
        · exact absurd h (Nat.succ_ne_zero k)
        · exact absurd h (cons_ne_nil a l)

theorem drop_eq_nil_of_eq_nil : ∀ {as : List α} {i}, as = [] → as.drop i = [] := by
  rintro as i rfl
  exact drop_nil

theorem ne_nil_of_drop_ne_nil {as : List α} {i : Nat} (h: as.drop i ≠ []) : as ≠ [] :=
  fun e => h (drop_eq_nil_of_eq_nil e)

theorem take_eq_nil_of_eq_nil : ∀ {as : List α} {i}, as = [] → as.take i = [] := by
  intro as i h
  subst h
  exact take_nil

theorem ne_nil_of_take_ne_nil {as : List α} {i : Nat} (h : as.take i ≠ []) : as ≠ [] :=
  fun e => h (take_eq_nil_of_eq_nil e)

theorem set_take {l : List α} {n m : Nat} {a : α} :
    (l.set m a).take n = (l.take n).set m a := by
  induction n generalizing l m with
  | zero => rfl
  | succ n ih =>
    cases l with
    | nil => rfl
    | cons b l =>
      cases m with
      | zero => rfl
      | succ m => rw [set_cons_succ, take_succ_cons, take_succ_cons, set_cons_succ, ih]

theorem drop_left : ∀ l₁ l₂ : List α, drop (length l₁) (l₁ ++ l₂) = l₂ := by
  intro l₁ l₂
  induction l₁ with
  | nil => rfl
  | cons a l₁ ih => rw [length_cons, cons_append, drop_succ_cons, ih]

theorem drop_left' {l₁ l₂ : List α} {n} (h : length l₁ = n) : drop n (l₁ ++ l₂) = l₂ := by
  subst h
  exact drop_left l₁ l₂

theorem take_left : ∀ l₁ l₂ : List α, take (length l₁) (l₁ ++ l₂) = l₁ := by
  intro l₁ l₂
  induction l₁ with
  | nil => rfl
  | cons a l₁ ih => rw [length_cons, cons_append, take_succ_cons, ih]

theorem take_left' {l₁ l₂ : List α} {n} (h : length l₁ = n) : take n (l₁ ++ l₂) = l₁ := by
  rw [← h]
  exact take_left l₁ l₂

theorem map_take (f : α → β) :
    ∀ (L : List α) (i : Nat), (L.take i).map f = (L.map f).take i := by
  intro L
  induction L with
  | nil => intro i; rw [take_nil, map_nil, take_nil]
  | cons a L ih =>
    intro i
    cases i with
    | zero => rfl
    | succ i => rw [take_succ_cons, map_cons, map_cons, take_succ_cons, ih]

theorem map_drop (f : α → β) :
    ∀ (L : List α) (i : Nat), (L.drop i).map f = (L.map f).drop i := by
  intro L
  induction L with
  | nil => intro i; rw [drop_nil, map_nil, drop_nil]
  | cons a L ih =>
    intro i
    cases i with
    | zero => rfl
    | succ i => rw [drop_succ_cons, map_cons, drop_succ_cons, ih]

theorem drop_append_eq_append_drop {l₁ l₂ : List α} {n : Nat} :
    drop n (l₁ ++ l₂) = drop n l₁ ++ drop (n - l₁.length) l₂ := by
  induction l₁ generalizing n with
  | nil => rw [nil_append, drop_nil, nil_append, length_nil, Nat.sub_zero]
  | cons a l₁ ih =>
    cases n with
    | zero => simp only [drop_zero, Nat.zero_sub]
    | succ n => rw [cons_append, drop_succ_cons, drop_succ_cons, ih, length_cons, Nat.succ_sub_succ]

theorem take_append_eq_append_take {l₁ l₂ : List α} {n : Nat} :
    take n (l₁ ++ l₂) = take n l₁ ++ take (n - l₁.length) l₂ := by
  induction l₁ generalizing n with
  | nil => rw [nil_append, take_nil, nil_append, length_nil, Nat.sub_zero]
  | cons a l₁ ih =>
    cases n with
    | zero => simp only [take_zero, Nat.zero_sub, nil_append]
    | succ n =>
      rw [cons_append, take_succ_cons, take_succ_cons, ih, length_cons, Nat.succ_sub_succ, cons_append]

theorem drop_append_of_le_length {l₁ l₂ : List α} {n : Nat} (h : n ≤ l₁.length) :
    (l₁ ++ l₂).drop n = l₁.drop n ++ l₂ := by
  rw [drop_append_eq_append_drop, Nat.sub_eq_zero_of_le h, drop_zero]

theorem take_append_of_le_length {l₁ l₂ : List α} {n : Nat} (h : n ≤ l₁.length) :
    (l₁ ++ l₂).take n = l₁.take n := by
  rw [take_append_eq_append_take, Nat.sub_eq_zero_of_le h, take_zero, append_nil]

theorem drop_append {l₁ l₂ : List α} (i : Nat) : drop (l₁.length + i) (l₁ ++ l₂) = drop i l₂ := by
  rw [← drop_drop, drop_left]

theorem take_append {l₁ l₂ : List α} (i : Nat) :
    take (l₁.length + i) (l₁ ++ l₂) = l₁ ++ take i l₂ := by
  rw [take_append_eq_append_take, take_of_length_le (Nat.le_add_right _ _), Nat.add_sub_cancel_left]

theorem drop_take : ∀ (m n : Nat) (l : List α), drop n (take m l) = take (m - n) (drop n l) := by
  intro m n
  induction n generalizing m with
  | zero => intro l; rfl
  | succ n ih =>
    intro l
    cases l with
    | nil => simp only [take_nil, drop_nil]
    | cons a l =>
      cases m with
      | zero => rw [take_zero, drop_nil, Nat.zero_sub, take_zero]
      | succ m => rw [take_succ_cons, drop_succ_cons, drop_succ_cons, ih, Nat.succ_sub_succ]

/-! ### takeWhile and dropWhile -/

theorem takeWhile_cons_of_pos {p : α → Bool} {a : α} {l : List α} (h : p a = Bool.true) :
    (a :: l).takeWhile p = a :: l.takeWhile p := by
  show (match p a with | Bool.true => a :: l.takeWhile p | Bool.false => []) = _
  rw [h]

theorem takeWhile_cons_of_neg {p : α → Bool} {a : α} {l : List α} (h : ¬ p a = Bool.true) :
    (a :: l).takeWhile p = [] := by
  cases hp : p a with
  | true => exact absurd hp h
  | false =>
    show (match p a with | Bool.true => a :: l.takeWhile p | Bool.false => []) = []
    rw [hp]

theorem dropWhile_cons_of_pos {p : α → Bool} {a : α} {l : List α} (h : p a = Bool.true) :
    (a :: l).dropWhile p = l.dropWhile p := by
  show (match p a with | Bool.true => l.dropWhile p | Bool.false => a :: l) = _
  rw [h]

theorem dropWhile_cons_of_neg {p : α → Bool} {a : α} {l : List α} (h : ¬ p a = Bool.true) :
    (a :: l).dropWhile p = a :: l := by
  cases hp : p a with
  | true => exact absurd hp h
  | false =>
    show (match p a with | Bool.true => l.dropWhile p | Bool.false => a :: l) = a :: l
    rw [hp]

theorem takeWhile_append_dropWhile (p : α → Bool) :
    ∀ (l : List α), takeWhile p l ++ dropWhile p l = l := by
  intro l
  induction l with
  | nil => rfl
  | cons x xs ih =>
    by_cases h : p x = Bool.true
    · rw [takeWhile_cons_of_pos h, dropWhile_cons_of_pos h, cons_append, ih]
    · rw [takeWhile_cons_of_neg h, dropWhile_cons_of_neg h, nil_append]

theorem takeWhile_map (f : α → β) (p : β → Bool) (l : List α) :
    (l.map f).takeWhile p = (l.takeWhile (p ∘ f)).map f := by
  induction l with
  | nil => rfl
  | cons x xs ih =>
    by_cases h : p (f x) = Bool.true
    · have h' : (p ∘ f) x = Bool.true := h
      rw [map_cons, takeWhile_cons_of_pos h, takeWhile_cons_of_pos h', map_cons, ih]
    · have h' : ¬ (p ∘ f) x = Bool.true := h
      rw [map_cons, takeWhile_cons_of_neg h, takeWhile_cons_of_neg h', map_nil]

theorem dropWhile_map (f : α → β) (p : β → Bool) (l : List α) :
    (l.map f).dropWhile p = (l.dropWhile (p ∘ f)).map f := by
  induction l with
  | nil => rfl
  | cons x xs ih =>
    by_cases h : p (f x) = Bool.true
    · have h' : (p ∘ f) x = Bool.true := h
      rw [map_cons, dropWhile_cons_of_pos h, dropWhile_cons_of_pos h', ih]
    · have h' : ¬ (p ∘ f) x = Bool.true := h
      rw [map_cons, dropWhile_cons_of_neg h, dropWhile_cons_of_neg h', map_cons]

theorem takeWhile_append_of_pos {p : α → Bool} {l₁ l₂ : List α} (h : ∀ a, a ∈ l₁ → p a = Bool.true) :
    (l₁ ++ l₂).takeWhile p = l₁ ++ l₂.takeWhile p := by
  induction l₁ with
  | nil => rfl
  | cons x xs ih =>
    rw [forall_mem_cons] at h
    rw [cons_append, takeWhile_cons_of_pos h.1, ih h.2, cons_append]

theorem dropWhile_append_of_pos {p : α → Bool} {l₁ l₂ : List α} (h : ∀ a, a ∈ l₁ → p a = Bool.true) :
    (l₁ ++ l₂).dropWhile p = l₂.dropWhile p := by
  induction l₁ with
  | nil => rfl
  | cons x xs ih =>
    rw [forall_mem_cons] at h
    rw [cons_append, dropWhile_cons_of_pos h.1, ih h.2]

theorem takeWhile_replicate_eq_filter {n : Nat} {a : α} (p : α → Bool) :
    (replicate n a).takeWhile p = (replicate n a).filter p := by
  by_cases h : p a = Bool.true
  · rw [filter_replicate_of_pos h]
    induction n with
    | zero => rfl
    | succ n ih => rw [replicate_succ, takeWhile_cons_of_pos h, ih]
  · rw [filter_replicate_of_neg h]
    cases n with
    | zero => rfl
    | succ n => rw [replicate_succ, takeWhile_cons_of_neg h]

theorem take_takeWhile {l : List α} (p : α → Bool) n :
    (l.takeWhile p).take n = (l.take n).takeWhile p := by
  induction l generalizing n with
  | nil => simp only [takeWhile_nil, take_nil]
  | cons x xs ih =>
    cases n with
    | zero => rfl
    | succ n =>
      by_cases h : p x = Bool.true
      · rw [takeWhile_cons_of_pos h, take_succ_cons, take_succ_cons, takeWhile_cons_of_pos h, ih]
      · rw [takeWhile_cons_of_neg h, take_nil, take_succ_cons, takeWhile_cons_of_neg h]

end List
