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
from .expr import BinderInfo, Const, Expr, MVar, Pi, get_app_fn, instantiate1, mk_app
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
    for fv in reversed(elab.lctx):  # local instances (`[inst : C α]` binders) come first
        if fv.binder_info == BinderInfo.INST_IMPLICIT and _head_name(elab.instantiate(fv.type)) == head.name:
            if elab.unify(fv.type, goal_whnf):
                return fv
    for name in reversed(_instance_order(elab, head.name)):
        snap = elab.mctx.snapshot()
        result = _try_instance(elab, name, goal_whnf, depth)
        if result is not None:
            return elab.instantiate(result)
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
    if not elab.unify(ty, goal):
        return None
    for sub in subgoals:
        inst = synthesize(elab, elab.mctx.decls[sub.uid].type, depth + 1)
        if inst is None or not elab.unify(sub, inst):
            return None
    return term


def _head_name(e: Expr) -> str | None:
    head = get_app_fn(e)
    return head.name if isinstance(head, Const) else None
