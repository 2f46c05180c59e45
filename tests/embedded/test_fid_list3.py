"""Issue 11 (List files, third round): the checker reads more of Lean core's List proofs as Lean
writes them.

One test per feature, through the real embedded checker: valid Lean accepted, a false twin
rejected. Adversarial variants are in `soundness_cases.py` (the `fid_list3_` entries).
"""
from __future__ import annotations

from pathlib import Path

from lean_bridge.embedded.checker import check_source

from embedded_support import assert_accepted, assert_rejected, deadline


# -- `match` on an indexed family whose indices are not variables (Lean's `cases` in the matcher) -----

def test_match_on_membership_of_a_literal_list() -> None:
    assert_accepted("""
        theorem s {a b : α} : a ∈ [b] → a = b
          | .head .. => rfl
        theorem c {p : α → Prop} {a : α} {l : List α} (h₁ : p a) (h₂ : ∀ x, x ∈ l → p x) :
            ∀ x, x ∈ a :: l → p x :=
          fun _ => fun | .head .. => h₁ | .tail _ h => h₂ _ h
        theorem t {a b : α} (h : a ∈ [b]) : a = b := by
          match h with
          | .head .. => rfl
    """, "s", "c", "t")
    assert_rejected("""
        theorem bad {a b c : α} : a ∈ [b, c] → a = b
          | .head .. => rfl
    """, "bad", "missing cases")
    assert_rejected("""
        theorem bad {a b : α} {l : List α} : a ∈ b :: l → a = b
          | .head .. => rfl
          | .tail _ _ => rfl
    """, "bad")


def test_match_on_equation_with_a_constructor_side() -> None:
    assert_accepted("""
        theorem z (f : Nat → Nat) (i : Nat) (h : i = 0) : f i = f 0 := match h with | rfl => rfl
        theorem n : ∀ (l : List Nat), l = [] → l.length = 0
          | _, rfl => rfl
    """, "z", "n")
    assert_rejected("theorem bad (i : Nat) (h : i = 0) : i = 1 := match h with | rfl => rfl", "bad")
    assert_rejected("""
        theorem bad : ∀ (l : List Nat), l = [] → l.length = 1
          | _, rfl => rfl
    """, "bad")


def test_match_on_non_variable_index_under_structural_recursion() -> None:
    assert_accepted("""
        theorem r : ∀ {l : List α} {n : Nat} {a b : α}, a ∈ l.set n b → a ∈ l ∨ a = b
          | _ :: _, 0, _, _, .head .. => .inr rfl
          | _ :: _, 0, _, _, .tail _ h => .inl (.tail _ h)
          | _ :: _, _+1, _, _, .head .. => .inl (.head ..)
          | _ :: _, _+1, _, _, .tail _ h => (r h).imp_left (.tail _)
    """, "r")
    assert_rejected("""
        theorem bad : ∀ {l : List α} {n : Nat} {a b : α}, a ∈ l.set n b → a ∈ l
          | _ :: _, 0, _, _, .head .. => .head _
          | _ :: _, 0, _, _, .tail _ h => .tail _ h
          | _ :: _, _+1, _, _, .head .. => .head ..
          | _ :: _, _+1, _, _, .tail _ h => .tail _ (bad h)
    """, "bad")


# -- `nomatch`/`nofun` as Lean's matcher with no alternatives; `contradiction`'s empty-type search ------

def test_nofun_splits_non_recursive_discriminants() -> None:
    assert_accepted("""
        theorem n1 (p : α → Prop) : ¬ (∃ x, ∃ _ : x ∈ @List.nil α, p x) := nofun
        theorem n2 (h : (∃ n : Nat, n + 1 = 0) ∨ False) : False := nomatch h
        theorem n3 (_ : 0 < List.length l) : l ≠ [] := fun _ => nomatch l
    """, "n1", "n2", "n3")
    assert_rejected("theorem bad (p : α → Prop) : ¬ (∃ x, ∃ _ : x ∈ [x], p x) := nofun", "bad", "missing cases")
    assert_rejected("theorem bad (b : Bool) : False := nomatch b", "bad", "missing cases")
    assert_rejected("theorem bad (f : False) (l : List Nat) : l ≠ [] := fun _ => nomatch l", "bad", "missing cases")


def test_contradiction_searches_fields_for_empty_types() -> None:
    assert_accepted("""
        theorem c1 {n : Nat} (h : n + 2 ≤ 1) : False := by contradiction
        theorem c2 {n : Nat} (h : n + 2 ≤ 1) : False := nomatch h
    """, "c1", "c2")
    assert_rejected("theorem bad {n : Nat} (h : n + 1 ≤ 1) : False := by contradiction", "bad", "contradiction")


# -- Lean's Prelude theorems on Bool under their root names ----------------------------------------

def test_prelude_bool_ne_theorems() -> None:
    assert_accepted("""
        theorem f {p : α → Bool} {a : α} {l : List α} (pa : ¬ p a) : List.filter p (a :: l) = List.filter p l := by
          rw [List.filter, eq_false_of_ne_true pa]
        theorem g {b : Bool} (h : b = false) : b ≠ true := ne_true_of_eq_false h
        theorem eq_true_of_ne_false : {b : Bool} → Not (Eq b false) → Eq b true
          | true, _ => rfl
          | false, h => False.elim (h rfl)
    """, "f", "g", "eq_true_of_ne_false")
    assert_rejected("theorem bad (b : Bool) (h : ¬ b = false) : b = false := eq_false_of_ne_true h", "bad")
    assert_rejected("theorem eq_false_of_ne_true : {b : Bool} → b = false := sorry", "eq_false_of_ne_true",
                    "already been declared")


# -- auto-bound `l` in `l.head?`; field notation on a still-unknown type waits for the other arguments --

def test_dotted_auto_bound_and_postponed_field() -> None:
    assert_accepted("""
        theorem h1 : l.head? = none ↔ l = [] := by
          cases l with
          | nil => exact ⟨fun _ => rfl, fun _ => rfl⟩
          | cons a l => exact ⟨nofun, nofun⟩
    """, "h1")
    assert_rejected("""
        theorem bad : l.head?.isSome = true ↔ l = [] := by
          cases l with
          | nil => exact ⟨nofun, fun _ => rfl⟩
          | cons a l => exact ⟨nofun, nofun⟩
    """, "bad")
    assert_rejected("theorem bad : List.foo = 1 := rfl", "bad", "Unknown identifier")


# -- structural recursion through `simp [f (l := l)]` (the lemma's holes abstracted, then applied) ----

def test_recursion_through_simp_argument_with_holes() -> None:
    assert_accepted("""
        theorem lm : ∀ {l : List α} {f : α → β}, (l.map f).length = l.length
          | [], _ => rfl
          | _ :: l, f => by simp [List.map, List.length, lm (l := l)]
    """, "lm")
    assert_rejected("""
        theorem bad : ∀ {l : List Nat} {f : Nat → Nat}, (l.map f).length = l.length
          | [], _ => rfl
          | a :: l, f => by simp only [bad (l := a :: l)]
    """, "bad", "fail to show termination")


# -- the field-notation receiver fixes the types first; Lean's `optionCoe` (`α` where `Option α` is expected)

def test_receiver_first_then_option_coercion() -> None:
    assert_accepted("""
        theorem hc {a : α} (l : List α) : (l ++ [a]).head? = l.head?.getD a := by
          cases l <;> rfl
        theorem sc (n : Nat) : (n : Option Nat) = some n := rfl
    """, "hc", "sc")
    assert_rejected("""
        theorem bad {a : α} (l : List α) : (l ++ [a]).head? = l.head? := by
          cases l <;> rfl
    """, "bad")
    assert_rejected("theorem bad (n : Nat) : (n : Option Nat) = none := rfl", "bad")


# -- Init/Data/List/Basic.lean: `head`, `tail?`, `tailD`, `decidableBEx`/`decidableBAll` ----------------

def test_list_basic_head_taild_and_bounded_quantifier_instances() -> None:
    assert_accepted("""
        theorem x1 : [1, 2].head (fun h => nomatch h) = 1 := rfl
        theorem x2 : decide (∃ x, x ∈ [1, 2, 3] ∧ x = 2) = true := rfl
        theorem x3 : decide (∀ x, x ∈ [1, 2, 3] → x = 2) = false := rfl
        theorem x4 : [1, 2].tailD [] = [2] ∧ ([] : List Nat).tail? = none := ⟨rfl, rfl⟩
    """, "x1", "x2", "x3", "x4")
    assert_rejected("theorem bad : decide (∃ x, x ∈ [1, 2, 3] ∧ x = 4) = true := rfl", "bad")
    assert_rejected("theorem bad : [1, 2].tailD [3] = [3] := rfl", "bad")


# -- term-level `let ⟨…⟩ := e; b` / `have ⟨…⟩ := e; b` (Lean's `match e with | ⟨…⟩ => b`) --------------

def test_pattern_let_and_have_in_terms() -> None:
    assert_accepted("""
        theorem l1 {p q : Nat → Prop} (h : ∃ x, p x ∧ q x) : ∃ x, q x := let ⟨x, _, hq⟩ := h; ⟨x, hq⟩
        theorem l2 {p q : Nat → Prop} (h : ∃ x, p x ∧ q x) : ∃ x, p x := have ⟨x, hp, _⟩ := h; ⟨x, hp⟩
    """, "l1", "l2")
    assert_rejected("theorem bad (h : ∃ x : Nat, x = 1) : ∃ x : Nat, x = 2 := let ⟨x, hx⟩ := h; ⟨x, hx⟩", "bad")


# -- match alternatives at a column left of the first one belong to an enclosing match (`many1Indent`) -----

def test_nested_alternatives_by_column() -> None:
    assert_accepted("""
        def t3 {α : Type u} (p : α → Prop) (x : α) (xs : List α) (d : Decidable (∀ x, x ∈ xs → p x))
            (h₁ : p x) : Decidable (∀ y, y ∈ x :: xs → p y) :=
          match d with
          | isTrue h₂ => isTrue fun
            | y, .tail _ h => h₂ y h
            | _, .head .. => h₁
          | isFalse h₂ => isFalse fun H => h₂ fun y hm => H y (.tail _ hm)
    """, "t3")
    assert_rejected("""
        theorem bad (b : Bool) : b = true :=
          match b with
          | true => (fun
              | 0 => rfl
              | _ + 1 => rfl : ∀ n : Nat, true = true) 0
          | false => rfl
    """, "bad")


# -- the measure: a Lean-core-style file using these features --------------------------------------

def test_lean_core_list3_file_is_accepted() -> None:
    text = (Path(__file__).parent / "data" / "lean_core_list3.lean").read_text(encoding="utf-8")
    with deadline(300):
        results = check_source(text, filename="lean_core_list3.lean")
    assert len(results) >= 9
    rejected = [f"{r.name}: {r.message}" for r in results if not r.ok]
    assert not rejected, "; ".join(rejected)[:3000]


# -- rcases: more alternatives than constructors go to the last one (Lean's `processConstructors`) -----

def test_rcases_alternatives_split_a_right_nested_or() -> None:
    assert_accepted("""
        theorem r (a b c : Prop) (h : a ∨ b ∨ c) : c ∨ b ∨ a := by
          rcases h with ha | hb | hc
          · exact Or.inr (Or.inr ha)
          · exact Or.inr (Or.inl hb)
          · exact Or.inl hc
        theorem i (a b c : Prop) : a ∨ b ∨ c → c ∨ b ∨ a := by
          rintro (ha | hb | hc)
          · exact Or.inr (Or.inr ha)
          · exact Or.inr (Or.inl hb)
          · exact Or.inl hc
        theorem o (a b c d : Prop) (h : a ∨ b ∨ c ∨ d) : d ∨ c ∨ b ∨ a := by
          obtain ha | hb | hc | hd := h
          · exact Or.inr (Or.inr (Or.inr ha))
          · exact Or.inr (Or.inr (Or.inl hb))
          · exact Or.inr (Or.inl hc)
          · exact Or.inl hd
    """, "r", "i", "o")
    assert_rejected("""
        theorem bad (a b c : Prop) (h : a ∨ b ∨ c) : c ∨ b := by
          rcases h with ha | hb | hc
          · exact Or.inr ha
          · exact Or.inr hb
          · exact Or.inl hc
    """, "bad")
