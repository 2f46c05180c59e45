/-
  Lean core's Init/Core.lean as Lean writes it: restated classes and structures, anonymous
  instances under Lean's generated names, `{ … }`/`where` structure instances, nested `fun`
  alternatives, `recOn`, core definitions restated as Lean's own. Names and statements are Lean's;
  the proofs are written by this project in Lean core's style (not copied). Every declaration must
  be accepted (tests/embedded/test_fid_core3.py).
-/
universe u v

-- a class and a structure restated as the library (Lean core) declares them
class Subsingleton (α : Sort u) : Prop where
  intro :: allEq : (a b : α) → a = b

structure Equivalence {α : Sort u} (r : α → α → Prop) : Prop where
  refl  : ∀ x, r x x
  symm  : ∀ {x y}, r x y → r y x
  trans : ∀ {x y z}, r x y → r y z → r x z

protected def Subsingleton.helim {α β : Sort u} [h₁ : Subsingleton α] (h₂ : α = β) (a : α) (b : β) : HEq a b := by
  subst h₂
  exact heq_of_eq (h₁.allEq a b)

-- anonymous instances: Lean names them `instSubsingleton…`
instance (p : Prop) : Subsingleton p := ⟨fun _ _ => rfl⟩

instance (p : Prop) : Subsingleton (Decidable p) :=
  Subsingleton.intro fun
    | isTrue hp => fun
      | isTrue _   => rfl
      | isFalse hn => absurd hp hn
    | isFalse hn => fun
      | isTrue hp  => absurd hp hn
      | isFalse _  => rfl

instance {α : Sort u} {β : α → Sort v} [∀ a, Subsingleton (β a)] : Subsingleton (∀ a, β a) where
  allEq f g := funext fun a => Subsingleton.elim (f a) (g a)

theorem decidable_subsingleton_by_name (p : Prop) (d₁ d₂ : Decidable p) : d₁ = d₂ :=
  (instSubsingletonDecidable p).allEq d₁ d₂

theorem prop_subsingleton_by_name {p : Prop} (h₁ h₂ : p) : h₁ = h₂ :=
  (instSubsingleton p).allEq h₁ h₂

theorem fun_subsingleton {α : Sort u} (f g : α → True) : f = g :=
  Subsingleton.elim f g

-- Core.lean's relations, restated as Lean core's definitions
def emptyRelation {α : Sort u} (_ _ : α) : Prop :=
  False

def InvImage {α : Sort u} {β : Sort v} (r : β → β → Prop) (f : α → β) : α → α → Prop :=
  fun a₁ a₂ => r (f a₁) (f a₂)

namespace Function
variable {α : Sort u} {β : α → Sort v}

protected def Equiv (f₁ f₂ : ∀ (x : α), β x) : Prop := ∀ x, f₁ x = f₂ x

protected theorem Equiv.refl (f : ∀ (x : α), β x) : Function.Equiv f f := fun _ => rfl

protected theorem Equiv.isEquivalence (α : Sort u) (β : α → Sort v) : Equivalence (@Function.Equiv α β) := {
  refl := Equiv.refl
  symm := fun h x => (h x).symm
  trans := fun h₁ h₂ x => (h₁ x).trans (h₂ x)
}

end Function

theorem equivalence_eq {α : Sort u} : Equivalence (@Eq α) where
  refl _ := rfl
  symm h := h.symm
  trans h₁ h₂ := h₁.trans h₂

theorem equivalence_iff : Equivalence Iff :=
  { equivalence_eq with refl := Iff.refl, symm := Iff.symm, trans := Iff.trans }

-- `recOn`: the recursor, major premise first
theorem eqRec_heq' {α : Sort u} {φ : α → Sort v} {a a' : α} : (h : a = a') → (p : φ a) →
    HEq (Eq.recOn (motive := fun x _ => φ x) h p) p
  | rfl, p => HEq.refl p

theorem Nat.add_zero' (n : Nat) : n + 0 = n :=
  Nat.recOn (motive := fun n => n + 0 = n) n rfl (fun _ _ => rfl)

-- Init/Data/Bool.lean's way: anonymous `Decidable` instances over `Bool`, then `decide`
namespace Bool

instance (p : Bool → Prop) [inst : DecidablePred p] : Decidable (∀ x, p x) :=
  match inst false, inst true with
  | isTrue hf, isTrue ht => isTrue fun | false => hf | true => ht
  | isFalse hf, _ => isFalse fun h => hf (h false)
  | _, isFalse ht => isFalse fun h => ht (h true)

instance : LE Bool := ⟨(. → .)⟩

instance (x y : Bool) : Decidable (x ≤ y) := inferInstanceAs (Decidable (x → y))

theorem false_ne_true : false ≠ true := Bool.noConfusion

theorem or_and_comm : ∀ (x y : Bool), (x || y) = (y || x) := by decide

theorem implies_refl : ∀ (x : Bool), x ≤ x := by decide

protected theorem le_trans : ∀ {x y z : Bool}, x ≤ y → y ≤ z → x ≤ z := by decide

theorem beq_false_ne {α : Type u} [BEq α] [LawfulBEq α] {a b : α} (h : (a == b) = false) : a ≠ b :=
  ne_of_beq_false h

end Bool

-- `noConfusion`, as Lean generates it for every inductive type (proof fields have no equation)
theorem Prod.fst_eq_of_eq {α β : Type u} {a c : α} {b d : β} (h : (a, b) = (c, d)) : a = c :=
  Prod.noConfusion h fun h₁ _ => h₁

theorem Subtype.val_eq_of_eq {α : Type u} {p : α → Prop} {a b : Subtype p} (h : a = b) : a.val = b.val :=
  Subtype.noConfusion h id

theorem Option.some_ne_none' {α : Type u} (a : α) : some a ≠ none := fun h => Option.noConfusion h

-- Core's basic types, restated as Lean declares them; a universe-polymorphic type refers to itself
-- at its own universe
inductive PUnit : Sort u where
  | unit : PUnit

inductive Sum (α : Type u) (β : Type v) where
  | inl (val : α) : Sum α β
  | inr (val : β) : Sum α β

inductive TC {α : Sort u} (r : α → α → Prop) : α → α → Prop where
  | base  : ∀ a b, r a b → TC r a b
  | trans : ∀ a b c, TC r a b → TC r b c → TC r a c

inductive Token : Sort u where
  | tok : Token

theorem Token.eq (a b : Token) : a = b := by
  cases a; cases b; rfl

theorem PUnit.subsingleton (a b : PUnit) : a = b := by
  cases a; cases b; exact rfl

instance {α : Type u} {β : Type v} [DecidableEq α] [DecidableEq β] : DecidableEq (Sum α β) := fun a b =>
  match a, b with
  | .inl a, .inl b => if h : a = b then isTrue (congrArg Sum.inl h) else isFalse fun e => Sum.noConfusion e h
  | .inr a, .inr b => if h : a = b then isTrue (congrArg Sum.inr h) else isFalse fun e => Sum.noConfusion e h
  | .inl _, .inr _ => isFalse fun e => Sum.noConfusion e
  | .inr _, .inl _ => isFalse fun e => Sum.noConfusion e

theorem sum_ne : (Sum.inl 1 : Sum Nat Bool) ≠ Sum.inl 2 := by decide

def Prod.map {α₁ : Type u₁} {α₂ : Type u₂} {β₁ : Type v₁} {β₂ : Type v₂}
    (f : α₁ → α₂) (g : β₁ → β₂) : α₁ × β₁ → α₂ × β₂
  | (a, b) => (f a, g b)

theorem ex_of_PSigma {α : Type u} {p : α → Prop} : (PSigma (fun x => p x)) → Exists (fun x => p x)
  | ⟨x, hx⟩ => ⟨x, hx⟩

-- `@[elabAsElim]`: the motive comes from the expected type, the targets abstracted
namespace Quot

@[elabAsElim]
protected theorem inductionOn' {α : Sort u} {r : α → α → Prop} {motive : Quot r → Prop}
    (q : Quot r) (h : (a : α) → motive (Quot.mk r a)) : motive q :=
  Quot.ind h q

theorem exists_rep' {α : Sort u} {r : α → α → Prop} (q : Quot r) : Exists (fun a => (Quot.mk r a) = q) :=
  q.inductionOn' (fun a => ⟨a, rfl⟩)

end Quot

-- `≈` and `Setoid`, restated as Lean's Core declares them; a field's own universe
class HasEquiv (α : Sort u) where
  Equiv : α → α → Sort v

class Setoid (α : Sort u) where
  r : α → α → Prop
  iseqv : Equivalence r

namespace Setoid

variable {α : Sort u} [Setoid α]

theorem refl' (a : α) : a ≈ a := iseqv.refl a

theorem symm' {a b : α} (hab : a ≈ b) : b ≈ a := iseqv.symm hab

end Setoid

structure TypeBox where
  carrier : Type
  point : carrier

-- a `fun` whose body is `⟨…⟩` waits for its codomain (PropLemmas' `Decidable.not_forall`)
theorem not_forall_of_not_imp {α : Sort u} {p : α → Prop} [∀ x, Decidable (p x)] [Decidable (∃ x, ¬p x)]
    (h : ¬∀ x, p x) : ∃ x, ¬p x :=
  Decidable.byContradiction fun nx => h fun x => Decidable.byContradiction fun hx => nx ⟨x, hx⟩

theorem Decidable.not_imp_symm' {a b : Prop} [Decidable a] (h : ¬a → b) (hb : ¬b) : a :=
  Decidable.byContradiction fun na => hb (h na)

theorem forall_of_not_exists_not {α : Sort u} {p : α → Prop} [∀ x, Decidable (p x)]
    (nx : ¬∃ x, ¬p x) : ∀ x, p x :=
  fun x => Decidable.not_imp_symm' (fun h => ⟨x, h⟩) nx

-- an eliminator on a target that is no variable: the motive abstracts it from the expected type
abbrev enumConfusionType {α : Sort u} {β : Sort v} [inst : DecidableEq β] (f : α → β) (P : Sort w) (x y : α) : Sort w :=
  (inst (f x) (f y)).casesOn
    (fun _ => P)
    (fun _ => P → P)

def predOrFive (n : Nat) : Nat := (n + 1).casesOn 5 (fun k => k)

theorem predOrFive_eq (n : Nat) : predOrFive n = n := rfl
