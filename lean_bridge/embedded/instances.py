"""Type-class resolution for the classes behind Lean's notation (`OfNat`, `HAdd`, `LE`, `Membership`…).

Instances are ordinary constants registered in the environment (`ElabEnv.instances`); a goal
`C args` is solved by trying the instances of `C` by decreasing priority, the newest first among
equal priorities (Lean's order), unifying its conclusion with the
goal and solving its own instance arguments recursively (a small depth-first tabled-free search,
enough for the core instances; Lean's full algorithm adds tabling and priorities).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .elab_env import insert_instance
from .expr import BinderInfo, Const, Expr, FVar, MVar, Pi, get_app_fn, instantiate1, mk_app
from .kernel import KernelError

if TYPE_CHECKING:
    from .elab_term import TermElaborator

MAX_DEPTH = 8


def synthesize(elab: "TermElaborator", goal: Expr, depth: int = 0) -> Expr | None:
    """An instance term of type `goal`, or None; holes in `goal` may be assigned (out-params)."""
    if depth > MAX_DEPTH:
        return None
    goal = elab.instantiate(goal)
    try:
        goal_whnf = elab.checker.whnf_core(goal)
    except KernelError:
        return None
    head = get_app_fn(goal_whnf)
    if not isinstance(head, Const):
        return None
    if head.name not in elab.env.instances:
        return _synthesize_unfolded(elab, goal_whnf, depth)
    rec = getattr(elab, "recursive", None)
    rec_uid = rec.fvar.uid if rec is not None else None
    for fv in reversed(elab.lctx):  # local instances come first: as in Lean, every local whose type is a class
        if fv.uid == rec_uid:
            continue  # the declaration being defined is no instance of itself (Lean's auxiliary declaration)
        fv_type = elab.instantiate(fv.type)
        if _head_name(fv_type) == head.name:
            if elab.unify(fv_type, goal_whnf):
                return fv
        elif fv.binder_info == BinderInfo.INST_IMPLICIT:
            if _head_name(fv_type) not in elab.env.instances:  # `[DecidableEq α]`: a family of instances
                found = _apply_local_family(elab, fv, fv_type, goal_whnf)
                if found is not None:
                    return found
    for name in reversed(_instance_order(elab, head.name)):
        snap = elab.mctx.snapshot()
        result = _try_instance(elab, name, goal_whnf, depth)
        if result is not None:
            return elab.instantiate(result)
        elab.mctx.restore(snap)
    return None


def _synthesize_unfolded(elab: "TermElaborator", goal: Expr, depth: int) -> Expr | None:
    """A goal whose head is a reducible definition of a class family, `DecidableEq α` =
    `(a b : α) → Decidable (a = b)`: as Lean does, introduce the arguments and solve the class."""
    from .elab_term import ElabError

    try:
        ty = elab.whnf(goal)
    except ElabError:  # an unreducible goal is simply not an instance goal
        return None
    if not isinstance(ty, Pi):
        return None
    fvars: list[FVar] = []
    saved = list(elab.lctx)
    try:
        while isinstance(ty, Pi):
            fv = FVar(ty.name, ty.type, None, ty.binder_info)
            fvars.append(fv)
            elab.lctx.append(fv)
            ty = instantiate1(ty.body, fv)
        if _head_name(ty) not in elab.env.instances:
            return None
        body = synthesize(elab, ty, depth + 1)
        if body is None:
            return None
        return elab.mk_lambda(fvars, body)
    finally:
        elab.lctx[:] = saved


def _apply_local_family(elab: "TermElaborator", fv: FVar, fv_type: Expr, goal: Expr) -> Expr | None:
    """A local instance `inst : DecidableEq α` used at `Decidable (a = b)`: `inst ?a ?b`."""
    from .elab_term import ElabError

    try:
        ty = elab.whnf(fv_type)
    except ElabError:
        return None
    if not isinstance(ty, Pi):
        return None
    snap = elab.mctx.snapshot()
    term: Expr = fv
    while isinstance(ty, Pi):
        arg = elab.new_mvar(ty.type)
        term = mk_app(term, [arg])
        ty = instantiate1(ty.body, arg)
    if _head_name(ty) == _head_name(goal) and elab.unify(ty, goal):
        return elab.instantiate(term)
    elab.mctx.restore(snap)
    return None


def _instance_order(elab: "TermElaborator", class_name: str) -> tuple[str, ...]:
    """The global instances of `class_name` plus the section's `attribute [local instance]` ones, last tried first."""
    order = elab.env.instances.get(class_name, ())
    local = [(n, p) for c, n, p in elab.scope.local_instances if c == class_name]
    if local:
        priorities = dict(elab.env.priorities)
        for name, priority in local:
            priorities[name] = priority
            order = insert_instance(order, name, priority, priorities)
    return order


def _try_instance(elab: "TermElaborator", name: str, goal: Expr, depth: int) -> Expr | None:
    info = elab.env.find(name)
    if info is None:
        return None
    term: Expr = Const(name, [elab.mctx.new_level_mvar() for _ in info.level_params])
    ty = elab.instantiate(elab.infer(term))
    subgoals: list[MVar] = []
    while True:
        if not isinstance(ty, Pi):
            ty_whnf = elab.whnf(ty)
            if not isinstance(ty_whnf, Pi):
                break
            ty = ty_whnf
        arg = elab.new_mvar(ty.type, "synthetic" if ty.binder_info == BinderInfo.INST_IMPLICIT else "natural")
        if ty.binder_info == BinderInfo.INST_IMPLICIT:
            subgoals.append(arg)
        term = mk_app(term, [arg])
        ty = instantiate1(ty.body, arg)
    if _arrow_against_definition(elab, ty, goal) or not elab.unify(ty, goal):
        return None
    for sub in subgoals:
        inst = synthesize(elab, elab.mctx.decls[sub.uid].type, depth + 1)
        if inst is None or not elab.unify(sub, inst):
            return None
    return term


def _arrow_against_definition(elab: "TermElaborator", conclusion: Expr, goal: Expr) -> bool:
    """Lean indexes instances by their conclusion at reducible transparency: an instance for `p → q`
    (`instDecidableForall`) is never tried on `Decidable (Not p)`, since `Not` is no reducible
    definition (`instDecidableNot` is found instead, as in Lean); reducible ones (`Ne`) are unfolded."""
    from .environment import DefinitionInfo
    from .expr import get_app_args, instantiate_expr_level_params

    inst_args, goal_args = get_app_args(conclusion), get_app_args(goal)
    if len(inst_args) != len(goal_args):
        return False
    for inst_arg, goal_arg in zip(inst_args, goal_args):
        if not isinstance(elab.instantiate(inst_arg), Pi):
            continue
        e = elab.instantiate(goal_arg)
        for _ in range(8):
            e = elab.checker.whnf_core(e)
            head = get_app_fn(e)
            info = elab.env.find(head.name) if isinstance(head, Const) else None
            if not isinstance(info, DefinitionInfo):
                break
            if not info.reducible:
                return True
            value = instantiate_expr_level_params(info.value, info.level_params, head.levels)
            e = mk_app(value, get_app_args(e))
    return False


def _head_name(e: Expr) -> str | None:
    head = get_app_fn(e)
    return head.name if isinstance(head, Const) else None
