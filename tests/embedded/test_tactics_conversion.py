"""`change`, `unfold` and `by_cases` through the whole pipeline: proofs as Lean users write them,
the goals they leave (Lean's display) and the wrong uses that must be rejected."""
from __future__ import annotations

import pytest

from tactic_support import accepted, rejected

DOUBLE = """
def double : Nat → Nat
  | 0 => 0
  | n + 1 => double n + 2
"""

ACCEPTED = {
    "unfold_not": """
theorem t (p : Prop) (hp : p) : ¬¬p := by
  unfold Not
  intro h
  exact h hp
""",
    "unfold_at_hyp": """
theorem t (p : Prop) (h : ¬p) (hp : p) : False := by
  unfold Not at h
  exact h hp
""",
    "unfold_recursive_one_step_each": DOUBLE + """
theorem t : double 2 = 4 := by
  unfold double
  unfold double
  unfold double
  rfl
""",
    "unfold_succ_case": DOUBLE + """
theorem t (n : Nat) : double (n + 1) = double n + 2 := by
  unfold double
  rfl
""",
    "change_goal": """
theorem t (n : Nat) (h : n = 3) : n + 0 = 3 := by
  change n = 3
  exact h
""",
    "change_with_hole": """
theorem t (n : Nat) : n + 0 = n := by
  change _ = n
  rfl
""",
    "change_at_hyp": """
theorem t (n : Nat) (h : n + 0 = 3) : n = 3 := by
  change n = 3 at h
  exact h
""",
    "by_cases_bullets": """
theorem t (p : Prop) : p ∨ ¬p := by
  by_cases hp : p
  · exact Or.inl hp
  · exact Or.inr hp
""",
    "by_cases_case_tags_default_name": """
theorem t (p q : Prop) (hq : q) : p → q := by
  by_cases p
  case neg => intro _; exact hq
  case pos => intro _; exact hq
""",
    "by_cases_double_negation": """
theorem t (p : Prop) (h : ¬¬p) : p := by
  by_cases hp : p
  · exact hp
  · exact absurd hp h
""",
}


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_accepted(name: str) -> None:
    accepted(ACCEPTED[name])


def test_by_cases_goals() -> None:
    text = rejected("""
theorem t (p q : Prop) : q := by
  by_cases hp : p
  done
""")
    assert text == ("unsolved goals\ncase pos\np q : Prop\nhp : p\n⊢ q\n\n"
                    "case neg\np q : Prop\nhp : ¬p\n⊢ q")


def test_unfold_goal_display() -> None:
    text = rejected(DOUBLE + """
theorem t (n : Nat) : double (n + 1) = 5 := by
  unfold double
  done
""")
    assert text == "unsolved goals\nn : Nat\n⊢ double n + 2 = 5"


REJECTED = {
    # `change` to a type that is not definitionally equal
    "change_not_defeq": ("""
theorem t (p : Prop) (hp : p) : p := by
  change p ∧ p
  exact ⟨hp, hp⟩
""", "'change' tactic failed"),
    "change_hyp_not_defeq": ("""
theorem t (n : Nat) (h : n = 3) : n = 4 := by
  change n = 4 at h
  exact h
""", "'change' tactic failed"),
    # 0 + n is not n by definition, so `change` cannot turn one into the other
    "change_zero_add": ("""
theorem t (n : Nat) (h : 0 + n = 3) : n = 3 := by
  change n = 3 at h
  exact h
""", "'change' tactic failed"),
    "unfold_absent_constant": ("""
theorem t (p : Prop) : p := by
  unfold Not
""", "unfold failed to unfold 'Not'"),
    "unfold_stuck_recursive": (DOUBLE + """
theorem t (n : Nat) : double n = n := by
  unfold double
""", "stuck"),
    "unfold_theorem": ("""
theorem t (p : Prop) (hp : p) : p := by
  unfold Classical.em
  exact hp
""", "not a definition"),
    "unfold_unknown": ("""
theorem t (p : Prop) (hp : p) : p := by
  unfold frobnicate
  exact hp
""", "unknown constant"),
    # by_cases gives each branch only its own hypothesis
    "by_cases_wrong_branch": ("""
theorem t (p : Prop) : p := by
  by_cases hp : p
  · exact hp
  · exact hp
""", "type mismatch"),
    "by_cases_unfinished": ("""
theorem t (p : Prop) : p := by
  by_cases hp : p
  exact hp
""", "unsolved goals"),
}


@pytest.mark.parametrize("name", sorted(REJECTED))
def test_rejected(name: str) -> None:
    src, fragment = REJECTED[name]
    assert fragment in rejected(src)
