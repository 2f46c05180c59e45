"""The core tactics (`intro`, `exact`, `apply`, `refine`, `constructor`, `rfl`, `contradiction`, `have`, …)
and the tactic combinators (`;`, `<;>`, `·`, `case`, `all_goals`, `first`, `repeat`, `rotate_left`, …),
checked through the whole pipeline (`check_source`): proofs as Lean users write them are accepted,
wrong ones are rejected with Lean 4's error, and goals display as Lean shows them."""
from __future__ import annotations

import time

import pytest

from lean_bridge.embedded.checker import run_source
from lean_bridge.embedded.elab_command import CommandElaborator
from lean_bridge.embedded.kernel import raise_recursion_limit
from lean_bridge.embedded.prelude import prelude_env
from lean_bridge.syntax import parse_file
from tactic_support import accepted, goals_after, rejected


# ---------------------------------------------------------------------------
# proofs as Lean users write them: all accepted
# ---------------------------------------------------------------------------

ACCEPTED = {
    # intro / intros / rename_i
    "intro_names": """
theorem k (p q : Prop) : p → q → p := by
  intro hp hq
  exact hp
""",
    "intros_then_rename_i": """
theorem k (p q : Prop) : p → q → p := by
  intros
  rename_i hp hq
  exact hp
""",
    "intro_underscore_assumption": """
theorem k (p q : Prop) : p → q → p ∧ q := by
  intro _ _
  constructor <;> assumption
""",
    # exact / apply / refine
    "exact_anonymous_constructor": """
theorem pair (p q : Prop) (hp : p) (hq : q) : p ∧ q := by
  exact ⟨hp, hq⟩
""",
    "apply_chain": """
theorem chain (p q r : Prop) (hpq : p → q) (hqr : q → r) : p → r := by
  intro hp
  apply hqr
  apply hpq
  exact hp
""",
    "apply_forall_hypothesis": """
theorem fix2 (f : Nat → Nat) (h : ∀ x, f x = x) : f 2 = 2 := by
  apply h
""",
    "apply_partial_application": """
theorem pair (p q : Prop) (hp : p) (hq : q) : p ∧ q := by
  apply And.intro hp
  exact hq
""",
    "refine_holes": """
theorem pair (p q : Prop) (hp : p) (hq : q) : p ∧ q := by
  refine ⟨?_, ?_⟩
  · exact hp
  · exact hq
""",
    "refine_mixed": """
theorem pair (p q : Prop) (hp : p) (hq : q) : p ∧ q := by
  refine ⟨hp, ?_⟩
  exact hq
""",
    "refine_named_holes_by_case": """
theorem pair (p q : Prop) (hp : p) (hq : q) : p ∧ q := by
  refine ⟨?a, ?b⟩
  case b => exact hq
  case a => exact hp
""",
    "refine_tags_by_case": """
theorem triple (p q r : Prop) (hp : p) (hq : q) (hr : r) : p ∧ q ∧ r := by
  refine ⟨?_, ?_, ?_⟩
  case refine_2 => exact hq
  all_goals assumption
""",
    # constructor / left / right / exists
    "constructor_iff": """
theorem iff_self' (p : Prop) : p ↔ p := by
  constructor
  · intro h; exact h
  · intro h; exact h
""",
    "constructor_exists": """
theorem ex3 (p : Nat → Prop) (h : p 3) : ∃ n, p n := by
  constructor
  exact h
""",
    "apply_exists_witness_by_case": """
theorem ex3 (p : Nat → Prop) (h : p 3) : ∃ n, p n := by
  apply Exists.intro
  case w => exact 3
  exact h
""",
    "left_right": """
theorem or_comm' (p q : Prop) (h : p ∨ q) : q ∨ p := by
  cases h
  · right; assumption
  · left; assumption
""",
    "exists_witness": """
theorem two : ∃ n : Nat, n + 1 = 3 := by
  exists 2
""",
    "exists_two_witnesses": """
theorem two' : ∃ a b : Nat, a + b = 5 := by
  exists 2, 3
""",
    # rfl
    "rfl_nat_literals": """
theorem two_two : 2 + 2 = 4 := by
  rfl
""",
    "rfl_add_zero": """
theorem add_zero' (n : Nat) : n + 0 = n := by
  rfl
""",
    "rfl_iff": """
theorem iff_rfl (p : Prop) : p ↔ p := by
  rfl
""",
    "rfl_le": """
theorem le_rfl' (n : Nat) : n ≤ n := by
  exact Nat.le.refl
""",  # not `rfl`: Lean core tags no `≤` lemma @[refl] (test_fid_nat3.test_rfl_does_not_prove_nat_le_as_in_lean_core)
    # exfalso / contradiction / assumption / trivial
    "exfalso_exact": """
theorem ex_falso (p : Prop) (h : False) : p := by
  exfalso
  exact h
""",
    "contradiction_false": """
theorem ex_falso (p : Prop) (h : False) : p := by
  contradiction
""",
    "contradiction_not": """
theorem absurd' (p q : Prop) (hp : p) (hnp : ¬p) : q := by
  contradiction
""",
    "contradiction_ne_self": """
theorem ne_self (a : Nat) (q : Prop) (h : a ≠ a) : q := by
  contradiction
""",
    "assumption_among_many": """
theorem pick (p q r : Prop) (hp : p) (hq : q) (hr : r) : q := by
  assumption
""",
    "trivial_true": """
theorem t : True := by
  trivial
""",
    "trivial_and": """
theorem t (p : Prop) (hp : p) : p ∧ True := by
  trivial
""",
    "trivial_contradiction": """
theorem t (p : Prop) (h : False) : p := by
  trivial
""",
    # show / have / specialize / symm
    "show_same_goal": """
theorem s (p : Prop) (hp : p) : p ∧ True := by
  show p ∧ True
  exact ⟨hp, trivial⟩
""",
    "show_defeq": """
theorem s (n : Nat) : n + 0 = n := by
  show n = n
  rfl
""",
    "show_selects_later_goal": """
theorem s (p q : Prop) (hp : p) (hq : q) : p ∧ q := by
  constructor
  show q
  · exact hq
  · exact hp
""",
    "have_term": """
theorem h (p q : Prop) (hp : p) (hpq : p → q) : q := by
  have hq : q := hpq hp
  exact hq
""",
    "have_by": """
theorem h (p q : Prop) (hp : p) (hpq : p → q) : q := by
  have hq : q := by exact hpq hp
  exact hq
""",
    "have_this": """
theorem h (p q : Prop) (hp : p) (hpq : p → q) : q := by
  have : q := hpq hp
  exact this
""",
    "specialize": """
theorem sp (p : Nat → Prop) (h : ∀ n, p n) : p 5 := by
  specialize h 5
  exact h
""",
    "symm_eq": """
theorem sy (a b : Nat) (h : a = b) : b = a := by
  symm
  exact h
""",
    "symm_ne": """
theorem sy (a b : Nat) (h : a ≠ b) : b ≠ a := by
  symm
  exact h
""",
    # combinators
    "semicolons": """
theorem c (p q : Prop) (hp : p) (hq : q) : p ∧ q := by
  constructor; exact hp; exact hq
""",
    "then_all": """
theorem c (p q : Prop) (hp : p) (hq : q) : p ∧ q := by
  constructor <;> assumption
""",
    "nested_bullets": """
theorem c (p q : Prop) (hp : p) (hq : q) : p ∧ q ∧ p := by
  constructor
  · exact hp
  · constructor
    · exact hq
    · exact hp
""",
    "case_out_of_order": """
theorem c (p q : Prop) (hp : p) (hq : q) : p ∧ q := by
  constructor
  case right => exact hq
  case left => exact hp
""",
    "case_with_names_and_next": """
theorem c (p q : Prop) (h : p ∨ q) : q ∨ p := by
  cases h
  case inl hp => exact Or.inr hp
  next hq => exact Or.inl hq
""",
    "case_wildcard": """
theorem c (p q : Prop) (hp : p) (hq : q) : p ∧ q := by
  constructor
  case _ => exact hp
  case _ => exact hq
""",
    "all_goals": """
theorem c (p q : Prop) (hp : p) (hq : q) : p ∧ q := by
  constructor
  all_goals assumption
""",
    "any_goals_then_rest": """
theorem c (p q : Prop) (hp : p) (hq : q) : p ∧ q := by
  constructor
  any_goals exact hq
  exact hp
""",
    "first_later_alternative": """
theorem c (p q : Prop) (hq : q) : p ∨ q := by
  first | exact Or.inl hq | exact Or.inr hq
""",
    "all_goals_first": """
theorem c (p q : Prop) (hp : p) (hq : q) : p ∧ q := by
  constructor
  all_goals first | exact hq | exact hp
""",
    "try_fails_quietly": """
theorem c (p : Prop) (hp : p) : p := by
  try contradiction
  exact hp
""",
    "skip_does_nothing": """
theorem c (p : Prop) (hp : p) : p := by
  skip
  exact hp
""",
    "repeat_until_failure": """
theorem c (p q r : Prop) (hp : p) (hq : q) (hr : r) : p ∧ q ∧ r := by
  repeat (first | constructor | assumption)
""",
    "on_goal": """
theorem c (p q : Prop) (hp : p) (hq : q) : p ∧ q := by
  constructor
  on_goal 2 => exact hq
  exact hp
""",
    "focus_need_not_close": """
theorem c (p q : Prop) (hp : p) (hq : q) : p ∧ q := by
  constructor
  focus
    skip
  exact hp
  exact hq
""",
    "rotate_left": """
theorem c (p q : Prop) (hp : p) (hq : q) : p ∧ q := by
  constructor
  rotate_left
  exact hq
  exact hp
""",
    "rotate_right": """
theorem c (p q r : Prop) (hp : p) (hq : q) (hr : r) : p ∧ q ∧ r := by
  refine ⟨?_, ?_, ?_⟩
  rotate_right
  exact hr
  exact hp
  exact hq
""",
    "rotate_left_count_wraps": """
theorem c (p q r : Prop) (hp : p) (hq : q) (hr : r) : p ∧ q ∧ r := by
  refine ⟨?_, ?_, ?_⟩
  rotate_left 4
  exact hq
  exact hr
  exact hp
""",
    "parenthesised_sequence": """
theorem c (p q : Prop) (hp : p) (hq : q) : p ∧ q := by
  (constructor; exact hp)
  exact hq
""",
    "done_after_proof": """
theorem c (p : Prop) (hp : p) : p := by
  exact hp
  done
""",
}


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_proof_accepted(name: str) -> None:
    accepted(ACCEPTED[name])


# ---------------------------------------------------------------------------
# goal display (Lean's format)
# ---------------------------------------------------------------------------

GOALS = {
    "intros_inaccessible": ("""
theorem k (p q : Prop) : p → q → p := by
  intros
  done
""", "p q : Prop\na✝¹ : p\na✝ : q\n⊢ p"),
    "intros_forall_grouped": ("""
theorem k : ∀ a b c : Nat, a + b + c = a + b + c := by
  intros
  done
""", "a✝ b✝ c✝ : Nat\n⊢ a✝ + b✝ + c✝ = a✝ + b✝ + c✝"),
    "intro_one_binder": ("""
theorem k (p q : Prop) : p → q → p := by
  intro
  done
""", "p q : Prop\na✝ : p\n⊢ q → p"),
    "intros_some_names": ("""
theorem k (p q : Prop) : p → q → p := by
  intros hp _
  done
""", "p q : Prop\nhp : p\na✝ : q\n⊢ p"),
    "rename_i_newest": ("""
theorem k (p q : Prop) : p → q → p := by
  intros
  rename_i hq
  done
""", "p q : Prop\na✝ : p\nhq : q\n⊢ p"),
    "apply_and_intro_tags": ("""
theorem t (p q : Prop) (hp : p) (hq : q) : p ∧ q := by
  apply And.intro
  done
""", "case left\np q : Prop\nhp : p\nhq : q\n⊢ p\n\ncase right\np q : Prop\nhp : p\nhq : q\n⊢ q"),
    "constructor_iff_tags": ("""
theorem t (p q : Prop) : p ↔ q := by
  constructor
  done
""", "case mp\np q : Prop\n⊢ p → q\n\ncase mpr\np q : Prop\n⊢ q → p"),
    "constructor_exists_named_hole": ("""
theorem t (p : Nat → Prop) (h : p 3) : ∃ n, p n := by
  constructor
  done
""", "case h\np : Nat → Prop\nh : p 3\n⊢ p ?w\n\ncase w\np : Nat → Prop\nh : p 3\n⊢ Nat"),
    "refine_anonymous_holes": ("""
theorem t (p q : Prop) (hp : p) (hq : q) : p ∧ q := by
  refine ⟨?_, ?_⟩
  done
""", "case refine_1\np q : Prop\nhp : p\nhq : q\n⊢ p\n\ncase refine_2\np q : Prop\nhp : p\nhq : q\n⊢ q"),
    "refine_one_hole_keeps_tag": ("""
theorem t (p q : Prop) (hp : p) (hq : q) : p ∧ q := by
  constructor
  refine ?_
  done
""", "case left\np q : Prop\nhp : p\nhq : q\n⊢ p\n\ncase right\np q : Prop\nhp : p\nhq : q\n⊢ q"),
    "refine_named_holes": ("""
theorem t (p q : Prop) (hp : p) (hq : q) : p ∧ q := by
  refine ⟨?a, ?b⟩
  done
""", "case a\np q : Prop\nhp : p\nhq : q\n⊢ p\n\ncase b\np q : Prop\nhp : p\nhq : q\n⊢ q"),
    "left_keeps_untagged": ("""
theorem t (p q : Prop) : p ∨ q := by
  left
  done
""", "p q : Prop\n⊢ p"),
    "exfalso_goal": ("""
theorem t (p : Prop) (hp : p) : p := by
  exfalso
  done
""", "p : Prop\nhp : p\n⊢ False"),
    "exists_wrong_witness_left_open": ("""
theorem t (p : Nat → Prop) (h : p 3) : ∃ n, p n := by
  exists 4
  done
""", "p : Nat → Prop\nh : p 3\n⊢ p 4"),
    "show_changes_display": ("""
theorem t (n : Nat) : n + 0 = n := by
  show n = n
  done
""", "n : Nat\n⊢ n = n"),
    "have_adds_this": ("""
theorem t (p q : Prop) (hp : p) (hpq : p → q) : q := by
  have : q := hpq hp
  done
""", "p q : Prop\nhp : p\nhpq : p → q\nthis : q\n⊢ q"),
    "specialize_replaces": ("""
theorem t (p : Nat → Prop) (h : ∀ n, p n) : p 5 := by
  specialize h 5
  done
""", "p : Nat → Prop\nh : p 5\n⊢ p 5"),
    "rotate_left_order": ("""
theorem t (p q r : Prop) : p ∧ q ∧ r := by
  refine ⟨?_, ?_, ?_⟩
  rotate_left
  done
""", "case refine_2\np q r : Prop\n⊢ q\n\ncase refine_3\np q r : Prop\n⊢ r\n\ncase refine_1\np q r : Prop\n⊢ p"),
    "rotate_right_two": ("""
theorem t (p q r : Prop) : p ∧ q ∧ r := by
  refine ⟨?_, ?_, ?_⟩
  rotate_right 2
  done
""", "case refine_2\np q r : Prop\n⊢ q\n\ncase refine_3\np q r : Prop\n⊢ r\n\ncase refine_1\np q r : Prop\n⊢ p"),
    "on_goal_keeps_order": ("""
theorem t (p q r : Prop) (hq : q) : p ∧ (q ∧ r) := by
  constructor
  on_goal 2 => constructor
  done
""", "case left\np q r : Prop\nhq : q\n⊢ p\n\ncase right.left\np q r : Prop\nhq : q\n⊢ q\n\n"
     "case right.right\np q r : Prop\nhq : q\n⊢ r"),
    "any_goals_keeps_failures": ("""
theorem t (p q r : Prop) (hp : p) (hq : q) : p ∧ q ∧ r := by
  refine ⟨?_, ?_, ?_⟩
  any_goals assumption
  done
""", "case refine_3\np q r : Prop\nhp : p\nhq : q\n⊢ r"),
    "then_all_collects_goals": ("""
theorem t (p q : Prop) : (p → q) ∧ (q → p) := by
  constructor <;> intro h
  done
""", "case left\np q : Prop\nh : p\n⊢ q\n\ncase right\np q : Prop\nh : q\n⊢ p"),
    "repeat_stops_at_first_failure": ("""
theorem t (p q r : Prop) : p ∧ q ∧ r := by
  repeat constructor
  done
""", "case left\np q r : Prop\n⊢ p\n\ncase right\np q r : Prop\n⊢ q ∧ r"),
    "focus_puts_leftovers_first": ("""
theorem t (p q : Prop) (hq : q) : (p ∧ q) ∧ q := by
  constructor
  focus
    constructor
  done
""", "case left.left\np q : Prop\nhq : q\n⊢ p\n\ncase left.right\np q : Prop\nhq : q\n⊢ q\n\n"
     "case right\np q : Prop\nhq : q\n⊢ q"),
}


@pytest.mark.parametrize("name", sorted(GOALS))
def test_goals(name: str) -> None:
    src, expected = GOALS[name]
    assert goals_after(src) == expected


def test_case_body_goal_is_untagged() -> None:
    """`case t =>` and `next =>` clear the goal's tag, so what they leave shows no `case` line."""
    for tac in ("case left =>", "next =>"):
        msg = rejected(f"""
theorem t (p q : Prop) (hp : p) (hq : q) : p ∧ q := by
  constructor
  {tac} skip
  exact hq
""")
        assert msg == "unsolved goals\np q : Prop\nhp : p\nhq : q\n⊢ p", tac


# ---------------------------------------------------------------------------
# wrong proofs stay wrong; errors in Lean's words
# ---------------------------------------------------------------------------

def test_exact_wrong_hypothesis() -> None:
    msg = rejected("""
theorem w (p q : Prop) (hp : p) (hq : q) : p := by
  exact hq
""")
    assert msg.lower().startswith("type mismatch\n  hq\nhas type\n  q")
    assert "but is expected to have type\n  p" in msg


def test_exact_swapped_pair() -> None:
    msg = rejected("""
theorem w (p q : Prop) (hp : p) (hq : q) : p ∧ q := by
  exact ⟨hq, hp⟩
""")
    assert "type mismatch" in msg.lower()


def test_exact_rfl_needs_defeq() -> None:
    rejected("""
theorem w (n : Nat) : 0 + n = n := by
  exact rfl
""")


def test_assumption_without_match() -> None:
    msg = rejected("""
theorem w (p q : Prop) (hq : q) : p := by
  assumption
""")
    assert "assumption" in msg and "failed" in msg
    assert msg.endswith("p q : Prop\nhq : q\n⊢ p")


def test_apply_conclusion_mismatch() -> None:
    msg = rejected("""
theorem w (p q : Prop) (hq : q) : p := by
  apply hq
""")
    assert "could not unify the conclusion of `hq`\n  q\nwith the goal\n  p" in msg


def test_apply_error_shows_binders_as_holes() -> None:
    msg = rejected("""
theorem w (a b : Nat) : a = b := by
  apply Eq.refl
""")
    assert "\n  ?a = ?a\nwith the goal\n  a = b" in msg and "#" not in msg


def test_apply_leaves_premise() -> None:
    msg = rejected("""
theorem w (p q : Prop) (hpq : p → q) : q := by
  apply hpq
  assumption
""")
    assert msg.endswith("⊢ p")


def test_rfl_zero_add_is_not_definitional() -> None:
    msg = rejected("""
theorem w (n : Nat) : 0 + n = n := by
  rfl
""")
    assert msg == ("Tactic `rfl` failed: The left-hand side\n  0 + n\nis not definitionally equal to the right-hand side\n"
                   "  n\n\nn : Nat\n⊢ 0 + n = n")


def test_rfl_false_arithmetic() -> None:
    msg = rejected("""
theorem w : 2 + 2 = 5 := by
  rfl
""")
    assert msg.startswith("Tactic `rfl` failed: The left-hand side\n  2 + 2\nis not definitionally equal")


def test_rfl_not_a_relation() -> None:
    msg = rejected("""
theorem w (p : Prop) (hp : p) : p := by
  rfl
""")
    assert msg.startswith("The rfl tactic failed. Possible reasons:")


def test_contradiction_needs_one() -> None:
    msg = rejected("""
theorem w (p q r : Prop) (hp : p) (hnq : ¬q) : r := by
  contradiction
""")
    assert "contradiction" in msg and "failed" in msg


def test_exfalso_does_not_prove_false() -> None:
    rejected("""
theorem w (p : Prop) (hp : p) : p ∨ False := by
  exfalso
  assumption
""")


def test_trivial_is_not_magic() -> None:
    rejected("""
theorem w (p : Prop) : p := by
  trivial
""")


def test_apply_wrong_witness() -> None:
    msg = rejected("""
theorem w (p : Nat → Prop) (h : p 3) : ∃ n, p n := by
  apply Exists.intro
  case w => exact 4
  exact h
""")
    assert "p 3" in msg and "p 4" in msg


def test_offset_unification_never_invents_a_witness() -> None:
    """`?w + 5 =?= 3` has no solution in Nat: the proof is rejected, not closed with a bogus `?w`."""
    rejected("""
theorem no : ∃ n : Nat, n + 5 = 3 := by
  constructor
  rfl
""")


def test_rfl_solves_witness_by_offset() -> None:
    accepted("""
theorem two : ∃ n : Nat, n + 1 = 3 := by
  constructor
  rfl
""")


def test_left_wrong_side() -> None:
    msg = rejected("""
theorem w (p q : Prop) (hq : q) : p ∨ q := by
  left
  exact hq
""")
    assert "type mismatch" in msg.lower()


def test_left_on_non_inductive() -> None:
    msg = rejected("""
theorem w (p : Prop) (hp : p) : p := by
  left
""")
    assert "target is not an inductive datatype" in msg


def test_intro_too_many() -> None:
    msg = rejected("""
theorem w (p q : Prop) : p → q := by
  intro h1 h2
""")
    assert "insufficient number of binders" in msg


def test_have_wrong_value() -> None:
    msg = rejected("""
theorem w (p q : Prop) (hp : p) : q := by
  have hq : q := hp
  exact hq
""")
    assert "type mismatch" in msg.lower()


def test_specialize_wrong_instance() -> None:
    msg = rejected("""
theorem w (p : Nat → Prop) (h : ∀ n, p n) : p 5 := by
  specialize h 4
  exact h
""")
    assert "p 4" in msg and "p 5" in msg


def test_symm_keeps_orientation() -> None:
    rejected("""
theorem w (a b : Nat) (h : a = b) : a = b := by
  symm
  exact h
""")


def test_rename_i_order() -> None:
    rejected("""
theorem w (p q : Prop) : p → q → p := by
  intros
  rename_i hp hq
  exact hq
""")


def test_show_wrong_type() -> None:
    msg = rejected("""
theorem w (p q : Prop) (hp : p) : p ∧ True := by
  show q
""")
    assert msg == "'show' tactic failed, pattern\n  q\nis not definitionally equal to target\n  p ∧ True"


def test_show_no_goal_unifies() -> None:
    msg = rejected("""
theorem w (p q r : Prop) (hp : p) (hq : q) : p ∧ q := by
  constructor
  show r
""")
    assert msg.startswith("'show' tactic failed, no goals unify with the given pattern.\n\nIn the first goal, the pattern\n  r")


def test_sorry_is_rejected() -> None:
    for proof in ("sorry", "admit", "have h : q := sorry\n  exact h"):
        results, messages = run_source(f"""
theorem s (p q : Prop) : q := by
  {proof}
""")
        assert len(results) == 1 and not results[0].ok, proof
        assert results[0].message == "declaration uses 'sorry'"
        assert [m.text for m in messages if m.severity == "warning"] == ["declaration uses `sorry`"]


def test_tactic_after_proof_is_done() -> None:
    msg = rejected("""
theorem w (p : Prop) (hp : p) : p := by
  exact hp
  exact hp
""")
    assert msg == "No goals to be solved"


def test_done_reports_goals() -> None:
    msg = rejected("""
theorem w (p q : Prop) (hp : p) (hq : q) : p ∧ q := by
  constructor
  done
  exact hp
""")
    assert msg.startswith("unsolved goals\ncase left\n")


# ---------------------------------------------------------------------------
# combinators: failures propagate, nothing is silently dropped
# ---------------------------------------------------------------------------

def test_then_all_one_branch_fails() -> None:
    msg = rejected("""
theorem w (p q : Prop) (hp : p) : p ∧ q := by
  constructor <;> assumption
""")
    assert "assumption" in msg and msg.endswith("case right\np q : Prop\nhp : p\n⊢ q")


def test_all_goals_partial_failure() -> None:
    msg = rejected("""
theorem w (p q : Prop) (hp : p) : p ∧ q := by
  constructor
  all_goals assumption
""")
    assert "assumption" in msg and msg.endswith("case right\np q : Prop\nhp : p\n⊢ q")


def test_any_goals_fails_on_all() -> None:
    msg = rejected("""
theorem w (p q : Prop) : p ∧ q := by
  constructor
  any_goals assumption
""")
    assert msg == "Tactic failed on all goals:\n  assumption"


def test_first_all_alternatives_fail() -> None:
    """`first` reports the last alternative's error."""
    msg = rejected("""
theorem w (p q r : Prop) (hr : r) : p ∨ q := by
  first | exact Or.inl hr | assumption
""")
    assert "assumption" in msg and "failed" in msg


def test_try_hides_failure_but_goal_stays() -> None:
    msg = rejected("""
theorem w (p q : Prop) (hp : p) : p ∧ q := by
  constructor
  try assumption
  try assumption
""")
    assert msg == "unsolved goals\ncase right\np q : Prop\nhp : p\n⊢ q"


def test_unfinished_bullet() -> None:
    msg = rejected("""
theorem w (p q : Prop) (hp : p) (hq : q) : p ∧ q := by
  constructor
  · skip
  · exact hq
""")
    assert msg == "unsolved goals\ncase left\np q : Prop\nhp : p\nhq : q\n⊢ p"


def test_bullet_cannot_reach_next_goal() -> None:
    msg = rejected("""
theorem w (p q : Prop) (hp : p) (hq : q) : p ∧ q := by
  constructor
  · exact hp
    exact hq
""")
    assert msg == "No goals to be solved"


def test_extra_bullet() -> None:
    msg = rejected("""
theorem w (p q : Prop) (hp : p) (hq : q) : p ∧ q := by
  constructor
  · exact hp
  · exact hq
  · exact hp
""")
    assert msg == "No goals to be solved"


def test_missing_bullet_leaves_goal() -> None:
    msg = rejected("""
theorem w (p q : Prop) (hp : p) (hq : q) : p ∧ q := by
  constructor
  · exact hp
""")
    assert msg == "unsolved goals\ncase right\np q : Prop\nhp : p\nhq : q\n⊢ q"


def test_case_wrong_goal() -> None:
    msg = rejected("""
theorem w (p q : Prop) (hp : p) (hq : q) : p ∧ q := by
  constructor
  case left => exact hq
  case right => exact hp
""")
    assert "type mismatch" in msg.lower()


def test_case_tag_not_found() -> None:
    msg = rejected("""
theorem w (p q : Prop) (hp : p) (hq : q) : p ∧ q := by
  constructor
  case foo => exact hq
""")
    assert msg.startswith("Case tag `foo` not found.")


def test_rotate_then_wrong_goal() -> None:
    msg = rejected("""
theorem w (p q : Prop) (hp : p) (hq : q) : p ∧ q := by
  constructor
  rotate_left
  exact hp
""")
    assert "type mismatch" in msg.lower() and "hp" in msg


def test_on_goal_out_of_bounds() -> None:
    src = """
theorem w (p q : Prop) (hp : p) (hq : q) : p ∧ q := by
  constructor
  on_goal {} => exact hq
"""
    assert rejected(src.format(3)) == "goal index `3` is out of bounds"
    assert rejected(src.format(0)) == "goals are 1-indexed"


def test_on_goal_from_the_end() -> None:
    accepted("""
theorem c (p q : Prop) (hp : p) (hq : q) : p ∧ q := by
  constructor
  on_goal -1 => exact hq
  exact hp
""")


def test_focus_still_needs_the_goals_closed() -> None:
    msg = rejected("""
theorem w (p q : Prop) (hp : p) (hq : q) : p ∧ q := by
  constructor
  focus
    skip
  exact hp
""")
    assert msg == "unsolved goals\ncase right\np q : Prop\nhp : p\nhq : q\n⊢ q"


# ---------------------------------------------------------------------------
# runaway tactics are bounded and reported
# ---------------------------------------------------------------------------

MAX_REC = "maximum recursion depth has been reached\nuse `set_option maxRecDepth <num>` to increase limit"


@pytest.mark.parametrize("body", ["skip", "try assumption", "rotate_left", "have : True := trivial"])
def test_repeat_that_never_fails_is_reported(body: str) -> None:
    """Lean's `repeat` only stops when its tactic fails; one that keeps succeeding overflows the
    recursion depth instead of hanging."""
    start = time.monotonic()
    msg = rejected(f"""
theorem w (p q : Prop) (hp : p) (hq : q) : p ∧ q := by
  constructor
  repeat {body}
  exact hp
  exact hq
""")
    assert msg.startswith(MAX_REC)
    assert time.monotonic() - start < 10


def test_step_budget_reports_timeout() -> None:
    """A reduction-heavy tactic under a small budget (Lean's heartbeats) fails with a timeout;
    the same proof passes with the default budget."""
    src = """
def g : Nat → Prop
  | 0 => True → True
  | n + 1 => g n

theorem deep : g 300 := by
  intro h
  exact h
"""
    raise_recursion_limit()
    elab = CommandElaborator(prelude_env(), max_steps=300)
    for cmd in parse_file(src).commands:
        elab.run(cmd)
    assert [r.ok for r in elab.results] == [True, False]
    errors = [m.text for m in elab.messages if m.severity == "error"]
    assert errors and "deterministic timeout" in errors[0] and "300" in errors[0]
    accepted(src)


def test_timeout_inside_unification_is_reported_as_timeout() -> None:
    """Running out of budget while unifying (here checking a term proof against its statement) is a
    timeout, not "type mismatch" (the unifier used to swallow it and report the terms as different)."""
    src = """
def g : Nat → Prop
  | 0 => True
  | n + 1 => g n

theorem deep (h : True) : g 300 := h
"""
    raise_recursion_limit()
    elab = CommandElaborator(prelude_env(), max_steps=300)
    for cmd in parse_file(src).commands:
        elab.run(cmd)
    assert [r.ok for r in elab.results] == [True, False]
    errors = [m.text for m in elab.messages if m.severity == "error"]
    assert errors and "timeout" in errors[0] and "mismatch" not in errors[0], errors
    accepted(src)


def test_repeat_all_splits_every_goal() -> None:
    """`repeat' constructor` splits nested conjunctions on every branch, then stops where it fails."""
    accepted("""
theorem r (p q r : Prop) (hp : p) (hq : q) (hr : r) : (p ∧ q) ∧ r := by
  repeat' constructor
  all_goals assumption
""")
    assert goals_after("""
theorem r (p q r : Prop) : (p ∧ q) ∧ r := by
  repeat' constructor
  done
""") == "case left.left\np q r : Prop\n⊢ p\n\ncase left.right\np q r : Prop\n⊢ q\n\ncase right\np q r : Prop\n⊢ r"


def test_iterate_runs_exactly_n_times() -> None:
    accepted("""
theorem r (p q r : Prop) (hp : p) (hq : q) (hr : r) : p ∧ q ∧ r := by
  iterate 2 (constructor; assumption)
  exact hr
""")
    # the second `constructor` lands on `p`, which it cannot split: the whole `iterate` fails
    assert "constructor" in rejected("""
theorem r (p q r : Prop) (hp : p) (hq : q) (hr : r) : p ∧ q ∧ r := by
  iterate 2 constructor
  all_goals assumption
""")


def test_repeat_all_without_progress_is_bounded() -> None:
    assert rejected("""
theorem r (p : Prop) (hp : p) : p := by
  repeat' skip
""").startswith(MAX_REC)


def test_rfl_and_trivial_on_a_goal_whose_type_is_a_metavariable() -> None:
    """After `apply Iff.trans` the middle proposition `?b` is open; `intro h` leaves the goal `?b`.
    Lean's `rfl` needs a relation `R a b` and fails there (no guessing `?b := ?a = ?a`, which left
    holes no goal owned: an internal error that cost the search whole theorems); `trivial` still
    closes it with `True.intro`, and the later goals see `?b := True`."""
    text = rejected("""
theorem k (a : Prop) (ha : a) : a ↔ a := by
  apply Iff.trans
  constructor
  intro h
  rfl
""")
    assert text.startswith("The rfl tactic failed"), text
    accepted("""
theorem k (a : Prop) (ha : a) : a ↔ a := by
  apply Iff.trans
  constructor
  · intro h
    trivial
  · intro _
    exact ha
  · exact ⟨fun _ => ha, fun _ => trivial⟩
""")


def test_apply_makes_goals_of_the_holes_unification_creates() -> None:
    """`apply h` on the goal `?b` (left by `apply Iff.trans`, made before `h` was introduced) solves
    `?b := p ?x` with `?x` restricted to the older context: the restricted hole is a new goal, as in
    Lean's `apply` (its `otherMVarIds`), not a hole no goal owns (an internal error before)."""
    accepted("""
theorem k (p : Nat → Prop) (h0 : p 0) : (∀ n, n = 0 → p n) ↔ p 0 := by
  apply Iff.trans
  constructor
  · intro h
    apply h
    exact rfl
  · intro _ n hn
    exact hn ▸ h0
  · exact ⟨fun h => h, fun h => h⟩
""")
    assert rejected("""
theorem k (p : Nat → Prop) (h0 : p 0) : (∀ n, n = 0 → p n) ↔ p 1 := by
  apply Iff.trans
  constructor
  · intro h
    apply h
    exact rfl
  · intro _ n hn
    exact hn ▸ h0
  · exact ⟨fun h => h, fun h => h⟩
""")
