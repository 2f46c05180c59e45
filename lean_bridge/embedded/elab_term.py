"""The term elaborator: Lean 4 surface syntax (`lean_bridge.syntax.ast`) to kernel expressions.

It resolves names (locals, namespaces, `open`s, dot notation), inserts implicit arguments as
holes solved by unification, postpones arguments that need their expected type (`fun`
without binder types, `⟨…⟩`, `_`, `▸`), resolves the handful of type classes behind Lean's
notation (`+` is `HAdd.hAdd`, `≤` is `LE.le`, numerals are `OfNat.ofNat`), and expands
notation exactly as Lean's macros do. Its output is untrusted: the kernel re-checks it.
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator, Sequence

from lean_bridge.syntax import ast

from .elab_env import ElabEnv
from .environment import ConstructorInfo, InductiveInfo
from .expr import (
    App,
    BinderInfo,
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
    instantiate1,
    mk_app,
    mk_lambda_fvars,
    mk_pi_fvars,
)
from .kernel import KernelError, KernelTimeout
from .level import LEVEL_ONE, LEVEL_ZERO, Level, LevelMVar, LevelParam, LevelSucc, mk_imax, mk_max, mk_succ
from .meta import MetaChecker, MetaContext, head_beta

NAT = Const("Nat")
PROP = Sort(LEVEL_ZERO)

_BINDER_KINDS = {
    ast.EXPLICIT: BinderInfo.DEFAULT,
    ast.IMPLICIT: BinderInfo.IMPLICIT,
    ast.STRICT_IMPLICIT: BinderInfo.STRICT_IMPLICIT,
    ast.INST_IMPLICIT: BinderInfo.INST_IMPLICIT,
}

# notation → (constant, kind): "app" applies the constant to both sides; "inst" ones resolve a class
_BINOP_CONSTS = {
    "∧": "And", "∨": "Or", "↔": "Iff", "=": "Eq", "≠": "Ne",
    "+": "HAdd.hAdd", "-": "HSub.hSub", "*": "HMul.hMul", "/": "HDiv.hDiv", "%": "HMod.hMod", "^": "HPow.hPow",
    "++": "HAppend.hAppend", "≤": "LE.le", "<": "LT.lt", "≥": "GE.ge", ">": "GT.gt", "::": "List.cons",
    "∘": "Function.comp", "×": "Prod", "∣": "Dvd.dvd", "&&": "Bool.and", "||": "Bool.or", "≍": "HEq", "==": "BEq.beq",
    "!=": "bne", "≈": "HasEquiv.Equiv",
}


def _bool_to_prop(b: Expr) -> Expr:
    """`b = true`, the Prop Lean's coercion makes of a Bool `b` where a proposition is expected."""
    return mk_app(Const("Eq", [LEVEL_ONE]), [Const("Bool"), b, Const("Bool.true")])


class ElabError(Exception):
    """A user-facing elaboration error at a syntax node's position."""

    def __init__(self, message: str, node: ast.Node | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.node = node

    @property
    def pos(self) -> tuple[int, int] | None:
        return self.node.pos if self.node is not None else None


@dataclass
class Scope:
    """The `namespace`/`section` state a command is elaborated in."""

    namespace: str = ""
    opens: tuple[str, ...] = ()
    universes: tuple[str, ...] = ()
    variables: tuple[ast.Binder, ...] = ()
    aliases: tuple[tuple[str, str], ...] = ()  # `open A (x)`: `x` names `A.x`
    hidden: tuple[str, ...] = ()  # `open A hiding x`: `A.x` is not reached through the open namespaces
    included: tuple[str, ...] = ()  # `include h`: variables every theorem takes
    options: tuple[tuple[str, object], ...] = ()  # `set_option` values in force (`autoImplicit`, …)
    local_instances: tuple[tuple[str, str, int], ...] = ()  # `attribute [local instance]`: (class, name, priority)

    def option(self, name: str, default: object) -> object:
        """The value of option `name` in this scope (the last `set_option` wins)."""
        for key, value in reversed(self.options):
            if key == name:
                return value
        return default


def _blocks_implicit_lambda(stx: ast.Term) -> bool:
    """Lean's `blockImplicitLambda`: `@f`, `@f a`, `fun {x} =>`, `_`, `?x`, `by`, `(e : T)` take an
    expected `∀ {x}, …` as it is."""
    if isinstance(stx, (ast.Explicit, ast.Hole, ast.SyntheticHole, ast.By, ast.TypeAscription)):
        return True
    if isinstance(stx, ast.App) and isinstance(stx.fn, ast.Explicit):
        return True
    if isinstance(stx, ast.Fun) and stx.binders:
        first = stx.binders[0]
        return isinstance(first, ast.Binder) and first.kind != ast.EXPLICIT
    return False


class FieldOfUnknownType(ElabError):
    """Field notation `l.head?` on a value whose type is still a metavariable (fid-list3): Lean postpones
    it until the type is known; an application elaborates such an argument after its other ones
    (`l.head? = none ↔ l = []`: `l = []` fixes `l : List ?α` first)."""


@dataclass
class _Postponed:
    """An argument elaborated only after the rest of the application fixed its expected type."""

    stx: ast.Term
    mvar: MVar


class TermElaborator:
    """Elaborates the terms of one declaration (or one tactic step) against an environment."""

    def __init__(self, env: ElabEnv, scope: Scope, mctx: MetaContext | None = None,
                 lctx: Sequence[FVar] = (), level_names: Sequence[str] = (), auto_bound_universes: bool = True,
                 max_steps: int = 200_000) -> None:
        self.env = env
        self.scope = scope
        self.mctx = mctx if mctx is not None else MetaContext()
        self.lctx: list[FVar] = list(lctx)
        self.level_names: list[str] = list(level_names)
        self.auto_bound_universes = auto_bound_universes
        self.checker = MetaChecker(env.kernel, self.mctx, max_steps=max_steps)
        self.pending_instances: list[tuple[MVar, ast.Node]] = []
        self.uses_sorry = False
        self.recursive = None  # the function being defined, when its body may call it (see match_compiler)
        self.sorries: list[tuple[ast.Node, tuple[FVar, ...], Expr]] = []  # (syntax, context, goal) of each `sorry`
        self.tactic_steps: list = []  # (tactic syntax, state before) for the REPL's `allTactics`
        self.root_goals: list = []  # (syntax, state) at the start of each outermost `by` block
        self.tactic_depth = 0
        self.calc_holes: dict[int, Expr] = {}  # id of a calc step's leading `_` -> the previous right-hand side

    # -- basic services -----------------------------------------------------------

    def instantiate(self, e: Expr) -> Expr:
        return self.mctx.instantiate(e)

    def infer(self, e: Expr) -> Expr:
        try:
            return self.instantiate(self.checker.infer(self.instantiate(e)))
        except KernelError as err:
            raise ElabError(err.message.replace("(kernel) ", "")) from None

    def whnf(self, e: Expr) -> Expr:
        try:
            return self.checker.whnf(self.instantiate(e))
        except KernelError as err:
            raise ElabError(err.message.replace("(kernel) ", "")) from None

    def whnf_core_instantiated(self, e: Expr) -> Expr:
        return self.checker.whnf_core(self.instantiate(e))

    def unify(self, a: Expr, b: Expr) -> bool:
        """`a =?= b`, assigning holes; on failure no assignment is kept."""
        snap = self.mctx.snapshot()
        try:
            if self.checker.is_def_eq(a, b):
                return True
        except KernelTimeout:  # out of budget is not "not equal": the caller reports a timeout
            self.mctx.restore(snap)
            raise
        except KernelError:
            pass
        self.mctx.restore(snap)
        return False

    def new_mvar(self, type_: Expr, kind: str = "natural", user_name: str | None = None) -> MVar:
        return self.mctx.new_mvar(type_, tuple(self.lctx), user_name, kind)

    def new_type_mvar(self) -> MVar:
        """A hole for an unknown type `?α : Sort ?u`."""
        return self.new_mvar(Sort(self.mctx.new_level_mvar()))

    @contextmanager
    def local(self, name: str, type_: Expr, binder_info: BinderInfo = BinderInfo.DEFAULT,
              value: Expr | None = None) -> Iterator[FVar]:
        """Extend the local context with one hypothesis for the duration of the block."""
        fv = FVar(name, type_, value, binder_info)
        self.lctx.append(fv)
        try:
            yield fv
        finally:
            self.lctx.pop()

    @contextmanager
    def local_fvar(self, fv: FVar) -> Iterator[FVar]:
        """Put an existing free variable in scope for the duration of the block."""
        self.lctx.append(fv)
        try:
            yield fv
        finally:
            self.lctx.pop()

    def find_local(self, name: str) -> FVar | None:
        """The innermost hypothesis called `name`; the function being defined comes last, as in Lean,
        where its reference sits before the declaration's binders (so `(h : p)` shadows `theorem h`)."""
        rec = self.recursive.fvar if self.recursive is not None else None
        rec_uid = rec.uid if rec is not None else None
        for fv in reversed(self.lctx):
            if fv.name == name and fv.uid != rec_uid:
                return fv
        if rec is not None and rec.name == name:
            return next((fv for fv in self.lctx if fv.uid == rec_uid), None)
        return None

    def recursive_in_scope(self) -> FVar | None:
        """The function being defined, when its body may call it here (its fvar is in the context)."""
        rec = self.recursive
        if rec is None:
            return None
        return next((fv for fv in self.lctx if fv.uid == rec.fvar.uid), None)

    def fmt(self, e: Expr) -> str:
        from .pretty import format_expr

        return format_expr(self.instantiate(e))

    # -- types ------------------------------------------------------------------------

    def ensure_type(self, e: Expr, stx: ast.Node) -> Level:
        """The universe of type `e`, or "type expected"."""
        ty = self.whnf(self.infer(e))
        if isinstance(ty, Sort):
            return ty.level
        if isinstance(get_app_fn(ty), MVar):
            level = self.mctx.new_level_mvar()
            if self.unify(ty, Sort(level)):
                return level
        raise ElabError(f"type expected, got\n  ({self.fmt(e)} : {self.fmt(ty)})", stx)

    def elab_type(self, stx: ast.Term) -> Expr:
        e = self.elab(stx, None)
        ty = self.whnf(self.infer(e))
        if isinstance(ty, Sort):  # the common case: `e` is a type
            return e
        if isinstance(ty, Const) and ty.name == "Bool":  # Lean's coercion: a Bool `b` as a type is `b = true`
            e = _bool_to_prop(e)
        self.ensure_type(e, stx)
        return e

    def _is_prop(self, ty: Expr) -> bool:
        try:
            ty = self.whnf(ty)
        except ElabError:
            return False
        return isinstance(ty, Sort) and ty.level == LEVEL_ZERO

    def _is_bool(self, ty: Expr) -> bool:
        ty = self.instantiate(ty)
        if isinstance(ty, Const):
            return ty.name == "Bool"
        if isinstance(get_app_fn(ty), MVar):
            return False
        try:
            ty = self.whnf(ty)
        except ElabError:
            return False
        return isinstance(ty, Const) and ty.name == "Bool"

    def ensure_has_type(self, expected: Expr | None, e: Expr, stx: ast.Node) -> Expr:
        """Check `e : expected` up to definitional equality (solving holes), else "type mismatch"."""
        if expected is None:
            return e
        actual = self.infer(e)
        if self.unify(actual, expected):
            return e
        if self._is_bool(actual) and isinstance(self.whnf(expected), Sort) and "Bool.true" in self.env:
            coerced = _bool_to_prop(e)  # Lean's `boolToProp` coercion: `b` used as a Prop is `b = true`
            if self.unify(self.infer(coerced), expected):
                return coerced
        if self._is_bool(expected) and "Decidable.decide" in self.env and self._is_prop(actual):
            # Lean's `decPropToBool` coercion: a proposition where a Bool is expected is `decide p`
            inst = self.synthesize_instance(mk_app(Const("Decidable"), [e]), stx)
            return mk_app(Const("Decidable.decide"), [e, inst])
        w = self.whnf(self.instantiate(expected))
        fn, args = get_app_fn_args(w)
        if isinstance(fn, Const) and fn.name == "Option" and len(args) == 1 and "Option.some" in self.env \
                and self.unify(actual, args[0]):
            # fid-list3: Lean's `optionCoe : Coe α (Option α)`, unfolded to `some e` (`l.head?.getD a` as an `Option α`)
            return mk_app(Const("Option.some", fn.levels), [args[0], e])
        raise ElabError(
            f"type mismatch\n  {self.fmt(e)}\nhas type\n  {self.fmt(actual)} : {self.fmt(self.infer(actual))}\n"
            f"but is expected to have type\n  {self.fmt(expected)} : {self.fmt(self.infer(expected))}",
            stx,
        )

    # -- levels ---------------------------------------------------------------------------

    def elab_level(self, stx: ast.Level) -> Level:
        if isinstance(stx, ast.LevelNum):
            return mk_succ(LEVEL_ZERO, stx.value)
        if isinstance(stx, ast.LevelName):
            if stx.name not in self.level_names and stx.name not in self.scope.universes:
                if not self.auto_bound_universes or not self.scope.option("autoImplicit", True):
                    raise ElabError(f"unknown universe level '{stx.name}'", stx)
                self.level_names.append(stx.name)
            elif stx.name not in self.level_names:
                self.level_names.append(stx.name)
            return LevelParam(stx.name)
        if isinstance(stx, ast.LevelHole):
            return self.mctx.new_level_mvar()
        if isinstance(stx, ast.LevelAdd):
            return mk_succ(self.elab_level(stx.base), stx.offset)
        if isinstance(stx, (ast.LevelMax, ast.LevelIMax)):
            levels = [self.elab_level(a) for a in stx.args]
            combine = mk_max if isinstance(stx, ast.LevelMax) else mk_imax
            out = levels[-1]
            for level in reversed(levels[:-1]):
                out = combine(level, out)
            return out
        raise ElabError("unsupported universe level syntax", stx)

    # -- names ----------------------------------------------------------------------------

    def resolve_global(self, name: str, stx: ast.Node) -> str | None:
        """The full name a global identifier refers to, following Lean's namespace rules."""
        if name.startswith("_root_."):
            return self._global(name[len("_root_."):], False)
        atomic = "." not in name  # Lean: a `protected` name is never reached by its last component alone
        scope = self.scope
        ns = scope.namespace
        while ns:
            found_ns = self._global(f"{ns}.{name}", atomic)
            if found_ns is not None:
                return found_ns
            ns = ns.rpartition(".")[0]
        candidates = [self._global(name, False)]
        candidates += [self._global(f"{o}.{name}", atomic) for o in scope.opens if f"{o}.{name}" not in scope.hidden]
        candidates += [self._global(full, False) for short, full in scope.aliases if short == name]
        found = [n for n in dict.fromkeys(candidates) if n is not None]
        if len(found) > 1:
            raise ElabError(f"ambiguous, possible interpretations: {', '.join(sorted(found))}", stx)
        return found[0] if found else None

    def _global(self, full: str, atomic: bool) -> str | None:
        """`full` if it is a declaration (or an `export` alias of one) reachable this way, else None."""
        env = self.env
        if full in env:
            return None if atomic and full in env.protected else full
        target = env.aliases.get(full)
        return target if target is not None and target in env else None

    def mk_const(self, name: str, stx: ast.Node, levels: Sequence[ast.Level] | None = None) -> Expr:
        """The constant `name` with fresh universe holes (or the explicit levels `name.{u}`)."""
        info = self.env.find(name)
        assert info is not None
        if levels is None:
            return Const(name, [self.mctx.new_level_mvar() for _ in info.level_params])
        if len(levels) != len(info.level_params):
            raise ElabError(f"too many explicit universe levels for '{name}'", stx)
        return Const(name, [self.elab_level(l) for l in levels])

    def resolve_ident(self, stx: ast.Ident) -> tuple[Expr, list[str]]:
        """An identifier as a head term plus the field projections that follow it (`h.mp.mpr`)."""
        parts = stx.name.split(".")
        for i in range(len(parts), 0, -1):
            fv = self.find_local(".".join(parts[:i]))
            if fv is not None:
                if stx.levels is not None:
                    raise ElabError("explicit universe levels are only allowed on constants", stx)
                return fv, parts[i:]
        rec_fv = self.recursive_in_scope()
        if rec_fv is not None:
            for i in range(len(parts), 0, -1):  # the function being defined, by its full name
                if ".".join(parts[:i]) == self.recursive.name:
                    return rec_fv, parts[i:]
        for i in range(len(parts), 0, -1):
            full = self.resolve_global(".".join(parts[:i]), stx)
            if full is not None:
                if i < len(parts) and isinstance(self.env.find(full), InductiveInfo):
                    break  # `Nat.foo` with no such constant: not field notation on the type `Nat`
                return self.mk_const(full, stx, stx.levels), parts[i:]
        raise ElabError(f"Unknown identifier `{stx.name}`", stx)

    # -- the dispatcher ------------------------------------------------------------------

    def elab(self, stx: ast.Term, expected: Expr | None) -> Expr:
        """Elaborate `stx` against `expected` (None: unknown) and check the result has that type."""
        method = getattr(self, f"elab_{type(stx).__name__}", None)
        if method is None:
            raise ElabError(f"unsupported syntax in the embedded checker: {type(stx).__name__}", stx)
        if expected is not None and not _blocks_implicit_lambda(stx):
            pi = self._implicit_pi(expected)
            if pi is not None:
                return self._implicit_lambda(pi, stx)
        e = method(stx, expected)
        return self.ensure_has_type(expected, e, stx)

    def _implicit_pi(self, expected: Expr) -> Pi | None:
        """The expected type as a `∀ {x}, …`/`∀ [C], …` (reducible unfolding only), else None."""
        exp = self.instantiate(expected)
        if not isinstance(exp, Pi):
            exp = self.whnf_core_instantiated(exp)
        if isinstance(exp, Pi) and exp.binder_info != BinderInfo.DEFAULT:
            return exp
        return None

    def _implicit_lambda(self, pi: Pi, stx: ast.Term) -> Expr:
        """Lean's implicit lambda: against `∀ {x : A}, B` the term is elaborated against `B` under a
        new local `x` and abstracted over it (`fun {x} => e`)."""
        with self.local(pi.name, pi.type, pi.binder_info) as fv:
            body = self.elab(stx, instantiate1(pi.body, fv))
            return self.mk_lambda([fv], body)

    def needs_expected_type(self, stx: ast.Term) -> bool:
        """Syntax whose elaboration is better postponed until its expected type is known."""
        if isinstance(stx, ast.Fun):
            return any(not isinstance(b, ast.Binder) or b.type is None for b in stx.binders)
        return isinstance(stx, (ast.AnonymousCtor, ast.Hole, ast.SyntheticHole, ast.FunMatch, ast.DotIdent,
                                ast.By, ast.Sorry, ast.Match)) or (isinstance(stx, ast.BinOp) and stx.op == "▸")

    # -- atoms ------------------------------------------------------------------------------

    def elab_Ident(self, stx: ast.Ident, expected: Expr | None) -> Expr:
        return self.elab_application(stx, (), expected, explicit=False)

    def elab_Explicit(self, stx: ast.Explicit, expected: Expr | None) -> Expr:
        return self.elab_application(stx, (), expected, explicit=True)

    def elab_App(self, stx: ast.App, expected: Expr | None) -> Expr:
        fn = stx.fn
        if isinstance(fn, ast.Explicit):
            return self.elab_application(fn, stx.args, expected, explicit=True)
        return self.elab_application(fn, stx.args, expected, explicit=False)

    def elab_Num(self, stx: ast.Num, expected: Expr | None) -> Expr:
        """Rule (numerals): `n` is `@OfNat.ofNat T n inst`; the type defaults to `Nat`."""
        target = NAT
        if expected is not None:
            exp = self.whnf_core_instantiated(expected)
            if isinstance(get_app_fn(exp), MVar):
                self.unify(exp, NAT)
            else:
                target = self.instantiate(expected)
        lit = NatLit(stx.value)
        inst = self.synthesize_instance(mk_app(Const("OfNat", [LEVEL_ZERO]), [target, lit]), stx)
        return mk_app(Const("OfNat.ofNat", [LEVEL_ZERO]), [target, lit, inst])

    def elab_Sort(self, stx: ast.Sort, expected: Expr | None) -> Expr:
        return Sort(self.elab_level(stx.level) if stx.level is not None else LEVEL_ZERO)

    def elab_Type(self, stx: ast.Type, expected: Expr | None) -> Expr:
        return Sort(LevelSucc(self.elab_level(stx.level)) if stx.level is not None else LEVEL_ONE)

    def elab_Prop(self, stx: ast.Prop, expected: Expr | None) -> Expr:
        return PROP

    def elab_Hole(self, stx: ast.Hole, expected: Expr | None) -> Expr:
        filled = self.calc_holes.get(id(stx)) if self.calc_holes else None
        if filled is not None:  # the `_` starting a `calc` step is the previous step's right-hand side
            return filled
        return self.new_mvar(expected if expected is not None else self.new_type_mvar())

    def elab_SyntheticHole(self, stx: ast.SyntheticHole, expected: Expr | None) -> Expr:
        return self.new_mvar(expected if expected is not None else self.new_type_mvar(), "syntheticOpaque", stx.name)

    def elab_Sorry(self, stx: ast.Sorry, expected: Expr | None) -> Expr:
        """`sorry` is `sorryAx T false`: accepted by the kernel as an axiom, reported as a sorry."""
        self.uses_sorry = True
        ty = expected if expected is not None else self.new_type_mvar()
        level = self.ensure_type(ty, stx)
        self.sorries.append((stx, tuple(self.lctx), ty))
        return mk_app(Const("sorryAx", [level]), [ty, Const("Bool.false")])

    def elab_By(self, stx: ast.By, expected: Expr | None) -> Expr:
        """Rule: `by tacs` against `T` runs the tactics on a new goal `⊢ T`; the goals must all close."""
        if expected is None:
            raise ElabError("invalid `by` block, expected type must be known", stx)
        from .tactics import run_by_block

        return run_by_block(self, stx, expected)

    def elab_NoFun(self, stx: ast.NoFun, expected: Expr | None) -> Expr:
        """`nofun` (Lean's `fun.`): `fun x₁ … xₙ => nomatch x₁, …, xₙ` over all the expected type's
        arguments, as Lean's `elabNoFun`."""
        if expected is None:
            raise ElabError("invalid `nofun`, expected type must be known", stx)
        ty, n = self.whnf(expected), 0
        while isinstance(ty, Pi):
            n += 1
            ty = self.whnf(instantiate1(ty.body, FVar(ty.name, ty.type)))
        if n == 0:
            raise ElabError(f"invalid `nofun`, expected type is not a function type\n  {self.fmt(expected)}", stx)
        from .match_compiler import elab_nomatch_fun

        return elab_nomatch_fun(self, n, expected, stx)

    def elab_NoMatch(self, stx: ast.NoMatch, expected: Expr | None) -> Expr:
        """`nomatch h`: a match on `h` with no alternatives: Lean's match compiler must close every case
        (`contradiction` on the matcher's own hypotheses, `cases` on non-recursive discriminants)."""
        if expected is None:
            raise ElabError("invalid `nomatch`, expected type must be known", stx)
        discrs = []
        for d in stx.discrs:
            fv = self.find_local(d.name) if isinstance(d, ast.Ident) and "." not in d.name else None
            if fv is None:
                raise ElabError("the embedded checker supports `nomatch` on local hypotheses only", d)
            discrs.append(fv)
        from .match_compiler import elab_match_on_locals

        return elab_match_on_locals(self, discrs, [], expected, stx)

    def _elab_internal_by(self, text: str, stx: ast.Node, expected: Expr, hidden: frozenset[int] = frozenset()) -> Expr:
        """A `by` block written by the elaborator (positions moved to `stx`'s); `hidden`: hypotheses it
        may not use."""
        from lean_bridge.syntax.parser import parse_tactic_block

        seq = _relocate(parse_tactic_block(text), stx.pos, stx.end_pos)
        from .tactics import run_by_block

        return run_by_block(self, ast.By(stx.pos, stx.end_pos, seq), expected, hidden)

    # -- binders ----------------------------------------------------------------------------

    def elab_binder_type(self, binder: ast.Binder) -> Expr:
        if binder.type is None:
            return self.new_type_mvar()
        return self.elab_type(binder.type)

    @contextmanager
    def binders(self, groups: Sequence[ast.Binder]) -> Iterator[list[FVar]]:
        """Elaborate binder groups left to right, each name in scope for the next; yields the locals."""
        added: list[FVar] = []
        try:
            for group in groups:
                names = group.names or ("inst✝",)
                for name in names:
                    ty = self.elab_binder_type(group)
                    fv = FVar(name if name != "_" else "x✝", ty, None, _BINDER_KINDS[group.kind])
                    self.lctx.append(fv)
                    added.append(fv)
            yield added
        finally:
            for _ in added:
                self.lctx.pop()

    def mk_pi(self, fvars: list[FVar], body: Expr) -> Expr:
        return mk_pi_fvars([self._instantiated_fvar(f) for f in fvars], self.instantiate(body)) if fvars else body

    def mk_lambda(self, fvars: list[FVar], body: Expr) -> Expr:
        return mk_lambda_fvars([self._instantiated_fvar(f) for f in fvars], self.instantiate(body)) if fvars else body

    def _instantiated_fvar(self, fv: FVar) -> FVar:
        if not fv.type.has_mvar and (fv.value is None or not fv.value.has_mvar):
            return fv
        return FVar(fv.name, self.instantiate(fv.type), self.instantiate(fv.value) if fv.value is not None else None,
                    fv.binder_info, uid=fv.uid)

    def elab_Forall(self, stx: ast.Forall, expected: Expr | None) -> Expr:
        with self.binders(stx.binders) as fvars:
            body = self.elab_type(stx.body)
            return self.mk_pi(fvars, body)

    def elab_DepArrow(self, stx: ast.DepArrow, expected: Expr | None) -> Expr:
        with self.binders((stx.binder,)) as fvars:
            body = self.elab_type(stx.body)
            return self.mk_pi(fvars, body)

    def elab_Arrow(self, stx: ast.Arrow, expected: Expr | None) -> Expr:
        dom = self.elab_type(stx.domain)
        cod = self.elab_type(stx.codomain)
        return Pi("a✝", dom, cod)

    def elab_Exists(self, stx: ast.Exists, expected: Expr | None) -> Expr:
        """Rule: `∃ x, p` is `@Exists α (fun x => p)`, nested for several binders."""
        return self._elab_exists(list(_flatten_binders(stx.binders)), stx.body, stx)

    def _elab_exists(self, binders: list[ast.Binder], body: ast.Term, stx: ast.Node) -> Expr:
        if not binders:
            return self.elab(body, PROP)
        group = binders[0]
        with self.binders((group,)) as (fv,):
            inner = self._elab_exists(binders[1:], body, stx)
            lam = self.mk_lambda([fv], inner)
        alpha = self.instantiate(fv.type)
        level = self.ensure_type(alpha, stx)
        return mk_app(Const("Exists", [level]), [alpha, lam])

    def elab_Fun(self, stx: ast.Fun, expected: Expr | None) -> Expr:
        """Rule: `fun x => b` against `(x : A) → B` elaborates `b : B` with `x : A`."""
        return self._elab_fun(list(_flatten_fun_binders(stx.binders)), stx.body, expected, stx)

    def _elab_fun(self, binders: list, body: ast.Term, expected: Expr | None, stx: ast.Node) -> Expr:
        if not binders:
            return self.elab(body, expected)
        binder = binders[0]
        exp_pi = None
        if expected is not None:
            exp = self.whnf(expected)
            exp_pi = exp if isinstance(exp, Pi) else None
        if isinstance(binder, ast.Binder):
            name = binder.names[0] if binder.names else "inst✝"
            if binder.type is not None:
                dom = self.elab_type(binder.type)
                if exp_pi is not None and not self.unify(dom, exp_pi.type):
                    exp_pi = None
            else:
                dom = exp_pi.type if exp_pi is not None else self.new_type_mvar()
            info = _BINDER_KINDS[binder.kind]
            if exp_pi is not None and binder.kind == ast.EXPLICIT and exp_pi.binder_info != BinderInfo.DEFAULT:
                info = exp_pi.binder_info
            with self.local(name if name != "_" else "x✝", dom, info) as fv:
                body_expected = instantiate1(exp_pi.body, fv) if exp_pi is not None else None
                b = self._elab_fun(binders[1:], body, body_expected, stx)
                return self.mk_lambda([fv], b)
        # a pattern binder `fun ⟨a, b⟩ => body` is `fun x => match x with | ⟨a, b⟩ => body`
        dom = exp_pi.type if exp_pi is not None else self.new_type_mvar()
        with self.local("x✝", dom) as fv:
            body_expected = instantiate1(exp_pi.body, fv) if exp_pi is not None else None
            from .match_compiler import elab_match_on_locals

            if len(binders) > 1:
                rest = ast.Fun(stx.pos, stx.end_pos, tuple(binders[1:]), body)
                alt = ast.MatchAlt(binder.pos, binder.end_pos, (binder,), rest)
            else:
                alt = ast.MatchAlt(binder.pos, binder.end_pos, (binder,), body)
            b = elab_match_on_locals(self, [fv], [alt], body_expected, stx)
            return self.mk_lambda([fv], b)

    def elab_FunMatch(self, stx: ast.FunMatch, expected: Expr | None) -> Expr:
        from .match_compiler import elab_fun_match

        return elab_fun_match(self, stx, expected)

    def elab_Match(self, stx: ast.Match, expected: Expr | None) -> Expr:
        from .match_compiler import elab_match

        return elab_match(self, stx, expected)

    # -- structured terms ------------------------------------------------------------------

    def elab_TypeAscription(self, stx: ast.TypeAscription, expected: Expr | None) -> Expr:
        ty = self.elab_type(stx.type)
        return self.elab(stx.term, ty)

    def elab_Show(self, stx: ast.Show, expected: Expr | None) -> Expr:
        ty = self.elab_type(stx.type)
        if expected is not None and not self.unify(ty, expected):
            raise ElabError(f"type mismatch\n  {self.fmt(ty)}\nis not definitionally equal to\n  {self.fmt(expected)}", stx)
        if stx.value is None:
            raise ElabError("`show` needs `from` or `by`", stx)
        return self.elab(stx.value, ty)

    def elab_Have(self, stx: ast.Have, expected: Expr | None) -> Expr:
        """Rule: `have h : T := v; b` is `(fun h : T => b) v`."""
        if stx.pattern is not None:
            return self._elab_pattern_binding(stx, expected)
        value, ty = self._elab_local_value(stx.binders, stx.type, stx.value)
        with self.local(stx.name or "this", ty) as fv:
            body = self.elab(stx.body, expected)
            lam = self.mk_lambda([fv], body)
        return App(lam, value)

    def elab_Suffices(self, stx: ast.Suffices, expected: Expr | None) -> Expr:
        """Rule: `suffices h : T from e; b` (or `by tac`) is Lean's `have h : T := b; e`."""
        ty = self.elab_type(stx.type)
        proof = self.elab(stx.body, ty)
        with self.local(stx.name or "this", ty) as fv:
            body = self.elab(stx.value, expected)
            lam = self.mk_lambda([fv], body)
        return App(lam, proof)

    def elab_Let(self, stx: ast.Let, expected: Expr | None) -> Expr:
        if stx.pattern is not None and not stx.binders:
            return self._elab_pattern_binding(stx, expected)
        if stx.pattern is not None or stx.name is None:
            raise ElabError("pattern `let` is not supported by the embedded checker", stx)
        value, ty = self._elab_local_value(stx.binders, stx.type, stx.value)
        with self.local(stx.name, ty, value=value) as fv:
            body = self.instantiate(self.elab(stx.body, expected))
        return Let(stx.name, self.instantiate(ty), self.instantiate(value), abstract(body, [fv]))

    def _elab_pattern_binding(self, stx: "ast.Let | ast.Have", expected: Expr | None) -> Expr:
        """fid-list3: `let ⟨y, hm, hp⟩ := v; b` and `have ⟨…⟩ := v; b` are Lean's `match v with | ⟨y, hm, hp⟩ => b`
        (with `(v : T)` when a type is given)."""
        if stx.binders:
            raise ElabError("pattern `let` with binders is not supported by the embedded checker", stx)
        value = stx.value if stx.type is None else ast.TypeAscription(stx.value.pos, stx.value.end_pos, stx.value, stx.type)
        match = ast.Match(stx.pos, stx.end_pos, (ast.MatchDiscr(stx.value.pos, stx.value.end_pos, None, value),),
                          (ast.MatchAlt(stx.pos, stx.end_pos, (stx.pattern,), stx.body),))
        return self.elab(match, expected)

    def _elab_local_value(self, binders: Sequence[ast.Binder], type_stx: ast.Term | None,
                          value_stx: ast.Term) -> tuple[Expr, Expr]:
        with self.binders(binders) as fvars:
            ty = self.elab_type(type_stx) if type_stx is not None else None
            value = self.elab(value_stx, ty)
            if ty is None:
                ty = self.infer(value)
            return self.mk_lambda(fvars, value), self.mk_pi(fvars, ty)

    def elab_AnonymousCtor(self, stx: ast.AnonymousCtor, expected: Expr | None) -> Expr:
        """Rule: `⟨a, b, c⟩` applies the only constructor of the expected type; extra components nest right."""
        if expected is None:
            raise ElabError("invalid constructor ⟨...⟩, expected type must be known", stx)
        exp = self.whnf(expected)
        if isinstance(exp, Pi) and exp.binder_info in (BinderInfo.IMPLICIT, BinderInfo.INST_IMPLICIT):
            # Lean's implicit lambda: against `∀ {l}, A ↔ B` the term is elaborated under `fun {l} =>`
            with self.local(exp.name, exp.type, exp.binder_info) as fv:
                body = self.elab(stx, instantiate1(exp.body, fv))
                return self.mk_lambda([fv], body)
        head = get_app_fn(exp)
        info = self.env.find(head.name) if isinstance(head, Const) else None
        if not isinstance(info, InductiveInfo):
            raise ElabError(f"invalid constructor ⟨...⟩, expected type must be an inductive type \n  {self.fmt(exp)}", stx)
        if len(info.ctors) != 1:
            raise ElabError(f"invalid constructor ⟨...⟩, expected type must be an inductive type with only one constructor \n  {self.fmt(exp)}", stx)
        ctor = self.env.find(info.ctors[0])
        assert isinstance(ctor, ConstructorInfo)
        n_explicit = _count_explicit_fields(ctor)
        args = list(stx.args)
        if len(args) > n_explicit and n_explicit > 0:
            tail = args[n_explicit - 1:]
            nested = ast.AnonymousCtor(tail[0].pos, stx.end_pos, tuple(tail))
            args = args[: n_explicit - 1] + [nested]
        elif len(args) < n_explicit:
            raise ElabError(
                f"invalid constructor ⟨...⟩, insufficient number of arguments, constructs '{ctor.name}' has #{n_explicit} explicit fields, but only #{len(args)} provided",
                stx)
        fn_stx = ast.Ident(stx.pos, stx.pos, ctor.name, None)
        return self.elab_application(fn_stx, tuple(args), exp, explicit=False, resolved=self.mk_const(ctor.name, stx))

    def elab_StructInst(self, stx: ast.StructInst, expected: Expr | None) -> Expr:
        """Rule: `{ x := a, y := b }` (and an `instance … where` body) is the structure's constructor applied
        to its fields by name; `{ s with x := a }` takes each field not given from `s` (Lean's `s.y`)."""
        if expected is None and stx.base is not None:  # Lean: the structure is the source's type
            expected = self.infer(self.elab(stx.base, None))
        if expected is None:
            raise ElabError("invalid {...} notation, expected type is not known", stx)
        exp = self.whnf(expected)
        head = get_app_fn(exp)
        struct = self.env.structures.get(head.name) if isinstance(head, Const) else None
        if struct is None:
            raise ElabError(f"invalid {{...}} notation, structure type expected\n  {self.fmt(exp)}", stx)
        given = {f.name: f for f in stx.fields}
        for f in stx.fields:
            if f.name not in struct.fields:
                raise ElabError(f"'{f.name}' is not a field of structure '{struct.name}'", f)
            if sum(g.name == f.name for g in stx.fields) > 1:
                raise ElabError(f"field '{f.name}' has already been specified", f)
        args: list[ast.Term] = []
        missing: list[str] = []
        for name in struct.fields:
            if name in given:
                args.append(ast.NamedArg(given[name].pos, given[name].end_pos, name, given[name].value))
            elif stx.base is not None:
                proj = ast.Proj(stx.base.pos, stx.base.end_pos, stx.base, name)
                args.append(ast.NamedArg(stx.pos, stx.pos, name, proj))
            else:
                missing.append(name)
        if missing:
            raise ElabError("fields missing: " + ", ".join(f"'{m}'" for m in missing), stx)
        fn_stx = ast.Ident(stx.pos, stx.pos, struct.ctor, None)
        return self.elab_application(fn_stx, tuple(args), exp, explicit=False, resolved=self.mk_const(struct.ctor, stx))

    def elab_Tuple(self, stx: ast.Tuple, expected: Expr | None) -> Expr:
        """Rule: `(a, b, c)` is `Prod.mk a (Prod.mk b c)` (Lean's macro: tuples nest to the right)."""
        if not stx.elems:
            raise ElabError("`()` (Unit.unit) is not supported by the embedded checker", stx)
        return self.elab(tuple_to_prod_mk(stx), expected)

    def elab_ListLit(self, stx: ast.ListLit, expected: Expr | None) -> Expr:
        """Rule: `[a, b]` is `a :: b :: []` (Lean's macro)."""
        term: ast.Term = ast.Ident(stx.end_pos, stx.end_pos, "List.nil", None)
        nil_const = True
        for elem in reversed(stx.elems):
            term = ast.BinOp(elem.pos, stx.end_pos, "::", elem, term)
            nil_const = False
        if nil_const:
            return self.elab_application(term, (), expected, explicit=False, resolved=self.mk_const("List.nil", stx))
        return self.elab(term, expected)

    def elab_DotIdent(self, stx: ast.DotIdent, expected: Expr | None) -> Expr:
        return self._elab_dot_ident(stx, (), expected)

    def _elab_dot_ident(self, stx: ast.DotIdent, args: tuple, expected: Expr | None) -> Expr:
        if expected is None:
            raise ElabError(f"invalid dotted identifier notation, expected type must be known", stx)
        exp = self.whnf(expected)
        target = exp
        while isinstance(target, Pi):  # Lean's resolveDotName: the head of the telescope's conclusion
            target = self.whnf(instantiate1(target.body, FVar(target.name, target.type)))
        head = get_app_fn(target)
        if not isinstance(head, Const):
            raise ElabError(f"invalid dotted identifier notation, expected type is not of the form (... → C ...) where C is a constant\n  {self.fmt(exp)}", stx)
        full = f"{head.name}.{stx.name}"
        if full not in self.env:
            raise ElabError(f"invalid dotted identifier notation, unknown identifier `{full}` from expected type\n  {self.fmt(exp)}", stx)
        return self.elab_application(stx, args, expected, explicit=False, resolved=self.mk_const(full, stx))

    def elab_Proj(self, stx: ast.Proj, expected: Expr | None) -> Expr:
        return self.elab_application(stx, (), expected, explicit=False)

    def elab_UnOp(self, stx: ast.UnOp, expected: Expr | None) -> Expr:
        if stx.op == "¬":
            return self.elab_const_app("Not", (stx.arg,), expected, stx)
        if stx.op == "!":  # Lean's `!b` is `not b` (Bool)
            return self.elab_const_app("Bool.not", (stx.arg,), expected, stx)
        raise ElabError(f"unsupported prefix operator '{stx.op}' in the embedded checker", stx)

    def elab_BinOp(self, stx: ast.BinOp, expected: Expr | None) -> Expr:
        op = stx.op
        if op == "▸":
            return self.elab_subst(stx, expected)
        if op in ("<|", "$"):
            return self.elab(ast.App(stx.pos, stx.end_pos, stx.lhs, (stx.rhs,)), expected)
        if op == "|>":
            return self.elab(ast.App(stx.pos, stx.end_pos, stx.rhs, (stx.lhs,)), expected)
        if op == "∈":  # `a ∈ l` is `Membership.mem l a` (collection first)
            return self.elab_const_app("Membership.mem", (stx.rhs, stx.lhs), expected, stx)
        if op == "∉":
            mem = ast.BinOp(stx.pos, stx.end_pos, "∈", stx.lhs, stx.rhs)
            return self.elab_const_app("Not", (mem,), expected, stx)
        const = _BINOP_CONSTS.get(op)
        if const is None:
            raise ElabError(f"unsupported operator '{op}' in the embedded checker", stx)
        return self.elab_const_app(const, (stx.lhs, stx.rhs), expected, stx)

    def elab_If(self, stx: ast.If, expected: Expr | None) -> Expr:
        """`if c then t else e` is Lean's `ite c t e`; `if h : c then t else e` is
        `dite c (fun h => t) (fun h => e)` (the instance `Decidable c` is resolved as any other)."""
        if stx.hyp is None:
            return self.elab_const_app("ite", (stx.cond, stx.then, stx.else_), expected, stx)
        def branch(body: ast.Term) -> ast.Term:
            binder = ast.Binder(stx.pos, stx.pos, ast.EXPLICIT, (stx.hyp,), None, None)
            return ast.Fun(body.pos, body.end_pos, (binder,), body)
        return self.elab_const_app("dite", (stx.cond, branch(stx.then), branch(stx.else_)), expected, stx)

    def elab_const_app(self, name: str, args: tuple, expected: Expr | None, stx: ast.Node) -> Expr:
        """Apply the global `name` (not subject to user shadowing, like Lean's notation) to `args`."""
        if name not in self.env:
            raise ElabError(f"unknown constant '{name}' (not in the embedded checker's library)", stx)
        fn_stx = ast.Ident(stx.pos, stx.pos, name, None)
        return self.elab_application(fn_stx, args, expected, explicit=False, resolved=self.mk_const(name, stx))

    def elab_subst(self, stx: ast.BinOp, expected: Expr | None) -> Expr:
        """Rule (`h ▸ e`): with `h : a = b`, rewrite the expected type (or `e`'s type) along `h`,
        using `Eq.ndrec` (and `Eq.symm` for the other direction)."""
        h = self.elab(stx.lhs, None)
        h_type = self.whnf(self.infer(h))
        fn, args = get_app_fn_args(h_type)
        if not (isinstance(fn, Const) and fn.name == "Eq" and len(args) == 3):
            raise ElabError(f"invalid `▸` notation, argument\n  {self.fmt(h)}\nhas type\n  {self.fmt(h_type)}\nequality expected", stx.lhs)
        alpha, a, b = (self.instantiate(x) for x in args)
        level = fn.levels[0]
        if expected is not None:
            target = head_beta(self.instantiate(expected))  # an equation's `motive pattern` is a redex
            for lhs, rhs, proof in ((a, b, h), (b, a, mk_app(Const("Eq.symm", [level]), [alpha, a, b, h]))):
                motive_body = self._kabstract(target, rhs)
                if motive_body is not None:
                    motive = Lam("x", alpha, motive_body)
                    motive_level = self.ensure_type(target, stx)
                    e = self._elab_subst_arg(stx, instantiate1(motive_body, lhs), alpha, lhs, rhs, proof, level)
                    return mk_app(Const("Eq.ndrec", [motive_level, level]), [alpha, lhs, motive, e, rhs, proof])
        e = self.elab(stx.rhs, None)
        e_type = head_beta(self.instantiate(self.infer(e)))
        motive_body = self._kabstract(e_type, a)
        if motive_body is None:
            raise ElabError(f"invalid `▸` notation, the equality\n  {self.fmt(h)}\nhas type\n  {self.fmt(h_type)}\nbut its left hand side is not mentioned in the type\n  {self.fmt(e_type)}", stx)
        motive_level = self.ensure_type(e_type, stx)
        return mk_app(Const("Eq.ndrec", [motive_level, level]), [alpha, a, Lam("x", alpha, motive_body), e, b, h])

    def _elab_subst_arg(self, stx: ast.BinOp, h_expected: Expr, alpha: Expr, lhs: Expr, rhs: Expr,
                        proof: Expr, level: Level) -> Expr:
        """`e` of `h ▸ e` against the rewritten expected type; failing that, as Lean's `elabSubst`,
        `e`'s own type rewritten along the equation (`rhs` to `lhs`) when that gives the expected one."""
        snap = self.mctx.snapshot()
        try:
            return self.elab(stx.rhs, h_expected)
        except ElabError as err:
            self.mctx.restore(snap)
            e = self.elab(stx.rhs, None)
            e_type = head_beta(self.instantiate(self.infer(e)))
            body = self._kabstract(e_type, rhs)
            if body is None or not self.unify(instantiate1(body, lhs), h_expected):
                raise err from None
            back = mk_app(Const("Eq.symm", [level]), [alpha, lhs, rhs, proof])
            motive_level = self.ensure_type(e_type, stx)
            return mk_app(Const("Eq.ndrec", [motive_level, level]), [alpha, rhs, Lam("x", alpha, body), e, lhs, back])

    def _kabstract(self, e: Expr, sub: Expr) -> Expr | None:
        """Lean's `kabstract`: `e` with every subterm that has `sub`'s head and arity and is definitionally
        equal to it replaced by loose bound variable 0; None when there is none. (Only the motive is
        built here: the kernel re-checks the `Eq.ndrec` term it goes into.)"""
        from .expr import BVar, lift_loose_bvars, replace

        sub = self.instantiate(sub)
        key_fn, key_args = get_app_fn_args(sub)
        found = False

        def fn(x: Expr, depth: int) -> Expr | None:
            nonlocal found
            if x.lbr != 0:
                return None
            if x == sub:
                found = True
                return BVar(depth)
            x_fn, x_args = get_app_fn_args(x)
            if len(x_args) != len(key_args) or not _same_key(x_fn, key_fn) or not key_args:
                return None
            if self.unify(x, sub):
                found = True
                return BVar(depth)
            return None

        out = replace(lift_loose_bvars(self.instantiate(e), 1), fn)
        return out if found else None

    def elab_Calc(self, stx: ast.Calc, expected: Expr | None) -> Expr:
        """Rule (Lean's `elabCalcSteps`): each step `_ R c := p` continues from the previous right-hand
        side; two steps `a R b := p`, `b S c := q` combine as `Trans.trans p q : T a c` with the `Trans R S T`
        instance (`Eq.trans` for two equations). A first step `calc a` alone is `a = a := rfl`."""
        return self.elab_calc_steps(stx)[0]

    def elab_calc_steps(self, stx: ast.Calc) -> tuple[Expr, Expr]:
        """The proof a `calc` chain builds and its relation `a R c`."""
        proof: Expr | None = None
        proof_type: Expr | None = None
        prev_rhs: Expr | None = None
        for i, step in enumerate(stx.steps):
            if step.proof is None:
                if i != 0:
                    raise ElabError("calc step needs a proof", step)
                a = self.elab(step.term, None)  # Lean's `calc a` first step: `a = _ := rfl`
                alpha = self.infer(a)
                level = self.ensure_type(alpha, step)
                proof = mk_app(Const("Eq.refl", [level]), [alpha, a])
                proof_type = mk_app(Const("Eq", [level]), [alpha, a, a])
                prev_rhs = a
                continue
            rel = step.term
            filled = prev_rhs is not None and isinstance(rel, ast.BinOp) and isinstance(rel.lhs, ast.Hole)
            if filled:  # Lean annotates the hole with the previous right-hand side's type; it is that term
                self.calc_holes[id(rel.lhs)] = prev_rhs
            try:
                step_type = self.instantiate(self.elab(rel, None))
            finally:
                self.calc_holes.pop(id(rel.lhs) if isinstance(rel, ast.BinOp) else -1, None)
            self.ensure_type(step_type, rel)
            parts = self._calc_relation(step_type)
            if parts is None:
                raise ElabError(f"invalid 'calc' step, relation expected\n  {self.fmt(step_type)}", rel)
            if prev_rhs is not None and not self.unify(parts[1], prev_rhs):
                raise ElabError(f"invalid 'calc' step, left-hand side is\n  {self.fmt(parts[1])}\n"
                                f"but previous right-hand side is\n  {self.fmt(prev_rhs)}", rel)
            step_proof = self.elab(step.proof, step_type)
            step_type = self.instantiate(step_type)
            if proof is None:
                proof, proof_type = step_proof, step_type
            else:
                proof, proof_type = self.calc_trans(proof, proof_type, step_proof, step_type, rel)
            prev_rhs = self._calc_relation(proof_type)[2]
        assert proof is not None and proof_type is not None
        return proof, proof_type

    def _calc_relation(self, ty: Expr) -> tuple[Expr, Expr, Expr] | None:
        """Lean's `getCalcRelation?`: `R a b` as (R, a, b) for an application with two or more arguments."""
        fn, args = get_app_fn_args(head_beta(self.instantiate(ty)))
        if len(args) < 2 or isinstance(fn, (Pi, Sort)):
            return None
        return mk_app(fn, args[:-2]), args[-2], args[-1]

    def calc_trans(self, p: Expr, p_type: Expr, q: Expr, q_type: Expr, stx: ast.Node) -> tuple[Expr, Expr]:
        """Lean's `mkCalcTrans`: `p : r a b` and `q : s b c` as a proof of `t a c` through `Trans r s t`."""
        r, a, b = self._calc_relation(p_type)
        s, _, c = self._calc_relation(q_type)
        eq_r, eq_s = get_app_fn_args(p_type), get_app_fn_args(q_type)
        # two equations: Lean's instance search finds `instTransEq` (the first Eq instance) for `Trans Eq Eq ?t`
        both_eq = _is_const(eq_r[0], "Eq") and _is_const(eq_s[0], "Eq")
        trans = self.mk_const("Trans.trans", stx)
        ty = self.infer(trans)
        given = {0: self.infer(a), 1: self.infer(b), 2: self.infer(c), 3: r, 4: s, 7: a, 8: b, 9: c, 10: p, 11: q}
        term: Expr = trans
        for i in range(12):
            ty = ty if isinstance(ty, Pi) else self.whnf(ty)
            assert isinstance(ty, Pi)
            if i in given:
                arg = given[i]
                if not self.unify(self.infer(arg), ty.type):
                    raise ElabError(f"invalid 'calc' step, failed to synthesize `Trans` instance\n  "
                                    f"Trans {self.fmt(r)} {self.fmt(s)} ?t", stx)
            elif i == 6:
                arg = None
                if both_eq:
                    from .instances import _try_instance

                    arg = _try_instance(self, "instTransEq", self.instantiate(ty.type), 0)
                if arg is None:
                    arg = self.synthesize_instance_or_none(ty.type)
                if arg is None:
                    raise ElabError(f"invalid 'calc' step, failed to synthesize `Trans` instance\n  "
                                    f"{self.fmt(ty.type)}", stx)
            else:
                arg = self.new_mvar(ty.type)
            term = App(term, arg)
            ty = instantiate1(ty.body, arg)
        result_type = head_beta(self.instantiate(ty))
        if self._calc_relation(result_type) is None:
            raise ElabError(f"invalid 'calc' step, step result is not a relation\n  {self.fmt(result_type)}", stx)
        return self.instantiate(term), result_type

    def synthesize_instance_or_none(self, goal: Expr) -> Expr | None:
        from .instances import synthesize

        return synthesize(self, goal)

    # -- applications -------------------------------------------------------------------------

    def elab_head(self, fn_stx: ast.Term) -> tuple[Expr, list]:
        """The function of an application and any field projections still to apply to it."""
        if isinstance(fn_stx, ast.Ident):
            return self.resolve_ident(fn_stx)
        if isinstance(fn_stx, ast.Explicit):
            head, fields = self.resolve_ident(fn_stx.ident)
            return head, fields
        if isinstance(fn_stx, ast.Proj):
            head, fields = self.elab_head(fn_stx.term)
            if fields:
                head = self.apply_fields(head, fields, fn_stx.term)
            return head, [fn_stx.field]
        return self.elab(fn_stx, None), []

    def apply_fields(self, e: Expr, fields: list, stx: ast.Node) -> Expr:
        for f in fields:
            e = self.elab_field(e, f, (), None, stx)
        return e

    def elab_application(self, fn_stx: ast.Term, args: tuple, expected: Expr | None, *, explicit: bool,
                         resolved: Expr | None = None) -> Expr:
        if isinstance(fn_stx, ast.DotIdent) and resolved is None:
            return self._elab_dot_ident(fn_stx, args, expected)
        if resolved is not None:
            head, fields = resolved, []
        else:
            head, fields = self.elab_head(fn_stx)
        if fields:
            head = self.apply_fields(head, fields[:-1], fn_stx)
            return self.elab_field(head, fields[-1], args, expected, fn_stx)
        return self.elab_app_args(head, args, expected, explicit, fn_stx)

    def elab_field(self, e: Expr, field_: str | int, args: tuple, expected: Expr | None, stx: ast.Node) -> Expr:
        """Generalized field notation: `e.f args` is `T.f … e … args` where `e : T …` (first explicit
        argument of type `T …`); `e.i` is the i-th field of a structure."""
        e_type = self.instantiate(self.infer(e))
        while isinstance(e_type, Pi) and e_type.binder_info in (BinderInfo.IMPLICIT, BinderInfo.STRICT_IMPLICIT,
                                                                  BinderInfo.INST_IMPLICIT):
            # `Iff.comm.trans`: the implicit arguments of `e` are filled first, as Lean's field notation does
            arg = self.new_mvar(e_type.type, "synthetic" if e_type.binder_info == BinderInfo.INST_IMPLICIT else "natural")
            if e_type.binder_info == BinderInfo.INST_IMPLICIT:
                self.pending_instances.append((arg, stx))
            e = App(e, arg)
            e_type = self.instantiate(instantiate1(e_type.body, arg))
        candidates = [e_type, self.whnf_core_instantiated(e_type), self.whnf(e_type)]
        for ty in candidates:
            head = get_app_fn(ty)
            if not isinstance(head, Const):
                continue
            struct = self.env.structures.get(head.name)
            if isinstance(field_, int):
                if struct is None:
                    proj = self._structure_like_proj(e, e_type, head.name, field_, stx)
                    if proj is None:
                        continue
                    return self.elab_app_args(proj, args, expected, False, stx)
                if not 1 <= field_ <= len(struct.fields):
                    raise ElabError(f"invalid projection, structure has only {len(struct.fields)} field(s)\n  {self.fmt(e)}\nhas type\n  {self.fmt(e_type)}", stx)
                name = f"{head.name}.{struct.fields[field_ - 1]}"
            else:
                name = f"{head.name}.{field_}"
                rec_fv = self.recursive_in_scope()
                if rec_fv is not None and self.recursive.name == name:
                    return self.elab_app_args(rec_fv, args, expected, False, stx, self_arg=(e, head.name))
                if name not in self.env:
                    continue
            fn = self.mk_const(name, stx)
            return self.elab_app_args(fn, args, expected, False, stx, self_arg=(e, head.name))
        if isinstance(field_, int):
            raise ElabError(f"invalid projection, structure expected\n  {self.fmt(e)}\nhas type\n  {self.fmt(e_type)}", stx)
        head = get_app_fn(candidates[-1])
        where = head.name if isinstance(head, Const) else self.fmt(e_type)
        if isinstance(head, MVar):  # Lean postpones it (`tryPostponeIfMVar`); an application retries it last
            raise FieldOfUnknownType(f"invalid field '{field_}', the environment does not contain '{where}.{field_}'\n  {self.fmt(e)}\nhas type\n  {self.fmt(e_type)}", stx)
        raise ElabError(f"invalid field '{field_}', the environment does not contain '{where}.{field_}'\n  {self.fmt(e)}\nhas type\n  {self.fmt(e_type)}", stx)

    def _structure_like_proj(self, e: Expr, e_type: Expr, type_name: str, idx: int, stx: ast.Node) -> Expr | None:
        """`e.i` on a one-constructor inductive without indices that is not a `structure` (Lean's
        `isStructureLike`): the kernel projection `Proj`, or None when the type is not structure-like."""
        info = self.env.find(type_name)
        if not isinstance(info, InductiveInfo) or not info.is_structure_like:
            return None
        ctor = self.env.find(info.ctors[0])
        num_fields = getattr(ctor, "num_fields", 0)
        if not 1 <= idx <= num_fields:
            raise ElabError(f"invalid projection, structure has only {num_fields} field(s)\n  {self.fmt(e)}\nhas type\n  {self.fmt(e_type)}", stx)
        return Proj(type_name, idx - 1, e)

    def elab_app_args(self, fn: Expr, args: tuple, expected: Expr | None, explicit: bool, stx: ast.Node,
                      self_arg: tuple[Expr, str] | None = None) -> Expr:
        """Apply `fn` to the argument syntax (Lean's `elabAppArgs`): first lay out one hole per argument
        consumed (implicit ones stay holes, instance ones are synthesized), then propagate the expected
        type to the result, then elaborate the explicit arguments, those that need their expected type last."""
        ellipsis = bool(args) and isinstance(args[-1], ast.Ellipsis)
        if ellipsis:
            args = args[:-1]
        positional = [a for a in args if not isinstance(a, ast.NamedArg)]
        named = {a.name: a for a in args if isinstance(a, ast.NamedArg)}
        fn_type = self.instantiate(self.infer(fn))
        plan: list[tuple[str, MVar, object]] = []  # (kind, hole, syntax or self term)
        instances: list[MVar] = []
        e = fn
        while True:
            if not isinstance(fn_type, Pi):
                whnf_type = self.whnf(fn_type)
                if not isinstance(whnf_type, Pi) and (positional or named) and self._elab_laid_out(plan):
                    # the type computes only once earlier arguments are known (`Nat.noConfusion h id`):
                    # elaborate them now, as Lean's elabAppArgs does argument by argument
                    fn_type = self.instantiate(fn_type)
                    whnf_type = self.whnf(fn_type)
                if isinstance(whnf_type, Pi):
                    fn_type = whnf_type
            if not isinstance(fn_type, Pi):
                if positional or named or self_arg is not None:
                    if self_arg is not None:
                        raise ElabError(f"invalid field notation, function '{self.fmt(fn)}' does not have argument with type ({self_arg[1]} ...) that can be used, it must be explicit or implicit with a unique name", stx)
                    if named:
                        raise ElabError(f"invalid argument name '{next(iter(named))}' for function '{self.fmt(fn)}'", stx)
                    raise ElabError(f"function expected\n  {self.fmt(e)}\nterm has type\n  {self.fmt(fn_type)}", positional[0])
                break
            binder_name, dom, info = fn_type.name, fn_type.type, fn_type.binder_info
            if binder_name in named:
                kind, payload = "named", named.pop(binder_name).value
            elif self_arg is not None and (info == BinderInfo.DEFAULT or binder_name == "self") and _type_head_is(self, dom, self_arg[1]):
                # a projection takes its structure as the named argument `self`, also a class's `[self : C α]`
                # (`h.allEq` for `h : Subsingleton α`), as Lean's `addProjArgs`
                kind, payload = "self", self_arg[0]
                self_arg = None
            elif explicit and info == BinderInfo.INST_IMPLICIT and positional and isinstance(positional[0], ast.Hole):
                positional.pop(0)  # `@f _`: an instance argument given as `_` is still resolved, as in Lean
                kind, payload = "instance", None
            elif info == BinderInfo.DEFAULT or explicit:
                if positional:
                    kind, payload = "explicit", positional.pop(0)
                elif (named or self_arg is not None) and not explicit:
                    kind, payload = "hole", None  # an explicit argument skipped to reach a named or field argument
                elif ellipsis:
                    kind, payload = "hole", None  # `..`: every remaining explicit argument is `_`
                else:
                    break
            elif info == BinderInfo.INST_IMPLICIT:
                kind, payload = "instance", None
            else:  # implicit / strict implicit
                if info == BinderInfo.STRICT_IMPLICIT and not positional and self_arg is None:
                    break
                kind, payload = "hole", None
            arg = self.new_mvar(dom, "synthetic" if kind == "instance" else "natural")
            if kind == "instance":
                instances.append(arg)
            plan.append((kind, arg, payload))
            e = App(e, arg)
            fn_type = instantiate1(fn_type.body, arg)
        for i, (kind, hole, payload) in enumerate(plan):
            # fid-list3: the field-notation receiver is an argument already elaborated (Lean's `addLValArg`), so it
            # fixes the types before the expected type is propagated: `l.head?.getD a : α` against `Option α`
            if kind == "self" and self.unify(hole, payload):
                plan[i] = ("done", hole, None)
        result = self.instantiate(fn_type)
        if expected is not None and not (isinstance(result, App) and isinstance(get_app_fn(result), MVar)):
            self.unify(fn_type, expected)  # first-order propagation of the expected type (Lean's propagateExpectedType)
        elif expected is not None and _is_eliminator(fn, self.env.elab_as_elim) and isinstance(result, App):
            self._motive_from_expected(plan, fn_type, expected)
        postponed: list[_Postponed] = []
        deferred: list[tuple[Expr, Expr, ast.Term]] = []  # (argument, expected type, syntax): checked at the end
        # the field-notation receiver is already elaborated: its type fixes the others' (`L.foldl (fun b l => l.foldl f b) b`)
        plan.sort(key=lambda item: item[0] != "self")
        for kind, hole, payload in plan:
            dom = self.instantiate(self.mctx.decls[hole.uid].type)
            if kind == "named":  # `(motive := …)` is elaborated first-hand, as in Lean
                self._assign_arg(hole, self.elab(payload, dom), payload)
            elif kind == "explicit":
                if self._should_postpone(payload, dom):
                    postponed.append(_Postponed(payload, hole))
                else:
                    snap, n_pending, n_deferred = self.mctx.snapshot(), len(self.pending_instances), len(deferred)
                    try:
                        self._assign_arg(hole, self._elab_arg(payload, dom, deferred), payload)
                    except FieldOfUnknownType:
                        self.mctx.restore(snap)
                        del self.pending_instances[n_pending:], deferred[n_deferred:]
                        postponed.append(_Postponed(payload, hole))
            elif kind == "self":
                arg_type = self.infer(payload)
                if not self.unify(hole, payload):
                    raise ElabError(f"application type mismatch\n  {self.fmt(fn)} {self.fmt(payload)}\nargument\n  {self.fmt(payload)}\nhas type\n  {self.fmt(arg_type)} : {self.fmt(self.infer(arg_type))}\nbut is expected to have type\n  {self.fmt(dom)} : {self.fmt(self.infer(dom))}", stx)
            elif kind == "instance" and self._instance_ready(hole):
                self._try_synthesize(hole, stx)
        for mvar in instances:  # now as a default instance would, even if an input type is still unknown
            if mvar.uid not in self.mctx.assignment:
                self._try_synthesize_early(mvar, stx)
        for item in postponed:
            dom = self.instantiate(self.mctx.decls[item.mvar.uid].type)
            self._assign_arg(item.mvar, self.elab(item.stx, dom), item.stx)
        for arg, dom, arg_stx in deferred:
            self.ensure_has_type(dom, arg, arg_stx)
        for mvar in instances:
            if mvar.uid not in self.mctx.assignment:
                self.pending_instances.append((mvar, stx))
        return self.instantiate(e)

    def _motive_from_expected(self, plan: list, fn_type: Expr, expected: Expr) -> None:
        """Lean's `elabAsElim` for a recursor without `(motive := …)` (`h.rec m` for `h : HEq a b`): the
        targets (indices and major premise) are elaborated first; when they are distinct local variables
        the result `?motive idx h =?= expected` is a pattern that abstracts them from the expected type
        (fid-logic)."""
        motive, targets = get_app_fn_args(self.instantiate(fn_type))
        if not isinstance(motive, MVar) or any(k == "named" and h.uid == motive.uid for k, h, _ in plan):
            return  # `(motive := …)` given
        target_uids = {a.uid for a in targets if isinstance(a, MVar)}
        for i, (kind, hole, payload) in enumerate(plan):
            if hole.uid not in target_uids:
                continue
            if kind == "self" and self.unify(hole, payload):
                plan[i] = ("done", hole, None)
            elif kind == "explicit":
                dom = self.instantiate(self.mctx.decls[hole.uid].type)
                self._assign_arg(hole, self.elab(payload, dom), payload)
                plan[i] = ("done", hole, None)
        head, args = get_app_fn_args(self.instantiate(fn_type))
        if isinstance(head, MVar) and all(isinstance(a, FVar) for a in args) and len({a.uid for a in args}) == len(args):
            self.unify(self.instantiate(fn_type), expected)
        elif isinstance(head, MVar) and args and not any(_has_expr_mvar(a) for a in args):
            self._motive_by_kabstract(head, args, expected)

    def _motive_by_kabstract(self, motive: MVar, targets: list[Expr], expected: Expr) -> None:
        """Lean's `elabAsElim` motive when a target is no variable (`(inst (f x) (f y)).casesOn …`): the
        expected type with each target's occurrences abstracted (`kabstract`), the last target first
        (fid-core3). Only a proposal: the application is checked against its expected type as usual."""
        t = self.instantiate(self.mctx.decls[motive.uid].type)
        fvars: list[FVar] = []
        for _ in targets:
            t = self.whnf(t)
            if not isinstance(t, Pi):
                return
            fv = FVar(t.name, t.type, None, t.binder_info)
            fvars.append(fv)
            t = instantiate1(t.body, fv)
        body = self.instantiate(expected)
        for target, fv in reversed(list(zip(targets, fvars))):
            abstracted = self._kabstract(body, target)
            if abstracted is not None:
                body = instantiate1(abstracted, fv)
        self.unify(motive, self.mk_lambda(fvars, body))

    def _elab_laid_out(self, plan: list) -> bool:
        """Elaborate the explicit and named arguments laid out so far (marking them done); True if any."""
        any_done = False
        for i, (kind, hole, payload) in enumerate(plan):
            if kind == "self" and self.unify(hole, payload):  # `h.mpr hb ha`: `h` fixes the type first
                plan[i] = ("done", hole, None)
                any_done = True
            elif kind in ("explicit", "named"):
                dom = self.instantiate(self.mctx.decls[hole.uid].type)
                self._assign_arg(hole, self.elab(payload, dom), payload)
                plan[i] = ("done", hole, None)
                any_done = True
        return any_done

    def _assign_arg(self, hole: MVar, value: Expr, stx: ast.Node) -> None:
        """Fill an argument hole with its elaborated value (types were checked when elaborating it)."""
        if hole.uid not in self.mctx.assignment:
            self.mctx.assignment[hole.uid] = value
        elif not self.unify(hole, value):
            expected = self.instantiate(hole)
            raise ElabError(f"type mismatch\n  {self.fmt(value)}\nis not definitionally equal to the argument determined by the expected type\n  {self.fmt(expected)}", stx)

    def _should_postpone(self, stx: ast.Term, dom: Expr) -> bool:
        """Whether an argument needs more of its expected type than is known yet."""
        if not self.needs_expected_type(stx) or isinstance(stx, (ast.Hole, ast.SyntheticHole)):
            return False
        if isinstance(stx, (ast.Fun, ast.AnonymousCtor, ast.DotIdent, ast.FunMatch)):
            w = self.whnf_core_instantiated(dom)
            if isinstance(stx, ast.Fun):
                if not isinstance(w, Pi) or isinstance(get_app_fn(self.instantiate(w.type)), MVar):
                    return True
                return self._fun_body_waits(stx, w)
            return isinstance(get_app_fn(w), MVar)
        return _has_expr_mvar(self.instantiate(dom))

    def _fun_body_waits(self, stx: ast.Fun, dom: Expr) -> bool:
        """`fun h => ⟨x, h⟩` against `¬?a → ?b`: its body needs the codomain, still a hole (Lean postpones
        the anonymous constructor until it is known)."""
        if not isinstance(stx.body, (ast.AnonymousCtor, ast.DotIdent)):
            return False
        t: Expr = dom
        for b in stx.binders:
            for _ in (b.names if isinstance(b, ast.Binder) else (None,)):
                t = self.whnf_core_instantiated(t)
                if not isinstance(t, Pi):
                    return False
                t = instantiate1(t.body, FVar(t.name, t.type))
        return isinstance(get_app_fn(self.whnf_core_instantiated(t)), MVar)

    def _elab_arg(self, arg_stx: ast.Term, dom: Expr, deferred: list[tuple[Expr, Expr, ast.Term]]) -> Expr:
        """Elaborate one explicit argument; while `dom` has unknowns, a failing type check is retried at the end."""
        if not _has_expr_mvar(dom):
            return self.elab(arg_stx, dom)
        snap = self.mctx.snapshot()
        try:
            return self.elab(arg_stx, dom)
        except ElabError:
            self.mctx.restore(snap)
        arg = self.elab(arg_stx, None)
        deferred.append((arg, dom, arg_stx))
        return arg

    # -- instances ----------------------------------------------------------------------------

    def _instance_ready(self, mvar: MVar) -> bool:
        """Lean waits with an instance problem while an argument other than an `outParam` is unknown
        (`BEq ?α` before the arguments of `a == b` fixed `?α`): resolving it before them could pick an
        unrelated instance."""
        goal = self.instantiate(self.mctx.decls[mvar.uid].type)
        if not goal.has_mvar:
            return True
        fn, args = get_app_fn_args(goal)
        info = self.env.find(fn.name) if isinstance(fn, Const) else None
        if info is None:
            return True
        ty = info.type
        for arg in args:
            if not isinstance(ty, Pi):
                break
            dom_head = get_app_fn(ty.type)
            is_out = isinstance(dom_head, Const) and dom_head.name == "outParam"
            if not is_out and isinstance(get_app_fn(arg), MVar):
                return False
            ty = ty.body
        return True

    def _input_holes(self, goal: Expr) -> list[MVar]:
        """The holes in the arguments of an instance problem other than its `outParam`s."""
        fn, args = get_app_fn_args(goal)
        info = self.env.find(fn.name) if isinstance(fn, Const) else None
        ty = info.type if info is not None else None
        out: list[MVar] = []
        for arg in args:
            is_out = False
            if isinstance(ty, Pi):
                dom_head = get_app_fn(ty.type)
                is_out = isinstance(dom_head, Const) and dom_head.name == "outParam"
                ty = ty.body
            if not is_out:
                out.extend(self.mctx.unassigned_mvars(arg))
        return out

    def _try_synthesize(self, mvar: MVar, stx: ast.Node) -> bool:
        goal = self.instantiate(self.mctx.decls[mvar.uid].type)
        from .instances import synthesize

        inst = synthesize(self, goal)
        if inst is None:
            return False
        return self.unify(mvar, inst)

    def _try_synthesize_early(self, mvar: MVar, stx: ast.Node) -> bool:
        """Resolve an instance whose input types may still be unknown. Only Lean's default instances
        (`OfNat ?α 2`, `HAdd ?α ?α ?β`) may fix those unknowns; any other class's problem waits, as
        Lean's resolution never assigns the holes of the problem (`[Decidable ?p]` of
        `Decidable.not_not` must not pick a local `Decidable b` and fix `?p := b`; fid-logic)."""
        goal = self.instantiate(self.mctx.decls[mvar.uid].type)
        head = get_app_fn(goal)
        if not goal.has_mvar or (isinstance(head, Const) and head.name in _DEFAULT_INSTANCE_CLASSES):
            return self._try_synthesize(mvar, stx)
        holes = self._input_holes(goal)
        snap = self.mctx.snapshot()
        if not self._try_synthesize(mvar, stx):
            return False
        if any(m.uid in self.mctx.assignment for m in holes):
            self.mctx.restore(snap)
            return False
        return True

    def synthesize_instance(self, goal: Expr, stx: ast.Node) -> Expr:
        from .instances import synthesize

        inst = synthesize(self, goal)
        if inst is None:
            raise ElabError(f"failed to synthesize\n  {self.fmt(goal)}", stx)
        return inst

    def synthesize_pending(self, may_postpone: bool = False) -> None:
        """Solve the instance holes left open (their types are known by now), or fail. With
        `may_postpone` (a rewrite rule, Lean's `mayPostpone`), a problem whose input types are still
        holes is left for the rewrite's matching to fix (`not_not : ¬¬?p ↔ ?p` with `[Decidable ?p]`)."""
        postponed: list = []
        for mvar, stx in self.pending_instances:
            if mvar.uid in self.mctx.assignment:
                continue
            if may_postpone:
                goal = self.instantiate(self.mctx.decls[mvar.uid].type)
                if self._input_holes(goal) and not self._try_synthesize_early(mvar, stx):
                    postponed.append((mvar, stx))
                    continue
            if not self._try_synthesize(mvar, stx):
                goal = self.instantiate(self.mctx.decls[mvar.uid].type)
                if goal.has_mvar:
                    raise ElabError(f"typeclass instance problem is stuck, it is often due to metavariables\n  {self.fmt(goal)}", stx)
                raise ElabError(f"failed to synthesize\n  {self.fmt(goal)}", stx)
        self.pending_instances[:] = postponed


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------

def _is_eliminator(fn: Expr, elab_as_elim: frozenset[str] = frozenset()) -> bool:
    """A recursor or its `casesOn`/`recOn`, or an `@[elab_as_elim]` constant (Lean elaborates them as eliminators)."""
    head = get_app_fn(fn)
    return isinstance(head, Const) and (head.name.endswith((".rec", ".recOn", ".casesOn")) or head.name in elab_as_elim)


# the classes of Lean's `@[default_instance]`s in the fragment (`instOfNatNat`, `instHAdd`, …)
_DEFAULT_INSTANCE_CLASSES = frozenset({"OfNat", "HAdd", "HSub", "HMul", "HDiv", "HMod", "HPow", "HAppend"})


def _has_expr_mvar(e: Expr) -> bool:
    """Whether a term hole (not just a universe hole) occurs in `e`."""
    from .expr import iter_subexprs

    return e.has_mvar and any(isinstance(x, MVar) for x in iter_subexprs(e))


def _flatten_binders(groups: Sequence[ast.Binder]) -> Iterator[ast.Binder]:
    for group in groups:
        for name in group.names or ("_",):
            yield ast.Binder(group.pos, group.end_pos, group.kind, (name,), group.type, group.default)


def _flatten_fun_binders(binders: Sequence) -> Iterator:
    for b in binders:
        if isinstance(b, ast.Binder):
            yield from _flatten_binders((b,))
        elif isinstance(b, ast.Ident) and "." not in b.name:
            yield ast.Binder(b.pos, b.end_pos, ast.EXPLICIT, (b.name,), None, None)
        elif isinstance(b, ast.Hole):
            yield ast.Binder(b.pos, b.end_pos, ast.EXPLICIT, ("_",), None, None)
        elif isinstance(b, ast.TypeAscription) and isinstance(b.term, ast.Ident):
            yield ast.Binder(b.pos, b.end_pos, ast.EXPLICIT, (b.term.name,), b.type, None)
        else:
            yield b


def _count_explicit_fields(ctor: ConstructorInfo) -> int:
    t, n, i = ctor.type, 0, 0
    while isinstance(t, Pi):
        if i >= ctor.num_params and t.binder_info == BinderInfo.DEFAULT:
            n += 1
        t, i = t.body, i + 1
    return n


def _type_head_is(elab: TermElaborator, ty: Expr, name: str) -> bool:
    head = get_app_fn(elab.instantiate(ty))
    if isinstance(head, Const) and head.name == name:
        return True
    head = get_app_fn(elab.whnf(ty))
    return isinstance(head, Const) and head.name == name


def _relocate(node: object, pos: tuple[int, int], end: tuple[int, int]) -> object:
    """`node` (syntax) with every position set to `pos`/`end` (elaborator-written syntax)."""
    import dataclasses

    if isinstance(node, tuple):
        return tuple(_relocate(x, pos, end) for x in node)
    if not isinstance(node, ast.Node):
        return node
    changes = {f.name: _relocate(getattr(node, f.name), pos, end) for f in dataclasses.fields(node)
               if f.name not in ("pos", "end_pos")}
    return dataclasses.replace(node, pos=pos, end_pos=end, **changes)


def _same_key(a: Expr, b: Expr) -> bool:
    """Same head for keyed matching: the same constant, or the same free variable."""
    if isinstance(a, Const) and isinstance(b, Const):
        return a.name == b.name
    return isinstance(a, FVar) and isinstance(b, FVar) and a.uid == b.uid


def _kabstract(e: Expr, sub: Expr) -> Expr:
    """`e` (closed) with every occurrence of the closed term `sub` replaced by loose bound variable 0
    (Lean's `kabstract`, up to syntactic equality)."""
    from .expr import BVar, lift_loose_bvars, replace

    return replace(lift_loose_bvars(e, 1), lambda x, depth: BVar(depth) if x == sub else None)


__all__ = ["ElabError", "Scope", "TermElaborator", "head_beta", "LevelMVar"]


def _is_const(e: Expr, name: str) -> bool:
    return isinstance(e, Const) and e.name == name


def tuple_to_prod_mk(stx: ast.Tuple) -> ast.Term:
    """`(a, b, c)` as the syntax `Prod.mk a (Prod.mk b c)`."""
    elems = list(stx.elems)
    term = elems[-1]
    for elem in reversed(elems[:-1]):
        fn = ast.Ident(elem.pos, elem.pos, "Prod.mk", None)
        term = ast.App(elem.pos, stx.end_pos, fn, (elem, term))
    return term
