"""A match split on a discriminant of an indexed family whose indices are not distinct variables
(`h : a ∈ [b]`, `h : i = 0`, `h : l = []`), as Lean's match compiler does it: through `cases`
(Lean's `Meta.Cases`: the indices generalized with equations, which are then solved by substitution,
injection or no-confusion). Each surviving constructor's branch goes on compiling the remaining
patterns in the context `cases` left, the other discriminants and bindings carried along its
substitution. Untrusted: the terms are the `cases` tactic's, re-checked by the kernel."""
from __future__ import annotations

from typing import TYPE_CHECKING

from lean_bridge.syntax import ast

from .elab_term import ElabError
from .environment import ConstructorInfo, InductiveInfo
from .expr import Const, Expr, FVar, mk_app, replace

if TYPE_CHECKING:
    from .match_compiler import Row, _Compiler, _Recursion


def apply_mapping(e: Expr, mapping: dict[int, Expr]) -> Expr:
    """`e` with every variable `cases` substituted or re-introduced replaced by its new value (to a fixpoint:
    a value may mention a variable substituted later)."""
    for _ in range(64):
        if not mapping or not e.has_fvar:
            return e
        changed = False

        def fn(x: Expr, _depth: int) -> Expr | None:
            nonlocal changed
            if isinstance(x, FVar) and x.uid in mapping:
                changed = True
                return mapping[x.uid]
            return None

        e = replace(e, fn)
        if not changed:
            return e
    return e


def split_by_cases(compiler: "_Compiler", discrs: list[Expr], rows: list["Row"], goal: Expr, j: int,
                   recursion: "_Recursion | None", info: InductiveInfo, head: Const, node: ast.Node) -> Expr:
    """Split column `j` (a variable whose type's indices are not distinct variables) with `cases`."""
    from .match_compiler import PCtor, PVar, Row, _explicit_field_mask
    from .tactics import TacticError, TacticState
    from .tactics_cases import _elim_core, _finish_alt

    elab = compiler.elab
    d = discrs[j]
    assert isinstance(d, FVar)
    rec = getattr(elab, "recursive", None)
    goal = elab.instantiate(goal)
    mvar = elab.mctx.new_mvar(goal, tuple(elab.lctx), None, "syntheticOpaque")
    hidden = frozenset({rec.fvar.uid}) if rec is not None else frozenset()
    state = TacticState(elab.env, elab.scope, elab.mctx, [mvar], elab.level_names, elab.checker.max_steps,
                        hidden=hidden, record_steps=False, recursive=rec)
    ty_args = elab.whnf(elab.instantiate(elab.infer(d)))
    params = [elab.instantiate(a) for a in _args(ty_args)[: info.num_params]]
    try:
        alts = _elim_core(state, mvar, None, node, induction=False, major_expr=d, tag_alts=False)  # type: ignore[arg-type]
    except TacticError as err:
        raise ElabError(f"dependent elimination failed: {err}", node) from None
    saved = elab.lctx
    outside = compiler.outside or frozenset()
    for alt in alts:
        ctor = alt.ctor
        explicit = _explicit_field_mask(ctor)
        names = compiler._field_names(rows, j, ctor)
        explicit_names = [(n or "_") for n, e in zip(names, explicit) if e] if names else []
        try:
            res = _finish_alt(state, alt, explicit_names, node)
        except TacticError as err:
            raise ElabError(f"dependent elimination failed: {err}", node) from None
        if res.goal is None:  # the constructor's indices cannot match (no-confusion closed it)
            continue
        mapping = res.mapping

        def m(e: Expr) -> Expr:
            return apply_mapping(elab.instantiate(e), mapping)

        fields = [m(f) for f in res.fields]
        ctor_term = mk_app(mk_app(Const(ctor.name, head.levels), [m(p) for p in params]), fields)
        new_rows = []
        for row in rows:
            pat = row.patterns[j]
            if isinstance(pat, PVar):
                sub = [PVar(None, pat.node) for _ in fields]
                bindings = [(n, m(v)) for n, v in row.bindings] + ([(pat.name, ctor_term)] if pat.name else [])
            else:
                assert isinstance(pat, PCtor)
                if compiler._resolve(pat, ctor, head) != ctor.name:
                    continue
                sub = compiler._expand_fields(pat, explicit)
                bindings = [(n, m(v)) for n, v in row.bindings]
            new_rows.append(Row(row.patterns[:j] + sub + row.patterns[j + 1:], row.rhs, bindings, row.node))
        new_discrs = [m(x) for x in discrs[:j]] + fields + [m(x) for x in discrs[j + 1:]]
        decl = state.decl(res.goal)
        # the hypotheses outside the match stay outside under their new names
        moved = {v.uid for k, v in mapping.items() if k in outside and isinstance(v, FVar)}
        branch_recursion = recursion
        if recursion is not None and recursion.ihs:
            branch_recursion = _mapped_recursion(recursion, m, mapping)
        compiler.outside = outside | moved
        elab.lctx = list(decl.lctx)
        try:
            body = compiler.compile(new_discrs, new_rows, state.target(res.goal), branch_recursion)
            if branch_recursion is not recursion and branch_recursion is not None:
                body = compiler._replace_recursive_calls(elab.instantiate(body), branch_recursion)
        finally:
            elab.lctx = saved
            compiler.outside = outside
        state.assign(res.goal, body)
    return elab.instantiate(mvar)


def _args(e: Expr) -> list[Expr]:
    from .expr import get_app_args

    return list(get_app_args(e))


def _mapped_recursion(recursion: "_Recursion", m, mapping: dict[int, Expr]) -> "_Recursion":
    """The recursion in a branch: fields and induction hypotheses `cases` re-introduced under new names."""
    from .match_compiler import _Recursion

    ihs: dict[int, FVar] = {}
    for uid, ih in recursion.ihs.items():
        new_ih = m(ih)
        new_ih = new_ih if isinstance(new_ih, FVar) else ih
        ihs[uid] = new_ih
        renamed = mapping.get(uid)
        if isinstance(renamed, FVar):
            ihs[renamed.uid] = new_ih
    out = _Recursion(recursion.fvar, recursion.params, recursion.column, recursion.others, ihs, recursion.free_params)
    out._used = getattr(recursion, "_used", False)  # type: ignore[attr-defined]
    return out
