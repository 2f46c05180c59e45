"""The one gate that decides "proved", for every path: `prover check` (a declaration), the REPL's
`proofStatus` and the Pantograph server's empty goal list (and its `goal.print` flags).

A proof counts only when all of these hold, checked in this order:

1. no goal is left open, and the root hole was assigned;
2. the instantiated proof has no hole (term metavariable or delayed abstraction) left; leftover
   *universe* holes are set to `0` (any value gives a term the kernel then checks);
3. closed over the hypotheses of the root goal (`fun hyps => proof : ∀ hyps, statement`), nothing
   free is left (a hidden hypothesis such as the function being defined is no premise);
4. the kernel (`kernel.TypeChecker`, not the elaborator) infers the closed term's type from
   scratch and finds it definitionally equal to the closed statement; only the universe
   parameters of the goal and its statement are in scope;
5. the closed term and statement depend on no `sorryAx` and on no axiom beyond Lean's own
   (`propext`, `Quot.sound`, `Classical.choice`), transitively through the environment.

Everything before this gate (elaborator, tactics, servers) is untrusted; the kernel and this
module are what the figures rest on. `decide` returns a `Verdict` whose `reason` names the first
rule that failed, so each protocol can word it its own way (REPL status strings, Pantograph
messages, `prover check` lines) without deciding anything itself.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional, Sequence

from .elab_env import ElabEnv, _axioms_of
from .environment import AxiomInfo
from .expr import Const, Expr, FVar, MVar, Sort, constants_of, iter_subexprs, level_params_of_expr, mk_lambda_fvars, \
    mk_pi_fvars, replace
from .kernel import DEFAULT_MAX_STEPS, KernelError, TypeChecker
from .level import LEVEL_ZERO, Level, LevelMVar, has_level_mvar, replace_level
from .meta import DelayedLambda, MetaContext

LEAN_AXIOMS = frozenset({"propext", "Quot.sound", "Classical.choice"})
"""The axioms Lean itself has for this fragment: a proof may use these (each use is reported)."""

PROVED = "proved"
OPEN_GOALS = "open goals"
UNASSIGNED = "unassigned"
HOLES = "holes"
FREE_VARIABLES = "free variables"
KERNEL = "kernel"
SORRY = "sorry"
AXIOM = "axiom"
INCOMPLETE_REASONS = frozenset({OPEN_GOALS, HOLES, SORRY})
"""Reasons that mean "not finished yet" (the REPL says `Incomplete: …`); the others are errors."""


@dataclass(frozen=True)
class Verdict:
    """The gate's answer. `message` is Lean-style text for the failed rule (the REPL's status after
    its `Incomplete: ` / `Error: ` prefix); `proof`/`statement` are the closed terms once built."""

    ok: bool
    reason: str
    message: str
    axioms: tuple[str, ...] = ()
    proof: Optional[Expr] = None
    statement: Optional[Expr] = None
    free: tuple[FVar, ...] = ()

    @property
    def incomplete(self) -> bool:
        """True when the proof is unfinished (open goals, holes, `sorry`) rather than wrong."""
        return self.reason in INCOMPLETE_REASONS


def _fail(reason: str, message: str, **extra: object) -> Verdict:
    return Verdict(False, reason, message, **extra)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- the rules, one helper each


def has_holes(e: Expr) -> bool:
    """Rule 2: a term metavariable or a delayed abstraction (a hole's pending binder) occurs in `e`."""
    return e.has_mvar and any(isinstance(x, (MVar, DelayedLambda)) for x in iter_subexprs(e))


def zero_level_holes(e: Expr) -> Expr:
    """Leftover universe holes become `0` (Lean's default when nothing constrains them)."""
    if not e.has_mvar:
        return e

    def level(l: Level) -> Optional[Level]:
        return LEVEL_ZERO if isinstance(l, LevelMVar) else None

    def fn(x: Expr, _d: int) -> Optional[Expr]:
        if not x.has_mvar:
            return x
        if isinstance(x, Sort) and has_level_mvar(x.level):
            return Sort(replace_level(x.level, level))
        if isinstance(x, Const) and any(has_level_mvar(l) for l in x.levels):
            return Const(x.name, [replace_level(l, level) for l in x.levels])
        return None

    return replace(e, fn)


def free_fvars(e: Expr) -> list[FVar]:
    """Rule 3: the free variables of `e`, in order of appearance."""
    if not e.has_fvar:
        return []
    seen: dict[int, FVar] = {}
    for x in iter_subexprs(e):
        if isinstance(x, FVar):
            seen.setdefault(x.uid, x)
    return list(seen.values())


def axioms_of(env: ElabEnv, terms: Iterable[Expr]) -> frozenset[str]:
    """Rule 5: the axioms `terms` depend on, transitively through the environment's declarations."""
    out: set[str] = set()
    for term in terms:
        for name in constants_of(term):
            deps = env.axioms_used.get(name)
            if deps is None:
                info = env.find(name)
                deps = frozenset({name}) if isinstance(info, AxiomInfo) else _axioms_of(env.kernel, info, env.axioms_used)
            out |= deps
    return frozenset(out)


def axiom_verdict(axioms: Iterable[str]) -> Optional[Verdict]:
    """Rule 5 on a set of axioms: None when only Lean's own are used, else the failed verdict."""
    used = tuple(sorted(axioms))
    if "sorryAx" in used:
        return _fail(SORRY, "contains sorry", axioms=used)
    bad = [a for a in used if a not in LEAN_AXIOMS]
    if bad:
        return _fail(AXIOM, f"depends on axiom '{bad[0]}', which is not one of Lean's built-in axioms", axioms=used)
    return None


def _kernel_verdict(env: ElabEnv, level_names: Sequence[str], statement: Expr, proof: Expr,
                    max_steps: int) -> Optional[Verdict]:
    """Rule 4: None when the kernel infers a type for `proof` definitionally equal to `statement`."""
    from .pretty import format_expr

    params = tuple(dict.fromkeys(list(level_names) + sorted(level_params_of_expr(statement))))
    try:
        checker = TypeChecker(env.kernel, params, max_steps=max_steps)
        checker.ensure_sort(checker.infer(statement), statement)
        inferred = checker.infer(proof)
        if not checker.is_def_eq(inferred, statement):
            return _fail(KERNEL, f"proof has type {format_expr(inferred, env)} but root goal has type "
                                 f"{format_expr(statement, env)}")
    except KernelError as err:
        return _fail(KERNEL, f"kernel type check failed: (kernel) {err.message.removeprefix('(kernel) ')}")
    except RecursionError:
        return _fail(KERNEL, "kernel type check failed: (kernel) deep recursion detected")
    return None


# --------------------------------------------------------------------------- the gate


def decide(env: ElabEnv, level_names: Sequence[str], statement: Expr, proof: Optional[Expr], *,
           hyps: Sequence[FVar] = (), open_goals: int = 0, max_steps: int = DEFAULT_MAX_STEPS,
           kernel_checked: bool = False, axioms: Optional[Iterable[str]] = None) -> Verdict:
    """Whether `proof` (instantiated; None if the root was never assigned) proves `statement` in the
    context `hyps`, with `open_goals` goals still open. The one function every path asks.

    `kernel_checked` and `axioms` are only for `prover check`, whose declaration entered the
    environment through `kernel.add_definition` (the same infer-and-compare on exactly these closed
    terms) just before, which also recorded the axioms it depends on (`ElabEnv.axioms_used`)."""
    if open_goals:
        return _fail(OPEN_GOALS, "open goals remain")
    if proof is None:
        return _fail(UNASSIGNED, "Goal not assigned")
    if has_holes(proof) or has_holes(statement):
        return _fail(HOLES, "contains metavariable(s)")
    value = zero_level_holes(mk_lambda_fvars(list(hyps), proof) if hyps else proof)
    type_ = zero_level_holes(mk_pi_fvars(list(hyps), statement) if hyps else statement)
    leftover = free_fvars(value) + free_fvars(type_)
    if leftover:
        return _fail(FREE_VARIABLES, "kernel type check failed: (kernel) declaration has free variables",
                     proof=value, statement=type_, free=tuple(leftover))
    if not kernel_checked:
        failed = _kernel_verdict(env, level_names, type_, value, max_steps)
        if failed is not None:
            return Verdict(False, failed.reason, failed.message, proof=value, statement=type_)
    axioms = frozenset(axioms) if axioms is not None else axioms_of(env, (value, type_))
    failed = axiom_verdict(axioms)
    if failed is not None:
        return Verdict(False, failed.reason, failed.message, failed.axioms, value, type_)
    return Verdict(True, PROVED, "Completed", tuple(sorted(axioms)), value, type_)


def decide_goal(env: ElabEnv, level_names: Sequence[str], mctx: MetaContext, root: MVar, *,
                open_goals: int = 0, hidden: frozenset[int] = frozenset(), statement: Optional[Expr] = None,
                max_steps: int = DEFAULT_MAX_STEPS) -> Verdict:
    """`decide` for a root hole of a tactic proof: its assignment instantiated, closed over its
    hypotheses (except `hidden` ones). `statement` defaults to the root's own type."""
    decl = mctx.decls[root.uid]
    proof = mctx.instantiate(root) if root.uid in mctx.assignment else None
    target = mctx.instantiate(statement if statement is not None else decl.type)
    hyps = [_instantiated_hyp(mctx, h) for h in decl.lctx if h.uid not in hidden]
    return decide(env, level_names, target, proof, hyps=hyps, open_goals=open_goals, max_steps=max_steps)


def _instantiated_hyp(mctx: MetaContext, h: FVar) -> FVar:
    if not h.type.has_mvar and (h.value is None or not h.value.has_mvar):
        return h
    value = mctx.instantiate(h.value) if h.value is not None else None
    return FVar(h.name, mctx.instantiate(h.type), value, h.binder_info, uid=h.uid)


def root_flags(mctx: MetaContext, root: MVar) -> tuple[bool, bool]:
    """`(has holes, uses sorry)` of a root's current partial proof, by the gate's own rules (for
    Pantograph's `goal.print` `rootHasMVar` / `rootHasSorry`)."""
    value = mctx.instantiate(root)
    return has_holes(value), "sorryAx" in constants_of(value)
