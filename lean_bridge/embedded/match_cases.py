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
from .expr import Const, Expr, FVar, get_app_args, get_app_fn, mk_app, replace

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


class _Branches:
    """`cases` on a discriminant: the goal it assigned and, per constructor whose indices can match, the
    branch (`_finish_alt`'s result: new goal, fields, substitution)."""

    def __init__(self, elab, d: FVar, goal: Expr, node: ast.Node, names) -> None:
        from .tactics import TacticError, TacticState
        from .tactics_cases import _elim_core, _finish_alt

        rec = getattr(elab, "recursive", None)
        self.mvar = elab.mctx.new_mvar(goal, tuple(elab.lctx), None, "syntheticOpaque")
        hidden = frozenset({rec.fvar.uid}) if rec is not None else frozenset()
        self.state = TacticState(elab.env, elab.scope, elab.mctx, [self.mvar], elab.level_names,
                                 elab.checker.max_steps, hidden=hidden, record_steps=False, recursive=rec)
        try:
            alts = _elim_core(self.state, self.mvar, None, node, induction=False, major_expr=d,  # type: ignore[arg-type]
                              tag_alts=False)
            self.open = []
            for alt in alts:
                res = _finish_alt(self.state, alt, names(alt.ctor), node)
                if res.goal is not None:  # else the constructor's indices cannot match (no-confusion closed it)
                    self.open.append((alt.ctor, res))
        except TacticError as err:
            raise ElabError(f"dependent elimination failed: {err}", node) from None


def _mapper(elab, mapping: dict[int, Expr]):
    def m(e: Expr) -> Expr:
        return apply_mapping(elab.instantiate(e), mapping)

    return m


def split_by_cases(compiler: "_Compiler", discrs: list[Expr], rows: list["Row"], goal: Expr, j: int,
                   recursion: "_Recursion | None", info: InductiveInfo, head: Const, node: ast.Node) -> Expr:
    """Split column `j` (a variable whose type's indices are not distinct variables) with `cases`."""
    from .match_compiler import PCtor, PVar, Row, _explicit_field_mask

    elab = compiler.elab
    d = discrs[j]
    assert isinstance(d, FVar)
    params = [elab.instantiate(a) for a in _args(elab.whnf(elab.instantiate(elab.infer(d))))[: info.num_params]]

    def names(ctor: ConstructorInfo) -> list[str]:
        found = compiler._field_names(rows, j, ctor)
        return [(n or "_") for n, e in zip(found, _explicit_field_mask(ctor)) if e] if found else []

    branches = _Branches(elab, d, elab.instantiate(goal), node, names)
    saved = elab.lctx
    outside = compiler.outside or frozenset()
    for ctor, res in branches.open:
        explicit = _explicit_field_mask(ctor)
        m = _mapper(elab, res.mapping)
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
        branch_recursion = recursion
        if recursion is not None and recursion.ihs:
            branch_recursion = _mapped_recursion(recursion, m, res.mapping)
        compiler.outside = outside | _moved(outside, res.mapping)
        elab.lctx = list(branches.state.decl(res.goal).lctx)
        try:
            body = compiler.compile(new_discrs, new_rows, branches.state.target(res.goal), branch_recursion)
            if branch_recursion is not recursion and branch_recursion is not None:
                body = compiler._replace_recursive_calls(elab.instantiate(body), branch_recursion)
        finally:
            elab.lctx = saved
            compiler.outside = outside
        branches.state.assign(res.goal, body)
    return elab.instantiate(branches.mvar)


def _moved(outside: frozenset[int], mapping: dict[int, Expr]) -> set[int]:
    """The hypotheses outside the match that `cases` re-introduced: they stay outside under their new names."""
    return {v.uid for k, v in mapping.items() if k in outside and isinstance(v, FVar)}


def close_without_alternatives(compiler: "_Compiler", discrs: list[Expr], goal: Expr, leaf, fuel: list[int]) -> Expr | None:
    """A case no alternative covers, as Lean's match compiler with no alternatives left: the leaf's
    `contradiction` (`leaf(goal)`), else a `cases` on the next discriminant of an inductive type whose
    cases all close, or which is not recursive and whose every case closes the same way with its fields
    as the next discriminants (`∃ x, ∃ _ : x ∈ [], p x` is refuted). None when some case stays open."""
    elab = compiler.elab
    proof = leaf(goal)
    if proof is not None:
        return proof
    for k, d in enumerate(discrs):
        if not isinstance(d, FVar) or d.value is not None or fuel[0] <= 0:
            continue
        ty = elab.whnf(elab.instantiate(elab.infer(d)))
        head = get_app_fn(ty)
        info = elab.env.find(head.name) if isinstance(head, Const) else None
        if not isinstance(info, InductiveInfo):
            continue
        fuel[0] -= 1
        snap = elab.mctx.snapshot()
        try:
            branches = _Branches(elab, d, elab.instantiate(goal), compiler.stx, lambda _c: [])
        except ElabError:
            elab.mctx.restore(snap)
            continue
        if not branches.open:
            return elab.instantiate(branches.mvar)
        if info.is_rec:  # Lean does not split a recursive type without alternatives (it might not end)
            elab.mctx.restore(snap)
            continue
        saved, outside = elab.lctx, compiler.outside or frozenset()
        for _ctor, res in branches.open:
            m = _mapper(elab, res.mapping)
            rest = [m(f) for f in res.fields] + [m(x) for x in discrs[k + 1:]]
            compiler.outside = outside | _moved(outside, res.mapping)
            elab.lctx = list(branches.state.decl(res.goal).lctx)
            try:
                body = close_without_alternatives(compiler, rest, branches.state.target(res.goal), leaf, fuel)
            finally:
                elab.lctx = saved
                compiler.outside = outside
            if body is None:
                elab.mctx.restore(snap)
                return None
            branches.state.assign(res.goal, body)
        return elab.instantiate(branches.mvar)
    return None


def _args(e: Expr) -> list[Expr]:
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
