"""The kernel on its own: terms built by hand (no elaborator in the way), universe levels, and
the mechanisms whose failure would be unsound (literal arithmetic gating, subsingleton
elimination, the step budget)."""
from __future__ import annotations

import pytest

from lean_bridge.embedded.checker import check_source
from lean_bridge.embedded.expr import BVar, Const, Lam, NatLit, Sort, mk_app
from lean_bridge.embedded.kernel import KernelError, KernelTimeout, TypeChecker, add_definition
from lean_bridge.embedded.level import (
    LEVEL_ONE,
    LEVEL_ZERO,
    LevelIMax,
    LevelMax,
    LevelParam,
    LevelSucc,
    is_equivalent,
    is_geq,
)
from lean_bridge.embedded.prelude import prelude_env

NAT = Const("Nat")
U, V = LevelParam("u"), LevelParam("v")


def eq(a, b, ty=NAT, level=LEVEL_ONE):
    return mk_app(Const("Eq", [level]), [ty, a, b])


def refl(a, ty=NAT, level=LEVEL_ONE):
    return mk_app(Const("Eq.refl", [level]), [ty, a])


def result(source: str, name: str):
    return next(r for r in check_source(source) if r.name == name)


# -- levels -----------------------------------------------------------------------

@pytest.mark.parametrize("big, small, expected", [
    (LevelMax(U, V), U, True),
    (U, LevelMax(U, V), False),
    (LevelSucc(U), LEVEL_ONE, True),
    (LEVEL_ZERO, LEVEL_ONE, False),
    (LevelIMax(U, V), V, True),
    (V, LevelIMax(U, V), False),  # u may exceed v
    (U, LevelIMax(U, V), False),  # v may exceed u
    (LevelIMax(U, V), U, False),  # v = 0 makes the imax 0
])
def test_level_geq(big, small, expected):
    assert is_geq(big, small) is expected


def test_level_equivalence_splits_imax_on_parameters():
    assert is_equivalent(LevelIMax(U, LevelSucc(V)), LevelMax(U, LevelSucc(V)))
    assert is_equivalent(LevelMax(LevelIMax(U, V), V), LevelIMax(U, V))
    assert not is_equivalent(LevelIMax(U, V), LevelMax(U, V))


# -- hand-built terms -------------------------------------------------------------

def test_kernel_rejects_ill_typed_proof_without_the_elaborator():
    env = prelude_env().kernel
    with pytest.raises(KernelError, match="type mismatch"):
        add_definition(env, "bad", (), eq(NatLit(1), NatLit(2)), refl(NatLit(1)), is_theorem=True)


def test_kernel_accepts_literal_arithmetic_and_rejects_a_wrong_sum():
    env = prelude_env().kernel
    add = lambda a, b: mk_app(Const("Nat.add"), [NatLit(a), NatLit(b)])
    add_definition(env, "ok", (), eq(add(10**12, 10**12), NatLit(2 * 10**12)), refl(NatLit(2 * 10**12)), is_theorem=True)
    with pytest.raises(KernelError):
        add_definition(env, "bad", (), eq(add(10**12, 10**12), NatLit(2 * 10**12 + 1)),
                       refl(NatLit(2 * 10**12 + 1)), is_theorem=True)


def test_nat_add_recurses_on_second_argument():
    checker = TypeChecker(prelude_env().kernel)
    n = Const("Nat.zero")
    x = Lam("x", NAT, BVar(0))
    # n + 0 reduces to n for an opaque n; 0 + n does not
    var_plus_zero = Lam("n", NAT, mk_app(Const("Nat.add"), [BVar(0), NatLit(0)]))
    zero_plus_var = Lam("n", NAT, mk_app(Const("Nat.add"), [NatLit(0), BVar(0)]))
    assert checker.is_def_eq(var_plus_zero, x)
    assert not checker.is_def_eq(zero_plus_var, x)
    assert checker.is_def_eq(NatLit(0), n)


def test_theorem_must_be_a_proposition():
    env = prelude_env().kernel
    with pytest.raises(KernelError, match="not a proposition"):
        add_definition(env, "bad", (), NAT, NatLit(0), is_theorem=True)


def test_type_in_type_is_rejected():
    env = prelude_env().kernel
    with pytest.raises(KernelError):
        add_definition(env, "bad", (), Sort(LEVEL_ONE), Sort(LEVEL_ONE))


def test_step_budget_stops_runaway_reduction():
    env = prelude_env().kernel
    # 2^200 additions of 1 through Nat.rec on a literal index: must be stopped, not run forever
    big = mk_app(Const("Nat.rec", [LEVEL_ONE]), [Lam("_", NAT, NAT), NatLit(0),
                                                  Lam("k", NAT, Lam("ih", NAT, mk_app(Const("Nat.succ"), [BVar(0)]))),
                                                  NatLit(10**9)])
    checker = TypeChecker(env, max_steps=20_000)
    with pytest.raises(KernelTimeout):
        checker.whnf_core(big) and checker.is_def_eq(big, NatLit(10**9))


# -- mechanisms through the checker ---------------------------------------------

def test_literal_arithmetic_never_applies_to_user_definitions():
    source = "def Nat.half (a b : Nat) : Nat := 0\ntheorem bad : Nat.half 4 2 = 2 := rfl\ntheorem good : Nat.half 4 2 = 0 := rfl\n"
    assert not result(source, "bad").ok
    assert result(source, "good").ok


def test_propositions_with_two_constructors_eliminate_only_into_prop():
    source = "inductive Two : Prop where\n  | a | b\ndef bad : Two → Nat\n  | .a => 0\n  | .b => 1\n"
    assert result(source, "Two").ok
    assert not result(source, "bad").ok
    rec = prelude_env().find("Or.rec")
    assert rec is not None and rec.level_params == ()  # motive fixed to Prop


def test_k_like_reduction_of_eq_rec():
    source = "theorem k (h : 1 = 1) : @Eq.rec Nat 1 (fun _ _ => Nat) 5 1 h = 5 := rfl\n"
    assert result(source, "k").ok


def test_tree_recursion_is_checked_by_sharing_not_blowup():
    source = "def f : Nat → Nat\n  | 0 => 0\n  | n + 1 => f n + f n\ntheorem t : f 40 = 0 := rfl\n"
    assert result(source, "t").ok


def test_axioms_reported_as_lean_reports_them():
    env = prelude_env()
    assert env.axioms_used["Classical.em"] == {"propext", "Classical.choice", "Quot.sound"}
    assert env.axioms_used["funext"] == {"Quot.sound"}
    assert env.axioms_used["Nat.add"] == frozenset()
