"""The `calc` tactic (Lean's `Lean.Elab.Tactic.Calc.evalCalc`).

The steps are elaborated as the term `calc` does (`TermElaborator.elab_calc_steps`: `Eq.trans`, or
`Trans.trans` with the `Trans` instance the two relations call for). When the chain proves `a R b` but
the goal is `a R' c`, Lean adds a last step `b R' c` as a new goal (`calc.step`) and combines it
through `Trans` too. `?_` holes in steps become goals, as with `refine`; any other hole is an error.
Nothing here is trusted: the assigned term is re-checked by the kernel with the whole proof.
"""
from __future__ import annotations

from lean_bridge.syntax import ast

from .expr import MVar, mk_app
from .tactics import TacticError, TacticState, _fmt, _goal_text, register


@register("CalcTac")
def tac_CalcTac(state: TacticState, tac: ast.CalcTac) -> None:
    goal = state.main_goal(tac)
    elab = state.elaborator(goal)
    tag = state.decl(goal).user_name
    mark = MVar().uid  # holes made before the calc (other goals) are not its holes
    val, val_type = elab.elab_calc_steps(tac.calc)
    target = state.target(goal)
    last_goal: MVar | None = None
    if not elab.unify(val_type, target):
        def failed() -> TacticError:
            return TacticError(f"'calc' tactic failed, has type\n  {_fmt(state, val_type)}\n"
                               f"but it is expected to have type\n  {_fmt(state, target)}", tac)

        got, want = elab._calc_relation(val_type), elab._calc_relation(target)
        if got is None or want is None:
            raise failed()
        last_step = mk_app(want[0], [got[2], want[2]])
        last_goal = elab.new_mvar(last_step, "syntheticOpaque", f"{tag}.calc.step" if tag else "calc.step")
        val, val_type = elab.calc_trans(val, val_type, last_goal, last_step, tac)
        if not elab.unify(val_type, target):
            raise failed()
    elab.synthesize_pending()
    state.sorries.extend(elab.sorries)
    state.steps.extend(elab.tactic_steps)
    val = state.mctx.instantiate(val)
    new_goals = []
    for h in state.mctx.unassigned_mvars(val):
        if h.uid <= mark:
            continue
        decl = state.mctx.decls[h.uid]
        if decl.kind != "syntheticOpaque":
            raise TacticError(f"don't know how to synthesize placeholder\ncontext:\n{_goal_text(state, decl)}", tac)
        new_goals.append(h)
    new_goals.sort(key=lambda g: (g is last_goal, g.uid))  # Lean: the steps' goals, then `calc.step`
    state.assign(goal, val)
    state.replace_main(new_goals)
