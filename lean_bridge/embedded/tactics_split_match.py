"""`split` on a `match` in the goal (Lean's `Split.splitMatch`): a `match d with …` the checker keeps as
`I.casesOn motive d …` (the inner match of `List.filter`'s equation on `p a`) is split into one goal
per constructor, with the fields and `heq✝ : d = c fields`, the match reduced to that branch. The proof
is `I.casesOn` on `d` with the motive `fun x => d = x → goal[d := x]`, applied to `rfl`; the kernel
re-checks it. Untrusted."""
from __future__ import annotations

from lean_bridge.syntax import ast

from .environment import ConstructorInfo, InductiveInfo
from .expr import (
    Const, Expr, FVar, NatLit, Pi, get_app_fn, get_app_fn_args, instantiate1,
    iter_subexprs, mk_app, mk_lambda_fvars, replace,
)
from .meta import DelayedLambda, head_beta
from .tactics import TacticState


def _find_match(state: TacticState, target: Expr) -> tuple[Expr, InductiveInfo, list[Expr]] | None:
    """The first `I.casesOn motive d minors…` of `target` whose `d` is closed and no constructor."""
    elab_checker = state.elaborator(state.goals[0]).checker
    for sub in iter_subexprs(target):
        head, args = get_app_fn_args(sub)
        if not (isinstance(head, Const) and head.name.endswith(".casesOn")):
            continue
        ind = state.env.find(head.name[: -len(".casesOn")])
        if not isinstance(ind, InductiveInfo) or ind.num_indices != 0:
            continue
        if len(args) < ind.num_params + 2 + len(ind.ctors):
            continue
        d = args[ind.num_params + 1]
        if d.lbr != 0 or d.has_mvar:
            continue
        value = elab_checker.whnf(d)
        vh = get_app_fn(value)
        if isinstance(value, NatLit) or (isinstance(vh, Const) and isinstance(state.env.find(vh.name), ConstructorInfo)):
            continue
        return sub, ind, args
    return None


def split_match(state: TacticState, goal, target: Expr, tac: ast.Node) -> bool:
    """Split the goal's first stuck `match` (see the module docstring); False when there is none."""
    found = _find_match(state, target)
    if found is None:
        return False
    _sub, ind, args = found
    elab = state.elaborator(goal)
    chk = elab.checker
    decl = state.decl(goal)
    d = args[ind.num_params + 1]
    d_type = state.mctx.instantiate(elab.infer(d))
    d_whnf = elab.whnf(d_type)
    ty_head, ty_args = get_app_fn_args(d_whnf)
    if not (isinstance(ty_head, Const) and ty_head.name == ind.name):
        return False
    params = ty_args[: ind.num_params]
    d_level = elab.ensure_type(d_type, tac)
    x = FVar("x", d_type)
    body_x = replace(target, lambda e, _depth: x if e == d else None)
    eq_x = mk_app(Const("Eq", [d_level]), [d_type, d, x])
    motive_body = _arrow(eq_x, body_x)
    level = elab.ensure_type(motive_body, tac)
    motive = mk_lambda_fvars([x], motive_body)
    minors: list[Expr] = []
    goals = []
    for k, ctor_name in enumerate(ind.ctors):
        ctor = state.env.find(ctor_name)
        assert isinstance(ctor, ConstructorInfo)
        t = elab.instantiate(ctor.type)
        from .expr import instantiate_expr_level_params

        t = instantiate_expr_level_params(t, list(ctor.level_params), list(ty_head.levels))
        for p in params:
            t = elab.whnf(t)
            assert isinstance(t, Pi)
            t = instantiate1(t.body, p)
        fields: list[FVar] = []
        for _ in range(ctor.num_fields):
            t = elab.whnf(t)
            assert isinstance(t, Pi)
            fv = FVar(f"{t.name}✝", t.type)
            fields.append(fv)
            t = instantiate1(t.body, fv)
        ctor_term = mk_app(mk_app(Const(ctor_name, list(ty_head.levels)), params), fields)
        heq = FVar("heq✝", mk_app(Const("Eq", [d_level]), [d_type, d, ctor_term]))
        branch = replace(target, lambda e, _depth: ctor_term if e == d else None)
        branch = _reduce_matches_on(state, chk, branch, ind, ctor_term)
        new = state.new_goal(branch, decl.lctx + tuple(fields) + (heq,), f"h_{k + 1}")
        minors.append(DelayedLambda(tuple(fields) + (heq,), new))
        goals.append(new)
    refl = mk_app(Const("Eq.refl", [d_level]), [d_type, d])
    proof = mk_app(Const(f"{ind.name}.casesOn", [level] + list(ty_head.levels)), params + [motive, d] + minors + [refl])
    state.assign(goal, proof)
    state.replace_main(goals)
    return True


def _arrow(dom: Expr, cod: Expr) -> Expr:
    from .expr import lift_loose_bvars

    return Pi("h", dom, lift_loose_bvars(cod, 1))


def _reduce_matches_on(state: TacticState, chk, e: Expr, ind: InductiveInfo, ctor_term: Expr) -> Expr:
    """`e` with every `I.casesOn … ctor_term …` iota-reduced to its branch (definitionally equal)."""
    def fn(x: Expr, _depth: int) -> Expr | None:
        head, args = get_app_fn_args(x)
        if not (isinstance(head, Const) and head.name == f"{ind.name}.casesOn"):
            return None
        if len(args) < ind.num_params + 2 or args[ind.num_params + 1] != ctor_term:
            return None
        reduced = head_beta(chk.whnf_core(chk.unfold_definition(x)))
        return _reduce_matches_on(state, chk, reduced, ind, ctor_term)

    return replace(e, fn)
