/-
  Lean core theorems about calc chains, `Prod`, `Option`, `HEq`/`cast` and Lean's List functions, with
  Lean core's names and statements (Init/Core.lean, Init/Data/Nat/Basic.lean, Init/Data/Option,
  Init/Data/List/Basic.lean), proofs written for this file in Lean core's style. Checked by
  `tests/embedded/test_datatypes.py` (every declaration must be accepted).
-/

-- Init/Core.lean: heterogeneous equality and cast

theorem HEq.symm {α β : Sort u} {a : α} {b : β} (h : HEq a b) : HEq b a :=
  h.rec (motive := fun {β} b _ => HEq b a) (HEq.refl a)

theorem HEq.trans {α β γ : Sort u} {a : α} {b : β} {c : γ} (h₁ : HEq a b) (h₂ : HEq b c) : HEq a c :=
  h₂.rec (motive := fun {γ} c _ => HEq a c) h₁

theorem heq_of_heq_of_eq {α β : Sort u} {a : α} {b b' : β} (h₁ : HEq a b) (h₂ : b = b') : HEq a b' :=
  h₂ ▸ h₁

theorem heq_of_eq_of_heq {α β : Sort u} {a a' : α} {b : β} (h₁ : a = a') (h₂ : HEq a' b) : HEq a b :=
  h₁ ▸ h₂

theorem cast_heq {α β : Sort u} (h : α = β) (a : α) : HEq (cast h a) a := by
  subst h
  exact HEq.refl a

theorem HEq.comm {α β : Sort u} {a : α} {b : β} : HEq a b ↔ HEq b a := ⟨HEq.symm, HEq.symm⟩

theorem cast_cast {α β γ : Sort u} (ha : α = β) (hb : β = γ) (a : α) :
    cast hb (cast ha a) = cast (ha.trans hb) a := by
  subst ha
  subst hb
  rfl

-- Init/Core.lean: pairs

protected theorem Prod.ext {α : Type u} {β : Type v} {p q : α × β} (fst : p.fst = q.fst) (snd : p.snd = q.snd) :
    p = q := by
  cases p
  cases q
  simp_all

theorem Prod.eta {α : Type u} {β : Type v} (p : α × β) : (p.1, p.2) = p := rfl

theorem Prod.mk.inj {α : Type u} {β : Type v} {fst : α} {snd : β} {fst' : α} {snd' : β} :
    (fst, snd) = (fst', snd') → fst = fst' ∧ snd = snd' := by
  intro h
  simp at h
  exact h

theorem Prod.map_map {α β γ δ ε ζ : Type u} (f : α → β) (f' : γ → δ) (g : β → ε) (g' : δ → ζ) (x : α × γ) :
    Prod.map g g' (Prod.map f f' x) = Prod.map (g ∘ f) (g' ∘ f') x := by
  cases x
  rfl

-- Init/Data/Option: none and some

theorem Option.some_ne_none {α : Type u} (x : α) : some x ≠ none := nofun

theorem Option.some.inj {α : Type u} {val val' : α} : some val = some val' → val = val' := by
  intro h
  simp at h
  exact h

theorem Option.some_inj {α : Type u} {a b : α} : some a = some b ↔ a = b := by simp

theorem Option.map_map {α β γ : Type u} (h : β → γ) (g : α → β) (x : Option α) :
    (x.map g).map h = x.map (h ∘ g) := by
  cases x <;> simp

theorem Option.map_id' {α : Type u} (x : Option α) : x.map (fun a => a) = x := by
  cases x <;> rfl

theorem Option.getD_map {α β : Type u} (f : α → β) (x : α) (o : Option α) :
    (o.map f).getD (f x) = f (o.getD x) := by
  cases o <;> rfl

theorem Option.isSome_map' {α β : Type u} {x : Option α} {f : α → β} : (x.map f).isSome = x.isSome := by
  cases x <;> rfl

-- Init/Data/Nat/Basic.lean: order, with calc chains through `Trans`

theorem Nat.le_of_lt {n m : Nat} (h : n < m) : n ≤ m :=
  calc n ≤ n + 1 := Nat.le_succ n
    _ ≤ m := h

theorem Nat.le_of_succ_le {n m : Nat} (h : Nat.succ n ≤ m) : n ≤ m := by
  calc n ≤ Nat.succ n := Nat.le_succ n
    _ ≤ m := h

theorem Nat.lt_succ_of_lt {a b : Nat} (h : a < b) : a < Nat.succ b :=
  calc a < b := h
    _ < Nat.succ b := Nat.lt_succ_self b

protected theorem Nat.lt_of_lt_of_eq {n m k : Nat} : n < m → m = k → n < k :=
  fun h₁ h₂ => calc n < m := h₁
    _ = k := h₂

theorem Nat.zero_lt_two : 0 < 2 :=
  calc 0 < 1 := Nat.zero_lt_succ 0
    _ < 2 := Nat.lt_succ_self 1

protected theorem Nat.zero_add : ∀ (n : Nat), 0 + n = n
  | 0 => rfl
  | n+1 =>
    calc 0 + (n + 1) = (0 + n) + 1 := rfl
      _ = n + 1 := by rw [Nat.zero_add n]

theorem Nat.succ_add : ∀ (n m : Nat), (Nat.succ n) + m = Nat.succ (n + m)
  | _, 0 => rfl
  | n, m+1 => by
    calc Nat.succ n + (m + 1) = Nat.succ (Nat.succ n + m) := rfl
      _ = Nat.succ (Nat.succ (n + m)) := by rw [Nat.succ_add n m]

theorem Nat.le_add_right : ∀ (n k : Nat), n ≤ n + k
  | n, 0 => Nat.le_refl n
  | n, k+1 => by
    calc n ≤ n + k := Nat.le_add_right n k
      _ ≤ n + k + 1 := Nat.le_succ _
      _ = n + (k + 1) := rfl

-- Init/Data/List/Basic.lean: Lean's List functions and their equations

namespace List

@[simp] theorem foldl_nil {f : β → α → β} {b : β} : [].foldl f b = b := rfl

@[simp] theorem foldl_cons (l : List α) {f : β → α → β} (b : β) : (a :: l).foldl f b = l.foldl f (f b a) := rfl

@[simp] theorem foldr_nil {f : α → β → β} {b : β} : [].foldr f b = b := rfl

@[simp] theorem foldr_cons (l : List α) {f : α → β → β} {b : β} : (a :: l).foldr f b = f a (l.foldr f b) := rfl

@[simp] theorem filter_nil (p : α → Bool) : filter p [] = [] := rfl

@[simp] theorem replicate_zero {a : α} : replicate 0 a = [] := rfl

theorem replicate_succ (a : α) (n : Nat) : replicate (n+1) a = a :: replicate n a := rfl

@[simp] theorem head?_nil : @head? α [] = none := rfl

@[simp] theorem head?_cons {a : α} {l : List α} : (a::l).head? = some a := rfl

@[simp] theorem headD_nil {d : α} : @headD α [] d = d := rfl

@[simp] theorem headD_cons {a d : α} {l : List α} : @headD α (a::l) d = a := rfl

@[simp] theorem tail_nil : @tail α [] = [] := rfl

@[simp] theorem tail_cons {a : α} {as : List α} : @tail α (a::as) = as := rfl

@[simp] theorem take_nil {i : Nat} : ([] : List α).take i = [] := by cases i <;> rfl

@[simp] theorem take_zero (l : List α) : l.take 0 = [] := rfl

@[simp] theorem take_succ_cons {a : α} {as : List α} {i : Nat} : (a::as).take (i+1) = a :: as.take i := rfl

@[simp] theorem drop_nil {i : Nat} : ([] : List α).drop i = [] := by cases i <;> rfl

@[simp] theorem drop_zero (l : List α) : l.drop 0 = l := rfl

@[simp] theorem drop_succ_cons {a : α} {l : List α} {i : Nat} : (a::l).drop (i + 1) = l.drop i := rfl

@[simp] theorem flatten_nil : List.flatten ([] : List (List α)) = [] := rfl

@[simp] theorem flatten_cons {l : List α} {ls : List (List α)} : (l :: ls).flatten = l ++ ls.flatten := rfl

@[simp] theorem zipWith_nil_left {f : α → β → γ} {l : List β} : zipWith f [] l = [] := rfl

@[simp] theorem zipWith_nil_right {f : α → β → γ} {l : List α} : zipWith f l [] = [] := by
  cases l <;> rfl

@[simp] theorem zipWith_cons_cons {f : α → β → γ} {a : α} {as : List α} {b : β} {bs : List β} :
    zipWith f (a :: as) (b :: bs) = f a b :: zipWith f as bs := rfl

@[simp] theorem any_nil {f : α → Bool} : [].any f = false := rfl

@[simp] theorem any_cons {a : α} {l : List α} {f : α → Bool} : (a::l).any f = (f a || l.any f) := rfl

@[simp] theorem all_nil {f : α → Bool} : [].all f = true := rfl

@[simp] theorem all_cons {a : α} {l : List α} {f : α → Bool} : (a::l).all f = (f a && l.all f) := rfl

theorem length_replicate (n : Nat) (a : α) : (replicate n a).length = n := by
  induction n with
  | zero => rfl
  | succ n ih => simp [replicate_succ, ih]

theorem foldl_append {f : β → α → β} {b : β} {l l' : List α} :
    (l ++ l').foldl f b = l'.foldl f (l.foldl f b) := by
  induction l generalizing b with
  | nil => rfl
  | cons a l ih => simp [ih]

theorem foldr_append {f : α → β → β} {b : β} {l l' : List α} :
    (l ++ l').foldr f b = l.foldr f (l'.foldr f b) := by
  induction l with
  | nil => rfl
  | cons a l ih => simp [ih]

theorem take_append_drop : ∀ (n : Nat) (l : List α), take n l ++ drop n l = l
  | 0, _ => rfl
  | _+1, [] => rfl
  | n+1, x :: xs => congrArg (x :: ·) (take_append_drop n xs)

@[simp] theorem append_assoc (as bs cs : List α) : (as ++ bs) ++ cs = as ++ (bs ++ cs) := by
  induction as with
  | nil => rfl
  | cons a as ih => simp [ih]

theorem flatten_append {L₁ L₂ : List (List α)} : flatten (L₁ ++ L₂) = flatten L₁ ++ flatten L₂ := by
  induction L₁ with
  | nil => rfl
  | cons l L ih => simp [ih, append_assoc]

end List
