"""The `decide` and `split` tactics. `decide`, as Lean 4 (v4.33) does it: the goal `p` must be a closed proposition; its
`Decidable p` instance is synthesized and reduced with the kernel's `whnf`; when it reduces to
`isTrue _`, the proof is `of_decide_eq_true (Eq.refl true)`, which the kernel re-checks by
evaluating `Decidable.decide p` to `true` itself (the evaluation here only chooses the message).
"""
from __future__ import annotations

from lean_bridge.syntax import ast

from .elab_term import ElabError
from .expr import (
    App, Const, Expr, FVar, Sort, get_app_args, get_app_fn, get_app_fn_args, iter_subexprs, mk_app,
    mk_lambda_fvars, replace,
)
from .level import LEVEL_ONE, LEVEL_ZERO
from .meta import DelayedLambda, head_beta
from .tactics import TacticError, TacticState, _fmt, register

TACTIC = "Tactic `decide`"


def _decide_proof(state: TacticState, tac: ast.Node) -> None:
    goal = state.main_goal(tac)
    elab = state.elaborator(goal)
    target = state.mctx.instantiate(state.target(goal))
    if target.has_fvar:
        raise TacticError(f"Expected type must not contain free variables\n  {_fmt(state, target)}\n\n"
                          "Hint: Use the `+revert` option to automatically clean up and revert free variables", tac)
    if target.has_mvar:
        raise TacticError(f"Expected type must not contain metavariables\n  {_fmt(state, target)}", tac)
    if "Decidable" not in state.env or not isinstance(sort := elab.whnf(elab.infer(target)), Sort) \
            or sort.level != LEVEL_ZERO:
        raise TacticError(f"{TACTIC} failed: the goal is not a proposition\n  {_fmt(state, target)}", tac)
    inst = elab.synthesize_instance(mk_app(Const("Decidable"), [target]), tac)
    reduced = elab.whnf(inst)  # the kernel's whnf, under the tactic's step budget
    head = get_app_fn(reduced)
    head_name = head.name if isinstance(head, Const) else None
    if head_name == "Decidable.isTrue":
        proof = mk_app(Const("of_decide_eq_true"),
                       [target, inst, mk_app(Const("Eq.refl", [LEVEL_ONE]), [Const("Bool"), Const("Bool.true")])])
        state.assign(goal, proof)
        state.replace_main([])
        return
    if head_name == "Decidable.isFalse":
        raise TacticError(f"{TACTIC} proved that the proposition\n  {_fmt(state, target)}\nis false", tac)
    raise TacticError(f"{TACTIC} failed for proposition\n  {_fmt(state, target)}\nbecause its `Decidable` "
                      f"instance\n  {_fmt(state, inst)}\ndid not reduce to `isTrue` or `isFalse`.\n\n"
                      f"After unfolding, reduction got stuck at\n  {_fmt(state, reduced)}", tac)


@register("Decide")
def tac_Decide(state: TacticState, tac: ast.Decide) -> None:
    try:
        _decide_proof(state, tac)
    except ElabError as err:
        raise TacticError(err.message, err.node or tac) from None


# ---------------------------------------------------------------------------
# split (on `if … then … else` in the goal)
# ---------------------------------------------------------------------------

_SPLIT_FAILED = "'split' tactic failed, consider using `set_option trace.split.failure true`"


def _is_if(e: Expr) -> bool:
    head, args = get_app_fn_args(e)
    return isinstance(head, Const) and head.name in ("ite", "dite") and len(args) >= 5


def _find_if_to_split(e: Expr) -> Expr | None:
    """Lean's `findIfToSplit?`: the first `ite`/`dite` whose condition has no loose bound variables,
    or, inside its condition, one found the same way."""
    for sub in iter_subexprs(e):
        if _is_if(sub):
            cond = get_app_args(sub)[1]
            if cond.lbr == 0:
                inner = _find_if_to_split(cond)
                return inner if inner is not None else sub
    return None


def _reduce_ifs(e: Expr, cond: Expr, ctor: Expr, positive: bool, h: FVar) -> Expr:
    """`e` with every `ite cond ctor t e'` made `t` (or `e'`) and every `dite cond ctor t e'` made
    `t h` (or `e' h`): each is the definitional unfolding of the `if` on the constructor `ctor`."""
    def fn(x: Expr, depth: int) -> Expr | None:
        if not _is_if(x):
            return None
        head, args = get_app_fn_args(x)
        if len(args) != 5 or args[1] != cond or args[2] != ctor:
            return None
        branch = args[3] if positive else args[4]
        if head.name == "dite":
            branch = head_beta(App(branch, h))
        return _reduce_ifs(branch, cond, ctor, positive, h)

    return replace(e, fn)


@register("Split")
def tac_Split(state: TacticState, tac: ast.Split) -> None:
    """`split` on the goal's first `if c then t else e` (Lean's `findIfToSplit?`): goals `case isTrue`
    with `h✝ : c` and `case isFalse` with `h✝ : ¬c`, every `if` on the same `c` and instance reduced.
    The proof is `Decidable.casesOn` on the instance, generalized in the goal; each branch's goal is the
    goal's definitional unfolding there (the kernel re-checks it)."""
    goal = state.main_goal(tac)
    decl = state.decl(goal)
    elab = state.elaborator(goal)
    target = state.mctx.instantiate(state.target(goal))
    found = _find_if_to_split(target) if "Decidable.casesOn" in state.env else None
    if found is None:
        from .tactics_split_match import split_match

        if split_match(state, goal, target, tac):
            return
    if found is None or found.has_mvar:
        raise TacticError(_SPLIT_FAILED, tac)
    cond, inst = get_app_args(found)[1], get_app_args(found)[2]
    if inst.lbr != 0:
        raise TacticError(_SPLIT_FAILED, tac)
    level = elab.ensure_type(target, tac)
    motive_var = FVar("x", mk_app(Const("Decidable"), [cond]))
    motive = mk_lambda_fvars([motive_var], replace(target, lambda x, d: motive_var if x == inst else None))
    minors = []
    goals = []
    for positive in (False, True):
        hyp = FVar("h✝", cond if positive else App(Const("Not"), cond))
        ctor = mk_app(Const("Decidable.isTrue" if positive else "Decidable.isFalse"), [cond, hyp])
        branch_target = _reduce_ifs(replace(target, lambda x, d: ctor if x == inst else None), cond, ctor, positive, hyp)
        new = state.new_goal(branch_target, decl.lctx + (hyp,), "isTrue" if positive else "isFalse")
        minors.append(DelayedLambda((hyp,), new))
        goals.append(new)
    state.assign(goal, mk_app(Const("Decidable.casesOn", [level]), [cond, motive, inst, *minors]))
    state.replace_main([goals[1], goals[0]])
