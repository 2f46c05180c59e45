"""Kernel expressions, in Lean 4's locally nameless representation.

Bound variables are de Bruijn indices (`BVar`); opening a binder replaces its variable by a
free variable (`FVar`) that carries its own name and type, so no separate local context is
needed to type it. Every node caches its hash, its loose-bound-variable range (`lbr`: one more
than the largest loose index, so closed terms are skipped by `instantiate`) and whether it
contains free or meta variables, which keeps substitution cheap on the terms the prover uses.
"""
from __future__ import annotations

import itertools
from enum import Enum
from typing import Callable, Iterable, Mapping, Sequence

from .level import Level, LevelMVar, has_level_mvar, instantiate_level_params, level_params_of


class BinderInfo(Enum):
    """How a binder's argument is given: `(x)`, `{x}`, `⦃x⦄` or `[x]`."""

    DEFAULT = "default"
    IMPLICIT = "implicit"
    STRICT_IMPLICIT = "strictImplicit"
    INST_IMPLICIT = "instImplicit"


_FVAR_IDS = itertools.count(1)
_MVAR_IDS = itertools.count(1)


def fresh_fvar_id() -> int:
    """A free-variable id never handed out before in this process."""
    return next(_FVAR_IDS)


def fresh_mvar_id() -> int:
    """A metavariable id never handed out before in this process."""
    return next(_MVAR_IDS)


def peek_id_counters() -> tuple[int, int]:
    """The next free- and meta-variable ids (reserved, never handed out), to save beside pickled terms."""
    global _FVAR_IDS, _MVAR_IDS
    f, m = next(_FVAR_IDS), next(_MVAR_IDS)
    _FVAR_IDS, _MVAR_IDS = itertools.count(f + 1), itertools.count(m + 1)
    return f, m


def advance_id_counters(fvar_next: int, mvar_next: int) -> None:
    """After unpickling terms saved with `peek_id_counters`: never hand out an id they may use."""
    global _FVAR_IDS, _MVAR_IDS
    cur_f, cur_m = next(_FVAR_IDS), next(_MVAR_IDS)
    _FVAR_IDS = itertools.count(max(cur_f, fvar_next) + 1)
    _MVAR_IDS = itertools.count(max(cur_m, mvar_next) + 1)


class Expr:
    """Base class of kernel expressions. Immutable; compare with `==` (structural, hash-first)."""

    __slots__ = ("_hash", "lbr", "has_fvar", "has_mvar")

    def __eq__(self, other: object) -> bool:
        if self is other:
            return True
        if not isinstance(other, Expr) or self._hash != other._hash or type(self) is not type(other):
            return False
        return self._fields_equal(other)

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    def __hash__(self) -> int:
        return self._hash

    # Pickling (the cached prelude) goes through each class's `__reduce__`, i.e. its constructor, so the
    # cached hash is recomputed in the loading process: str hashes differ between processes.

    def _fields_equal(self, other: "Expr") -> bool:
        raise NotImplementedError

    def __repr__(self) -> str:
        from .pretty import debug_format  # local import: printing is not part of the core

        return debug_format(self)


class BVar(Expr):
    """A bound variable, as a de Bruijn index (0 = innermost binder)."""

    __slots__ = ("idx",)

    def __init__(self, idx: int) -> None:
        self.idx = idx
        self._hash = hash(("bvar", idx))
        self.lbr, self.has_fvar, self.has_mvar = idx + 1, False, False

    def __reduce__(self) -> tuple:
        return (BVar, (self.idx,))

    def _fields_equal(self, other: "BVar") -> bool:
        return self.idx == other.idx


class FVar(Expr):
    """A free variable (a hypothesis or an opened binder): identity by `uid`; carries its declaration."""

    __slots__ = ("uid", "name", "type", "value", "binder_info")

    def __init__(self, name: str, type: Expr, value: Expr | None = None,
                 binder_info: BinderInfo = BinderInfo.DEFAULT, uid: int | None = None) -> None:
        self.uid = fresh_fvar_id() if uid is None else uid
        self.name, self.type, self.value, self.binder_info = name, type, value, binder_info
        self._hash = hash(("fvar", self.uid))
        self.lbr, self.has_fvar, self.has_mvar = 0, True, False

    def __reduce__(self) -> tuple:
        return (FVar, (self.name, self.type, self.value, self.binder_info, self.uid))

    def _fields_equal(self, other: "FVar") -> bool:
        return self.uid == other.uid


class MVar(Expr):
    """A metavariable `?m` (a hole the elaborator or a tactic fills); the kernel rejects it."""

    __slots__ = ("uid",)

    def __init__(self, uid: int | None = None) -> None:
        self.uid = fresh_mvar_id() if uid is None else uid
        self._hash = hash(("mvar", self.uid))
        self.lbr, self.has_fvar, self.has_mvar = 0, False, True

    def __reduce__(self) -> tuple:
        return (MVar, (self.uid,))

    def _fields_equal(self, other: "MVar") -> bool:
        return self.uid == other.uid


class Sort(Expr):
    """`Sort u` (`Prop` is `Sort 0`, `Type u` is `Sort (u+1)`)."""

    __slots__ = ("level",)

    def __init__(self, level: Level) -> None:
        self.level = level
        self._hash = hash(("sort", level))
        self.lbr, self.has_fvar, self.has_mvar = 0, False, has_level_mvar(level)

    def __reduce__(self) -> tuple:
        return (Sort, (self.level,))

    def _fields_equal(self, other: "Sort") -> bool:
        return self.level == other.level


class Const(Expr):
    """A global constant with its universe levels, e.g. `@List.nil.{0}`."""

    __slots__ = ("name", "levels")

    def __init__(self, name: str, levels: Sequence[Level] = ()) -> None:
        self.name, self.levels = name, tuple(levels)
        self._hash = hash(("const", name, self.levels))
        self.lbr, self.has_fvar = 0, False
        self.has_mvar = any(has_level_mvar(l) for l in self.levels)

    def __reduce__(self) -> tuple:
        return (Const, (self.name, self.levels))

    def _fields_equal(self, other: "Const") -> bool:
        return self.name == other.name and self.levels == other.levels


class App(Expr):
    """Application `fn arg`."""

    __slots__ = ("fn", "arg")

    def __init__(self, fn: Expr, arg: Expr) -> None:
        self.fn, self.arg = fn, arg
        self._hash = hash(("app", fn._hash, arg._hash))
        self.lbr = max(fn.lbr, arg.lbr)
        self.has_fvar = fn.has_fvar or arg.has_fvar
        self.has_mvar = fn.has_mvar or arg.has_mvar

    def __reduce__(self) -> tuple:
        return (App, (self.fn, self.arg))

    def _fields_equal(self, other: "App") -> bool:
        # iterate along the spine to avoid deep recursion on long applications
        a, b = self, other
        while isinstance(a, App) and isinstance(b, App):
            if a is b:
                return True
            if a._hash != b._hash or a.arg != b.arg:
                return False
            a, b = a.fn, b.fn
        return a == b


class Binder(Expr):
    """Common shape of `fun` and `∀`: a named, typed binder over a body (index 0 refers to it)."""

    __slots__ = ("name", "type", "body", "binder_info")
    _tag = ""

    def __init__(self, name: str, type: Expr, body: Expr, binder_info: BinderInfo = BinderInfo.DEFAULT) -> None:
        self.name, self.type, self.body, self.binder_info = name, type, body, binder_info
        self._hash = hash((self._tag, type._hash, body._hash))
        self.lbr = max(type.lbr, body.lbr - 1, 0)
        self.has_fvar = type.has_fvar or body.has_fvar
        self.has_mvar = type.has_mvar or body.has_mvar

    def __reduce__(self) -> tuple:
        return (type(self), (self.name, self.type, self.body, self.binder_info))

    def _fields_equal(self, other: "Binder") -> bool:
        return self.type == other.type and self.body == other.body  # binder names are irrelevant


class Lam(Binder):
    """`fun (x : type) => body`."""

    __slots__ = ()
    _tag = "lam"


class Pi(Binder):
    """`(x : type) → body`, i.e. `∀ x : type, body`."""

    __slots__ = ()
    _tag = "pi"


class Let(Expr):
    """`let x : type := value; body`."""

    __slots__ = ("name", "type", "value", "body")

    def __init__(self, name: str, type: Expr, value: Expr, body: Expr) -> None:
        self.name, self.type, self.value, self.body = name, type, value, body
        self._hash = hash(("let", type._hash, value._hash, body._hash))
        self.lbr = max(type.lbr, value.lbr, body.lbr - 1, 0)
        self.has_fvar = type.has_fvar or value.has_fvar or body.has_fvar
        self.has_mvar = type.has_mvar or value.has_mvar or body.has_mvar

    def __reduce__(self) -> tuple:
        return (Let, (self.name, self.type, self.value, self.body))

    def _fields_equal(self, other: "Let") -> bool:
        return self.type == other.type and self.value == other.value and self.body == other.body


class NatLit(Expr):
    """A natural-number literal, the kernel's compact form of `Nat.succ (… Nat.zero)`."""

    __slots__ = ("value",)

    def __init__(self, value: int) -> None:
        if value < 0:
            raise ValueError("Nat literal must be non-negative")
        self.value = value
        self._hash = hash(("natlit", value))
        self.lbr, self.has_fvar, self.has_mvar = 0, False, False

    def __reduce__(self) -> tuple:
        return (NatLit, (self.value,))

    def _fields_equal(self, other: "NatLit") -> bool:
        return self.value == other.value


class Proj(Expr):
    """`e.i`: the `idx`-th field (0-based) of `struct`-typed `expr` (a one-constructor inductive)."""

    __slots__ = ("struct", "idx", "expr")

    def __init__(self, struct: str, idx: int, expr: Expr) -> None:
        self.struct, self.idx, self.expr = struct, idx, expr
        self._hash = hash(("proj", struct, idx, expr._hash))
        self.lbr, self.has_fvar, self.has_mvar = expr.lbr, expr.has_fvar, expr.has_mvar

    def __reduce__(self) -> tuple:
        return (Proj, (self.struct, self.idx, self.expr))

    def _fields_equal(self, other: "Proj") -> bool:
        return self.struct == other.struct and self.idx == other.idx and self.expr == other.expr


# ---------------------------------------------------------------------------
# Constructors and destructors
# ---------------------------------------------------------------------------

def mk_app(fn: Expr, args: Iterable[Expr]) -> Expr:
    """`fn a₁ … aₙ`."""
    for arg in args:
        fn = App(fn, arg)
    return fn


def get_app_fn(e: Expr) -> Expr:
    """The head of an application spine."""
    while isinstance(e, App):
        e = e.fn
    return e


def get_app_args(e: Expr) -> list[Expr]:
    """The arguments of an application spine, in order."""
    args = []
    while isinstance(e, App):
        args.append(e.arg)
        e = e.fn
    args.reverse()
    return args


def get_app_fn_args(e: Expr) -> tuple[Expr, list[Expr]]:
    """`(head, args)` of an application spine."""
    args = []
    while isinstance(e, App):
        args.append(e.arg)
        e = e.fn
    args.reverse()
    return e, args


def const_name_of_head(e: Expr) -> str | None:
    """The constant name at the head of `e`'s spine, if the head is a constant."""
    head = get_app_fn(e)
    return head.name if isinstance(head, Const) else None


# ---------------------------------------------------------------------------
# Substitution
# ---------------------------------------------------------------------------

def lift_loose_bvars(e: Expr, shift: int, start: int = 0) -> Expr:
    """Add `shift` to every loose bound variable of index ≥ `start`."""
    if shift == 0 or e.lbr <= start:
        return e
    if isinstance(e, BVar):
        return BVar(e.idx + shift)
    if isinstance(e, App):
        return App(lift_loose_bvars(e.fn, shift, start), lift_loose_bvars(e.arg, shift, start))
    if isinstance(e, Binder):
        return type(e)(e.name, lift_loose_bvars(e.type, shift, start),
                       lift_loose_bvars(e.body, shift, start + 1), e.binder_info)
    if isinstance(e, Let):
        return Let(e.name, lift_loose_bvars(e.type, shift, start), lift_loose_bvars(e.value, shift, start),
                   lift_loose_bvars(e.body, shift, start + 1))
    if isinstance(e, Proj):
        return Proj(e.struct, e.idx, lift_loose_bvars(e.expr, shift, start))
    return e


def instantiate(body: Expr, values: Sequence[Expr]) -> Expr:
    """Replace loose `BVar(i)` by `values[n-1-i]` (so `values` is in binder order, outermost first)
    and lower the remaining loose indices by `n`."""
    n = len(values)
    if n == 0 or body.lbr == 0:
        return body
    cache: dict[tuple[int, int], Expr] = {}

    def go(e: Expr, offset: int) -> Expr:
        if e.lbr <= offset:
            return e
        key = (id(e), offset)
        hit = cache.get(key)
        if hit is not None:
            return hit
        if isinstance(e, BVar):
            idx = e.idx - offset
            out = lift_loose_bvars(values[n - 1 - idx], offset) if idx < n else BVar(e.idx - n)
        elif isinstance(e, App):
            out = App(go(e.fn, offset), go(e.arg, offset))
        elif isinstance(e, Binder):
            out = type(e)(e.name, go(e.type, offset), go(e.body, offset + 1), e.binder_info)
        elif isinstance(e, Let):
            out = Let(e.name, go(e.type, offset), go(e.value, offset), go(e.body, offset + 1))
        elif isinstance(e, Proj):
            out = Proj(e.struct, e.idx, go(e.expr, offset))
        else:
            out = e
        cache[key] = out
        return out

    return go(body, 0)


def instantiate1(body: Expr, value: Expr) -> Expr:
    """Replace loose `BVar(0)` by `value` (opening one binder)."""
    return instantiate(body, (value,))


def abstract(e: Expr, fvars: Sequence[FVar]) -> Expr:
    """Replace each `fvars[i]` by the bound variable that `instantiate(_, fvars)` would put back."""
    if not fvars or not e.has_fvar:
        return e
    n = len(fvars)
    index = {fv.uid: i for i, fv in enumerate(fvars)}
    cache: dict[tuple[int, int], Expr] = {}

    def go(x: Expr, offset: int) -> Expr:
        if not x.has_fvar:
            return x
        key = (id(x), offset)
        hit = cache.get(key)
        if hit is not None:
            return hit
        if isinstance(x, FVar):
            i = index.get(x.uid)
            out = BVar(offset + n - 1 - i) if i is not None else x
        elif isinstance(x, App):
            out = App(go(x.fn, offset), go(x.arg, offset))
        elif isinstance(x, Binder):
            out = type(x)(x.name, go(x.type, offset), go(x.body, offset + 1), x.binder_info)
        elif isinstance(x, Let):
            out = Let(x.name, go(x.type, offset), go(x.value, offset), go(x.body, offset + 1))
        elif isinstance(x, Proj):
            out = Proj(x.struct, x.idx, go(x.expr, offset))
        else:
            out = x
        cache[key] = out
        return out

    return go(e, 0)


def replace(e: Expr, fn: Callable[[Expr, int], Expr | None]) -> Expr:
    """Rebuild `e` top-down: where `fn(node, binder_depth)` returns an expression, use it instead."""
    cache: dict[tuple[int, int], Expr] = {}

    def go(x: Expr, depth: int) -> Expr:
        key = (id(x), depth)
        hit = cache.get(key)
        if hit is not None:
            return hit
        out = fn(x, depth)
        if out is None:
            if isinstance(x, App):
                f, a = go(x.fn, depth), go(x.arg, depth)
                out = x if f is x.fn and a is x.arg else App(f, a)
            elif isinstance(x, Binder):
                t, b = go(x.type, depth), go(x.body, depth + 1)
                out = x if t is x.type and b is x.body else type(x)(x.name, t, b, x.binder_info)
            elif isinstance(x, Let):
                t, v, b = go(x.type, depth), go(x.value, depth), go(x.body, depth + 1)
                out = x if (t, v, b) == (x.type, x.value, x.body) else Let(x.name, t, v, b)
            elif isinstance(x, Proj):
                inner = go(x.expr, depth)
                out = x if inner is x.expr else Proj(x.struct, x.idx, inner)
            else:
                out = x
        cache[key] = out
        return out

    return go(e, 0)


def instantiate_expr_level_params(e: Expr, names: Sequence[str], levels: Sequence[Level]) -> Expr:
    """Substitute universe parameters `names` by `levels` in every `Sort` and `Const` of `e`."""
    if not names:
        return e
    subst: Mapping[str, Level] = dict(zip(names, levels))

    def fn(x: Expr, _depth: int) -> Expr | None:
        if isinstance(x, Sort):
            return Sort(instantiate_level_params(x.level, subst))
        if isinstance(x, Const):
            return Const(x.name, [instantiate_level_params(l, subst) for l in x.levels]) if x.levels else x
        if isinstance(x, (BVar, FVar, MVar, NatLit)):
            return x
        return None

    return replace(e, fn)


def iter_subexprs(e: Expr) -> Iterable[Expr]:
    """Every sub-expression of `e` (each distinct node object once), parents before children."""
    seen: set[int] = set()
    stack = [e]
    while stack:
        x = stack.pop()
        if id(x) in seen:
            continue
        seen.add(id(x))
        yield x
        if isinstance(x, App):
            stack.extend((x.arg, x.fn))
        elif isinstance(x, Binder):
            stack.extend((x.body, x.type))
        elif isinstance(x, Let):
            stack.extend((x.body, x.value, x.type))
        elif isinstance(x, Proj):
            stack.append(x.expr)


def constants_of(e: Expr) -> set[str]:
    """Names of the constants occurring in `e`."""
    return {x.name for x in iter_subexprs(e) if isinstance(x, Const)}


def level_params_of_expr(e: Expr) -> set[str]:
    """Universe parameter names occurring in `e`."""
    out: set[str] = set()
    for x in iter_subexprs(e):
        if isinstance(x, Sort):
            level_params_of(x.level, out)
        elif isinstance(x, Const):
            for l in x.levels:
                level_params_of(l, out)
    return out


def has_level_mvar_expr(e: Expr) -> bool:
    """Whether a universe metavariable occurs in `e`."""
    return any(
        (isinstance(x, Sort) and has_level_mvar(x.level)) or (isinstance(x, Const) and any(has_level_mvar(l) for l in x.levels))
        for x in iter_subexprs(e)
    )


def occurs_fvar(fvar: FVar, e: Expr) -> bool:
    """Whether `fvar` occurs in `e` (including in the types of other free variables? no: only syntactically)."""
    if not e.has_fvar:
        return False
    return any(isinstance(x, FVar) and x.uid == fvar.uid for x in iter_subexprs(e))


def mk_pi_fvars(fvars: Sequence[FVar], body: Expr) -> Expr:
    """`∀ fvars, body`, abstracting the free variables (their types may mention earlier ones)."""
    return _mk_binding(Pi, fvars, body)


def mk_lambda_fvars(fvars: Sequence[FVar], body: Expr) -> Expr:
    """`fun fvars => body`, abstracting the free variables; let-bound fvars become `let`s."""
    return _mk_binding(Lam, fvars, body)


def _mk_binding(kind: type, fvars: Sequence[FVar], body: Expr) -> Expr:
    out = abstract(body, fvars)
    for i in range(len(fvars) - 1, -1, -1):
        fv = fvars[i]
        ty = abstract(fv.type, fvars[:i])
        if fv.value is not None:
            out = Let(fv.name, ty, abstract(fv.value, fvars[:i]), out)
        else:
            out = kind(fv.name, ty, out, fv.binder_info)
    return out


def is_level_mvar(level: Level) -> bool:
    """Whether `level` is itself a universe metavariable."""
    return isinstance(level, LevelMVar)
