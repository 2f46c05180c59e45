"""Auto-bound implicits whose type stays unknown (`theorem t : ∃ a, a = a'`): as Lean does, the
type becomes another auto-bound implicit `{α✝ : Sort u}` placed before the variable."""
from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from lean_bridge.syntax import ast, parse_term

from .expr import FVar, MVar

if TYPE_CHECKING:
    from .elab_term import TermElaborator


def untyped_auto_bound(elab: "TermElaborator", fvars: Sequence[FVar], binders: Sequence[ast.Binder]) -> str | None:
    """The name of an untyped auto-bound binder (no type written) whose type is still an unassigned hole."""
    for fv, binder in zip(fvars, _binder_per_fvar(binders)):
        if binder is None or binder.type is not None or binder.pos != binder.end_pos:
            continue  # only the checker's own auto-bound binders have an empty span
        ty = elab.instantiate(fv.type)
        if isinstance(ty, MVar) and elab.mctx.unassigned_mvars(ty):
            return fv.name
    return None


def _binder_per_fvar(binders: Sequence[ast.Binder]) -> list[ast.Binder | None]:
    out: list[ast.Binder | None] = []
    for b in binders:
        out.extend([b] * max(1, len(b.names)))
    return out


def generalize_auto_bound_type(auto_bound: list[ast.Binder], name: str, cmd: ast.Node) -> list[ast.Binder]:
    """`auto_bound` with `{name}` given the type `α✝…`, itself bound just before as `{α✝… : Sort _}`."""
    out: list[ast.Binder] = []
    taken = {n for b in auto_bound for n in b.names}
    type_name = next(f"α{i or ''}✝" for i in range(100) if f"α{i or ''}✝" not in taken)
    for b in auto_bound:
        if b.names == (name,) and b.type is None:
            sort = parse_term("Sort _")
            out.append(ast.Binder(cmd.pos, cmd.pos, ast.IMPLICIT, (type_name,), sort, None))
            out.append(ast.Binder(cmd.pos, cmd.pos, ast.IMPLICIT, (name,), ast.Ident(cmd.pos, cmd.pos, type_name, None), None))
        else:
            out.append(b)
    return out
