"""The `decide` tactic, as Lean 4 (v4.33) does it: the goal `p` must be a closed proposition; its
`Decidable p` instance is synthesized and reduced with the kernel's `whnf`; when it reduces to
`isTrue _`, the proof is `of_decide_eq_true (Eq.refl true)`, which the kernel re-checks by
evaluating `Decidable.decide p` to `true` itself (the evaluation here only chooses the message).
"""
from __future__ import annotations

from lean_bridge.syntax import ast

from .elab_term import ElabError
from .expr import Const, Sort, get_app_fn, mk_app
from .level import LEVEL_ONE, LEVEL_ZERO
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
