"""The tactic engine: goals are metavariables with local contexts; each tactic assigns the main
goal a partial proof term whose holes are the new goals. A finished proof is the root hole fully
instantiated, and the kernel re-checks it whole (`ProofState.check_proof`), so a buggy tactic
can fail a proof but never make a false statement pass.

Behaviour follows Lean 4: tactics act on the main (first) goal and put new goals in front of
the rest; hypothesis names, case tags (`case left`) and error texts are Lean's where known.
"""
from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from typing import Callable, Sequence

from lean_bridge.syntax import ast

from .elab_env import ElabEnv
from .elab_term import ElabError, Scope, TermElaborator
from .environment import InductiveInfo
from .expr import (
    App,
    BinderInfo,
    Const,
    Expr,
    FVar,
    Lam,
    Let,
    MVar,
    Pi,
    Proj,
    get_app_fn,
    get_app_fn_args,
    instantiate1,
    iter_subexprs,
    mk_app,
)
from .kernel import KernelError, KernelTimeout
from .meta import DelayedLambda, MetaContext, MetavarDecl

DEFAULT_TACTIC_STEPS = 200_000


class TacticError(Exception):
    """A tactic failed: the message is Lean's, the node is where."""

    def __init__(self, message: str, node: ast.Node | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.node = node


class EngineError(Exception):
    """An invariant of the engine broke (a tactic dropped a goal or left a hole that is no goal): an
    internal error, never a tactic failure, so no combinator (`try`, `first`) swallows it and the
    servers report it as internal (Lean would have either failed or made the hole a goal)."""


@dataclass
class TacticState:
    """The goals of a proof in progress. `copy()` before trying something that may fail."""

    env: ElabEnv
    scope: Scope
    mctx: MetaContext
    goals: list[MVar]
    level_names: list[str] = field(default_factory=list)
    max_steps: int = DEFAULT_TACTIC_STEPS
    sorries: list = field(default_factory=list)  # (syntax, context, goal type) of `sorry`s met
    steps: list = field(default_factory=list)  # (tactic syntax, state before) of every tactic run
    record_steps: bool = False
    hidden: frozenset[int] = frozenset()  # fvar uids never shown (the function being defined)
    # REPL tactic mode: like Lean's error recovery, an unknown identifier in a tactic's term is logged
    # here and the term becomes a (synthetic) `sorry`, so the proof can never be "Completed"
    recover: bool = False
    messages: list = field(default_factory=list)
    # the function being defined (elab_command's `_RecursiveFn`), so a tactic's term can call it by its
    # full name `N.f` as well as by `f`, as in Lean; None outside a declaration's own body
    recursive: object = None

    def copy(self, with_steps: bool = True) -> "TacticState":
        """An independent copy; `with_steps=False` leaves out the step history (a record's snapshot)."""
        return TacticState(self.env, self.scope, self.mctx.copy(), list(self.goals), list(self.level_names),
                           self.max_steps, list(self.sorries), list(self.steps) if with_steps else [],
                           self.record_steps, self.hidden,
                           self.recover, list(self.messages), self.recursive)

    def restore_from(self, other: "TacticState") -> None:
        """Adopt `other`'s goals and assignments (after a successful attempt on a copy)."""
        # the MetaContext object is shared with the enclosing elaborator: update it in place
        self.mctx.decls, self.mctx.assignment = other.mctx.decls, other.mctx.assignment
        self.mctx.level_assignment = other.mctx.level_assignment
        self.goals, self.sorries, self.steps = other.goals, other.sorries, other.steps
        self.messages = other.messages

    # -- goals ------------------------------------------------------------------

    def prune(self) -> None:
        """Drop goals that were solved by unification."""
        self.goals = [g for g in self.goals if g.uid not in self.mctx.assignment]

    def main_goal(self, node: ast.Node | None = None) -> MVar:
        self.prune()
        if not self.goals:
            raise TacticError("No goals to be solved", node)
        return self.goals[0]

    def decl(self, goal: MVar) -> MetavarDecl:
        return self.mctx.decls[goal.uid]

    def target(self, goal: MVar) -> Expr:
        return self.mctx.instantiate(self.decl(goal).type)

    def new_goal(self, type_: Expr, lctx: Sequence[FVar], tag: str | None) -> MVar:
        return self.mctx.new_mvar(self.mctx.instantiate(type_), tuple(lctx), tag, "syntheticOpaque")

    def assign(self, goal: MVar, value: Expr) -> None:
        self.mctx.assignment[goal.uid] = value

    def replace_main(self, new_goals: Sequence[MVar]) -> None:
        """The main goal is done; `new_goals` go in front of the remaining ones."""
        self.goals = list(new_goals) + self.goals[1:]
        self.prune()

    def elaborator(self, goal: MVar) -> TermElaborator:
        elab = TermElaborator(self.env, self.scope, self.mctx, lctx=self.decl(goal).lctx,
                              level_names=self.level_names, auto_bound_universes=False, max_steps=self.max_steps)
        elab.recursive = self.recursive
        return elab

    def whnf(self, goal: MVar, e: Expr) -> Expr:
        return self.elaborator(goal).whnf(e)

    def format_goal(self, goal: MVar) -> str:
        from .pretty import format_goal

        decl = self.decl(goal)
        hyps = [self._instantiated(h) for h in decl.lctx if h.uid not in self.hidden]
        target = self.mctx.instantiate(decl.type)
        return format_goal(hyps, target, decl.user_name, env=self.env, mvar_names=self._goal_names([target] + hyps))

    def _goal_names(self, parts: Sequence) -> dict[int, str]:
        """Named goals occurring in a goal print by name, as Lean does (`⊢ p ?w` after `apply Exists.intro`)."""
        names: dict[int, str] = {}
        for part in parts:
            e = part.type if isinstance(part, FVar) else part
            if not e.has_mvar:
                continue
            for m in self.mctx.unassigned_mvars(e):
                d = self.mctx.decls.get(m.uid)
                if d is not None and d.user_name:
                    names[m.uid] = d.user_name
        return names

    def _instantiated(self, fv: FVar) -> FVar:
        if not fv.type.has_mvar and (fv.value is None or not fv.value.has_mvar):
            return fv
        value = self.mctx.instantiate(fv.value) if fv.value is not None else None
        return FVar(fv.name, self.mctx.instantiate(fv.type), value, fv.binder_info, uid=fv.uid)

    def format_goals(self) -> list[str]:
        self.prune()
        return [self.format_goal(g) for g in self.goals]


# ---------------------------------------------------------------------------
# running tactics
# ---------------------------------------------------------------------------

def run_tactic(state: TacticState, tac: ast.Tactic) -> None:
    """Run one tactic (or combinator) on `state` in place; raises `TacticError` on failure.

    A tactic acts on the main goal only (as in Lean: the others are hidden from it and put back
    behind the goals it produces); only the combinators and the few tactics Lean documents as
    looking at other goals (`show`, `done`, `skip`, `rotate_*`, …) see the whole list."""
    if _BUDGET.active:
        _tick(tac)
    if state.record_steps and _is_substantive(tac):
        # the record needs the goals before, not the history: keeps recording linear
        state.steps.append((tac, state.copy(with_steps=False)))
    handler = _TACTICS.get(type(tac).__name__)
    if handler is None:
        name = tac.source.split()[0] if tac.source.split() else type(tac).__name__
        raise TacticError(f"tactic '{name}' is not supported by the embedded checker", tac)
    try:
        if type(tac).__name__ in _SEES_ALL_GOALS:
            handler(state, tac)
        else:
            _run_on_main_goal(state, tac, handler)
    except ElabError as err:
        raise TacticError(err.message, err.node or tac) from None
    except KernelTimeout:
        raise TacticError("(deterministic) timeout, maximum number of heartbeats reached: the tactic ran "
                          f"more than {state.max_steps} reduction steps", tac) from None
    except KernelError as err:
        raise TacticError(err.message, tac) from None
    except RecursionError:
        raise TacticError(MAX_REC_DEPTH, tac) from None


def run_tactic_seq(state: TacticState, seq: ast.TacticSeq) -> None:
    """Run `seq`'s tactics in order; the outermost call opens the request's tactic budget."""
    if _BUDGET.active:
        for tac in seq.tactics:
            run_tactic(state, tac)
        return
    _BUDGET.active, _BUDGET.ticks = True, 0
    try:
        for tac in seq.tactics:
            run_tactic(state, tac)
    finally:
        _BUDGET.active = False


# --------------------------------------------------------------------------- budgets

MAX_TACTIC_RUNS = 20_000  # tactic applications in one `by` block or one server request (Lean: maxHeartbeats)
MEMORY_BUDGET_MB = int(os.environ.get("LEAN_EMBEDDED_MEMORY_MB", "6144"))  # resident set the engine may reach
_PAGE_MB = os.sysconf("SC_PAGE_SIZE") / 2**20 if hasattr(os, "sysconf") else 4096 / 2**20


class _Budget(threading.local):
    """Per-thread tactic budget of the request being served (`active` only inside `run_tactic_seq`)."""

    active = False
    ticks = 0


_BUDGET = _Budget()


def _resident_mb() -> float:
    """This process's resident set in MB (from /proc; 0 where there is none)."""
    try:
        with open("/proc/self/statm", "rb") as f:
            return int(f.read().split()[1]) * _PAGE_MB
    except (OSError, ValueError, IndexError):
        return 0.0


def _tick(tac: ast.Tactic) -> None:
    """Count one tactic application against the budget; fail the tactic like Lean's heartbeat limit."""
    _BUDGET.ticks += 1
    if _BUDGET.ticks > MAX_TACTIC_RUNS:
        raise TacticError(f"(deterministic) timeout, maximum number of heartbeats reached: more than "
                          f"{MAX_TACTIC_RUNS} tactic applications in one proof", tac)
    if _BUDGET.ticks % 512 == 0 and _resident_mb() > MEMORY_BUDGET_MB:
        raise TacticError(f"memory budget exceeded: the checker reached {MEMORY_BUDGET_MB} MB", tac)


_STRUCTURAL = {"TacticSeq", "CDotTac", "Nested", "ThenAll", "Case", "Next", "AllGoals", "AnyGoals", "Try", "First",
               "Repeat", "Focus", "OnGoal"}
# combinators (each tactic they run is focused in turn) and the tactics that look beyond the main goal
_SEES_ALL_GOALS = _STRUCTURAL | {"RepeatAll", "Iterate", "Rotate", "ShowTac", "Done", "Skip"}


def _run_on_main_goal(state: TacticState, tac: ast.Tactic, handler: Callable) -> None:
    """Run `handler` with only the main goal visible, then check it accounted for everything it made:
    the main goal is assigned or still a goal, and every hole it created in the main goal's proof is
    one of the goals it left (else `EngineError`: the engine would have dropped a goal)."""
    main = state.main_goal(tac)
    rest = state.goals[1:]
    mark = MVar().uid  # holes created from here on are this tactic's
    state.goals = [main]
    try:
        handler(state, tac)
    except BaseException:
        state.goals = state.goals + [g for g in rest if g not in state.goals]
        raise
    state.prune()
    produced = state.goals
    left = {g.uid for g in produced}
    if main.uid not in state.mctx.assignment:
        if main.uid not in left:
            raise EngineError(f"tactic '{_tactic_name(tac)}' dropped the main goal without solving it")
    else:
        dropped = _dropped_holes(state.mctx, main, mark, left)
        if dropped:
            raise EngineError(f"tactic '{_tactic_name(tac)}' left {len(dropped)} hole(s) in the "
                              "proof that are not goals")
    state.goals = produced + [g for g in rest if g.uid not in left and g.uid not in state.mctx.assignment]


def _dropped_holes(mctx: MetaContext, main: MVar, mark: int, goals: set[int]) -> list[MVar]:
    """Unassigned holes newer than `mark` reachable from `main`'s assignment that are not `goals`.
    Walks the assignments in place (no instantiation) and only into subterms that have holes."""
    out: list[MVar] = []
    seen: set[int] = set()
    stack: list[Expr] = [main]
    while stack:
        x = stack.pop()
        if not x.has_mvar or id(x) in seen:
            continue
        seen.add(id(x))
        if isinstance(x, MVar):
            value = mctx.assignment.get(x.uid)
            if value is not None:
                stack.append(value)
            elif x.uid > mark and x.uid not in goals:
                out.append(x)
        elif isinstance(x, App):
            stack.extend((x.arg, x.fn))
        elif isinstance(x, (Pi, Lam)):
            stack.extend((x.body, x.type))
        elif isinstance(x, Let):
            stack.extend((x.body, x.value, x.type))
        elif isinstance(x, Proj):
            stack.append(x.expr)
        elif isinstance(x, DelayedLambda):
            stack.append(x.body)
    return out


def _tactic_name(tac: ast.Tactic) -> str:
    words = tac.source.split()
    return words[0] if words else type(tac).__name__


def _is_substantive(tac: ast.Tactic) -> bool:
    return type(tac).__name__ not in _STRUCTURAL


def run_by_block(elab: TermElaborator, stx: ast.By, expected: Expr, hidden: frozenset[int] = frozenset()) -> Expr:
    """Elaborate `by tacs` inside a term: a new goal `⊢ expected`, closed by the tactics (`hidden`:
    hypotheses the tactics may not use, as outside a `match`'s scope)."""
    goal = elab.mctx.new_mvar(elab.instantiate(expected), tuple(elab.lctx), None, "syntheticOpaque")
    if getattr(elab, "recursive", None) is not None:
        hidden = hidden | {elab.recursive.fvar.uid}
    state = TacticState(elab.env, elab.scope, elab.mctx, [goal], elab.level_names, elab.checker.max_steps,
                        hidden=hidden, record_steps=True, recursive=getattr(elab, "recursive", None))
    if elab.tactic_depth == 0:
        elab.root_goals.append((stx, state.copy()))
    elab.tactic_depth += 1
    try:
        run_tactic_seq(state, stx.tactics)
    except TacticError as err:
        # what ran before the error stays visible to the servers (Lean keeps it in the info trees)
        elab.sorries.extend(state.sorries)
        elab.tactic_steps.extend(state.steps)
        raise ElabError(err.message, err.node or stx) from None
    finally:
        elab.tactic_depth -= 1
    elab.sorries.extend(state.sorries)
    elab.tactic_steps.extend(state.steps)
    state.prune()
    if state.goals:
        raise ElabError("unsolved goals\n" + "\n\n".join(state.format_goals()), stx)
    return elab.mctx.instantiate(goal)


# ---------------------------------------------------------------------------
# term helpers
# ---------------------------------------------------------------------------

def _elab_closed_term(state: TacticState, goal: MVar, stx: ast.Term, expected: Expr | None,
                      allow_holes: str = "none") -> tuple[Expr, list[MVar]]:
    """Elaborate a term in the goal's context. `allow_holes`: "none" (exact), "synthetic" (refine: `?_`
    become goals), "all" (apply: any unsolved argument becomes a goal). Returns (term, new goals)."""
    elab = state.elaborator(goal)
    mark = MVar().uid  # holes made before this term (other goals) are not its holes
    try:
        e = elab.elab(stx, expected)
    except ElabError as err:
        if not (state.recover and expected is not None and err.message.startswith("Unknown identifier")):
            raise
        state.messages.append(err.message)
        level = elab.ensure_type(expected, stx)
        return mk_app(Const("sorryAx", [level]), [state.mctx.instantiate(expected), Const("Bool.true")]), []
    elab.synthesize_pending()
    state.sorries.extend(elab.sorries)
    state.steps.extend(elab.tactic_steps)
    e = state.mctx.instantiate(e)
    holes = [h for h in state.mctx.unassigned_mvars(e) if h.uid > mark]
    new_goals = []
    for h in holes:
        decl = state.mctx.decls[h.uid]
        if allow_holes == "all" or (allow_holes == "synthetic" and decl.kind == "syntheticOpaque"):
            new_goals.append(h)  # `apply` turns every hole into a goal, `refine` only `?_` / `?x`
        else:  # Lean's `exact` (and `refine` with a `_` it cannot solve): every new hole is an error
            raise TacticError(f"don't know how to synthesize placeholder\ncontext:\n{_goal_text(state, decl)}", stx)
    return e, new_goals


def _goal_text(state: TacticState, decl: MetavarDecl) -> str:
    from .pretty import format_goal

    return format_goal([state._instantiated(h) for h in decl.lctx if h.uid not in state.hidden],
                       state.mctx.instantiate(decl.type), None, env=state.env)


def _unify(state: TacticState, goal: MVar, a: Expr, b: Expr) -> bool:
    return state.elaborator(goal).unify(a, b)


def _fmt(state: TacticState, e: Expr) -> str:
    from .pretty import format_expr

    e = state.mctx.instantiate(e)
    return format_expr(e, state.env, mvar_names=state._goal_names([e]))


def _head_const(e: Expr) -> str | None:
    head = get_app_fn(e)
    return head.name if isinstance(head, Const) else None


def _fresh_const(state: TacticState, name: str) -> Expr:
    info = state.env.find(name)
    assert info is not None
    return Const(name, [state.mctx.new_level_mvar() for _ in info.level_params])


def _inaccessible(name: str) -> str:
    return name if name.endswith("✝") else f"{name}✝"


# ---------------------------------------------------------------------------
# basic tactics
# ---------------------------------------------------------------------------

def intro_core(state: TacticState, goal: MVar, name: str | None, node: ast.Node) -> tuple[MVar, FVar]:
    """Introduce one binder of the goal (`∀`, `→`, `let`, or a definition unfolding to one)."""
    decl = state.decl(goal)
    target = state.mctx.instantiate(decl.type)
    if not isinstance(target, (Pi, Let)):
        target = state.whnf(goal, target)
    if isinstance(target, Let):
        fv = FVar(name or target.name, target.type, target.value)
        body = instantiate1(target.body, fv)
        new = state.new_goal(body, decl.lctx + (fv,), decl.user_name)
        state.assign(goal, DelayedLambda((fv,), new))
        return new, fv
    if not isinstance(target, Pi):
        raise TacticError("tactic 'introN' failed, insufficient number of binders", node)
    fv = FVar(name if name is not None else _inaccessible(target.name), target.type, None, target.binder_info)
    new = state.new_goal(instantiate1(target.body, fv), decl.lctx + (fv,), decl.user_name)
    state.assign(goal, DelayedLambda((fv,), new))
    return new, fv


def tac_Intro(state: TacticState, tac: ast.Intro) -> None:
    goal = state.main_goal(tac)
    if not tac.patterns:
        new, _ = intro_core(state, goal, None, tac)
        state.replace_main([new])
        return
    for pat in tac.patterns:
        goal = state.main_goal(tac)
        if isinstance(pat, ast.Ident) and "." not in pat.name:
            new, _ = intro_core(state, goal, pat.name, tac)
            state.replace_main([new])
        elif isinstance(pat, ast.Hole):
            new, _ = intro_core(state, goal, None, tac)
            state.replace_main([new])
        else:
            from .tactics_cases import intro_pattern

            intro_pattern(state, goal, pat, tac)


def tac_Intros(state: TacticState, tac: ast.Intros) -> None:
    goal = state.main_goal(tac)
    if tac.names:
        for name in tac.names:
            goal, _ = intro_core(state, goal, None if name == "_" else name, tac)
        state.replace_main([goal])
        return
    while True:
        target = state.target(goal)
        if not isinstance(target, (Pi, Let)):
            break
        goal, _ = intro_core(state, goal, None, tac)
    state.replace_main([goal])


def tac_Exact(state: TacticState, tac: ast.Exact) -> None:
    goal = state.main_goal(tac)
    value, _ = _elab_closed_term(state, goal, tac.term, state.target(goal), "none")
    state.assign(goal, value)
    state.replace_main([])


def tac_MatchTac(state: TacticState, tac: ast.MatchTac) -> None:
    """The `match` tactic: the term `match` with `by tacs` alternatives, each run in its branch's context
    (Lean's macro gives `refine match … with | p => ?_` and runs each alternative's tactics on its goal)."""
    tac_Exact(state, ast.Exact(tac.pos, tac.end_pos, tac.source, tac.term))


def tac_Refine(state: TacticState, tac: ast.Refine) -> None:
    goal = state.main_goal(tac)
    tag = state.decl(goal).user_name
    value, new_goals = _elab_closed_term(state, goal, tac.term, state.target(goal), "synthetic")
    new_goals = sorted(new_goals, key=lambda g: g.uid)  # creation order, as Lean sorts them
    # Lean's `tagUntaggedGoals`: one anonymous `?_` takes the goal's tag, several become `refine_1`, …
    anonymous = [g for g in new_goals if state.decl(g).user_name is None]
    for i, g in enumerate(anonymous, 1):
        name = tag if len(anonymous) == 1 else (f"{tag}.refine_{i}" if tag else f"refine_{i}")
        state.mctx.update_decl(g.uid, user_name=name)
    state.assign(goal, value)
    state.replace_main(new_goals)


def apply_core(state: TacticState, goal: MVar, fn: Expr, node: ast.Node, fn_goals: Sequence[MVar] = ()) -> None:
    """Lean's `apply`: unify the conclusion of `fn`'s type (after some arguments) with the goal; the
    arguments left unassigned become new goals, non-dependent ones first."""
    elab = state.elaborator(goal)
    target = state.target(goal)
    fn_type = state.mctx.instantiate(elab.infer(fn))
    arity = _count_binders(elab, fn_type)
    target_arity = _count_binders(elab, target)
    first = max(arity - target_arity, 0)
    order = [first] + [i for i in range(arity + 1) if i != first]
    decl = state.decl(goal)
    for i in order:
        snap = state.mctx.snapshot()
        args: list[tuple[MVar, str, BinderInfo]] = []
        t = fn_type
        term = fn
        ok = True
        for _ in range(i):
            t = t if isinstance(t, Pi) else elab.whnf(t)
            if not isinstance(t, Pi):
                ok = False
                break
            m = state.mctx.new_mvar(t.type, decl.lctx, None, "natural")
            args.append((m, t.name, t.binder_info))
            term = App(term, m)
            t = instantiate1(t.body, m)
        if ok and elab.unify(t, target):
            _finish_apply(state, goal, term, args, elab, fn_goals)
            return
        state.mctx.restore(snap)
    raise TacticError(f"Tactic `apply` failed: could not unify the conclusion of `{_fmt(state, fn)}`\n  "
                      f"{_conclusion_text(state, fn_type)}\nwith the goal\n  {_fmt(state, target)}\n\n"
                      + _goal_text(state, decl), node)


def _conclusion_text(state: TacticState, t: Expr) -> str:
    """The conclusion of `t`, its binders shown as holes named after them (`?a = ?a`), as Lean prints it."""
    from .pretty import format_expr

    names: dict[int, str] = {}
    while isinstance(t, Pi):
        hole = MVar()
        names[hole.uid] = t.name
        t = instantiate1(t.body, hole)
    return format_expr(state.mctx.instantiate(t), state.env, mvar_names=names)


def _count_binders(elab: TermElaborator, t: Expr) -> int:
    n = 0
    while True:
        if not isinstance(t, Pi):
            w = elab.whnf(t)
            if not isinstance(w, Pi):
                return n
            t = w
        n += 1
        t = instantiate1(t.body, FVar(t.name, t.type))


def _finish_apply(state: TacticState, goal: MVar, term: Expr, args: list, elab: TermElaborator,
                  fn_goals: Sequence[MVar]) -> None:
    for m, _name, info in args:  # instance arguments are synthesized, as in Lean
        if info == BinderInfo.INST_IMPLICIT and m.uid not in state.mctx.assignment:
            elab._try_synthesize(m, None)
    parent = state.decl(goal).user_name
    open_args = [(m, name) for m, name, _ in args if m.uid not in state.mctx.assignment]
    open_args += [(g, state.decl(g).user_name) for g in fn_goals if g.uid not in state.mctx.assignment]
    types = [state.mctx.instantiate(state.decl(m).type) for m, _ in open_args]
    dependent = {m.uid for m, _ in open_args if any(_mentions_mvar(ty, m.uid) for ty in types)}
    ordered = [a for a in open_args if a[0].uid not in dependent] + [a for a in open_args if a[0].uid in dependent]
    new_goals = []
    for m, name in ordered:
        if len(ordered) == 1 or not name or name.endswith("✝") or name.startswith("a✝"):
            tag = parent if (len(ordered) == 1 or not name or "✝" in name) else name
        else:
            tag = f"{parent}.{name}" if parent else name
        # the holes stay natural, as in Lean: a later unification may solve them (`exact h` fixes `?w`)
        state.mctx.update_decl(m.uid, user_name=tag)
        new_goals.append(m)
    value = state.mctx.instantiate(term)
    state.assign(goal, value)
    # Lean's `otherMVarIds`: holes the unifier made (an argument restricted to the goal's smaller
    # context when it solved an older hole) become goals after the arguments
    chosen = {m.uid for m in new_goals}
    new_goals += [m for m in state.mctx.unassigned_mvars(value) if m.uid not in chosen]
    state.replace_main(new_goals)


def _mentions_mvar(e: Expr, uid: int) -> bool:
    return e.has_mvar and any(isinstance(x, MVar) and x.uid == uid for x in iter_subexprs(e))


def tac_Apply(state: TacticState, tac: ast.Apply) -> None:
    goal = state.main_goal(tac)
    fn, fn_goals = _elab_closed_term(state, goal, tac.term, None, "all")
    apply_core(state, goal, fn, tac, fn_goals)


def tac_Assumption(state: TacticState, tac: ast.Assumption) -> None:
    goal = state.main_goal(tac)
    target = state.target(goal)
    for hyp in reversed(state.decl(goal).lctx):
        if hyp.uid in state.hidden:
            continue
        if _unify(state, goal, hyp.type, target):
            state.assign(goal, hyp)
            state.replace_main([])
            return
    raise TacticError("Tactic `assumption` failed\n\n" + state.format_goal(goal), tac)


def _inductive_of_target(state: TacticState, goal: MVar, node: ast.Node, tactic: str) -> tuple[InductiveInfo, Expr]:
    target = state.whnf(goal, state.target(goal))
    name = _head_const(target)
    info = state.env.find(name) if name else None
    if not isinstance(info, InductiveInfo):
        raise TacticError(f"Tactic `{tactic}` failed: target is not an inductive datatype\n\n" + state.format_goal(goal), node)
    return info, target


def tac_Constructor(state: TacticState, tac: ast.Constructor) -> None:
    goal = state.main_goal(tac)
    info, _ = _inductive_of_target(state, goal, tac, "constructor")
    for ctor in info.ctors:
        trial = state.copy()
        try:
            apply_core(trial, trial.main_goal(tac), _fresh_const(trial, ctor), tac)
        except TacticError:
            continue
        state.restore_from(trial)
        return
    raise TacticError("tactic 'constructor' failed, no applicable constructor found\n\n" + state.format_goal(goal), tac)


def _left_right(state: TacticState, tac: ast.Tactic, index: int, name: str) -> None:
    goal = state.main_goal(tac)
    info, _ = _inductive_of_target(state, goal, tac, name)
    if len(info.ctors) != 2:
        raise TacticError(f"{name} tactic works for inductive types with exactly 2 constructors\n\n" + state.format_goal(goal), tac)
    apply_core(state, goal, _fresh_const(state, info.ctors[index]), tac)


def tac_Left(state: TacticState, tac: ast.Left) -> None:
    _left_right(state, tac, 0, "left")


def tac_Right(state: TacticState, tac: ast.Right) -> None:
    _left_right(state, tac, 1, "right")


def tac_ExistsTac(state: TacticState, tac: ast.ExistsTac) -> None:
    """`exists a, b` is `refine ⟨a, b, ?_⟩; try trivial`."""
    state.main_goal(tac)  # "no goals" before anything is elaborated
    hole = ast.SyntheticHole(tac.pos, tac.end_pos, None)
    anon = ast.AnonymousCtor(tac.pos, tac.end_pos, tuple(tac.terms) + (hole,))
    tac_Refine(state, ast.Refine(tac.pos, tac.end_pos, tac.source, anon))
    _try(state, lambda s: tac_Trivial(s, tac))


def tac_Rfl(state: TacticState, tac: ast.Rfl) -> None:
    goal = state.main_goal(tac)
    target = state.whnf(goal, state.target(goal))
    fn, args = get_app_fn_args(target)
    name = fn.name if isinstance(fn, Const) else None
    if isinstance(fn, MVar) or len(args) < 2:  # Lean's `applyRfl` needs a relation `R a b`, never guesses one for `?m`
        raise TacticError("The rfl tactic failed. Possible reasons:\n- The goal is not a reflexive relation (neither `=` "
                          "nor a relation with a @[refl] lemma).\n- The arguments of the relation are not equal.\nTry "
                          "using the reflexivity lemma for your relation explicitly, e.g. `exact Eq.refl _` or\n"
                          "`exact HEq.rfl` etc.\n\n" + state.format_goal(goal), tac)
    if name == "Eq" and len(args) == 3:
        if _unify(state, goal, args[1], args[2]):
            state.assign(goal, mk_app(Const("Eq.refl", fn.levels), [args[0], args[1]]))
            state.replace_main([])
            return
        raise TacticError(f"Tactic `rfl` failed: The left-hand side\n  {_fmt(state, args[1])}\nis not definitionally "
                          f"equal to the right-hand side\n  {_fmt(state, args[2])}\n\n" + state.format_goal(goal), tac)
    # Lean core registers no @[refl] lemma for `≤` (Mathlib tags `Nat.le_refl`): `rfl` fails on `a ≤ a`
    for lemma, relation in (("Iff.refl", "Iff"), ("HEq.refl", "HEq")):
        if state.env.find(lemma) is None or (name is not None and name != relation):
            continue  # the target (in whnf) is another relation: the lemma cannot apply
        trial = state.copy()
        try:
            apply_core(trial, trial.main_goal(tac), _fresh_const(trial, lemma), tac)
        except TacticError:
            continue
        trial.prune()
        if len(trial.goals) < len(state.goals):
            state.restore_from(trial)
            return
    raise TacticError("The rfl tactic failed. Possible reasons:\n- The goal is not a reflexive relation (neither `=` "
                      "nor a relation with a @[refl] lemma).\n- The arguments of the relation are not equal.\nTry using "
                      "the reflexivity lemma for your relation explicitly, e.g. `exact Eq.refl _` or\n`exact HEq.rfl` etc.\n\n"
                      + state.format_goal(goal), tac)


def tac_Exfalso(state: TacticState, tac: ast.Exfalso) -> None:
    goal = state.main_goal(tac)
    decl = state.decl(goal)
    target = state.target(goal)
    level = state.elaborator(goal).ensure_type(target, tac)
    new = state.new_goal(Const("False"), decl.lctx, decl.user_name)
    state.assign(goal, mk_app(Const("False.elim", [level]), [target, new]))
    state.replace_main([new])


def tac_Contradiction(state: TacticState, tac: ast.Contradiction) -> None:
    goal = state.main_goal(tac)
    decl = state.decl(goal)
    target = state.target(goal)
    elab = state.elaborator(goal)
    level = elab.ensure_type(target, tac)
    hyps = [h for h in decl.lctx if h.uid not in state.hidden]
    for h in hyps:  # h : False
        if _head_const(elab.whnf(h.type)) == "False":
            state.assign(goal, mk_app(Const("False.elim", [level]), [target, h]))
            state.replace_main([])
            return
    for h in hyps:  # h : ¬p and h' : p
        ty = elab.whnf(h.type)
        if isinstance(ty, Pi) and _head_const(elab.whnf(ty.body)) == "False" and ty.body.lbr == 0:
            for h2 in hyps:
                if h2 is not h and elab.unify(h2.type, ty.type):
                    state.assign(goal, mk_app(Const("False.elim", [level]), [target, App(h, h2)]))
                    state.replace_main([])
                    return
            fn, args = get_app_fn_args(elab.whnf(ty.type))  # h : ¬a = a
            if isinstance(fn, Const) and fn.name == "Eq" and len(args) == 3 and elab.unify(args[1], args[2]):
                proof = App(h, mk_app(Const("Eq.refl", fn.levels), [args[0], args[1]]))
                state.assign(goal, mk_app(Const("False.elim", [level]), [target, proof]))
                state.replace_main([])
                return
    from .tactics_cases import contradiction_by_constructors

    if contradiction_by_constructors(state, goal, hyps, level, target):
        return
    if _contradiction_by_empty_cases(state, goal, hyps, tac):
        return
    raise TacticError("tactic 'contradiction' failed\n\n" + state.format_goal(goal), tac)


def _contradiction_by_empty_cases(state: TacticState, goal: MVar, hyps: Sequence[FVar], tac: ast.Node) -> bool:
    """Lean's `contradiction` on a hypothesis of an empty inductive family instance (`h : i < 0`,
    `h : a ∈ []`): `cases h` leaves no goal, or only goals with such a hypothesis among their fields
    (Lean's `elimEmptyInductive`, from `False` as Lean's `exfalso`, with its search fuel 16)."""
    from .tactics_cases import elim_empty_inductive, is_empty_candidate

    decl = state.decl(goal)
    target = state.target(goal)
    for h in reversed(hyps):
        if not is_empty_candidate(state, goal, h):
            continue
        trial = state.copy()
        false_goal = trial.new_goal(Const("False"), decl.lctx, decl.user_name)
        if elim_empty_inductive(trial, false_goal, h, [16], tac):
            level = trial.elaborator(goal).ensure_type(target, tac)
            trial.assign(goal, mk_app(Const("False.elim", [level]), [target, false_goal]))
            trial.replace_main([])
            state.restore_from(trial)
            return True
    return False


def tac_Trivial(state: TacticState, tac: ast.Tactic) -> None:
    """Lean's `trivial`: `rfl`, `exact True.intro`, `assumption`, `contradiction`, `decide`, or `And.intro`
    with both sides trivial."""
    goal = state.main_goal(tac)
    attempts: list[Callable[[TacticState], None]] = [
        lambda s: tac_Rfl(s, tac),
        lambda s: _exact_const(s, "True.intro", tac),
        lambda s: tac_Assumption(s, tac),
        lambda s: tac_Contradiction(s, tac),
        lambda s: _TACTICS["Decide"](s, tac),
    ]
    for attempt in attempts:
        trial = state.copy()
        try:
            attempt(trial)
        except TacticError:
            continue
        state.restore_from(trial)
        return
    target = state.whnf(goal, state.target(goal))
    if _head_const(target) == "And":
        trial = state.copy()
        try:
            apply_core(trial, trial.main_goal(tac), _fresh_const(trial, "And.intro"), tac)
            tac_Trivial(trial, tac)
            tac_Trivial(trial, tac)
        except TacticError:
            pass
        else:
            state.restore_from(trial)
            return
    raise TacticError("tactic 'trivial' failed\n\n" + state.format_goal(goal), tac)


def _exact_const(state: TacticState, name: str, node: ast.Node) -> None:
    goal = state.main_goal(node)
    c = _fresh_const(state, name)
    if not _unify(state, goal, state.elaborator(goal).infer(c), state.target(goal)):
        raise TacticError("type mismatch", node)
    state.assign(goal, c)
    state.replace_main([])


def tac_ShowTac(state: TacticState, tac: ast.ShowTac) -> None:
    """`show T` picks the first goal unifying with `T` and displays it as `T`."""
    state.prune()
    for i, goal in enumerate(list(state.goals)):
        elab = state.elaborator(goal)
        snap = state.mctx.snapshot()
        try:
            ty = elab.elab_type(tac.type)
        except ElabError:
            state.mctx.restore(snap)
            continue
        if elab.unify(ty, state.target(goal)):
            decl = state.decl(goal)
            new = state.new_goal(ty, decl.lctx, decl.user_name)
            state.assign(goal, new)
            state.goals = [new] + state.goals[:i] + state.goals[i + 1:]
            state.prune()
            return
        state.mctx.restore(snap)
    # as Lean: the error is the first goal's (its elaboration error, or the pattern against its target)
    goal = state.main_goal(tac)
    pattern, target = _fmt(state, state.elaborator(goal).elab_type(tac.type)), _fmt(state, state.target(goal))
    if len(state.goals) == 1:
        raise TacticError(f"'show' tactic failed, pattern\n  {pattern}\nis not definitionally equal to target\n  {target}", tac)
    raise TacticError("'show' tactic failed, no goals unify with the given pattern.\n\nIn the first goal, the pattern\n  "
                      f"{pattern}\nis not definitionally equal to the target\n  {target}\n(Errors for other goals omitted)", tac)


def tac_LetTac(state: TacticState, tac: ast.LetTac) -> None:
    """`let ⟨a, b⟩ := e`: Lean's `match e with | ⟨a, b⟩ => ?_`, as `have ⟨a, b⟩ := e` (the fields
    are no let-values there either); `let x : T := e` adds the local definition `x : T := e` (the goal
    is `let x := e; ?body`, as Lean's `refine_lift let x := e; ?_`)."""
    if tac.pattern is None:
        _let_local(state, tac)
        return
    tac_HaveTac(state, ast.HaveTac(tac.pos, tac.end_pos, tac.source, None, tac.pattern, tac.binders, tac.type,
                                   tac.value))


def _let_local(state: TacticState, tac: ast.LetTac) -> None:
    """The plain tactic `let x := e` (fid-nat3): a let-bound local the goal's proof binds."""
    goal = state.main_goal(tac)
    decl = state.decl(goal)
    elab = state.elaborator(goal)
    if tac.binders or tac.name is None:
        raise TacticError("tactic 'let' with binders is not supported by the embedded checker", tac)
    ty = elab.elab_type(tac.type) if tac.type is not None else None
    value, new_goals = _elab_closed_term(state, goal, tac.value, ty, "synthetic")
    if new_goals:
        raise TacticError("tactic 'let': the value has holes (not supported by the embedded checker)", tac)
    elab.synthesize_pending()
    value = state.mctx.instantiate(value)
    ty = state.mctx.instantiate(ty if ty is not None else elab.infer(value))
    fv = FVar(tac.name, ty, value)
    body = state.new_goal(state.target(goal), decl.lctx + (fv,), decl.user_name)
    state.assign(goal, DelayedLambda((fv,), body))
    state.replace_main([body])


def tac_HaveTac(state: TacticState, tac: ast.HaveTac) -> None:
    """`have h : T := e` adds `h : T`; without `:= e`, `T` becomes a new goal first."""
    goal = state.main_goal(tac)
    decl = state.decl(goal)
    elab = state.elaborator(goal)
    if tac.binders:
        raise TacticError("`have` with binders is not supported by the embedded checker", tac)
    mark = MVar().uid
    ty = elab.elab_type(tac.type) if tac.type is not None else None
    new_goals: list[MVar] = []
    if tac.value is not None:
        value, new_goals = _elab_closed_term(state, goal, tac.value, ty, "synthetic")
        if ty is None:
            ty = state.mctx.instantiate(elab.infer(value))
    else:
        if ty is None:
            raise TacticError("`have` needs a type or a value", tac)
        value = state.new_goal(ty, decl.lctx, tac.name or "this")
        new_goals = [value]
    elab.synthesize_pending()
    ty = state.mctx.instantiate(ty)
    new_goals = new_goals + _type_holes(state, ty, mark, new_goals, tac.type or tac)
    if tac.pattern is not None:
        from .tactics_cases import have_pattern

        have_pattern(state, goal, tac.pattern, value, ty, new_goals, tac)
        return
    fv = FVar(tac.name or "this", ty)
    body = state.new_goal(state.target(goal), decl.lctx + (fv,), decl.user_name)
    state.assign(goal, App(DelayedLambda((fv,), body), value))
    state.replace_main(new_goals + [body] if tac.value is None else [body] + new_goals)


def tac_SufficesTac(state: TacticState, tac: ast.SufficesTac) -> None:
    """Lean's `suffices h : T by tac` / `from e`: the goal is proved from `h : T` by the value, and `T`
    becomes the main goal; without a value, the goal with `h` comes first, then `T`."""
    goal = state.main_goal(tac)
    decl = state.decl(goal)
    elab = state.elaborator(goal)
    ty = elab.elab_type(tac.type)
    elab.synthesize_pending()
    ty = state.mctx.instantiate(ty)
    if ty.has_mvar and state.mctx.unassigned_mvars(ty):
        raise TacticError(f"don't know how to synthesize placeholder in\n  {_fmt(state, ty)}", tac.type)
    fv = FVar(tac.name or "this", ty)
    need = state.new_goal(ty, decl.lctx, decl.user_name)
    body = state.new_goal(state.target(goal), decl.lctx + (fv,), decl.user_name)
    state.assign(goal, App(DelayedLambda((fv,), body), need))
    if tac.value is None:
        state.replace_main([body, need])
        return
    state.replace_main([body, need])
    run_tactic(state, ast.Exact(tac.value.pos, tac.value.end_pos, "exact", tac.value))


def _type_holes(state: TacticState, ty: Expr, mark: int, known: Sequence[MVar], node: ast.Node) -> list[MVar]:
    """Holes a tactic's type annotation made (after `mark`) and nothing solved: `?_` become goals (as
    `refine` makes them), a `_` is Lean's "don't know how to synthesize placeholder"."""
    out: list[MVar] = []
    if not ty.has_mvar:
        return out
    seen = {g.uid for g in known}
    for m in state.mctx.unassigned_mvars(ty):
        if m.uid <= mark or m.uid in seen:
            continue
        decl = state.mctx.decls[m.uid]
        if decl.kind != "syntheticOpaque":
            raise TacticError(f"don't know how to synthesize placeholder\ncontext:\n{_goal_text(state, decl)}", node)
        out.append(m)
    return out


def tac_Specialize(state: TacticState, tac: ast.Specialize) -> None:
    goal = state.main_goal(tac)
    decl = state.decl(goal)
    value, new_goals = _elab_closed_term(state, goal, tac.term, None, "all")
    head = get_app_fn(value)
    if not isinstance(head, FVar) or not isinstance(value, App):
        raise TacticError("'specialize' requires a term of the form `h x_1 .. x_n` where `h` appears in the local context", tac)
    ty = state.mctx.instantiate(state.elaborator(goal).infer(value))
    fv = FVar(head.name, ty)
    lctx = tuple(h for h in decl.lctx if h.uid != head.uid) + (fv,)
    body = state.new_goal(state.target(goal), lctx, decl.user_name)
    state.assign(goal, App(DelayedLambda((fv,), body), value))
    state.replace_main([body] + new_goals)


def tac_Symm(state: TacticState, tac: ast.Symm) -> None:
    goal = state.main_goal(tac)
    lemmas = {"Eq": "Eq.symm", "Iff": "Iff.symm", "Ne": "Ne.symm"}
    target = state.target(goal)
    if _head_const(target) not in lemmas:  # `a ≠ b` is matched before `Ne` unfolds to `a = b → False`
        target = state.whnf(goal, target)
    lemma = lemmas.get(_head_const(target) or "")
    if lemma is None or state.env.find(lemma) is None:
        raise TacticError("symm failed, no @[symm] lemma applies to the goal\n\n" + state.format_goal(goal), tac)
    apply_core(state, goal, _fresh_const(state, lemma), tac)


def tac_RenameI(state: TacticState, tac: ast.RenameI) -> None:
    """Give names to the most recent inaccessible hypotheses, oldest first."""
    goal = state.main_goal(tac)
    decl = state.decl(goal)
    lctx = list(decl.lctx)
    inaccessible = [i for i, h in enumerate(lctx) if h.name.endswith("✝") and h.uid not in state.hidden]
    if len(tac.names) > len(inaccessible):
        raise TacticError("too many variable names provided", tac)
    targets = inaccessible[len(inaccessible) - len(tac.names):]
    for i, name in zip(targets, tac.names):
        if name == "_":
            continue
        h = lctx[i]
        lctx[i] = FVar(name, h.type, h.value, h.binder_info, uid=h.uid)
    new = state.new_goal(decl.type, lctx, decl.user_name)
    state.assign(goal, new)
    state.replace_main([new])


def tac_SorryTac(state: TacticState, tac: ast.Tactic) -> None:
    goal = state.main_goal(tac)
    decl = state.decl(goal)
    target = state.target(goal)
    level = state.elaborator(goal).ensure_type(target, tac)
    state.sorries.append((tac, decl.lctx, target))
    state.assign(goal, mk_app(Const("sorryAx", [level]), [target, Const("Bool.false")]))
    state.replace_main([])


tac_Admit = tac_SorryTac


def tac_Skip(state: TacticState, tac: ast.Skip) -> None:
    return None


def tac_Done(state: TacticState, tac: ast.Done) -> None:
    state.prune()
    if state.goals:
        raise TacticError("unsolved goals\n" + "\n\n".join(state.format_goals()), tac)


# ---------------------------------------------------------------------------
# combinators
# ---------------------------------------------------------------------------

def _try(state: TacticState, fn: Callable[[TacticState], None]) -> bool:
    trial = state.copy()
    try:
        fn(trial)
    except TacticError:
        return False
    state.restore_from(trial)
    return True


def _focus(state: TacticState, goal: MVar, body: Callable[[TacticState], None], node: ast.Node,
           must_close: bool = True) -> list[MVar]:
    """Run `body` with only `goal` visible; returns the goals it leaves (error if `must_close`)."""
    rest = [g for g in state.goals if g is not goal]
    state.goals = [goal]
    try:
        body(state)
    except TacticError:
        state.goals = state.goals + rest
        raise
    state.prune()
    left = state.goals
    if must_close and left:
        state.goals = left + rest
        raise TacticError("unsolved goals\n" + "\n\n".join(state.format_goal(g) for g in left), node)
    state.goals = rest
    return left


def tac_CDotTac(state: TacticState, tac: ast.CDotTac) -> None:
    goal = state.main_goal(tac)
    _focus(state, goal, lambda s: run_tactic_seq(s, tac.body), tac)


def tac_Nested(state: TacticState, tac: ast.Nested) -> None:
    if tac.bracket == "{":
        goal = state.main_goal(tac)
        _focus(state, goal, lambda s: run_tactic_seq(s, tac.body), tac)
    else:
        run_tactic_seq(state, tac.body)


def tac_Focus(state: TacticState, tac: ast.Focus) -> None:
    goal = state.main_goal(tac)
    left = _focus(state, goal, lambda s: run_tactic_seq(s, tac.body), tac, must_close=False)
    state.goals = left + state.goals


def tac_ThenAll(state: TacticState, tac: ast.ThenAll) -> None:
    goal = state.main_goal(tac)
    produced = _focus(state, goal, lambda s: run_tactic(s, tac.first), tac, must_close=False)
    rest = state.goals
    results: list[MVar] = []
    for g in produced:
        if g.uid in state.mctx.assignment:
            continue
        state.goals = [g]
        run_tactic(state, tac.then)
        state.prune()
        results.extend(state.goals)
    state.goals = results + rest


def _find_tag(state: TacticState, wanted: str) -> MVar | None:
    """Lean's `findTag?`: a goal tagged exactly `wanted`, else one whose tag ends with it, else one whose
    tag starts with it (whole name components); `_` is the main goal."""
    state.prune()
    if wanted == "_":
        return state.goals[0] if state.goals else None
    parts = wanted.split(".")
    tags = [(g, (state.decl(g).user_name or "").split(".")) for g in state.goals if state.decl(g).user_name]
    for match in (lambda t: t == parts, lambda t: t[len(t) - len(parts):] == parts, lambda t: t[:len(parts)] == parts):
        goal = next((g for g, t in tags if len(t) >= len(parts) and match(t)), None)
        if goal is not None:
            return goal
    return None


def _case_tag_not_found(state: TacticState, wanted: str, node: ast.Node) -> TacticError:
    names = [state.decl(g).user_name for g in state.goals if state.decl(g).user_name]
    if not names:
        hint = "Note: There are no cases to select."
    elif len(names) == 1:
        hint = f"Hint: The only available case tag is `{names[0]}`."
    else:
        hint = "Hint: Available tags: " + ", ".join(f"`{n}`" for n in names)
    return TacticError(f"Case tag `{wanted}` not found.\n\n{hint}", node)


def _rename_for_case(state: TacticState, goal: MVar, names: Sequence[str], node: ast.Node) -> MVar:
    if not names:
        return goal
    rename = ast.RenameI(node.pos, node.end_pos, "rename_i", tuple(names))
    state.goals = [goal] + [g for g in state.goals if g is not goal]
    tac_RenameI(state, rename)
    return state.goals[0]


def tac_Case(state: TacticState, tac: ast.Case) -> None:
    for arg in tac.args:
        goal = _find_tag(state, arg.tag)
        if goal is None:
            if arg.tag == "_":
                raise TacticError("No goals to be solved", tac)
            raise _case_tag_not_found(state, arg.tag, tac)
        goal = _rename_for_case(state, goal, arg.names, tac)
        state.mctx.update_decl(goal.uid, user_name=None)
        _focus(state, goal, lambda s: run_tactic_seq(s, tac.body), tac)


def tac_Next(state: TacticState, tac: ast.Next) -> None:
    """`next xs => tacs` is Lean's `case _ xs => tacs`: the main goal, its tag cleared."""
    goal = state.main_goal(tac)
    goal = _rename_for_case(state, goal, tac.names, tac)
    state.mctx.update_decl(goal.uid, user_name=None)
    _focus(state, goal, lambda s: run_tactic_seq(s, tac.body), tac)


def tac_AllGoals(state: TacticState, tac: ast.AllGoals) -> None:
    state.prune()
    results: list[MVar] = []
    for g in list(state.goals):
        if g.uid in state.mctx.assignment:
            continue
        state.goals = [g]
        run_tactic_seq(state, tac.body)
        state.prune()
        results.extend(state.goals)
    state.goals = results


def tac_AnyGoals(state: TacticState, tac: ast.AnyGoals) -> None:
    state.prune()
    results: list[MVar] = []
    progress = False
    for g in list(state.goals):
        trial = state.copy()
        trial.goals = [g]
        try:
            run_tactic_seq(trial, tac.body)
        except TacticError:
            results.append(g)
            continue
        progress = True
        state.restore_from(trial)
        state.prune()
        results.extend(state.goals)
    state.goals = results
    if not progress:
        body = "\n".join(t.source for t in tac.body.tactics).replace("\n", "\n  ")
        raise TacticError(f"Tactic failed on all goals:\n  {body}", tac)


def tac_First(state: TacticState, tac: ast.First) -> None:
    last: TacticError | None = None
    for alt in tac.alts:
        trial = state.copy()
        try:
            run_tactic_seq(trial, alt)
        except TacticError as err:
            last = err
            continue
        state.restore_from(trial)
        return
    raise last or TacticError("first failed", tac)


def tac_Try(state: TacticState, tac: ast.Try) -> None:
    _try(state, lambda s: run_tactic_seq(s, tac.body))


_REPEAT_LIMIT = 1_000
MAX_REC_DEPTH = ("maximum recursion depth has been reached\nuse `set_option maxRecDepth <num>` to increase limit\n"
                 "use `set_option diagnostics true` to get diagnostic information")


def tac_Repeat(state: TacticState, tac: ast.Repeat) -> None:
    """Lean's `repeat tac` is `first | (tac); repeat tac | skip`: it stops when `tac` fails. A `tac` that
    keeps succeeding overflows Lean's recursion depth; reported the same here, at once when a round
    changed nothing (it would loop forever), else after `_REPEAT_LIMIT` rounds."""
    for _ in range(_REPEAT_LIMIT):
        state.prune()
        before = ([g.uid for g in state.goals], len(state.mctx.assignment))
        if not _try(state, lambda s: run_tactic_seq(s, tac.body)):
            return
        state.prune()
        if ([g.uid for g in state.goals], len(state.mctx.assignment)) == before:
            break
    raise TacticError(MAX_REC_DEPTH, tac)


def tac_RepeatAll(state: TacticState, tac: ast.RepeatAll) -> None:
    """Lean's `repeat' tac`: `tac` on each goal, then on each goal it produced, depth first; goals
    where it fails are kept. Never fails itself; bounded like `repeat`."""
    rounds = 0

    def go(goals: list[MVar]) -> list[MVar]:
        nonlocal rounds
        kept: list[MVar] = []
        for goal in goals:
            rounds += 1
            if rounds > _REPEAT_LIMIT:
                raise TacticError(MAX_REC_DEPTH, tac)
            trial = state.copy()
            trial.goals = [goal]
            try:
                run_tactic_seq(trial, tac.body)
            except TacticError:
                kept.append(goal)
                continue
            trial.prune()
            if [g.uid for g in trial.goals] == [goal.uid]:  # succeeded without progress: it would loop
                raise TacticError(MAX_REC_DEPTH, tac)
            produced = trial.goals
            state.restore_from(trial)
            kept.extend(go(produced))
        return kept

    state.prune()
    state.goals = go(list(state.goals))


def tac_Iterate(state: TacticState, tac: ast.Iterate) -> None:
    """`iterate n tac` runs `tac` n times in sequence (failing if any run fails); `iterate tac` runs it
    until it fails."""
    if tac.count is not None:
        for _ in range(tac.count):
            run_tactic_seq(state, tac.body)
        return
    for _ in range(_REPEAT_LIMIT):
        if not _try(state, lambda s: run_tactic_seq(s, tac.body)):
            return
    raise TacticError(MAX_REC_DEPTH, tac)


def tac_OnGoal(state: TacticState, tac: ast.OnGoal) -> None:
    state.prune()
    if tac.index == 0:  # Batteries' texts
        raise TacticError("goals are 1-indexed", tac)
    if abs(tac.index) > len(state.goals):
        raise TacticError(f"goal index `{abs(tac.index)}` is out of bounds", tac)
    index = tac.index - 1 if tac.index > 0 else len(state.goals) + tac.index
    goal = state.goals[index]
    before, after = state.goals[:index], state.goals[index + 1:]
    state.goals = [goal]
    run_tactic_seq(state, tac.body)
    state.prune()
    state.goals = before + state.goals + after


def tac_Rotate(state: TacticState, tac: ast.Rotate) -> None:
    """`rotate_left n` moves the first n goals to the end; `rotate_right n` the last n to the front."""
    state.prune()
    if not state.goals:
        return
    shift = tac.count % len(state.goals)
    if not tac.left:
        shift = (len(state.goals) - shift) % len(state.goals)
    state.goals = state.goals[shift:] + state.goals[:shift]


# registry: tactic syntax class name -> implementation
_TACTICS: dict[str, Callable] = {name[len("tac_"):]: fn for name, fn in dict(globals()).items() if name.startswith("tac_")}
_TACTICS["Trivial"] = tac_Trivial
_TACTICS["Admit"] = tac_Admit


def register(name: str) -> Callable[[Callable], Callable]:
    """Decorator for tactics defined in other modules (`tactics_cases`, `tactics_rewrite`)."""
    def wrap(fn: Callable) -> Callable:
        _TACTICS[name] = fn
        return fn

    return wrap


def _load_extensions() -> None:
    from . import tactics_calc, tactics_cases, tactics_conversion, tactics_decide, tactics_rewrite  # noqa: F401  (they register themselves)


_load_extensions()
