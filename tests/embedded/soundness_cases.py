"""Adversarial corpus for the embedded checker: files whose target declaration must be rejected.

Every `Case` is a small, self-contained Lean 4 file. Its declaration named `target`
is false or ill-typed in real Lean 4 (or, for `sorry` and user `axiom`s, forbidden by
the project's contract although real Lean only warns / accepts: see `why`), so the
embedded checker must report it with `ok=False`.

`expect` is matched case-insensitively against the one-line error message, using
Lean's own vocabulary. Several acceptable wordings are separated by `|` (any one must
occur); `""` means no wording is certain and only the rejection itself is checked.

`CONTROLS` holds accepted twins of a dozen-odd cases: the same shape with the error
fixed. They prove the checker does not pass this suite by rejecting everything.

Invisible or look-alike characters are written as `\\u` escapes so the Python source
shows exactly what the Lean file contains.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass


@dataclass(frozen=True)
class Case:
    """One Lean file whose declaration `target` must be rejected."""

    id: str
    source: str
    why: str
    expect: str
    target: str = "bad"

    def expected_alternatives(self) -> tuple[str, ...]:
        """The acceptable message fragments (lower-cased); empty when any message will do."""
        return tuple(part.strip().lower() for part in self.expect.split("|") if part.strip())


@dataclass(frozen=True)
class Control:
    """An accepted twin of the case `twin`: its declaration `target` must be accepted."""

    id: str
    twin: str
    source: str
    why: str
    target: str = "good"


def lean(text: str) -> str:
    """Dedent a triple-quoted Lean snippet and end it with exactly one newline."""
    return textwrap.dedent(text).strip("\n") + "\n"


# Lean vocabulary used by several cases.
MISMATCH = "mismatch"  # "type mismatch" and "application type mismatch"
PARSE = "expected"  # Lean's parse errors: "unexpected token ...; expected term"

CASES: list[Case] = [
    # ------------------------------------------------------------------ rfl on non-defeq terms
    Case(
        "rfl_zero_add_var",
        lean("""
            theorem bad (n : Nat) : 0 + n = n := rfl
        """),
        "Nat.add recurses on its second argument, so 0 + n is stuck on the variable n",
        MISMATCH,
    ),
    Case(
        "rfl_add_comm_one",
        lean("""
            theorem bad (n : Nat) : n + 1 = 1 + n := rfl
        """),
        "n + 1 reduces to Nat.succ n but 1 + n is stuck; commutativity needs induction",
        MISMATCH,
    ),
    Case(
        "rfl_two_add_two_five",
        lean("""
            theorem bad : 2 + 2 = 5 := rfl
        """),
        "2 + 2 evaluates to 4, which is not 5",
        MISMATCH,
    ),
    Case(
        "rfl_append_comm",
        lean("""
            theorem bad (l : List Nat) : [1] ++ l = l ++ [1] := rfl
        """),
        "[1] ++ l reduces to 1 :: l while l ++ [1] is stuck on l",
        MISMATCH,
    ),
    Case(
        "rfl_reverse_identity",
        lean("""
            theorem bad : List.reverse [1, 2] = [1, 2] := rfl
        """),
        "List.reverse [1, 2] computes to [2, 1]",
        MISMATCH,
    ),
    Case(
        "rfl_truncated_sub",
        lean("""
            theorem bad : Nat.sub 2 5 = 1 := rfl
        """),
        "Nat.sub truncates at zero: 2 - 5 = 0",
        MISMATCH,
    ),
    Case(
        "rfl_big_numeral_off_by_one",
        lean("""
            theorem bad : 1000000 * 1000000 = 1000000000001 := rfl
        """),
        "10^6 * 10^6 = 10^12, one less than the right-hand side (GMP-accelerated literals must still be exact)",
        MISMATCH,
    ),
    Case(
        "rfl_mul_one_var",
        lean("""
            theorem bad (n : Nat) : n * 1 = n := rfl
        """),
        "true but not by rfl: n * 1 unfolds to n * 0 + n = 0 + n, which is stuck on n",
        MISMATCH,
    ),
    Case(
        "rfl_pred_zero",
        lean("""
            theorem bad : Nat.pred 0 = 1 := rfl
        """),
        "Nat.pred 0 = 0",
        MISMATCH,
    ),
    Case(
        "rfl_length_off_by_one",
        lean("""
            theorem bad : [1, 2, 3].length = 4 := rfl
        """),
        "the list has length 3",
        MISMATCH,
    ),
    Case(
        "rfl_irrelevance_on_data",
        lean("""
            theorem bad (a b : Nat) : a = b := rfl
        """),
        "definitional proof irrelevance holds only for proofs of a Prop, not for elements of Nat",
        MISMATCH,
    ),
    Case(
        "rfl_capture_avoiding_substitution",
        lean("""
            theorem bad (y : Nat) : (fun (x y : Nat) => x) y = (fun (y : Nat) => y) := rfl
        """),
        "beta-reduction gives the constant function fun y' => y, not the identity (variable capture)",
        MISMATCH,
    ),
    Case(
        "rfl_bound_variable_order",
        lean("""
            theorem bad : (fun (x y : Nat) => x) = (fun (x y : Nat) => y) := rfl
        """),
        "the first and second projections differ (de Bruijn indices 1 and 0)",
        MISMATCH,
    ),
    Case(
        "rfl_eta_wrong_body",
        lean("""
            theorem bad (f : Nat → Nat) : (fun x => f (x + 1)) = f := rfl
        """),
        "eta only identifies fun x => f x with f; f (x + 1) is a different body",
        MISMATCH,
    ),
    Case(
        "rfl_let_zeta",
        lean("""
            theorem bad : (let x := 1; x) = 2 := rfl
        """),
        "zeta-reducing the let gives 1 = 2",
        MISMATCH,
    ),
    Case(
        "rfl_recursive_def_value",
        lean("""
            def double : Nat → Nat
              | 0 => 0
              | n + 1 => double n + 2

            theorem bad : double 3 = 7 := rfl
        """),
        "double 3 computes to 6",
        MISMATCH,
    ),
    Case(
        "rfl_recursive_def_var",
        lean("""
            def double : Nat → Nat
              | 0 => 0
              | n + 1 => double n + 2

            theorem bad (n : Nat) : double (n + 1) = 2 + double n := rfl
        """),
        "double (n + 1) unfolds to double n + 2, but 2 + double n is stuck on the variable",
        MISMATCH,
    ),
    Case(
        "rfl_nat_rec_value",
        lean("""
            theorem bad : @Nat.rec (fun _ => Nat) 0 (fun _ ih => ih + 2) 3 = 5 := rfl
        """),
        "the recursor computes 0 + 2 + 2 + 2 = 6",
        MISMATCH,
    ),
    Case(
        "eq_symm_does_not_create_defeq",
        lean("""
            theorem bad (n : Nat) : 0 + n = n := Eq.symm rfl
        """),
        "Eq.symm needs rfl : n = 0 + n, which is just as non-definitional",
        MISMATCH,
    ),
    # ------------------------------------------------------------------ sorry (Lean warns; the contract rejects)
    Case(
        "sorry_whole_proof",
        lean("""
            theorem bad : False := sorry
        """),
        "sorry is not a proof (Lean: 'declaration uses sorry'; the project rejects it)",
        "sorry",
    ),
    Case(
        "sorry_inside_fun",
        lean("""
            theorem bad : ∀ n : Nat, n = 0 := fun n => sorry
        """),
        "sorry under a binder is still sorry; the statement is false for n = 1",
        "sorry",
    ),
    Case(
        "sorry_in_argument",
        lean("""
            theorem bad : (1 : Nat) = 2 := Eq.trans sorry rfl
        """),
        "the first argument of Eq.trans is sorry; 1 = 2 is false",
        "sorry",
    ),
    Case(
        "sorry_in_anonymous_constructor",
        lean("""
            theorem bad : True ∧ False := ⟨trivial, sorry⟩
        """),
        "the False component is sorry",
        "sorry",
    ),
    Case(
        "sorry_in_have",
        lean("""
            theorem bad : (0 : Nat) = 1 := have h : False := sorry; h.elim
        """),
        "the have-bound proof of False is sorry",
        "sorry",
    ),
    Case(
        "sorry_in_example",
        lean("""
            example : False := sorry
        """),
        "examples are checked like theorems; sorry is not a proof",
        "sorry",
        target="_example",
    ),
    Case(
        "sorry_in_def_used_later",
        lean("""
            def allZero : ∀ n : Nat, n = 0 := sorry

            theorem bad : (1 : Nat) = 0 := allZero 1
        """),
        "the theorem depends on a definition whose body is sorry; 1 = 0 is false",
        "sorry|unknown identifier",
    ),
    Case(
        "sorry_ax_spelled_out",
        lean("""
            theorem bad : False := sorryAx False
        """),
        "sorryAx is what sorry elaborates to; naming it directly is still sorry",
        "sorry|unknown identifier",
    ),
    # ------------------------------------------------------------------ user axioms (Lean accepts; the contract rejects)
    Case(
        "axiom_false",
        lean("""
            axiom bad : False
        """),
        "user axioms are forbidden by the contract (Lean would accept and make everything provable)",
        "axiom",
    ),
    Case(
        "axiom_used_by_theorem",
        lean("""
            axiom oneEqTwo : (1 : Nat) = 2

            theorem bad : (1 : Nat) = 2 := oneEqTwo
        """),
        "the theorem's only justification is a user axiom; 1 = 2 is false",
        "axiom|unknown identifier",
    ),
    Case(
        "axiom_classically_true",
        lean("""
            axiom bad (p : Prop) : p ∨ ¬p
        """),
        "even a classically true user axiom is rejected; Classical.em is the built-in way",
        "axiom",
    ),
    Case(
        "axiom_redeclares_builtin",
        lean("""
            axiom propext : False
        """),
        "propext already exists at the root namespace ('propext' has already been declared)",
        "already|axiom",
        target="propext",
    ),
    # ------------------------------------------------------------------ self-reference and recursion
    Case(
        "self_reference_theorem",
        lean("""
            theorem bad : False := bad
        """),
        "a theorem may recurse only with a termination proof; bad has no decreasing argument",
        "termination|unknown identifier",
    ),
    Case(
        "self_reference_def",
        lean("""
            def bad : False := bad
        """),
        "fail to show termination: no argument to recurse on",
        "termination",
    ),
    Case(
        "forward_reference_defs",
        lean("""
            def bad : False := helper

            def helper : False := bad
        """),
        "helper is not declared yet when bad is elaborated (no implicit mutual recursion)",
        "unknown identifier",
    ),
    Case(
        "nonterminating_match",
        lean("""
            def bad : Nat → Nat
              | n => bad n
        """),
        "bad n calls itself on the same argument: no structural or well-founded decrease",
        "termination",
    ),
    Case(
        "nonstructural_growth",
        lean("""
            def bad : Nat → Nat
              | 0 => 0
              | n + 1 => bad (n + 2)
        """),
        "the recursive call is on a larger argument (n + 2 > n + 1)",
        "termination",
    ),
    Case(
        "nonterminating_two_columns",
        lean("""
            def bad : Nat → Nat → Nat
              | 0, n => n
              | m + 1, 0 => bad (m + 1) 0
              | m + 1, n + 1 => bad m (bad (m + 1) n)
        """),
        "the second equation calls bad on the same arguments; structural recursion on either column fails",
        "termination",
    ),
    Case(
        "nonterminating_unfold_exploit",
        lean("""
            def loop : Nat → Nat
              | n => loop n + 1

            theorem bad : loop 0 = loop 0 + 1 := rfl
        """),
        "loop is rejected; a checker that unfolds it lazily would 'prove' x = x + 1",
        "",
    ),
    Case(
        "partial_def_exploit",
        lean("""
            partial def loop : Nat → Nat
              | n => loop n + 1

            theorem bad : loop 0 = loop 0 + 1 := rfl
        """),
        "partial definitions are opaque to the kernel; x = x + 1 has no proof",
        "",
    ),
    Case(
        "unsafe_def_exploit",
        lean("""
            unsafe def cheat : False := cheat

            theorem bad : False := cheat
        """),
        "(kernel) a theorem may not use an unsafe declaration",
        "",
    ),
    Case(
        "match_missing_case",
        lean("""
            def bad : Nat → False
              | n + 1 => bad n
        """),
        "the match has no case for 0 (missing cases)",
        "missing",
    ),
    Case(
        "match_mistyped_branch",
        lean("""
            def bad (n : Nat) : n = 0 :=
              match n with
              | 0 => rfl
              | _ + 1 => rfl
        """),
        "in the second branch rfl would have to prove k + 1 = 0",
        MISMATCH,
    ),
    Case(
        "match_returns_false",
        lean("""
            def bad : Nat → False
              | 0 => trivial
              | n + 1 => bad n
        """),
        "trivial proves True, not False",
        MISMATCH,
    ),
    # ------------------------------------------------------------------ universes
    Case(
        "type_in_type",
        lean("""
            def bad : Type := Type
        """),
        "Type : Type 1, not Type (Girard's paradox)",
        MISMATCH,
    ),
    Case(
        "prop_in_prop",
        lean("""
            def bad : Prop := Prop
        """),
        "Prop : Type, not Prop",
        MISMATCH,
    ),
    Case(
        "sort_in_sort",
        lean("""
            universe u

            def bad : Sort u := Sort u
        """),
        "Sort u : Sort (u + 1)",
        MISMATCH,
    ),
    Case(
        "type_quantifies_over_type",
        lean("""
            def bad : Type := (α : Type) → α → α
        """),
        "a Pi over Type lives in Type 1 (only Prop is impredicative)",
        MISMATCH,
    ),
    Case(
        "sort_param_as_type",
        lean("""
            universe u

            def bad (α : Sort u) : Type u := α
        """),
        "α : Sort u but Type u is Sort (u + 1)",
        MISMATCH,
    ),
    Case(
        "imax_is_not_max",
        lean("""
            universe u v

            def bad (α : Sort u) (β : Sort v) : Sort (max u v) := α → β
        """),
        "α → β : Sort (imax u v), which differs from Sort (max u v) when v = 0",
        MISMATCH,
    ),
    Case(
        "max_one_is_not_succ",
        lean("""
            universe u

            def bad (α : Sort (max u 1)) : Type u := α
        """),
        "max u 1 and u + 1 differ for u = 1 (universe level normalisation)",
        MISMATCH,
    ),
    Case(
        "undeclared_universe_in_body",
        lean("""
            def bad : Nat := (fun (_ : Sort w) => 0) Nat
        """),
        "universe names are auto-bound only in the header; in the body w is an unknown universe level",
        "universe",
    ),
    Case(
        "eq_across_universes",
        lean("""
            theorem bad : Type = Type 1 := rfl
        """),
        "Type : Type 1 and Type 1 : Type 2, so the equation is not even well-typed",
        MISMATCH,
    ),
    Case(
        "inductive_field_too_large",
        lean("""
            inductive Bad : Type where
              | mk : Type → Bad
        """),
        "a constructor field of type Type (in Type 1) cannot live in an inductive in Type",
        "universe|unsupported",
        target="Bad",
    ),
    # ------------------------------------------------------------------ recursors
    Case(
        "or_large_elimination",
        lean("""
            theorem bad : (0 : Nat) = 1 :=
              congrArg (fun (h : True ∨ True) => @Or.rec True True (fun _ => Nat) (fun _ => 0) (fun _ => 1) h)
                (rfl : (Or.inl trivial : True ∨ True) = Or.inr trivial)
        """),
        "Or eliminates only into Prop; with large elimination, proof irrelevance would give 0 = 1",
        MISMATCH,
    ),
    Case(
        "exists_large_elimination",
        lean("""
            theorem bad : (1 : Nat) = 2 :=
              congrArg
                (fun (h : ∃ n : Nat, n > 0) =>
                  @Exists.rec Nat (fun n => n > 0) (fun _ => Nat) (fun w _ => w) h)
                (rfl : (⟨1, Nat.le.refl⟩ : ∃ n : Nat, n > 0) = ⟨2, Nat.le.step Nat.le.refl⟩)
        """),
        "Exists eliminates only into Prop; extracting the witness plus proof irrelevance gives 1 = 2",
        MISMATCH,
    ),
    Case(
        "exists_elim_into_data",
        lean("""
            def bad (h : ∃ n : Nat, n = 5) : Nat := Exists.elim h (fun w _ => w)
        """),
        "Exists.elim concludes a Prop; Nat is not one, so the witness cannot escape",
        MISMATCH,
    ),
    Case(
        "false_rec_without_false",
        lean("""
            theorem bad : (1 : Nat) = 2 := @False.rec (fun _ => (1 : Nat) = 2) trivial
        """),
        "False.rec needs a proof of False; trivial proves True",
        MISMATCH,
    ),
    Case(
        "false_elim_with_true",
        lean("""
            theorem bad : (1 : Nat) = 2 := False.elim trivial
        """),
        "False.elim needs a proof of False; trivial proves True",
        MISMATCH,
    ),
    Case(
        "nat_rec_motive_not_a_sort",
        lean("""
            def bad : Nat := @Nat.rec (fun n => n) 0 (fun _ ih => ih) 3
        """),
        "the motive must have type Nat → Sort u; fun n => n has type Nat → Nat",
        MISMATCH,
    ),
    Case(
        "nat_rec_wrong_step",
        lean("""
            theorem bad (n : Nat) : n = 0 := @Nat.rec (fun k => k = 0) rfl (fun k ih => ih) n
        """),
        "the step case must prove k + 1 = 0 but ih only proves k = 0",
        MISMATCH,
    ),
    Case(
        "eq_rec_motive_arity",
        lean("""
            theorem bad (a b : Nat) (h : a = b) : b = a := @Eq.rec Nat a (fun x => x = a) rfl b h
        """),
        "Eq.rec's motive takes the endpoint and the equality proof; a one-argument motive is ill-typed",
        MISMATCH,
    ),
    Case(
        "prop_inductive_large_elimination",
        lean("""
            inductive Two : Prop where
              | a
              | b

            theorem bad : (0 : Nat) = 1 :=
              congrArg (fun (t : Two) => @Two.rec (fun _ => Nat) 0 1 t) (rfl : Two.a = Two.b)
        """),
        "a Prop with two constructors eliminates only into Prop; otherwise Two.a = Two.b yields 0 = 1",
        "",
    ),
    # ------------------------------------------------------------------ ill-typed terms
    Case(
        "application_type_mismatch",
        lean("""
            theorem bad : Nat.succ True = 1 := rfl
        """),
        "Nat.succ expects a Nat, True is a Prop",
        MISMATCH,
    ),
    Case(
        "function_expected",
        lean("""
            theorem bad : True := trivial trivial
        """),
        "trivial is a proof of True, not a function",
        "function expected",
    ),
    Case(
        "absurd_wrong_negation",
        lean("""
            theorem bad (p : Prop) (hp : p) (hn : ¬((1 : Nat) = 2)) : False := absurd hp hn
        """),
        "absurd needs ¬p, not the negation of an unrelated proposition",
        MISMATCH,
    ),
    Case(
        "eq_mp_on_non_equality",
        lean("""
            theorem bad (h : (1 : Nat) ≤ 2) : False := Eq.mp h trivial
        """),
        "Eq.mp needs an equality of types, h is an inequality",
        MISMATCH,
    ),
    Case(
        "congr_arg_wrong_result",
        lean("""
            theorem bad (n : Nat) (h : n = 0) : n + 1 = 0 := congrArg Nat.succ h
        """),
        "congrArg Nat.succ h proves n + 1 = 1, not n + 1 = 0",
        MISMATCH,
    ),
    Case(
        "congr_fun_wrong_point",
        lean("""
            theorem bad (f g : Nat → Nat) (h : f = g) : f 0 = g 1 := congrFun h 0
        """),
        "congrFun h 0 proves f 0 = g 0",
        MISMATCH,
    ),
    Case(
        "explicit_eq_refl_lie",
        lean("""
            theorem bad : (1 : Nat) = 2 := @Eq.refl Nat 1
        """),
        "@Eq.refl Nat 1 : 1 = 1",
        MISMATCH,
    ),
    Case(
        "ascription_lie",
        lean("""
            theorem bad : (1 : Nat) = 2 := (rfl : (1 : Nat) = 2)
        """),
        "a type ascription is checked, not trusted",
        MISMATCH,
    ),
    Case(
        "show_from_lie",
        lean("""
            theorem bad : (1 : Nat) = 2 := show (1 : Nat) = 2 from rfl
        """),
        "show ... from checks the term against the shown type",
        MISMATCH,
    ),
    Case(
        "anonymous_constructor_wrong_component",
        lean("""
            theorem bad : True ∧ False := ⟨trivial, trivial⟩
        """),
        "the second component must prove False",
        MISMATCH,
    ),
    Case(
        "anonymous_constructor_for_false",
        lean("""
            theorem bad : False := ⟨⟩
        """),
        "False has no constructor, so ⟨⟩ cannot build it",
        "constructor",
    ),
    Case(
        "anonymous_constructor_too_few",
        lean("""
            theorem bad (p : Prop) (hp : p) : p ∧ p := ⟨hp⟩
        """),
        "And.intro has two explicit fields, only one is given",
        "constructor|argument",
    ),
    Case(
        "projection_out_of_range",
        lean("""
            theorem bad (p q : Prop) (h : p ∧ q) : q := h.3
        """),
        "And has only two fields",
        "projection",
    ),
    Case(
        "projection_on_or",
        lean("""
            theorem bad (p q : Prop) (h : p ∨ q) : p := h.1
        """),
        "Or is not a structure, so it has no projections",
        "projection",
    ),
    Case(
        "dot_notation_wrong_type",
        lean("""
            theorem bad (p q : Prop) (h : p ∨ q) : p := h.left
        """),
        "Or.left does not exist: left is a field of And",
        "field",
    ),
    Case(
        "dot_notation_nat_length",
        lean("""
            theorem bad (n : Nat) : n.length = 0 := rfl
        """),
        "Nat.length does not exist",
        "field",
    ),
    Case(
        "subst_wrong_direction",
        lean("""
            theorem bad (a : Nat) (h : a = 0) : a + 1 = 0 := h ▸ rfl
        """),
        "rewriting either way leaves 0 + 1 = 0 or a + 1 = a, neither of which rfl proves",
        "",
    ),
    Case(
        "iff_wrong_direction",
        lean("""
            theorem bad (p q : Prop) (h : p ↔ q) (hq : q) : p := h.mp hq
        """),
        "h.mp goes from p to q; the backward direction is h.mpr",
        MISMATCH,
    ),
    Case(
        "double_negation_is_not_identity",
        lean("""
            theorem bad (p : Prop) (h : ¬¬p) : p := h
        """),
        "¬¬p is (p → False) → False, not p; eliminating it needs Classical.em",
        MISMATCH,
    ),
    Case(
        "or_elim_wrong_branch",
        lean("""
            theorem bad (p q : Prop) (h : p ∨ q) : p := Or.elim h (fun hp => hp) (fun hq => hq)
        """),
        "the right branch produces q, not p",
        MISMATCH,
    ),
    Case(
        "exists_wrong_witness",
        lean("""
            theorem bad : ∃ n : Nat, n + 1 = 0 := ⟨0, rfl⟩
        """),
        "0 + 1 = 0 is false; no Nat witness exists",
        MISMATCH,
    ),
    Case(
        "exists_elim_leaks_witness",
        lean("""
            theorem bad (h : ∃ n : Nat, n = 5) : (0 : Nat) = 5 := Exists.elim h (fun w hw => hw)
        """),
        "hw : w = 5 mentions the opaque witness w, not 0",
        MISMATCH,
    ),
    Case(
        "not_true",
        lean("""
            theorem bad : ¬True := fun h => h
        """),
        "fun h => h proves True → True, but ¬True is True → False",
        MISMATCH,
    ),
    Case(
        "ne_refl",
        lean("""
            theorem bad : (1 : Nat) ≠ 1 := fun h => h
        """),
        "1 ≠ 1 is 1 = 1 → False; h : 1 = 1 is not False",
        MISMATCH,
    ),
    Case(
        "forall_prop_confusion",
        lean("""
            theorem bad : ∀ p : Prop, p := fun p => p
        """),
        "fun p => p returns the proposition p, not a proof of it",
        MISMATCH,
    ),
    Case(
        "proposition_as_proof",
        lean("""
            theorem bad : False := False
        """),
        "False is a proposition (of type Prop), not a proof of False",
        MISMATCH,
    ),
    Case(
        "proof_of_other_statement_nat",
        lean("""
            theorem bad (n : Nat) : 0 + n = n := (rfl : n + 0 = n)
        """),
        "a correct proof of n + 0 = n is not a proof of 0 + n = n",
        MISMATCH,
    ),
    Case(
        "proof_of_other_statement_logic",
        lean("""
            theorem bad (p q : Prop) : p ∧ q → q ∧ p := fun h => h
        """),
        "the identity proves p ∧ q → p ∧ q",
        MISMATCH,
    ),
    # ------------------------------------------------------------------ built-in axioms misused
    Case(
        "classical_choice_on_true",
        lean("""
            theorem bad : False := Classical.choice trivial
        """),
        "Classical.choice needs Nonempty False, which has no proof; trivial proves True",
        MISMATCH,
    ),
    Case(
        "propext_non_equivalent",
        lean("""
            theorem bad : ((1 : Nat) = 1) = ((1 : Nat) = 2) := propext ⟨fun h => h, fun h => h⟩
        """),
        "propext needs both directions; 1 = 1 does not imply 1 = 2",
        MISMATCH,
    ),
    Case(
        "propext_true_false",
        lean("""
            theorem bad : True = False := propext (Iff.intro (fun h => h) (fun h => h))
        """),
        "True → False has no proof",
        MISMATCH,
    ),
    Case(
        "funext_pointwise_false",
        lean("""
            theorem bad : (fun n : Nat => n) = (fun n => n + 1) := funext (fun n => rfl)
        """),
        "funext needs n = n + 1 for every n",
        MISMATCH,
    ),
    Case(
        "quot_sound_unrelated",
        lean("""
            theorem bad :
                Quot.mk (fun a b : Nat => a = b) 1 = Quot.mk (fun a b : Nat => a = b) 2 :=
              Quot.sound rfl
        """),
        "Quot.sound needs r 1 2, i.e. 1 = 2",
        MISMATCH,
    ),
    Case(
        "quot_lift_not_respecting",
        lean("""
            theorem bad : (0 : Nat) = 1 :=
              congrArg (Quot.lift (fun n : Nat => n) (fun a b _ => rfl))
                (Quot.sound trivial : Quot.mk (fun _ _ : Nat => True) 0 = Quot.mk (fun _ _ : Nat => True) 1)
        """),
        "Quot.lift needs a = b for related a b; the identity does not respect the total relation",
        MISMATCH,
    ),
    # ------------------------------------------------------------------ Nat.le, <, List.Mem
    Case(
        "le_refl_false",
        lean("""
            theorem bad : 3 ≤ 2 := Nat.le.refl
        """),
        "Nat.le.refl proves n ≤ n only",
        MISMATCH,
    ),
    Case(
        "le_step_false",
        lean("""
            theorem bad : 5 ≤ 4 := Nat.le.step Nat.le.refl
        """),
        "Nat.le.step would need 5 ≤ 3",
        MISMATCH,
    ),
    Case(
        "lt_irreflexive",
        lean("""
            theorem bad : 1 < 1 := Nat.le.refl
        """),
        "1 < 1 unfolds to 2 ≤ 1",
        MISMATCH,
    ),
    Case(
        "ge_false",
        lean("""
            theorem bad : (2 : Nat) ≥ 3 := Nat.le.step Nat.le.refl
        """),
        "2 ≥ 3 is 3 ≤ 2",
        MISMATCH,
    ),
    Case(
        "mem_absent_head",
        lean("""
            theorem bad : 3 ∈ [1, 2] := @List.Mem.head Nat 3 [2]
        """),
        "List.Mem.head proves 3 ∈ [3, 2], not 3 ∈ [1, 2]",
        MISMATCH,
    ),
    Case(
        "mem_absent_tail",
        lean("""
            theorem bad : 3 ∈ [1, 2] := @List.Mem.tail Nat 3 1 [2] (@List.Mem.head Nat 3 [])
        """),
        "the tail proof is about [3], not [2]; 3 is not in [1, 2]",
        MISMATCH,
    ),
    # ------------------------------------------------------------------ command-level errors
    Case(
        "example_false_trivial",
        lean("""
            example : False := trivial
        """),
        "trivial proves True",
        MISMATCH,
        target="_example",
    ),
    Case(
        "example_false_identity",
        lean("""
            example : False := fun h => h
        """),
        "a function is not a proof of False",
        MISMATCH,
        target="_example",
    ),
    Case(
        "theorem_not_a_proposition",
        lean("""
            theorem bad : Nat := 0
        """),
        "type of theorem 'bad' is not a proposition",
        "proposition",
    ),
    Case(
        "duplicate_theorem",
        lean("""
            theorem bad : True := trivial

            theorem bad : True := trivial
        """),
        "'bad' has already been declared (the second declaration is the target)",
        "already",
    ),
    Case(
        "duplicate_def_overwrite_exploit",
        lean("""
            def two : Nat := 2

            def two : Nat := 3

            theorem bad : two = 3 := rfl
        """),
        "the second def two is rejected, so two is still 2",
        MISMATCH,
    ),
    Case(
        "unknown_identifier",
        lean("""
            theorem bad : False := magic
        """),
        "magic is not declared anywhere",
        "unknown identifier",
    ),
    Case(
        "variable_out_of_scope",
        lean("""
            section
            variable (h : False)
            end

            theorem bad : False := h
        """),
        "the section variable h is gone after end",
        "unknown identifier",
    ),
    Case(
        "by_block_false",
        lean("""
            theorem bad : 2 + 2 = 5 := by decide
        """),
        "decide evaluates the proposition to false",
        "proved that the proposition",
    ),
    # ------------------------------------------------------------------ shadowing and redeclaration
    Case(
        "local_named_nat",
        lean("""
            theorem bad (Nat : Prop) (h : Nat) : False := h
        """),
        "the local Nat is an arbitrary proposition; h proves it, not False",
        MISMATCH,
    ),
    Case(
        "redefine_true",
        lean("""
            def True : Prop := False
        """),
        "True already exists at the root namespace",
        "already",
        target="True",
    ),
    Case(
        "redefine_false_exploit",
        lean("""
            def False : Prop := True

            theorem bad : False := trivial
        """),
        "the def is rejected, False still means False, and trivial proves True",
        MISMATCH,
    ),
    Case(
        "redefine_rfl",
        lean("""
            def rfl : Nat := 0
        """),
        "rfl already exists at the root namespace",
        "already",
        target="rfl",
    ),
    Case(
        "redefine_nat",
        lean("""
            def Nat : Type := Prop
        """),
        "Nat already exists at the root namespace",
        "already",
        target="Nat",
    ),
    Case(
        "local_rfl_shadow",
        lean("""
            theorem bad : (1 : Nat) = 2 := (fun (rfl : (1 : Nat) = 2) => rfl) rfl
        """),
        "inside the fun rfl is the hypothesis, but the argument is the real rfl, which cannot prove 1 = 2",
        MISMATCH,
    ),
    Case(
        "namespace_nat_add_exploit",
        lean("""
            namespace Nat
            def add (n m : Nat) : Nat := 0
            end Nat

            theorem bad : 2 + 2 = 0 := rfl
        """),
        "Nat.add already exists, so the redefinition is rejected and 2 + 2 is still 4",
        MISMATCH,
    ),
    Case(
        "theorem_named_nat_add",
        lean("""
            theorem Nat.add : True := trivial
        """),
        "'Nat.add' has already been declared",
        "already",
        target="Nat.add",
    ),
    Case(
        "hypothesis_shadows_constant",
        lean("""
            theorem bad (True : Prop) (h : True → False) : False := h trivial
        """),
        "h expects the local True, trivial proves the global True",
        MISMATCH,
    ),
    Case(
        "open_ambiguous_name",
        lean("""
            namespace Foo
            def x : Nat := 1
            end Foo

            def x : Nat := 2

            open Foo

            theorem bad : x = 1 := rfl
        """),
        "after open Foo, x may mean Foo.x or _root_.x; both elaborate, so Lean reports an ambiguity",
        "ambiguous",
    ),
    # ------------------------------------------------------------------ unicode and layout tricks
    Case(
        "cyrillic_lookalike_identifier",
        "theorem bad (a : Nat) (h : \u0430 = 0) : a = 0 := h\n",
        "U+0430 CYRILLIC SMALL LETTER A is not an identifier character in Lean (homoglyph folding would accept)",
        "",
    ),
    Case(
        "lisu_lookalike_prop",
        "theorem bad (p : \ua4d1rop) (hp : p) : p := hp\n",
        "U+A4D1 LISU LETTER PA only looks like P; Lean's lexer rejects it",
        "",
    ),
    Case(
        "zero_width_space_in_name",
        "theorem bad : Tr\u200bue := trivial\n",
        "U+200B ZERO WIDTH SPACE is neither whitespace nor an identifier character in Lean",
        "",
    ),
    Case(
        "non_breaking_space",
        "theorem bad :\u00a0True := trivial\n",
        "U+00A0 NO-BREAK SPACE is not Lean whitespace (Python's str.split would treat it as such)",
        "",
    ),
    Case(
        "fullwidth_digits",
        "theorem bad : \uff12 + \uff12 = \uff14 := rfl\n",
        "fullwidth digits are not numerals in Lean (Python's int() would accept them)",
        "",
    ),
    Case(
        "subscript_is_not_digit",
        lean("""
            theorem bad (p q : Prop) (h₁ : p) (h1 : q) : q := h₁
        """),
        "h₁ and h1 are different names; h₁ proves p (NFKC folding would make this pass)",
        MISMATCH,
    ),
    Case(
        "line_comment_hides_statement",
        lean("""
            theorem bad (p : Prop) : p -- → p
              := fun h => h
        """),
        "the statement is just p; the arrow is inside a comment",
        MISMATCH,
    ),
    Case(
        "block_comment_hides_proof",
        lean("""
            theorem bad (p : Prop) (hp : p) : p ∧ p := /- ⟨hp, hp⟩ -/ hp
        """),
        "the real proof is commented out; hp alone proves p, not p ∧ p",
        MISMATCH,
    ),
    Case(
        "nested_block_comment",
        lean("""
            theorem bad : True := /- outer /- inner -/ trivial -- -/ (fun (x : Nat) => x)
        """),
        "block comments nest, so trivial is commented out and the proof is a function (non-nesting lexers see trivial)",
        MISMATCH,
    ),
    Case(
        "unterminated_block_comment",
        lean("""
            theorem bad : True := trivial /- this comment is never closed
        """),
        "unterminated comment: the file does not parse",
        "comment|" + PARSE,
    ),
    Case(
        "guillemet_false",
        lean("""
            theorem bad : «False» := trivial
        """),
        "«False» is just the identifier False",
        MISMATCH,
    ),
    Case(
        "tab_indentation",
        "theorem bad : True :=\n\ttrivial\n",
        "tabs are not allowed in Lean 4 source",
        "tab",
    ),
    # ------------------------------------------------------------------ inductive declarations
    Case(
        "inductive_negative_occurrence",
        lean("""
            inductive Bad where
              | mk : (Bad → False) → Bad
        """),
        "Bad occurs to the left of an arrow in its own constructor (non positive occurrence)",
        "positive|unsupported",
        target="Bad",
    ),
    Case(
        "inductive_negative_exploit",
        lean("""
            inductive Bad where
              | mk : (Bad → False) → Bad

            theorem bad : False :=
              have notBad : Bad → False := fun b =>
                match b with
                | Bad.mk f => f b
              notBad (Bad.mk notBad)
        """),
        "the non-positive Bad is rejected, so this derivation of False has nothing to stand on",
        "",
    ),
    Case(
        "inductive_non_strictly_positive",
        lean("""
            inductive Bad where
              | mk : ((Bad → Nat) → Nat) → Bad
        """),
        "Bad occurs inside the domain of a domain: positive but not strictly positive",
        "positive|unsupported",
        target="Bad",
    ),
    Case(
        "inductive_wrong_constructor_type",
        lean("""
            inductive Bad where
              | mk : Nat → Nat
        """),
        "a constructor must return the inductive type being declared",
        "constructor|unsupported",
        target="Bad",
    ),
    # ------------------------------------------------------------------ syntax errors (rejected, never a crash)
    Case(
        "parse_misplaced_assign",
        lean("""
            theorem bad := : True trivial
        """),
        "':=' where the signature should be",
        PARSE,
    ),
    Case(
        "parse_theorem_without_type",
        lean("""
            theorem bad := trivial
        """),
        "a theorem needs a type signature",
        PARSE,
    ),
    Case(
        "parse_unbalanced_paren_in_type",
        lean("""
            theorem bad : (True := trivial
        """),
        "the parenthesis opened in the type is never closed",
        PARSE,
    ),
    Case(
        "parse_unbalanced_paren_in_proof",
        lean("""
            theorem bad : True := (trivial
        """),
        "the parenthesis opened in the proof is never closed",
        PARSE,
    ),
    Case(
        "parse_missing_body",
        lean("""
            theorem bad : True :=
        """),
        "unexpected end of input after ':='",
        PARSE,
    ),
    Case(
        "parse_missing_assign",
        lean("""
            theorem bad : True trivial
        """),
        "no ':=' before the end of input",
        PARSE,
    ),
    Case(
        "parse_unclosed_anonymous_constructor",
        lean("""
            theorem bad : True ∧ True := ⟨trivial, trivial
        """),
        "the ⟨ is never closed",
        PARSE,
    ),
    # issue 8, item 1: `exact` fails on every hole it makes (Lean's logUnassignedAndAbort)
    Case(
        "exact_synthetic_hole",
        lean("""
            theorem bad : False := by
              exact ?_
        """),
        "exact does not turn ?_ into a goal: the hole is an error",
        "don't know how to synthesize placeholder",
    ),
    Case(
        "exact_named_hole",
        lean("""
            theorem bad : False := by
              exact ?x
        """),
        "a named hole is a hole too",
        "don't know how to synthesize placeholder",
    ),
    Case(
        "exact_anonymous_constructor_holes",
        lean("""
            theorem bad : 1 = 2 ∧ True := by
              exact ⟨?_, ?_⟩
        """),
        "both holes of ⟨?_, ?_⟩ are errors for exact",
        "don't know how to synthesize placeholder",
    ),
    Case(
        "exact_nested_by_hole",
        lean("""
            theorem bad : False := by
              exact (by exact ?_)
        """),
        "the inner exact fails on its hole",
        "don't know how to synthesize placeholder",
    ),
    Case(
        "exact_false_elim_hole",
        lean("""
            theorem bad : 1 = 2 := by
              exact False.elim ?_
        """),
        "False.elim ?_ still needs a proof of False",
        "don't know how to synthesize placeholder",
    ),
    Case(
        "exact_hole_then_close_other",
        lean("""
            theorem bad : False ∧ True := by
              constructor
              exact ?_
              trivial
        """),
        "exact ?_ on the first conjunct fails; closing the second does not help",
        "don't know how to synthesize placeholder",
    ),
    Case(
        "try_exact_hole_leaves_goal",
        lean("""
            theorem bad : False := by
              try exact ?_
              try exact ?_
        """),
        "try swallows the failure, so the goal stays open",
        "unsolved goals",
    ),
    Case(
        "all_goals_exact_hole",
        lean("""
            theorem bad : False ∧ False := by
              constructor <;> exact ?_
        """),
        "exact fails on each goal it is run on",
        "don't know how to synthesize placeholder",
    ),
    # issue 8, item 10: a tactic acts on the main goal only
    Case(
        "simp_all_main_goal_only",
        lean("""
            theorem bad (p q : Prop) (hp : p) (hq : q) : p ∧ q := by
              constructor
              simp_all
              done
        """),
        "simp_all closes the main goal only; case right stays open (Lean rejects this proof)",
        "unsolved goals",
    ),
    Case(
        "one_exact_two_goals",
        lean("""
            theorem bad (p : Prop) (hp : p) : p ∧ p := by
              constructor
              exact hp
        """),
        "exact closes one goal, not both",
        "unsolved goals",
    ),

    # ------------------------------------------------------------------ issue 8 (items 2-9): elaborator holes
    Case(
        "i8_var_leak_term",
        lean("""
            variable (h : False)
            theorem bad : (1 : Nat) = 2 := h.elim
        """),
        "since Lean 4.11 a theorem takes only the variables its header mentions; h is unknown in the proof",
        "unknown identifier",
    ),
    Case(
        "i8_var_leak_tactic",
        lean("""
            variable (h : False)
            theorem bad : (1 : Nat) = 2 := by
              exact h.elim
        """),
        "the tactic proof sees only the header's variables too",
        "unknown identifier",
    ),
    Case(
        "i8_var_leak_assumption",
        lean("""
            variable (h : False)
            theorem bad : (1 : Nat) = 2 := by
              contradiction
        """),
        "the unmentioned variable is not in the goal's context, so there is nothing to contradict",
        "",
    ),
    Case(
        "i8_var_leak_after_omit",
        lean("""
            variable (h : False)
            include h
            omit h
            theorem bad : (1 : Nat) = 2 := h.elim
        """),
        "omit undoes include",
        "unknown identifier",
    ),
    Case(
        "i8_var_leak_nested_section",
        lean("""
            namespace N
            section
            variable {p : Prop} (hp : p) (hf : False)
            theorem bad (q : Prop) : q := hf.elim
            end
            end N
        """),
        "hf is not mentioned by bad's header",
        "unknown identifier",
        "N.bad",
    ),
    Case(
        "i8_var_leak_have",
        lean("""
            variable (h : 0 = 1)
            theorem bad : (2 : Nat) = 3 := by
              have e := h
              exact congrArg (· + 2) e
        """),
        "have cannot name a variable the header does not mention",
        "",
    ),
    Case(
        "i8_prio_attribute_10",
        lean("""
            def myLE : LE Nat := ⟨fun _ _ => True⟩
            attribute [instance 10] myLE
            theorem bad : (5 : Nat) ≤ 2 := trivial
        """),
        "priority 10 is below the default 1000, so instLENat is tried first",
        MISMATCH,
    ),
    Case(
        "i8_prio_instance_low",
        lean("""
            instance (priority := low) myLE : LE Nat := ⟨fun _ _ => True⟩
            theorem bad : (5 : Nat) ≤ 2 := trivial
        """),
        "low = 100 < 1000",
        MISMATCH,
    ),
    Case(
        "i8_prio_at_instance",
        lean("""
            @[instance 10] def myLE : LE Nat := ⟨fun _ _ => True⟩
            theorem bad : (5 : Nat) ≤ 2 := trivial
        """),
        "@[instance 10] is a low-priority instance",
        MISMATCH,
    ),
    Case(
        "i8_local_instance_escapes",
        lean("""
            def myLE : LE Nat := ⟨fun _ _ => True⟩
            section
            attribute [local instance] myLE
            end
            theorem bad : (5 : Nat) ≤ 2 := trivial
        """),
        "a local instance ends with its section",
        MISMATCH,
    ),
    Case(
        "i8_false_pattern",
        lean("""
            def f : Bool → Prop
              | true => True
              | false => False
            theorem bad : f false := trivial
        """),
        "true/false are Bool.true/Bool.false (exported), not pattern variables",
        MISMATCH,
    ),
    Case(
        "i8_true_match",
        lean("""
            def g (b : Bool) : Nat := match b with
              | true => 1
              | false => 0
            theorem bad : g false = 1 := rfl
        """),
        "match on Bool constructors",
        MISMATCH,
    ),
    Case(
        "i8_fun_true_false",
        lean("""
            theorem bad : (fun | true => 0 | false => 1 : Bool → Nat) false = 0 := rfl
        """),
        "fun-match on Bool constructors",
        MISMATCH,
    ),
    Case(
        "i8_redundant_wildcard_first",
        lean("""
            def bad : Nat → Nat
              | _ => 1
              | 0 => 2
        """),
        "Lean rejects a redundant alternative",
        "redundant alternative",
    ),
    Case(
        "i8_redundant_after_cover",
        lean("""
            def bad : Nat → Nat
              | 0 => 1
              | n + 1 => 2
              | 7 => 3
        """),
        "7 is covered by n + 1",
        "redundant alternative",
    ),
    Case(
        "i8_redundant_match_term",
        lean("""
            def bad (b : Bool) : Nat := match b with
              | true => 1
              | false => 2
              | true => 3
        """),
        "the third alternative is unreachable",
        "redundant alternative",
    ),
    Case(
        "i8_core_pow_redefined",
        lean("""
            def Nat.pow (m n : Nat) := m * n
            theorem bad : Nat.pow 2 3 = 6 := rfl
        """),
        "Nat.pow is Lean core's; the redefinition is refused, so bad cannot use it",
        "",
    ),
    Case(
        "i8_core_pow_is_declared",
        lean("""
            def Nat.pow (m n : Nat) := m * n
        """),
        "real Lean: 'Nat.pow' has already been declared",
        "already been declared",
        "Nat.pow",
    ),
    Case(
        "i8_core_div",
        lean("""
            def Nat.div (m n : Nat) : Nat := m
            theorem bad : Nat.div 6 2 = 6 := rfl
        """),
        "Nat.div is Lean core's",
        "",
    ),
    Case(
        "i8_core_option",
        lean("""
            inductive Option (α : Type) where
              | none : Option α
            theorem bad : ∀ (o : Option Nat), o = Option.none := fun o => by cases o; rfl
        """),
        "Option is Lean core's; it has a `some` constructor",
        "",
    ),
    Case(
        "i8_core_theorem_name_as_def",
        lean("""
            def Nat.add_comm : Nat := 5
            theorem bad : Nat.add_comm = 5 := rfl
        """),
        "Nat.add_comm is a core theorem; a def of that name is refused",
        "",
    ),
    Case(
        "i8_core_restated_differently",
        lean("""
            namespace List
            def take : (n : Nat) → (xs : List α) → List α
              | 0,   _     => []
              | _+1, []    => []
              | n+1, _::as => as
            end List
            theorem bad : List.take 1 [1, 2, 3] = [2, 3] := rfl
        """),
        "List.take may only be restated as Lean core's definition",
        "",
    ),
    Case(
        "i8_opaque_unfolds",
        lean("""
            opaque c : Nat := 5
            theorem bad : c = 5 := rfl
        """),
        "an opaque constant never unfolds",
        MISMATCH,
    ),
    Case(
        "i8_protected_inside_namespace",
        lean("""
            namespace Foo
            protected def bar : Nat := 1
            def baz : Nat := 2
            theorem bad : bar = 1 := rfl
            end Foo
        """),
        "a protected name is not reachable by its last component, even inside its namespace",
        "",
        "Foo.bad",
    ),
    Case(
        "i8_protected_after_open",
        lean("""
            namespace Foo
            protected def bar : Nat := 1
            end Foo
            open Foo
            theorem bad : bar = 1 := rfl
        """),
        "open does not make a protected name available unqualified",
        "",
    ),
    Case(
        "i8_auto_implicit_off",
        lean("""
            set_option autoImplicit false
            theorem bad (x : α) : x = x := rfl
        """),
        "with autoImplicit false, α is unknown",
        "unknown identifier",
    ),
    Case(
        "i8_relaxed_auto_implicit_off",
        lean("""
            set_option relaxedAutoImplicit false
            theorem bad (x : αs) : x = x := rfl
        """),
        "with relaxedAutoImplicit false, only single-letter names are auto-bound",
        "unknown identifier",
    ),
    Case(
        "i8_computable_choice",
        lean("""
            def bad : Nat := Classical.choice ⟨0⟩
        """),
        "Lean's compiler: consider marking it as 'noncomputable'",
        "noncomputable",
    ),
    Case(
        "i8_unsupported_option",
        lean("""
            set_option bogus.option true in
            theorem bad : True := trivial
        """),
        "an option the checker does not implement is refused, never silently ignored",
        "unsupported option",
    ),
    Case(
        "i8_pi_notation",
        lean("""
            theorem bad : Π (n : Nat), n = n := fun n => rfl
        """),
        "Π is Mathlib notation, not core Lean",
        PARSE,
    ),
    Case(
        "i8_open_only_leaks",
        lean("""
            open Nat (succ)
            theorem bad : pred 1 = 0 := rfl
        """),
        "open Nat (succ) opens only succ",
        "",
    ),
    Case(
        "i8_failed_open_has_no_effect",
        lean("""
            open Nat renaming succ → s
            theorem bad : pred 1 = 0 := rfl
        """),
        "a command that fails must not change what later declarations mean",
        "",
    ),
    Case(
        "i8_and_rec_eta",
        lean("""
            theorem bad (p q : Prop) (h : p ∧ q) : @And.rec p q (fun _ => Nat) (fun _ _ => 5) h = 5 := rfl
        """),
        "Lean's kernel never eta-expands a proof as a major premise: the term is stuck",
        MISMATCH,
    ),
    Case(
        "i8_iff_rec_eta",
        lean("""
            theorem bad (p q : Prop) (h : p ↔ q) : @Iff.rec p q (fun _ => Nat) (fun _ _ => 5) h = 5 := rfl
        """),
        "same for Iff",
        MISMATCH,
    ),
    Case(
        "i8_and_cases_on_eta",
        lean("""
            theorem bad (p q : Prop) (h : p ∧ q) : @And.casesOn p q (fun _ => Nat) h (fun _ _ => 5) = 5 := rfl
        """),
        "same through casesOn",
        MISMATCH,
    ),
    Case(
        "i8_user_prop_structure_eta",
        lean("""
            structure P (a : Prop) : Prop where
              x : a
            theorem bad (p : Prop) (h : P p) : @P.rec p (fun _ => Nat) (fun _ => 5) h = 5 := rfl
        """),
        "same for a user's Prop structure",
        MISMATCH,
    ),
    Case(
        "i11_full_name_recursion_in_by",
        lean("""
            namespace N
            theorem bad : ∀ (n : Nat), n = 0
              | 0 => rfl
              | n+1 => by exact N.bad (n+1)
            end N
        """),
        "issue 11 item 4: the full name of the theorem being proved, in a by block, is still its own non-structural call",
        "termination",
        target="N.bad",
    ),
    Case(
        "i11_no_confusion_false_equation",
        lean("""
            theorem bad (n : Nat) : n + 1 = 0 := Nat.noConfusion rfl
        """),
        "issue 11 item 5: Nat.noConfusion of rfl gives noConfusionType P x x, never a false equation",
        MISMATCH,
    ),
    Case(
        "i11_no_confusion_wrong_motive",
        lean("""
            theorem bad (n : Nat) (h : n + 1 = 1) : n = 1 := Nat.noConfusion h (fun e => e ▸ rfl)
        """),
        "issue 11 item 5: Nat.noConfusion on succ/succ yields n = 0 here, not n = 1",
        "",
    ),
    Case(
        "i11_cdot_order",
        lean("""
            theorem bad : (fun (x y : Nat) => y - x) = (· - ·) := rfl
        """),
        "issue 11 item 2: the `·`s of a parenthesis are binders left to right: (· - ·) is fun x y => x - y",
        MISMATCH,
    ),
    Case(
        "i11_cdot_scope",
        lean("""
            theorem bad (p : Prop) (hp : p) : (fun (h : p → p) => h) = (id (·)) := rfl
            theorem bad2 : ((· + 1) : Nat → Nat) 0 = 0 := rfl
        """),
        "issue 11 item 2: a `·` belongs to its innermost parenthesis",
        "",
        target="bad2",
    ),
    Case(
        "i11_leading_dot_function_type",
        lean("""
            theorem bad (a b : Prop) : a ∨ b → a ∨ b ∨ False := .rec .inr .inl
        """),
        "issue 11 item 3: .rec resolved from the conclusion of a function expected type still builds a checked term",
        "",
    ),
    Case(
        "i11_leading_dot_inl_wrong_side",
        lean("""
            theorem bad (a b : Prop) : a → b ∨ a := .inl
        """),
        "issue 11 item 3: .inl against a → b ∨ a is Or.inl : b → b ∨ a",
        MISMATCH,
    ),
    Case(
        "i11_simp_attr_sorry_lemma",
        lean("""
            @[simp] theorem one_eq_two : (1 : Nat) = 2 := sorry
            theorem bad : (1 : Nat) = 2 := by simp
        """),
        "issue 11 item 6: a @[simp] lemma proved by sorry joins the simp set, and its users depend on sorryAx",
        "sorry",
    ),
    Case(
        "i11_simp_attr_false_via_axiom",
        lean("""
            axiom ax : ∀ n : Nat, n + 1 = n
            attribute [simp] ax
            theorem bad (n : Nat) : n + 1 = n := by simp
        """),
        "issue 11 item 6: attribute [simp] on a user axiom: the proof depends on the axiom",
        "",
    ),
    Case(
        "i11_subst_defeq_motive",
        lean("""
            theorem mul_succ' (n m : Nat) : n * Nat.succ m = n * m + n := rfl
            theorem bad : ∀ (n : Nat), 1 * n = 0
              | 0 => rfl
              | Nat.succ n => (mul_succ' 1 n).symm ▸ (bad n).symm ▸ rfl
        """),
        "issue 11 item 7: ▸ abstracting up to definitional equality still yields a kernel-checked Eq.ndrec",
        "",
    ),
    Case(
        "i11_nomatch_nonempty",
        lean("""
            theorem bad (a : Nat) (h : a ∈ [a]) (f : False) : 1 = 2 := nomatch h
        """),
        "issue 11 item 8: nomatch h needs h's type to be empty, even when another hypothesis is False",
        "",
    ),
    Case(
        "i11_nofun_nonempty",
        lean("""
            theorem bad : ∀ (n : Nat), n ≤ 0 → False := nofun
        """),
        "issue 11 item 8: nofun on a function whose domain is inhabited (0 ≤ 0)",
        "",
    ),
    Case(
        "i11_contradiction_le_zero",
        lean("""
            theorem bad (i : Nat) (h : i ≤ 0) : False := by contradiction
        """),
        "issue 11 item 10: i ≤ 0 is not empty (i = 0)",
        "contradiction",
    ),
    Case(
        "i11_ellipsis_unsolved_hole",
        lean("""
            theorem bad (p q : Prop) (hp : p) : p ∧ q := And.intro hp ..
        """),
        "issue 11 item 9: the `_` that `..` makes for a proof argument is never a proof",
        "",
    ),
    Case(
        "i11_let_scope",
        lean("""
            theorem bad {α : Sort u} {β : α → Sort v} (b : (a : α) → β a) (a a' : α) :
                (let x := a'; b x) = b a := rfl
        """),
        "issue 11 (also): the type of a let body is restricted to the outer scope (b a' vs b a)",
        "",
    ),
    Case(
        "i11_dep_match_missing_case_not_absurd",
        lean("""
            theorem bad : ∀ {l : List Nat}, l = [] → ∃ b L, l = b :: L
              | c :: l', _ => ⟨c, l', rfl⟩
        """),
        "issue 11 item 8: the uncovered case [] has h : [] = [] (no contradiction), so cases are missing",
        "missing cases",
    ),
    Case(
        "i11_dep_match_generalized_hypothesis",
        lean("""
            theorem bad (n : Nat) (h : n = 1) : n = 0 :=
              match n with
              | 0 => rfl
              | k+1 => nomatch h
        """),
        "issue 11 item 8: h is generalized to k+1 = 1 in the second branch, which is not empty",
        "",
    ),
    Case(
        "i11_indexed_match_recursion_wrong_index",
        lean("""
            theorem bad {n m : Nat} : n ≤ m → n = m
              | Nat.le.refl => rfl
              | Nat.le.step h => bad h
        """),
        "issue 11 item 8: the induction hypothesis of Nat.le.step is about the smaller index, not the goal's",
        MISMATCH,
    ),
    Case(
        "i11_indexed_match_swapped",
        lean("""
            theorem bad : {n m : Nat} → n ≤ m → m ≤ n
              | _, _, Nat.le.refl => Nat.le.refl
              | _, _, Nat.le.step h => Nat.le.step (bad h)
        """),
        "issue 11 item 8: structural recursion on Nat.le does not make ≤ symmetric",
        MISMATCH,
    ),
    Case(
        "i11_indexed_match_index_substituted",
        lean("""
            theorem bad (n m : Nat) (h : n ≤ m) (h2 : m = 5) : n = 5 :=
              match h with
              | .refl => h2
              | .step h' => h2
        """),
        "issue 11 item 8: in the step branch the generalized h2 is about the successor index, not n",
        MISMATCH,
    ),
    Case(
        "i11_match_body_recursion_not_structural",
        lean("""
            theorem bad (n m : Nat) : n ≤ m :=
              match m with
              | 0 => bad n 0
              | k+1 => Nat.le.step (bad n k)
        """),
        "issue 11 item 8: recursion through a body `match` must still be on a smaller argument",
        "termination",
    ),
    Case(
        "i11_restated_prelude_lemma_false_statement",
        lean("""
            protected theorem Nat.le_trans {n m k : Nat} : n ≤ m → m ≤ k → k ≤ n
              | h, .refl => sorry
              | h₁, .step h₂ => sorry
            theorem bad : 5 ≤ 3 := Nat.le_trans (Nat.le_succ 3) (Nat.le_succ 4)
        """),
        "issue 11 item 5: a restatement with another statement is refused, so the library's Nat.le_trans stays",
        MISMATCH,
    ),
    Case(
        "i11_restated_prelude_lemma_wrong_statement",
        lean("""
            theorem bad : ∀ (n : Nat), n ≤ 0 := fun n => Nat.zero_le n
            theorem Nat.zero_le : ∀ (n : Nat), n ≤ 0 := bad
        """),
        "issue 11 item 5: restating Nat.zero_le with a false statement",
        "",
        target="Nat.zero_le",
    ),
    Case(
        "i11_match_tactic_generalized_hypothesis",
        lean("""
            theorem bad (n : Nat) (h : n = 1) : n = 0 := by
              match n with
              | 0 => rfl
              | k+1 => contradiction
        """),
        "issue 11 item 3: in the `match` tactic's k+1 branch h is k+1 = 1, no contradiction",
        "contradiction",
    ),
    Case(
        "i11_subtype_property_is_the_predicate",
        lean("""
            theorem bad (x : { n : Nat // n > 0 }) : x.val > 1 := x.property
        """),
        "issue 11 item 9: { x // p } carries p, nothing stronger",
        MISMATCH,
    ),
    # ------------------------------------------------------------------ decidability: decide, ite/dite, BEq
    Case(
        "decide_le_false",
        lean("""
            theorem bad : 10 ≤ 9 := by decide
        """),
        "Nat.decLe 10 9 reduces to isFalse: Lean's decide reports the proposition false",
        "proved that the proposition",
    ),
    Case(
        "decide_not_refl",
        lean("""
            theorem bad : ¬(3 = 3) := by decide
        """),
        "instDecidableNot of isTrue is isFalse",
        "proved that the proposition",
    ),
    Case(
        "decide_free_variable",
        lean("""
            theorem bad (n : Nat) : n + 0 = 0 + n := by decide
        """),
        "decide needs a closed proposition (Lean: 'Expected type must not contain free variables')",
        "free variables",
    ),
    Case(
        "decide_false_hypothesis",
        lean("""
            theorem bad (h : 1 = 2) : False := by decide
        """),
        "decide ignores the hypotheses: False is decided false",
        "proved that the proposition",
    ),
    Case(
        "decide_undecidable_forall",
        lean("""
            theorem bad : ∀ n : Nat, n + 1 = n := by decide
        """),
        "no Decidable instance for a quantifier over Nat",
        "failed to synthesize",
    ),
    Case(
        "trivial_decide_false",
        lean("""
            theorem bad : 3 < 2 := by trivial
        """),
        "trivial's decide alternative must not close a false comparison",
        "",
    ),
    Case(
        "of_decide_eq_true_false_rfl",
        lean("""
            theorem bad : 2 = 3 := of_decide_eq_true rfl
        """),
        "decide (2 = 3) evaluates to false, so rfl is no proof of decide (2 = 3) = true",
        MISMATCH,
    ),
    Case(
        "of_decide_eq_true_local_instance",
        lean("""
            theorem bad {α : Type} [DecidableEq α] (a b : α) : a = b := of_decide_eq_true rfl
        """),
        "an abstract DecidableEq instance does not compute: decide (a = b) is stuck",
        MISMATCH,
    ),
    Case(
        "decide_eq_true_rfl_false",
        lean("""
            theorem bad : decide (2 = 3) = true := rfl
        """),
        "decide computes to false",
        MISMATCH,
    ),
    Case(
        "if_pos_wrong_branch",
        lean("""
            theorem bad (c : Prop) [Decidable c] (a b : Nat) (h : c) : (if c then a else b) = b := if_pos h
        """),
        "if_pos gives the then-branch, not the else-branch",
        MISMATCH,
    ),
    Case(
        "if_neg_with_positive_hypothesis",
        lean("""
            theorem bad (a b : Nat) (h : a = b) : (if a = b then 1 else 2) = 2 := if_neg h
        """),
        "if_neg needs ¬c",
        MISMATCH,
    ),
    Case(
        "ite_stuck_on_variable",
        lean("""
            theorem bad (n : Nat) : (if n = 0 then 1 else 2) = 1 := rfl
        """),
        "Nat.decEq n 0 is stuck on the variable n",
        MISMATCH,
    ),
    Case(
        "dite_computes_else",
        lean("""
            theorem bad : (if h : 2 = 3 then 0 else 1) = 0 := rfl
        """),
        "the condition is false: dite takes the else branch, 1",
        MISMATCH,
    ),
    Case(
        "beq_false_rfl",
        lean("""
            theorem bad : (2 == 3) = true := rfl
        """),
        "2 == 3 is decide (2 = 3) = false",
        MISMATCH,
    ),
    Case(
        "bne_self_decide",
        lean("""
            theorem bad : (2 != 2) = true := by decide
        """),
        "2 != 2 is !(2 == 2) = false",
        "proved that the proposition",
    ),
    Case(
        "bool_as_prop_false",
        lean("""
            theorem bad : (false : Bool) := rfl
        """),
        "a Bool used as a Prop is `b = true` (Lean's coercion): false = true has no proof",
        MISMATCH,
    ),
    Case(
        "by_contradiction_wrong_body",
        lean("""
            theorem bad (p : Prop) [Decidable p] : p := Decidable.byContradiction (fun h => h)
        """),
        "the body must prove False from ¬p",
        MISMATCH,
    ),
    Case(
        "max_is_not_min",
        lean("""
            theorem bad : max 3 5 = 3 := by decide
        """),
        "Nat.max is `if n ≤ m then m else n`: max 3 5 is 5",
        "proved that the proposition",
    ),
    Case(
        "min_var_stuck",
        lean("""
            theorem bad (n : Nat) : min n 0 = n := rfl
        """),
        "Nat.min n 0 is stuck on Nat.decLe n 0 (and is 0, not n)",
        MISMATCH,
    ),
    Case(
        "split_then_branch_is_not_else",
        lean("""
            theorem bad (a b : Nat) : (if a ≤ b then b else a) = a := by
              split
              · rfl
              · rfl
        """),
        "after split the then-branch goal is b = a, which rfl cannot close",
        "rfl",
    ),
    Case(
        "split_swapped_hypotheses",
        lean("""
            theorem bad (n : Nat) : (if n = 0 then 0 else 1) = 0 := by
              split
              · rfl
              · rename_i h
                exact absurd rfl h
        """),
        "the else-branch has h : ¬n = 0, from which rfl : n = n gives no contradiction",
        "",
    ),
    Case(
        "decide_list_append_wrong",
        lean("""
            theorem bad : [1, 2] ++ [3] = [3, 2, 1] := by decide
        """),
        "List.hasDecEq compares elementwise: the lists differ",
        "proved that the proposition",
    ),
    Case(
        "simp_if_wrong_branch",
        lean("""
            theorem bad (n : Nat) : (if n = n then 1 else 2) = 2 := by simp
        """),
        "simp reduces the if to its then-branch 1; 1 = 2 is false",
        "",
    ),
    Case(
        "class_inductive_no_ctor_proof",
        lean("""
            class inductive Truthy (p : Prop) : Prop
              | yes (h : p)
            theorem bad : Truthy (1 = 2) := Truthy.yes rfl
        """),
        "a class inductive is an ordinary inductive: its constructor still needs a proof of p",
        MISMATCH,
    ),
    Case(
        "i11_auto_bound_unknown_type_any_sort",
        lean("""
            theorem bad : ∀ (b : a'), False := fun b => nomatch b
        """),
        "issue 11 item 1: the generalized type of an auto-bound a' is any Sort, not an empty one",
        "",
    ),
    Case(
        "i11_match_named_discriminant_equation",
        lean("""
            theorem bad (n : Nat) : n = 1 :=
              match h : n with
              | 0 => absurd h (Nat.succ_ne_zero 0)
              | k+1 => h ▸ rfl
        """),
        "issue 11 item 8: `match h : n` gives h : n = 0 (not 1 = 0) and h : n = k+1, which prove nothing about 1",
        "",
    ),
    Case(
        "i11_field_notation_implicit_const",
        lean("""
            theorem Iff.comm' {a b : Prop} : (a ↔ b) ↔ (b ↔ a) := Iff.intro Iff.symm Iff.symm
            theorem Iff.trans' {a b c : Prop} (h₁ : a ↔ b) (h₂ : b ↔ c) : a ↔ c :=
              Iff.intro (h₂.mp ∘ h₁.mp) (h₁.mpr ∘ h₂.mpr)
            theorem bad (a b : Prop) : (a ↔ b) ↔ (a ↔ a) := Iff.comm'.trans' (Iff.refl _)
        """),
        "issue 11 item 9: field notation on a constant with implicit arguments fills them by unification only",
        "",
    ),
    # -- datatypes branch: calc/Trans, Prod, Option, HEq/cast, List functions ------------------------
    Case(
        "dt_simp_accumulator_equation",
        lean("""
            theorem bad (a : Nat) (as bs : List Nat) : List.reverseAux (a :: as) bs = List.reverseAux as bs := by
              simp [List.reverseAux]
        """),
        "the equation of an accumulator function moves the head onto the accumulator, it does not drop it",
        "",
    ),
    Case(
        "dt_calc_wrong_step",
        lean("""
            theorem bad (a b c : Nat) (h1 : a = b) (h2 : b = c) : a = c + 1 :=
              calc a = b := h1
                _ = c + 1 := h2
        """),
        "a calc step's proof must prove that step",
        MISMATCH,
    ),
    Case(
        "dt_calc_le_chain_is_no_lt",
        lean("""
            theorem bad (a b c : Nat) (h1 : a ≤ b) (h2 : b ≤ c) : a < c := by
              calc a ≤ b := h1
                _ ≤ c := h2
        """),
        "two ≤ steps compose to ≤ (Trans ≤ ≤ ≤); the tactic's extra step c < c stays open",
        "unsolved goals",
    ),
    Case(
        "dt_calc_step_skips_a_term",
        lean("""
            theorem bad (a b c d : Nat) (h1 : a < b) (h2 : c < d) : a < d :=
              calc a < b := h1
                _ < d := h2
        """),
        "each step starts from the previous right-hand side (b), not from any term",
        MISMATCH,
    ),
    Case(
        "dt_calc_tactic_extension_needs_its_goal",
        lean("""
            theorem bad (a b c : Nat) (h : a < b) : a < c := by
              calc a < b := h
              exact Nat.lt_irrefl c
        """),
        "the calc tactic's last step b < c is a goal of its own",
        MISMATCH,
    ),
    Case(
        "dt_prod_fst_is_the_first",
        lean("""
            theorem bad : (1, 2).1 = 2 := rfl
        """),
        "Prod.fst of (1, 2) is 1",
        MISMATCH,
    ),
    Case(
        "dt_prod_injeq_by_simp",
        lean("""
            theorem bad (a b c d : Nat) (h : (a, b) = (c, d)) : a = d := by simp at h; exact h.1
        """),
        "Prod.mk.injEq pairs the components in order: a = c, b = d",
        MISMATCH,
    ),
    Case(
        "dt_option_none_is_not_some",
        lean("""
            theorem bad : (none : Option Nat) = some 0 := by simp
        """),
        "none and some are distinct constructors",
        "",
    ),
    Case(
        "dt_option_getd_default_only_on_none",
        lean("""
            theorem bad : (some 3).getD 0 = 0 := by simp
        """),
        "getD of some a is a",
        "",
    ),
    Case(
        "dt_heq_is_not_any_equation",
        lean("""
            theorem bad (a b : Nat) (h : HEq a b) : b = a + 1 := eq_of_heq h
        """),
        "eq_of_heq gives a = b only",
        MISMATCH,
    ),
    Case(
        "dt_cast_is_identity_only_on_refl",
        lean("""
            theorem bad (h : Nat = Nat) (a : Nat) : cast h a = a + 1 := by simp
        """),
        "cast_eq gives cast h a = a, nothing else",
        "",
    ),
    Case(
        "dt_list_foldl_sums",
        lean("""
            theorem bad : List.foldl (· + ·) 0 [1, 2] = 4 := by simp [List.foldl]
        """),
        "foldl (+) 0 [1, 2] is 3",
        "",
    ),
    Case(
        "dt_list_filter_keeps_what_passes",
        lean("""
            theorem bad : List.filter (fun n => Nat.beq n 2) [1, 2, 3] = [] := by simp [List.filter]
        """),
        "filter keeps 2",
        "",
    ),
    Case(
        "dt_list_take_drop_unfold",
        lean("""
            theorem bad (a : Nat) (l : List Nat) : List.drop 1 (a :: l) = a :: l := by rw [List.drop]
        """),
        "drop 1 (a :: l) is l",
        "",
    ),
    Case(
        "dt_list_def_restated_differently",
        lean("""
            def List.filter {α : Type u} (p : α → Bool) : (l : List α) → List α
              | [] => []
              | _::as => List.filter p as
            theorem bad : List.filter (fun _ => true) [1] = [] := rfl
        """),
        "a restated library definition must be Lean core's; the library's filter keeps 1",
        "",
    ),
    Case(
        "dt_subst_dependent_equation",
        lean("""
            theorem bad {α β : Sort u} (h : α = β) (a b : α) : HEq (cast h a) b := by
              subst h
              exact HEq.refl a
        """),
        "after subst h the goal is HEq (cast rfl a) b, which HEq.refl a does not prove",
        "",
    ),
    Case(
        "dt_simp_abstracted_holes_stay_general",
        lean("""
            theorem helper {n : Nat} (h : n = 0) : n + 1 = 1 := by rw [h]
            theorem bad (m : Nat) : m + 1 = 1 := by simp [helper]
        """),
        "a simp lemma's hypotheses are side goals, never assumed",
        "",
    ),
    Case(
        "dt_simp_projection_picks_its_field",
        lean("""
            theorem bad (a b : Nat) (h : (a, b).2 = 0) : a = 0 := by simp at h; exact h
        """),
        "(a, b).2 is b",
        MISMATCH,
    ),
    Case(
        "dt_induction_list_of_lists_no_head_hypothesis",
        lean("""
            theorem bad (L : List (List Nat)) : L = [] := by
              induction L with
              | nil => rfl
              | cons l L ih => exact ih
        """),
        "the head of a List (List α) is no recursive field: ih is about the tail only",
        "",
    ),
    Case(
        "dt_prod_map_keeps_sides",
        lean("""
            theorem bad : Prod.map (· + 1) (· + 2) (0, 0) = (2, 1) := by simp
        """),
        "Prod.map f g (a, b) is (f a, g b)",
        "",
    ),
    # -- fid-list: Lean core's List files (auto-bound type holes, match contradiction, simp, patterns)
    Case(
        "fid_list_auto_bound_type_hole_is_general",
        lean("""
            theorem bad : [].foldl f b = f b b := rfl
        """),
        "the hole in f's and b's types becomes a universally quantified α✝, not a type where f b b = b",
        "",
    ),
    Case(
        "fid_list_auto_bound_two_holes_distinct",
        lean("""
            theorem bad (H : h₁ :: t₁ = h₂ :: t₂) (x : α) : (h₁ = x) := (List.cons.inj H).1
        """),
        "each type hole gets its own auto-bound type; h₁ is not x",
        "",
    ),
    Case(
        "fid_list_match_uncovered_case_not_absurd",
        lean("""
            theorem bad (_ : List.length l = 1) : l = [] := match l with | [] => rfl
        """),
        "the case a :: l' is uncovered and `[a].length = 1` is no contradiction",
        "missing cases",
    ),
    Case(
        "fid_list_match_outer_false_not_used",
        lean("""
            theorem bad (f : False) : ∀ (l : List Nat), l.length = 0
              | [] => rfl
        """),
        "Lean's match compiler closes uncovered cases with the matcher's own hypotheses only",
        "missing cases",
    ),
    Case(
        "fid_list_nofun_tactic_needs_empty",
        lean("""
            theorem bad {a : α} {l : List α} (h : a ∈ l) : l = [] := by cases h <;> nofun
        """),
        "a :: l = [] is no function type to refute",
        "",
    ),
    Case(
        "fid_list_reduce_ctor_eq_is_false",
        lean("""
            theorem bad {x : α} (l : List α) : (x :: l = []) = True := by simp
        """),
        "reduceCtorEq turns x :: l = [] into False, never True",
        "",
    ),
    Case(
        "fid_list_reduce_ctor_eq_same_ctor",
        lean("""
            theorem bad (a b : Nat) : (some a = some b) = False := by simp
        """),
        "reduceCtorEq only fires on different constructors",
        "",
    ),
    Case(
        "fid_list_simp_instance_projection",
        lean("""
            theorem bad (as : List Nat) : as ++ [1] = as := by
              simp [HAppend.hAppend, Append.append, List.append]
        """),
        "unfolding ++ through its instance gives List.append's equations, not a collapse",
        "",
    ),
    Case(
        "fid_list_rfl_pattern_substitutes",
        lean("""
            theorem bad (h : a = b ∨ c = b) : a = c := match h with | Or.inl rfl => rfl | Or.inr rfl => rfl
        """),
        "the rfl pattern substitutes b, it does not identify a and c",
        "",
    ),
    Case(
        "fid_list_suffices_goal_remains",
        lean("""
            theorem bad (p q : Prop) (h : p → q) : q := by
              suffices h2 : p by exact h h2
              exact h
        """),
        "after `suffices h2 : p by …` the goal is p",
        "",
    ),
    Case(
        "fid_list_funext_needs_pointwise",
        lean("""
            theorem bad : (fun x : Nat => x + 0) = (fun x => 0 + x) := by funext x; rfl
        """),
        "x + 0 and 0 + x differ definitionally on a variable",
        "",
    ),
    Case(
        "fid_list_implicit_lambda_anon_ctor",
        lean("""
            theorem bad : ∀ {l : List Nat}, 0 < l.length ↔ ∃ h t, l = t ++ [h, h] :=
              ⟨fun _ => ⟨0, [], sorry⟩, fun ⟨_, _, e⟩ => e ▸ Nat.zero_lt_succ _⟩
        """),
        "the implicit lambda does not make a false iff true",
        "",
    ),
    Case(
        "fid_list_set_out_of_range",
        lean("""
            theorem bad : [1, 2, 3].set 3 7 = [1, 2, 3, 7] := rfl
        """),
        "List.set past the end leaves the list unchanged",
        "",
    ),
    Case(
        "fid_list_split_match_keeps_branches",
        lean("""
            theorem bad {p : α → Bool} (a : α) (l : List α) : List.filter p (a :: l) = a :: List.filter p l := by
              simp only [List.filter]
              split
              · rfl
              · rfl
        """),
        "split on `match p a` gives the false branch `filter p l`, which is not `a :: filter p l`",
        "",
    ),
    Case(
        "fid_list_rw_inner_match_needs_the_value",
        lean("""
            theorem bad {p : α → Bool} {a : α} {l : List α} (pa : p a = false) :
                List.filter p (a :: l) = a :: List.filter p l := by rw [List.filter, pa]
        """),
        "with p a = false the equation's match takes the false branch",
        "",
    ),
    Case(
        "fid_list_simp_priority_no_new_fact",
        lean("""
            @[simp 1100] theorem hd : @List.headD Nat [] 0 = 0 := rfl
            theorem bad (d : Nat) : List.headD [] d = 0 := by simp
        """),
        "a priority changes the order simp tries lemmas, not what they say",
        "",
    ),
    # -- fid-logic branch: Lean core's logic files (restatements, Core defs, dot notation, simp only) ------
    Case(
        "fid_logic_restate_core_theorem_other_statement",
        lean("""
            theorem true_and (p : Prop) : (True ∧ p) = True := propext ⟨fun _ => trivial, fun _ => sorry⟩
            theorem bad : (True ∧ False) = True := true_and False
        """),
        "a library theorem is restated only with its own statement; the library's constant stays",
        MISMATCH,
    ),
    Case(
        "fid_logic_restate_simp_lemma_by_simp",
        lean("""
            theorem and_true (p : Prop) : (p ∧ True) = p := by simp [and_true]
        """),
        "a restated simp lemma cannot be proved by simp using the lemma itself",
        "",
        target="and_true",
    ),
    Case(
        "fid_logic_cond_redefined_swapped",
        lean("""
            @[macroInline] def cond {α : Sort u} (c : Bool) (x y : α) : α :=
              match c with
              | true  => y
              | false => x
            theorem bad : cond true 1 2 = 2 := rfl
        """),
        "a core definition restated differently is refused; cond true picks the first branch",
        MISMATCH,
    ),
    Case(
        "fid_logic_inline_attribute_no_effect",
        lean("""
            @[inline] def f (n : Nat) : Nat := n + 1
            theorem bad : f 1 = 1 := rfl
        """),
        "a compiler-only attribute changes nothing about the definition's value",
        MISMATCH,
    ),
    Case(
        "fid_logic_not_elim_wrong_side",
        lean("""
            theorem bad {a b : Prop} (ha : ¬a) : a ∨ b → a := fun h => h.elim id ha.elim
        """),
        "`ha.elim` is Not.elim : ¬a → a → C; it needs a proof of a, not b",
        MISMATCH,
    ),
    Case(
        "fid_logic_class_projection_wrong_class",
        lean("""
            theorem bad {α : Sort u} [h : Nonempty α] (a b : α) : a = b := h.allEq a b
        """),
        "`h.allEq` resolves in the namespace of h's class (Nonempty has no allEq)",
        "",
    ),
    Case(
        "fid_logic_simp_only_builtin_not_symmetric",
        lean("""
            theorem bad (p q : Prop) : (p ↔ q) := by simp only []
        """),
        "simp only's iff_self closes p ↔ p only, never p ↔ q",
        "",
    ),
    Case(
        "fid_logic_dot_call_trailing_wrong_type",
        lean("""
            theorem bad {a b : Prop} (h : a ↔ b) (hb : b) : b → a := fun _ => h.mp hb
        """),
        "with the receiver fixed first, h.mp hb is still ill-typed (h.mp takes a proof of a)",
        MISMATCH,
    ),
    Case(
        "fid_logic_rfl_pattern_not_symmetric_goal",
        lean("""
            theorem bad (a b : Nat) : a = b → a = b + 1
              | rfl => rfl
        """),
        "`rfl` as a pattern substitutes b := a; a = a + 1 is still false",
        "",
    ),
    Case(
        "fid_logic_rfl_pattern_non_variable_index",
        lean("""
            theorem bad (a : Nat) : a = a + 1 → False
              | rfl => trivial
        """),
        "a rfl pattern whose index is no variable cannot be split (Lean: dependent elimination fails)",
        "",
    ),
    Case(
        "fid_logic_cases_heq_keeps_types",
        lean("""
            theorem bad {α β : Sort u} {a : α} {b : β} (h : HEq a b) : (α = β) = False := by
              cases h
              rfl
        """),
        "cases on HEq a b identifies b with a; α = α is not False",
        "",
    ),
    Case(
        "fid_logic_rw_instance_is_not_guessed",
        lean("""
            theorem nn {p : Prop} [Decidable p] : ¬¬p ↔ p := ⟨Decidable.of_not_not, not_not_intro⟩
            theorem bad {a b : Prop} [Decidable a] [Decidable b] (h : ¬¬a) : b := by
              rw [nn] at h
              exact h
        """),
        "the rewrite fixes p := a from the match; it never proves b",
        "",
    ),
    Case(
        "fid_logic_motive_universe_no_false",
        lean("""
            theorem bad {a b : Prop} : (a ∧ b) ∨ (¬a ∧ ¬b) → False :=
              Or.rec (And.rec fun ha _ => ha) (And.rec fun _ hb => hb)
        """),
        "the motive's universe is fixed by its assignment; the branches still have to prove False",
        "",
    ),
    Case(
        "fid_logic_simp_bool_lemmas_keep_meaning",
        lean("""
            theorem bad (b : Bool) : (!b) = b := by cases b <;> simp
        """),
        "the Bool simp lemmas (Bool.not_not, Bool.not_true, …) never make !b equal to b",
        "",
    ),
    Case(
        "fid_logic_decide_simp_no_flip",
        lean("""
            theorem bad (p : Prop) [Decidable p] (h : decide p = true) : ¬p := by simp at h; exact h
        """),
        "decide_eq_true_eq turns decide p = true into p, not ¬p",
        "",
    ),
    Case(
        "fid_logic_rec_motive_from_expected_type",
        lean("""
            theorem bad (a b : Prop) (h : a ∨ b) : a := h.rec id id
        """),
        "the motive abstracted from the expected type still needs each minor premise to prove it",
        "",
    ),
    # ------------------------------------------------------------------ fid-nat: Lean core's Nat files
    Case(
        "fid_nat_implicit_lambda_keeps_the_statement",
        lean("""
            theorem bad : ∀ {a b : Nat}, a < b → b < a := fun h => h
        """),
        "the implicit lambda introduces a and b; h : a < b still is no proof of b < a",
        MISMATCH,
    ),
    Case(
        "fid_nat_flip_swaps_arguments",
        lean("""
            theorem bad : flip Nat.sub 1 3 = 0 := rfl
        """),
        "flip Nat.sub 1 3 is 3 - 1 = 2",
        MISMATCH,
    ),
    Case(
        "fid_nat_subst_fallback_needs_the_rewritten_type",
        lean("""
            theorem bad {a b c : Nat} (he : a = b) (h : c < b) : a < c := he ▸ h
        """),
        "rewriting c < b along a = b never gives a < c",
        "",
    ),
    Case(
        "fid_nat_match_missing_case_not_absurd",
        lean("""
            theorem bad : ∀ {n : Nat}, n ≠ 1 → n = 0
              | 0, _ => rfl
        """),
        "the case n + 1 with n + 1 ≠ 1 is not contradictory (n = 1 gives 2 ≠ 1)",
        "missing",
    ),
    Case(
        "fid_nat_rfl_pattern_substitutes",
        lean("""
            theorem bad {n m : Nat} : n = m + 0 → n = m + 1 := fun | rfl => rfl
        """),
        "after rfl the goal is m + 0 = m + 1, false",
        "",
    ),
    Case(
        "fid_nat_suffices_proves_its_type",
        lean("""
            theorem bad (p q : Prop) (hp : p) : q :=
              suffices p from this
              hp
        """),
        "this : p is no proof of q",
        MISMATCH,
    ),
    Case(
        "fid_nat_induction_pre_tactic_leaves_goal",
        lean("""
            theorem bad (n : Nat) : n = 0 := by
              induction n with skip
              | zero => rfl
        """),
        "the pre-tactic leaves the succ case open and no alternative closes it",
        "",
    ),
    Case(
        "fid_nat_restated_simp_lemma_must_match",
        lean("""
            theorem Nat.zero_eq : Nat.zero = 1 := rfl
        """),
        "a restated library simp lemma must have Lean core's statement",
        "",
        "Nat.zero_eq",
    ),
    Case(
        "fid_nat_pow_computes",
        lean("""
            theorem bad : 2 ^ 3 = 6 := by decide
        """),
        "2 ^ 3 = 8",
        "",
    ),
    Case(
        "fid_nat_blt_restated_must_be_core",
        lean("""
            def Nat.blt (a b : Nat) : Bool := Nat.ble a b
        """),
        "Nat.blt a b is Nat.ble (a + 1) b in Lean core",
        "already",
        "Nat.blt",
    ),
    Case(
        "fid_nat_let_pattern_binds_the_fields",
        lean("""
            theorem bad {n m : Nat} (h : ∃ k, n + k = m) : n = m := by
              let ⟨k, hk⟩ := h
              exact hk
        """),
        "hk : n + k = m, not n = m",
        MISMATCH,
    ),
    Case(
        "fid_nat_match_missing_case_empty_family_only_when_empty",
        lean("""
            theorem bad : ∀ {n m : Nat}, n ≤ m + 1 → n = 0
              | 0, _, _ => rfl
        """),
        "n + 1 ≤ m + 1 is inhabited: the missing case is not contradictory",
        "missing",
    ),
    Case(
        "fid_nat_injection_gives_the_field_equations",
        lean("""
            theorem bad {a b : Nat} (h : a + 1 = b + 2) : a = b := by
              injection h with h'
              exact h'
        """),
        "a + 1 = b + 2 gives a = b + 1",
        MISMATCH,
    ),
    Case(
        "fid_nat_cases_whnf_side_substitutes_correctly",
        lean("""
            theorem bad {n m : Nat} (h : m + 1 = n + 1 - 1) : n = m := by
              cases h
              rfl
        """),
        "n + 1 - 1 reduces to n, so cases substitutes n := m + 1; m + 1 = m is false",
        "",
    ),
    Case(
        "fid_nat_match_field_type_beta",
        lean("""
            theorem bad {a c : Nat} (h : ∃ d, a + d = c) : a = c :=
              match h with
              | ⟨d, hd⟩ => hd
        """),
        "hd : a + d = c after beta-reduction, not a = c",
        MISMATCH,
    ),
    # -- rcases alternatives beyond the constructors go to the last one (`ha | hb | hc` on a ∨ b ∨ c) -----
    Case(
        "lead_rcases_three_alternatives_first_is_not_the_middle",
        lean("""
            theorem bad (a b c : Prop) (h : a ∨ b ∨ c) : b := by
              rcases h with ha | hb | hc
              · exact ha
              · exact hb
              · exact hc
        """),
        "the first alternative is `a`, not `b`: the extra alternatives split only the last constructor's field",
        MISMATCH,
    ),
    Case(
        "lead_rcases_three_alternatives_last_case_is_c",
        lean("""
            theorem bad (a b c : Prop) (h : a ∨ b ∨ c) : a ∨ b := by
              rcases h with ha | hb | hc
              · exact Or.inl ha
              · exact Or.inr hb
              · exact Or.inr hc
        """),
        "the third case has only `c`, which proves neither `a` nor `b`",
        MISMATCH,
    ),
    # -- fid-list3 branch: more of Lean core's List proofs (match on non-variable indices, ...) ---------
    Case(
        "fid_list3_match_mem_literal_missing_tail",
        lean("""
            theorem bad {a b c : α} : a ∈ [b, c] → a = b
              | .head .. => rfl
        """),
        "a ∈ [b, c] also holds through `tail` (a = c): that case is missing, not absurd",
        "missing cases",
    ),
    Case(
        "fid_list3_match_mem_literal_outer_false_not_used",
        lean("""
            theorem bad (f : False) {a b c : α} : a ∈ [b, c] → a = b
              | .head .. => rfl
        """),
        "the uncovered `tail` case is closed only by the matcher's own hypotheses, never by an outer f : False",
        "missing cases",
    ),
    Case(
        "fid_list3_match_mem_cons_tail_is_not_head",
        lean("""
            theorem bad {a b : α} {l : List α} : a ∈ b :: l → a = b
              | .head .. => rfl
              | .tail _ _ => rfl
        """),
        "in the `tail` case a is any member of l, not b",
        MISMATCH,
    ),
    Case(
        "fid_list3_match_eq_zero_index_substitutes",
        lean("""
            theorem bad (i : Nat) (h : i = 0) : i = 1 := match h with | rfl => rfl
        """),
        "the `rfl` pattern on i = 0 substitutes i := 0, and 0 = 1 is false",
        MISMATCH,
    ),
    Case(
        "fid_list3_match_eq_nil_index_substitutes",
        lean("""
            theorem bad : ∀ (l : List Nat), l = [] → l.length = 1
              | _, rfl => rfl
        """),
        "the `rfl` pattern on l = [] substitutes l := [], whose length is 0",
        MISMATCH,
    ),
    Case(
        "fid_list3_match_nonvar_index_recursion",
        lean("""
            theorem bad : ∀ {l : List Nat} {n : Nat} {a b : Nat}, a ∈ l.set n b → a ∈ l
              | _ :: _, 0, _, _, .head .. => .head _
              | _ :: _, 0, _, _, .tail _ h => .tail _ h
              | _ :: _, _+1, _, _, .head .. => .head ..
              | _ :: _, _+1, _, _, .tail _ h => .tail _ (bad h)
        """),
        "b ∈ [x].set 0 b but b need not be in [x]: the first branch cannot be .head",
        "",
    ),
    Case(
        "fid_list3_nofun_inhabited_existential",
        lean("""
            theorem bad (p : α → Prop) : ¬ (∃ x, ∃ _ : x ∈ [x], p x) := nofun
        """),
        "x ∈ [x] holds: splitting the existentials leaves a case no contradiction closes",
        "missing cases",
    ),
    Case(
        "fid_list3_nomatch_bool_both_cases",
        lean("""
            theorem bad (b : Bool) : False := nomatch b
        """),
        "splitting a Bool leaves two cases and neither is absurd",
        "missing cases",
    ),
    Case(
        "fid_list3_nomatch_generalized_hyps_not_outer",
        lean("""
            theorem bad (f : False) (l : List Nat) : l ≠ [] := fun _ => nomatch l
        """),
        "the matcher sees l and what depends on it (l = []), never the outer f : False",
        "missing cases",
    ),
    Case(
        "fid_list3_contradiction_nested_inhabited",
        lean("""
            theorem bad {n : Nat} (h : n + 1 ≤ 1) : False := by contradiction
        """),
        "0 + 1 ≤ 1 holds: the empty-type search must not close the refl case",
        "contradiction",
    ),
    Case(
        "fid_list3_eq_false_of_ne_true_direction",
        lean("""
            theorem bad (b : Bool) (h : ¬ b = false) : b = false := eq_false_of_ne_true h
        """),
        "eq_false_of_ne_true needs ¬ b = true, and ¬ b = false gives b = true",
        MISMATCH,
    ),
    Case(
        "fid_list3_dotted_auto_bound_statement",
        lean("""
            theorem bad : l.head?.isSome = true ↔ l = [] := by
              cases l with
              | nil => exact ⟨nofun, fun _ => rfl⟩
              | cons a l => exact ⟨nofun, nofun⟩
        """),
        "l auto-bound through l.head? is any list: [].head?.isSome is false",
        "",
    ),
    Case(
        "fid_list3_dotted_unknown_namespace_not_bound",
        lean("""
            theorem bad : List.foo = 1 := rfl
        """),
        "List is a namespace: List.foo is an unknown constant, not a field of an auto-bound List",
        "unknown identifier",
    ),
    Case(
        "fid_list3_recursion_through_simp_not_smaller",
        lean("""
            theorem bad : ∀ {l : List Nat} {f : Nat → Nat}, (l.map f).length = l.length + 1
              | [], f => by simp only [bad (l := [])]
              | a :: l, f => by simp only [bad (l := a :: l)]
        """),
        "a recursive call on a :: l itself (after the simp argument's abstraction is applied) is no structural recursion",
        "",
    ),
    Case(
        "fid_list3_option_coercion_is_some",
        lean("""
            theorem bad (n : Nat) : (n : Option Nat) = none := rfl
        """),
        "Lean's optionCoe makes n an Option as `some n`, never `none`",
        "",
    ),
    Case(
        "fid_list3_receiver_first_statement",
        lean("""
            theorem bad {a : α} (l : List α) : (l ++ [a]).head? = l.head?.getD (some a) := by
              cases l <;> rfl
        """),
        "with getD's type fixed by the receiver l.head? : Option α, `some a` is no α",
        "",
    ),
    Case(
        "fid_list3_decidable_bex_false",
        lean("""
            theorem bad : decide (∃ x, x ∈ [1, 2, 3] ∧ x = 4) = true := rfl
        """),
        "no member of [1, 2, 3] is 4: List.decidableBEx decides false",
        "",
    ),
    Case(
        "fid_list3_decidable_ball_false",
        lean("""
            theorem bad : decide (∀ x, x ∈ [1, 2] → x = 1) = true := rfl
        """),
        "2 ∈ [1, 2] and 2 ≠ 1: List.decidableBAll decides false",
        "",
    ),
    Case(
        "fid_list3_taild_of_cons",
        lean("""
            theorem bad : [1, 2].tailD [3] = [3] := rfl
        """),
        "tailD of a cons is its tail [2], the fallback only for []",
        "",
    ),
    Case(
        "fid_list3_pattern_let_keeps_types",
        lean("""
            theorem bad (h : ∃ x : Nat, x = 1) : ∃ x : Nat, x = 2 := let ⟨x, hx⟩ := h; ⟨x, hx⟩
        """),
        "let ⟨x, hx⟩ := h is a match: hx : x = 1, not x = 2",
        "",
    ),
    Case(
        "fid_list3_alternatives_by_column",
        lean("""
            theorem bad (b : Bool) : b = true :=
              match b with
              | true => (fun
                  | 0 => rfl
                  | _ + 1 => rfl : ∀ n : Nat, true = true) 0
              | false => rfl
        """),
        "the `| false` alternative (left of the inner fun's) is the outer match's, and false = true fails",
        "",
    ),
    # -- fid-core3 branch: Init/Core.lean as Lean writes it (restated types, anonymous instances, { … }) -----
    Case(
        "fid_core3_class_restated_other_field",
        lean("""
            class Subsingleton (α : Sort u) : Prop where
              intro :: allEq : (a b : α) → a ≠ b
            theorem bad : (0 : Nat) ≠ 0 := Subsingleton.allEq (α := Nat) (self := ⟨fun _ _ => sorry⟩) 0 0
        """),
        "a class restated with another field type is refused; the library's allEq states a = b",
        "",
    ),
    Case(
        "fid_core3_class_restated_other_field_itself",
        lean("""
            class Subsingleton (α : Sort u) : Prop where
              intro :: allEq : (a b : α) → a ≠ b
        """),
        "a restated class must be the library's (Lean core's) class",
        "already been declared",
        target="Subsingleton",
    ),
    Case(
        "fid_core3_structure_restated_swapped_fields",
        lean("""
            structure Prod (α : Type u) (β : Type v) where
              snd : α
              fst : β
            theorem bad : (Prod.mk 1 2 : Nat × Nat).fst = 2 := rfl
        """),
        "a structure restated with other field names is refused; Prod.fst stays the first field",
        MISMATCH,
    ),
    Case(
        "fid_core3_inductive_restated_inhabited_false",
        lean("""
            inductive False : Prop where
              | intro : False
            theorem bad : False := False.intro
        """),
        "False restated with a constructor is refused; False.intro does not exist",
        "already been declared|unknown",
    ),
    Case(
        "fid_core3_structure_restated_as_class",
        lean("""
            class Equivalence {α : Sort u} (r : α → α → Prop) : Prop where
              refl  : ∀ x, r x x
              symm  : ∀ {x y}, r x y → r y x
              trans : ∀ {x y z}, r x y → r y z → r x z
        """),
        "a structure restated as a class is another declaration",
        "already been declared",
        target="Equivalence",
    ),
    Case(
        "fid_core3_anonymous_instance_ill_typed",
        lean("""
            instance : Decidable False := isTrue trivial
            theorem bad : False := of_decide_eq_true (rfl : @decide False instDecidableFalse_1 = true)
        """),
        "an anonymous instance is elaborated and kernel-checked like a named one; the ill-typed one never enters",
        "",
    ),
    Case(
        "fid_core3_anonymous_instance_by_name_wrong_value",
        lean("""
            instance : Decidable True := isTrue trivial
            theorem bad : @decide True instDecidableTrue_1 = false := rfl
        """),
        "the generated name denotes the instance just declared (decide gives true)",
        MISMATCH,
    ),
    Case(
        "fid_core3_anonymous_instance_where_wrong_field",
        lean("""
            structure Box where
              val : Nat
            instance : BEq Box where
              beq a b := a.val == b.val
            theorem bad : (Box.mk 1 == Box.mk 2) = true := rfl
        """),
        "the where-instance compares the values; 1 == 2 is false",
        MISMATCH,
    ),
    Case(
        "fid_core3_structure_instance_wrong_projection",
        lean("""
            theorem bad : ({ fst := 1, snd := 2 } : Nat × Nat).snd = 1 := rfl
        """),
        "{ fst := 1, snd := 2 } puts 2 in snd",
        MISMATCH,
    ),
    Case(
        "fid_core3_structure_instance_with_keeps_base",
        lean("""
            def p : Nat × Nat := (1, 2)
            theorem bad : { p with fst := 3 } = (3, 3) := rfl
        """),
        "the fields not given come from the base: snd stays 2",
        MISMATCH,
    ),
    Case(
        "fid_core3_where_theorem_false_field",
        lean("""
            theorem bad : Equivalence (fun (a b : Nat) => a = 0) where
              refl _ := rfl
              symm h := h
              trans h _ := h
        """),
        "refl x : x = 0 does not hold for every x",
        MISMATCH,
    ),
    Case(
        "fid_core3_nested_fun_alternatives_false",
        lean("""
            theorem bad : ∀ (a b : Bool), a = b := fun
                | true => fun
                  | true => rfl
                  | false => rfl
                | false => fun
                  | true => rfl
                  | false => rfl
        """),
        "true = false is no rfl; the inner alternatives end where the outer ones resume",
        MISMATCH,
    ),
    Case(
        "fid_core3_rec_on_false_step",
        lean("""
            theorem bad (n : Nat) : n = 0 := Nat.recOn (motive := fun n => n = 0) n rfl (fun _ ih => ih)
        """),
        "recOn's step needs succ n = 0 from n = 0",
        MISMATCH,
    ),
    Case(
        "fid_core3_core_def_swapped",
        lean("""
            def InvImage {α : Sort u} {β : Sort v} (r : β → β → Prop) (f : α → β) : α → α → Prop :=
              fun a₁ a₂ => r (f a₂) (f a₁)
        """),
        "a Lean core definition is restated only as Lean's own",
        "already been declared",
        target="InvImage",
    ),
    Case(
        "fid_core3_core_def_name_non_prop",
        lean("""
            def Subsingleton.helim (n : Nat) : Nat := n
        """),
        "a Lean core def name is reused only by a proof (a Prop-typed def)",
        "already been declared",
        target="Subsingleton.helim",
    ),
    Case(
        "fid_core3_no_confusion_same_ctor",
        lean("""
            inductive T where
              | a (n : Nat)
              | b
            theorem bad (h : T.a 1 = T.a 1) : False := T.noConfusion h (fun e => Nat.noConfusion e)
        """),
        "noConfusion on equal constructors only yields the fields' equations (1 = 1), no contradiction",
        MISMATCH,
    ),
    Case(
        "fid_core3_no_confusion_bool_same",
        lean("""
            theorem bad : true ≠ true := Bool.noConfusion
        """),
        "Bool.noConfusion on true = true gives P → P, not False",
        "",
    ),
    Case(
        "fid_core3_no_confusion_subtype_wrong_field",
        lean("""
            theorem bad {p : Nat → Prop} (a b : Subtype p) (h : a.val = b.val + 1) (e : a = b) : False :=
              Subtype.noConfusion e (fun h' => Nat.noConfusion h')
        """),
        "Subtype.noConfusion gives a.val = b.val between variables; Nat.noConfusion needs constructors",
        "",
    ),
    Case(
        "fid_core3_decidable_implication_false",
        lean("""
            theorem bad : (2 : Nat) = 2 → (2 : Nat) = 3 := by decide
        """),
        "the Decidable (p → q) instance evaluates to isFalse here",
        "decide",
    ),
    Case(
        "fid_core3_infer_instance_as_wrong_class",
        lean("""
            theorem bad : (inferInstanceAs (Decidable ((1 : Nat) = 2))) = isTrue sorry := rfl
        """),
        "inferInstanceAs finds Nat.decEq, which evaluates to isFalse",
        "",
    ),
    Case(
        "fid_core3_dot_cdot_relation_swapped",
        lean("""
            def rel : Nat → Nat → Prop := (. ≤ .)
            theorem bad : rel 2 1 := by decide
        """),
        "(. ≤ .) is fun a b => a ≤ b; 2 ≤ 1 is false",
        "decide",
    ),
    Case(
        "fid_core3_elab_as_elim_false_step",
        lean("""
            @[elab_as_elim] theorem myind {motive : Nat → Prop} (n : Nat) (z : motive 0)
                (s : ∀ n, motive n → motive (n+1)) : motive n := Nat.rec z s n
            theorem bad (n : Nat) : n + 1 = n := myind n rfl (fun _ ih => congrArg Nat.succ ih)
        """),
        "the motive fun n => n + 1 = n needs 0 + 1 = 0 for the base case",
        MISMATCH,
    ),
    Case(
        "fid_core3_elab_as_elim_not_an_eliminator",
        lean("""
            @[elab_as_elim] theorem bad (n : Nat) (h : n = 0) : n + 0 = 0 := h
        """),
        "an elab_as_elim theorem must conclude with its motive applied to variables",
        "eliminator",
    ),
    Case(
        "fid_core3_structure_universe_self_member",
        lean("""
            structure U where
              T : Type
            def bad : U := ⟨U⟩
        """),
        "a structure with a field T : Type lives in Type 1, so U : Type fails (no type-in-type)",
        MISMATCH,
    ),
    Case(
        "fid_core3_structure_universe_declared_too_small",
        lean("""
            structure bad : Type where
              carrier : Type
        """),
        "a field of type Type does not fit a structure declared in Type",
        "universe",
    ),
    Case(
        "fid_core3_setoid_equiv_wrong",
        lean("""
            def natSetoid : Setoid Nat := ⟨Eq, ⟨fun _ => rfl, fun h => h.symm, fun h₁ h₂ => h₁.trans h₂⟩⟩
            theorem bad (a : Nat) : @HasEquiv.Equiv Nat (@instHasEquivOfSetoid Nat natSetoid) a (a + 1) := rfl
        """),
        "≈ is the setoid's relation, here Eq; a = a + 1 is no rfl",
        MISMATCH,
    ),
    Case(
        "fid_core3_extern_no_effect",
        lean("""
            @[extern "lean_nat_add"] def f (n : Nat) : Nat := n + 1
            theorem bad : f 1 = 1 := rfl
        """),
        "@[extern] changes only the compiled code; the kernel unfolds f's own body",
        MISMATCH,
    ),
    Case(
        "fid_core3_strict_or_redefined",
        lean("""
            @[extern c inline "#1 || #2"] def strictOr (b₁ b₂ : Bool) := b₁ && b₂
        """),
        "strictOr restated otherwise than Lean core's is refused",
        "already been declared",
        target="strictOr",
    ),
    Case(
        "fid_core3_postponed_fun_anonymous_ctor_wrong",
        lean("""
            theorem not_imp_symm' {a b : Prop} [Decidable a] (h : ¬a → b) (hb : ¬b) : a :=
              Decidable.byContradiction fun na => hb (h na)
            theorem bad {p : Nat → Prop} [∀ x, Decidable (p x)] (nx : ¬∃ x, p x) : ∀ x, p x :=
              fun x => not_imp_symm' (fun h => ⟨x, h⟩) nx
        """),
        "the postponed ⟨x, h⟩ must prove ∃ x, p x from h : ¬p x, which it cannot",
        "",
    ),
    Case(
        "fid_core3_kabstract_motive_wrong_branch",
        lean("""
            def predOrFive (n : Nat) : Nat := (n + 1).casesOn 5 (fun k => k)
            theorem bad (n : Nat) : predOrFive n = 5 := rfl
        """),
        "(n + 1).casesOn takes the succ branch: predOrFive n is n",
        MISMATCH,
    ),
    Case(
        "fid_core3_sum_restated_swapped",
        lean("""
            inductive Sum (α : Type u) (β : Type v) where
              | inl (val : β) : Sum α β
              | inr (val : α) : Sum α β
            def bad : Sum Nat Bool := Sum.inl true
        """),
        "Sum restated with swapped constructor types is refused; the library's Sum.inl takes an α",
        "",
    ),
    Case(
        "fid_core3_self_universe_token_distinct",
        lean("""
            inductive Token : Sort u where
              | tok : Token
            theorem bad (a b : Token) : a ≠ b := fun h => Token.noConfusion h
        """),
        "a one-constructor type has all its values equal; noConfusion on tok = tok gives P → P",
        "",
    ),
    # -- lead: holes that `specialize` leaves and a later step solves (instantiated binder types) ------
    Case(
        "lead_specialize_holes_then_wrong_direction",
        lean("""
            theorem bad (a b k : Nat) (h₂ : a ≤ b) : k = k ∧ b ≤ a := by
              have h : ∀ {m n : Nat} (k : Nat), m ≤ n → k = k ∧ m ≤ n := fun k h => ⟨rfl, h⟩
              specialize h k
              specialize h h₂
              exact h
        """),
        "after the holes are solved h : k = k ∧ a ≤ b, not b ≤ a",
        "",
    ),
    # ------------------------------------------------------------------ fid-nat3: Lean core's Nat files, third pass
    Case(
        "fid_nat3_offset_unification_keeps_the_number",
        lean("""
            theorem sub_succ' (n m : Nat) : n - Nat.succ m = Nat.pred (n - m) := rfl
            theorem bad (n k : Nat) (h : n - k = 0) : n - Nat.succ (k + 0) = 1 := by
              rw [sub_succ', h]
        """),
        "succ (k + 0) unifies with succ ?m as ?m := k; the goal becomes pred 0 = 1, false",
        "",
    ),
    Case(
        "fid_nat3_div_literal_is_the_quotient",
        lean("""
            theorem bad : 17 / 5 = 4 := by decide
        """),
        "Nat.div (through fuel) computes 17 / 5 = 3",
        "false",
    ),
    Case(
        "fid_nat3_mod_by_zero_is_the_dividend",
        lean("""
            theorem bad : 7 % 0 = 0 := rfl
        """),
        "Nat.mod 7 0 = 7 by its definition",
        MISMATCH,
    ),
    Case(
        "fid_nat3_div_eq_needs_its_condition",
        lean("""
            theorem bad (x : Nat) : x / 0 = x := by
              rw [Nat.div_eq]
              exact if_pos ⟨Nat.zero_le 0, Nat.zero_le x⟩
        """),
        "0 < 0 is false, so the if of Nat.div_eq is its else branch 0",
        "",
    ),
    Case(
        "fid_nat3_dvd_needs_a_witness",
        lean("""
            theorem bad : (2 : Nat) ∣ 3 := ⟨1, rfl⟩
        """),
        "3 = 2 * 1 is false; no c has 3 = 2 * c",
        MISMATCH,
    ),
    Case(
        "fid_nat3_irreducible_div_is_no_rfl",
        lean("""
            theorem bad (x : Nat) : x / 1 = x + 0 * x / 0 := rfl
        """),
        "Nat.div is irreducible for the elaborator (as in Lean), so no rfl on open terms",
        MISMATCH,
    ),
    Case(
        "fid_nat3_let_pattern_binds_the_fields",
        lean("""
            theorem bad {a b : Nat} (h : ∃ c, a = b + c) : a = b :=
              let ⟨_, hc⟩ := h; hc
        """),
        "the let pattern is a match: hc : a = b + c is no proof of a = b",
        MISMATCH,
    ),
    Case(
        "fid_nat3_rfl_pattern_on_variable_left_side",
        lean("""
            theorem bad {n m : Nat} (h : n = m + 1) : n = m := match h with | rfl => rfl
        """),
        "the match substitutes n := m + 1; the goal m + 1 = m is false",
        MISMATCH,
    ),
    Case(
        "fid_nat3_rfl_pattern_generalizes_the_equation",
        lean("""
            theorem bad {i j : Nat} (h : i = 0) (h2 : j = 1) : i = j := match h with | rfl => nomatch h2
        """),
        "after i := 0, h2 : j = 1 is still no contradiction (only what mentions i is substituted)",
        "",
    ),
    Case(
        "fid_nat3_definition_is_no_instance_of_itself",
        lean("""
            def bad : DecidableEq (Nat → Nat) := inferInstance
        """),
        "no instance decides equality of functions; the definition itself is no local instance",
        "",
    ),
    Case(
        "fid_nat3_simp_divides_numerals_right",
        lean("""
            theorem bad : (10 : Nat) / 3 = 4 := by simp
        """),
        "the simproc computes 10 / 3 = 3, so the goal is 3 = 4, False",
        "",
    ),
    Case(
        "fid_nat3_kernel_mod_of_large_literals",
        lean("""
            theorem bad : (123456789 : Nat) % 1000 = 788 := by decide
        """),
        "the kernel's literal Nat.mod agrees with the definition: 789",
        "false",
    ),
    Case(
        "fid_nat3_nested_tactic_match_alternatives",
        lean("""
            theorem bad (x y : Nat) : x ≤ y := by
              match Nat.lt_or_ge x y with
              | Or.inl h => exact Nat.le_of_lt h
              | Or.inr h => match Nat.lt_or_ge y x with
                | Or.inl h' => exact Nat.le_of_lt h'
                | Or.inr h' => exact h'
        """),
        "the inner alternatives parse as the inner match's; y < x gives no x ≤ y",
        "",
    ),
    Case(
        "fid_nat3_rfl_is_no_le_proof",
        lean("""
            theorem bad (x : Nat) : x ≤ x := by rfl
        """),
        "true, but Lean core's rfl has no @[refl] lemma for ≤ and rejects it; so must the checker",
        "rfl",
    ),
    Case(
        "fid_nat3_strong_induction_hypothesis_is_for_smaller",
        lean("""
            theorem bad (n : Nat) : n = 0 := by
              induction n using Nat.strongRecOn with
              | ind n ih => exact ih n (Nat.lt_succ_self n)
        """),
        "ih covers m < n only; n < n + 1 is no proof of n < n",
        MISMATCH,
    ),
    Case(
        "fid_nat3_induction_using_generalizes_dependents",
        lean("""
            theorem bad (n m : Nat) (h : m = n) : m = 0 := by
              induction n using Nat.strongRecOn with
              | ind n ih => exact ih 0 (by sorry) ▸ h
        """),
        "h is generalized into the motive; the branch needs a real proof (sorry is refused)",
        "",
    ),
    Case(
        "fid_nat3_mod_induction_on_step_is_real",
        lean("""
            theorem bad (m k : Nat) : m % k = m := by
              induction m, k using Nat.mod.inductionOn with rw [Nat.mod_eq]
              | base x y h => simp [h]
              | ind x y h IH => simp [h]
        """),
        "in the ind case (x - y) % y = x is false; simp cannot close it",
        "",
    ),
    Case(
        "fid_nat3_rw_natural_hole_side_goal_stays",
        lean("""
            theorem bad (H : ∀ {a b c : Nat}, a = c + b → a - b = c) (m k : Nat) : m % k = m - k * (m / k) := by
              rw [H]
              rfl
        """),
        "rw's rfl assigns ?c := m % k, but the side goal m = m % k + k * (m / k) still needs a proof",
        "",
    ),
    Case(
        "fid_nat3_tactic_let_value_is_the_value",
        lean("""
            theorem bad : ∃ n : Nat, n = 6 := by
              let n : Nat := 5
              exact ⟨n, rfl⟩
        """),
        "the let-bound n is 5, not 6",
        MISMATCH,
    ),
    Case(
        "fid_nat3_hole_alternative_is_no_proof",
        lean("""
            theorem bad (n : Nat) : n = 0 := by
              induction n with
              | zero => rfl
              | succ k ih => ?_
        """),
        "the succ goal stays open; nothing closes it",
        "unsolved goals",
    ),
]


CONTROLS: list[Control] = [
    Control(
        "ctl_decide_le",
        "decide_le_false",
        lean("""
            theorem good : 9 ≤ 10 ∧ ¬(3 = 4) := by decide
        """),
        "decide closes a true closed comparison",
    ),
    Control(
        "ctl_if_pos",
        "if_pos_wrong_branch",
        lean("""
            theorem good (c : Prop) [Decidable c] (a b : Nat) (h : c) : (if c then a else b) = a := if_pos h
        """),
        "if_pos gives the then-branch",
    ),
    Control(
        "ctl_dite_computes",
        "dite_computes_else",
        lean("""
            theorem good : (if h : 2 = 3 then 0 else 1) = 1 := rfl
        """),
        "dite on a decided condition computes",
    ),
    Control(
        "ctl_beq_rfl",
        "beq_false_rfl",
        lean("""
            theorem good : (3 == 3) = true ∧ (2 != 3) = true := ⟨rfl, rfl⟩
        """),
        "== and != on Nat literals compute",
    ),
    Control(
        "ctl_add_zero",
        "rfl_zero_add_var",
        lean("""
            theorem good (n : Nat) : n + 0 = n := rfl
        """),
        "Nat.add recurses on its second argument: n + 0 reduces to n",
    ),
    Control(
        "ctl_two_add_two",
        "rfl_two_add_two_five",
        lean("""
            theorem good : 2 + 2 = 4 := rfl
        """),
        "closed arithmetic computes",
    ),
    Control(
        "ctl_big_numeral",
        "rfl_big_numeral_off_by_one",
        lean("""
            theorem good : 1000000 * 1000000 = 1000000000000 := rfl
        """),
        "large literals compute exactly",
    ),
    Control(
        "ctl_truncated_sub",
        "rfl_truncated_sub",
        lean("""
            theorem good : Nat.sub 2 5 = 0 := rfl
        """),
        "truncated subtraction",
    ),
    Control(
        "ctl_reverse",
        "rfl_reverse_identity",
        lean("""
            theorem good : List.reverse [1, 2] = [2, 1] := rfl
        """),
        "reverse computes through reverseAux",
    ),
    Control(
        "ctl_append_cons",
        "rfl_append_comm",
        lean("""
            theorem good (l : List Nat) : [1] ++ l = 1 :: l := rfl
        """),
        "append recurses on its first list",
    ),
    Control(
        "ctl_capture",
        "rfl_capture_avoiding_substitution",
        lean("""
            theorem good (y : Nat) : (fun (x y : Nat) => x) y = (fun (_ : Nat) => y) := rfl
        """),
        "capture-avoiding beta gives the constant function",
    ),
    Control(
        "ctl_nat_rec_value",
        "rfl_nat_rec_value",
        lean("""
            theorem good : @Nat.rec (fun _ => Nat) 0 (fun _ ih => ih + 2) 3 = 6 := rfl
        """),
        "iota reduction on a literal",
    ),
    Control(
        "ctl_recursive_def_var",
        "rfl_recursive_def_var",
        lean("""
            def double : Nat → Nat
              | 0 => 0
              | n + 1 => double n + 2

            theorem good (n : Nat) : double (n + 1) = double n + 2 := rfl
        """),
        "the defining equation of a structural recursion holds by rfl",
    ),
    Control(
        "ctl_type_in_type_one",
        "type_in_type",
        lean("""
            def good : Type 1 := Type
        """),
        "Type : Type 1",
    ),
    Control(
        "ctl_imax",
        "imax_is_not_max",
        lean("""
            universe u v

            def good (α : Sort u) (β : Sort v) : Sort (imax u v) := α → β
        """),
        "an arrow lives in Sort (imax u v)",
    ),
    Control(
        "ctl_and_large_elimination",
        "or_large_elimination",
        lean("""
            theorem good : @And.rec True True (fun _ => Nat) (fun _ _ => 5) ⟨trivial, trivial⟩ = 5 := rfl
        """),
        "And (one constructor, only Prop fields) may eliminate into Type",
    ),
    Control(
        "ctl_congr_arg",
        "congr_arg_wrong_result",
        lean("""
            theorem good (n : Nat) (h : n = 0) : n + 1 = 1 := congrArg Nat.succ h
        """),
        "congrArg Nat.succ h proves Nat.succ n = Nat.succ 0, defeq to n + 1 = 1",
    ),
    Control(
        "ctl_iff_direction",
        "iff_wrong_direction",
        lean("""
            theorem good (p q : Prop) (h : p ↔ q) (hq : q) : p := h.mpr hq
        """),
        "the backward direction",
    ),
    Control(
        "ctl_exists_witness",
        "exists_wrong_witness",
        lean("""
            theorem good : ∃ n : Nat, n + 1 = 1 := ⟨0, rfl⟩
        """),
        "0 is a witness",
    ),
    Control(
        "ctl_le_step",
        "le_step_false",
        lean("""
            theorem good : 4 ≤ 5 := Nat.le.step Nat.le.refl
        """),
        "4 ≤ 4 then one step",
    ),
    Control(
        "ctl_lt",
        "lt_irreflexive",
        lean("""
            theorem good : 1 < 2 := Nat.le.refl
        """),
        "1 < 2 unfolds to 2 ≤ 2",
    ),
    Control(
        "ctl_mem_head",
        "mem_absent_head",
        lean("""
            theorem good : 1 ∈ [1, 2] := @List.Mem.head Nat 1 [2]
        """),
        "1 is the head",
    ),
    Control(
        "ctl_local_nat",
        "local_named_nat",
        lean("""
            theorem good (Nat : Prop) (h : Nat) : Nat := h
        """),
        "the local Nat shadows the constant consistently",
    ),
    Control(
        "ctl_subscript",
        "subscript_is_not_digit",
        lean("""
            theorem good (p q : Prop) (h₁ : p) (h1 : q) : p := h₁
        """),
        "h₁ is the proof of p",
    ),
    Control(
        "ctl_guillemet_true",
        "guillemet_false",
        lean("""
            theorem good : «True» := trivial
        """),
        "«True» is the identifier True",
    ),
    Control(
        "ctl_nested_comment",
        "nested_block_comment",
        lean("""
            theorem good : True := /- outer /- inner -/ (fun (x : Nat) => x) -/ trivial
        """),
        "the nested comment ends at the second -/",
    ),
    # issue 8: accepted twins of the hole and main-goal cases
    Control(
        "ctl_refine_holes",
        "exact_anonymous_constructor_holes",
        lean("""
            theorem good : 1 = 1 ∧ True := by
              refine ⟨?_, ?_⟩
              rfl
              trivial
        """),
        "refine turns each ?_ into a goal, as Lean does",
    ),
    Control(
        "ctl_or_imp_simp_all_twice",
        "simp_all_main_goal_only",
        lean("""
            theorem good (a b c d : Prop) (f : a → c) (g : b → d) (h : a ∨ b) : c ∨ d := by
              cases h
              simp_all
              simp_all
        """),
        "each simp_all closes its own case (valid Lean)",
    ),
    Control(
        "ctl_i8_include",
        "i8_var_leak_term",
        lean("""
            variable (h : False)
            include h
            theorem good : (1 : Nat) = 2 := h.elim
        """),
        "an included variable is an argument: good : False → 1 = 2",
    ),
    Control(
        "ctl_i8_header_variable",
        "i8_var_leak_tactic",
        lean("""
            variable (n : Nat) (h : n = 1)
            theorem good (e : n = 1) : n = 1 := by
              exact e
        """),
        "n is mentioned by the header",
    ),
    Control(
        "ctl_i8_prio_high",
        "i8_prio_attribute_10",
        lean("""
            def myLE : LE Nat := ⟨fun _ _ => True⟩
            attribute [instance 2000] myLE
            theorem good : (5 : Nat) ≤ 2 := trivial
        """),
        "priority 2000 beats the default instance",
    ),
    Control(
        "ctl_i8_local_instance",
        "i8_local_instance_escapes",
        lean("""
            def myLE : LE Nat := ⟨fun _ _ => True⟩
            section
            attribute [local instance] myLE
            theorem good : (5 : Nat) ≤ 2 := trivial
            end
        """),
        "inside its section the local instance is newest at equal priority",
    ),
    Control(
        "ctl_i8_true_pattern",
        "i8_false_pattern",
        lean("""
            def f : Bool → Prop
              | true => True
              | false => False
            theorem good : f true := trivial
        """),
        "f true reduces to True",
    ),
    Control(
        "ctl_i8_nonredundant",
        "i8_redundant_after_cover",
        lean("""
            def good : Nat → Nat
              | 0 => 1
              | 7 => 3
              | n + 1 => 2
        """),
        "7 before n + 1 is reachable",
    ),
    Control(
        "ctl_i8_core_pow_restated",
        "i8_core_pow_is_declared",
        lean("""
            protected def Nat.pow (m : Nat) : Nat → Nat
              | 0 => 1
              | Nat.succ n => Nat.mul (Nat.pow m n) m
            theorem good : Nat.pow 2 3 = 8 := rfl
        """),
        "Lean core's own definition may be restated",
    ),
    Control(
        "ctl_i8_core_theorem_reproved",
        "i8_core_theorem_name_as_def",
        lean("""
            theorem Nat.zero_add : ∀ n : Nat, 0 + n = n := by
              intro n
              induction n with
              | zero => rfl
              | succ n ih => exact congrArg Nat.succ ih
            theorem good : True := trivial
        """),
        "a corpus may re-prove a core theorem under its core name",
    ),
    Control(
        "ctl_i8_opaque_refl",
        "i8_opaque_unfolds",
        lean("""
            opaque c : Nat := 5
            theorem good : c = c := rfl
        """),
        "c = c needs no unfolding",
    ),
    Control(
        "ctl_i8_protected_qualified",
        "i8_protected_after_open",
        lean("""
            namespace Foo
            protected def bar : Nat := 1
            end Foo
            open Foo
            theorem good : Foo.bar = 1 := rfl
        """),
        "the qualified name works",
    ),
    Control(
        "ctl_i8_noncomputable",
        "i8_computable_choice",
        lean("""
            noncomputable def good : Nat := Classical.choice ⟨0⟩
        """),
        "marked noncomputable, as Lean asks",
    ),
    Control(
        "ctl_i8_open_only",
        "i8_open_only_leaks",
        lean("""
            open Nat (succ)
            theorem good : succ 0 = 1 := rfl
        """),
        "succ is opened",
    ),
    Control(
        "ctl_i8_and_rec_ctor",
        "i8_and_rec_eta",
        lean("""
            theorem good (p q : Prop) (hp : p) (hq : q) : @And.rec p q (fun _ => Nat) (fun _ _ => 5) ⟨hp, hq⟩ = 5 := rfl
        """),
        "on a constructor the recursor reduces",
    ),
    Control(
        "ctl_i8_valid_lean",
        "i8_pi_notation",
        lean("""
            structure U where
            theorem u_eta (a b : U) : a = b := rfl
            inductive W where
              | mk : Nat → W
            def proj (w : W) : Nat := w.1
            theorem bpred : ∀ x > 0, x ≠ 0 := fun x h e => by subst e; cases h
            theorem bex : ∃ x > 0, x = 1 := ⟨1, Nat.le.refl, rfl⟩
            theorem bmem : ∀ x ∈ ([] : List Nat), x = 0 := fun x h => by cases h
            namespace Foo
            def bar : Nat := 1
            end Foo
            export Foo (bar)
            theorem exported : bar = 1 := rfl
            inductive Vec (α : Type u) : Nat → Type u where
              | nil : Vec α 0
              | cons : α → Vec α n → Vec α (n + 1)
            variable (x : β)
            theorem refl_x : x = x := rfl
            @[instance] def myLE : LE Nat := ⟨fun _ _ => True⟩
            theorem good : (true : Bool) ≠ false := by
              intro h
              cases h
        """),
        "the valid Lean of the review: unit eta, .1 on an inductive, binder predicates, export, auto-bound implicits, @[instance] def",
    ),
]
