"""Atomic actions: the kind table, rendering that the embedded checker accepts, candidates, JSON."""
from __future__ import annotations

import pytest

from lean_bridge import TacticError, open_backend
from lean_bridge.term import Term
from prover.actions import (ARG_OF, KINDS, Action, RenderError, action_from_json, action_to_json,
                            candidate_actions, closed_subterms, intro_name, render)


@pytest.fixture(scope="module")
def lean():
    with open_backend("embedded") as backend:
        yield backend


def test_every_kind_has_exactly_one_argument_type():
    assert len(KINDS) == len(set(KINDS)) and 25 <= len(KINDS) <= 40
    assert set(ARG_OF) == set(KINDS)
    assert set(ARG_OF.values()) == {"none", "hyp", "premise", "subterm"}
    for kind in ("apply_hyp", "apply_premise", "rw_hyp", "rw_rev_hyp", "rw_premise", "rw_rev_premise",
                 "cases_hyp", "induction_hyp", "exists_subterm", "intro", "constructor", "left", "right", "rfl"):
        assert kind in KINDS


def test_action_checks_its_argument():
    with pytest.raises(ValueError):
        Action("exact_hyp")  # missing hypothesis
    with pytest.raises(ValueError):
        Action("rfl", hyp=0)  # takes nothing
    with pytest.raises(ValueError):
        Action("no_such_kind")
    assert Action("exact_premise", premise="Nat.le_refl") == Action("exact_premise", premise="Nat.le_refl")


def test_intro_names_come_from_the_binder_and_stay_fresh(lean):
    state = lean.start_goal("∀ (n : Nat), ∀ (n : Nat), n = n → True")
    assert render(Action("intro"), state.goals[0]) == "intro n"
    state = lean.run_tactic(state, "intro n")
    assert render(Action("intro"), state.goals[0]) == "intro n_1"
    state = lean.run_tactic(state, render(Action("intro"), state.goals[0]))
    assert intro_name(state.goals[0]) == "h"  # a non-dependent arrow
    state = lean.run_tactic(state, render(Action("intro"), state.goals[0]))
    assert [h.name for h in state.goals[0].hypotheses] == ["n", "n_1", "h"]


def test_inaccessible_hypotheses_are_named_with_rename_i(lean):
    state = lean.start_goal("∀ (p q : Prop), p ∧ q → q ∧ p")
    state = lean.run_tactic(state, "intro p q h")
    state = lean.run_tactic(state, render(Action("cases_hyp", hyp=2), state.goals[0]))
    goal = state.goals[0]
    assert [h.inaccessible for h in goal.hypotheses] == [False, False, True, True]
    text = render(Action("exact_hyp", hyp=2), goal)
    assert text.startswith("rename_i left _; ")
    with pytest.raises(TacticError):  # left✝ : p does not prove q ∧ p
        lean.run_tactic(state, text)
    state = lean.run_tactic(state, render(Action("constructor"), goal))
    for _ in range(2):
        goal = state.goals[0]
        wanted = goal.target.pp
        hyp = next(i for i, h in enumerate(goal.hypotheses) if h.type.pp == wanted)
        state = lean.run_tactic(state, render(Action("exact_hyp", hyp=hyp), goal))
    assert state.goals == ()


def test_shadowed_hypotheses_are_not_candidates(lean):
    state = lean.start_goal("∀ (h : True) (h : 1 = 1), 1 = 1")
    state = lean.run_tactic(state, "intro h h")
    goal = state.goals[0]
    assert [h.name for h in goal.hypotheses] == ["h✝", "h"]  # Lean shows the shadowed one with a dagger
    with pytest.raises(RenderError):  # but `rename_i` cannot reach it (not macro-scoped)
        render(Action("exact_hyp", hyp=0), goal)
    assert all(a.hyp != 0 for a in candidate_actions(goal, []))
    assert lean.run_tactic(state, render(Action("exact_hyp", hyp=1), goal)) is not None


def test_candidates_render_and_the_checker_takes_the_right_ones(lean):
    state = lean.start_goal("∀ (a b : Nat), a = b → ∃ c, c = b + 0")
    state = lean.run_tactic(state, "intro a b h")
    goal = state.goals[0]
    actions = candidate_actions(goal, ["Nat.add_zero"])
    texts = [render(a, goal) for a in actions]
    assert len(set(texts)) == len(texts)
    assert "rw [h]" in texts and "rw [← h]" in texts and "subst h" in texts and "rw [Nat.add_zero]" in texts
    subs = [a for a in actions if a.kind == "exists_subterm"]
    assert subs and all(isinstance(a.subterm, Term) for a in subs)
    accepted = []
    for action, text in zip(actions, texts):
        try:
            after = lean.run_tactic(state, text)
        except TacticError:
            continue
        accepted.append((action.kind, len(after.goals)))
    assert ("exists_subterm", 1) in accepted and ("subst_hyp", 1) in accepted


def test_exists_with_a_goal_subterm_closes_the_goal(lean):
    state = lean.start_goal("∀ n : Nat, ∃ m, m = n + 2")
    state = lean.run_tactic(state, "intro n")
    goal = state.goals[0]
    closing = []
    for sub in closed_subterms(goal):
        try:
            after = lean.run_tactic(state, render(Action("exists_subterm", subterm=sub), goal))
        except TacticError:
            continue
        if not after.goals:
            closing.append(sub)
    assert closing  # n + 2 is a subterm of the goal


def test_action_json_round_trip(lean):
    state = lean.start_goal("∀ (p : Prop), p ∨ ¬p")
    state = lean.run_tactic(state, "intro p")
    for action in candidate_actions(state.goals[0], ["Classical.em"]):
        back = action_from_json(action_to_json(action))
        assert back == action
        assert render(back, state.goals[0]) == render(action, state.goals[0])


def test_forward_kinds_build_a_fact_in_the_context(lean):
    """have_premise puts `@P` in the context as the newest hypothesis, specialize_last_hyp applies the
    newest hypothesis to one argument (implicit ones inferred), have_hyp copies a hypothesis."""
    state = lean.start_goal("∀ (a b : Nat), Nat.succ a = Nat.succ b → a = b")
    state = lean.run_tactic(state, "intro a b h")
    goal = state.goals[0]
    assert Action("have_premise", premise="Nat.succ.inj") in candidate_actions(goal, ["Nat.succ.inj"])
    assert not any(a.kind == "specialize_last_hyp" for a in candidate_actions(goal, []))  # h is no function
    text = render(Action("have_premise", premise="Nat.succ.inj"), goal)
    assert text == "have h_1 := @Nat.succ.inj"
    state = lean.run_tactic(state, text)
    goal = state.goals[0]
    assert goal.hypotheses[-1].type.pp.startswith("∀ {n m : Nat}")
    spec = Action("specialize_last_hyp", hyp=2)
    assert spec in candidate_actions(goal, [])
    assert render(spec, goal) == "specialize h_1 h"
    with pytest.raises(RenderError):
        render(Action("specialize_last_hyp", hyp=3), goal)  # not to itself
    state = lean.run_tactic(state, render(spec, goal))
    goal = state.goals[0]
    assert goal.hypotheses[-1].type.pp == "a = b" and [h.name for h in goal.hypotheses][:3] == ["a", "b", "h"]
    state = lean.run_tactic(state, render(Action("exact_hyp", hyp=3), goal))
    assert state.goals == ()


def test_have_hyp_copies_so_the_original_stays(lean):
    state = lean.start_goal("∀ (p : Prop) (f : ∀ q : Prop, q → q), p → p")
    state = lean.run_tactic(state, "intro p f hp")
    goal = state.goals[0]
    copy = Action("have_hyp", hyp=1)
    assert copy in candidate_actions(goal, []) and Action("have_hyp", hyp=2) not in candidate_actions(goal, [])
    assert render(copy, goal) == "have f_1 := @f"
    state = lean.run_tactic(state, render(copy, goal))
    goal = state.goals[0]
    for arg in (0, 2):  # f_1 p, then f_1 hp
        state = lean.run_tactic(state, render(Action("specialize_last_hyp", hyp=arg), goal))
        goal = state.goals[0]
    assert [h.type.pp for h in goal.hypotheses] == ["Prop", "∀ (q : Prop), q → q", "p", "p"]
