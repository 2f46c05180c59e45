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

theorem implies.trans {p q r : Prop} (h₁ : p → q) (h₂ : q → r) : p → r := fun hp => h₂ (h₁ hp)

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
