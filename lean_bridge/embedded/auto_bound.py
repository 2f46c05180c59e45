"""Auto-bound implicits whose type stays unknown (`theorem t : ∃ a, a = a'`, `[].foldl f b = b`,
`length l = 0`): as Lean's `addAutoBoundImplicits` does, every type left open in the header becomes
another auto-bound implicit `{α✝ : Sort u}`, placed before the auto-bound variables."""
from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from lean_bridge.syntax import ast, parse_term

from .expr import FVar, MVar, Sort

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


def _fresh_type_name(auto_bound: Sequence[ast.Binder]) -> str:
    taken = {n for b in auto_bound for n in b.names}
    return next(f"α{i or ''}✝" for i in range(100) if f"α{i or ''}✝" not in taken)


def _type_binder(cmd: ast.Node, type_name: str) -> ast.Binder:
    return ast.Binder(cmd.pos, cmd.pos, ast.IMPLICIT, (type_name,), parse_term("Sort _"), None)


def _front(auto_bound: list[ast.Binder]) -> int:
    """Where new type binders go: after the type binders already generated, before the auto-bound variables."""
    k = 0
    while k < len(auto_bound) and all(n.endswith("✝") for n in auto_bound[k].names):
        k += 1
    return k


def generalize_auto_bound_type(auto_bound: list[ast.Binder], name: str, cmd: ast.Node) -> list[ast.Binder]:
    """`auto_bound` with `{name}` given the type `α✝…`, itself bound first as `{α✝… : Sort _}` (so the
    other auto-bound variables' types may mention it too, `{f : α✝ → β✝ → α✝} {b : α✝}`)."""
    type_name = _fresh_type_name(auto_bound)
    out = [ast.Binder(cmd.pos, cmd.pos, ast.IMPLICIT, (name,), ast.Ident(cmd.pos, cmd.pos, type_name, None), None)
           if b.names == (name,) and b.type is None else b for b in auto_bound]
    k = _front(out)
    return out[:k] + [_type_binder(cmd, type_name)] + out[k:]


def add_type_binder(auto_bound: list[ast.Binder], cmd: ast.Node) -> list[ast.Binder]:
    """`auto_bound` with one more `{α✝… : Sort _}` in front, for a type hole left in the header."""
    k = _front(auto_bound)
    return auto_bound[:k] + [_type_binder(cmd, _fresh_type_name(auto_bound))] + auto_bound[k:]


def fill_type_holes(elab: "TermElaborator", fvars: Sequence[FVar], binders: Sequence[ast.Binder],
                    type_: object) -> bool:
    """Assign the type holes left in the auto-bound variables' types (`l : List ?α`) to the generated
    type binders (`α✝`) not used yet, in order of occurrence, as Lean's `addAutoBoundImplicits`; False
    when holes remain (one more binder is needed)."""
    header = [elab.instantiate(f.type) for f in fvars] + [elab.instantiate(type_)]
    auto = [elab.instantiate(fv.type) for fv, b in zip(fvars, _binder_per_fvar(binders))
            if b is not None and b.pos == b.end_pos]
    holes: list[MVar] = []
    for t in auto:
        for mv in elab.mctx.unassigned_mvars(t):
            decl = elab.mctx.decls.get(mv.uid)
            if decl is not None and isinstance(elab.whnf(elab.instantiate(decl.type)), Sort) \
                    and all(h.uid != mv.uid for h in holes):
                holes.append(mv)
    if not holes:
        return True
    free = [f for f in fvars if f.name.endswith("✝") and isinstance(elab.whnf(elab.instantiate(f.type)), Sort)
            and not any(f.uid == x.uid for t in header for x in _fvars_of(t))]
    for hole, binder in zip(holes, free):
        if not elab.mctx.is_assigned(hole) and not elab.checker.is_def_eq(hole, binder):
            return False
    return len(holes) <= len(free)


def _fvars_of(e: object) -> list[FVar]:
    from .expr import iter_subexprs

    return [x for x in iter_subexprs(e) if isinstance(x, FVar)]  # type: ignore[arg-type]
