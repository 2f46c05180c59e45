/-
  The lemmas behind the embedded checker's default `simp` set (`DEFAULT_SIMP_LEMMAS` in
  `tactics_rewrite.py`), loaded after `Prelude.lean`. Names and statements are Lean core's.
  Every proof is a term built from the prelude; none needs induction: the logic lemmas go
  through `propext`, the Nat/List ones hold by `rfl` (they are the definitional equations of
  the prelude's functions) or by computing a `Nat.beq`/`List.rec` on constructors.
  Theorems that need induction (`Nat.zero_add`, `Nat.add_comm`, `List.append_nil`, ...) are
  deliberately absent: benchmarks must not be solved by the library.
-/
universe u v

-- helpers used by `simp` to build its proofs

theorem eq_true {p : Prop} (h : p) : p = True := propext ⟨fun _ => trivial, fun _ => h⟩

theorem eq_false {p : Prop} (h : ¬p) : p = False := propext ⟨fun hp => h hp, fun hf => False.elim hf⟩

theorem of_eq_true {p : Prop} (h : p = True) : p := Eq.mpr h trivial

theorem Bool.false_ne_true : Bool.false ≠ Bool.true :=
  fun h => Eq.mp (@congrArg Bool Prop Bool.false Bool.true (fun b => Bool.rec (motive := fun _ => Prop) True False b) h) trivial

-- logic

theorem eq_self {α : Sort u} (a : α) : (a = a) = True := eq_true rfl

theorem ne_eq {α : Sort u} (a b : α) : (a ≠ b) = ¬(a = b) := rfl

theorem iff_self (p : Prop) : (p ↔ p) = True := eq_true (Iff.refl p)

theorem and_true (p : Prop) : (p ∧ True) = p := propext ⟨fun h => h.1, fun h => ⟨h, trivial⟩⟩

theorem true_and (p : Prop) : (True ∧ p) = p := propext ⟨fun h => h.2, fun h => ⟨trivial, h⟩⟩

theorem and_false (p : Prop) : (p ∧ False) = False := eq_false (fun h => h.2)

theorem false_and (p : Prop) : (False ∧ p) = False := eq_false (fun h => h.1)

theorem and_self (p : Prop) : (p ∧ p) = p := propext ⟨fun h => h.1, fun h => ⟨h, h⟩⟩

theorem or_true (p : Prop) : (p ∨ True) = True := eq_true (Or.inr trivial)

theorem true_or (p : Prop) : (True ∨ p) = True := eq_true (Or.inl trivial)

theorem or_false (p : Prop) : (p ∨ False) = p :=
  propext ⟨fun h => Or.elim h (fun hp => hp) (fun hf => False.elim hf), fun hp => Or.inl hp⟩

theorem false_or (p : Prop) : (False ∨ p) = p :=
  propext ⟨fun h => Or.elim h (fun hf => False.elim hf) (fun hp => hp), fun hp => Or.inr hp⟩

theorem or_self (p : Prop) : (p ∨ p) = p :=
  propext ⟨fun h => Or.elim h (fun hp => hp) (fun hp => hp), fun hp => Or.inl hp⟩

theorem not_true_eq_false : (¬True) = False := eq_false (fun h => h trivial)

theorem not_false_eq_true : (¬False) = True := eq_true (fun h => h)

theorem implies_true (α : Sort u) : (α → True) = True := eq_true (fun _ => trivial)

theorem true_implies (p : Prop) : (True → p) = p := propext ⟨fun h => h trivial, fun hp _ => hp⟩

theorem false_implies (p : Prop) : (False → p) = True := eq_true (fun hf => False.elim hf)

theorem iff_true (p : Prop) : (p ↔ True) = p :=
  propext ⟨fun h => h.mpr trivial, fun hp => ⟨fun _ => trivial, fun _ => hp⟩⟩

theorem true_iff (p : Prop) : (True ↔ p) = p :=
  propext ⟨fun h => h.mp trivial, fun hp => ⟨fun _ => hp, fun _ => trivial⟩⟩

theorem iff_false (p : Prop) : (p ↔ False) = ¬p :=
  propext ⟨fun h => h.mp, fun hn => ⟨hn, fun hf => False.elim hf⟩⟩

theorem false_iff (p : Prop) : (False ↔ p) = ¬p :=
  propext ⟨fun h => h.mpr, fun hn => ⟨fun hf => False.elim hf, hn⟩⟩

-- natural numbers: definitional equations and constructor facts

theorem Nat.zero_eq : Nat.zero = 0 := rfl

theorem Nat.succ_eq_add_one (n : Nat) : Nat.succ n = n + 1 := rfl

theorem Nat.add_eq {x y : Nat} : Nat.add x y = x + y := rfl

theorem Nat.mul_eq {x y : Nat} : Nat.mul x y = x * y := rfl

theorem Nat.sub_eq {x y : Nat} : Nat.sub x y = x - y := rfl

theorem Nat.add_zero (n : Nat) : n + 0 = n := rfl

theorem Nat.mul_zero (n : Nat) : n * 0 = 0 := rfl

theorem Nat.sub_zero (n : Nat) : n - 0 = n := rfl

theorem Nat.pred_zero : Nat.pred 0 = 0 := rfl

theorem Nat.pred_succ (n : Nat) : Nat.pred (Nat.succ n) = n := rfl

theorem Nat.le_refl (n : Nat) : n ≤ n := Nat.le.refl

theorem Nat.succ.injEq (n m : Nat) : (Nat.succ n = Nat.succ m) = (n = m) :=
  propext ⟨fun h => congrArg Nat.pred h, fun h => congrArg Nat.succ h⟩

theorem Nat.succ_ne_zero (n : Nat) : Nat.succ n ≠ 0 :=
  fun h => Bool.false_ne_true (congrArg (fun m => Nat.beq m 0) h)

-- lists: definitional equations and constructor facts

theorem List.nil_append {α : Type u} (as : List α) : [] ++ as = as := rfl

theorem List.cons_append {α : Type u} (a : α) (as bs : List α) : (a :: as) ++ bs = a :: (as ++ bs) := rfl

theorem List.length_nil {α : Type u} : List.length ([] : List α) = 0 := rfl

theorem List.length_cons {α : Type u} (a : α) (as : List α) : List.length (a :: as) = List.length as + 1 := rfl

theorem List.map_nil {α : Type u} {β : Type v} (f : α → β) : List.map f [] = [] := rfl

theorem List.map_cons {α : Type u} {β : Type v} (f : α → β) (a : α) (l : List α) :
    List.map f (a :: l) = f a :: List.map f l := rfl

theorem List.reverse_nil {α : Type u} : List.reverse ([] : List α) = [] := rfl

theorem List.cons_ne_nil {α : Type u} (a : α) (l : List α) : a :: l ≠ [] :=
  fun h => Eq.mp (@congrArg (List α) Prop (a :: l) [] (fun l => List.rec (motive := fun _ => Prop) False (fun _ _ _ => True) l) h) trivial

theorem List.cons.injEq {α : Type u} (head : α) (tail : List α) (head' : α) (tail' : List α) :
    (head :: tail = head' :: tail') = (head = head' ∧ tail = tail') :=
  propext ⟨fun h => ⟨@congrArg (List α) α (head :: tail) (head' :: tail') (fun l => List.rec (motive := fun _ => α) head (fun x _ _ => x) l) h,
                     @congrArg (List α) (List α) (head :: tail) (head' :: tail') (fun l => List.rec (motive := fun _ => List α) tail (fun _ t _ => t) l) h⟩,
           fun h => Eq.trans (congrArg (fun x => x :: tail) h.1) (congrArg (fun t => head' :: t) h.2)⟩

-- Prod, Option, HEq, cast: constructor facts and definitional equations Lean marks @[simp]
-- (Init/Core.lean, Init/Data/Option/Basic.lean; `.injEq` are the ones Lean generates per constructor)

theorem Prod.mk.injEq {α : Type u} {β : Type v} (fst : α) (snd : β) (fst' : α) (snd' : β) :
    ((fst, snd) = (fst', snd')) = (fst = fst' ∧ snd = snd') :=
  propext ⟨fun h => ⟨congrArg Prod.fst h, congrArg Prod.snd h⟩,
           fun h => Eq.trans (congrArg (fun x => (x, snd)) h.1) (congrArg (fun y => (fst', y)) h.2)⟩

theorem Option.some.injEq {α : Type u} (val val' : α) : (some val = some val') = (val = val') :=
  propext ⟨fun h => congrArg (fun o => Option.getD o val) h, fun h => congrArg some h⟩

theorem Option.map_none' {α : Type u} {β : Type v} (f : α → β) : Option.map f none = none := rfl

theorem Option.map_some' {α : Type u} {β : Type v} (a : α) (f : α → β) : Option.map f (some a) = some (f a) := rfl

theorem Option.getD_none {α : Type u} {a : α} : Option.getD none a = a := rfl

theorem Option.getD_some {α : Type u} {a b : α} : Option.getD (some a) b = a := rfl

theorem Option.isSome_none {α : Type u} : Option.isSome (none : Option α) = false := rfl

theorem Option.isSome_some {α : Type u} {a : α} : Option.isSome (some a) = true := rfl

theorem cast_eq {α : Sort u} (h : α = α) (a : α) : cast h a = a := rfl

theorem heq_eq_eq {α : Sort u} (a b : α) : HEq a b = (a = b) := propext ⟨eq_of_heq, heq_of_eq⟩

theorem Prod.map_apply.{u₁, u₂, v₁, v₂} {α : Type u₁} {β : Type u₂} {γ : Type v₁} {δ : Type v₂} (f : α → β) (g : γ → δ) (x : α) (y : γ) :
    Prod.map f g (x, y) = (f x, g y) := rfl

theorem Prod.map_fst.{u₁, u₂, v₁, v₂} {α : Type u₁} {β : Type u₂} {γ : Type v₁} {δ : Type v₂} (f : α → β) (g : γ → δ) (x : α × γ) :
    (Prod.map f g x).1 = f x.1 := rfl

theorem Prod.map_snd.{u₁, u₂, v₁, v₂} {α : Type u₁} {β : Type u₂} {γ : Type v₁} {δ : Type v₂} (f : α → β) (g : γ → δ) (x : α × γ) :
    (Prod.map f g x).2 = g x.2 := rfl

-- fid-logic: Lean's `@[simp]` lemmas of Init/SimpLemmas.lean (and Init/Core.lean's `beq_iff_eq`, in the
-- prelude) about `if`, `Bool`, `decide`, `cond` and `==`/`!=`, with Lean's names and statements (the
-- stored SimpLemmas.lean's names: `decide_False`, `Bool.not_eq_true'`). None is a datasets/stdlib theorem.
theorem ite_true {α : Sort u} (a b : α) : (if True then a else b) = a := rfl
theorem ite_false {α : Sort u} (a b : α) : (if False then a else b) = b := rfl
theorem dite_true {α : Sort u} {t : True → α} {e : ¬True → α} : (dite True t e) = t True.intro := rfl
theorem ite_self {α : Sort u} {c : Prop} {d : Decidable c} (a : α) : ite c a a = a :=
  Decidable.casesOn (motive := fun d => @ite α c d a a = a) d (fun _ => rfl) (fun _ => rfl)

theorem Bool.or_false (b : Bool) : (b || false) = b := Bool.casesOn (motive := fun b => (b || false) = b) b rfl rfl
theorem Bool.or_true (b : Bool) : (b || true) = true := Bool.casesOn (motive := fun b => (b || true) = true) b rfl rfl
theorem Bool.false_or (b : Bool) : (false || b) = b := rfl
theorem Bool.true_or (b : Bool) : (true || b) = true := rfl
theorem Bool.or_self (b : Bool) : (b || b) = b := Bool.casesOn (motive := fun b => (b || b) = b) b rfl rfl
theorem Bool.and_false (b : Bool) : (b && false) = false := Bool.casesOn (motive := fun b => (b && false) = false) b rfl rfl
theorem Bool.and_true (b : Bool) : (b && true) = b := Bool.casesOn (motive := fun b => (b && true) = b) b rfl rfl
theorem Bool.false_and (b : Bool) : (false && b) = false := rfl
theorem Bool.true_and (b : Bool) : (true && b) = b := rfl
theorem Bool.and_self (b : Bool) : (b && b) = b := Bool.casesOn (motive := fun b => (b && b) = b) b rfl rfl
theorem Bool.not_not (b : Bool) : (!!b) = b := Bool.casesOn (motive := fun b => (!!b) = b) b rfl rfl
theorem Bool.not_true : (!true) = false := rfl
theorem Bool.not_false : (!false) = true := rfl
theorem Bool.not_eq_true' (b : Bool) : ((!b) = true) = (b = false) :=
  Bool.casesOn (motive := fun b => ((!b) = true) = (b = false)) b
    (propext ⟨fun _ => rfl, fun _ => rfl⟩)
    (propext ⟨fun h => absurd h Bool.false_ne_true, fun h => absurd h.symm Bool.false_ne_true⟩)
theorem Bool.not_eq_false' (b : Bool) : ((!b) = false) = (b = true) :=
  Bool.casesOn (motive := fun b => ((!b) = false) = (b = true)) b
    (propext ⟨fun h => absurd h.symm Bool.false_ne_true, fun h => absurd h Bool.false_ne_true⟩)
    (propext ⟨fun _ => rfl, fun _ => rfl⟩)
theorem Bool.not_eq_true (b : Bool) : (¬(b = true)) = (b = false) :=
  Bool.casesOn (motive := fun b => (¬(b = true)) = (b = false)) b
    (propext ⟨fun _ => rfl, fun _ h => Bool.false_ne_true h⟩)
    (propext ⟨fun h => absurd rfl h, fun h => absurd h.symm Bool.false_ne_true⟩)
theorem Bool.not_eq_false (b : Bool) : (¬(b = false)) = (b = true) :=
  Bool.casesOn (motive := fun b => (¬(b = false)) = (b = true)) b
    (propext ⟨fun h => absurd rfl h, fun h => absurd h Bool.false_ne_true⟩)
    (propext ⟨fun _ => rfl, fun _ h => Bool.false_ne_true h.symm⟩)
theorem decide_eq_true_eq {p : Prop} [Decidable p] : (decide p = true) = p :=
  propext ⟨of_decide_eq_true, decide_eq_true⟩
theorem decide_eq_false_iff_not {p : Prop} {_ : Decidable p} : (decide p = false) ↔ ¬p :=
  ⟨of_decide_eq_false, decide_eq_false⟩
theorem decide_False : decide False = false := rfl
theorem decide_True : decide True = true := rfl
theorem cond_true {α : Sort u} (a b : α) : cond true a b = a := rfl
theorem cond_false {α : Sort u} (a b : α) : cond false a b = b := rfl
theorem beq_self_eq_true {α : Type u} [BEq α] [LawfulBEq α] (a : α) : (a == a) = true := LawfulBEq.rfl
theorem decide_not {p : Prop} [g : Decidable p] [h : Decidable (Not p)] : decide (Not p) = !(decide p) :=
  Decidable.casesOn (motive := fun g => @decide (Not p) h = !(@decide p g)) g
    (fun hnp => Decidable.casesOn (motive := fun h => @decide (Not p) h = !(@decide p (isFalse hnp))) h
      (fun hnnp => absurd hnp hnnp) (fun _ => rfl))
    (fun hp => Decidable.casesOn (motive := fun h => @decide (Not p) h = !(@decide p (isTrue hp))) h
      (fun _ => rfl) (fun hnp => absurd hp hnp))
theorem not_decide_eq_true {p : Prop} [h : Decidable p] : ((!decide p) = true) = ¬p :=
  Decidable.casesOn (motive := fun h => ((!@decide p h) = true) = ¬p) h
    (fun hn => propext ⟨fun _ => hn, fun _ => rfl⟩)
    (fun hp => propext ⟨fun e => absurd e Bool.false_ne_true, fun hn => absurd hp hn⟩)
theorem bne_self_eq_false {α : Type u} [BEq α] [LawfulBEq α] (a : α) : (a != a) = false :=
  congrArg Bool.not LawfulBEq.rfl
