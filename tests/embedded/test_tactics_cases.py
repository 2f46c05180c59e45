"""`cases`, `induction`, `rcases`, `obtain`, `rintro`, `intro ⟨…⟩`, `have ⟨…⟩`, `subst` and
constructor contradictions, checked through the whole pipeline (`check_source`), plus the goals
they display and the errors they give, in Lean 4's words."""
from __future__ import annotations

import pytest

from tactic_support import accepted, goals_after, rejected

# ---------------------------------------------------------------------------
# proofs as Lean users write them: all accepted
# ---------------------------------------------------------------------------

ACCEPTED = {
    "cases_or_with": """
theorem or_swap (p q : Prop) (h : p ∨ q) : q ∨ p := by
  cases h with
  | inl hp => exact Or.inr hp
  | inr hq => exact Or.inl hq
""",
    "cases_or_bullets": """
theorem or_swap (p q : Prop) (h : p ∨ q) : q ∨ p := by
  cases h
  · apply Or.inr; assumption
  · apply Or.inl; assumption
""",
    "cases_or_case_tags": """
theorem or_swap (p q : Prop) (h : p ∨ q) : q ∨ p := by
  cases h
  case inr hq => exact Or.inl hq
  case inl hp => exact Or.inr hp
""",
    "cases_and": """
theorem and_swap (p q : Prop) (h : p ∧ q) : q ∧ p := by
  cases h with
  | intro hp hq => exact ⟨hq, hp⟩
""",
    "cases_exists": """
theorem ex (p q : Nat → Prop) (h : ∃ x, p x ∧ q x) : ∃ x, q x := by
  cases h with
  | intro x hx => exact ⟨x, hx.2⟩
""",
    "cases_false": """
theorem f (p : Prop) (h : False) : p := by
  cases h
""",
    "induction_zero_add": """
theorem zero_add' (n : Nat) : 0 + n = n := by
  induction n with
  | zero => rfl
  | succ k ih => exact congrArg Nat.succ ih
""",
    "induction_show": """
theorem zero_add' (n : Nat) : 0 + n = n := by
  induction n with
  | zero => rfl
  | succ n ih =>
    show Nat.succ (0 + n) = Nat.succ n
    exact congrArg Nat.succ ih
""",
    "induction_no_names_rename": """
theorem zero_add' (n : Nat) : 0 + n = n := by
  induction n
  · rfl
  · rename_i k ih
    exact congrArg Nat.succ ih
""",
    "induction_list_append_nil": """
theorem append_nil' {α : Type} (l : List α) : l ++ [] = l := by
  induction l with
  | nil => rfl
  | cons a l ih => exact congrArg (List.cons a) ih
""",
    "induction_generalizing": """
theorem add_comm_aux (n m : Nat) : Nat.succ n + m = n + Nat.succ m := by
  induction m generalizing n with
  | zero => rfl
  | succ k ih => exact congrArg Nat.succ (ih n)
""",
    "induction_reverts_dependents": """
theorem pos (n : Nat) (h : 0 < n) : n ≠ 0 := by
  induction n with
  | zero => exact absurd h (fun h' => by cases h')
  | succ k _ => intro e; contradiction
""",
    "cases_nat": """
theorem pred_succ' (n : Nat) (h : n ≠ 0) : Nat.succ (Nat.pred n) = n := by
  cases n with
  | zero => exact absurd rfl h
  | succ m => rfl
""",
    "cases_named_eq": """
theorem c (f : Nat → Nat) (n : Nat) : f n = f n ∨ True := by
  cases h : f n with
  | zero => exact Or.inl rfl
  | succ k => exact Or.inr trivial
""",
    "cases_eq_substitutes": """
theorem c (a b : Nat) (f : Nat → Nat) (h : a = b) : f a = f b := by
  cases h
  rfl
""",
    "cases_eq_injection": """
theorem c (a b : Nat) (h : a + 1 = b + 1) : a = b := by
  cases h
  rfl
""",
    "cases_eq_conflict": """
theorem c (n : Nat) (h : n + 1 = 0) : False := by
  cases h
""",
    "cases_le_zero": """
theorem c (n : Nat) (h : n ≤ 0) : n = 0 := by
  cases h
  rfl
""",
    "cases_le_step": """
theorem c (a b : Nat) (h : a ≤ b) : a = b ∨ a ≤ b := by
  cases h with
  | refl => exact Or.inl rfl
  | step h' => exact Or.inr (Nat.le.step h')
""",
    "cases_mem_nil": """
theorem c (x : Nat) (h : x ∈ ([] : List Nat)) : False := by
  cases h
""",
    "cases_mem_cons": """
theorem c (x y : Nat) (l : List Nat) (h : x ∈ y :: l) : x = y ∨ x ∈ l := by
  cases h with
  | head => exact Or.inl rfl
  | tail _ h' => exact Or.inr h'
""",
    "rcases_alts": """
theorem r (p q r : Prop) (h : (p ∧ q) ∨ r) : p ∨ r := by
  rcases h with ⟨hp, hq⟩ | hr
  · exact Or.inl hp
  · exact Or.inr hr
""",
    "rcases_nested_exists": """
theorem r (p : Nat → Nat → Prop) (h : ∃ x y, p x y ∧ x = y) : ∃ z, p z z := by
  rcases h with ⟨x, y, hp, rfl⟩
  exact ⟨x, hp⟩
""",
    "rcases_clear_and_wildcard": """
theorem r (p q : Prop) (h : p ∧ q) : q := by
  rcases h with ⟨-, hq⟩
  exact hq
""",
    "rcases_nat": """
theorem r (n : Nat) (p : Nat → Prop) (h0 : p 0) (hs : ∀ k, p (k + 1)) : p n := by
  rcases n with _ | n
  · exact h0
  · exact hs n
""",
    "obtain": """
theorem o (p : Nat → Prop) (h : ∃ x, p x) : ∃ y, p y := by
  obtain ⟨x, hx⟩ := h
  exact ⟨x, hx⟩
""",
    "obtain_typed": """
theorem o (p q : Prop) (hp : p) (hq : q) : q ∧ p := by
  obtain ⟨a, b⟩ : p ∧ q := ⟨hp, hq⟩
  exact ⟨b, a⟩
""",
    "obtain_rfl": """
theorem o (p : Nat → Prop) (a : Nat) (h : ∃ x, x = a ∧ p x) : p a := by
  obtain ⟨x, rfl, hx⟩ := h
  exact hx
""",
    "obtain_goal_first": """
theorem o (p q : Prop) (hp : p) (hq : q) : q := by
  obtain ⟨_, b⟩ : p ∧ q
  · exact ⟨hp, hq⟩
  exact b
""",
    "rintro_tuple": """
theorem r (p q : Prop) : p ∧ q → q ∧ p := by
  rintro ⟨hp, hq⟩
  exact ⟨hq, hp⟩
""",
    "rintro_alts_then_name": """
theorem r (p q s : Prop) : p ∨ q → s → (p ∨ q) ∧ s := by
  rintro (h | h) hs
  · exact ⟨Or.inl h, hs⟩
  · exact ⟨Or.inr h, hs⟩
""",
    "rintro_rfl": """
theorem r (a : Nat) : ∀ b, a = b → b = a := by
  rintro b rfl
  rfl
""",
    "intro_anonymous_ctor": """
theorem i (p q : Prop) : p ∧ q → q := by
  intro ⟨_, hq⟩
  exact hq
""",
    "intro_exists_pattern": """
theorem i (p : Nat → Prop) : (∃ x, p x) → ∃ y, p y := by
  intro ⟨x, hx⟩
  exact ⟨x, hx⟩
""",
    "have_pattern": """
theorem have_swap (p q : Prop) (h : p ∧ q) : q ∧ p := by
  have ⟨hp, hq⟩ := h
  exact ⟨hq, hp⟩
""",
    "subst_rhs_var": """
theorem s (a b : Nat) (h : a = b) : b = a := by
  subst h
  rfl
""",
    "subst_lhs_var": """
theorem s (x : Nat) (h : x = 5) : x + 1 = 6 := by
  subst h
  rfl
""",
    "subst_variable": """
theorem s (x y : Nat) (h : y = x) (h2 : x = 3) : y = 3 := by
  subst x
  exact h
""",
    "subst_reverts_dependents": """
theorem s (x y : Nat) (h : x = y) (hx : x + 0 = 2) : y = 2 := by
  subst h
  exact hx
""",
    "contradiction_nat": """
theorem c (n : Nat) (h : 0 = n + 1) : False := by
  contradiction
""",
    "contradiction_list": """
theorem c {α : Type} (a : α) (l : List α) (h : [] = a :: l) : False := by
  contradiction
""",
    "contradiction_bool": """
theorem c (h : Bool.true = Bool.false) : 1 = 2 := by
  contradiction
""",
    "wildcard_alternative": """
theorem w (n : Nat) : n = 0 ∨ n ≠ 0 := by
  cases n with
  | zero => exact Or.inl rfl
  | _ => exact Or.inr (fun h => by cases h)
""",
    "nested_cases_tags": """
theorem t (p q r : Prop) (h : p ∨ q) (h2 : q ∨ r) : p ∨ q ∨ r := by
  cases h
  case inl hp => exact Or.inl hp
  case inr hq =>
    cases h2
    case inl => exact Or.inr (Or.inl hq)
    case inr hr => exact Or.inr (Or.inr hr)
""",
    "induction_list_length_append": """
theorem len_append {α : Type} (l m : List α) : (l ++ m).length = m.length + l.length := by
  induction l with
  | nil => rfl
  | cons a l ih => exact congrArg Nat.succ ih
""",
}


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_proof_accepted(name: str) -> None:
    accepted(ACCEPTED[name])


# ---------------------------------------------------------------------------
# goal display
# ---------------------------------------------------------------------------

def test_induction_succ_goal_with_names() -> None:
    goals = goals_after("""
theorem zero_add' (n : Nat) : 0 + n = n := by
  induction n with
  | zero => rfl
  | succ n ih => done
""")
    assert goals == "case succ\nn : Nat\nih : 0 + n = n\n⊢ 0 + (n + 1) = n + 1"


def test_induction_goals_without_names() -> None:
    goals = goals_after("""
theorem zero_add' (n : Nat) : 0 + n = n := by
  induction n
  done
""")
    assert goals == ("case zero\n⊢ 0 + 0 = 0\n\n"
                     "case succ\nn✝ : Nat\na✝ : 0 + n✝ = n✝\n⊢ 0 + (n✝ + 1) = n✝ + 1")


def test_cases_nat_goals() -> None:
    goals = goals_after("""
theorem c (n : Nat) (h : n ≠ 0) : True := by
  cases n
  done
""")
    assert goals == "case zero\nh : 0 ≠ 0\n⊢ True\n\ncase succ\nn✝ : Nat\nh : n✝ + 1 ≠ 0\n⊢ True"


def test_cases_or_keeps_other_hyps_in_place() -> None:
    goals = goals_after("""
theorem c (p q r : Prop) (h : p ∨ q) (hr : r) : True := by
  cases h
  done
""")
    assert goals == ("case inl\np q r : Prop\nhr : r\nh✝ : p\n⊢ True\n\n"
                     "case inr\np q r : Prop\nhr : r\nh✝ : q\n⊢ True")


def test_cases_exists_and_and_names() -> None:
    goals = goals_after("""
theorem c (p : Nat → Prop) (h : ∃ x, p x) : True := by
  cases h
  done
""")
    assert goals == "case intro\np : Nat → Prop\nw✝ : Nat\nh✝ : p w✝\n⊢ True"
    goals = goals_after("""
theorem c (p q : Prop) (h : p ∧ q) : True := by
  cases h
  done
""")
    assert goals == "case intro\np q : Prop\nleft✝ : p\nright✝ : q\n⊢ True"


def test_induction_list_goals() -> None:
    goals = goals_after("""
theorem c {α : Type} (l : List α) : l ++ [] = l := by
  induction l
  done
""")
    assert goals == ("case nil\nα : Type\n⊢ [] ++ [] = []\n\n"
                     "case cons\nα : Type\nhead✝ : α\ntail✝ : List α\ntail_ih✝ : tail✝ ++ [] = tail✝\n"
                     "⊢ head✝ :: tail✝ ++ [] = head✝ :: tail✝")


def test_generalizing_goal() -> None:
    goals = goals_after("""
theorem g (n m : Nat) (h : n + m = m + n) : True := by
  induction n generalizing m with
  | zero => trivial
  | succ k ih => done
""")
    assert goals == ("case succ\nk : Nat\nih : ∀ (m : Nat), k + m = m + k → True\nm : Nat\n"
                     "h : k + 1 + m = m + (k + 1)\n⊢ True")


def test_obtain_nested_tags() -> None:
    goals = goals_after("""
theorem o (p : Nat → Prop) (h : ∃ x y, p (x + y)) : True := by
  obtain ⟨x, y, hxy⟩ := h
  done
""")
    assert goals == "case intro.intro\np : Nat → Prop\nx y : Nat\nhxy : p (x + y)\n⊢ True"


def test_rintro_alternatives_goals() -> None:
    goals = goals_after("""
theorem r (p q s : Prop) : p ∨ q → s → True := by
  rintro (h | h) x
  done
""")
    assert goals == ("case inl\np q s : Prop\nh : p\nx : s\n⊢ True\n\n"
                     "case inr\np q s : Prop\nh : q\nx : s\n⊢ True")


def test_intro_pattern_keeps_tag() -> None:
    goals = goals_after("""
theorem i (p q : Prop) : p ∧ q → True := by
  intro ⟨a, b⟩
  done
""")
    assert goals == "p q : Prop\na : p\nb : q\n⊢ True"


def test_cases_named_equation_goal() -> None:
    goals = goals_after("""
theorem c (n : Nat) : n = n := by
  cases h : n + 1
  done
""")
    assert goals == ("case zero\nn : Nat\nh : n + 1 = 0\n⊢ n = n\n\n"
                     "case succ\nn n✝ : Nat\nh : n + 1 = n✝ + 1\n⊢ n = n")


def test_cases_mem_cons_goals() -> None:
    goals = goals_after("""
theorem c (x y : Nat) (l : List Nat) (h : x ∈ y :: l) : True := by
  cases h
  done
""")
    assert goals == ("case head\nx : Nat\nl : List Nat\n⊢ True\n\n"
                     "case tail\nx y : Nat\nl : List Nat\na✝ : List.Mem x l\n⊢ True")


def test_subst_goal() -> None:
    goals = goals_after("""
theorem s (x y : Nat) (h : x = y) (hx : x + 0 = 2) : y = 2 := by
  subst h
  done
""")
    assert goals == "x : Nat\nhx : x + 0 = 2\n⊢ x = 2"


# ---------------------------------------------------------------------------
# wrong proofs stay wrong; errors in Lean's words
# ---------------------------------------------------------------------------

def test_wrong_side_of_or_rejected() -> None:
    rejected("""
theorem wrong (p q : Prop) (h : p ∨ q) : p := by
  cases h with
  | inl hp => exact hp
  | inr hq => exact hq
""")


def test_prop_only_inductive_cannot_produce_data() -> None:
    msg = rejected("""
def bad (p q : Prop) (h : p ∨ q) : Nat := by
  cases h
  · exact 0
  · exact 1
""")
    assert "can only eliminate into Prop" in msg
    msg = rejected("""
def bad2 (p : Nat → Prop) (h : ∃ x, p x) : Nat := by
  obtain ⟨x, _⟩ := h
  exact x
""")
    assert "can only eliminate into Prop" in msg


def test_or_constructors_are_not_a_contradiction() -> None:
    # `Or` lives in `Prop`: `Or.inl hp = Or.inr hq` is true by proof irrelevance
    rejected("""
theorem orc (p q : Prop) (hp : p) (hq : q) (h : (Or.inl hp : p ∨ q) = Or.inr hq) : False := by
  contradiction
""")
    rejected("""
theorem orc2 (p q : Prop) (hp : p) (hq : q) (h : (Or.inl hp : p ∨ q) = Or.inr hq) : False := by
  cases h
""")


def test_induction_hypothesis_is_not_the_goal() -> None:
    rejected("""
theorem bad (n : Nat) : n = 0 := by
  induction n with
  | zero => rfl
  | succ k ih => exact ih
""")


def test_subst_cannot_identify_distinct_terms() -> None:
    msg = rejected("""
theorem s (a b : Nat) (h : a + 1 = b + 1) : a = b := by
  subst h
""")
    assert "invalid equality proof, it is not of the form (x = t) or (t = x)" in msg


def test_missing_alternative() -> None:
    msg = rejected("""
theorem m (p q : Prop) (h : p ∨ q) : q ∨ p := by
  cases h with
  | inl hp => exact Or.inr hp
""")
    assert msg == "Alternative 'inr' has not been provided"


def test_too_many_names() -> None:
    msg = rejected("""
theorem m (p q : Prop) (h : p ∨ q) : q ∨ p := by
  cases h with
  | inl hp x => exact Or.inr hp
  | inr hq => exact Or.inl hq
""")
    assert msg == "Too many variable names provided at alternative 'inl': 2 provided, but 1 expected"


def test_invalid_alternative_name() -> None:
    msg = rejected("""
theorem m (p q : Prop) (h : p ∨ q) : q ∨ p := by
  cases h with
  | foo hp => exact Or.inr hp
  | inr hq => exact Or.inl hq
""")
    assert msg == "Invalid alternative name 'foo': Expected 'inl'"


def test_alternative_not_needed() -> None:
    msg = rejected("""
theorem m (n : Nat) (h : n + 1 ≤ 0) : False := by
  cases h with
  | refl => skip
  | step h => skip
""")
    assert msg == "Alternative 'refl' is not needed"


def test_induction_index_not_a_variable() -> None:
    msg = rejected("""
theorem m (n : Nat) (h : n ≤ 0) : n = 0 := by
  induction h with
  | refl => rfl
  | step _ _ => rfl
""")
    assert msg.startswith("Invalid target: Index in target's type is not a variable")


def test_alternative_must_close_its_goal() -> None:
    msg = rejected("""
theorem m (p q : Prop) (h : p ∨ q) : q ∨ p := by
  cases h with
  | inl hp => skip
  | inr hq => exact Or.inl hq
""")
    assert msg.startswith("unsolved goals\ncase inl")


def test_cases_on_non_inductive() -> None:
    msg = rejected("""
theorem m (p q : Prop) (h : p → q) : True := by
  cases h
""")
    assert "major premise type is not an inductive type" in msg
