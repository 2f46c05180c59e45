"""Structural recursion through a definition body that is a `match` on header variables
(`theorem lt_or_ge (n m : Nat) : … := match m with | zero => … | succ m => … lt_or_ge n m …`):
read as equations over all header variables, so a recursive call may change the matched ones,
as Lean's (whose fixed prefix is only the variables every call passes unchanged)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from lean_bridge.syntax import ast

from .expr import Expr, FVar

if TYPE_CHECKING:
    from .elab_term import TermElaborator


def match_as_equations(value_stx: object, fvars: list[FVar]) -> ast.Equations | None:
    """`match x, y with | p, q => e` over header variables as the equations `| …, p, …, q, … => e`
    (the other header variables as variable patterns); None when the body is not of that form."""
    if not isinstance(value_stx, ast.Match) or not fvars:
        return None
    names = [fv.name for fv in fvars]
    if len(set(names)) != len(names):
        return None
    columns: list[int] = []
    for discr in value_stx.discrs:
        if discr.name is not None or not isinstance(discr.term, ast.Ident) or discr.term.name not in names:
            return None
        columns.append(names.index(discr.term.name))
    if len(set(columns)) != len(columns):
        return None
    alts = []
    for alt in value_stx.alts:
        if len(alt.patterns) != len(columns):
            return None
        pats: list[ast.Term] = [ast.Ident(alt.pos, alt.pos, name, None) for name in names]
        for col, pat in zip(columns, alt.patterns):
            pats[col] = pat
        alts.append(ast.MatchAlt(alt.pos, alt.end_pos, tuple(pats), alt.rhs))
    return ast.Equations(value_stx.pos, value_stx.end_pos, tuple(alts))


def elab_match_recursion(elab: "TermElaborator", recursive: object, fvars: list[FVar], eqns: ast.Equations,
                         goal: Expr) -> Expr:
    """Compile the equations over the header variables (already in context) with structural recursion;
    the result is the body under those variables (the caller abstracts them)."""
    from .match_compiler import _compile_recursive

    header_free = type(recursive)(recursive.fvar, recursive.name, recursive.num_vars, [])  # type: ignore[attr-defined]
    saved = elab.recursive
    elab.recursive = header_free
    try:
        return _compile_recursive(elab, header_free, list(fvars), eqns, goal)
    finally:
        elab.recursive = saved
