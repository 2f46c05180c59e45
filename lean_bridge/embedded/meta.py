"""Metavariables and unification for the elaborator and the tactics.

`MetaContext` holds the holes of a proof in progress (their types, local contexts and
assignments, for terms and universe levels); `MetaChecker` is the kernel's type checker
extended to see through assigned holes and to assign unassigned ones while deciding
definitional equality (first-order unification plus Miller patterns `?m x y =?= t`).
Nothing here is trusted: finished terms go back through the plain kernel.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .environment import Environment
from .expr import (
    App,
    Binder,
    Const,
    Expr,
    FVar,
    Lam,
    Let,
    MVar,
    Pi,
    Proj,
    Sort,
    abstract,
    get_app_fn,
    get_app_fn_args,
    instantiate,
    instantiate1,
    iter_subexprs,
    mk_app,
    mk_lambda_fvars,
    replace,
)
from .kernel import KernelError, TypeChecker
from .level import (
    Level,
    LevelIMax,
    LevelMax,
    LevelMVar,
    LevelSucc,
    has_level_mvar,
    is_equivalent,
    mk_imax,
    mk_max,
    replace_level,
)


class DelayedLambda(Expr):
    """`fun fvars => body` where `body` still has holes whose solutions will mention `fvars`: the
    abstraction happens when the holes are instantiated (Lean's delayed assignment). Only ever
    stored as (part of) a hole's assignment; `MetaContext.instantiate` expands it."""

    __slots__ = ("fvars", "body")

    def __init__(self, fvars: tuple[FVar, ...], body: Expr) -> None:
        self.fvars, self.body = tuple(fvars), body
        self._hash = hash(("delayed", tuple(f.uid for f in self.fvars), body._hash))
        self.lbr, self.has_fvar, self.has_mvar = 0, False, True

    def __reduce__(self) -> tuple:  # rebuilt by the constructor: the hash is per process (REPL pickles)
        return (DelayedLambda, (self.fvars, self.body))

    def _fields_equal(self, other: "DelayedLambda") -> bool:
        return self is other


@dataclass
class MetavarDecl:
    """A hole: its type, the free variables it may mention, and how it was made."""

    type: Expr
    lctx: tuple[FVar, ...]
    user_name: str | None = None
    kind: str = "natural"  # "natural" (unification may fill it) | "synthetic" | "syntheticOpaque" (a goal)


@dataclass
class MetaContext:
    """All holes of one elaboration or proof, and what has been assigned to them."""

    decls: dict[int, MetavarDecl] = field(default_factory=dict)
    assignment: dict[int, Expr] = field(default_factory=dict)
    level_assignment: dict[int, Level] = field(default_factory=dict)

    def new_mvar(self, type_: Expr, lctx: tuple[FVar, ...], user_name: str | None = None, kind: str = "natural") -> MVar:
        """A fresh hole of type `type_` that may mention the free variables `lctx`."""
        mvar = MVar()
        self.decls[mvar.uid] = MetavarDecl(type_, lctx, user_name, kind)
        return mvar

    def update_decl(self, uid: int, **changes: object) -> MetavarDecl:
        """Change a hole's declaration (kind, tag) in this context only: declarations are shared
        between copies, so they are replaced, never edited in place."""
        from dataclasses import replace as dc_replace

        decl = dc_replace(self.decls[uid], **changes)
        self.decls[uid] = decl
        return decl

    def new_level_mvar(self) -> LevelMVar:
        """A fresh universe-level hole."""
        from .expr import fresh_mvar_id

        return LevelMVar(fresh_mvar_id())

    def snapshot(self) -> tuple[dict[int, Expr], dict[int, Level], int]:
        """The current assignments, to `restore` after a failed attempt."""
        return dict(self.assignment), dict(self.level_assignment), len(self.decls)

    def restore(self, snap: tuple[dict[int, Expr], dict[int, Level], int]) -> None:
        """Undo every assignment made since `snap`."""
        self.assignment, self.level_assignment = dict(snap[0]), dict(snap[1])

    def copy(self) -> "MetaContext":
        """An independent copy (proof states branch)."""
        return MetaContext(dict(self.decls), dict(self.assignment), dict(self.level_assignment))

    def is_assigned(self, mvar: MVar) -> bool:
        return mvar.uid in self.assignment

    def instantiate_level(self, level: Level) -> Level:
        """`level` with assigned universe holes replaced."""
        if not has_level_mvar(level):
            return level

        def fn(l: Level) -> Level | None:
            if isinstance(l, LevelMVar) and l.uid in self.level_assignment:
                return self.instantiate_level(self.level_assignment[l.uid])
            return None

        return replace_level(level, fn)

    def instantiate(self, e: Expr) -> Expr:
        """`e` with every assigned hole replaced (and `?m a` beta-reduced when `?m := fun x => …`)."""
        if not e.has_mvar:
            return e

        def fn(x: Expr, _depth: int) -> Expr | None:
            if not x.has_mvar:
                return x
            if isinstance(x, MVar):
                value = self.assignment.get(x.uid)
                return self.instantiate(value) if value is not None else x
            if isinstance(x, DelayedLambda):  # the binders' types too: `specialize h k` abstracts an `h` typed with holes
                return mk_lambda_fvars([self._instantiate_fvar(f) for f in x.fvars], self.instantiate(x.body))
            if isinstance(x, Sort):
                return Sort(self.instantiate_level(x.level))
            if isinstance(x, Const):
                return Const(x.name, [self.instantiate_level(l) for l in x.levels])
            if isinstance(x, App):
                head, args = get_app_fn_args(x)
                if isinstance(head, MVar) and head.uid in self.assignment:
                    return head_beta(mk_app(self.instantiate(head), [self.instantiate(a) for a in args]))
            return None

        return replace(e, fn)

    def _instantiate_fvar(self, f: FVar) -> FVar:
        """``f`` (same identity) with the assigned holes of its type and value replaced."""
        if not f.type.has_mvar and (f.value is None or not f.value.has_mvar):
            return f
        value = self.instantiate(f.value) if f.value is not None else None
        return FVar(f.name, self.instantiate(f.type), value, f.binder_info, uid=f.uid)

    def unassigned_mvars(self, e: Expr) -> list[MVar]:
        """The unassigned holes occurring in `e` (after instantiation), in order of appearance."""
        e = self.instantiate(e)
        out: list[MVar] = []
        seen: set[int] = set()
        for x in iter_subexprs(e):
            if isinstance(x, MVar) and x.uid not in seen:
                seen.add(x.uid)
                out.append(x)
        return out


def head_beta(e: Expr) -> Expr:
    """Beta-reduce `(fun x => b) a …` at the head."""
    head, args = get_app_fn_args(e)
    if not isinstance(head, Lam) or not args:
        return e
    i, body = 0, head
    while isinstance(body, Lam) and i < len(args):
        body, i = body.body, i + 1
    return head_beta(mk_app(instantiate(body, args[:i]), args[i:]))


class MetaChecker(TypeChecker):
    """The kernel's checker, aware of a `MetaContext`: it reads through assigned holes and may assign
    unassigned natural ones when asked whether two terms are definitionally equal."""

    def __init__(self, env: Environment, mctx: MetaContext, level_params: tuple[str, ...] = (),
                 max_steps: int = 200_000, assign_synthetic_opaque: bool = False) -> None:
        super().__init__(env, level_params, max_steps)
        self.mctx = mctx
        self.assign_synthetic_opaque = assign_synthetic_opaque
        self.postponed_levels: list[tuple[Level, Level]] = []

    # -- seeing through holes ---------------------------------------------------

    def _check_level(self, level: Level) -> None:
        if not has_level_mvar(level):
            super()._check_level(level)

    def infer(self, e: Expr, infer_only: bool = True) -> Expr:
        """Elaboration-time inference: holes have their declared types; arguments are trusted."""
        if isinstance(e, MVar):
            decl = self.mctx.decls.get(e.uid)
            if decl is None:
                raise KernelError("unknown metavariable")
            return decl.type
        return super().infer(e, infer_only)

    def _instantiate_head(self, e: Expr) -> Expr:
        if not e.has_mvar:
            return e
        if isinstance(e, (Sort, Const)):
            out = self.mctx.instantiate(e)
            return e if out == e else out
        head = get_app_fn(e)
        if isinstance(head, MVar) and head.uid in self.mctx.assignment:
            return self._instantiate_head(self.mctx.instantiate(e))
        if isinstance(head, Const) and any(has_level_mvar(l) for l in head.levels):
            new_head = self.mctx.instantiate(head)
            if new_head != head:
                return mk_app(new_head, get_app_fn_args(e)[1])
        return e

    def whnf_core(self, e: Expr) -> Expr:
        return super().whnf_core(self._instantiate_head(e))

    def whnf(self, e: Expr) -> Expr:
        return super().whnf(self._instantiate_head(e))

    # -- Lean's irreducible definitions -----------------------------------------------

    def _blocked(self, e: Expr) -> bool:
        """`e` is an irreducible definition (`Nat.div`) applied to anything but numerals: Lean's elaborator
        does not unfold it (on numerals its `Nat.reduceBinNatOp` computes, here the definition does)."""
        fn, args = get_app_fn_args(e)
        if not isinstance(fn, Const) or fn.name not in self.env.irreducible:
            return False
        from .nat_terms import eval_nat

        return not args or any(eval_nat(self.mctx.instantiate(a) if a.has_mvar else a) is None for a in args)

    def unfold_definition(self, e: Expr) -> Expr | None:
        return None if self._blocked(e) else super().unfold_definition(e)

    def _definition_height(self, e: Expr) -> int | None:
        return None if self._blocked(e) else super()._definition_height(e)

    # -- levels ---------------------------------------------------------------------

    def is_level_def_eq(self, a: Level, b: Level) -> bool:
        a, b = self.mctx.instantiate_level(a), self.mctx.instantiate_level(b)
        if a == b:
            return True
        if isinstance(a, LevelMVar):
            return self._assign_level(a, b)
        if isinstance(b, LevelMVar):
            return self._assign_level(b, a)
        if isinstance(a, LevelSucc) and isinstance(b, LevelSucc):
            return self.is_level_def_eq(a.pred, b.pred)
        if not has_level_mvar(a) and not has_level_mvar(b):
            return is_equivalent(a, b)
        if type(a) is type(b) and isinstance(a, (LevelMax, LevelIMax)):
            snap = self.mctx.snapshot()
            if self.is_level_def_eq(a.lhs, b.lhs) and self.is_level_def_eq(a.rhs, b.rhs):
                return True
            self.mctx.restore(snap)
        # stuck on holes (e.g. `imax ?u ?v =?= 1`): postpone, as Lean does; `check_postponed` decides it
        # once the holes are known, and the kernel re-checks the finished term in any case
        self.postponed_levels.append((a, b))
        return True

    def check_postponed(self) -> tuple[Level, Level] | None:
        """Re-check postponed universe constraints; the first one that fails, if any."""
        pending, self.postponed_levels = self.postponed_levels, []
        for a, b in pending:
            a, b = self.mctx.instantiate_level(a), self.mctx.instantiate_level(b)
            if has_level_mvar(a) or has_level_mvar(b):
                if not self.is_level_def_eq(a, b):
                    return a, b
            elif not is_equivalent(a, b):
                return a, b
        return None

    def _assign_level(self, mvar: LevelMVar, value: Level) -> bool:
        if _level_mentions(value, mvar.uid):
            return False
        self.mctx.level_assignment[mvar.uid] = value
        return True

    # -- terms ------------------------------------------------------------------------

    def is_def_eq(self, t: Expr, s: Expr) -> bool:
        if t is s:
            return True
        if t.has_mvar or s.has_mvar:
            t, s = self._instantiate_head(t), self._instantiate_head(s)
            if isinstance(t, MVar) and isinstance(s, MVar) and t.uid == s.uid:
                return True  # the same hole (`b : ?β` against `?β`): no assignment, no occurs failure
            assigned = self._try_assign(t, s)
            if assigned is None:
                assigned = self._try_assign(s, t)
            if assigned is not None:
                return assigned
            if isinstance(get_app_fn(t), MVar) and isinstance(get_app_fn(s), MVar) and get_app_fn(t) == get_app_fn(s):
                return self._is_def_eq_args(t, s)
            from .nat_terms import offset_def_eq  # `?w + 1 =?= 3` solves `?w := 2`, as Lean's isDefEqOffsetNat

            offset = offset_def_eq(self, t, s)
            if offset is not None:
                return offset
        return super().is_def_eq(t, s)

    def _lazy_delta_reduction(self, t: Expr, s: Expr) -> bool | tuple[Expr, Expr]:
        """The kernel's lazy unfolding; when it surfaces a hole at the head of either side
        (`Nat.noConfusionType ?P (n+1) 0` unfolds to `?P`), decide from there so the hole is assigned."""
        result = super()._lazy_delta_reduction(t, s)
        if isinstance(result, tuple) and (result[0] is not t or result[1] is not s):
            t_n, s_n = result
            if isinstance(get_app_fn(t_n), MVar) or isinstance(get_app_fn(s_n), MVar):
                return self.is_def_eq(t_n, s_n)
        return result

    def _is_def_eq_args(self, t: Expr, s: Expr) -> bool:
        ta, sa = get_app_fn_args(t)[1], get_app_fn_args(s)[1]
        return len(ta) == len(sa) and all(self.is_def_eq(a, b) for a, b in zip(ta, sa))

    def _assignable(self, mvar: MVar) -> bool:
        decl = self.mctx.decls.get(mvar.uid)
        if decl is None or mvar.uid in self.mctx.assignment:
            return False
        return decl.kind == "natural" or (self.assign_synthetic_opaque and decl.kind == "syntheticOpaque") or decl.kind == "synthetic"

    def _try_assign(self, lhs: Expr, rhs: Expr) -> bool | None:
        """Assign `?m a₁ … aₙ := rhs` when `lhs` is an unassigned hole applied to distinct free
        variables (a Miller pattern); None when `lhs` is not such a hole."""
        head, args = get_app_fn_args(lhs)
        if not isinstance(head, MVar) or not self._assignable(head):
            return None
        if not all(isinstance(a, FVar) for a in args) or len({a.uid for a in args}) != len(args):
            if isinstance(get_app_fn(rhs), MVar):
                return None
            return self._first_order(head, args, rhs)
        value = self.mctx.instantiate(rhs)
        if _mentions_mvar(value, head.uid):
            return False
        decl = self.mctx.decls[head.uid]
        allowed = {fv.uid for fv in decl.lctx} | {a.uid for a in args}
        if value.has_fvar and any(isinstance(x, FVar) and x.uid not in allowed for x in iter_subexprs(value)):
            value = self._restrict_scope(value, allowed)
            if value is None:
                return False
        if value.has_mvar:
            value = self._restrict_holes(value, decl.lctx, allowed)
            if value is None:
                return False
        solution = mk_lambda_fvars(args, value) if args else value
        mvar_type = self.mctx.instantiate(decl.type) if args else None
        if not args or _sort_level_hole(mvar_type):
            # Lean's checkTypesAndAssign; with arguments only when the hole's type has a universe hole
            # (a motive `α → Sort ?u` assigned `fun t => a ↔ b` must fix `?u := 0`; fid-logic)
            try:
                if not args and not super().is_def_eq(self.mctx.instantiate(decl.type), self.infer(value)):
                    return False
                if args and not self.is_def_eq(mvar_type, self.infer(solution)):
                    return False
            except KernelError:
                return False
        self.mctx.assignment[head.uid] = solution
        return True

    def _restrict_holes(self, value: Expr, lctx: tuple[FVar, ...], allowed: set[int]) -> Expr | None:
        """Lean's checkAssignment for holes: a hole in `value` whose context is larger than the assigned
        one's (`?n` made under `let x := …` or `fun x =>`) is replaced by a new hole over the smaller
        context, so a later `?n := x` cannot smuggle `x` out of its scope. None if impossible."""
        changed = False
        for mv in self.mctx.unassigned_mvars(value):
            mdecl = self.mctx.decls.get(mv.uid)
            if mdecl is None or all(f.uid in allowed for f in mdecl.lctx):
                continue
            if not self._assignable(mv):
                continue  # a goal keeps its context (the kernel still checks the final term)
            ty = self.mctx.instantiate(mdecl.type)
            if ty.has_fvar and any(isinstance(x, FVar) and x.uid not in allowed for x in iter_subexprs(ty)):
                ty = self._restrict_scope(ty, allowed)
                if ty is None:
                    return None
            kept = tuple(f for f in mdecl.lctx if f.uid in allowed)
            fresh = self.mctx.new_mvar(ty, kept, mdecl.user_name, mdecl.kind)
            self.mctx.assignment[mv.uid] = fresh
            changed = True
        return self.mctx.instantiate(value) if changed else value

    def _restrict_scope(self, value: Expr, allowed: set[int]) -> Expr | None:
        """Unfold let-bound free variables that are out of the hole's scope; None if others remain."""
        def fn(x: Expr, _d: int) -> Expr | None:
            if isinstance(x, FVar) and x.uid not in allowed and x.value is not None:
                return x.value
            return None

        value = replace(value, fn)
        if any(isinstance(x, FVar) and x.uid not in allowed for x in iter_subexprs(value)):
            return None
        return value

    def _first_order(self, head: MVar, args: list[Expr], rhs: Expr) -> bool | None:
        """`?m a₁ … aₙ =?= f b₁ … bₙ` approximated by `?m =?= f` and `aᵢ =?= bᵢ` (Lean's first-order approximation)."""
        r_head, r_args = get_app_fn_args(rhs)
        if len(r_args) < len(args):
            return None
        split = len(r_args) - len(args)
        snap = self.mctx.snapshot()
        if self.is_def_eq(head, mk_app(r_head, r_args[:split])) and all(
                self.is_def_eq(a, b) for a, b in zip(args, r_args[split:])):
            return True
        self.mctx.restore(snap)
        return None


def _sort_level_hole(e: Expr) -> bool:
    """Whether the conclusion of the arrow type `e` is a `Sort` with a universe hole (`… → Sort ?u`)."""
    while isinstance(e, Pi):
        e = e.body
    return isinstance(e, Sort) and e.has_mvar


def _mentions_mvar(e: Expr, uid: int) -> bool:
    return e.has_mvar and any(isinstance(x, MVar) and x.uid == uid for x in iter_subexprs(e))


def _level_mentions(level: Level, uid: int) -> bool:
    if isinstance(level, LevelMVar):
        return level.uid == uid
    if isinstance(level, LevelSucc):
        return _level_mentions(level.pred, uid)
    if isinstance(level, (LevelMax, LevelIMax)):
        return _level_mentions(level.lhs, uid) or _level_mentions(level.rhs, uid)
    return False


__all__ = ["MetaContext", "MetavarDecl", "MetaChecker", "head_beta", "mk_max", "mk_imax", "abstract",
           "Binder", "Let", "Proj"]


def open_telescope(elab: Any, t: Expr) -> tuple[list[FVar], Expr]:
    """The binders of the ∀-telescope `t` (seen through `whnf`) as fresh free variables, and its conclusion."""
    binders: list[FVar] = []
    while True:
        w = t if isinstance(t, Pi) else elab.whnf(t)
        if not isinstance(w, Pi):
            return binders, t
        fv = FVar(w.name, w.type, None, w.binder_info)
        binders.append(fv)
        t = instantiate1(w.body, fv)
