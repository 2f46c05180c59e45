/-
  The embedded checker's library: Lean 4 core's definitions for the supported fragment, with
  Lean's names, argument order and definitional behaviour (`Nat.add` recurses on its second
  argument, `List.append` on its first, `Nat.sub` truncates). Only definitions, constructors,
  recursors and the basic lemmas Lean's own prelude states before its Nat/List files live here.
  Lines `--! quot NAME : TYPE` and `--! nat_extension NAMES` are instructions for the loader.
-/
universe u v w

inductive True : Prop where
  | intro : True

inductive False : Prop

inductive Bool : Type where
  | false : Bool
  | true : Bool

export Bool (false true)

-- Lean's Boolean operators (`x || y`, `x && y`, `!x`), defined by the recursor as in Lean's prelude
def Bool.or (x y : Bool) : Bool := Bool.rec (motive := fun _ => Bool) y true x
def Bool.and (x y : Bool) : Bool := Bool.rec (motive := fun _ => Bool) false y x
def Bool.not (x : Bool) : Bool := Bool.rec (motive := fun _ => Bool) true false x

export Bool (or and not)

def Not (a : Prop) : Prop := a → False

@[reducible] def outParam (α : Sort u) : Sort u := α

def id {α : Sort u} (a : α) : α := a

def Function.comp {α : Sort u} {β : Sort v} {δ : Sort w} (f : β → δ) (g : α → β) : α → δ :=
  fun x => f (g x)

axiom sorryAx (α : Sort u) (synthetic : Bool) : α

theorem trivial : True := True.intro

def False.elim {C : Sort u} (h : False) : C := False.rec (fun _ => C) h

def absurd {a : Prop} {b : Sort v} (h₁ : a) (h₂ : Not a) : b := False.elim (h₂ h₁)

structure And (a b : Prop) : Prop where
  intro ::
  left : a
  right : b

inductive Or (a b : Prop) : Prop where
  | inl (h : a) : Or a b
  | inr (h : b) : Or a b

theorem Or.elim {a b c : Prop} (h : Or a b) (left : a → c) (right : b → c) : c :=
  Or.rec (motive := fun _ => c) left right h

structure Iff (a b : Prop) : Prop where
  intro ::
  mp : a → b
  mpr : b → a

inductive Exists {α : Sort u} (p : α → Prop) : Prop where
  | intro (w : α) (h : p w) : Exists p

theorem Exists.elim {α : Sort u} {p : α → Prop} {b : Prop} (h₁ : Exists (fun x => p x))
    (h₂ : ∀ (a : α), p a → b) : b :=
  Exists.rec (motive := fun _ => b) h₂ h₁

inductive Eq {α : Sort u} : α → α → Prop where
  | refl (a : α) : Eq a a

@[reducible] def Ne {α : Sort u} (a b : α) : Prop := Not (Eq a b)

theorem rfl {α : Sort u} {a : α} : Eq a a := Eq.refl a

def Eq.ndrec.{u1, u2} {α : Sort u2} {a : α} {motive : α → Sort u1} (m : motive a) {b : α} (h : Eq a b) : motive b :=
  Eq.rec (motive := fun x _ => motive x) m h

theorem Eq.subst {α : Sort u} {motive : α → Prop} {a b : α} (h₁ : Eq a b) (h₂ : motive a) : motive b :=
  Eq.ndrec h₂ h₁

theorem Eq.symm {α : Sort u} {a b : α} (h : Eq a b) : Eq b a :=
  Eq.ndrec (motive := fun x => Eq x a) (Eq.refl a) h

theorem Eq.trans {α : Sort u} {a b c : α} (h₁ : Eq a b) (h₂ : Eq b c) : Eq a c :=
  Eq.ndrec (motive := fun x => Eq a x) h₁ h₂

def Eq.mp {α β : Sort u} (h : Eq α β) (a : α) : β :=
  Eq.rec (motive := fun x _ => x) a h

def Eq.mpr {α β : Sort u} (h : Eq α β) (b : β) : α :=
  Eq.rec (motive := fun x _ => x) b (Eq.symm h)

theorem congrArg {α : Sort u} {β : Sort v} {a₁ a₂ : α} (f : α → β) (h : Eq a₁ a₂) : Eq (f a₁) (f a₂) :=
  Eq.ndrec (motive := fun x => Eq (f a₁) (f x)) rfl h

theorem congrFun {α : Sort u} {β : α → Sort v} {f g : (x : α) → β x} (h : Eq f g) (a : α) : Eq (f a) (g a) :=
  Eq.ndrec (motive := fun (k : (x : α) → β x) => Eq (f a) (k a)) rfl h

axiom propext {a b : Prop} : Iff a b → Eq a b

inductive Nonempty (α : Sort u) : Prop where
  | intro (val : α) : Nonempty α

axiom Classical.choice {α : Sort u} : Nonempty α → α

--! quot Quot.{u} : {α : Sort u} → (α → α → Prop) → Sort u
--! quot Quot.mk.{u} : {α : Sort u} → (r : α → α → Prop) → α → Quot r
--! quot Quot.lift.{u, v} : {α : Sort u} → {r : α → α → Prop} → {β : Sort v} → (f : α → β) → (∀ (a b : α), r a b → Eq (f a) (f b)) → Quot r → β
--! quot Quot.ind.{u} : {α : Sort u} → {r : α → α → Prop} → {β : Quot r → Prop} → (∀ (a : α), β (Quot.mk r a)) → ∀ (q : Quot r), β q

axiom Quot.sound {α : Sort u} {r : α → α → Prop} {a b : α} : r a b → Eq (Quot.mk r a) (Quot.mk r b)

protected def Quot.liftOn {α : Sort u} {β : Sort v} {r : α → α → Prop} (q : Quot r) (f : α → β)
    (c : ∀ (a b : α), r a b → Eq (f a) (f b)) : β :=
  Quot.lift f c q

theorem funext {α : Sort u} {β : α → Sort v} {f g : (x : α) → β x} (h : ∀ x, Eq (f x) (g x)) : Eq f g :=
  let eqv (f g : (x : α) → β x) : Prop := ∀ x, Eq (f x) (g x)
  let extfunApp (f : Quot eqv) (x : α) : β x := Quot.liftOn f (fun f => f x) (fun _ _ h => h x)
  show Eq (extfunApp (Quot.mk eqv f)) (extfunApp (Quot.mk eqv g)) from
    congrArg extfunApp (Quot.sound h)

-- HEq, cast: Lean's Prelude (heterogeneous equality, casting along an equation of types)

inductive HEq : {α : Sort u} → α → {β : Sort u} → β → Prop where
  | refl {α : Sort u} (a : α) : HEq a a

protected def HEq.rfl {α : Sort u} {a : α} : HEq a a := HEq.refl a

def cast {α β : Sort u} (h : Eq α β) (a : α) : β := Eq.rec (motive := fun x _ => x) a h

theorem eq_of_heq {α : Sort u} {a a' : α} (h : HEq a a') : Eq a a' :=
  have this : (α β : Sort u) → (a : α) → (b : β) → HEq a b → (h : Eq α β) → Eq (cast h a) b :=
    fun α₁ _ a _ h₁ => HEq.rec (motive := fun {β} b _ => (h : Eq α₁ β) → Eq (cast h a) b)
      (fun (h : Eq α₁ α₁) => (rfl : Eq (cast h a) a)) h₁
  this α α a a' h rfl

theorem heq_of_eq {α : Sort u} {a a' : α} (h : Eq a a') : HEq a a' := @Eq.subst α (fun (x : α) => HEq a x) a a' h (HEq.refl a)

-- Prod, Option: Lean's Prelude (`α × β`, `(a, b)`, `.1`/`.2`; `none`/`some`)

structure Prod (α : Type u) (β : Type v) where
  mk ::
  fst : α
  snd : β

inductive Option (α : Type u) where
  | none : Option α
  | some (val : α) : Option α

export Option (none some)

def Option.getD {α : Type u} (opt : Option α) (dflt : α) : α :=
  match opt with
  | some x => x
  | none => dflt

protected def Option.map {α : Type u} {β : Type v} (f : α → β) : Option α → Option β
  | some x => some (f x)
  | none => none

def Option.isSome {α : Type u} : Option α → Bool
  | some _ => true
  | none => false

-- Init/Core.lean
def Prod.map.{u₁, u₂, v₁, v₂} {α₁ : Type u₁} {α₂ : Type u₂} {β₁ : Type v₁} {β₂ : Type v₂}
    (f : α₁ → α₂) (g : β₁ → β₂) : α₁ × β₁ → α₂ × β₂
  | (a, b) => (f a, g b)

-- Trans: Lean's Prelude class behind `calc` chains (`a = b`, `b < c` give `a < c`); the instances
-- for Eq here, those for Nat's `≤`/`<` after Nat.le_trans and friends (as in Init/Data/Nat/Basic).

class Trans.{u_t, v_t, w_t, u_1, u_2, u_3} {α : Sort u_1} {β : Sort u_2} {γ : Sort u_3} (r : α → β → Sort u_t)
    (s : β → γ → Sort v_t) (t : outParam (α → γ → Sort w_t)) where
  trans : {a : α} → {b : β} → {c : γ} → r a b → s b c → t a c

export Trans (trans)

instance instTransEq.{u_t, u_1, u_3} {α : Sort u_1} {γ : Sort u_3} (r : α → γ → Sort u_t) : Trans Eq r r :=
  ⟨fun {_ _ _} heq h' => heq ▸ h'⟩

instance instTransEq_1.{u_t, u_1, u_2} {α : Sort u_1} {β : Sort u_2} (r : α → β → Sort u_t) : Trans r Eq r :=
  ⟨fun {_ _ _} h' heq => heq ▸ h'⟩

-- Decidability: Lean's Init/Prelude.lean `Decidable` (a `class inductive`, as up to Lean 4.34),
-- `decide`, `DecidableEq`/`Pred`/`Rel`, the instances for the connectives and `Bool`, `dite`/`ite`
-- and `BEq`; Init/Core.lean's `bne`, `LawfulBEq`, `Decidable.byCases`/`em`/`byContradiction` and
-- `if_pos`/`if_neg`/`dif_pos`/`dif_neg`. The `Nat` instances are with the Nat lemmas below.

class inductive Decidable (p : Prop) where
  | isFalse (h : Not p) : Decidable p
  | isTrue (h : p) : Decidable p

def Decidable.decide (p : Prop) [h : Decidable p] : Bool :=
  Decidable.casesOn (motive := fun _ => Bool) h (fun _ => false) (fun _ => true)

export Decidable (isTrue isFalse decide)

abbrev DecidablePred {α : Sort u} (r : α → Prop) := (a : α) → Decidable (r a)

abbrev DecidableRel {α : Sort u} {β : Sort v} (r : α → β → Prop) := (a : α) → (b : β) → Decidable (r a b)

abbrev DecidableEq (α : Sort u) := (a b : α) → Decidable (Eq a b)

def decEq {α : Sort u} [inst : DecidableEq α] (a b : α) : Decidable (Eq a b) := inst a b

theorem decide_eq_true {p : Prop} [inst : Decidable p] : p → Eq (decide p) true :=
  Decidable.casesOn (motive := fun d => p → Eq (@decide p d) true) inst (fun h₁ h₂ => absurd h₂ h₁) (fun _ _ => rfl)

theorem decide_eq_false {p : Prop} [inst : Decidable p] : Not p → Eq (decide p) false :=
  Decidable.casesOn (motive := fun d => Not p → Eq (@decide p d) false) inst (fun _ _ => rfl) (fun h₁ h₂ => absurd h₁ h₂)

theorem of_decide_eq_true {p : Prop} [inst : Decidable p] : Eq (decide p) true → p :=
  Decidable.casesOn (motive := fun d => Eq (@decide p d) true → p) inst
    (fun _ h => False.elim (Eq.mp (@congrArg Bool Prop _ _ (fun b => Bool.casesOn (motive := fun _ => Prop) b True False) h) trivial))
    (fun h₁ _ => h₁)

theorem of_decide_eq_false {p : Prop} [inst : Decidable p] : Eq (decide p) false → Not p :=
  Decidable.casesOn (motive := fun d => Eq (@decide p d) false → Not p) inst
    (fun h₁ _ => h₁)
    (fun _ h => False.elim (Eq.mp (@congrArg Bool Prop _ _ (fun b => Bool.casesOn (motive := fun _ => Prop) b False True) h) trivial))

theorem of_decide_eq_self_eq_true {α : Sort u} [inst : DecidableEq α] (a : α) : Eq (decide (Eq a a)) true :=
  Decidable.casesOn (motive := fun d => Eq (@decide (Eq a a) d) true) (inst a a) (fun h₁ => absurd rfl h₁) (fun _ => rfl)

def Bool.decEq (a b : Bool) : Decidable (Eq a b) :=
  Bool.casesOn (motive := fun a => Decidable (Eq a b)) a
    (Bool.casesOn (motive := fun b => Decidable (Eq false b)) b (isTrue rfl)
      (isFalse (fun h => Eq.mp (@congrArg Bool Prop _ _ (fun b => Bool.casesOn (motive := fun _ => Prop) b True False) h) trivial)))
    (Bool.casesOn (motive := fun b => Decidable (Eq true b)) b
      (isFalse (fun h => Eq.mp (@congrArg Bool Prop _ _ (fun b => Bool.casesOn (motive := fun _ => Prop) b False True) h) trivial))
      (isTrue rfl))

def instDecidableEqBool : DecidableEq Bool := Bool.decEq
attribute [instance] instDecidableEqBool

-- fid-list3: Lean's Init/Prelude.lean theorems on `Bool` (stated right after `sorryAx`, root names as in
-- the Lean version whose List lemma files use them: `filter_cons_of_neg` is `eq_false_of_ne_true pa`)
theorem eq_false_of_ne_true : {b : Bool} → Not (Eq b true) → Eq b false
  | true, h => False.elim (h rfl)
  | false, _ => rfl

theorem eq_true_of_ne_false : {b : Bool} → Not (Eq b false) → Eq b true
  | true, _ => rfl
  | false, h => False.elim (h rfl)

theorem ne_false_of_eq_true : {b : Bool} → Eq b true → Not (Eq b false)
  | true, _ => fun h => nomatch h
  | false, h => nomatch h

theorem ne_true_of_eq_false : {b : Bool} → Eq b false → Not (Eq b true)
  | true, h => nomatch h
  | false, _ => fun h => nomatch h
-- fid-list3: end

class BEq (α : Type u) where
  beq : α → α → Bool

def instBEqOfDecidableEq {α : Type u} [DecidableEq α] : BEq α := ⟨fun a b => decide (Eq a b)⟩
attribute [instance] instBEqOfDecidableEq

def dite {α : Sort u} (c : Prop) [h : Decidable c] (t : c → α) (e : Not c → α) : α :=
  Decidable.casesOn (motive := fun _ => α) h e t

def ite {α : Sort u} (c : Prop) [h : Decidable c] (t e : α) : α :=
  Decidable.casesOn (motive := fun _ => α) h (fun _ => e) (fun _ => t)

def instDecidableAnd {p q : Prop} [dp : Decidable p] [dq : Decidable q] : Decidable (And p q) :=
  Decidable.casesOn (motive := fun _ => Decidable (And p q)) dp
    (fun hp => isFalse (fun h => hp (And.left h)))
    (fun hp => Decidable.casesOn (motive := fun _ => Decidable (And p q)) dq
      (fun hq => isFalse (fun h => hq (And.right h)))
      (fun hq => isTrue ⟨hp, hq⟩))

def instDecidableOr {p q : Prop} [dp : Decidable p] [dq : Decidable q] : Decidable (Or p q) :=
  Decidable.casesOn (motive := fun _ => Decidable (Or p q)) dp
    (fun hp => Decidable.casesOn (motive := fun _ => Decidable (Or p q)) dq
      (fun hq => isFalse (fun h => Or.elim h hp hq))
      (fun hq => isTrue (Or.inr hq)))
    (fun hp => isTrue (Or.inl hp))

def instDecidableNot {p : Prop} [dp : Decidable p] : Decidable (Not p) :=
  Decidable.casesOn (motive := fun _ => Decidable (Not p)) dp (fun hp => isTrue hp) (fun hp => isFalse (absurd hp))

attribute [instance] instDecidableAnd instDecidableOr instDecidableNot

def instDecidableTrue : Decidable True := isTrue trivial
def instDecidableFalse : Decidable False := isFalse (fun h => h)
attribute [instance] instDecidableTrue instDecidableFalse

def instDecidableIff {p q : Prop} [Decidable p] [Decidable q] : Decidable (Iff p q) :=
  dite p
    (fun hp => dite q (fun hq => isTrue ⟨fun _ => hq, fun _ => hp⟩) (fun hq => isFalse (fun h => hq (h.mp hp))))
    (fun hp => dite q (fun hq => isFalse (fun h => hp (h.mpr hq))) (fun hq => isTrue ⟨fun h => absurd h hp, fun h => absurd h hq⟩))
attribute [instance] instDecidableIff

def instDecidableEqProp {p q : Prop} [d : Decidable (Iff p q)] : Decidable (Eq p q) :=
  Decidable.casesOn (motive := fun _ => Decidable (Eq p q)) d
    (fun h => isFalse (fun heq => h (Eq.ndrec (motive := fun x => Iff p x) (Iff.intro (fun hp => hp) (fun hp => hp)) heq)))
    (fun h => isTrue (propext h))
attribute [instance] instDecidableEqProp

def bne {α : Type u} [BEq α] (a b : α) : Bool := Bool.not (BEq.beq a b)

class LawfulBEq (α : Type u) [BEq α] : Prop where
  eq_of_beq : {a b : α} → Eq (BEq.beq a b) true → Eq a b
  rfl : {a : α} → Eq (BEq.beq a a) true

def instLawfulBEqOfDecidableEq {α : Type u} [DecidableEq α] : LawfulBEq α :=
  ⟨fun {_ _} h => of_decide_eq_true h, fun {a} => of_decide_eq_self_eq_true a⟩
attribute [instance] instLawfulBEqOfDecidableEq

export LawfulBEq (eq_of_beq)

def Decidable.byCases {p : Prop} {q : Sort u} [dec : Decidable p] (h1 : p → q) (h2 : Not p → q) : q :=
  Decidable.casesOn (motive := fun _ => q) dec h2 h1

theorem Decidable.em (p : Prop) [Decidable p] : Or p (Not p) := Decidable.byCases Or.inl Or.inr

theorem Decidable.byContradiction {p : Prop} [dec : Decidable p] (h : Not p → False) : p :=
  Decidable.byCases id (fun np => False.elim (h np))

theorem if_pos {c : Prop} {h : Decidable c} (hc : c) {α : Sort u} {t e : α} : Eq (ite c t e) t :=
  Decidable.casesOn (motive := fun d => Eq (@ite α c d t e) t) h (fun hnc => absurd hc hnc) (fun _ => rfl)

theorem if_neg {c : Prop} {h : Decidable c} (hnc : Not c) {α : Sort u} {t e : α} : Eq (ite c t e) e :=
  Decidable.casesOn (motive := fun d => Eq (@ite α c d t e) e) h (fun _ => rfl) (fun hc => absurd hc hnc)

theorem dif_pos {c : Prop} {h : Decidable c} (hc : c) {α : Sort u} {t : c → α} {e : Not c → α} : Eq (dite c t e) (t hc) :=
  Decidable.casesOn (motive := fun d => Eq (@dite α c d t e) (t hc)) h (fun hnc => absurd hc hnc) (fun _ => rfl)

theorem dif_neg {c : Prop} {h : Decidable c} (hnc : Not c) {α : Sort u} {t : c → α} {e : Not c → α} : Eq (dite c t e) (e hnc) :=
  Decidable.casesOn (motive := fun d => Eq (@dite α c d t e) (e hnc)) h (fun _ => rfl) (fun hc => absurd hc hnc)

-- Natural numbers, with Lean core's definitions

inductive Nat where
  | zero : Nat
  | succ (n : Nat) : Nat

class OfNat (α : Type u) (n : Nat) where
  ofNat : α

def instOfNatNat (n : Nat) : OfNat Nat n := ⟨n⟩
attribute [instance] instOfNatNat

def Nat.pred : Nat → Nat
  | 0 => 0
  | n + 1 => n

protected def Nat.add : Nat → Nat → Nat
  | n, .zero => n
  | n, .succ m => .succ (Nat.add n m)

protected def Nat.mul : Nat → Nat → Nat
  | _, .zero => .zero
  | n, .succ m => Nat.add (Nat.mul n m) n

protected def Nat.sub : Nat → Nat → Nat
  | n, .zero => n
  | n, .succ m => Nat.pred (Nat.sub n m)

def Nat.beq : Nat → Nat → Bool
  | .zero, .zero => Bool.true
  | .zero, .succ _ => Bool.false
  | .succ _, .zero => Bool.false
  | .succ n, .succ m => Nat.beq n m

def Nat.ble : Nat → Nat → Bool
  | .zero, _ => Bool.true
  | .succ _, .zero => Bool.false
  | .succ n, .succ m => Nat.ble n m

--! nat_extension Nat.succ Nat.add Nat.mul Nat.sub Nat.beq Nat.ble

class HAdd (α : Type u) (β : Type v) (γ : outParam (Type w)) where
  hAdd : α → β → γ
class HSub (α : Type u) (β : Type v) (γ : outParam (Type w)) where
  hSub : α → β → γ
class HMul (α : Type u) (β : Type v) (γ : outParam (Type w)) where
  hMul : α → β → γ
class HAppend (α : Type u) (β : Type v) (γ : outParam (Type w)) where
  hAppend : α → β → γ
class Add (α : Type u) where
  add : α → α → α
class Sub (α : Type u) where
  sub : α → α → α
class Mul (α : Type u) where
  mul : α → α → α
class Append (α : Type u) where
  append : α → α → α
class LE (α : Type u) where
  le : α → α → Prop
class LT (α : Type u) where
  lt : α → α → Prop
class Membership (α : outParam (Type u)) (γ : Type v) where
  mem : γ → α → Prop

def instHAdd {α : Type u} [Add α] : HAdd α α α := ⟨fun a b => Add.add a b⟩
def instHSub {α : Type u} [Sub α] : HSub α α α := ⟨fun a b => Sub.sub a b⟩
def instHMul {α : Type u} [Mul α] : HMul α α α := ⟨fun a b => Mul.mul a b⟩
def instHAppendOfAppend {α : Type u} [Append α] : HAppend α α α := ⟨fun a b => Append.append a b⟩
attribute [instance] instHAdd instHSub instHMul instHAppendOfAppend

def instAddNat : Add Nat := ⟨Nat.add⟩
def instSubNat : Sub Nat := ⟨Nat.sub⟩
def instMulNat : Mul Nat := ⟨Nat.mul⟩
attribute [instance] instAddNat instSubNat instMulNat

@[reducible] def GE.ge {α : Type u} [LE α] (a b : α) : Prop := LE.le b a
@[reducible] def GT.gt {α : Type u} [LT α] (a b : α) : Prop := LT.lt b a

protected inductive Nat.le (n : Nat) : Nat → Prop where
  | refl : Nat.le n n
  | step {m : Nat} : Nat.le n m → Nat.le n (Nat.succ m)

protected def Nat.lt (n m : Nat) : Prop := Nat.le (n + 1) m

def instLENat : LE Nat := ⟨Nat.le⟩
def instLTNat : LT Nat := ⟨Nat.lt⟩
attribute [instance] instLENat instLTNat

-- Lists, with Lean core's definitions

inductive List (α : Type u) where
  | nil : List α
  | cons (head : α) (tail : List α) : List α

protected def List.append {α : Type u} : List α → List α → List α
  | [], bs => bs
  | a :: as, bs => a :: List.append as bs

def List.instAppend {α : Type u} : Append (List α) := ⟨List.append⟩
attribute [instance] List.instAppend

def List.length {α : Type u} : List α → Nat
  | [] => 0
  | _ :: as => List.length as + 1

def List.map {α : Type u} {β : Type v} (f : α → β) : List α → List β
  | [] => []
  | a :: as => f a :: List.map f as

def List.reverseAux {α : Type u} : List α → List α → List α
  | [], r => r
  | a :: l, r => List.reverseAux l (a :: r)

def List.reverse {α : Type u} (as : List α) : List α := List.reverseAux as []

inductive List.Mem {α : Type u} (a : α) : List α → Prop where
  | head (as : List α) : List.Mem a (a :: as)
  | tail (b : α) {as : List α} : List.Mem a as → List.Mem a (b :: as)

def List.instMembership {α : Type u} : Membership α (List α) := ⟨fun as a => List.Mem a as⟩
attribute [instance] List.instMembership

-- List functions of Lean's Init/Prelude.lean and Init/Data/List/Basic.lean, with Lean's definitions (so
-- `simp [List.foldl]`, `unfold List.filter`, `rw [List.take]` use Lean's equations). Their equation
-- lemmas (`List.foldl_nil`, `List.filter_nil`, …) are theorems a file proves: none is stated here. A
-- file may restate one of these definitions (as `library/CoreDefs.lean` lists them) only with the same
-- type and value.

def List.foldl {α : Type u} {β : Type v} (f : α → β → α) : (init : α) → List β → α
  | a, List.nil => a
  | a, List.cons b l => List.foldl f (f a b) l

def List.foldr {α : Type u} {β : Type v} (f : α → β → β) (init : β) : (l : List α) → β
  | [] => init
  | a :: l => f a (List.foldr f init l)

def List.filter {α : Type u} (p : α → Bool) : (l : List α) → List α
  | [] => []
  | a::as => match p a with
    | true => a :: List.filter p as
    | false => List.filter p as

def List.replicate {α : Type u} : (n : Nat) → (a : α) → List α
  | 0, _ => []
  | n+1, a => a :: List.replicate n a

def List.head? {α : Type u} : List α → Option α
  | [] => none
  | a::_ => some a

def List.headD {α : Type u} : (as : List α) → (fallback : α) → α
  | [], fallback => fallback
  | a::_, _ => a

def List.tail {α : Type u} : List α → List α
  | [] => []
  | _::as => as

def List.take {α : Type u} : (n : Nat) → (xs : List α) → List α
  | 0, _ => []
  | _+1, [] => []
  | n+1, a::as => a :: List.take n as

def List.drop {α : Type u} : (n : Nat) → (xs : List α) → List α
  | 0, as => as
  | _+1, [] => []
  | n+1, _::as => List.drop n as

def List.flatten {α : Type u} : List (List α) → List α
  | [] => []
  | l :: L => l ++ List.flatten L

def List.zipWith {α : Type u} {β : Type v} {γ : Type w} (f : α → β → γ) : (xs : List α) → (ys : List β) → List γ
  | x::xs, y::ys => f x y :: List.zipWith f xs ys
  | _, _ => []

def List.zip {α : Type u} {β : Type v} : List α → List β → List (Prod α β) := List.zipWith Prod.mk

def List.any {α : Type u} : (l : List α) → (p : α → Bool) → Bool
  | [], _ => false
  | h :: t, p => p h || List.any t p

def List.all {α : Type u} : List α → (α → Bool) → Bool
  | [], _ => true
  | h :: t, p => p h && List.all t p

-- fid-list: the rest of Lean core's List definitions of Init/Prelude.lean (`set`, `concat`) and
-- Init/Data/List/Basic.lean (`isEmpty`, `flatMap`, `takeWhile`, `dropWhile`, `eraseIdx`) that Lean's
-- List lemma files state lemmas about, with Lean's definitions (`library/CoreDefs.lean`); no lemma.
def List.set {α : Type u} : (l : List α) → (n : Nat) → (a : α) → List α
  | List.cons _ as, 0, b => List.cons b as
  | List.cons a as, Nat.succ n, b => List.cons a (List.set as n b)
  | List.nil, _, _ => List.nil

def List.concat {α : Type u} : List α → α → List α
  | List.nil, b => List.cons b List.nil
  | List.cons a as, b => List.cons a (List.concat as b)

def List.isEmpty {α : Type u} : List α → Bool
  | [] => true
  | _ :: _ => false

def List.flatMap {α : Type u} {β : Type v} (b : α → List β) (as : List α) : List β :=
  List.flatten (List.map b as)

def List.takeWhile {α : Type u} (p : α → Bool) : (xs : List α) → List α
  | [] => []
  | hd :: tl => match p hd with
    | true => hd :: List.takeWhile p tl
    | false => []

def List.dropWhile {α : Type u} (p : α → Bool) : List α → List α
  | [] => []
  | a::l => match p a with
    | true => List.dropWhile p l
    | false => a::l

def List.eraseIdx {α : Type u} : List α → Nat → List α
  | [], _ => []
  | _::as, 0 => as
  | a::as, n+1 => a :: List.eraseIdx as n
-- fid-list: end

-- fid-list3: Init/Data/List/Basic.lean's `head`, `tail?`, `tailD` (the List lemma files state lemmas about
-- them) and its instances `decidableBEx`/`decidableBAll` (`decide (∃ x, x ∈ l ∧ p x)`), as Lean defines
-- them; no lemma
def List.head {α : Type u} : (as : List α) → as ≠ [] → α
  | a::_, _ => a

def List.tail? {α : Type u} : List α → Option (List α)
  | [] => none
  | _::as => some as

def List.tailD {α : Type u} (list fallback : List α) : List α :=
  match list with
  | [] => fallback
  | _ :: tl => tl

def List.decidableBEx {α : Type u} (p : α → Prop) [DecidablePred p] :
    ∀ l : List α, Decidable (Exists fun x => x ∈ l ∧ p x)
  | [] => isFalse nofun
  | x :: xs =>
    if h₁ : p x then isTrue ⟨x, .head .., h₁⟩ else
      match List.decidableBEx p xs with
      | isTrue h₂ => isTrue <| let ⟨y, hm, hp⟩ := h₂; ⟨y, .tail _ hm, hp⟩
      | isFalse h₂ => isFalse fun
        | ⟨y, .tail _ h, hp⟩ => h₂ ⟨y, h, hp⟩
        | ⟨_, .head .., hp⟩ => h₁ hp

def List.decidableBAll {α : Type u} (p : α → Prop) [DecidablePred p] :
    ∀ l : List α, Decidable (∀ x, x ∈ l → p x)
  | [] => isTrue nofun
  | x :: xs =>
    if h₁ : p x then
      match List.decidableBAll p xs with
      | isTrue h₂ => isTrue fun
        | y, .tail _ h => h₂ y h
        | _, .head .. => h₁
      | isFalse h₂ => isFalse fun H => h₂ fun y hm => H y (.tail _ hm)
    else isFalse fun H => h₁ <| H x (.head ..)
attribute [instance] List.decidableBEx List.decidableBAll
-- fid-list3: end

-- Classical logic: Lean's derivation of excluded middle from choice (Diaconescu's argument)

structure Subtype {α : Sort u} (p : α → Prop) where
  val : α
  property : p val

noncomputable def Classical.indefiniteDescription {α : Sort u} (p : α → Prop) (h : Exists (fun x => p x)) : Subtype p :=
  Classical.choice (Exists.elim h (fun x px => Nonempty.intro (Subtype.mk x px)))

noncomputable def Classical.choose {α : Sort u} {p : α → Prop} (h : Exists (fun x => p x)) : α :=
  (Classical.indefiniteDescription p h).val

theorem Classical.choose_spec {α : Sort u} {p : α → Prop} (h : Exists (fun x => p x)) : p (Classical.choose h) :=
  (Classical.indefiniteDescription p h).property

theorem Classical.em (p : Prop) : Or p (Not p) :=
  let U (x : Prop) : Prop := Or (Eq x True) p
  let V (x : Prop) : Prop := Or (Eq x False) p
  have exU : Exists (fun x => U x) := ⟨True, Or.inl rfl⟩
  have exV : Exists (fun x => V x) := ⟨False, Or.inl rfl⟩
  have u_def : U (Classical.choose exU) := Classical.choose_spec exU
  have v_def : V (Classical.choose exV) := Classical.choose_spec exV
  have not_uv_or_p : Or (Not (Eq (Classical.choose exU) (Classical.choose exV))) p :=
    Or.elim u_def
      (fun hut => Or.elim v_def
        (fun hvf => Or.inl (fun huv => Eq.mp (Eq.trans (Eq.trans (Eq.symm hut) huv) hvf) trivial))
        (fun hp => Or.inr hp))
      (fun hp => Or.inr hp)
  have p_implies_uv : p → Eq (Classical.choose exU) (Classical.choose exV) := fun hp =>
    have hpred : Eq U V := funext (fun x => propext (Iff.intro (fun _ => Or.inr hp) (fun _ => Or.inr hp)))
    have h₀ : ∀ (exU : Exists (fun x => U x)) (exV : Exists (fun x => V x)),
        Eq (Classical.choose exU) (Classical.choose exV) :=
      Eq.ndrec (motive := fun (W : Prop → Prop) => ∀ (exU : Exists (fun x => U x)) (exV : Exists (fun x => W x)),
          Eq (Classical.choose exU) (Classical.choose exV)) (fun _ _ => rfl) hpred
    h₀ exU exV
  Or.elim not_uv_or_p
    (fun hne => Or.inr (fun hp => hne (p_implies_uv hp)))
    (fun hp => Or.inl hp)

theorem Iff.refl (a : Prop) : Iff a a := Iff.intro (fun h => h) (fun h => h)

theorem Iff.symm {a b : Prop} (h : Iff a b) : Iff b a := Iff.intro h.mpr h.mp

theorem Ne.symm {α : Sort u} {a b : α} (h : Ne a b) : Ne b a := fun h' => h (Eq.symm h')

-- More of what Lean's Init/Prelude.lean and Init/Core.lean state before the Nat and List files
-- (issue 11). The lemmas a corpus re-proves under the same core names (`Nat.le_trans`, `mt`, …, see
-- datasets/stdlib) are in the restatable section at the end.

def Nat.noConfusionType.{w} (P : Sort w) (v1 v2 : Nat) : Sort w :=
  Nat.casesOn (motive := fun _ => Sort w) v1
    (Nat.casesOn (motive := fun _ => Sort w) v2 (P → P) (fun _ => P))
    (fun n => Nat.casesOn (motive := fun _ => Sort w) v2 P (fun m => (Eq n m → P) → P))

def Nat.noConfusion.{w} {P : Sort w} {v1 v2 : Nat} (h12 : Eq v1 v2) : Nat.noConfusionType P v1 v2 :=
  Eq.ndrec (motive := fun a => Nat.noConfusionType P v1 a)
    (Nat.casesOn (motive := fun b => Nat.noConfusionType P b b) v1 (fun p => p) (fun _ f => f rfl)) h12

theorem Nat.succ.inj {n m : Nat} (h : Eq (Nat.succ n) (Nat.succ m)) : Eq n m :=
  Nat.noConfusion h (fun e => e)

theorem Nat.lt_add_one (n : Nat) : LT.lt n (HAdd.hAdd n 1) := Nat.le.refl

theorem id_eq {α : Sort u} (a : α) : Eq (id a) a := rfl

theorem Function.comp_apply {α : Sort u} {β : Sort v} {δ : Sort w} {f : β → δ} {g : α → β} {x : α} :
    Eq (Function.comp f g x) (f (g x)) := rfl

def implies (a b : Prop) := a → b  -- fid-logic: Lean's statement of implies.trans uses it

theorem implies.trans {p q r : Prop} (h₁ : implies p q) (h₂ : implies q r) : implies p r := fun hp => h₂ (h₁ hp)

theorem List.cons.inj {α : Type u} {a b : α} {as bs : List α} (h : Eq (List.cons a as) (List.cons b bs)) :
    And (Eq a b) (Eq as bs) :=
  have lift : ∀ (l : List α), Eq (List.cons a as) l →
      List.casesOn (motive := fun _ => Prop) l True (fun b bs => And (Eq a b) (Eq as bs)) :=
    fun l e => Eq.ndrec (motive := fun l => List.casesOn (motive := fun _ => Prop) l True
      (fun b bs => And (Eq a b) (Eq as bs))) (And.intro rfl rfl) e
  lift (List.cons b bs) h

-- Lean's Init/Prelude.lean and Init/Core.lean lemmas that real Lean files use before the Nat and List
-- files, with Lean's statements and names. A file may restate one (a corpus re-proving Lean core)
-- only with the same statement, and its proof may not use it (elab_command._prelude_restatement).
--! restatable from here

theorem mt {a b : Prop} (h₁ : a → b) (h₂ : ¬b) : ¬a := fun ha => h₂ (h₁ ha)
theorem not_not_intro {p : Prop} (h : p) : ¬¬p := fun hn => hn h
theorem Ne.elim {α : Sort u} {a b : α} (h : a ≠ b) : a = b → False := h
theorem Ne.irrefl {α : Sort u} {a : α} (h : a ≠ a) : False := h rfl
theorem Iff.trans {a b c : Prop} (h₁ : a ↔ b) (h₂ : b ↔ c) : a ↔ c :=
  Iff.intro (fun ha => h₂.mp (h₁.mp ha)) (fun hc => h₁.mpr (h₂.mpr hc))
theorem Iff.comm {a b : Prop} : (a ↔ b) ↔ (b ↔ a) := Iff.intro Iff.symm Iff.symm
theorem And.symm {a b : Prop} : a ∧ b → b ∧ a := fun h => And.intro h.2 h.1
theorem And.comm {a b : Prop} : a ∧ b ↔ b ∧ a := Iff.intro And.symm And.symm
theorem Or.symm {a b : Prop} : a ∨ b → b ∨ a := fun h => Or.elim h Or.inr Or.inl
theorem Or.comm {a b : Prop} : a ∨ b ↔ b ∨ a := Iff.intro Or.symm Or.symm
theorem Or.resolve_left {a b : Prop} (h : a ∨ b) (na : ¬a) : b := Or.elim h (fun ha => absurd ha na) id
theorem Or.resolve_right {a b : Prop} (h : a ∨ b) (nb : ¬b) : a := Or.elim h id (fun hb => absurd hb nb)
theorem Or.imp {a b c d : Prop} (f : a → c) (g : b → d) (h : a ∨ b) : c ∨ d :=
  Or.elim h (fun ha => Or.inl (f ha)) (fun hb => Or.inr (g hb))
theorem Or.imp_left {a b c : Prop} (f : a → b) : a ∨ c → b ∨ c := Or.imp f id
theorem Or.imp_right {a b c : Prop} (f : b → c) : a ∨ b → a ∨ c := Or.imp id f
theorem eq_comm {α : Sort u} {a b : α} : a = b ↔ b = a := Iff.intro Eq.symm Eq.symm
theorem iff_true_intro {a : Prop} (h : a) : a ↔ True := Iff.intro (fun _ => trivial) (fun _ => h)
protected theorem Nonempty.elim {α : Sort u} {p : Prop} (h₁ : Nonempty α) (h₂ : α → p) : p :=
  Nonempty.rec (motive := fun _ => p) h₂ h₁

theorem Nat.not_succ_le_zero : ∀ (n : Nat), Nat.succ n ≤ 0 → False
  | 0 => nofun
  | _ + 1 => nofun
theorem Nat.not_lt_zero (n : Nat) : ¬n < 0 := Nat.not_succ_le_zero n
theorem Nat.zero_le : (n : Nat) → 0 ≤ n
  | .zero => Nat.le.refl
  | .succ n => Nat.le.step (Nat.zero_le n)
theorem Nat.succ_le_succ {n m : Nat} : n ≤ m → Nat.succ n ≤ Nat.succ m
  | .refl => .refl
  | .step h => .step (Nat.succ_le_succ h)
theorem Nat.zero_lt_succ (n : Nat) : 0 < Nat.succ n := Nat.succ_le_succ (Nat.zero_le n)
theorem Nat.le_step {n m : Nat} (h : n ≤ m) : n ≤ Nat.succ m := Nat.le.step h
protected theorem Nat.le_trans {n m k : Nat} : n ≤ m → m ≤ k → n ≤ k
  | h, .refl => h
  | h₁, .step h₂ => .step (Nat.le_trans h₁ h₂)
protected theorem Nat.lt_of_lt_of_le {n m k : Nat} : n < m → m ≤ k → n < k := Nat.le_trans
protected theorem Nat.lt_trans {n m k : Nat} (h₁ : n < m) : m < k → n < k := Nat.le_trans (Nat.le_step h₁)
theorem Nat.le_succ (n : Nat) : n ≤ Nat.succ n := Nat.le.step Nat.le.refl
theorem Nat.le_succ_of_le {n m : Nat} (h : n ≤ m) : n ≤ Nat.succ m := Nat.le_trans h (Nat.le_succ m)
theorem Nat.succ_pos (n : Nat) : 0 < Nat.succ n := Nat.zero_lt_succ n
theorem Nat.pred_le_pred : {n m : Nat} → n ≤ m → Nat.pred n ≤ Nat.pred m
  | _, _, .refl => .refl
  | 0, .succ _, .step h => h
  | _ + 1, .succ _, .step h => Nat.le_trans (Nat.le_succ _) h
theorem Nat.le_of_succ_le_succ {n m : Nat} : Nat.succ n ≤ Nat.succ m → n ≤ m := Nat.pred_le_pred
theorem Nat.le_of_lt_succ {m n : Nat} : m < Nat.succ n → m ≤ n := Nat.le_of_succ_le_succ
theorem Nat.lt_succ_of_le {n m : Nat} : n ≤ m → n < Nat.succ m := Nat.succ_le_succ
theorem Nat.lt_succ_self (n : Nat) : n < Nat.succ n := Nat.lt_succ_of_le Nat.le.refl
-- Decidability of Nat and List: Lean's Init/Prelude.lean `Nat.decEq`, `Nat.decLe`, `Nat.decLt` and the
-- lemmas behind them (restatable: a corpus re-proving Lean core states them), `Max`/`Min` with
-- `Nat.max`/`Nat.min`, and `List.hasDecEq`
theorem Nat.eq_of_beq_eq_true : {n m : Nat} → Eq (Nat.beq n m) true → Eq n m
  | .zero, .zero, _ => rfl
  | .zero, .succ _, h => nomatch h
  | .succ _, .zero, h => nomatch h
  | .succ n, .succ m, h =>
    have : Eq (Nat.beq n m) true := h
    congrArg Nat.succ (Nat.eq_of_beq_eq_true this)
theorem Nat.ne_of_beq_eq_false : {n m : Nat} → Eq (Nat.beq n m) false → Not (Eq n m)
  | .zero, .zero, h₁, _ => nomatch h₁
  | .zero, .succ _, _, h₂ => Nat.noConfusion h₂
  | .succ _, .zero, _, h₂ => Nat.noConfusion h₂
  | .succ n, .succ m, h₁, h₂ =>
    have : Eq (Nat.beq n m) false := h₁
    Nat.noConfusion h₂ (fun h₂ => absurd h₂ (Nat.ne_of_beq_eq_false this))
def Nat.decEq (n m : Nat) : Decidable (Eq n m) :=
  Bool.casesOn (motive := fun b => Eq (Nat.beq n m) b → Decidable (Eq n m)) (Nat.beq n m)
    (fun h => isFalse (Nat.ne_of_beq_eq_false h)) (fun h => isTrue (Nat.eq_of_beq_eq_true h)) rfl
def instDecidableEqNat : DecidableEq Nat := Nat.decEq
attribute [instance] instDecidableEqNat
theorem Nat.le_of_ble_eq_true {n m : Nat} (h : Eq (Nat.ble n m) true) : LE.le n m :=
  Nat.rec (motive := fun n => ∀ m, Eq (Nat.ble n m) true → LE.le n m) (fun m _ => Nat.zero_le m)
    (fun n ih m => Nat.casesOn (motive := fun m => Eq (Nat.ble (Nat.succ n) m) true → LE.le (Nat.succ n) m) m
      (fun h => nomatch h) (fun m h => Nat.succ_le_succ (ih m h))) n m h
theorem Nat.ble_self_eq_true : (n : Nat) → Eq (Nat.ble n n) true
  | .zero => rfl
  | .succ n =>
    have : Eq (Nat.ble n n) true := Nat.ble_self_eq_true n
    this
theorem Nat.ble_succ_eq_true : {n m : Nat} → Eq (Nat.ble n m) true → Eq (Nat.ble n (Nat.succ m)) true
  | .zero, _, _ => rfl
  | .succ _, .zero, h => nomatch h
  | .succ n, .succ m, h =>
    have : Eq (Nat.ble n m) true := h
    have r : Eq (Nat.ble n (Nat.succ m)) true := Nat.ble_succ_eq_true this
    r
theorem Nat.ble_eq_true_of_le {n m : Nat} : LE.le n m → Eq (Nat.ble n m) true
  | .refl => Nat.ble_self_eq_true n
  | .step h => Nat.ble_succ_eq_true (Nat.ble_eq_true_of_le h)
theorem Nat.not_le_of_not_ble_eq_true {n m : Nat} (h : Not (Eq (Nat.ble n m) true)) : Not (LE.le n m) :=
  fun h' => absurd (Nat.ble_eq_true_of_le h') h
def Nat.decLe (n m : Nat) : Decidable (LE.le n m) :=
  dite (Eq (Nat.ble n m) true) (fun h => isTrue (Nat.le_of_ble_eq_true h)) (fun h => isFalse (Nat.not_le_of_not_ble_eq_true h))
def Nat.decLt (n m : Nat) : Decidable (LT.lt n m) := Nat.decLe (n + 1) m
attribute [instance] Nat.decLe Nat.decLt
class Max (α : Type u) where
  max : α → α → α
export Max (max)
class Min (α : Type u) where
  min : α → α → α
export Min (min)
protected def Nat.min (n m : Nat) : Nat := if n ≤ m then n else m
def instMinNat : Min Nat := ⟨Nat.min⟩
protected def Nat.max (n m : Nat) : Nat := if n ≤ m then m else n
def instMaxNat : Max Nat := ⟨Nat.max⟩
attribute [instance] instMinNat instMaxNat
def List.hasDecEq {α : Type u} [DecidableEq α] : (a b : List α) → Decidable (Eq a b) :=
  fun a => List.rec (motive := fun (a : List α) => (b : List α) → Decidable (Eq a b))
    (fun b => List.casesOn (motive := fun (b : List α) => Decidable (Eq ([] : List α) b)) b (isTrue rfl)
      (fun _ _ => isFalse (fun h => nomatch h)))
    (fun a as ih b => List.casesOn (motive := fun (b : List α) => Decidable (Eq (a :: as) b)) b
      (isFalse (fun h => nomatch h))
      (fun b bs => Decidable.casesOn (motive := fun _ => Decidable (Eq (a :: as) (b :: bs))) (decEq a b)
        (fun nab => isFalse (fun h => absurd (List.cons.inj h).1 nab))
        (fun hab => Decidable.casesOn (motive := fun _ => Decidable (Eq (a :: as) (b :: bs))) (ih bs)
          (fun nabs => isFalse (fun h => absurd (List.cons.inj h).2 nabs))
          (fun habs => isTrue (Eq.ndrec (motive := fun x => Eq (a :: as) (x :: bs)) (congrArg (List.cons a) habs) hab)))))
    a
def instDecidableEqList {α : Type u} [DecidableEq α] : DecidableEq (List α) := List.hasDecEq
attribute [instance] instDecidableEqList
protected theorem Nat.eq_or_lt_of_le : {n m : Nat} → n ≤ m → n = m ∨ n < m
  | .zero, .zero, _ => Or.inl rfl
  | .zero, .succ _, _ => Or.inr (Nat.succ_le_succ (Nat.zero_le _))
  | .succ _, .zero, h => absurd h (Nat.not_succ_le_zero _)
  | .succ n, .succ m, h =>
    have : n ≤ m := Nat.le_of_succ_le_succ h
    match Nat.eq_or_lt_of_le this with
    | Or.inl h => Or.inl (h ▸ rfl)
    | Or.inr h => Or.inr (Nat.succ_le_succ h)
protected theorem Nat.lt_or_ge (n m : Nat) : n < m ∨ n ≥ m :=
  match m with
  | .zero => Or.inr (Nat.zero_le n)
  | .succ m =>
    match Nat.lt_or_ge n m with
    | Or.inl h => Or.inl (Nat.le_succ_of_le h)
    | Or.inr h =>
      match Nat.eq_or_lt_of_le h with
      | Or.inl h1 => Or.inl (h1 ▸ Nat.lt_succ_self m)
      | Or.inr h1 => Or.inr h1
theorem Nat.not_succ_le_self (n : Nat) : ¬Nat.succ n ≤ n :=
  Nat.rec (motive := fun n => ¬Nat.succ n ≤ n) (Nat.not_succ_le_zero 0)
    (fun n ih h => ih (Nat.le_of_succ_le_succ h)) n
protected theorem Nat.lt_irrefl (n : Nat) : ¬n < n := Nat.not_succ_le_self n
protected theorem Nat.lt_of_le_of_lt {n m k : Nat} (h₁ : n ≤ m) : m < k → n < k :=
  Nat.le_trans (Nat.succ_le_succ h₁)
theorem Nat.pred_le : ∀ (n : Nat), Nat.pred n ≤ n
  | .zero => Nat.le.refl
  | .succ _ => Nat.le_succ _
theorem Nat.sub_le (n m : Nat) : n - m ≤ n :=
  Nat.rec (motive := fun m => n - m ≤ n) Nat.le.refl (fun m ih => Nat.le_trans (Nat.pred_le (n - m)) ih) m

-- Trans instances for Nat (Init/Data/Nat/Basic.lean): `calc` mixing `=`, `≤` and `<`
instance Nat.instTransLt : Trans (· < · : Nat → Nat → Prop) (· < · : Nat → Nat → Prop) (· < · : Nat → Nat → Prop) :=
  ⟨fun {_ _ _} => Nat.lt_trans⟩
instance Nat.instTransLe : Trans (· ≤ · : Nat → Nat → Prop) (· ≤ · : Nat → Nat → Prop) (· ≤ · : Nat → Nat → Prop) :=
  ⟨fun {_ _ _} => Nat.le_trans⟩
instance Nat.instTransLtLe : Trans (· < · : Nat → Nat → Prop) (· ≤ · : Nat → Nat → Prop) (· < · : Nat → Nat → Prop) :=
  ⟨fun {_ _ _} => Nat.lt_of_lt_of_le⟩
instance Nat.instTransLeLt : Trans (· ≤ · : Nat → Nat → Prop) (· < · : Nat → Nat → Prop) (· < · : Nat → Nat → Prop) :=
  ⟨fun {_ _ _} => Nat.lt_of_le_of_lt⟩

-- fid-logic: Lean's Init/Prelude.lean and Init/Core.lean declarations a file copied from Lean's logic
-- files uses (`hn.elim`, `cond`, `h.rec` on `HEq`, `toBoolUsing`, `Subsingleton`, …), with Lean's
-- names and statements. None is a theorem of datasets/stdlib.
def Function.const {α : Sort u} (β : Sort v) (a : α) : β → α := fun _ => a
def cond {α : Sort u} (c : Bool) (x y : α) : α := Bool.rec (motive := fun _ => α) y x c
def optParam (α : Sort u) (default : α) : Sort u := α
def Not.elim {a : Prop} {α : Sort u} (H1 : ¬a) (H2 : a) : α := absurd H2 H1
theorem Not.intro {a : Prop} (h : a → False) : ¬a := h
theorem Not.imp {a b : Prop} (H2 : ¬b) (H1 : a → b) : ¬a := mt H1 H2
def HEq.ndrec.{u1, u2} {α : Sort u2} {a : α} {motive : {β : Sort u2} → β → Sort u1} (m : @motive α a)
    {β : Sort u2} {b : β} (h : HEq a b) : @motive β b :=
  HEq.rec (motive := fun {β} b _ => @motive β b) m h
def HEq.ndrecOn.{u1, u2} {α : Sort u2} {a : α} {motive : {β : Sort u2} → β → Sort u1} {β : Sort u2} {b : β}
    (h : HEq a b) (m : @motive α a) : @motive β b :=
  HEq.rec (motive := fun {β} b _ => @motive β b) m h
def HEq.elim {α : Sort u} {a : α} {p : α → Sort v} {b : α} (h₁ : HEq a b) (h₂ : p a) : p b :=
  Eq.ndrec (motive := p) h₂ (eq_of_heq h₁)
theorem HEq.subst {α β : Sort u} {a : α} {b : β} {p : (T : Sort u) → T → Prop} (h₁ : HEq a b) (h₂ : p α a) : p β b :=
  HEq.ndrecOn (motive := fun {T} x => p T x) h₁ h₂
theorem HEq.symm {α β : Sort u} {a : α} {b : β} (h : HEq a b) : HEq b a :=
  HEq.rec (motive := fun {β} b _ => HEq b a) (HEq.refl a) h
theorem HEq.trans {α β φ : Sort u} {a : α} {b : β} {c : φ} (h₁ : HEq a b) (h₂ : HEq b c) : HEq a c :=
  HEq.subst (p := fun T x => HEq a x) h₂ h₁
theorem heq_of_heq_of_eq {α β : Sort u} {a : α} {b b' : β} (h₁ : HEq a b) (h₂ : b = b') : HEq a b' :=
  HEq.trans h₁ (heq_of_eq h₂)
theorem heq_of_eq_of_heq {α β : Sort u} {a a' : α} {b : β} (h₁ : a = a') (h₂ : HEq a' b) : HEq a b :=
  HEq.trans (heq_of_eq h₁) h₂
def type_eq_of_heq {α β : Sort u} {a : α} {b : β} (h : HEq a b) : α = β :=
  HEq.rec (motive := fun {β} _ _ => α = β) (Eq.refl α) h
theorem cast_heq {α β : Sort u} (h : α = β) (a : α) : HEq (cast h a) a :=
  Eq.rec (motive := fun β h => HEq (cast h a) a) (HEq.refl a) h
def toBoolUsing {p : Prop} (d : Decidable p) : Bool := @decide p d
theorem toBoolUsing_eq_true {p : Prop} (d : Decidable p) (h : p) : toBoolUsing d = true :=
  @decide_eq_true p d h
theorem ofBoolUsing_eq_true {p : Prop} {d : Decidable p} (h : toBoolUsing d = true) : p :=
  @of_decide_eq_true p d h
theorem ofBoolUsing_eq_false {p : Prop} {d : Decidable p} (h : toBoolUsing d = false) : ¬ p :=
  @of_decide_eq_false p d h
def decidable_of_decidable_of_iff {p q : Prop} [Decidable p] (h : p ↔ q) : Decidable q :=
  if hp : p then isTrue (Iff.mp h hp) else isFalse fun hq => absurd (Iff.mpr h hq) hp
def decidable_of_decidable_of_eq {p q : Prop} [hp : Decidable p] (h : p = q) : Decidable q :=
  Eq.ndrec (motive := fun x => Decidable x) hp h
theorem Decidable.of_not_not {p : Prop} [Decidable p] : ¬ ¬ p → p :=
  fun hnn => Decidable.byContradiction (fun hn => absurd hn hnn)
theorem beq_iff_eq {α : Type u} [BEq α] [LawfulBEq α] {a b : α} : a == b ↔ a = b :=
  ⟨eq_of_beq, fun h => Eq.ndrec (motive := fun x => (a == x) = true) LawfulBEq.rfl h⟩
class Subsingleton (α : Sort u) : Prop where
  intro :: allEq : (a b : α) → a = b
protected def Subsingleton.elim {α : Sort u} [h : Subsingleton α] : (a b : α) → a = b := h.allEq
structure Equivalence {α : Sort u} (r : α → α → Prop) : Prop where
  refl  : ∀ x, r x x
  symm  : ∀ {x y}, r x y → r y x
  trans : ∀ {x y z}, r x y → r y z → r x z

-- fid-nat: what Lean's Init/Prelude.lean states for Nat before the Nat files (issue 11): `flip`,
-- `Nat.pow` with `^` through Lean's `HPow`/`Pow`/`NatPow` classes and instances. (Its `Nat.le_antisymm`
-- and `Nat.lt_of_le_of_ne` are benchmark theorems of datasets/stdlib/Nat.lean, so they stay out.)
def flip {α : Sort u} {β : Sort v} {φ : Sort w} (f : α → β → φ) : β → α → φ :=
  fun b a => f a b
class HPow (α : Type u) (β : Type v) (γ : outParam (Type w)) where
  hPow : α → β → γ
class Pow (α : Type u) (β : Type v) where
  pow : α → β → α
class NatPow (α : Type u) where
  pow : α → Nat → α
def instHPow {α : Type u} {β : Type v} [Pow α β] : HPow α β α := ⟨fun a b => Pow.pow a b⟩
def instPowNat {α : Type u} [NatPow α] : Pow α Nat := ⟨fun a n => NatPow.pow a n⟩
protected def Nat.pow (m : Nat) : Nat → Nat
  | 0 => 1
  | Nat.succ n => Nat.mul (Nat.pow m n) m
def instNatPowNat : NatPow Nat := ⟨Nat.pow⟩
attribute [instance] instHPow instPowNat instNatPowNat

-- fid-core3: Lean's Init/Core.lean instance and lemmas a file copied from Lean's Bool/Option/Prod
-- files relies on: `Decidable (p → q)` (Lean's anonymous instance, named `instDecidableForall` by
-- `mkInstanceName`), `ne_of_beq_false`, `beq_false_of_ne`. None is a theorem of datasets/stdlib.
instance instDecidableForall {p q : Prop} [Decidable p] [Decidable q] : Decidable (p → q) :=
  if hp : p then
    if hq : q then isTrue (fun _ => hq)
    else isFalse (fun h => absurd (h hp) hq)
  else isTrue (fun h => absurd h hp)
theorem ne_of_beq_false {α : Type u} [BEq α] [LawfulBEq α] {a b : α} (h : (a == b) = false) : a ≠ b :=
  fun h' => Eq.ndrec (motive := fun c => Bool.rec (motive := fun _ => Prop) True False c) trivial
    (h.symm.trans (Eq.ndrec (motive := fun x => (a == x) = true) LawfulBEq.rfl h'))
theorem beq_false_of_ne {α : Type u} [BEq α] [LawfulBEq α] {a b : α} (h : a ≠ b) : (a == b) = false :=
  Bool.casesOn (motive := fun c => (a == b) = c → (a == b) = false) (a == b)
    (fun e => e) (fun e => absurd (eq_of_beq e) h) rfl
-- Init/Prelude.lean: the instance found for the expected class (`inferInstanceAs (Decidable (x → y))`)
abbrev inferInstance {α : Sort u} [i : α] : α := i
abbrev inferInstanceAs (α : Sort u) [i : α] : α := i
-- Init/Prelude.lean and Init/Core.lean's basic types, as Lean declares them (a file copied from
-- Lean's Core restates them; `Sum.noConfusion` and the like are generated)
inductive PUnit : Sort u where
  | unit : PUnit
inductive Sum (α : Type u) (β : Type v) where
  | inl (val : α) : Sum α β
  | inr (val : β) : Sum α β
inductive PSum (α : Sort u) (β : Sort v) where
  | inl (val : α) : PSum α β
  | inr (val : β) : PSum α β
structure Sigma {α : Type u} (β : α → Type v) where
  fst : α
  snd : β fst
structure PSigma {α : Sort u} (β : α → Sort v) where
  fst : α
  snd : β fst
inductive TC {α : Sort u} (r : α → α → Prop) : α → α → Prop where
  | base  : ∀ a b, r a b → TC r a b
  | trans : ∀ a b c, TC r a b → TC r b c → TC r a c
-- Core's `≈` (`HasEquiv`) and `Setoid`, with Lean's instance `instHasEquivOfSetoid`
class HasEquiv (α : Sort u) where
  Equiv : α → α → Sort v
class Setoid (α : Sort u) where
  r : α → α → Prop
  iseqv : Equivalence r
instance instHasEquivOfSetoid {α : Sort u} [Setoid α] : HasEquiv α := ⟨Setoid.r⟩
-- fid-core3: end

-- fid-nat3: division and modulo on Nat (`/`, `%`) as Lean's Init/Prelude.lean defines them, through fuel
-- (`Nat.div.go`, `Nat.modCore.go` are its `let rec`s, structural on the fuel), `Nat.mod` special-casing
-- `0 % m`, `Nat.mod_lt`, Lean's `Dvd` class (`∣`) with Nat's instance, and the equations
-- `Nat.div_eq`/`Nat.modCore_eq`/`Nat.mod_eq` of Init/Data/Nat/Div/Basic.lean (Lean's statements, our
-- proofs), and Lean's `inferInstance`/`inferInstanceAs`. `Nat.div` and `Nat.modCore` are then
-- irreducible for the elaborator, as in Lean (the kernel still unfolds them). None is a theorem of
-- datasets/stdlib. `Nat.strongRecOn` (Init/WF.lean, Lean's statement; Lean defines it by well-founded
-- recursion, here by `Nat.rec` on a bound, irreducible for the elaborator as Lean's), and Div/Basic.lean's
-- `Nat.div.inductionOn`/`Nat.mod.inductionOn` (Lean's statements; well-founded in Lean, here through
-- `Nat.strongRecOn`). The kernel computes `Nat.div`/`Nat.mod` on literals, as Lean's (checked against these
-- definitions by the loader). (`inferInstance`/`inferInstanceAs`: the fid-core3 block above has them.)
class Div (α : Type u) where
  div : α → α → α
class Mod (α : Type u) where
  mod : α → α → α
class HDiv (α : Type u) (β : Type v) (γ : outParam (Type w)) where
  hDiv : α → β → γ
class HMod (α : Type u) (β : Type v) (γ : outParam (Type w)) where
  hMod : α → β → γ
class Dvd (α : Type u) where
  dvd : α → α → Prop
def instHDiv {α : Type u} [Div α] : HDiv α α α := ⟨fun a b => Div.div a b⟩
def instHMod {α : Type u} [Mod α] : HMod α α α := ⟨fun a b => Mod.mod a b⟩
attribute [instance] instHDiv instHMod
def Nat.instDvdNat : Dvd Nat := ⟨fun a b => Exists (fun c => b = a * c)⟩
attribute [instance] Nat.instDvdNat
theorem Nat.div_rec_lemma {x y : Nat} : 0 < y ∧ y ≤ x → x - y < x :=
  match x, y with
  | 0, _ => fun ⟨ypos, ylex⟩ => absurd (Nat.lt_of_lt_of_le ypos ylex) (Nat.lt_irrefl 0)
  | _, 0 => fun ⟨ypos, _⟩ => absurd ypos (Nat.lt_irrefl 0)
  | Nat.succ x, Nat.succ y => fun _ =>
    have e : Nat.succ x - Nat.succ y = x - y :=
      Nat.rec (motive := fun y => Nat.succ x - Nat.succ y = x - y) rfl (fun _ ih => congrArg Nat.pred ih) y
    e.symm ▸ Nat.lt_succ_of_le (Nat.sub_le x y)
theorem Nat.div_rec_fuel_lemma {x y fuel : Nat} (hy : 0 < y) (hle : y ≤ x) (hfuel : x < fuel + 1) :
    x - y < fuel :=
  Nat.lt_of_lt_of_le (Nat.div_rec_lemma ⟨hy, hle⟩) (Nat.le_of_lt_succ hfuel)
protected def Nat.div.go (y : Nat) (hy : 0 < y) : (fuel : Nat) → (x : Nat) → x < fuel → Nat
  | 0, _, hfuel => absurd hfuel (Nat.not_lt_zero _)
  | Nat.succ fuel, x, hfuel =>
    dite (y ≤ x) (fun h => Nat.div.go y hy fuel (x - y) (Nat.div_rec_fuel_lemma hy h hfuel) + 1) (fun _ => 0)
protected def Nat.div (x y : Nat) : Nat :=
  dite (0 < y) (fun hy => _root_.Nat.div.go y hy (Nat.succ x) x (Nat.lt_succ_self _)) (fun _ => 0)
def Nat.instDiv : Div Nat := ⟨Nat.div⟩
attribute [instance] Nat.instDiv
protected def Nat.modCore.go (y : Nat) (hy : 0 < y) : (fuel : Nat) → (x : Nat) → x < fuel → Nat
  | 0, _, hfuel => absurd hfuel (Nat.not_lt_zero _)
  | Nat.succ fuel, x, hfuel =>
    dite (y ≤ x) (fun h => Nat.modCore.go y hy fuel (x - y) (Nat.div_rec_fuel_lemma hy h hfuel)) (fun _ => x)
protected def Nat.modCore (x y : Nat) : Nat :=
  dite (0 < y) (fun hy => _root_.Nat.modCore.go y hy (Nat.succ x) x (Nat.lt_succ_self _)) (fun _ => x)
theorem Nat.modCoreGo_lt {y : Nat} (hy : 0 < y) : ∀ (fuel x : Nat) (hfuel : x < fuel),
    Nat.modCore.go y hy fuel x hfuel < y
  | 0, _, hfuel => absurd hfuel (Nat.not_lt_zero _)
  | Nat.succ fuel, x, hfuel => by
    show dite (y ≤ x) (fun h => Nat.modCore.go y hy fuel (x - y) (Nat.div_rec_fuel_lemma hy h hfuel)) (fun _ => x) < y
    exact if h : y ≤ x then by rw [dif_pos h]; exact Nat.modCoreGo_lt hy fuel (x - y) _
      else by rw [dif_neg h]; exact (Nat.lt_or_ge x y).resolve_right h
theorem Nat.modCore_lt {x y : Nat} (hy : 0 < y) : Nat.modCore x y < y := by
  show dite (0 < y) (fun hy => Nat.modCore.go y hy (Nat.succ x) x (Nat.lt_succ_self _)) (fun _ => x) < y
  rw [dif_pos hy]
  exact Nat.modCoreGo_lt hy _ x _
protected def Nat.mod : Nat → Nat → Nat
  | 0, _ => 0
  | Nat.succ n, m => ite (m ≤ Nat.succ n) (Nat.modCore (Nat.succ n) m) (Nat.succ n)
def Nat.instMod : Mod Nat := ⟨Nat.mod⟩
attribute [instance] Nat.instMod
theorem Nat.mod_lt : (x : Nat) → {y : Nat} → 0 < y → x % y < y
  | 0, _, hy => hy
  | Nat.succ n, m, hm => by
    show ite (m ≤ Nat.succ n) (Nat.modCore (Nat.succ n) m) (Nat.succ n) < m
    exact if h : m ≤ Nat.succ n then by rw [if_pos h]; exact Nat.modCore_lt hm
      else by rw [if_neg h]; exact (Nat.lt_or_ge _ _).resolve_right h
theorem Nat.div.go.fuel_congr (y : Nat) (hy : 0 < y) (fuel1 : Nat) : ∀ (fuel2 x : Nat) (h1 : x < fuel1)
    (h2 : x < fuel2), Nat.div.go y hy fuel1 x h1 = Nat.div.go y hy fuel2 x h2 := by
  induction fuel1 with
  | zero => intro _ _ h1; exact absurd h1 (Nat.not_lt_zero _)
  | succ f1 ih =>
    intro fuel2 x h1 h2
    cases fuel2 with
    | zero => exact absurd h2 (Nat.not_lt_zero _)
    | succ f2 =>
      show dite (y ≤ x) (fun h => Nat.div.go y hy f1 (x - y) (Nat.div_rec_fuel_lemma hy h h1) + 1) (fun _ => 0)
        = dite (y ≤ x) (fun h => Nat.div.go y hy f2 (x - y) (Nat.div_rec_fuel_lemma hy h h2) + 1) (fun _ => 0)
      exact if h : y ≤ x then by
          rw [dif_pos h, dif_pos h]
          exact congrArg (· + 1) (ih f2 (x - y) _ _)
        else by rw [dif_neg h, dif_neg h]
theorem Nat.modCore.go.fuel_congr (y : Nat) (hy : 0 < y) (fuel1 : Nat) : ∀ (fuel2 x : Nat) (h1 : x < fuel1)
    (h2 : x < fuel2), Nat.modCore.go y hy fuel1 x h1 = Nat.modCore.go y hy fuel2 x h2 := by
  induction fuel1 with
  | zero => intro _ _ h1; exact absurd h1 (Nat.not_lt_zero _)
  | succ f1 ih =>
    intro fuel2 x h1 h2
    cases fuel2 with
    | zero => exact absurd h2 (Nat.not_lt_zero _)
    | succ f2 =>
      show dite (y ≤ x) (fun h => Nat.modCore.go y hy f1 (x - y) (Nat.div_rec_fuel_lemma hy h h1)) (fun _ => x)
        = dite (y ≤ x) (fun h => Nat.modCore.go y hy f2 (x - y) (Nat.div_rec_fuel_lemma hy h h2)) (fun _ => x)
      exact if h : y ≤ x then by
          rw [dif_pos h, dif_pos h]
          exact ih f2 (x - y) _ _
        else by rw [dif_neg h, dif_neg h]
theorem Nat.div_eq (x y : Nat) : x / y = if 0 < y ∧ y ≤ x then (x - y) / y + 1 else 0 := by
  show dite (0 < y) (fun hy => Nat.div.go y hy (Nat.succ x) x (Nat.lt_succ_self _)) (fun _ => 0) = _
  exact if hy : 0 < y then by
      rw [dif_pos hy]
      show dite (y ≤ x) (fun h => Nat.div.go y hy x (x - y) (Nat.div_rec_fuel_lemma hy h (Nat.lt_succ_self x)) + 1)
        (fun _ => 0) = _
      exact if h : y ≤ x then by
          rw [dif_pos h, if_pos (show 0 < y ∧ y ≤ x from ⟨hy, h⟩)]
          show _ = dite (0 < y) (fun hy => Nat.div.go y hy (Nat.succ (x - y)) (x - y) (Nat.lt_succ_self _))
            (fun _ => 0) + 1
          rw [dif_pos hy]
          exact congrArg (· + 1) (Nat.div.go.fuel_congr y hy x _ (x - y) _ _)
        else by rw [dif_neg h, if_neg (show ¬(0 < y ∧ y ≤ x) from fun ⟨_, h'⟩ => h h')]
    else by rw [dif_neg hy, if_neg (show ¬(0 < y ∧ y ≤ x) from fun ⟨h', _⟩ => hy h')]
protected theorem Nat.modCore_eq (x y : Nat) : Nat.modCore x y =
    if 0 < y ∧ y ≤ x then Nat.modCore (x - y) y else x := by
  show dite (0 < y) (fun hy => Nat.modCore.go y hy (Nat.succ x) x (Nat.lt_succ_self _)) (fun _ => x) = _
  exact if hy : 0 < y then by
      rw [dif_pos hy]
      show dite (y ≤ x) (fun h => Nat.modCore.go y hy x (x - y) (Nat.div_rec_fuel_lemma hy h (Nat.lt_succ_self x)))
        (fun _ => x) = _
      exact if h : y ≤ x then by
          rw [dif_pos h, if_pos (show 0 < y ∧ y ≤ x from ⟨hy, h⟩)]
          show _ = dite (0 < y) (fun hy => Nat.modCore.go y hy (Nat.succ (x - y)) (x - y) (Nat.lt_succ_self _))
            (fun _ => x - y)
          rw [dif_pos hy]
          exact Nat.modCore.go.fuel_congr y hy x _ (x - y) _ _
        else by rw [dif_neg h, if_neg (show ¬(0 < y ∧ y ≤ x) from fun ⟨_, h'⟩ => h h')]
    else by rw [dif_neg hy, if_neg (show ¬(0 < y ∧ y ≤ x) from fun ⟨h', _⟩ => hy h')]
protected theorem Nat.modCore_eq_mod (n m : Nat) : Nat.modCore n m = n % m :=
  match n with
  | 0 => (Nat.modCore_eq 0 m).trans
      (if_neg fun ⟨hlt, hle⟩ => Nat.lt_irrefl _ (Nat.lt_of_lt_of_le hlt hle))
  | Nat.succ n => by
    show _ = ite (m ≤ Nat.succ n) (Nat.modCore (Nat.succ n) m) (Nat.succ n)
    exact if h : m ≤ Nat.succ n then (if_pos h).symm
      else by rw [if_neg h, Nat.modCore_eq]; exact if_neg fun ⟨_, hle⟩ => h hle
theorem Nat.mod_eq (x y : Nat) : x % y = if 0 < y ∧ y ≤ x then (x - y) % y else x := by
  rw [← Nat.modCore_eq_mod, ← Nat.modCore_eq_mod, Nat.modCore_eq]
protected def Nat.strongRecOn {motive : Nat → Sort u} (n : Nat)
    (ind : ∀ n, (∀ m, m < n → motive m) → motive n) : motive n :=
  Nat.rec (motive := fun k => ∀ m, m < k → motive m)
    (fun _ h => absurd h (Nat.not_lt_zero _))
    (fun _ ih m h => ind m (fun j hj => ih j (Nat.lt_of_lt_of_le hj (Nat.le_of_lt_succ h))))
    (Nat.succ n) n (Nat.lt_succ_self n)
def Nat.div.inductionOn.{u} {motive : Nat → Nat → Sort u} (x y : Nat)
    (ind : ∀ x y, 0 < y ∧ y ≤ x → motive (x - y) y → motive x y)
    (base : ∀ x y, ¬(0 < y ∧ y ≤ x) → motive x y) : motive x y :=
  Nat.strongRecOn (motive := fun x => motive x y) x (fun x ih =>
    if h : 0 < y ∧ y ≤ x then ind x y h (ih (x - y) (Nat.div_rec_lemma h)) else base x y h)
def Nat.mod.inductionOn.{u} {motive : Nat → Nat → Sort u} (x y : Nat)
    (ind : ∀ x y, 0 < y ∧ y ≤ x → motive (x - y) y → motive x y)
    (base : ∀ x y, ¬(0 < y ∧ y ≤ x) → motive x y) : motive x y :=
  Nat.div.inductionOn x y ind base
--! irreducible Nat.div Nat.modCore Nat.strongRecOn Nat.div.inductionOn
--! nat_extension Nat.succ Nat.add Nat.mul Nat.sub Nat.beq Nat.ble Nat.div Nat.mod
-- fid-nat3: end
