"""Decidability as Lean 4 has it: `class inductive Decidable`, the `decide` tactic, `if … then …
else` (`ite`/`dite`), `BEq` (`==`, `!=`), the Bool/Prop coercions, and Lean core's lemmas about
them. Each test checks a small file with the embedded checker (valid Lean accepted, a false twin
rejected); adversarial variants are in `soundness_cases.py` (the "decidability" section).
"""
from __future__ import annotations

from pathlib import Path

from lean_bridge.embedded.checker import check_source

from embedded_support import assert_accepted, assert_rejected, deadline, verdicts


# -- class inductive and instance resolution ------------------------------------------------------

def test_class_inductive_declares_a_class() -> None:
    assert_accepted("""
        class inductive Truthy (p : Prop) : Prop
          | yes (h : p)
          | trivially (h : True)
        def truthyTrue : Truthy True := Truthy.yes trivial
        attribute [instance] truthyTrue
        def get (p : Prop) [t : Truthy p] : Truthy p := t
        example : Truthy True := get True
    """)


def test_decidable_instances_for_the_connectives() -> None:
    assert_accepted("""
        example : Decidable (2 ≤ 3 ∧ (¬ 4 = 5 ∨ False)) := inferInstance'
    """.replace("inferInstance'", "instDecidableAnd"))
    assert_accepted("""
        example (p q : Prop) [Decidable p] [Decidable q] : Decidable (p ↔ q) := instDecidableIff
        example (p : Prop) [Decidable p] : p ∨ ¬p := Decidable.em p
        example (p : Prop) [Decidable p] (h : ¬¬p) : p := Decidable.byContradiction h
        example (p : Prop) [Decidable p] (q : Nat) : Nat := Decidable.byCases (fun (_ : p) => q) (fun _ => 0)
    """)


def test_local_decidable_eq_instance_is_a_family() -> None:
    """`[DecidableEq α]` solves `Decidable (a = b)`; `DecidableEq α` itself is solved by introducing `a b`."""
    assert_accepted("""
        example {α : Type} [DecidableEq α] (a b : α) : Bool := decide (a = b)
        example {α : Type} [DecidableEq α] (a b : α) : Bool := a == b
        example : DecidableEq Nat := fun a b => decEq a b
        example {α : Type} [DecidableEq α] (a : α) : (a == a) = true := of_decide_eq_self_eq_true a
    """)


def test_implicit_decidable_binder_is_a_local_instance() -> None:
    """As in Lean, any local of a class type is a local instance (`if_pos {h : Decidable c}`)."""
    assert_accepted("""
        example {c : Prop} {h : Decidable c} (a b : Nat) (hc : c) : ite c a b = a := if_pos hc
    """)


# -- the decide tactic --------------------------------------------------------------------------

def test_decide_closes_closed_decidable_goals() -> None:
    assert_accepted("""
        example : 2 + 2 = 4 := by decide
        example : 10 < 20 ∧ 3 ≠ 4 := by decide
        example : ¬(5 ≤ 2) ∨ False := by decide
        example : (2 = 2) ↔ (3 = 3) := by decide
        example : (true && !false) = true := by decide
        example : 1000 * 1000 ≤ 1000001 := by decide
        theorem three_lt_five : 3 < 5 := by trivial
    """)


def test_decide_false_proposition_message() -> None:
    assert_rejected("theorem bad : 2 + 2 = 5 := by decide", "bad",
                    "Tactic `decide` proved that the proposition 2 + 2 = 5 is false")


def test_decide_free_variables_message() -> None:
    assert_rejected("theorem bad (n : Nat) : n = n := by decide", "bad",
                    "Expected type must not contain free variables n = n Hint: Use the `+revert` option")


def test_decide_without_instance() -> None:
    assert_rejected("theorem bad : ∀ n : Nat, n = n := by decide", "bad", "failed to synthesize")


def test_decide_stuck_instance_message() -> None:
    assert_rejected("""
        opaque secret : Nat := 3
        theorem bad : secret = 3 := by decide
    """, "bad", "did not reduce to `isTrue` or `isFalse`")


def test_decide_proof_is_of_decide_eq_true() -> None:
    """The proof term is Lean's, and the kernel re-checks it (a term-mode copy is accepted too)."""
    assert_accepted("""
        theorem t : 7 ≤ 9 := of_decide_eq_true (Eq.refl true)
        theorem u : 7 ≤ 9 := by decide
    """)


# -- if then else --------------------------------------------------------------------------------

def test_ite_and_dite_compute() -> None:
    assert_accepted("""
        def clamp (n : Nat) : Nat := if n ≤ 10 then n else 10
        example : clamp 3 = 3 := rfl
        example : clamp 30 = 10 := rfl
        def pred' (n : Nat) : Nat := if h : n = 0 then 0 else n - 1
        example : pred' 5 = 4 := rfl
        example : (if h : 2 = 3 then 0 else 1) = 1 := rfl
    """)


def test_if_pos_if_neg_dif_pos_dif_neg() -> None:
    assert_accepted("""
        example (n : Nat) (h : n ≤ 10) : (if n ≤ 10 then n else 10) = n := if_pos h
        example (n : Nat) (h : ¬ n ≤ 10) : (if n ≤ 10 then n else 10) = 10 := if_neg h
        example (c : Prop) [Decidable c] (t : c → Nat) (e : ¬c → Nat) (hc : c) : dite c t e = t hc := dif_pos hc
        example (c : Prop) [Decidable c] (t : c → Nat) (e : ¬c → Nat) (hc : ¬c) : dite c t e = e hc := dif_neg hc
        example (a b : Nat) : (if a = b then a else b) = b := by
          by_cases h : a = b
          · rw [if_pos h]; exact h
          · rw [if_neg h]
    """)
    assert_rejected("""
        theorem bad (n : Nat) (h : n ≤ 10) : (if n ≤ 10 then n else 10) = 10 := if_pos h
    """, "bad", "mismatch")


def test_ite_prints_as_lean_does() -> None:
    assert_rejected("theorem bad : (if 2 = 3 then 0 else 1) = 0 := rfl", "bad", "(if 2 = 3 then 0 else 1) = 0")
    assert_rejected("theorem bad : (2 == 3) = true := rfl", "bad", "(2 == 3) = true")
    assert_rejected("theorem bad : decide (2 = 3) = true := rfl", "bad", "decide (2 = 3) = true")


# -- BEq and the coercions ------------------------------------------------------------------------

def test_beq_bne_notation() -> None:
    assert_accepted("""
        example : (3 == 3) = true := rfl
        example : (3 != 4) = true := rfl
        example (a b : Bool) : (a != b) = !(a == b) := rfl
        example (a b : Nat) (h : (a == b) = true) : a = b := LawfulBEq.eq_of_beq h
        example (a : Nat) : (a == a) = true := LawfulBEq.rfl
    """)


def test_bool_as_prop_and_prop_as_bool() -> None:
    """Lean's coercions: a Bool where a Prop is expected is `b = true`; a decidable Prop where a Bool
    is expected is `decide p`."""
    assert_accepted("""
        example (a b : Nat) : a == b → a = b := fun h => eq_of_beq h
        example : (true : Bool) := rfl
        example : (true && (2 = 2)) = true := rfl
    """)
    assert_rejected("theorem bad : (false : Bool) := rfl", "bad", "mismatch")


def test_assumption_brackets() -> None:
    assert_accepted("""
        example (p : Prop) (h : p) : p := ‹p›
        example {c : Prop} {_ : Decidable c} (a : Nat) : (if c then a else a) = a := by
          cases ‹Decidable c› <;> rfl
    """)


def test_explicit_hole_for_an_instance_is_resolved() -> None:
    assert_accepted("example : 2 ≤ 3 := @of_decide_eq_true (2 ≤ 3) _ rfl")


# -- the Nat lemmas behind the instances: restatable, as the corpus re-proves them -------------------

def test_nat_decidability_lemmas_restatable() -> None:
    assert_accepted("""
        theorem Nat.le_of_ble_eq_true {n m : Nat} (h : Nat.ble n m = true) : n ≤ m := by
          induction n generalizing m with
          | zero => exact Nat.zero_le m
          | succ n ih =>
            cases m with
            | zero => cases h
            | succ m => exact Nat.succ_le_succ (ih h)
    """, "Nat.le_of_ble_eq_true")
    assert_rejected("""
        theorem Nat.le_of_ble_eq_true {n m : Nat} (h : Nat.ble n m = true) : m ≤ n := sorry
    """, "Nat.le_of_ble_eq_true", "already been declared")


# -- the measure: Lean core's decidability theorems in Lean core's style ------------------------------

def test_lean_core_decidable_accepted() -> None:
    text = (Path(__file__).parent / "data" / "lean_core_decidable.lean").read_text(encoding="utf-8")
    with deadline(300):
        results = check_source(text, filename="lean_core_decidable.lean")
    accepted = sum(r.ok for r in results)
    assert len(results) >= 50
    assert accepted >= DECIDABLE_FLOOR, f"{accepted}/{len(results)} accepted, floor {DECIDABLE_FLOOR}: " + \
        "; ".join(f"{r.name}: {r.message}" for r in results if not r.ok)[:3000]


DECIDABLE_FLOOR = 61  # of 61; 14 before decidability


def test_verdicts_helper_sees_decide_messages() -> None:
    got = verdicts("theorem bad : 1 = 2 := by decide")
    assert got["bad"][0] is False


def test_max_min_on_nat() -> None:
    assert_accepted("""
        example : max 3 5 = 5 := rfl
        example : min 3 5 = 3 := by decide
        example (n m : Nat) : max n m = if n ≤ m then m else n := rfl
        example (n m : Nat) : min n m = if n ≤ m then n else m := rfl
    """)
    assert_rejected("theorem bad : max 3 5 = 3 := rfl", "bad", "max 3 5 = 3")


# -- split ------------------------------------------------------------------------------------------

def test_split_on_if() -> None:
    assert_accepted("""
        example (x : Nat) : (if x = 0 then 1 else x + 1) > 0 := by
          split
          · decide
          · exact Nat.succ_pos x
        example (a b : Nat) : (if h : a ≤ b then b else a) ≥ a := by
          split
          case isTrue h => exact h
          case isFalse h => exact Nat.le_refl a
        example (x : Nat) : (if x = 0 then (if x = 0 then 1 else 2) else 3) = (if x = 0 then 1 else 3) := by
          split <;> rfl
    """)


def test_split_branches_are_what_they_are() -> None:
    assert_rejected("""
        theorem bad (a b : Nat) : (if a ≤ b then b else a) = a := by
          split
          · rfl
          · rfl
    """, "bad", "h✝ : a ≤ b ⊢ b = a")
    assert_rejected("theorem bad (x : Nat) : x = x + 0 := by split", "bad", "'split' tactic failed")


def test_decidable_eq_list() -> None:
    assert_accepted("""
        example : [1, 2] ++ [3] = [1, 2, 3] := by decide
        example : [1, 2] ≠ [2, 1] := by decide
        example : ([1, 2] == [1, 2]) = true := rfl
    """)
    assert_rejected("theorem bad : [1, 2] = [1, 3] := by decide", "bad", "is false")


def test_simp_reduces_decided_ifs() -> None:
    """Lean's `↓reduceIte`: an `if` whose condition simp rewrites to `True`/`False` becomes its branch."""
    assert_accepted("""
        example (c : Prop) [Decidable c] (h : c) (a b : Nat) : (if c then a else b) = a := by simp [h]
        example (c : Prop) [Decidable c] (h : ¬c) (a b : Nat) : (if c then a else b) = b := by simp [h]
        example (n : Nat) : (if h : n = n then 1 else 2) = 1 := by simp
        example : (if 0 = 1 then 1 else 2) = 2 := by simp
    """)
    assert_rejected("""
        theorem bad (c : Prop) [Decidable c] (h : c) (a b : Nat) : (if c then a else b) = b := by simp [h]
    """, "bad", "a = b")
