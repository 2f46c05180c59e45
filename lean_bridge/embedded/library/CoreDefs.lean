/-
  Lean core's own definitions a file may restate, as Lean states them (src/Init/Prelude.lean and
  src/Init/Data/List/Basic.lean of leanprover/lean4; attributes such as `@[specialize]` dropped).
  They are NOT loaded from here. A file may restate one of these names (a corpus re-deriving Lean
  core in order), and the checker accepts the restatement only when its type and value are
  definitionally equal to Lean core's: to the definition here when the prelude lacks the name, to
  the prelude's own (the same text, in `Prelude.lean`) when it has it (`List.foldl`, `List.filter`,
  …). A core name never gets another meaning. Every other name in `lean_core_names.txt` (and every
  other prelude name) is refused outright.
-/
universe u v w

protected def Nat.pow (m : Nat) : Nat → Nat
  | 0 => 1
  | Nat.succ n => Nat.mul (Nat.pow m n) m

def List.foldl {α : Type u} {β : Type v} (f : α → β → α) : (init : α) → List β → α
  | a, List.nil => a
  | a, List.cons b l => List.foldl f (f a b) l

def List.concat {α : Type u} : List α → α → List α
  | List.nil, b => List.cons b List.nil
  | List.cons a as, b => List.cons a (List.concat as b)

def List.set {α : Type u} : (l : List α) → (n : Nat) → (a : α) → List α
  | List.cons _ as, 0, b => List.cons b as
  | List.cons a as, Nat.succ n, b => List.cons a (List.set as n b)
  | List.nil, _, _ => List.nil

def List.flatten {α : Type u} : List (List α) → List α
  | List.nil => List.nil
  | List.cons l L => List.append l (List.flatten L)

def List.flatMap {α : Type u} {β : Type v} (b : α → List β) (as : List α) : List β :=
  List.flatten (List.map b as)

def List.filter {α : Type u} (p : α → Bool) : (l : List α) → List α
  | [] => []
  | a::as => match p a with
    | true => a :: List.filter p as
    | false => List.filter p as

def List.foldr {α : Type u} {β : Type v} (f : α → β → β) (init : β) : (l : List α) → β
  | [] => init
  | a :: l => f a (List.foldr f init l)

def List.replicate {α : Type u} : (n : Nat) → (a : α) → List α
  | 0, _ => []
  | n+1, a => a :: List.replicate n a

def List.tail {α : Type u} : List α → List α
  | [] => []
  | _::as => as

def List.isEmpty {α : Type u} : List α → Bool
  | [] => true
  | _ :: _ => false

def List.take {α : Type u} : (n : Nat) → (xs : List α) → List α
  | 0, _ => []
  | _+1, [] => []
  | n+1, a::as => a :: List.take n as

def List.drop {α : Type u} : (n : Nat) → (xs : List α) → List α
  | 0, as => as
  | _+1, [] => []
  | n+1, _::as => List.drop n as

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

def List.headD {α : Type u} : (as : List α) → (fallback : α) → α
  | [], fallback => fallback
  | a::_, _ => a

def List.head? {α : Type u} : List α → Option α
  | [] => none
  | a::_ => some a

def List.head {α : Type u} : (as : List α) → as ≠ [] → α
  | a::_, _ => a

def List.tail? {α : Type u} : List α → Option (List α)
  | [] => none
  | _::as => some as

def List.tailD {α : Type u} (list fallback : List α) : List α :=
  match list with
  | [] => fallback
  | _ :: tl => tl

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

-- fid-logic: Init/Prelude.lean and Init/Core.lean definitions the prelude also has (its fid-logic block)
def Function.const {α : Sort u} (β : Sort v) (a : α) : β → α := fun _ => a

def cond {α : Sort u} (c : Bool) (x y : α) : α :=
  match c with
  | true  => x
  | false => y

def optParam (α : Sort u) (default : α) : Sort u := α

def implies (a b : Prop) := a → b

def HEq.ndrec.{u1, u2} {α : Sort u2} {a : α} {motive : {β : Sort u2} → β → Sort u1} (m : motive a) {β : Sort u2} {b : β} (h : HEq a b) : motive b :=
  h.rec m

def HEq.ndrecOn.{u1, u2} {α : Sort u2} {a : α} {motive : {β : Sort u2} → β → Sort u1} {β : Sort u2} {b : β} (h : HEq a b) (m : motive a) : motive b :=
  h.rec m

def HEq.elim {α : Sort u} {a : α} {p : α → Sort v} {b : α} (h₁ : HEq a b) (h₂ : p a) : p b :=
  eq_of_heq h₁ ▸ h₂

def type_eq_of_heq {α β : Sort u} {a : α} {b : β} (h : HEq a b) : α = β :=
  h.rec (Eq.refl α)

def toBoolUsing {p : Prop} (d : Decidable p) : Bool :=
  decide p (h := d)

def decidable_of_decidable_of_iff {p q : Prop} [Decidable p] (h : p ↔ q) : Decidable q :=
  if hp : p then
    isTrue (Iff.mp h hp)
  else
    isFalse fun hq => absurd (Iff.mpr h hq) hp

def decidable_of_decidable_of_eq {p q : Prop} [hp : Decidable p] (h : p = q) : Decidable q :=
  h ▸ hp

protected def Subsingleton.elim {α : Sort u} [h : Subsingleton α] : (a b : α) → a = b :=
  h.allEq

-- fid-nat: src/Init/Data/Nat/Basic.lean
def Nat.blt (a b : Nat) : Bool :=
  Nat.ble a.succ b

-- fid-core3: src/Init/Core.lean's relations and function equivalence
def inline {α : Sort u} (a : α) : α := a

def emptyRelation {α : Sort u} (_ _ : α) : Prop :=
  False

def Subrelation {α : Sort u} (q r : α → α → Prop) :=
  ∀ {x y}, q x y → r x y

def InvImage {α : Sort u} {β : Sort v} (r : β → β → Prop) (f : α → β) : α → α → Prop :=
  fun a₁ a₂ => r (f a₁) (f a₂)

protected def Function.Equiv {α : Sort u} {β : α → Sort v} (f₁ f₂ : ∀ (x : α), β x) : Prop := ∀ x, f₁ x = f₂ x

def Prod.map {α₁ : Type u₁} {α₂ : Type u₂} {β₁ : Type v₁} {β₂ : Type v₂}
    (f : α₁ → α₂) (g : β₁ → β₂) : α₁ × β₁ → α₂ × β₂
  | (a, b) => (f a, g b)

protected abbrev Quot.liftOn {α : Sort u} {β : Sort v} {r : α → α → Prop} (q : Quot r) (f : α → β) (c : (a b : α) → r a b → f a = f b) : β :=
  Quot.lift f c q

def strictOr  (b₁ b₂ : Bool) := b₁ || b₂
def strictAnd (b₁ b₂ : Bool) := b₁ && b₂
