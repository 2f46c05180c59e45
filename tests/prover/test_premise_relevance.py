"""Premise shapes against the real embedded server: what `rw`/`apply` can use, and the policy's use of it."""
from __future__ import annotations

import pytest

from lean_bridge import open_backend
from lean_bridge.types import TacticError
from prover.actions import Action, render
from prover.premise_relevance import PATTERN_IS_VARIABLE, PremiseShapes, shape_of

LIBRARY = ("Nat.add_zero", "Nat.le_refl", "And.intro", "Or.inl")
# Statements the embedded prelude lacks are given as hypotheses: `rw [mul_one]` then names them just
# as it names a theorem, and their types are closed Terms like a premise's.
LOCAL = ("(zero_add : ∀ n : Nat, 0 + n = n) (add_comm : ∀ n m : Nat, n + m = m + n) "
         "(mul_one : ∀ n : Nat, n * 1 = n) (succ_le_succ : ∀ n m : Nat, n ≤ m → n + 1 ≤ m + 1) "
         "(le_trans : ∀ n m k : Nat, n ≤ m → m ≤ k → n ≤ k)")
PREMISES = LIBRARY + ("zero_add", "add_comm", "mul_one", "succ_le_succ", "le_trans")


@pytest.fixture(scope="module")
def lean():
    with open_backend("embedded") as backend:
        yield backend


def _root(lean, statement: str):
    return lean.sorries(f"theorem t {LOCAL} {statement} := sorry\n")[0][1]


def _statements(lean) -> dict:
    """name -> statement Term of every premise in PREMISES."""
    root = _root(lean, ": True")
    out = {name: lean.inspect(name).type for name in LIBRARY}
    out.update({h.name: h.type.typed for h in root.goals[0].hypotheses})
    return out


@pytest.fixture(scope="module")
def shapes(lean):
    table = PremiseShapes()
    for name, term in _statements(lean).items():
        table.add(name, term)
    return table


def test_shape_reads_equation_sides_and_conclusion_heads(lean):
    add_zero = shape_of(lean.inspect("Nat.add_zero").type)  # n + 0 = n
    assert add_zero.lhs == ("HAdd.hAdd", 6) and add_zero.rhs == PATTERN_IS_VARIABLE  # `rw [← h]` refuses `?n`
    assert add_zero.head == "Eq"
    le_trans = shape_of(_statements(lean)["le_trans"])  # n ≤ m → m ≤ k → n ≤ k
    assert le_trans.head == "LE.le" and le_trans.lhs == ("LE.le", 4)  # not an equation: rewrites itself


@pytest.mark.parametrize("reverse", [False, True])
def test_rewrite_filter_agrees_with_the_checker(lean, shapes, reverse):
    """Every premise ruled out really fails to rewrite; the target mentions only `*` and `≤`."""
    root = _root(lean, "(a b : Nat) : a * 1 ≤ b * 1")
    target = root.goals[0].target.typed
    names = list(PREMISES)
    keep, scores = shapes.rewrite_scores(names, target, reverse)
    kept = {names[i] for i in keep.tolist()}
    assert reverse or "mul_one" in kept
    assert "Nat.add_zero" not in kept and "add_comm" not in kept and "zero_add" not in kept
    kind = "rw_rev_premise" if reverse else "rw_premise"
    for name in set(names) - kept:
        with pytest.raises(TacticError):
            lean.run_tactic(root, render(Action(kind, premise=name), root.goals[0]), 0)
    if not reverse:
        after = lean.run_tactic(root, render(Action("rw_premise", premise="mul_one"), root.goals[0]), 0)
        assert after.goals[0].target.pp == "a ≤ b * 1"  # Lean rewrites the first instance found
        assert scores[[names[i] for i in keep.tolist()].index("mul_one")] == 1.0


def test_head_match_ranks_conclusions_that_fit_the_target(lean, shapes):
    target = _root(lean, "(a b : Nat) (h : a ≤ b) : a + 1 ≤ b + 1").goals[0].target.typed
    score = dict(zip(PREMISES, shapes.head_match(list(PREMISES), target).tolist()))
    assert score["le_trans"] == 2 and score["Nat.le_refl"] >= 1  # all-variable arguments fit anything
    assert score["succ_le_succ"] == 2  # `?n + 1 ≤ ?m + 1` fits `a + 1 ≤ b + 1` argument by argument
    assert score["And.intro"] == 0 and score["Nat.add_zero"] == 0


def test_policy_never_proposes_a_rewrite_whose_pattern_is_absent(lean):
    from prover.policy import load_policy

    policy = load_policy()
    policy.premise_types(_statements(lean))
    root = _root(lean, "(a b : Nat) : a * 1 ≤ b * 1")
    proposals = policy.propose([(root.goals, 0)], list(PREMISES), 500)[0]
    rewrites = {a.premise for a, _ in proposals if a.kind == "rw_premise"}
    assert "mul_one" in rewrites and not rewrites & {"Nat.add_zero", "zero_add", "add_comm"}
    kinds = {a.kind for a, _ in policy.propose([(root.goals, 0)], list(PREMISES), 8)[0]}
    assert {"simp_all", "simp"} <= kinds  # the closers are always among the top k
    assert all(lp <= 0 for _, lp in proposals)


def test_premise_bias_rules_out_what_rw_cannot_match_and_rewards_fitting_heads(lean, shapes):
    from prover.premise_relevance import HEAD_BONUS, premise_bias

    names = list(PREMISES)
    target = _root(lean, "(a b : Nat) : a * 1 ≤ b * 1").goals[0].target.typed
    rw = dict(zip(names, premise_bias(shapes, "rw_premise", names, target).tolist()))
    assert rw["mul_one"] > 0 and rw["add_comm"] == float("-inf") and rw["Nat.add_zero"] == float("-inf")
    apply = dict(zip(names, premise_bias(shapes, "apply_premise", names, target).tolist()))
    assert apply["le_trans"] == 2 * HEAD_BONUS and apply["And.intro"] == 0
    assert premise_bias(shapes, "simp_premise", names, target) is None  # simp takes any lemma
    assert premise_bias(shapes, "rw_premise", names, None) is None
