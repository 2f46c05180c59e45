"""Issue 8, items 2–9: the elaborator and kernel do what Lean 4 does, one test per cause.

Each `test_<cause>_*` checks a small file with the embedded checker and asserts the verdict of
one declaration (rejected with Lean's wording, or accepted for the valid-Lean twins). The
adversarial variants of the same causes are also in `soundness_cases.py` (end of the lists).
"""
from __future__ import annotations

import pytest

from embedded_support import assert_accepted, assert_rejected, verdicts


# ----------------------------------------------------------------- 9. kernel: no eta for proofs

@pytest.mark.parametrize("term", [
    "@And.rec p q (fun _ => Nat) (fun _ _ => 5) h",
    "@And.casesOn p q (fun _ => Nat) h (fun _ _ => 5)",
])
def test_kernel_does_not_eta_expand_a_proof_of_and(term: str) -> None:
    assert_rejected(f"theorem bad (p q : Prop) (h : p ∧ q) : {term} = 5 := rfl", "bad", "mismatch")


def test_kernel_does_not_eta_expand_iff_or_user_prop_structures() -> None:
    assert_rejected("theorem bad (p q : Prop) (h : p ↔ q) : @Iff.rec p q (fun _ => Nat) (fun _ _ => 5) h = 5 := rfl",
                    "bad", "mismatch")
    assert_rejected("""
        structure P (a : Prop) : Prop where
          x : a
        theorem bad (p : Prop) (h : P p) : @P.rec p (fun _ => Nat) (fun _ => 5) h = 5 := rfl
    """, "bad", "mismatch")


def test_kernel_keeps_structure_eta_for_types() -> None:
    assert_accepted("""
        structure S where
          a : Nat
          b : Nat
        theorem good (s : S) : @S.rec (fun _ => Nat) (fun a _ => a) s = s.a := rfl
        theorem good2 (p q : Prop) (hp : p) (hq : q) : @And.rec p q (fun _ => Nat) (fun _ _ => 5) ⟨hp, hq⟩ = 5 := rfl
    """, "good", "good2")


def test_unit_structure_eta() -> None:
    assert_accepted("""
        structure U where
        theorem good (a b : U) : a = b := rfl
    """, "good")


# ----------------------------------------------------------------- 2. section variables

def test_theorem_does_not_see_unmentioned_variables() -> None:
    for proof in ("h.elim", "by exact h.elim", "by exact False.elim h", "by cases h"):
        assert_rejected(f"variable (h : False)\ntheorem t : (1 : Nat) = 2 := {proof}", "t", "h")


def test_theorem_sees_header_variables_and_their_dependencies() -> None:
    assert_accepted("""
        variable {α : Type} [LE α] (a : α) (n : Nat) (h : n = 1)
        theorem t1 : a ≤ a → a ≤ a := fun x => x
        theorem t2 (k : Nat) (e : k = n) : k = n := e
    """, "t1", "t2")
    assert_rejected("variable (n : Nat) (h : n = 1)\ntheorem t : n = 1 := by assumption", "t", "assumption")


def test_include_and_omit() -> None:
    src = """
        variable (n : Nat) (h : n = 1)
        include h
        theorem t1 : n = 1 := h
        omit h
        theorem t2 : n = 1 := h
    """
    got = verdicts(src)
    assert got["t1"][0] and not got["t2"][0]
    assert_accepted("variable (n : Nat) (h : n = 1)\ninclude h in\ntheorem t : n = 1 := by assumption", "t")
    assert_rejected("variable (n : Nat)\ninclude m\ntheorem t : True := trivial", "include", "include")


def test_definitions_and_examples_take_variables_their_body_uses() -> None:
    assert_accepted("""
        variable (n : Nat)
        def twice : Nat := n + n
        theorem twice_eq : twice 3 = 6 := rfl
        example : n = n := rfl
    """, "twice", "twice_eq", "_example")


def test_variables_over_the_repl() -> None:
    from lean_bridge.embedded.repl_server import ReplServer  # noqa: F401 - the server module loads

    import json
    import subprocess
    import sys

    requests = ('{"cmd": "variable (h : False)\\ntheorem t : (1 : Nat) = 2 := h.elim"}\n\n'
                '{"cmd": "variable (h : False)\\ntheorem t : (1 : Nat) = 2 := by\\n  exact h.elim"}\n\n')
    out = subprocess.run([sys.executable, "-m", "lean_bridge.embedded", "repl"], input=requests, text=True,
                         capture_output=True, timeout=120).stdout
    responses = [json.loads(block) for block in out.split("\n\n") if block.strip()]
    assert len(responses) == 2
    for response in responses:
        errors = [m["data"] for m in response.get("messages", []) if m["severity"] == "error"]
        assert any("Unknown identifier" in e for e in errors), response


# ----------------------------------------------------------------- 3. instance priorities

MY_LE = "def myLE : LE Nat := ⟨fun _ _ => True⟩\n"


@pytest.mark.parametrize("declare", [
    "attribute [instance 10] myLE",
    "attribute [instance low] myLE",
    "attribute [instance default - 1] myLE",
])
def test_low_priority_instance_loses(declare: str) -> None:
    assert_rejected(MY_LE + declare + "\ntheorem bad : (5 : Nat) ≤ 2 := trivial", "bad", "mismatch")


def test_instance_declaration_priorities() -> None:
    assert_rejected("instance (priority := low) myLE : LE Nat := ⟨fun _ _ => True⟩\n"
                    "theorem bad : (5 : Nat) ≤ 2 := trivial", "bad", "mismatch")
    assert_rejected("@[instance 10] def myLE : LE Nat := ⟨fun _ _ => True⟩\n"
                    "theorem bad : (5 : Nat) ≤ 2 := trivial", "bad", "mismatch")
    # equal or higher priority: the newest wins, as in Lean
    assert_accepted(MY_LE + "attribute [instance] myLE\ntheorem ok : (5 : Nat) ≤ 2 := trivial", "ok")
    assert_accepted(MY_LE + "attribute [instance 2000] myLE\ntheorem ok : (5 : Nat) ≤ 2 := trivial", "ok")


def test_local_instance_ends_with_its_section() -> None:
    src = MY_LE + "section\nattribute [local instance] myLE\ntheorem ok : (5 : Nat) ≤ 2 := trivial\nend\n" \
        "theorem bad : (5 : Nat) ≤ 2 := trivial\n"
    got = verdicts(src)
    assert got["ok"][0] and not got["bad"][0]


# ----------------------------------------------------------------- 4. true / false

def test_true_false_are_bool_constructors_in_patterns() -> None:
    src = "def f : Bool → Prop\n  | true => True\n  | false => False\ntheorem bad : f false := trivial\n"
    assert_rejected(src, "bad", "mismatch")
    assert_accepted("def f : Bool → Prop\n  | true => True\n  | false => False\ntheorem ok : f true := trivial", "ok")
    assert_rejected("def g (b : Bool) : Nat := match b with | true => 1 | false => 0\n"
                    "theorem bad : g false = 1 := rfl", "bad", "mismatch")


def test_true_false_in_terms() -> None:
    assert_accepted("theorem ok : (true : Bool) = Bool.true := rfl\ntheorem ok2 : false = Bool.false := rfl", "ok", "ok2")


# ----------------------------------------------------------------- 5. redundant alternatives

@pytest.mark.parametrize("alts", [
    "| _ => 1 | 0 => 2",
    "| 0 => 1 | n + 1 => 2 | _ => 3",
    "| 0 => 1 | n + 1 => 2 | 5 => 3",
    "| x => 1 | 0 => 2",
])
def test_redundant_alternative_is_an_error(alts: str) -> None:
    assert_rejected(f"def g : Nat → Nat {alts}", "g", "redundant alternative")


def test_redundant_alternative_in_match() -> None:
    assert_rejected("def g (n : Nat) : Nat := match n with | _ => 1 | 0 => 2", "g", "redundant alternative")
    assert_rejected("def f : Bool → Prop | true => True | false => False | true => False", "f", "redundant")


# ----------------------------------------------------------------- 6. Lean core names

def test_core_names_cannot_get_another_meaning() -> None:
    assert_rejected("def Nat.pow (m n : Nat) := m * n\ntheorem bad : Nat.pow 2 3 = 6 := rfl", "Nat.pow",
                    "already been declared")
    assert_rejected("def Nat.pow (m n : Nat) := m * n\ntheorem bad : Nat.pow 2 3 = 6 := rfl", "bad")
    for decl in ("def Nat.div (m n : Nat) : Nat := 0", "def Nat.mod (m n : Nat) : Nat := 0",
                 "inductive Option (α : Type) where\n  | none", "axiom Nat.mod : Nat → Nat → Nat",
                 "def Nat.zero_add : Nat := 5", "theorem Nat.pow : True := trivial",
                 "structure Prod (α β : Type) where\n  fst : α"):
        name = decl.split()[1]
        assert_rejected(decl, name, "already been declared")


def test_core_definition_restated_exactly_is_accepted() -> None:
    assert_accepted("""
        protected def Nat.pow (m : Nat) : Nat → Nat
          | 0 => 1
          | Nat.succ n => Nat.mul (Nat.pow m n) m
        theorem ok : Nat.pow 2 3 = 8 := rfl
    """, "Nat.pow", "ok")
    assert_rejected("""
        namespace List
        def take : (n : Nat) → (xs : List α) → List α
          | 0,   _     => []
          | _+1, []    => []
          | n+1, a::as => as
        end List
    """, "List.take", "already been declared")


def test_core_theorem_names_can_be_proved_not_misused() -> None:
    assert_accepted("theorem Nat.zero_add : ∀ n : Nat, 0 + n = n := by\n  intro n\n  induction n with\n"
                    "  | zero => rfl\n  | succ n ih => exact congrArg Nat.succ ih", "Nat.zero_add")
    assert_rejected("theorem Nat.zero_add : ∀ n : Nat, 0 + n = 1 := fun n => rfl", "Nat.zero_add")


# ----------------------------------------------------------------- 7. keywords, attributes, options

def test_opaque_does_not_unfold() -> None:
    assert_rejected("opaque c : Nat := 5\ntheorem bad : c = 5 := rfl", "bad", "mismatch")
    assert_accepted("opaque c : Nat := 5\ntheorem ok : c = c := rfl", "c", "ok")


def test_protected_names_need_their_namespace() -> None:
    src = "namespace Foo\nprotected def bar : Nat := 1\ntheorem bad : bar = 1 := rfl\ntheorem ok : Foo.bar = 1 := rfl\n" \
          "end Foo\nopen Foo\ntheorem bad2 : bar = 1 := rfl\n"
    got = verdicts(src)
    assert not got["Foo.bad"][0] and got["Foo.ok"][0] and not got["bad2"][0]


def test_auto_implicit_options() -> None:
    assert_rejected("set_option autoImplicit false\ntheorem bad (x : α) : x = x := rfl", "bad", "α")
    assert_rejected("set_option relaxedAutoImplicit false\ntheorem bad (x : αβ) : x = x := rfl", "bad", "αβ")
    assert_accepted("set_option relaxedAutoImplicit false\ntheorem ok (x : α) : x = x := rfl", "ok")
    assert_rejected("set_option autoImplicit false in\ntheorem bad (x : α) : x = x := rfl", "bad")


def test_noncomputable_is_required_for_choice() -> None:
    assert_rejected("def n : Nat := Classical.choice ⟨0⟩", "n", "noncomputable")
    assert_rejected("def n : Nat := Classical.choose (⟨0, rfl⟩ : ∃ x : Nat, x = x)", "n", "noncomputable")
    assert_accepted("noncomputable def n : Nat := Classical.choice ⟨0⟩\n"
                    "def p (h : ∃ x : Nat, x = 0) : Classical.choose h = Classical.choose h := rfl", "n", "p")


def test_unknown_options_and_attributes_are_refused() -> None:
    assert_rejected("set_option foo.bar true", "set_option", "unsupported option")
    assert_rejected("@[irreducible] def f : Nat := 1", "f", "not supported")  # `@[inline]`: compiler-only, taken
    assert_rejected("def f : Nat := 1\nattribute [irreducible] f", "attribute", "")
    assert_accepted("set_option linter.unusedVariables false\n@[simp] theorem s : 1 = 1 := rfl", "s")


# ----------------------------------------------------------------- 8. parser

def test_pi_is_not_core_notation() -> None:
    assert_rejected("theorem bad : Π (n : Nat), n = n := fun n => rfl", "bad", "expected")


def test_open_only_and_hiding() -> None:
    got = verdicts("open Nat (succ)\ntheorem ok : succ 0 = 1 := rfl\ntheorem bad : pred 1 = 0 := rfl\n")
    assert got["ok"][0] and not got["bad"][0]
    got = verdicts("open Nat hiding pred\ntheorem ok : succ 0 = 1 := rfl\ntheorem bad : pred 1 = 0 := rfl\n")
    assert got["ok"][0] and not got["bad"][0]


def test_failed_command_has_no_effect() -> None:
    got = verdicts("open Nat renaming succ → s\ntheorem bad : succ 0 = 1 := rfl\n")
    assert not got["bad"][0]
    got = verdicts("def q : Nat := 1 )\ntheorem bad : q = 1 := rfl\n")
    assert not got["q"][0] and not got["bad"][0]


# ----------------------------------------------------------------- valid Lean that is accepted

def test_valid_lean_is_accepted() -> None:
    assert_accepted("""
        inductive W where
          | mk : Nat → W
        def get (w : W) : Nat := w.1
        theorem get_mk : get (W.mk 3) = 3 := rfl
        theorem pos : ∀ x > 0, x ≠ 0 := fun x h e => by subst e; cases h
        theorem ex : ∃ x > 0, x = 1 := ⟨1, Nat.le.refl, rfl⟩
        theorem mem : ∀ x ∈ ([] : List Nat), x = 0 := fun x h => by cases h
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
    """, "get_mk", "pos", "ex", "mem", "exported", "Vec", "refl_x")


def test_unimplemented_clauses_are_refused() -> None:
    assert_rejected("inductive Foo where\n  | a\n  deriving Repr", "Foo", "deriving")
    # Lean would use well-founded recursion here (irreducible): the checker must not accept `rfl` on it
    assert_rejected("def f : Nat → Nat\n  | 0 => 0\n  | n+1 => f n\ntermination_by n => n", "f", "well-founded")
    assert_accepted("def f : Nat → Nat\n  | 0 => 0\n  | n+1 => f n\ntermination_by structural n => n\n"
                    "theorem ok : f 5 = 0 := rfl", "f", "ok")


def test_bool_operators_are_lean_core() -> None:
    assert_accepted("""
        theorem t1 : (true && false) = false := rfl
        theorem t2 : (true || false) = true := rfl
        theorem t3 : (!true) = false := rfl
        theorem t4 (b : Bool) : (b && true) = b := by cases b <;> rfl
    """, "t1", "t2", "t3", "t4")
    assert_rejected("theorem bad : (true && false) = true := rfl", "bad", "mismatch")
