"""Issue 11 (fid-logic): the checker reads Lean core's logic files (Init/Core.lean, SimpLemmas.lean,
PropLemmas.lean, Classical.lean) as Lean writes them. One test per cause, each with a false twin;
adversarial variants are the `fid_logic_` cases of `soundness_cases.py`.
"""
from __future__ import annotations

from pathlib import Path


from embedded_support import assert_accepted, assert_file_accepted, assert_rejected

DATA = Path(__file__).parent / "data" / "lean_core_logic2.lean"


def test_lean_core_logic2_accepted_fully() -> None:
    assert_file_accepted(DATA, 30)


# -- every library theorem Lean core declares may be restated, with its statement -----------------

def test_library_core_theorems_restatable() -> None:
    assert_accepted("""
        theorem Iff.refl (a : Prop) : a ↔ a := ⟨id, id⟩
        theorem and_true (p : Prop) : (p ∧ True) = p := propext ⟨(·.1), (⟨·, trivial⟩)⟩
        theorem if_neg {c : Prop} {h : Decidable c} (hnc : ¬c) {α : Sort u} {t e : α} : (ite c t e) = e :=
          match h with
          | isTrue hc   => absurd hc hnc
          | isFalse _   => rfl
    """, "Iff.refl", "and_true", "if_neg")


def test_library_core_theorem_restatement_false_twins() -> None:
    assert_rejected("theorem and_true (p : Prop) : (p ∧ True) = True := propext ⟨fun _ => trivial, fun _ => sorry⟩",
                    "and_true", "already been declared")
    assert_rejected("theorem and_true (p : Prop) : (p ∧ True) = p := and_true p", "and_true")


# -- Core's definitions restated as Lean's own, compiler-only attributes without effect -------------

def test_core_definitions_restated_with_inline() -> None:
    assert_accepted("""
        @[inline] def toBoolUsing {p : Prop} (d : Decidable p) : Bool := decide p (h := d)
        @[macroInline] def cond {α : Sort u} (c : Bool) (x y : α) : α :=
          match c with
          | true  => x
          | false => y
        theorem t : cond true 1 2 = 1 := rfl
    """, "toBoolUsing", "cond", "t")


def test_core_definition_restatement_false_twin() -> None:
    assert_rejected("""
        @[macroInline] def cond {α : Sort u} (c : Bool) (x y : α) : α :=
          match c with
          | true  => y
          | false => x
    """, "cond", "already been declared")
    assert_rejected("theorem bad : cond true 1 2 = 2 := rfl", "bad", "mismatch")


def test_unknown_attribute_still_refused() -> None:
    assert_rejected("@[grind] theorem t (p : Prop) (h : p) : p := h", "t", "not supported")  # fid-core3: elab_as_elim is implemented


# -- `¬a` by dot notation: `hn.elim` is Lean's `Not.elim` ---------------------------------------------

def test_not_elim_dot_notation() -> None:
    assert_accepted("""
        theorem t1 {a b : Prop} (hb : ¬b) : a ∨ b → a := fun h => h.elim id hb.elim
        theorem t2 {p : Prop} {q : p → Prop} (hn : ¬p) : ∀ h' : p, q h' := fun h => hn.elim h
    """, "t1", "t2")


def test_not_elim_false_twin() -> None:
    assert_rejected("theorem bad {a b : Prop} (hb : ¬b) : a ∨ b → b := fun h => h.elim hb.elim id", "bad")


# -- a class projection by dot notation on the instance (`h.allEq`) ------------------------------------

def test_class_projection_dot_notation() -> None:
    assert_accepted("""
        theorem t {α : Sort u} [h : Subsingleton α] (a b : α) : a = b := h.allEq a b
    """, "t")


def test_class_projection_false_twin() -> None:
    assert_rejected("theorem bad {α : Sort u} [h : Subsingleton α] (a b : α) : a ≠ b := h.allEq a b", "bad")


# -- `simp only` closes `p ↔ p` and `a = a` (Lean's simpOnlyBuiltins) -----------------------------------

def test_simp_only_closes_iff_self() -> None:
    assert_accepted("""
        theorem or_imp' {a b c : Prop} : (a ∨ b → c) ↔ (a → c) ∧ (b → c) :=
          ⟨fun h => ⟨h ∘ .inl, h ∘ .inr⟩, fun ⟨ha, hb⟩ => Or.rec ha hb⟩
        theorem t {a b c : Prop} : (a ∨ b → c) ↔ (a → c) ∧ (b → c) := by simp only [or_imp']
        theorem t2 {α : Sort u} {p : α → Prop} : (∀ (x : α), p x) ↔ ∀ (y : α), p y := by simp only []
    """, "t", "t2")


def test_simp_only_iff_false_twin() -> None:
    assert_rejected("""
        theorem or_imp' {a b c : Prop} : (a ∨ b → c) ↔ (a → c) ∧ (b → c) :=
          ⟨fun h => ⟨h ∘ .inl, h ∘ .inr⟩, fun ⟨ha, hb⟩ => Or.rec ha hb⟩
        theorem bad {a b c : Prop} : (a ∨ b → c) ↔ (a → c) ∧ (c → b) := by simp only [or_imp']
    """, "bad", "unsolved goals")


# -- a dot call with trailing arguments: `h.mpr hb ha` -----------------------------------------------

def test_dot_call_trailing_arguments() -> None:
    assert_accepted("""
        theorem t1 {a b : Prop} (h : ¬a ↔ b) (h' : a ↔ b) (ha : a) : False := h.mpr (h'.mp ha) ha
        theorem t2 {a b c : Prop} (h : (a → b) ∧ (a → c)) (ha : a) : b ∧ c := ⟨h.1 ha, h.2 ha⟩
    """, "t1", "t2")


def test_dot_call_trailing_arguments_false_twin() -> None:
    assert_rejected("theorem bad {a b : Prop} (h : ¬a ↔ b) (h' : a ↔ b) (ha : a) : b := h.mpr (h'.mp ha) ha",
                    "bad", "mismatch")


# -- Core's HEq lemmas in the library ------------------------------------------------------------

def test_heq_lemmas() -> None:
    assert_accepted("""
        theorem t {α β γ : Sort u} {a : α} {b : β} {c : γ} (h₁ : HEq a b) (h₂ : HEq c b) : HEq a c :=
          HEq.trans h₁ h₂.symm
        theorem t2 {α β : Sort u} (h : α = β) (a : α) : HEq a (cast h a) := (cast_heq h a).symm
    """, "t", "t2")


def test_heq_false_twin() -> None:
    assert_rejected("""
        theorem bad {α : Sort u} {a b : α} (h : HEq a b) : HEq b b → a = a := fun _ => (type_eq_of_heq h) ▸ rfl
    """, "bad")


# -- `rfl` as a pattern (Lean's `@[match_pattern] rfl`) ---------------------------------------------

def test_rfl_pattern() -> None:
    assert_accepted("""
        theorem t1 {α β : Sort u} : (h : α = β) → (a : α) → HEq (cast h a) a
          | rfl, a => HEq.refl a
        theorem t2 {α β γ : Sort u} : ∀ (ha : α = β) (hb : β = γ) (a : α), cast hb (cast ha a) = cast (ha.trans hb) a
          | rfl, rfl, _ => rfl
        theorem t3 {α : Sort u} {a b : α} (h : a = b) : b = a := match h with | rfl => rfl
    """, "t1", "t2", "t3")


def test_rfl_pattern_false_twin() -> None:
    assert_rejected("theorem bad (a b : Nat) : a = b → a = 0\n  | rfl => rfl", "bad")


# -- `cases` on `HEq` (dependent index types) ---------------------------------------------------------

def test_cases_heq() -> None:
    assert_accepted("""
        theorem t1 {α : Sort u} {a b : α} (h : HEq a b) : a = b := by
          cases h
          rfl
        theorem t2 {α β : Sort u} {a : α} {b : β} (h : HEq a b) : HEq b a := by
          cases h
          exact HEq.refl a
    """, "t1", "t2")


def test_cases_heq_false_twin() -> None:
    assert_rejected("""
        theorem bad {α β : Sort u} {a : α} {b : β} (h : HEq a b) : α = β → False := by
          cases h
          intro x
          exact x
    """, "bad", "mismatch")


# -- an instance problem with unknown inputs waits (Lean never fixes them by resolution) --------------

def test_rw_rule_instance_waits_for_the_match() -> None:
    assert_accepted("""
        theorem Decidable.not_not' {p : Prop} [Decidable p] : ¬¬p ↔ p := ⟨Decidable.of_not_not, not_not_intro⟩
        theorem not_or' {p q : Prop} : ¬(p ∨ q) ↔ ¬p ∧ ¬q :=
          ⟨fun h => ⟨fun hp => h (.inl hp), fun hq => h (.inr hq)⟩, fun ⟨a, b⟩ h => h.elim a b⟩
        theorem t {a b : Prop} [Decidable a] [Decidable b] : a ∨ b ↔ ¬(¬a ∧ ¬b) := by
          rw [← not_or', Decidable.not_not']
    """, "t")


def test_rw_rule_instance_false_twin() -> None:
    assert_rejected("""
        theorem Decidable.not_not' {p : Prop} [Decidable p] : ¬¬p ↔ p := ⟨Decidable.of_not_not, not_not_intro⟩
        theorem bad {a b : Prop} [Decidable a] [Decidable b] : ¬¬a ↔ b := by
          rw [Decidable.not_not']
    """, "bad")


# -- a motive's universe is fixed by its assignment ----------------------------------------------------

def test_motive_universe_from_assignment() -> None:
    assert_accepted("""
        theorem iff_of_true' {a b : Prop} (ha : a) (hb : b) : a ↔ b := ⟨fun _ => hb, fun _ => ha⟩
        theorem iff_of_false' {a b : Prop} (ha : ¬a) (hb : ¬b) : a ↔ b := ⟨(absurd · ha), (absurd · hb)⟩
        theorem t {a b : Prop} : (a ∧ b) ∨ (¬a ∧ ¬b) → (a ↔ b) :=
          Or.rec (And.rec iff_of_true') (And.rec iff_of_false')
    """, "t")


def test_motive_universe_false_twin() -> None:
    assert_rejected("""
        theorem iff_of_true' {a b : Prop} (ha : a) (hb : b) : a ↔ b := ⟨fun _ => hb, fun _ => ha⟩
        theorem bad {a b : Prop} : (a ∧ b) ∨ (¬a ∧ b) → (a ↔ b) :=
          Or.rec (And.rec iff_of_true') (And.rec iff_of_true')
    """, "bad")


# -- Lean's @[simp] lemmas of SimpLemmas.lean about Bool/decide/ite/cond in the default simp set ---------

def test_default_simp_set_bool_and_decide() -> None:
    assert_accepted("""
        theorem t1 (b : Bool) : ((!b) = true) = (b = false) := by cases b <;> simp
        theorem t2 (p : Prop) [Decidable p] : (decide p = true) ↔ p := by simp
        theorem t3 (b : Bool) : (b && true || false) = b := by simp
        theorem t4 (a b : Nat) : (if True then a else b) = a := by simp
        theorem t5 (p : Prop) [Decidable p] : ((!decide p) = true) = ¬p := by simp
    """, "t1", "t2", "t3", "t4", "t5")


def test_default_simp_set_bool_false_twin() -> None:
    assert_rejected("theorem bad (b : Bool) : ((!b) = true) = (b = true) := by cases b <;> simp", "bad")
    assert_rejected("theorem bad (p : Prop) [Decidable p] : (decide p = false) ↔ p := by simp", "bad")


# -- Lean's `reduceCtorEq` simproc: an equation between different constructors is False ---------------

def test_simp_constructor_equation_is_false() -> None:
    assert_accepted("""
        theorem t1 : (false = true) = False := by simp
        theorem t2 (a : Nat) (l : List Nat) : (a :: l = []) ↔ False := by simp
        theorem t3 (x : Nat) : (some x = none) = False := by simp
    """, "t1", "t2", "t3")


def test_simp_constructor_equation_false_twin() -> None:
    assert_rejected("theorem bad : (true = true) = False := by simp", "bad")
    assert_rejected("theorem bad (x : Nat) : (some x = some x) = False := by simp", "bad")


# -- a recursor without `(motive := …)`: the motive from the expected type (Lean's elabAsElim) ----------

def test_recursor_motive_from_expected_type() -> None:
    assert_accepted("""
        theorem t1 {α β : Sort u} {a : α} {b : β} (h : HEq a b) : HEq b a := h.rec (HEq.refl a)
        def t2 {α β : Sort u} {a : α} {b : β} (h : HEq a b) : α = β := h.rec (Eq.refl α)
    """, "t1", "t2")


def test_recursor_motive_false_twin() -> None:
    assert_rejected("theorem bad {α β : Sort u} {a : α} {b : β} (h : HEq a b) : HEq a a := h.rec (HEq.refl b)",
                    "bad", "mismatch")
