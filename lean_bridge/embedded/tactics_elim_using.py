"""`induction x₁ … xₙ using r` (Lean's `ElimApp` for a custom eliminator such as `Nat.strongRecOn`): the
eliminator's conclusion `motive y₁ … yₙ` fixes the motive and the target binders; every other explicit
binder is a minor premise, one alternative named by the binder (`| ind n ih => …`). Untrusted: the
term built is `r motive x₁ … xₙ ?minors reverted`, re-checked by the kernel with the whole proof."""
from __future__ import annotations

from typing import TYPE_CHECKING

from lean_bridge.syntax import ast

from .elab_term import ElabError
from .expr import (App, BinderInfo, Expr, FVar, Lam, MVar, Pi, get_app_fn, get_app_fn_args, instantiate1, mk_app,
                   mk_lambda_fvars, mk_pi_fvars, replace)
from .meta import head_beta, open_telescope
from .tactics import TacticError, TacticState, _elab_closed_term, _fresh_const

if TYPE_CHECKING:
    from .tactics_cases import _Alt


def _beta_all(e: Expr) -> Expr:
    """Reduce every `(fun x => b) a` (the motive substituted into the minor premises' types)."""
    def fn(x: Expr, _depth: int) -> Expr | None:
        if isinstance(x, App) and isinstance(get_app_fn(x), Lam):
            return _beta_all(head_beta(x))
        return None
    return replace(e, fn)


def elim_using(state: TacticState, goal: MVar, tac: ast.Induction) -> list["_Alt"]:
    """Assign the main goal `r … motive targets ?minor₁ … reverted` and return one alternative per minor."""
    from .tactics_cases import _Alt, _append_tag, _dependents, _hyp, _inst

    decl = state.decl(goal)
    elab = state.elaborator(goal)
    if not isinstance(tac.using, ast.Ident):
        raise TacticError("`induction … using` takes the name of an eliminator in the embedded checker", tac)
    try:
        name = elab.resolve_global(tac.using.name, tac.using)
    except ElabError as err:
        raise TacticError(str(err), tac.using) from err
    if name is None or state.env.find(name) is None:
        raise TacticError(f"Unknown identifier `{tac.using.name}`", tac.using)
    targets: list[FVar] = []
    for t in tac.targets:
        if t.name is not None:
            raise TacticError("`induction h : e using r` is not supported by the embedded checker", tac)
        x, _ = _elab_closed_term(state, goal, t.term, None, "none")
        x = _inst(state, x)
        if not isinstance(x, FVar) or x.value is not None or any(x.uid == y.uid for y in targets):
            raise TacticError("`induction … using` on a term that is not a variable is not supported by the "
                              "embedded checker", t)
        targets.append(x)
    elim = _fresh_const(state, name)
    elim_type = _inst(state, elab.infer(elim))
    # the eliminator's telescope and conclusion `motive y₁ … yₙ`
    binders, t = open_telescope(elab, elim_type)
    head, concl_args = get_app_fn_args(t)
    uids = [b.uid for b in binders]
    if (not isinstance(head, FVar) or head.uid not in uids
            or not all(isinstance(a, FVar) and a.uid in uids for a in concl_args)):
        raise TacticError(f"unexpected eliminator resulting type\n  {elab.fmt(t)}", tac.using)
    if len(concl_args) != len(targets):
        raise TacticError(f"induction: {len(targets)} targets given, the eliminator '{name}' takes "
                          f"{len(concl_args)}", tac)
    target_of = {a.uid: x for a, x in zip(concl_args, targets)}
    # what the alternatives must re-introduce: the `generalizing` hypotheses and those depending on a target
    lctx = decl.lctx
    gen_uids: set[int] = set()
    for gname in tac.generalizing:
        fv = next((h for h in reversed(lctx) if h.name == gname and h.uid not in state.hidden), None)
        if fv is None:
            raise TacticError(f"Unknown identifier `{gname}`", tac)
        gen_uids.add(fv.uid)
    target_uids = {x.uid for x in targets}
    deps = _dependents(state, lctx, target_uids | gen_uids)
    keep = gen_uids | {d.uid for d in deps}
    reverted = [h for h in lctx if h.uid in keep and h.uid not in target_uids]
    body = mk_pi_fvars([_hyp(state, r) for r in reverted], _inst(state, decl.type))
    motive = mk_lambda_fvars(targets, body)
    drop = keep | target_uids
    base_lctx = tuple(h for h in lctx if h.uid not in drop)
    # instantiate the telescope binder by binder
    args: list[Expr] = []
    alts: list[_Alt] = []
    t = elim_type
    for b in binders:
        w = t if isinstance(t, Pi) else elab.whnf(t)
        dom = _beta_all(_inst(state, w.type))
        if b.uid == head.uid:
            value: Expr = motive
            if not elab.unify(dom, elab.infer(motive)):
                raise TacticError(f"induction: the motive does not fit the eliminator '{name}'", tac)
        elif b.uid in target_of:
            value = target_of[b.uid]
            if not elab.unify(dom, _hyp(state, value).type):
                raise TacticError(f"induction: the target '{value.name}' does not fit the eliminator '{name}'", tac)
        elif b.binder_info == BinderInfo.DEFAULT:
            minor_type = _beta_all(_inst(state, dom))
            alt_goal = state.new_goal(minor_type, base_lctx, _append_tag(decl.user_name, b.name))
            infos = [fv.binder_info for fv in open_telescope(elab, minor_type)[0]]
            own = infos[: len(infos) - len(reverted)]  # the minor's binders; `motive y` adds the reverted ones
            alts.append(_Alt(None, b.name, alt_goal, own, 0, reverted))  # type: ignore[arg-type]
            value = alt_goal
        else:
            value = state.mctx.new_mvar(dom, base_lctx, None, "natural")
        args.append(value)
        t = instantiate1(w.body, value)
    term = mk_app(mk_app(elim, args), reverted)
    for a in args:
        if isinstance(a, MVar) and not any(a is alt.goal for alt in alts) and _inst(state, a) == a:
            raise TacticError(f"induction: an argument of the eliminator '{name}' is not determined", tac)
    if not elab.unify(_inst(state, elab.infer(term)), _inst(state, decl.type)):
        raise TacticError(f"induction: the eliminator '{name}' does not prove the goal", tac)
    state.assign(goal, _inst(state, term))
    return alts
