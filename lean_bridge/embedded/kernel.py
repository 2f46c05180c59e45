"""The kernel type checker: type inference, weak-head normalisation and definitional equality
for Lean 4's type theory, and `add_declaration`, the only way a definition or theorem enters an
environment.

It follows the structure of Lean 4's `type_checker.cpp`: one `infer_<kind>` per kind of term
behind a memoising dispatcher, `whnf_core` (beta, zeta, iota, projections, no delta) under `whnf`
(adds delta and Nat literal arithmetic), and `is_def_eq` trying, in order: quick structural
checks, proof irrelevance, lazy delta reduction, congruence, eta, structure eta and Nat offsets.
Nothing here trusts the elaborator: every term is re-inferred from scratch.
"""
from __future__ import annotations

import sys
from typing import Callable, Sequence

from .environment import (
    AxiomInfo,
    ConstantInfo,
    ConstructorInfo,
    DefinitionInfo,
    OpaqueInfo,
    Environment,
    InductiveInfo,
    QuotInfo,
    RecursorInfo,
    TheoremInfo,
)
from .expr import (
    App,
    Binder,
    BinderInfo,
    BVar,
    Const,
    Expr,
    FVar,
    Lam,
    Let,
    MVar,
    NatLit,
    Pi,
    Proj,
    Sort,
    abstract,
    get_app_fn,
    get_app_fn_args,
    has_level_mvar_expr,
    instantiate,
    instantiate1,
    instantiate_expr_level_params,
    level_params_of_expr,
    mk_app,
    mk_pi_fvars,
)
from .level import (
    LEVEL_ONE,
    LEVEL_ZERO,
    Level,
    LevelSucc,
    is_equivalent,
    level_params_of,
    mk_imax,
)

PROP = Sort(LEVEL_ZERO)
NAT = Const("Nat")
NAT_ZERO = Const("Nat.zero")
NAT_SUCC = Const("Nat.succ")

DEFAULT_MAX_STEPS = 2_000_000


_INSTANTIATED: dict[tuple[int, tuple], tuple[Expr, Expr]] = {}
_INSTANTIATED_MAX = 50_000  # entries before the cache starts afresh (bounded memory in long sessions)


def instantiate_cached(e: Expr, params: Sequence[str], levels: Sequence[Level]) -> Expr:
    """``instantiate_expr_level_params``, memoised on (the stored expression, levels): type inference
    and delta/iota reduction ask for the same constant at the same levels thousands of times per
    search, and the result is a pure function of the two (the entry keeps ``e`` alive, so its
    ``id`` is never reused while the entry exists)."""
    if not params:
        return e
    key = (id(e), tuple(levels))
    hit = _INSTANTIATED.get(key)
    if hit is not None and hit[0] is e:
        return hit[1]
    if len(_INSTANTIATED) >= _INSTANTIATED_MAX:
        _INSTANTIATED.clear()
    out = instantiate_expr_level_params(e, params, levels)
    _INSTANTIATED[key] = (e, out)
    return out


class KernelError(Exception):
    """A term or declaration the kernel rejects; the message is Lean-style and one line."""

    def __init__(self, message: str, *terms: Expr) -> None:
        super().__init__(message)
        self.message = message
        self.terms = terms


class KernelTimeout(KernelError):
    """The step budget ran out (Lean's "deterministic timeout")."""


def _fmt(e: Expr) -> str:
    from .pretty import format_expr  # printing only for messages

    return format_expr(e)


# Nat operations the kernel evaluates on literals, as Lean's kernel does with GMP numbers. Each
# must agree with the prelude's definition of the same name (checked by the test suite).
def _nat_sub(a: int, b: int) -> int:
    return max(a - b, 0)


_NAT_BINOPS: dict[str, Callable[[int, int], int | bool]] = {
    "Nat.add": lambda a, b: a + b,
    "Nat.sub": _nat_sub,
    "Nat.mul": lambda a, b: a * b,
    "Nat.div": lambda a, b: a // b if b else 0,
    "Nat.mod": lambda a, b: a % b if b else a,
    "Nat.beq": lambda a, b: a == b,
    "Nat.ble": lambda a, b: a <= b,
}


class TypeChecker:
    """Type inference and definitional equality over one environment.

    `level_params` are the universe parameters in scope (a `Sort u` with any other `u` is an
    error); `max_steps` bounds the reduction work like Lean's heartbeats.
    """

    def __init__(self, env: Environment, level_params: tuple[str, ...] = (), max_steps: int = DEFAULT_MAX_STEPS) -> None:
        self.env = env
        self.level_params = frozenset(level_params)
        self.max_steps = max_steps
        self.steps = 0
        self._infer_cache: dict[tuple[Expr, bool], Expr] = {}
        self._whnf_cache: dict[Expr, Expr] = {}
        self._whnf_core_cache: dict[Expr, Expr] = {}
        self._eqv_cache: set[tuple[Expr, Expr]] = set()

    # -- budget ------------------------------------------------------------

    def _tick(self) -> None:
        self.steps += 1
        if self.steps > self.max_steps:
            raise KernelTimeout(f"(kernel) deterministic timeout: more than {self.max_steps} reduction steps")

    # -- helpers ---------------------------------------------------------------

    def _check_level(self, level: Level) -> None:
        """Every universe parameter used must be declared."""
        for name in level_params_of(level):
            if name not in self.level_params:
                raise KernelError(f"(kernel) unknown universe level '{name}'")

    def _get_constant(self, name: str) -> ConstantInfo:
        info = self.env.find(name)
        if info is None:
            raise KernelError(f"(kernel) unknown constant '{name}'")
        return info

    def ensure_sort(self, type_: Expr, term: Expr | None = None) -> Sort:
        """`type_` reduced to a `Sort`, or a "type expected" error."""
        if isinstance(type_, Sort):
            return type_
        reduced = self.whnf(type_)
        if isinstance(reduced, Sort):
            return reduced
        raise KernelError(f"(kernel) type expected: {_fmt(term) if term is not None else _fmt(type_)}", type_)

    def ensure_pi(self, type_: Expr, term: Expr | None = None) -> Pi:
        """`type_` reduced to a `Pi`, or a "function expected" error."""
        if isinstance(type_, Pi):
            return type_
        reduced = self.whnf(type_)
        if isinstance(reduced, Pi):
            return reduced
        raise KernelError(f"(kernel) function expected: {_fmt(term) if term is not None else '?'} : {_fmt(type_)}", type_)

    def is_prop(self, type_: Expr) -> bool:
        """Whether `type_` is a proposition (its type is `Prop`)."""
        ty = self.whnf(self.infer(type_, infer_only=True))
        return isinstance(ty, Sort) and ty.level == LEVEL_ZERO

    def is_proof(self, term: Expr) -> tuple[bool, Expr]:
        """`(True, type)` when `term` is a proof (its type is a proposition)."""
        ty = self.infer(term, infer_only=True)
        return self.is_prop(ty), ty

    # -- inference ------------------------------------------------------------

    def infer(self, e: Expr, infer_only: bool = False) -> Expr:
        """The type of `e`; with `infer_only` the arguments' types are trusted (faster, for checked terms)."""
        key = (e, infer_only)
        cached = self._infer_cache.get(key)
        if cached is not None:
            return cached
        self._tick()
        if isinstance(e, BVar):
            raise KernelError("(kernel) unexpected bound variable")
        if isinstance(e, FVar):
            result = e.type
        elif isinstance(e, MVar):
            raise KernelError("(kernel) declaration has metavariables")
        elif isinstance(e, Sort):
            result = self.infer_sort(e, infer_only)
        elif isinstance(e, Const):
            result = self.infer_constant(e, infer_only)
        elif isinstance(e, App):
            result = self.infer_app(e, infer_only)
        elif isinstance(e, Lam):
            result = self.infer_lambda(e, infer_only)
        elif isinstance(e, Pi):
            result = self.infer_pi(e, infer_only)
        elif isinstance(e, Let):
            result = self.infer_let(e, infer_only)
        elif isinstance(e, NatLit):
            result = self.infer_lit(e)
        elif isinstance(e, Proj):
            result = self.infer_proj(e, infer_only)
        else:  # pragma: no cover - every Expr kind is handled above
            raise KernelError(f"(kernel) unknown expression kind {type(e).__name__}")
        if not e.has_mvar:
            self._infer_cache[key] = result
        return result

    def infer_sort(self, e: Sort, infer_only: bool) -> Expr:
        """Rule: `Sort u : Sort (u+1)`."""
        if not infer_only:
            self._check_level(e.level)
        return Sort(LevelSucc(e.level))

    def infer_constant(self, e: Const, infer_only: bool) -> Expr:
        """Rule: a constant has its declared type at the given universe levels."""
        info = self._get_constant(e.name)
        if len(info.level_params) != len(e.levels):
            raise KernelError(
                f"(kernel) incorrect number of universe levels for '{e.name}': expected {len(info.level_params)}, got {len(e.levels)}"
            )
        if not infer_only:
            for level in e.levels:
                self._check_level(level)
        return instantiate_cached(info.type, info.level_params, e.levels)

    def infer_app(self, e: App, infer_only: bool) -> Expr:
        """Rule: if `f : (x : A) → B` and `a : A` then `f a : B[x := a]`."""
        fn, args = get_app_fn_args(e)
        fn_type = self.infer(fn, infer_only)
        if infer_only:
            start = 0  # args[start:i] are pending substitution into fn_type
            for i in range(len(args)):
                if not isinstance(fn_type, Pi):
                    fn_type = self.ensure_pi(instantiate(fn_type, args[start:i]), fn)
                    start = i
                fn_type = fn_type.body
            return instantiate(fn_type, args[start:])
        applied = fn
        for arg in args:
            pi = self.ensure_pi(fn_type, applied)
            arg_type = self.infer(arg, False)
            if not self.is_def_eq(arg_type, pi.type):
                raise KernelError(
                    f"(kernel) application type mismatch: argument {_fmt(arg)} has type {_fmt(arg_type)} "
                    f"but is expected to have type {_fmt(pi.type)}",
                    applied, arg, arg_type, pi.type,
                )
            fn_type = instantiate1(pi.body, arg)
            applied = App(applied, arg)
        return fn_type

    def _open_binders(self, e: Expr, kind: type, infer_only: bool) -> tuple[list[FVar], Expr]:
        """Open nested binders of `kind`, checking each binder type is a type."""
        fvars: list[FVar] = []
        while isinstance(e, kind):
            dom = instantiate(e.type, fvars)
            if not infer_only:
                self.ensure_sort(self.infer(dom, False), dom)
            fv = FVar(e.name, dom, binder_info=e.binder_info)
            fvars.append(fv)
            e = e.body
        return fvars, instantiate(e, fvars)

    def infer_lambda(self, e: Lam, infer_only: bool) -> Expr:
        """Rule: if `b : B` under `x : A` then `fun x : A => b : (x : A) → B`."""
        fvars, body = self._open_binders(e, Lam, infer_only)
        return mk_pi_fvars(fvars, self.infer(body, infer_only))

    def infer_pi(self, e: Pi, infer_only: bool) -> Expr:
        """Rule: if `A : Sort u` and `B : Sort v` under `x : A` then `(x : A) → B : Sort (imax u v)`."""
        fvars: list[FVar] = []
        levels: list[Level] = []
        while isinstance(e, Pi):
            dom = instantiate(e.type, fvars)
            levels.append(self.ensure_sort(self.infer(dom, infer_only), dom).level)
            fvars.append(FVar(e.name, dom, binder_info=e.binder_info))
            e = e.body
        body = instantiate(e, fvars)
        level = self.ensure_sort(self.infer(body, infer_only), body).level
        for dom_level in reversed(levels):
            level = mk_imax(dom_level, level)
        return Sort(level)

    def infer_let(self, e: Let, infer_only: bool) -> Expr:
        """Rule: if `v : A` then `let x : A := v; b` has the type of `b[x := v]`."""
        if not infer_only:
            self.ensure_sort(self.infer(e.type, False), e.type)
            value_type = self.infer(e.value, False)
            if not self.is_def_eq(value_type, e.type):
                raise KernelError(
                    f"(kernel) let value type mismatch: {_fmt(e.value)} has type {_fmt(value_type)} but is expected to have type {_fmt(e.type)}"
                )
        return self.infer(instantiate1(e.body, e.value), infer_only)

    def infer_lit(self, e: NatLit) -> Expr:
        """Rule: a numeric literal is a `Nat`."""
        if "Nat" not in self.env:
            raise KernelError("(kernel) Nat literal used before Nat is declared")
        return NAT

    def infer_proj(self, e: Proj, infer_only: bool) -> Expr:
        """Rule: for a structure `S params` with constructor fields `f₀ … fₙ`, `e.i : type of fᵢ`
        with earlier fields replaced by their projections; data cannot be projected out of a proof."""
        struct_type = self.whnf(self.infer(e.expr, infer_only))
        head, params = get_app_fn_args(struct_type)
        info = self.env.find(head.name) if isinstance(head, Const) else None
        if not isinstance(info, InductiveInfo) or info.name != e.struct or not info.is_structure_like:
            raise KernelError(f"(kernel) invalid projection: {_fmt(e.expr)} is not a structure {e.struct}")
        if len(params) != info.num_params:
            raise KernelError("(kernel) invalid projection: wrong number of structure parameters")
        ctor = self._get_constant(info.ctors[0])
        assert isinstance(ctor, ConstructorInfo)
        ctor_type = instantiate_expr_level_params(ctor.type, ctor.level_params, head.levels)
        for param in params:
            ctor_type = instantiate1(self.ensure_pi(ctor_type).body, param)
        is_prop_struct = self.is_prop(struct_type)
        for i in range(e.idx):
            pi = self.ensure_pi(ctor_type)
            ctor_type = instantiate1(pi.body, Proj(e.struct, i, e.expr))
        if e.idx >= ctor.num_fields:
            raise KernelError(f"(kernel) invalid projection: structure {e.struct} has only {ctor.num_fields} field(s)")
        field_type = self.ensure_pi(ctor_type).type
        if is_prop_struct and not infer_only and not self.is_prop(field_type):
            raise KernelError(f"(kernel) invalid projection: cannot project data out of a proof of {_fmt(struct_type)}")
        return field_type

    # -- reduction ---------------------------------------------------------------

    def whnf_core(self, e: Expr) -> Expr:
        """Weak-head normal form without unfolding definitions: beta, zeta, iota, projections."""
        if isinstance(e, (BVar, Sort, MVar, Pi, Lam, NatLit, Const)):
            return e
        if isinstance(e, FVar):
            return self.whnf_core(e.value) if e.value is not None else e
        cached = self._whnf_core_cache.get(e)
        if cached is not None:
            return cached
        self._tick()
        result = e
        if isinstance(e, Let):
            result = self.whnf_core(instantiate1(e.body, e.value))  # zeta
        elif isinstance(e, App):
            fn, args = get_app_fn_args(e)
            fn_reduced = self.whnf_core(fn)
            if isinstance(fn_reduced, Lam):
                result = self.whnf_core(self._beta(fn_reduced, args))
            elif fn_reduced is not fn:
                result = self.whnf_core(mk_app(fn_reduced, args))
            else:
                reduced = self.reduce_recursor(e) if isinstance(fn, Const) else None
                if reduced is not None:
                    result = self.whnf_core(reduced)
        elif isinstance(e, Proj):
            reduced = self.reduce_proj(e)
            if reduced is not None:
                result = self.whnf_core(reduced)
        if not e.has_mvar:
            self._whnf_core_cache[e] = result
        return result

    def _beta(self, fn: Lam, args: list[Expr]) -> Expr:
        """Rule (beta): `(fun x => b) a ⟶ b[x := a]`, for as many arguments as there are binders."""
        i = 0
        body: Expr = fn
        while isinstance(body, Lam) and i < len(args):
            body = body.body
            i += 1
        return mk_app(instantiate(body, args[:i]), args[i:])

    def reduce_proj(self, e: Proj) -> Expr | None:
        """Rule (projection): `(S.mk params f₀ … fₙ).i ⟶ fᵢ`."""
        struct = self.whnf(e.expr)
        if isinstance(struct, NatLit):
            return None
        fn, args = get_app_fn_args(struct)
        if not isinstance(fn, Const):
            return None
        info = self.env.find(fn.name)
        if not isinstance(info, ConstructorInfo) or info.induct != e.struct:
            return None
        index = info.num_params + e.idx
        return args[index] if index < len(args) else None

    def _nat_lit_to_ctor(self, e: NatLit) -> Expr:
        """A literal as a constructor application: `0 ⟶ Nat.zero`, `n+1 ⟶ Nat.succ n`."""
        return NAT_ZERO if e.value == 0 else App(NAT_SUCC, NatLit(e.value - 1))

    def _to_ctor_when_k(self, rec: RecursorInfo, major: Expr) -> Expr:
        """K-like reduction (`Eq.rec`): any proof of `I params indices` acts as the unique constructor
        when its type agrees with the constructor's."""
        major_type = self.whnf(self.infer(major, infer_only=True))
        head, args = get_app_fn_args(major_type)
        if not isinstance(head, Const) or head.name != rec.induct:
            return major
        info = self.env.find(rec.induct)
        assert isinstance(info, InductiveInfo)
        ctor = Const(info.ctors[0], head.levels)
        new_major = mk_app(ctor, args[: rec.num_params])
        new_type = self.infer(new_major, infer_only=True)
        return new_major if self.is_def_eq(major_type, new_type) else major

    def _expand_struct(self, major: Expr, rec: RecursorInfo) -> Expr:
        """Structure eta for the major premise: `s ⟶ S.mk s.0 … s.n` when `s : S params`."""
        info = self.env.find(rec.induct)
        if not isinstance(info, InductiveInfo) or not info.is_structure_like:
            return major
        major_type = self.whnf(self.infer(major, infer_only=True))
        head, args = get_app_fn_args(major_type)
        if not isinstance(head, Const) or head.name != rec.induct:
            return major
        if self.is_prop(major_type):  # Lean never eta-expands a proof: `And.rec … h` is stuck on a variable `h`
            return major
        ctor = self.env.find(info.ctors[0])
        assert isinstance(ctor, ConstructorInfo)
        fields = [Proj(rec.induct, i, major) for i in range(ctor.num_fields)]
        return mk_app(mk_app(Const(ctor.name, head.levels), args[: info.num_params]), fields)

    def reduce_recursor(self, e: Expr) -> Expr | None:
        """Rule (iota): `I.rec params motive minors indices (cᵢ params fields) ⟶ rhsᵢ … fields`,
        plus the quotient rules `Quot.lift f h (Quot.mk r a) ⟶ f a`, `Quot.ind p (Quot.mk r a) ⟶ p a`."""
        fn, args = get_app_fn_args(e)
        assert isinstance(fn, Const)
        info = self.env.find(fn.name)
        if isinstance(info, QuotInfo):
            return self.reduce_quot(info, args)
        if not isinstance(info, RecursorInfo):
            return None
        major_idx = info.major_index
        if len(args) <= major_idx:
            return None
        major = self.whnf(args[major_idx])
        if info.k:
            major = self._to_ctor_when_k(info, major)
        if isinstance(major, NatLit):
            major = self._nat_lit_to_ctor(major)
        major_fn, major_args = get_app_fn_args(major)
        ctor_info = self.env.find(major_fn.name) if isinstance(major_fn, Const) else None
        if not isinstance(ctor_info, ConstructorInfo):
            major = self._expand_struct(major, info)
            major_fn, major_args = get_app_fn_args(major)
            ctor_info = self.env.find(major_fn.name) if isinstance(major_fn, Const) else None
            if not isinstance(ctor_info, ConstructorInfo):
                return None
        rule = info.rule_for(ctor_info.name)
        if rule is None or len(major_args) != ctor_info.num_params + rule.num_fields:
            return None
        if len(fn.levels) != len(info.level_params):
            return None
        rhs = instantiate_cached(rule.rhs, info.level_params, fn.levels)
        rhs = mk_app(rhs, args[: info.num_params + info.num_motives + info.num_minors])
        rhs = mk_app(rhs, major_args[ctor_info.num_params:])
        return mk_app(rhs, args[major_idx + 1:])

    def reduce_quot(self, info: QuotInfo, args: list[Expr]) -> Expr | None:
        """The two computation rules of Lean's built-in quotients."""
        if info.kind == "lift":
            mk_pos, arg_pos = 5, 3
        elif info.kind == "ind":
            mk_pos, arg_pos = 4, 3
        else:
            return None
        if len(args) <= mk_pos:
            return None
        mk = self.whnf(args[mk_pos])
        mk_fn, mk_args = get_app_fn_args(mk)
        if not (isinstance(mk_fn, Const) and mk_fn.name == "Quot.mk" and len(mk_args) == 3):
            return None
        return mk_app(App(args[arg_pos], mk_args[2]), args[mk_pos + 1:])

    def _nat_lit_value(self, e: Expr) -> int | None:
        """The value of `e` if it is a literal (or `Nat.zero`) after reduction, else None."""
        e = self.whnf(e)
        if isinstance(e, NatLit):
            return e.value
        if isinstance(e, Const) and e.name == "Nat.zero":
            return 0
        return None

    def reduce_nat(self, e: Expr) -> Expr | None:
        """Nat literal arithmetic: `Nat.succ n`, `Nat.add/sub/mul/div/mod/beq/ble` on literals compute."""
        if not isinstance(e, App):
            return None
        fn, args = get_app_fn_args(e)
        if not isinstance(fn, Const):
            return None
        if fn.name not in self.env.nat_extensions:
            return None
        if fn.name == "Nat.succ" and len(args) == 1:
            value = self._nat_lit_value(args[0])
            return NatLit(value + 1) if value is not None else None
        op = _NAT_BINOPS.get(fn.name)
        if op is None or len(args) != 2:
            return None
        a = self._nat_lit_value(args[0])
        if a is None:
            return None
        b = self._nat_lit_value(args[1])
        if b is None:
            return None
        out = op(a, b)
        if isinstance(out, bool):
            return Const("Bool.true" if out else "Bool.false")
        return NatLit(out)

    def unfold_definition(self, e: Expr) -> Expr | None:
        """Rule (delta): replace a defined constant at the head by its value (theorems never unfold)."""
        fn, args = get_app_fn_args(e)
        if not isinstance(fn, Const):
            return None
        info = self.env.find(fn.name)
        if not isinstance(info, DefinitionInfo) or len(info.level_params) != len(fn.levels):
            return None
        return mk_app(instantiate_cached(info.value, info.level_params, fn.levels), args)

    def whnf(self, e: Expr) -> Expr:
        """Weak-head normal form with every reduction rule, including delta and Nat literals."""
        if isinstance(e, (BVar, Sort, MVar, Pi, Lam, NatLit)):
            return e
        cached = self._whnf_cache.get(e)
        if cached is not None:
            return cached
        t = e
        while True:
            self._tick()
            t = self.whnf_core(t)
            reduced = self.reduce_nat(t)
            if reduced is not None:
                t = reduced
                continue
            unfolded = self.unfold_definition(t)
            if unfolded is None:
                break
            t = unfolded
        if not e.has_mvar:
            self._whnf_cache[e] = t
        return t

    # -- definitional equality -------------------------------------------------

    def is_def_eq(self, t: Expr, s: Expr) -> bool:
        """Whether `t` and `s` are definitionally equal."""
        if t is s or t == s:
            return True
        key = (t, s)
        if key in self._eqv_cache:
            return True
        result = self._is_def_eq_core(t, s)
        if result and not (t.has_mvar or s.has_mvar):
            self._eqv_cache.add(key)
        return result

    def is_level_def_eq(self, a: Level, b: Level) -> bool:
        """Whether two universe levels are equal under every assignment of the parameters."""
        return is_equivalent(a, b)

    def are_levels_def_eq(self, a: tuple[Level, ...], b: tuple[Level, ...]) -> bool:
        """Pointwise `is_level_def_eq`."""
        return len(a) == len(b) and all(self.is_level_def_eq(x, y) for x, y in zip(a, b))

    def _quick_is_def_eq(self, t: Expr, s: Expr) -> bool | None:
        """Structural cases decided without reduction: sorts, binders, literals."""
        if t == s:
            return True
        if isinstance(t, Sort) and isinstance(s, Sort):
            return self.is_level_def_eq(t.level, s.level)
        if isinstance(t, Binder) and type(t) is type(s):
            return self._is_def_eq_binding(t, s)
        if isinstance(t, NatLit) and isinstance(s, NatLit):
            return t.value == s.value
        if isinstance(t, NatLit) and s == NAT_ZERO or isinstance(s, NatLit) and t == NAT_ZERO:
            return (t.value if isinstance(t, NatLit) else s.value) == 0  # rule: `0 = Nat.zero`
        return None

    def _is_def_eq_binding(self, t: Binder, s: Binder) -> bool:
        """Rule: binders are equal when their domains and (opened) bodies are."""
        fvars: list[FVar] = []
        kind = type(t)
        while isinstance(t, kind) and isinstance(s, kind):
            t_dom = instantiate(t.type, fvars)
            if t.type != s.type:
                s_dom = instantiate(s.type, fvars)
                if not self.is_def_eq(t_dom, s_dom):
                    return False
            fvars.append(FVar(t.name, t_dom))
            t, s = t.body, s.body
        return self.is_def_eq(instantiate(t, fvars), instantiate(s, fvars))

    def _is_def_eq_proof_irrel(self, t: Expr, s: Expr) -> bool | None:
        """Rule (proof irrelevance): two proofs of the same proposition are equal."""
        t_is_proof, t_type = self.is_proof(t)
        if not t_is_proof:
            return None
        return self.is_def_eq(t_type, self.infer(s, infer_only=True))

    def _is_def_eq_core(self, t: Expr, s: Expr) -> bool:
        self._tick()
        quick = self._quick_is_def_eq(t, s)
        if quick is not None:
            return quick
        proof_irrel = self._is_def_eq_proof_irrel(t, s)
        if proof_irrel is not None:
            return proof_irrel
        t_n, s_n = self.whnf_core(t), self.whnf_core(s)
        if t_n is not t or s_n is not s:
            quick = self._quick_is_def_eq(t_n, s_n)
            if quick is not None:
                return quick
        lazy = self._lazy_delta_reduction(t_n, s_n)
        if isinstance(lazy, bool):
            return lazy
        t_n, s_n = lazy
        if isinstance(t_n, Const) and isinstance(s_n, Const) and t_n.name == s_n.name:
            if self.are_levels_def_eq(t_n.levels, s_n.levels):
                return True
        if isinstance(t_n, FVar) and isinstance(s_n, FVar) and t_n.uid == s_n.uid:
            return True
        if isinstance(t_n, Proj) and isinstance(s_n, Proj) and t_n.idx == s_n.idx and t_n.struct == s_n.struct:
            if self.is_def_eq(t_n.expr, s_n.expr):
                return True
        if self._is_def_eq_app(t_n, s_n):
            return True
        if self._try_eta_expansion(t_n, s_n) or self._try_eta_expansion(s_n, t_n):
            return True
        if self._try_eta_struct(t_n, s_n) or self._try_eta_struct(s_n, t_n):
            return True
        if self._is_def_eq_unit_like(t_n, s_n):
            return True
        return False

    def _is_def_eq_unit_like(self, t: Expr, s: Expr) -> bool:
        """Rule (unit eta): any two terms of a structure-like type with no fields are equal."""
        t_type = self.whnf(self.infer(t, infer_only=True))
        head = get_app_fn(t_type)
        if not isinstance(head, Const):
            return False
        induct = self.env.find(head.name)
        if not isinstance(induct, InductiveInfo) or not induct.is_structure_like:
            return False
        ctor = self.env.find(induct.ctors[0])
        if not isinstance(ctor, ConstructorInfo) or ctor.num_fields != 0:
            return False
        return self.is_def_eq(t_type, self.infer(s, infer_only=True))

    def _is_def_eq_app(self, t: Expr, s: Expr) -> bool:
        """Rule (congruence): `f a₁ … aₙ = g b₁ … bₙ` when `f = g` and every `aᵢ = bᵢ`."""
        if not (isinstance(t, App) and isinstance(s, App)):
            return False
        t_fn, t_args = get_app_fn_args(t)
        s_fn, s_args = get_app_fn_args(s)
        if len(t_args) != len(s_args) or not self.is_def_eq(t_fn, s_fn):
            return False
        return all(self.is_def_eq(a, b) for a, b in zip(t_args, s_args))

    def _try_eta_expansion(self, t: Expr, s: Expr) -> bool:
        """Rule (eta): `fun x => f x = f`; compare `t` with `s` expanded to a lambda."""
        if not isinstance(t, Lam) or isinstance(s, Lam):
            return False
        s_type = self.whnf(self.infer(s, infer_only=True))
        if not isinstance(s_type, Pi):
            return False
        expanded = Lam(s_type.name, s_type.type, App(s, BVar(0)), s_type.binder_info)
        return self.is_def_eq(t, expanded)

    def _try_eta_struct(self, t: Expr, s: Expr) -> bool:
        """Rule (structure eta): `S.mk a₀ … aₙ = s` when each `aᵢ = s.i` and `s : S params`."""
        fn, args = get_app_fn_args(s)
        if not isinstance(fn, Const):
            return False
        ctor = self.env.find(fn.name)
        if not isinstance(ctor, ConstructorInfo) or len(args) != ctor.num_params + ctor.num_fields:
            return False
        induct = self.env.find(ctor.induct)
        if not isinstance(induct, InductiveInfo) or not induct.is_structure_like:
            return False
        if not self.is_def_eq(self.infer(t, infer_only=True), self.infer(s, infer_only=True)):
            return False
        return all(
            self.is_def_eq(Proj(ctor.induct, i, t), args[ctor.num_params + i]) for i in range(ctor.num_fields)
        )

    def _definition_height(self, e: Expr) -> int | None:
        """The height of the definition at the head of `e`, or None when it cannot be unfolded."""
        fn = get_app_fn(e)
        if not isinstance(fn, Const):
            return None
        info = self.env.find(fn.name)
        return info.height if isinstance(info, DefinitionInfo) else None

    def _is_nat_offset(self, e: Expr) -> tuple[Expr, int] | None:
        """`e` as `base + k` when it is a positive literal or a `Nat.succ` application."""
        if isinstance(e, NatLit) and e.value > 0:
            return NatLit(e.value - 1), 1
        if isinstance(e, App) and e.fn == NAT_SUCC:
            return e.arg, 1
        return None

    def _lazy_delta_reduction(self, t: Expr, s: Expr) -> bool | tuple[Expr, Expr]:
        """Unfold definitions one side at a time (the higher one first) until the terms compare;
        returns the decision, or the two terms in weak-head normal form if undecided."""
        while True:
            self._tick()
            t_red, s_red = self.reduce_nat(t), self.reduce_nat(s)
            if t_red is not None or s_red is not None:
                return self.is_def_eq(t_red or t, s_red or s)
            t_off, s_off = self._is_nat_offset(t), self._is_nat_offset(s)
            if t_off is not None and s_off is not None:
                return self.is_def_eq(t_off[0], s_off[0])  # rule: succ a = succ b iff a = b
            t_h, s_h = self._definition_height(t), self._definition_height(s)
            if t_h is None and s_h is None:
                return t, s
            if t_h is not None and s_h is not None and t_h == s_h:
                t_fn, s_fn = get_app_fn(t), get_app_fn(s)
                if (isinstance(t, App) and isinstance(s, App) and isinstance(t_fn, Const) and isinstance(s_fn, Const)
                        and t_fn.name == s_fn.name and self.are_levels_def_eq(t_fn.levels, s_fn.levels)):
                    if self._is_def_eq_app(t, s):  # same head: try the arguments before unfolding
                        return True
                t = self.whnf_core(self.unfold_definition(t))
                s = self.whnf_core(self.unfold_definition(s))
            elif s_h is None or (t_h is not None and t_h > s_h):
                t = self.whnf_core(self.unfold_definition(t))
            else:
                s = self.whnf_core(self.unfold_definition(s))
            quick = self._quick_is_def_eq(t, s)
            if quick is not None:
                return quick


# ---------------------------------------------------------------------------
# Declarations
# ---------------------------------------------------------------------------

def _check_closed(name: str, *terms: Expr) -> None:
    """A declaration may contain no free variables, metavariables or loose bound variables."""
    for term in terms:
        if term.has_mvar or has_level_mvar_expr(term):
            raise KernelError(f"(kernel) declaration '{name}' has metavariables")
        if term.has_fvar:
            raise KernelError(f"(kernel) declaration '{name}' has free variables")
        if term.lbr:
            raise KernelError(f"(kernel) declaration '{name}' has loose bound variables")


def _check_level_params(name: str, level_params: tuple[str, ...], *terms: Expr) -> None:
    if len(set(level_params)) != len(level_params):
        raise KernelError(f"(kernel) declaration '{name}' has duplicate universe parameters")
    for term in terms:
        unknown = level_params_of_expr(term) - set(level_params)
        if unknown:
            raise KernelError(f"(kernel) unknown universe level '{sorted(unknown)[0]}' in '{name}'")


def check_type_of_declaration(env: Environment, name: str, level_params: tuple[str, ...], type_: Expr,
                              max_steps: int = DEFAULT_MAX_STEPS) -> TypeChecker:
    """Check that `name` is fresh and `type_` is a well-formed type; return the checker used."""
    if name in env:
        raise KernelError(f"(kernel) constant has already been declared '{name}'")
    _check_closed(name, type_)
    _check_level_params(name, level_params, type_)
    checker = TypeChecker(env, level_params, max_steps)
    checker.ensure_sort(checker.infer(type_), type_)
    return checker


def _checked(fn: Callable[[], Environment]) -> Environment:
    """Run a kernel check, turning Python's recursion limit into a kernel error."""
    try:
        return fn()
    except RecursionError:
        raise KernelError("(kernel) deep recursion detected") from None


def add_definition(env: Environment, name: str, level_params: tuple[str, ...], type_: Expr, value: Expr,
                   *, is_theorem: bool = False, reducible: bool = False, opaque: bool = False,
                   max_steps: int = DEFAULT_MAX_STEPS) -> Environment:
    """Type check a definition, theorem or opaque constant and return the environment extended with it."""

    def run() -> Environment:
        checker = check_type_of_declaration(env, name, level_params, type_, max_steps)
        _check_closed(name, value)
        _check_level_params(name, level_params, value)
        if is_theorem and not checker.is_prop(type_):
            raise KernelError(f"(kernel) type of theorem '{name}' is not a proposition")
        value_type = checker.infer(value)
        if not checker.is_def_eq(value_type, type_):
            raise KernelError(
                f"(kernel) declaration type mismatch, '{name}' has type {_fmt(value_type)} but is expected to have type {_fmt(type_)}"
            )
        if is_theorem:
            return env.add(TheoremInfo(name, level_params, type_, value))
        if opaque:
            return env.add(OpaqueInfo(name, level_params, type_, value))
        height = 1 + max((_height_of(env, c) for c in _constants_in(value)), default=0)
        return env.add(DefinitionInfo(name, level_params, type_, value, height, reducible))

    return _checked(run)


def add_axiom(env: Environment, name: str, level_params: tuple[str, ...], type_: Expr) -> Environment:
    """Add one of Lean's built-in axioms (the elaborator never calls this for user input)."""

    def run() -> Environment:
        check_type_of_declaration(env, name, level_params, type_)
        return env.add(AxiomInfo(name, level_params, type_))

    return _checked(run)


def _constants_in(e: Expr) -> set[str]:
    from .expr import constants_of

    return constants_of(e)


def _height_of(env: Environment, name: str) -> int:
    info = env.find(name)
    return info.height if isinstance(info, DefinitionInfo) else 0


QUOT_KINDS = {"Quot": "type", "Quot.mk": "mk", "Quot.lift": "lift", "Quot.ind": "ind"}


def add_quot_constant(env: Environment, name: str, level_params: tuple[str, ...], type_: Expr) -> Environment:
    """Add one of Lean's built-in quotient primitives (`Quot`, `Quot.mk`, `Quot.lift`, `Quot.ind`)
    after checking its type; `Quot.lift`/`Quot.ind` get their computation rules from `reduce_quot`."""
    kind = QUOT_KINDS.get(name)
    if kind is None:
        raise KernelError(f"(kernel) '{name}' is not a quotient primitive")
    if kind != "type" and "Eq" not in env:
        raise KernelError("(kernel) quotient primitives need Eq")

    def run() -> Environment:
        check_type_of_declaration(env, name, level_params, type_)
        done = all(n in env for n in QUOT_KINDS if n != name)
        return env.add_many([QuotInfo(name, level_params, type_, kind)], quot_initialized=done)

    return _checked(run)


def raise_recursion_limit(limit: int = 20_000) -> None:
    """Deep terms (long lists, big unary numbers) need more than Python's default recursion depth."""
    if sys.getrecursionlimit() < limit:
        sys.setrecursionlimit(limit)


__all__ = [
    "KernelError",
    "KernelTimeout",
    "TypeChecker",
    "add_definition",
    "add_axiom",
    "add_quot_constant",
    "check_type_of_declaration",
    "PROP",
    "LEVEL_ONE",
    "BinderInfo",
    "abstract",
]
