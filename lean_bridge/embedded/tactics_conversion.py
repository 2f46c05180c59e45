"""Tactics that restate a goal or hypothesis, and classical case splits: `change`, `unfold`, `by_cases`.

`change` and `unfold` replace a type by a definitionally equal one without a proof term of their
own (the new goal's proof is used as is), so the kernel's final re-check against the original
statement is what confirms the two types really are definitionally equal. `by_cases h : p` splits
on `Classical.em p`, as Lean core's `by_cases` does when no `Decidable p` instance is at hand.
"""
from __future__ import annotations

from lean_bridge.syntax import ast

from .elab_term import ElabError
from .environment import DefinitionInfo, TheoremInfo
from .expr import App, Const, Expr, FVar, MVar, Sort, get_app_fn, mk_app, replace
from .level import LEVEL_ZERO
from .meta import DelayedLambda
from .tactics import TacticError, TacticState, _fmt, register
from . import tactics_rewrite as rewrite  # attributes read at call time: the modules import each other

def _replace_type(state: TacticState, hyp_name: str | None, new_type: Expr, node: ast.Node) -> None:
    """Make `new_type` the main goal's target (hyp_name None) or hypothesis `hyp_name`'s type."""
    goal = state.main_goal(node)
    if hyp_name is None:
        new = rewrite.replace_target(state, goal, new_type, None, LEVEL_ZERO)
    else:
        hyp = state._instantiated(rewrite._find_hyp(state, goal, hyp_name, node))
        new = rewrite.replace_hyp(state, goal, hyp, new_type, None, LEVEL_ZERO)
    state.replace_main([new])


# ---------------------------------------------------------------------------
# change
# ---------------------------------------------------------------------------

def _change_at(state: TacticState, tac: ast.Change, hyp_name: str | None) -> None:
    """`change T [at h]`: `T` (holes allowed) must unify with the current type."""
    goal = state.main_goal(tac)
    current = state.target(goal) if hyp_name is None else \
        state.mctx.instantiate(rewrite._find_hyp(state, goal, hyp_name, tac).type)
    elab = state.elaborator(goal)
    new_type = elab.elab_type(tac.term)
    if not elab.unify(new_type, current):
        where = "target" if hyp_name is None else f"the type of {hyp_name}"
        raise TacticError(f"'change' tactic failed, pattern\n  {_fmt(state, new_type)}\nis not definitionally "
                          f"equal to {where}\n  {_fmt(state, current)}", tac)
    elab.synthesize_pending()
    new_type = state.mctx.instantiate(new_type)
    if new_type.has_mvar:
        raise TacticError(f"don't know how to synthesize placeholder in\n  {_fmt(state, new_type)}", tac)
    _replace_type(state, hyp_name, new_type, tac)


@register("Change")
def tac_Change(state: TacticState, tac: ast.Change) -> None:
    rewrite._with_location(state, tac.location, tac, lambda s, name: _change_at(s, tac, name),
                   "'change' tactic failed")


# ---------------------------------------------------------------------------
# unfold
# ---------------------------------------------------------------------------

def _unfold_const(state: TacticState, goal: MVar, e: Expr, name: str) -> tuple[Expr, bool]:
    """One pass of Lean's `unfold`: every application of `name` whose equation applies is replaced
    by the equation's right side, which is not revisited (so `unfold f` on `f 2` leaves `f 1 + …`).
    Also says whether an application was left because its `match` is stuck on a variable: Lean shows
    the `match` then, which the embedded checker cannot display."""
    elab = state.elaborator(goal)
    stuck = False

    def visit(x: Expr, _depth: int) -> Expr | None:
        nonlocal stuck
        head = get_app_fn(x)
        if isinstance(head, Const) and head.name == name:
            unfolded = rewrite.unfold_equation(state, elab, x)
            if unfolded is not None:
                return unfolded
            stuck = True
        return None

    return replace(e, visit), stuck


def _unfold_at(state: TacticState, tac: ast.Unfold, full_names: list[str], hyp_name: str | None) -> None:
    goal = state.main_goal(tac)
    current = state.target(goal) if hyp_name is None else \
        state.mctx.instantiate(rewrite._find_hyp(state, goal, hyp_name, tac).type)
    new_type = current
    for name in full_names:
        unfolded, stuck = _unfold_const(state, goal, new_type, name)
        if unfolded == new_type:
            if stuck:
                raise TacticError(f"unfold: the equation of '{name}' is stuck on a variable here (Lean shows a "
                                  "`match`, which the embedded checker does not support); use `cases` first", tac)
            raise TacticError(f"unfold failed to unfold '{name}' at\n  {_fmt(state, new_type)}", tac)
        new_type = unfolded
    _replace_type(state, hyp_name, new_type, tac)


@register("Unfold")
def tac_Unfold(state: TacticState, tac: ast.Unfold) -> None:
    """`unfold f g [at h]`: rewrite with the definitions' equations (non-recursive ones by delta)."""
    goal = state.main_goal(tac)
    elab = state.elaborator(goal)
    full_names = []
    for name in tac.names:
        try:
            full = elab.resolve_global(name, tac)
        except ElabError:
            full = None
        info = state.env.find(full) if full else None
        if not isinstance(info, DefinitionInfo) or isinstance(info, TheoremInfo):
            raise TacticError(f"unknown constant '{name}'" if info is None else f"'{name}' is not a definition", tac)
        full_names.append(full)
    rewrite._with_location(state, tac.location, tac, lambda s, hyp: _unfold_at(s, tac, full_names, hyp),
                   "unfold failed")


# ---------------------------------------------------------------------------
# by_cases
# ---------------------------------------------------------------------------

@register("ByCases")
def tac_ByCases(state: TacticState, tac: ast.ByCases) -> None:
    """`by_cases h : p`: goals `case pos` with `h : p` and `case neg` with `h : ¬p`."""
    goal = state.main_goal(tac)
    decl = state.decl(goal)
    elab = state.elaborator(goal)
    prop = elab.elab(tac.term, Sort(LEVEL_ZERO))
    elab.synthesize_pending()
    prop = state.mctx.instantiate(prop)
    if prop.has_mvar:
        raise TacticError(f"don't know how to synthesize placeholder in\n  {_fmt(state, prop)}", tac)
    target = state.target(goal)
    if not elab.unify(elab.whnf(elab.infer(target)), Sort(LEVEL_ZERO)):
        raise TacticError("by_cases on a goal that is not a proposition is not supported by the embedded checker", tac)
    name = tac.name or "h"
    pos_hyp, neg_hyp = FVar(name, prop), FVar(name, App(Const("Not"), prop))
    pos = state.new_goal(target, decl.lctx + (pos_hyp,), "pos")
    neg = state.new_goal(target, decl.lctx + (neg_hyp,), "neg")
    em = App(Const("Classical.em"), prop)
    state.assign(goal, mk_app(Const("Or.elim"), [prop, App(Const("Not"), prop), target, em,
                                                 DelayedLambda((pos_hyp,), pos), DelayedLambda((neg_hyp,), neg)]))
    state.replace_main([pos, neg])


@register("Funext")
def tac_Funext(state: TacticState, tac: ast.Funext) -> None:
    """Lean's `funext x y`: for each pattern `apply funext` then `intro x` (plain `funext`: one `intro`
    per binder of the function type, as Lean's repeats while the goal is an equation of functions)."""
    from .tactics import tac_Apply, tac_Intro

    funext = ast.Ident(tac.pos, tac.end_pos, "funext", None)
    patterns = list(tac.patterns) or [ast.Hole(tac.pos, tac.end_pos)]
    for pat in patterns:
        tac_Apply(state, ast.Apply(tac.pos, tac.end_pos, "apply funext", funext))
        tac_Intro(state, ast.Intro(tac.pos, tac.end_pos, "intro", (pat,)))
