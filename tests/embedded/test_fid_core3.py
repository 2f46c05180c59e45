"""Issue 11 (fid-core3): the checker reads Lean core's Init/Core.lean as Lean writes it: restated
classes/structures, anonymous instances (Lean's `mkInstanceName`), structure instances `{ … }` and
`where`, nested `fun` alternatives, `recOn`, Prop-valued core `def`s. One test per cause, each with a
false twin; adversarial variants are the `fid_core3_` cases of `soundness_cases.py`.
"""
from __future__ import annotations

from pathlib import Path


from embedded_support import assert_accepted, assert_file_accepted, assert_rejected

DATA = Path(__file__).parent / "data" / "lean_core_core3.lean"


def test_lean_core_core3_accepted_fully() -> None:
    assert_file_accepted(DATA, 18)


# -- a library class/structure/inductive restated as Lean core declares it ------------------------------

def test_library_types_restatable() -> None:
    assert_accepted("""
        class Subsingleton (α : Sort u) : Prop where
          intro :: allEq : (a b : α) → a = b
        inductive Or (a b : Prop) : Prop where
          | inl (h : a) : Or a b
          | inr (h : b) : Or a b
        theorem t : Subsingleton True := ⟨fun _ _ => rfl⟩
    """, "Subsingleton", "Or", "t")


def test_library_type_restatement_false_twins() -> None:
    assert_rejected("""
        class Subsingleton (α : Sort u) : Prop where
          intro :: allEq : (a b : α) → a ≠ b
    """, "Subsingleton", "already been declared")
    assert_rejected("""
        structure Subsingleton (α : Sort u) : Prop where
          intro :: allEq : (a b : α) → a = b
    """, "Subsingleton", "already been declared")
    assert_rejected("""
        inductive Or (a b : Prop) : Prop where
          | inl (h : a) : Or a b
          | inr (h : a) : Or a b
    """, "Or", "already been declared")


# -- anonymous instances get Lean's generated names --------------------------------------------------

def test_anonymous_instance_names() -> None:
    assert_accepted("""
        structure Box (α : Type u) where
          val : α
        instance [BEq α] : BEq (Box α) where  -- Lean: `instBEqBox` (the binder class is already named)
          beq a b := a.val == b.val
        instance (p : Prop) : Subsingleton (Decidable p) :=
          ⟨fun a b => by cases a <;> cases b <;> first | rfl | contradiction⟩
        instance : Decidable True := isTrue trivial
        theorem t1 : @instBEqBox Nat _ = ⟨fun a b => a.val == b.val⟩ := rfl
        theorem t2 (d e : Decidable False) : d = e := (instSubsingletonDecidable False).allEq d e
        theorem t3 : instDecidableTrue_1 = isTrue trivial := rfl
    """, "instBEqBox", "instSubsingletonDecidable", "instDecidableTrue_1", "t1", "t2", "t3")


def test_anonymous_instance_false_twins() -> None:
    assert_rejected("instance : Decidable False := isTrue trivial", "instDecidableFalse_1")
    assert_rejected("""
        instance : Decidable True := isTrue trivial
        theorem bad : instDecidableTrue_1 = isFalse (fun h => h) := rfl
    """, "bad")


# -- structure instances and `where` ------------------------------------------------------------------

def test_structure_instance_notation() -> None:
    assert_accepted("""
        theorem e1 {α : Sort u} : Equivalence (@Eq α) := {
          refl := fun _ => rfl
          symm := fun h => h.symm
          trans := fun h₁ h₂ => h₁.trans h₂
        }
        theorem e2 : Equivalence Iff where
          refl := Iff.refl
          symm h := h.symm
          trans h₁ h₂ := h₁.trans h₂
        def p : Nat × Nat := { fst := 1, snd := 2 }
        theorem t : ({ p with snd := 3 } : Nat × Nat) = (1, 3) := rfl
    """, "e1", "e2", "p", "t")


def test_structure_instance_false_twins() -> None:
    assert_rejected("def p : Nat × Nat := { fst := 1 }", "p", "fields missing")
    assert_rejected("def p : Nat × Nat := { fst := 1, snd := 2, thd := 3 }", "p", "not a field")
    assert_rejected("""
        def p : Nat × Nat := { fst := 1, snd := 2 }
        theorem bad : ({ p with snd := 3 } : Nat × Nat) = (1, 2) := rfl
    """, "bad")


# -- nested `fun` alternatives end at a column left of their first `|` ---------------------------------

def test_nested_fun_alternatives() -> None:
    assert_accepted("""
        theorem t (p : Prop) : ∀ (a b : Decidable p), a = b := fun
            | isTrue h₁ => fun
              | isTrue _   => rfl
              | isFalse h₂ => absurd h₁ h₂
            | isFalse h₁ => fun
              | isTrue h₂  => absurd h₂ h₁
              | isFalse _  => rfl
    """, "t")


# -- `recOn` and Prop-valued `def`s under Lean core's names -------------------------------------------

def test_rec_on_and_core_proof_defs() -> None:
    assert_accepted("""
        theorem t (n : Nat) : 0 + n = n := Nat.recOn (motive := fun n => 0 + n = n) n rfl
          (fun _ ih => congrArg Nat.succ ih)
        namespace Subtype
        def existsOfSubtype {α : Type u} {p : α → Prop} : { x // p x } → Exists (fun x => p x)
          | ⟨a, h⟩ => ⟨a, h⟩
        end Subtype
    """, "t", "Subtype.existsOfSubtype")


def test_rec_on_and_core_def_false_twins() -> None:
    assert_rejected("theorem bad (n : Nat) : n = 0 := Nat.recOn (motive := fun n => n = 0) n rfl (fun _ ih => ih)",
                    "bad")
    assert_rejected("def emptyRelation {α : Sort u} (_ _ : α) : Prop := True", "emptyRelation", "already been declared")
    assert_rejected("def Subsingleton.helim (n : Nat) : Nat := n", "Subsingleton.helim", "already been declared")


# -- `noConfusion` for every inductive type; `Decidable (p → q)`; `inferInstanceAs`; `.` as `·` ------

def test_no_confusion_generated() -> None:
    assert_accepted("""
        inductive T where
          | a (n : Nat) | b
        theorem t1 (h : T.a 1 = T.b) : False := T.noConfusion h
        theorem t2 (n m : Nat) (h : T.a n = T.a m) : n = m := T.noConfusion h id
        theorem t3 : false ≠ true := Bool.noConfusion
        theorem t4 {α : Type u} {p : α → Prop} {a b : Subtype p} (h : a = b) : a.val = b.val :=
          Subtype.noConfusion h id
    """, "T", "t1", "t2", "t3", "t4")


def test_no_confusion_false_twins() -> None:
    assert_rejected("""
        inductive T where
          | a (n : Nat) | b
        theorem bad (h : T.a 1 = T.a 1) : False := T.noConfusion h (fun e => Nat.noConfusion e)
    """, "bad")
    assert_rejected("theorem bad : true ≠ true := Bool.noConfusion", "bad")


def test_decidable_implication_and_instance_order() -> None:
    assert_accepted("""
        theorem t1 : (1 : Nat) = 2 → (1 : Nat) = 3 := by decide
        theorem t2 : (inferInstance : Decidable ¬((1 : Nat) = 2)) = instDecidableNot := rfl
        theorem t3 : (inferInstanceAs (Decidable ((1 : Nat) ≠ 2))) = instDecidableNot := rfl
        theorem t4 (a b : Bool) : (!(a == b)) = ¬(a = b) := by simp
        def rel : Nat → Nat → Prop := (. ≤ .)
        theorem t5 : rel 1 2 := by decide
    """, "t1", "t2", "t3", "t4", "rel", "t5")


def test_decidable_implication_false_twin() -> None:
    assert_rejected("theorem bad : (1 : Nat) = 1 → (1 : Nat) = 3 := by decide", "bad", "decide")


# -- `@[elabAsElim]` ----------------------------------------------------------------------------------

def test_elab_as_elim() -> None:
    assert_accepted("""
        theorem myind {motive : Nat → Prop} (n : Nat) (z : motive 0) (s : ∀ n, motive n → motive (n+1)) : motive n :=
          Nat.rec z s n
        attribute [elab_as_elim] myind
        theorem t (n : Nat) : 0 + n = n := myind n rfl (fun _ ih => congrArg Nat.succ ih)
    """, "myind", "t")


def test_elab_as_elim_false_twins() -> None:
    assert_rejected("@[elab_as_elim] theorem bad (n : Nat) (h : n = 0) : n + 0 = 0 := h", "bad", "eliminator")
    assert_rejected("""
        @[elab_as_elim] theorem myind {motive : Nat → Prop} (n : Nat) (z : motive 0)
            (s : ∀ n, motive n → motive (n+1)) : motive n := Nat.rec z s n
        theorem bad (n : Nat) : n + 1 = n := myind n rfl (fun _ ih => congrArg Nat.succ ih)
    """, "bad")


# -- a structure's universe covers its fields'; `≈` -------------------------------------------------------

def test_structure_universe_from_fields_and_equiv() -> None:
    assert_accepted("""
        structure TypeBox where
          carrier : Type
          point : carrier
        def natBox : TypeBox := ⟨Nat, 0⟩
        def natSetoid : Setoid Nat := ⟨Eq, ⟨fun _ => rfl, fun h => h.symm, fun h₁ h₂ => h₁.trans h₂⟩⟩
        theorem t (a : Nat) : @HasEquiv.Equiv Nat (@instHasEquivOfSetoid Nat natSetoid) a a := rfl
    """, "TypeBox", "natBox", "t")


def test_structure_universe_false_twins() -> None:
    assert_rejected("""
        structure TypeBox : Type where
          carrier : Type
    """, "TypeBox", "universe")
    assert_rejected("""
        def natSetoid : Setoid Nat := ⟨Eq, ⟨fun _ => rfl, fun h => h.symm, fun h₁ h₂ => h₁.trans h₂⟩⟩
        theorem bad (a : Nat) : @HasEquiv.Equiv Nat (@instHasEquivOfSetoid Nat natSetoid) a (a + 1) := rfl
    """, "bad")


def test_extern_attribute_no_effect() -> None:
    assert_accepted("""
        @[extern c inline "#1 || #2"] def strictOr (b₁ b₂ : Bool) := b₁ || b₂
        @[extern "my_succ"] def f (n : Nat) : Nat := n + 1
        theorem t : f 1 = 2 := rfl
        theorem t2 : strictOr false true = true := rfl
    """, "strictOr", "f", "t", "t2")
    assert_rejected("""
        @[extern "my_succ"] def f (n : Nat) : Nat := n + 1
        theorem bad : f 1 = 1 := rfl
    """, "bad")


def test_anonymous_instance_names_of_binders_and_namespace() -> None:
    assert_accepted("""
        structure Box (α : Type u) where
          val : α
        namespace Box
        instance [DecidableEq α] : BEq (Box α) where
          beq a b := decide (a.val = b.val)
        end Box
        instance : Subsingleton PUnit := ⟨fun a b => by cases a; cases b; rfl⟩
        instance {p q : Prop} [Subsingleton p] : Subsingleton (p ∧ q) := ⟨fun _ _ => rfl⟩
        theorem t1 : (@Box.instBEqOfDecidableEq Nat _).beq ⟨1⟩ ⟨1⟩ = true := rfl
        theorem t2 (a b : PUnit) : a = b := instSubsingletonPUnit.allEq a b
        theorem t3 (p q : Prop) (h₁ h₂ : p ∧ q) : h₁ = h₂ := (@instSubsingletonAnd p q ⟨fun _ _ => rfl⟩).allEq h₁ h₂
    """, "Box.instBEqOfDecidableEq", "instSubsingletonPUnit", "instSubsingletonAnd", "t1", "t2", "t3")
