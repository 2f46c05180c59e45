"""Pattern matching and structural recursion: `match`, `fun | … => …`, `fun ⟨a, b⟩ => …` and
equation-style definitions (`def f : Nat → Nat | 0 => … | n + 1 => … f n …`), compiled to
`I.casesOn` (case splits) and `I.rec` (recursion) as kernel terms.

The compiler works column by column like Lean's: the first row whose patterns are all
variables wins; otherwise it splits the first column where the first row has a constructor.
Recursion is structural on one argument: the top-level split on that argument uses `I.rec`, and
each recursive call on a constructor field becomes the induction hypothesis for that field.
Calls on anything else are left in place and rejected as non-terminating ("fail to show
termination"), which covers Lean's primitive structural recursion but not its course-of-values
recursion (`fib (n + 2) = fib n + fib (n + 1)`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Sequence

from lean_bridge.syntax import ast

from .environment import ConstructorInfo, InductiveInfo, RecursorInfo
from .expr import (
    App,
    BinderInfo,
    Const,
    Expr,
    FVar,
    Pi,
    Sort,
    abstract,
    get_app_fn,
    get_app_fn_args,
    instantiate,
    instantiate1,
    iter_subexprs,
    mk_app,
    replace,
)
from .level import LEVEL_ZERO
from .meta import head_beta

if TYPE_CHECKING:
    from .elab_term import TermElaborator

from .elab_term import ElabError
from .match_dependent import SplitSite as _SplitSite, absurd_leaf, as_constructor_app, dependents, free_indices, independent_of


# ---------------------------------------------------------------------------
# patterns
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class PVar:
    """A pattern variable (`x`) or wildcard (`_`, name None)."""

    name: str | None
    node: ast.Node


@dataclass(frozen=True)
class PCtor:
    """A constructor pattern `c p₁ … pₙ` over the explicit fields; `ctor` None = the only constructor."""

    ctor: str | None
    args: tuple
    node: ast.Node
    short: str | None = None  # `.succ n`: resolved against the column's type
    ellipsis: bool = False  # `.head ..`: the remaining explicit fields are `_`


@dataclass
class Row:
    """One alternative: remaining patterns, its right-hand side and the variables bound so far."""

    patterns: list
    rhs: ast.Term
    bindings: list[tuple[str, Expr]] = field(default_factory=list)
    node: ast.Node | None = None


def _pattern(elab: "TermElaborator", stx: ast.Term):
    """Surface syntax of a pattern as `PVar`/`PCtor` (numerals and `n + k` become `Nat.succ`s)."""
    if isinstance(stx, ast.Hole):
        return PVar(None, stx)
    if isinstance(stx, ast.Ident):
        ctor = _resolve_ctor(elab, stx.name, stx)
        if ctor is None and stx.name == "rfl" and elab.find_local("rfl") is None \
                and elab.resolve_global("rfl", stx) == "rfl":
            return PCtor("Eq.refl", (), stx)  # Lean's `rfl` is a `[match_pattern]` for `Eq.refl`
        if ctor is None:
            if "." in stx.name:
                raise ElabError(f"invalid pattern, constructor or constant marked with '[match_pattern]' expected", stx)
            return PVar(stx.name, stx)
        return PCtor(ctor, (), stx)
    if isinstance(stx, ast.DotIdent):
        return PCtor(None, (), stx, short=stx.name)
    if isinstance(stx, ast.App):
        fn = stx.fn
        ellipsis = bool(stx.args) and isinstance(stx.args[-1], ast.Ellipsis)
        args = tuple(_pattern(elab, a) for a in stx.args if not isinstance(a, (ast.NamedArg, ast.Ellipsis)))
        if isinstance(fn, ast.DotIdent):
            return PCtor(None, args, stx, short=fn.name, ellipsis=ellipsis)
        if isinstance(fn, ast.Ident):
            ctor = _resolve_ctor(elab, fn.name, fn)
            if ctor is not None:
                return PCtor(ctor, args, stx, ellipsis=ellipsis)
        raise ElabError("invalid pattern, constructor or constant marked with '[match_pattern]' expected", stx)
    if isinstance(stx, ast.Num):
        pat = PCtor("Nat.zero", (), stx)
        for _ in range(stx.value):
            pat = PCtor("Nat.succ", (pat,), stx)
        return pat
    if isinstance(stx, ast.BinOp) and stx.op == "+" and isinstance(stx.rhs, ast.Num):
        pat = _pattern(elab, stx.lhs)
        for _ in range(stx.rhs.value):
            pat = PCtor("Nat.succ", (pat,), stx)
        return pat
    if isinstance(stx, ast.BinOp) and stx.op == "::":
        return PCtor("List.cons", (_pattern(elab, stx.lhs), _pattern(elab, stx.rhs)), stx)
    if isinstance(stx, ast.ListLit):
        pat = PCtor("List.nil", (), stx)
        for elem in reversed(stx.elems):
            pat = PCtor("List.cons", (_pattern(elab, elem), pat), stx)
        return pat
    if isinstance(stx, ast.AnonymousCtor):
        return PCtor(None, tuple(_pattern(elab, a) for a in stx.args), stx)
    if isinstance(stx, ast.Tuple) and len(stx.elems) >= 2:  # `(a, b)`: `Prod.mk a b`, nesting to the right
        pat = _pattern(elab, stx.elems[-1])
        for elem in reversed(stx.elems[:-1]):
            pat = PCtor("Prod.mk", (_pattern(elab, elem), pat), stx)
        return pat
    if isinstance(stx, ast.TypeAscription):
        return _pattern(elab, stx.term)
    raise ElabError(f"unsupported pattern in the embedded checker", stx)


def _resolve_ctor(elab: "TermElaborator", name: str, stx: ast.Node) -> str | None:
    if elab.find_local(name) is not None:
        return None
    full = elab.resolve_global(name, stx)
    if full in _MATCH_PATTERN_ALIASES:  # Lean's `@[match_pattern] def rfl := Eq.refl _` (fid-logic)
        return _MATCH_PATTERN_ALIASES[full]
    if full is not None and isinstance(elab.env.find(full), ConstructorInfo):
        return full
    if full == "rfl":  # Lean's `@[match_pattern] def rfl := Eq.refl a`: the pattern is `Eq.refl _`
        return "Eq.refl"
    return None


# Lean's `@[match_pattern]` definitions of the library that unfold to a constructor whose arguments are all
# parameters: `rfl` is `Eq.refl a`, `HEq.rfl` is `HEq.refl a`
_MATCH_PATTERN_ALIASES = {"rfl": "Eq.refl", "HEq.rfl": "HEq.refl"}


# ---------------------------------------------------------------------------
# the compiler
# ---------------------------------------------------------------------------

@dataclass
class _Recursion:
    """Structural recursion in progress: calls `f params … field …` become `ih …`."""

    fvar: FVar
    params: list[FVar]
    column: int  # which matched argument recursion is on
    others: list[FVar]  # the other matched arguments (generalized in the motive)
    ihs: dict[int, FVar] = field(default_factory=dict)  # field uid -> its induction hypothesis
    free_params: set[int] = field(default_factory=set)  # header variables that are indices of the column's type


class _Compiler:
    def __init__(self, elab: "TermElaborator", stx: ast.Node) -> None:
        self.elab = elab
        self.stx = stx
        self.used: set[int] = set()  # ids of the alternatives some branch ended in
        self.outside: frozenset[int] | None = None  # hypotheses outside the match's scope (set by the first compile)

    def check_redundant(self, alts: Sequence[ast.MatchAlt]) -> None:
        """Lean rejects an alternative no value can reach (every value it matches is caught earlier)."""
        for alt in alts:
            if id(alt) not in self.used:
                pats = ", ".join(_pattern_text(p) for p in alt.patterns)
                raise ElabError(f"Redundant alternative: Any expression matching\n  {pats}\nwill match one of the "
                                "preceding alternatives", alt)

    def compile(self, discrs: list[Expr], rows: list[Row], goal: Expr, recursion: _Recursion | None = None) -> Expr:
        if self.outside is None:
            self.outside = independent_of(self.elab, discrs)
        if not rows:
            from .match_cases import close_without_alternatives

            # as Lean's matcher, the hypotheses generalized with the discriminants are matched too
            rec = self.elab.recursive.fvar.uid if getattr(self.elab, "recursive", None) is not None else None
            seen = {d.uid for d in discrs if isinstance(d, FVar)} | (self.outside or frozenset()) | {rec}
            generalized = [h for h in self.elab.lctx if h.uid not in seen and h.value is None]
            proof = close_without_alternatives(self, list(discrs) + generalized, goal, self._uncovered_leaf, [32])
            if proof is None:
                raise ElabError("missing cases", self.stx)
            return proof
        row = rows[0]
        split = next((j for j, p in enumerate(row.patterns) if isinstance(p, PCtor)), None)
        if split is None:
            return self._leaf(discrs, row, goal)
        if recursion is not None and not getattr(recursion, "_used", False) and split != recursion.column:
            # before the recursor split the column still indexes the original arguments; after it, it is stale
            split = recursion.column if isinstance(row.patterns[recursion.column], PCtor) else split
        return self._split(discrs, rows, goal, split, recursion)

    def _uncovered_leaf(self, goal: Expr) -> Expr | None:
        """A proof of `goal` in a case no alternative covers, from the matcher's own absurd hypotheses."""
        proof = absurd_leaf(self.elab, self.elab.instantiate(goal), self.outside or frozenset())
        return proof if proof is not None else self._contradiction_leaf(goal)

    def _contradiction_leaf(self, goal: Expr) -> Expr | None:
        """Lean's match compiler closes a case no alternative covers with `contradiction`: a hypothesis
        equating different constructors (`[].length = n + 1`) or of an empty family instance (`a ∈ []`)."""
        snap = self.elab.mctx.snapshot()
        try:
            return self.elab._elab_internal_by("contradiction", self.stx, self.elab.instantiate(goal),
                                               self.outside or frozenset())
        except ElabError:
            self.elab.mctx.restore(snap)
            return None

    def _leaf(self, discrs: list[Expr], row: Row, goal: Expr) -> Expr:
        elab = self.elab
        self.used.add(id(row.node))
        bindings = list(row.bindings) + [(p.name, d) for p, d in zip(row.patterns, discrs) if p.name is not None]
        aliases: list[FVar] = []
        values: list[Expr] = []
        saved = elab.lctx
        elab.lctx = list(saved)
        for name, value in bindings:
            if _rename_in_place(elab.lctx, name, value):
                continue  # the pattern names a split's field: it is that variable (so `▸` and `rw` see it)
            fv = FVar(name, elab.instantiate(elab.infer(value)), value)
            elab.lctx.append(fv)
            aliases.append(fv)
            values.append(value)
        try:
            rhs = elab.instantiate(elab.elab(row.rhs, goal))
        finally:
            elab.lctx = saved
        return instantiate(abstract(rhs, aliases), values) if aliases else rhs

    def _column_inductive(self, discr: Expr, node: ast.Node) -> tuple[InductiveInfo, Const, list[Expr]]:
        elab = self.elab
        ty = elab.whnf(elab.infer(discr))
        head, args = get_app_fn_args(ty)
        info = elab.env.find(head.name) if isinstance(head, Const) else None
        if not isinstance(info, InductiveInfo):
            raise ElabError(f"invalid pattern: the discriminant's type is not an inductive type\n  {elab.fmt(ty)}", node)
        return info, head, args

    def _split(self, discrs: list[Expr], rows: list[Row], goal: Expr, j: int, recursion: _Recursion | None) -> Expr:
        elab = self.elab
        d = discrs[j]
        node = rows[0].patterns[j].node
        info, head, args = self._column_inductive(d, node)
        if not isinstance(d, FVar):
            return self._split_known(discrs, rows, goal, j, recursion, info, head)
        swapped = self._split_eq_symm(discrs, rows, goal, j, recursion, info, head, args)
        if swapped is not None:
            return swapped
        params = args[: info.num_params]
        use_rec = recursion is not None and j == recursion.column and recursion.ihs is not None and not getattr(recursion, "_used", False)
        try:
            indices = free_indices(elab, info, d, args, node)
        except ElabError:
            if use_rec:
                raise
            # fid-list3: indices that are not distinct variables (`h : a ∈ [b]`, `h : i = 0`): Lean's `cases`
            from .match_cases import split_by_cases

            return split_by_cases(self, discrs, rows, goal, j, recursion, info, head, node)
        if use_rec:
            recursion._used = True  # type: ignore[attr-defined]
            generalized = list(recursion.others)
            extra = [g for g in dependents(elab, d, indices) if g not in generalized]
            if extra:
                raise ElabError("dependent pattern matching (a hypothesis outside the equations depends on the recursion argument) is not supported by the embedded checker", node)
        else:
            generalized = dependents(elab, d, indices)
        goal = elab.instantiate(goal)
        motive_body = elab.mk_pi(generalized, goal)
        goal_sort = elab.whnf(elab.infer(motive_body))
        if not isinstance(goal_sort, Sort):
            raise ElabError("match: the result type is not a type", node)
        eliminator = f"{info.name}.rec" if use_rec else f"{info.name}.casesOn"
        rec_info = elab.env.find(f"{info.name}.rec")
        assert isinstance(rec_info, RecursorInfo)
        large = len(rec_info.level_params) > len(info.level_params)
        if not large and goal_sort.level != LEVEL_ZERO and not elab.unify(goal_sort, Sort(LEVEL_ZERO)):
            raise ElabError(f"invalid match: '{info.name}' can only eliminate into Prop (its values are proofs), but the result type is\n  {elab.fmt(goal)}", node)
        levels = ([goal_sort.level] if large else []) + list(head.levels)
        motive = elab.mk_lambda(list(indices) + [d], motive_body)
        split = _SplitSite(d, list(indices), params, head, generalized, motive_body)
        minors: list[Expr] = []
        for ctor_name in info.ctors:
            ctor = elab.env.find(ctor_name)
            assert isinstance(ctor, ConstructorInfo)
            minors.append(self._minor(discrs, rows, goal, j, split, ctor, recursion if use_rec else None))
        term = App(mk_app(Const(eliminator, levels), params), motive)
        if use_rec:
            term = mk_app(mk_app(term, minors), list(indices) + [d])
        else:
            term = mk_app(mk_app(term, list(indices) + [d]), minors)
        return mk_app(term, generalized)

    def _split_eq_symm(self, discrs: list[Expr], rows: list[Row], goal: Expr, j: int, recursion: _Recursion | None,
                       info: InductiveInfo, head: Const, args: list[Expr]) -> Expr | None:
        """A column `h : a = e` whose index `e` is no variable but whose side `a` is (`fun | rfl => …` on
        `h : i = 0`): Lean's match substitutes `a := e`; here the split is on `h.symm : e = a`, whose index
        is the variable (`h` itself is generalized, so its branch sees `e = e`). None if not that case."""
        if info.name != "Eq" or len(args) != 3 or (recursion is not None and j == recursion.column):
            return None
        elab = self.elab
        d = discrs[j]
        alpha, lhs, rhs = (elab.instantiate(a) for a in args)

        def free_var(e: Expr) -> bool:
            return isinstance(e, FVar) and e.value is None and e.uid != d.uid

        if free_var(rhs) or not free_var(lhs) or _mentions(alpha, lhs) or _mentions(rhs, lhs):
            return None
        if any(isinstance(r.patterns[j], PVar) and r.patterns[j].name for r in rows):
            return None  # a name for the equation itself keeps Lean's orientation: not handled here
        sym = FVar("h✝", mk_app(Const("Eq", head.levels), [alpha, rhs, lhs]))
        saved = elab.lctx
        elab.lctx = list(saved) + [sym]
        try:
            body = self._split(discrs[:j] + [sym] + discrs[j + 1:], rows, goal, j, recursion)
        finally:
            elab.lctx = saved
        proof = mk_app(Const("Eq.symm", head.levels), [alpha, lhs, rhs, d])
        return instantiate(abstract(elab.instantiate(body), [sym]), [proof])

    def _minor(self, discrs: list[Expr], rows: list[Row], goal: Expr, j: int, split: "_SplitSite",
               ctor: ConstructorInfo, recursion: _Recursion | None) -> Expr:
        elab = self.elab
        d, head, params = split.discr, split.head, split.params
        ctor_type = elab.instantiate(elab.infer(Const(ctor.name, head.levels)))
        for p in params:
            ctor_type = instantiate1(elab.whnf(ctor_type).body, p)
        names = self._field_names(rows, j, ctor)
        fields: list[FVar] = []
        t = ctor_type
        for i in range(ctor.num_fields):
            t = elab.whnf(t) if not isinstance(t, Pi) else t
            # instantiating a parameter `p := fun k => …` in `h : p w` beta-reduces, as Lean's `instantiate`
            fv = FVar(names[i] if i < len(names) and names[i] else f"a✝", head_beta(t.type), None, BinderInfo.DEFAULT)
            fields.append(fv)
            t = instantiate1(t.body, fv)
        index_values = get_app_fn_args(elab.whnf(t))[1][len(params):]
        ctor_term = mk_app(mk_app(Const(ctor.name, head.levels), params), fields)
        # the substitution of this branch: indices and discriminant by the constructor's, dependents renamed
        old: list[FVar] = list(split.indices) + [d]
        new: list[Expr] = list(index_values) + [ctor_term]
        renamed: list[FVar] = []
        for g in split.generalized:
            ng = FVar(g.name, instantiate(abstract(elab.instantiate(g.type), old), new), None, g.binder_info)
            renamed.append(ng)
            old.append(g)
            new.append(ng)

        def subst(e: Expr) -> Expr:
            return instantiate(abstract(elab.instantiate(e), old), new)

        new_goal = subst(goal)
        new_rows = []
        explicit = _explicit_field_mask(ctor)
        for row in rows:
            pat = row.patterns[j]
            if isinstance(pat, PVar):
                sub = [PVar(None, pat.node) for _ in fields]
                bindings = [(n, subst(v)) for n, v in row.bindings] + ([(pat.name, ctor_term)] if pat.name else [])
            else:
                resolved = self._resolve(pat, ctor, head)
                if resolved != ctor.name:
                    continue
                sub = self._expand_fields(pat, explicit)
                bindings = [(n, subst(v)) for n, v in row.bindings]
            new_rows.append(Row(row.patterns[:j] + sub + row.patterns[j + 1:], row.rhs, bindings, row.node))
        new_discrs = [subst(x) for x in discrs[:j]] + list(fields) + [subst(x) for x in discrs[j + 1:]]
        # induction hypotheses for recursive fields
        ihs: list[FVar] = []
        if recursion is not None:
            for fv in fields:
                fty = elab.whnf(fv.type)
                fty_args = get_app_fn_args(fty)[1]
                same_params = len(fty_args) >= len(params) and all(
                    elab.instantiate(a) == elab.instantiate(p) for a, p in zip(fty_args, params))
                # recursive field: `I params …` with the same parameters (`l : List α` in `List (List α)` is not)
                if isinstance(get_app_fn(fty), Const) and get_app_fn(fty).name == head.name and same_params:
                    ih_goal = instantiate(abstract(split.motive_body, list(split.indices) + [d]),
                                          list(fty_args[len(params):]) + [fv])
                    ih = FVar(f"{fv.name}_ih", ih_goal)
                    ihs.append(ih)
                    recursion.ihs[fv.uid] = ih
        saved = elab.lctx
        hidden = {g.uid for g in split.generalized}
        elab.lctx = [f for f in saved if f.uid not in hidden] + fields + ihs + renamed
        try:
            body = self.compile(new_discrs, new_rows, new_goal, recursion)
        finally:
            elab.lctx = saved
        body = elab.mk_lambda(renamed, body)
        if recursion is not None:
            body = self._replace_recursive_calls(elab.instantiate(body), recursion)
        return elab.mk_lambda(fields + ihs, body)

    def _split_known(self, discrs: list[Expr], rows: list[Row], goal: Expr, j: int, recursion: _Recursion | None,
                     info: InductiveInfo, head: Const) -> Expr:
        """A column whose value is already a constructor application (an index a split fixed): no case split,
        the rows of that constructor go on with its fields, the others are dropped."""
        elab = self.elab
        d = discrs[j]
        node = rows[0].patterns[j].node
        value = as_constructor_app(elab, d)
        ctor = elab.env.find(get_app_fn(value).name) if value is not None else None
        if not isinstance(ctor, ConstructorInfo) or ctor.induct != info.name:
            raise ElabError("dependent pattern matching (a discriminant whose value is not a variable or a constructor "
                            "application) is not supported by the embedded checker", node)
        fields = get_app_fn_args(value)[1][ctor.num_params:]
        explicit = _explicit_field_mask(ctor)
        new_rows = []
        for row in rows:
            pat = row.patterns[j]
            if isinstance(pat, PVar):
                sub = [PVar(None, pat.node) for _ in fields]
                bindings = row.bindings + ([(pat.name, d)] if pat.name else [])
            else:
                if self._resolve(pat, ctor, head) != ctor.name:
                    continue
                sub = self._expand_fields(pat, explicit)
                bindings = list(row.bindings)
            new_rows.append(Row(row.patterns[:j] + sub + row.patterns[j + 1:], row.rhs, bindings, row.node))
        return self.compile(discrs[:j] + list(fields) + discrs[j + 1:], new_rows, goal, recursion)

    def _replace_recursive_calls(self, body: Expr, recursion: _Recursion) -> Expr:
        """`f params a₁ … field … aₙ` ↦ `ih_field (others)`: the call on a structurally smaller argument."""
        n_params = len(recursion.params)
        column = recursion.column
        body = _beta_rec_redexes(body, recursion.fvar)

        def fn(x: Expr, _depth: int) -> Expr | None:
            if not isinstance(x, App):
                return None
            head, args = get_app_fn_args(x)
            if not (isinstance(head, FVar) and head.uid == recursion.fvar.uid):
                return None
            if len(args) < n_params + column + 1:
                return None
            if any(_eta(a) != p for a, p in zip(args[:n_params], recursion.params) if p.uid not in recursion.free_params):
                return None
            rec_arg = args[n_params + column]
            if not isinstance(rec_arg, FVar) or rec_arg.uid not in recursion.ihs:
                return None
            ih = recursion.ihs[rec_arg.uid]
            rest = [replace(a, fn) for i, a in enumerate(args[n_params:]) if i != column]
            return mk_app(ih, rest)

        return replace(body, fn)

    def _field_names(self, rows: list[Row], j: int, ctor: ConstructorInfo) -> list[str | None]:
        explicit = _explicit_field_mask(ctor)
        for row in rows:
            pat = row.patterns[j]
            if isinstance(pat, PCtor):
                try:
                    resolved = self._resolve(pat, ctor, None)
                except ElabError:
                    continue
                if resolved == ctor.name:
                    return [p.name if isinstance(p, PVar) else None for p in self._expand_fields(pat, explicit)]
        return []

    def _resolve(self, pat: PCtor, ctor: ConstructorInfo, head: Const | None) -> str:
        if pat.ctor is not None:
            target = self.elab.env.find(pat.ctor)
            if isinstance(target, ConstructorInfo) and target.induct != ctor.induct:
                raise ElabError(f"type mismatch in pattern: constructor '{pat.ctor}' does not belong to '{ctor.induct}'", pat.node)
            return pat.ctor
        if pat.short is not None:
            full = f"{ctor.induct}.{pat.short}"
            if not isinstance(self.elab.env.find(full), ConstructorInfo):
                raise ElabError(f"invalid dotted identifier notation, unknown identifier `{full}`", pat.node)
            return full
        induct = self.elab.env.find(ctor.induct)
        assert isinstance(induct, InductiveInfo)
        if len(induct.ctors) != 1:
            raise ElabError(f"invalid constructor ⟨...⟩, expected type must be an inductive type with only one constructor", pat.node)
        return induct.ctors[0]

    def _expand_fields(self, pat: PCtor, explicit: list[bool]) -> list:
        n_explicit = sum(explicit)
        args = list(pat.args)
        if pat.ctor is None and pat.short is None and len(args) > n_explicit > 0:
            nested = PCtor(None, tuple(args[n_explicit - 1:]), pat.node)
            args = args[: n_explicit - 1] + [nested]
        if pat.ellipsis and len(args) < n_explicit:  # `c p ..`: the fields left are wildcards
            args += [PVar(None, pat.node) for _ in range(n_explicit - len(args))]
        if len(args) != n_explicit:
            raise ElabError(f"invalid pattern, constructor expects {n_explicit} explicit argument(s) but {len(args)} were given", pat.node)
        out = []
        it = iter(args)
        for is_explicit in explicit:
            out.append(next(it) if is_explicit else PVar(None, pat.node))
        return out


def _eta(e: Expr) -> Expr:
    """`fun a => f a` as `f` (fid-list3: an instance argument synthesized from a local `[DecidablePred p]` is
    its eta-expansion, `fun a => inst a`, and is still the fixed parameter)."""
    from .expr import BVar, Lam

    while isinstance(e, Lam) and isinstance(e.body, App) and e.body.arg == BVar(0) and e.body.fn.lbr == 0:
        e = e.body.fn
    return e


def _beta_rec_redexes(body: Expr, rec: FVar) -> Expr:
    """`(fun β b f => rec α β b f l) β' b' f'` beta-reduced (fid-list3): `simp [f (l := l)]` abstracts the
    lemma's holes (Lean's `abstractMVars`) and applies the abstraction where it rewrites, so the recursive
    call shows its arguments only after beta, as in the term Lean's structural recursion reads."""
    from .expr import Lam

    if not _mentions(body, rec):
        return body

    def fn(x: Expr, _depth: int) -> Expr | None:
        if isinstance(x, App) and isinstance(get_app_fn(x), Lam) and _mentions(x, rec):
            reduced = head_beta(x)
            if reduced is not x:
                return replace(reduced, fn)
        return None

    return replace(body, fn)


def _rename_in_place(lctx: list[FVar], name: str, value: Expr) -> bool:
    """Give the context's variable `value` the user's `name` (same identity), unless a later one shadows it."""
    if not isinstance(value, FVar) or value.value is not None:
        return False
    pos = next((i for i, f in enumerate(lctx) if f.uid == value.uid), None)
    if pos is None or any(f.name == name for f in lctx[pos + 1:]):
        return False
    old = lctx[pos]
    lctx[pos] = FVar(name, old.type, None, old.binder_info, uid=old.uid)
    return True


def _explicit_field_mask(ctor: ConstructorInfo) -> list[bool]:
    t, mask, i = ctor.type, [], 0
    while isinstance(t, Pi):
        if i >= ctor.num_params:
            mask.append(t.binder_info == BinderInfo.DEFAULT)
        t, i = t.body, i + 1
    return mask


def _lambda_over(fv: FVar, body: Expr) -> Expr:
    from .expr import Lam

    return Lam(fv.name, fv.type, abstract(body, [fv]), BinderInfo.DEFAULT)


# ---------------------------------------------------------------------------
# entry points
# ---------------------------------------------------------------------------

def _pattern_text(stx: ast.Node) -> str:
    """A pattern as Lean source, for messages (the common forms; `?` for anything else)."""
    if isinstance(stx, ast.Hole):
        return "_"
    if isinstance(stx, ast.Ident):
        return stx.name
    if isinstance(stx, ast.DotIdent):
        return f".{stx.name}"
    if isinstance(stx, ast.Num):
        return str(stx.value)
    if isinstance(stx, ast.BinOp):
        return f"{_pattern_text(stx.lhs)} {stx.op} {_pattern_text(stx.rhs)}"
    if isinstance(stx, ast.App):
        return " ".join([_pattern_text(stx.fn)] + [_pattern_text(a) for a in stx.args])
    if isinstance(stx, ast.ListLit):
        return "[" + ", ".join(_pattern_text(e) for e in stx.elems) + "]"
    if isinstance(stx, ast.AnonymousCtor):
        return "⟨" + ", ".join(_pattern_text(a) for a in stx.args) + "⟩"
    if isinstance(stx, ast.Tuple):
        return "(" + ", ".join(_pattern_text(a) for a in stx.elems) + ")"
    return "?"


def _rows(elab: "TermElaborator", alts: Sequence[ast.MatchAlt], arity: int, stx: ast.Node) -> list[Row]:
    rows = []
    for alt in alts:
        if len(alt.patterns) != arity:
            raise ElabError(f"incorrect number of patterns, expected {arity}, found {len(alt.patterns)}", alt)
        rows.append(Row([_pattern(elab, p) for p in alt.patterns], alt.rhs, [], alt))
    return rows


def elab_match_on_locals(elab: "TermElaborator", fvars: list[FVar], alts: Sequence[ast.MatchAlt],
                         expected: Expr | None, stx: ast.Node) -> Expr:
    """Compile `match fvars with alts` against `expected` (which may mention the fvars)."""
    if expected is None:
        expected = elab.new_type_mvar()
    rows = _rows(elab, alts, len(fvars), stx)
    compiler = _Compiler(elab, stx)
    out = compiler.compile(list(fvars), rows, expected)
    compiler.check_redundant(alts)
    return out


def elab_match(elab: "TermElaborator", stx: ast.Match, expected: Expr | None) -> Expr:
    """`match e₁, e₂ with …`: discriminants that are not variables are generalized first."""
    from .elab_term import _kabstract

    values = []
    for discr in stx.discrs:
        values.append(elab.instantiate(elab.elab(discr.term, None)))
    if expected is None:
        expected = elab.new_type_mvar()
    goal = elab.instantiate(expected)
    fvars: list[FVar] = []
    for v, discr in zip(values, stx.discrs):
        if isinstance(v, FVar) and discr.name is None:
            fvars.append(v)
            continue
        fv = FVar("x✝", elab.instantiate(elab.infer(v)))
        if not v.has_mvar and discr.name is None:  # with `h : e` the goal keeps `e` (`h` relates them)
            goal = instantiate1(_kabstract(goal, v), fv)
        fvars.append(fv)
    new_locals = [fv for fv, v in zip(fvars, values) if fv is not v]
    # `match h : e with`: `h : e = x` beside the new variable x, so each branch sees `h : e = pattern`
    eqs = [(FVar(d.name, _mk_eq(elab, v, fv)), v) for fv, v, d in zip(fvars, values, stx.discrs) if d.name is not None]
    for fv in new_locals + [h for h, _ in eqs]:
        elab.lctx.append(fv)
    try:
        body = elab_match_on_locals(elab, fvars, stx.alts, goal, stx)
    finally:
        for _ in new_locals + eqs:
            elab.lctx.pop()
    if not new_locals:
        return body
    lam = elab.mk_lambda(new_locals + [h for h, _ in eqs], body)
    return mk_app(lam, [v for fv, v in zip(fvars, values) if fv is not v] + [_mk_refl(elab, v) for _, v in eqs])


def _mk_eq(elab: "TermElaborator", lhs: Expr, rhs: Expr) -> Expr:
    """`lhs = rhs` (`@Eq T lhs rhs` at `T`'s universe)."""
    ty = elab.instantiate(elab.infer(lhs))
    return mk_app(Const("Eq", [_sort_level(elab, ty)]), [ty, lhs, rhs])


def _mk_refl(elab: "TermElaborator", value: Expr) -> Expr:
    ty = elab.instantiate(elab.infer(value))
    return mk_app(Const("Eq.refl", [_sort_level(elab, ty)]), [ty, value])


def _sort_level(elab: "TermElaborator", ty: Expr):
    sort = elab.whnf(elab.infer(ty))
    if not isinstance(sort, Sort):
        raise ElabError("match: the discriminant's type is not a type", None)
    return sort.level


def _open_expected(elab: "TermElaborator", expected: Expr, arity: int, stx: ast.Node) -> tuple[list[FVar], Expr]:
    fvars: list[FVar] = []
    t = expected
    for _ in range(arity):
        t = elab.whnf(t)
        if not isinstance(t, Pi):
            raise ElabError(f"type mismatch: the function has {arity} pattern column(s) but its type has fewer arrows", stx)
        fv = FVar(t.name if t.name and not t.name.startswith("a✝") else "x✝", t.type, None, t.binder_info)
        fvars.append(fv)
        t = instantiate1(t.body, fv)
    return fvars, t


def elab_nomatch_fun(elab: "TermElaborator", arity: int, expected: Expr, stx: ast.Node) -> Expr:
    """`nofun`: the expected type's `arity` arguments introduced and matched with no alternatives."""
    fvars, goal = _open_expected(elab, expected, arity, stx)
    for fv in fvars:
        elab.lctx.append(fv)
    try:
        body = elab_match_on_locals(elab, fvars, [], goal, stx)
    finally:
        for _ in fvars:
            elab.lctx.pop()
    return elab.mk_lambda(fvars, body)


def elab_fun_match(elab: "TermElaborator", stx: ast.FunMatch, expected: Expr | None) -> Expr:
    """`fun | p₁ => e₁ | …` against a known function type."""
    if expected is None:
        raise ElabError("invalid `fun | ...`: expected type must be known", stx)
    arity = len(stx.alts[0].patterns)
    fvars, goal = _open_expected(elab, expected, arity, stx)
    for fv in fvars:
        elab.lctx.append(fv)
    try:
        body = elab_match_on_locals(elab, fvars, stx.alts, goal, stx)
    finally:
        for _ in fvars:
            elab.lctx.pop()
    return elab.mk_lambda(fvars, body)


def elab_equations(elab: "TermElaborator", eqns: ast.Equations, type_: Expr, cmd: ast.Node) -> Expr:
    """An equation-style definition body, with structural recursion when the body calls itself."""
    arity = len(eqns.alts[0].patterns)
    fvars, goal = _open_expected(elab, type_, arity, eqns)
    recursive = getattr(elab, "recursive", None)
    for fv in fvars:
        elab.lctx.append(fv)
    try:
        if recursive is None:
            body = elab_match_on_locals(elab, fvars, eqns.alts, goal, eqns)
        else:
            body = _compile_recursive(elab, recursive, fvars, eqns, goal)
    finally:
        for _ in fvars:
            elab.lctx.pop()
    return elab.mk_lambda(fvars, body)


def _mentions(e: Expr, fv: FVar) -> bool:
    return e.has_fvar and any(isinstance(x, FVar) and x.uid == fv.uid for x in iter_subexprs(e))


def _compile_recursive(elab: "TermElaborator", recursive, fvars: list[FVar], eqns: ast.Equations, goal: Expr) -> Expr:
    """Try a plain match first; if the result still calls the function, try structural recursion
    on each argument column in turn."""
    rows = _rows(elab, eqns.alts, len(fvars), eqns)
    snap = elab.mctx.snapshot()
    with elab.local_fvar(recursive.fvar):
        compiler = _Compiler(elab, eqns)
        body = compiler.compile(list(fvars), rows, goal)
        body = elab.instantiate(body)
        if not _mentions(body, recursive.fvar):
            compiler.check_redundant(eqns.alts)
            return body
        last_error: ElabError | None = None
        for column, fv in enumerate(fvars):
            ty = elab.whnf(fv.type)
            head = get_app_fn(ty)
            info = elab.env.find(head.name) if isinstance(head, Const) else None
            if not isinstance(info, InductiveInfo) or not info.is_rec:
                continue
            if not any(isinstance(r.patterns[column], PCtor) for r in rows):
                continue
            elab.mctx.restore(snap)
            others = [o for o in fvars if o is not fv]
            indices = get_app_fn_args(ty)[1][info.num_params:]
            if any(not isinstance(i, FVar) or i in others for i in indices):
                continue  # an index that is another column (or no variable) cannot be generalized under it
            if any(_mentions(elab.instantiate(ty), o) for o in others):
                continue
            recursion = _Recursion(recursive.fvar, list(recursive.params), column, others,
                                   free_params={i.uid for i in indices if isinstance(i, FVar)})
            rows_c = _rows(elab, eqns.alts, len(fvars), eqns)
            # the recursion column is split first, at the top, with the recursor
            rows_c = [Row(r.patterns, r.rhs, r.bindings, r.node) for r in rows_c]
            compiler = _Compiler(elab, eqns)
            try:
                body = compiler.compile_recursive_top(list(fvars), rows_c, goal, recursion)
            except ElabError as err:
                last_error = err
                continue
            body = elab.instantiate(body)
            if not _mentions(body, recursive.fvar):
                compiler.check_redundant(eqns.alts)
                return body
        if last_error is not None:
            raise last_error
        return body


def _compile_recursive_top(self: _Compiler, discrs: list[Expr], rows: list[Row], goal: Expr, recursion: _Recursion) -> Expr:
    """Split the recursion column first (with `I.rec`), whatever the first row says."""
    j = recursion.column
    if all(isinstance(r.patterns[j], PVar) for r in rows):
        raise ElabError("no constructor pattern on the recursion argument", self.stx)
    if self.outside is None:
        self.outside = independent_of(self.elab, discrs)
    return self._split(discrs, rows, goal, j, recursion)


_Compiler.compile_recursive_top = _compile_recursive_top  # type: ignore[attr-defined]
