"""The embedded checker behind Pantograph's JSON-lines protocol (PROTOCOLS.md Part 2).

``python -m lean_bridge.embedded pantograph`` (or ``python -m lean_bridge.embedded.pantograph_server``)
prints ``ready.`` and then answers one request line with one line of compact JSON, exactly as
Pantograph 0.3.4 does, so ``lean_bridge.pantograph_client`` (and PyPantograph-style clients) run
unchanged against it or against a user's real Pantograph ``repl``.

Framing: a request is ``cmd {json}``, a bare ``cmd``, or ``{"cmd": ..., "payload": {...}}``; an
empty line ends the server. Anything the engine prints goes to stderr, so stdout carries only
``ready.`` and the responses. Command-line arguments are module names to "import" (the embedded
library is always loaded; names are recorded for ``env.describe``), ``--key=value`` Lean options
(ignored) and ``--version``.

Commands: ``reset``, ``stat``, ``options.set``/``options.print``, ``expr.echo``, ``env.describe``,
``env.catalog``, ``env.inspect``, ``env.add``, ``goal.start`` (``expr`` or ``copyFrom``),
``goal.tactic`` (``tactic``, ``expr``, ``have``, ``draft``, ``mode: "tactic"``; ``let``, ``calc``
and the ``conv``/``calc`` fragments answer with a tactic failure saying they are not supported),
``goal.continue``, ``goal.delete``, ``goal.print`` and ``frontend.process`` (``file``/``fileName``,
``sorrys``, ``invocations``, ``newConstants``, ``inheritEnv``). ``goal.save``/``goal.load`` and
``env.save``/``env.load`` are not provided (``{"error": "command", ...}``).

Names: a free variable with engine id ``u`` is ``_uniq.{2u}``, a metavariable (term or universe)
``_uniq.{2u+1}``, so the two never collide, as in Lean where both come from one name generator.

Soundness: goal states are immutable (every tactic runs on a copy), and each tactic must account
for every hole it makes (a new goal, or Lean's error; `tactics.run_tactic`). A step that leaves no
goal is reported only if ``gate.decide_goal`` -- the one gate the REPL's ``proofStatus`` and
``prover check`` use too -- accepts every root: no hole left, closed over the root's hypotheses,
re-checked from scratch by the kernel against the root type, no ``sorry``, no user axiom.
Otherwise the step fails with the gate's reason as its message (no new state): ``goals: []``
always means a proof. Real Pantograph does not run the kernel here (PROTOCOLS.md 2.5), and
reports a closing ``sorry`` as ``goals: []`` with ``hasSorry``; refusing it is strictly safer.
Only in manual mode (``autoResume: false``) may an empty list mean "this branch is done" while other
goals are dormant (``goal.continue`` brings them back); the gate runs when the last one closes. In
automatic mode goals left out by ``goal.continue`` come back as soon as the shown ones are closed
(real Pantograph would answer ``goals: []`` there).

Errors: protocol errors are ``{"error": kind, "desc": text}`` with Pantograph's kinds (``command``
for unknown commands and unparsable lines/payloads, ``index`` for unknown states, goals and
symbols, ``parsing``/``elab`` for bad expressions, ``structure`` for bad ``goal.continue``,
``arguments`` for wrong field combinations, ``internal`` for ``interrupt`` on a timeout and for
any unexpected exception, ``io`` for unreadable files). Tactic failures are ``messages`` without
``nextStateId``; tactic syntax errors are ``parseError``. An exception raised by the engine while a
tactic runs (a Python error, or ``tactics.EngineError`` when a tactic broke an invariant) is an
*internal* error, ``{"error": "internal", "desc": ...}``: never a failed tactic, so training data
never learns from an engine bug; the state it ran on is untouched and the server lives on.
"""
from __future__ import annotations

import functools
import json
import re
import signal
import sys
import threading
from contextlib import contextmanager
from dataclasses import dataclass, replace as dc_replace
from typing import Any, Callable, Iterator, Optional, Sequence, TextIO

from lean_bridge.syntax import ParseError, parse_file, parse_tactic_block, parse_term
from lean_bridge.syntax.tokens import is_id_first, is_id_rest

from . import gate
from .elab_command import CommandElaborator, Message
from .elab_env import ElabEnv
from .elab_term import ElabError, Scope, TermElaborator
from .environment import (
    AxiomInfo,
    ConstructorInfo,
    DefinitionInfo,
    InductiveInfo,
    QuotInfo,
    RecursorInfo,
    TheoremInfo,
)
from .expr import (
    App,
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
    constants_of,
    get_app_fn_args,
    iter_subexprs,
    mk_lambda_fvars,
)
from .kernel import KernelError, add_definition, raise_recursion_limit
from .level import (
    Level,
    LevelIMax,
    LevelMax,
    LevelMVar,
    LevelParam,
    LevelZero,
    to_offset,
)
from .meta import DelayedLambda, MetaContext
from .prelude import prelude_env
from .pretty import _Printer, sanitize_names
from .tactics import EngineError, TacticError, TacticState, _elab_closed_term, run_tactic, run_tactic_seq

VERSION = "0.3.4"
READY = "ready."
TACTIC_FILE = "<Pantograph>"
DEFAULT_OPTIONS: dict[str, Any] = {
    "printJsonPretty": False,
    "printExprPretty": True,
    "printExprAST": False,
    "printDependentMVars": False,
    "noRepeat": False,
    "printAuxDecls": False,
    "printImplementationDetailHyps": False,
    "automaticMode": True,
    "timeout": 0,
}
LIBRARY_MODULE = "Init"


# --------------------------------------------------------------------------- errors


class ProtocolFailure(Exception):
    """A protocol error answered as ``{"error": kind, "desc": desc}``."""

    def __init__(self, kind: str, desc: str) -> None:
        super().__init__(f"{kind}: {desc}")
        self.kind = kind
        self.desc = desc

    def response(self) -> dict[str, Any]:
        return {"error": self.kind, "desc": self.desc}


class Interrupted(BaseException):
    """The ``timeout`` option ran out (a BaseException so no engine ``except Exception`` swallows it)."""


_JSON_TYPES = {str: "String", int: "Nat", bool: "Bool", list: "Array", dict: "Object"}


def _field(payload: dict[str, Any], struct: str, name: str, kind: type, default: Any = ..., ) -> Any:
    """A payload field checked like Lean's derived ``FromJson`` (missing / wrong type → ``command`` error).

    Derived instances read a field with ``getObjValD`` (``null`` when missing), so a missing
    required field reports ``String expected`` like a mistyped one (samples.json session).
    """
    expected = " or ".join(_JSON_TYPES.get(k, k.__name__) for k in (kind if isinstance(kind, tuple) else (kind,)))
    if name not in payload or payload[name] is None:
        if default is ...:
            raise ProtocolFailure("command", f"Unable to parse json: Pantograph.Protocol.{struct}.{name}: "
                                             f"{expected} expected")
        return default
    value = payload[name]
    ok = isinstance(value, kind) and not (kind is int and isinstance(value, bool))
    if kind is int and ok and value < 0:
        ok = False
    if not ok:
        raise ProtocolFailure("command", f"Unable to parse json: Pantograph.Protocol.{struct}.{name}: "
                                         f"{expected} expected")
    return value


def _str_list(payload: dict[str, Any], struct: str, name: str) -> Optional[list[str]]:
    value = _field(payload, struct, name, list, None)
    if value is not None and not all(isinstance(v, str) for v in value):
        raise ProtocolFailure("command", f"Unable to parse json: Pantograph.Protocol.{struct}.{name}: String expected")
    return value


# --------------------------------------------------------------------------- names and S-expressions


def fvar_name(uid: int) -> str:
    """Pantograph name of the free variable with engine id ``uid``."""
    return f"_uniq.{2 * uid}"


def mvar_name(uid: int) -> str:
    """Pantograph name of the (term or universe) metavariable with engine id ``uid``."""
    return f"_uniq.{2 * uid + 1}"


def mvar_uid(name: str) -> Optional[int]:
    """Inverse of ``mvar_name`` (None for anything else)."""
    m = re.fullmatch(r"_uniq\.(\d+)", name)
    if m is None or int(m.group(1)) % 2 == 0:
        return None
    return int(m.group(1)) // 2


def _quote_part(part: str) -> str:
    if part and (part.isdigit() or (is_id_first(part[0]) and all(is_id_rest(c) for c in part[1:]))):
        return part
    return f"«{part}»"


@functools.lru_cache(maxsize=65536)
def quote_name(name: str) -> str:
    """A Lean name as ``Name.toString`` prints it (components that are not identifiers in ``«»``);
    memoised: every goal printed to the search re-quotes the same few hundred names."""
    if name.startswith("«") or not name:
        return name or "[anonymous]"
    return ".".join(_quote_part(p) for p in name.split("."))


def _binder_name(name: str) -> str:
    """Pantograph's ``serializeName`` (sanitize): inaccessible/unhygienic names (``a✝``) print as ``_``.

    Names needing ``«»`` are wrapped in double quotes, as ``serializeName.addQuotes`` does.
    """
    if not name or "✝" in name or name == "_":
        return "_"
    quoted = quote_name(name)
    return f'"{quoted}"' if "«" in quoted else quoted


# Pantograph's ``binderInfoSexp`` (Delate.lean): the long forms, as samples.json shows
_BINDER_INFO = {"default": "", "implicit": " :implicit", "strictImplicit": " :strictImplicit",
                "instImplicit": " :instImplicit"}


def level_sexp(level: Level) -> str:
    """A universe level as Pantograph's ``serializeSortLevel``."""
    base, k = to_offset(level)
    if isinstance(base, LevelZero):
        return str(k)
    if isinstance(base, LevelMax):
        u = f"(:max {level_sexp(base.lhs)} {level_sexp(base.rhs)})"
    elif isinstance(base, LevelIMax):
        u = f"(:imax {level_sexp(base.lhs)} {level_sexp(base.rhs)})"
    elif isinstance(base, LevelParam):
        u = quote_name(base.name)
    elif isinstance(base, LevelMVar):
        u = f"(:mv {mvar_name(base.uid)})"
    else:
        u = str(base)
    return u if k == 0 else f"(+ {u} {k})"


def expr_sexp(e: Expr, env: Optional[ElabEnv] = None) -> str:
    """``e`` in Pantograph's ``printExprAST`` syntax (PROTOCOLS.md 2.7); holes are expected instantiated."""
    out: list[str] = []

    def go(x: Expr) -> None:
        if isinstance(x, BVar):
            out.append(str(x.idx))
        elif isinstance(x, FVar):
            out.append(f"(:fv {fvar_name(x.uid)})")
        elif isinstance(x, MVar):
            out.append(f"(:mv {mvar_name(x.uid)})")
        elif isinstance(x, Sort):
            out.append(f"(:sort {level_sexp(x.level)})")
        elif isinstance(x, Const):
            out.append(f"(:c {quote_name(x.name)})")
        elif isinstance(x, App):
            fn, args = get_app_fn_args(x)
            out.append("(")
            go(fn)
            for a in args:
                out.append(" ")
                go(a)
            out.append(")")
        elif isinstance(x, (Lam, Pi)):
            out.append(f"(:lambda {_binder_name(x.name)} " if isinstance(x, Lam) else f"(:forall {_binder_name(x.name)} ")
            go(x.type)
            out.append(" ")
            go(x.body)
            out.append(_BINDER_INFO.get(x.binder_info.value, "") + ")")
        elif isinstance(x, Let):
            out.append(f"(:let {_binder_name(x.name)} ")
            go(x.type)
            out.append(" ")
            go(x.value)
            out.append(" ")
            go(x.body)
            out.append(")")
        elif isinstance(x, NatLit):
            out.append(f"(:lit {x.value})")
        elif isinstance(x, Proj):
            field = _projection_name(x, env)
            if field is not None:
                name, nparams = field
                out.append(f"((:c {quote_name(name)}) " + "_ " * nparams)
                go(x.expr)
                out.append(")")
            else:
                out.append(f"(:proj {quote_name(x.struct)} {x.idx} ")
                go(x.expr)
                out.append(")")
        elif isinstance(x, DelayedLambda):
            go(mk_lambda_fvars(list(x.fvars), x.body))
        else:
            out.append(f"(:unknown {type(x).__name__})")

    go(e)
    return "".join(out)


def _projection_name(p: Proj, env: Optional[ElabEnv]) -> Optional[tuple[str, int]]:
    """``(S.field, number of parameters of S)`` when ``S`` is a structure with that field."""
    if env is None:
        return None
    info = env.structures.get(p.struct)
    induct = env.find(p.struct)
    if info is None or not isinstance(induct, InductiveInfo) or p.idx >= len(info.fields):
        return None
    name = f"{p.struct}.{info.fields[p.idx]}"
    return (name, induct.num_params) if env.find(name) is not None else None


def _unassigned_mvars(e: Expr) -> list[MVar]:
    seen: dict[int, MVar] = {}
    if e.has_mvar:
        for x in iter_subexprs(e):
            if isinstance(x, MVar) and x.uid not in seen:
                seen[x.uid] = x
    return list(seen.values())


# --------------------------------------------------------------------------- goal states


@dataclass
class GoalState:
    """One immutable proof state: the engine state (its ``goals`` are this state's goal list), the
    root holes with their types (one for ``goal.start``, one per ``sorry`` for ``frontend.process``),
    and where it came from (for ``goal.print`` ``parentExprs`` and ``noRepeat``)."""

    tstate: TacticState
    roots: list[tuple[MVar, Expr]]
    parent_goal: Optional[MVar] = None
    known: frozenset[int] = frozenset()  # every goal this state's lineage has shown (dormant ones included)

    def __post_init__(self) -> None:
        self.known = self.known | {g.uid for g in self.tstate.goals}

    @property
    def mctx(self) -> MetaContext:
        return self.tstate.mctx

    def open_goals(self) -> list[MVar]:
        return [g for g in self.tstate.goals if g.uid not in self.mctx.assignment]


def branch(ts: TacticState) -> TacticState:
    """A copy of ``ts`` safe to run tactics on: the declarations of its goals are copied too, since
    tactics edit a goal's declaration in place (``case`` clears its tag)."""
    new = ts.copy()
    new.record_steps = False
    decls = new.mctx.decls
    for g in ts.goals:
        d = decls.get(g.uid)
        if d is not None:
            decls[g.uid] = dc_replace(d)
    return new


# --------------------------------------------------------------------------- the server


class PantographServer:
    """Answers Pantograph commands against one environment; ``handle_line`` is the whole protocol."""

    def __init__(self, env: Optional[ElabEnv] = None, imports: Sequence[str] = ("Init",)) -> None:
        raise_recursion_limit()
        self.env: ElabEnv = env if env is not None else prelude_env()
        self.scope = Scope()
        self.imports = list(imports)
        self.options: dict[str, Any] = dict(DEFAULT_OPTIONS)
        self.states: dict[int, GoalState] = {}
        self.next_id = 0
        self._commands: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
            "reset": self.cmd_reset,
            "stat": self.cmd_stat,
            "options.set": self.cmd_options_set,
            "options.print": self.cmd_options_print,
            "expr.echo": self.cmd_expr_echo,
            "env.describe": self.cmd_env_describe,
            "env.catalog": self.cmd_env_catalog,
            "env.inspect": self.cmd_env_inspect,
            "env.add": self.cmd_env_add,
            "goal.start": self.cmd_goal_start,
            "goal.tactic": self.cmd_goal_tactic,
            "goal.continue": self.cmd_goal_continue,
            "goal.delete": self.cmd_goal_delete,
            "goal.remove": self.cmd_goal_delete,
            "goal.print": self.cmd_goal_print,
            "frontend.process": self.cmd_frontend_process,
        }

    # -------------------------------------------------------------- framing

    def handle_line(self, line: str) -> Optional[dict[str, Any]]:
        """The response to one request line (None: the line was empty, the server should exit)."""
        text = line.strip()
        if not text:
            return None
        try:
            cmd, payload = self._parse_request(text)
            return self.execute(cmd, payload)
        except ProtocolFailure as e:
            return e.response()

    @staticmethod
    def _parse_request(text: str) -> tuple[str, dict[str, Any]]:
        if text.startswith("{"):
            try:
                obj = json.loads(text)
            except ValueError as e:
                raise ProtocolFailure("command", f"Unable to parse json: {e}") from None
            if not isinstance(obj, dict) or not isinstance(obj.get("cmd"), str):
                raise ProtocolFailure("command", "Unable to parse json: Pantograph.Protocol.Command.cmd: String expected")
            payload = obj.get("payload", {})
        else:
            cmd, _, rest = text.partition(" ")
            obj = {"cmd": cmd}
            try:
                payload = json.loads(rest) if rest.strip() else {}
            except ValueError as e:
                raise ProtocolFailure("command", f"Unable to parse json: {e}") from None
        if payload is None:
            payload = {}
        if not isinstance(payload, dict):
            raise ProtocolFailure("command", "Unable to parse json: payload: Object expected")
        return obj["cmd"], payload

    def execute(self, cmd: str, payload: dict[str, Any]) -> dict[str, Any]:
        """Run one command; every failure becomes an error object."""
        handler = self._commands.get(cmd)
        if handler is None:
            return {"error": "command", "desc": f"Unknown command {cmd}"}
        try:
            with self._deadline():
                return handler(payload)
        except ProtocolFailure as e:
            return e.response()
        except Interrupted:
            return {"error": "internal", "desc": "interrupt"}
        except RecursionError:
            return {"error": "internal", "desc": "maximum recursion depth has been reached"}
        except Exception as e:  # an engine bug must not kill the server
            return {"error": "internal", "desc": f"{type(e).__name__}: {e}"}

    @contextmanager
    def _deadline(self) -> Iterator[None]:
        """The ``timeout`` option (ms): cooperative cancellation via SIGALRM in the main thread."""
        ms = self.options.get("timeout") or 0
        usable = ms > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
        if not usable:
            yield
            return

        def expire(signum: int, frame: Any) -> None:
            raise Interrupted()

        previous = signal.signal(signal.SIGALRM, expire)
        signal.setitimer(signal.ITIMER_REAL, ms / 1000.0)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)

    # -------------------------------------------------------------- expressions and goals

    def _printer(self, env: ElabEnv, names: Optional[dict[int, str]]) -> _Printer:
        names = names or {}
        return _Printer(env, names, names.values())

    def expr_obj(self, e: Expr, env: ElabEnv, names: Optional[dict[int, str]] = None,
                 mctx: Optional[MetaContext] = None) -> dict[str, Any]:
        """An expression object ``{pp?, sexp?, dependentMVars?}`` according to the options."""
        if mctx is not None:
            e = mctx.instantiate(e)
        out: dict[str, Any] = {}
        if self.options["printExprPretty"]:
            try:
                out["pp"] = self._printer(env, names).fmt(e)[0]
            except RecursionError:
                out["pp"] = "<term too deep to print>"
        if self.options["printExprAST"]:
            out["sexp"] = expr_sexp(e, env)
        if self.options["printDependentMVars"]:
            out["dependentMVars"] = [mvar_name(m.uid) for m in _unassigned_mvars(e)]
        return out

    def goal_obj(self, gs: GoalState, goal: MVar) -> dict[str, Any]:
        """A goal object (PROTOCOLS.md 2.4)."""
        ts = gs.tstate
        decl = ts.decl(goal)
        env = ts.env
        hyps = [ts._instantiated(h) for h in decl.lctx if h.uid not in ts.hidden]
        shown = sanitize_names(hyps)
        repeat: set[int] = set()
        if self.options["noRepeat"] and gs.parent_goal is not None and gs.parent_goal.uid in ts.mctx.decls:
            repeat = {h.uid for h in ts.mctx.decls[gs.parent_goal.uid].lctx}
        variables = []
        for h in hyps:
            name = shown[h.uid]
            var: dict[str, Any] = {"name": fvar_name(h.uid), "userName": name, "isInaccessible": "✝" in name}
            if h.uid not in repeat:
                var["type"] = self.expr_obj(h.type, env, shown)
                if h.value is not None:
                    var["value"] = self.expr_obj(h.value, env, shown)
            variables.append(var)
        target = ts.mctx.instantiate(decl.type)
        obj: dict[str, Any] = {"name": mvar_name(goal.uid)}
        if decl.user_name:
            obj["userName"] = decl.user_name
        is_prop = self._is_prop(ts, goal, target)
        obj.update({"fragment": "tactic", "isConjecture": is_prop, "isProp": is_prop,
                    "target": self.expr_obj(target, env, shown), "vars": variables})
        return obj

    @staticmethod
    def _is_prop(ts: TacticState, goal: MVar, target: Expr) -> bool:
        try:
            elab = ts.elaborator(goal)
            sort = elab.whnf(elab.infer(target))
            return isinstance(sort, Sort) and isinstance(ts.mctx.instantiate_level(sort.level), LevelZero)
        except Exception:
            return False

    def goals_obj(self, gs: GoalState, goals: Optional[Sequence[MVar]] = None) -> list[dict[str, Any]]:
        return [self.goal_obj(gs, g) for g in (gs.open_goals() if goals is None else goals)]

    # -------------------------------------------------------------- state table

    def _add_state(self, gs: GoalState) -> int:
        sid = self.next_id
        self.next_id += 1
        self.states[sid] = gs
        return sid

    def _state(self, sid: int) -> GoalState:
        gs = self.states.get(sid)
        if gs is None:
            raise ProtocolFailure("index", f"Invalid state index {sid}")
        return gs

    # -------------------------------------------------------------- simple commands

    def cmd_reset(self, payload: dict[str, Any]) -> dict[str, Any]:
        n = len(self.states)
        self.states.clear()
        self.next_id = 0
        return {"nGoals": n}

    def cmd_stat(self, payload: dict[str, Any]) -> dict[str, Any]:
        return {"nGoals": len(self.states)}

    def cmd_options_set(self, payload: dict[str, Any]) -> dict[str, Any]:
        new = dict(self.options)
        for key, default in DEFAULT_OPTIONS.items():
            if key in payload and payload[key] is not None:
                new[key] = _field(payload, "OptionsSet", key, type(default))
        self.options = new
        return {}

    def cmd_options_print(self, payload: dict[str, Any]) -> dict[str, Any]:
        return dict(self.options)

    def cmd_env_describe(self, payload: dict[str, Any]) -> dict[str, Any]:
        return {"imports": list(self.imports), "modules": [LIBRARY_MODULE]}

    # -------------------------------------------------------------- elaboration helpers

    def _elab_type_text(self, text: str, levels: Optional[list[str]]) -> tuple[Expr, TermElaborator]:
        """Parse and elaborate a type; errors ``parsing`` / ``elab``."""
        stx = self._parse_term(text)
        elab = TermElaborator(self.env, self.scope, level_names=levels or (), auto_bound_universes=levels is None)
        try:
            ty = elab.elab_type(stx)
            elab.synthesize_pending()
        except ElabError as e:
            raise ProtocolFailure("elab", e.message) from None
        except KernelError as e:
            raise ProtocolFailure("elab", e.message) from None
        ty = elab.instantiate(ty)
        if elab.mctx.unassigned_mvars(ty):
            raise ProtocolFailure("elab", "failed to elaborate the expression: it contains holes that could not be determined")
        return gate.zero_level_holes(ty), elab

    @staticmethod
    def _parse_term(text: str) -> Any:
        try:
            return parse_term(text, TACTIC_FILE)
        except ParseError as e:
            raise ProtocolFailure("parsing", f"{TACTIC_FILE}:{e.line}:{e.column}: {e.message}") from None

    def cmd_expr_echo(self, payload: dict[str, Any]) -> dict[str, Any]:
        text = _field(payload, "ExprEcho", "expr", str)
        type_text = _field(payload, "ExprEcho", "type", str, None)
        levels = _str_list(payload, "ExprEcho", "levels")
        elab = TermElaborator(self.env, self.scope, level_names=levels or (), auto_bound_universes=levels is None)
        expected = None
        if type_text is not None:
            stx_t = self._parse_term(type_text)
            try:
                expected = elab.elab_type(stx_t)
            except (ElabError, KernelError) as e:
                raise ProtocolFailure("elab", e.message) from None
        stx = self._parse_term(text)
        try:
            e = elab.elab(stx, expected)
            elab.synthesize_pending()
            e = elab.instantiate(e)
            ty = elab.infer(e)
        except (ElabError, KernelError) as err:
            raise ProtocolFailure("elab", err.message) from None
        return {"expr": self.expr_obj(e, self.env, mctx=elab.mctx), "type": self.expr_obj(ty, self.env, mctx=elab.mctx)}

    # -------------------------------------------------------------- environment

    @staticmethod
    def _kind_letter(info: Any) -> str:
        for cls, letter in ((TheoremInfo, "t"), (DefinitionInfo, "d"), (AxiomInfo, "a"), (QuotInfo, "q"),
                            (InductiveInfo, "i"), (ConstructorInfo, "c"), (RecursorInfo, "r")):
            if isinstance(info, cls):
                return letter
        return "o"

    @staticmethod
    def _is_internal(name: str) -> bool:
        return any(part.startswith("_") or part.startswith("match_") or part.startswith("proof_")
                   for part in name.split("."))

    def cmd_env_catalog(self, payload: dict[str, Any]) -> dict[str, Any]:
        symbols = [self._kind_letter(info) + info.name for info in self.env.kernel if not self._is_internal(info.name)]
        filename = _field(payload, "EnvCatalog", "filename", str, None)
        if filename is None:
            return {"symbols": symbols}
        prefix = _field(payload, "EnvCatalog", "modulePrefix", str, None)
        invert = _field(payload, "EnvCatalog", "invertFilter", bool, False)
        if prefix is not None:
            keep = LIBRARY_MODULE.startswith(prefix) != invert
            symbols = symbols if keep else []
        try:
            with open(filename, "w", encoding="utf-8") as f:
                f.writelines(s + "\n" for s in symbols)
        except OSError as e:
            raise ProtocolFailure("io", str(e)) from None
        return {"nSymbols": len(symbols)}

    def cmd_env_inspect(self, payload: dict[str, Any]) -> dict[str, Any]:
        name = _field(payload, "EnvInspect", "name", str)
        want_value = _field(payload, "EnvInspect", "value", bool, False)
        want_deps = _field(payload, "EnvInspect", "dependency", bool, False)
        info = self.env.find(name)
        if info is None:
            raise ProtocolFailure("index", f"Symbol not found {name}")
        out: dict[str, Any] = {"type": self.expr_obj(info.type, self.env), "isUnsafe": False}
        value = getattr(info, "value", None)
        if value is not None and (isinstance(info, DefinitionInfo) or want_value):
            out["value"] = self.expr_obj(value, self.env)
        if name in self._library_names():
            out["module"] = LIBRARY_MODULE
        if want_deps:
            out["typeDependency"] = sorted(constants_of(info.type))
            if value is not None:
                out["valueDependency"] = sorted(constants_of(value))
        if isinstance(info, InductiveInfo):
            out["inductInfo"] = {"numParams": info.num_params, "numIndices": info.num_indices, "all": [info.name],
                                 "ctors": list(info.ctors), "isRec": info.is_rec, "isReflexive": False,
                                 "isNested": False}
        elif isinstance(info, ConstructorInfo):
            out["constructorInfo"] = {"induct": info.induct, "cidx": info.cidx, "numParams": info.num_params,
                                      "numFields": info.num_fields}
        elif isinstance(info, RecursorInfo):
            out["recursorInfo"] = {"all": [info.induct], "numParams": info.num_params, "numIndices": info.num_indices,
                                   "numMotives": info.num_motives, "numMinors": info.num_minors,
                                   "rules": [{"ctor": r.ctor, "nFields": r.num_fields,
                                              "rhs": self.expr_obj(r.rhs, self.env)} for r in info.rules],
                                   "k": info.k}
        return out

    _library_cache: Optional[frozenset[str]] = None

    def _library_names(self) -> frozenset[str]:
        if PantographServer._library_cache is None:
            PantographServer._library_cache = frozenset(prelude_env().kernel.order)
        return PantographServer._library_cache

    def cmd_env_add(self, payload: dict[str, Any]) -> dict[str, Any]:
        name = _field(payload, "EnvAdd", "name", str)
        value_text = _field(payload, "EnvAdd", "value", str)
        type_text = _field(payload, "EnvAdd", "type", str, None)
        levels = _str_list(payload, "EnvAdd", "levels")
        is_theorem = _field(payload, "EnvAdd", "isTheorem", bool, False)
        if name in self.env:
            raise ProtocolFailure("elab", f"'{name}' has already been declared")
        elab = TermElaborator(self.env, self.scope, level_names=levels or (), auto_bound_universes=levels is None)
        try:
            ty = elab.elab_type(self._parse_term(type_text)) if type_text is not None else None
            value = elab.elab(self._parse_term(value_text), ty)
            elab.synthesize_pending()
            if ty is None:
                ty = elab.infer(value)
            ty, value = elab.instantiate(ty), elab.instantiate(value)
            if elab.mctx.unassigned_mvars(ty) or elab.mctx.unassigned_mvars(value):
                raise ProtocolFailure("elab", "failed to elaborate: the term contains holes that could not be determined")
            kernel = add_definition(self.env.kernel, name, tuple(elab.level_names), gate.zero_level_holes(ty),
                                    gate.zero_level_holes(value), is_theorem=is_theorem)
        except (ElabError, KernelError) as e:
            raise ProtocolFailure("elab", e.message) from None
        self.env = self.env.with_kernel(kernel)
        return {}

    # -------------------------------------------------------------- goals

    def cmd_goal_start(self, payload: dict[str, Any]) -> dict[str, Any]:
        expr = _field(payload, "GoalStart", "expr", str, None)
        copy_from = _field(payload, "GoalStart", "copyFrom", str, None)
        levels = _str_list(payload, "GoalStart", "levels")
        if (expr is None) == (copy_from is None):
            raise ProtocolFailure("arguments", "Exactly one of {expr, copyFrom} must be supplied")
        mctx = MetaContext()
        if expr is not None:
            ty, elab = self._elab_type_text(expr, levels)
            level_names = list(elab.level_names)
            mctx = elab.mctx
        else:
            info = self.env.find(copy_from)
            if info is None:
                raise ProtocolFailure("index", f"Symbol not found: {copy_from}")
            ty, level_names = info.type, list(info.level_params)
        root = mctx.new_mvar(ty, (), None, "syntheticOpaque")
        ts = TacticState(self.env, self.scope, mctx, [root], level_names)
        sid = self._add_state(GoalState(ts, [(root, ty)]))
        return {"stateId": sid, "root": mvar_name(root.uid)}

    def cmd_goal_delete(self, payload: dict[str, Any]) -> dict[str, Any]:
        ids = _field(payload, "GoalDelete", "stateIds", list)
        for sid in ids:
            if isinstance(sid, int):
                self.states.pop(sid, None)
        return {}

    def cmd_goal_print(self, payload: dict[str, Any]) -> dict[str, Any]:
        sid = _field(payload, "GoalPrint", "stateId", int)
        root_expr = _field(payload, "GoalPrint", "rootExpr", bool, False)
        parent_exprs = _field(payload, "GoalPrint", "parentExprs", bool, False) or \
            _field(payload, "GoalPrint", "parentExpr", bool, False)
        want_goals = _field(payload, "GoalPrint", "goals", bool, True)
        extra = _str_list(payload, "GoalPrint", "extraMVars") or []
        gs = self._state(sid)
        env, mctx = gs.tstate.env, gs.mctx
        out: dict[str, Any] = {}
        roots = [mctx.instantiate(r) for r, _ in gs.roots]
        if root_expr:
            out["root"] = self.expr_obj(roots[0], env) if len(roots) == 1 else None
        if parent_exprs:
            p = gs.parent_goal
            out["parentExprs"] = [self.expr_obj(p, env, mctx=mctx) if p is not None and p.uid in mctx.assignment else None]
        out["goals"] = self.goals_obj(gs) if want_goals else []
        extras = []
        for name in extra:
            uid = mvar_uid(name)
            if uid is None or uid not in mctx.decls:
                raise ProtocolFailure("index", f"Invalid metavariable {name}")
            extras.append(self.expr_obj(MVar(uid), env, mctx=mctx))
        out["extraMVars"] = extras
        flags = [gate.root_flags(mctx, r) for r, _ in gs.roots]
        out["rootHasSorry"] = any(has_sorry for _, has_sorry in flags)
        out["rootHasUnsafe"] = False
        out["rootHasMVar"] = any(has_mvar for has_mvar, _ in flags)
        return out

    def cmd_goal_continue(self, payload: dict[str, Any]) -> dict[str, Any]:
        target_id = _field(payload, "GoalContinue", "target", int)
        branch_id = _field(payload, "GoalContinue", "branch", int, None)
        names = _str_list(payload, "GoalContinue", "goals")
        if (branch_id is None) == (names is None):
            raise ProtocolFailure("arguments", "Exactly one of {branch, goals} must be supplied")
        target = self._state(target_id)
        if branch_id is not None:
            src = self._state(branch_id)
            if target.open_goals():
                raise ProtocolFailure("structure", "Target state has unresolved goals")
            if [r.uid for r, _ in target.roots] != [r.uid for r, _ in src.roots]:
                raise ProtocolFailure("structure", "Roots of two continued goal states do not match: "
                                      f"{mvar_name(src.roots[0][0].uid)} != {mvar_name(target.roots[0][0].uid)}")
            wanted = list(src.tstate.goals)
        else:
            wanted = []
            invalid = []
            for n in names or []:
                uid = mvar_uid(n)
                if uid is None or uid not in target.mctx.decls:
                    invalid.append(n)
                else:
                    wanted.append(MVar(uid))
            if invalid:
                raise ProtocolFailure("structure", f"Goals {invalid} are not in scope")
        ts = branch(target.tstate)
        ts.goals = [g for g in wanted if g.uid not in ts.mctx.assignment]
        known = target.known | (self._state(branch_id).known if branch_id is not None else frozenset())
        new = GoalState(ts, target.roots, None, known)
        sid = self._add_state(new)
        return {"nextStateId": sid, "goals": self.goals_obj(new)}

    def cmd_goal_tactic(self, payload: dict[str, Any]) -> dict[str, Any]:
        sid = _field(payload, "GoalTactic", "stateId", int)
        goal_id = _field(payload, "GoalTactic", "goalId", int, 0)
        auto = _field(payload, "GoalTactic", "autoResume", bool, self.options["automaticMode"])
        variants = {k: payload[k] for k in ("tactic", "mode", "expr", "have", "let", "calc", "conv", "draft")
                    if payload.get(k) is not None}
        gs = self._state(sid)
        goals = gs.open_goals()
        if not 0 <= goal_id < len(goals):
            raise ProtocolFailure("index", f"Invalid goal index {goal_id}")
        if len(variants) != 1:
            raise ProtocolFailure("arguments", "Exactly one of {tactic, mode, expr, have, let, calc, conv, draft} "
                                               "must be supplied")
        (kind, text), = variants.items()
        if kind == "conv" and isinstance(text, bool):
            text = "conv" if text else "tactic"
            kind = "mode"
        if not isinstance(text, str):
            raise ProtocolFailure("command", f"Unable to parse json: Pantograph.Protocol.GoalTactic.{kind}: "
                                             "String expected")
        binder = _field(payload, "GoalTactic", "binderName", str, None)
        goal = goals[goal_id]
        ts = branch(gs.tstate)
        ts.goals = [goal]
        try:
            self._run_variant(ts, goal, kind, text, binder)
        except ParseError as e:
            return {"parseError": f"{TACTIC_FILE}:{e.line}:{e.column}: {e.message}", "hasSorry": False,
                    "hasUnsafe": False}
        except TacticError as e:
            return self._failure(e.message)
        except (ElabError, KernelError) as e:
            return self._failure(e.message)
        except RecursionError:
            return self._failure("maximum recursion depth has been reached")
        # any other exception (an engine bug, `EngineError`) is no tactic failure: `execute` answers
        # {"error": "internal"}, so a client never learns from it nor takes it for a Lean verdict
        ts.prune()
        produced = list(ts.goals)
        seen = {g.uid for g in produced}
        rest = []
        if auto:
            for g in goals:
                if g is not goal and g.uid not in ts.mctx.assignment and g.uid not in seen:
                    rest.append(g)
                    seen.add(g.uid)
        ts.goals = produced + rest
        known = gs.known | {g.uid for g in ts.goals}
        if auto and not ts.goals:  # automatic mode leaves nothing dormant: goals put aside come back
            ts.goals = self._dormant(gs.roots, ts, known)
        value = ts.mctx.instantiate(goal)
        has_sorry = "sorryAx" in constants_of(value)
        problem = self._gate(gs.roots, ts, known)
        if problem is not None:
            return self._failure(problem)
        new = GoalState(ts, gs.roots, goal, known)
        new_id = self._add_state(new)
        return {"nextStateId": new_id, "goals": self.goals_obj(new, ts.goals), "messages": [],
                "hasSorry": has_sorry, "hasUnsafe": False}

    def _run_variant(self, ts: TacticState, goal: MVar, kind: str, text: str, binder: Optional[str]) -> None:
        """Run one ``goal.tactic`` variant on ``ts`` (focused on ``goal``) in place."""
        if kind == "tactic":
            run_tactic_seq(ts, parse_tactic_block(text, TACTIC_FILE))
        elif kind == "expr" or kind == "draft":
            if kind == "draft":
                text = re.sub(r"(?<![\w.?])sorry(?![\w.])", "?_", text)
            stx = parse_term(text, TACTIC_FILE)
            value, holes = _elab_closed_term(ts, goal, stx, ts.target(goal), "all")
            tag = ts.decl(goal).user_name
            for h in holes:
                d = ts.decl(h)
                ts.mctx.decls[h.uid] = dc_replace(d, kind="syntheticOpaque", user_name=d.user_name or tag)
            ts.assign(goal, value)
            ts.replace_main(holes)
        elif kind == "have":
            name = binder or "this"
            parse_term(text, TACTIC_FILE)  # a syntax error in the type is a parse error, not a tactic failure
            run_tactic_seq(ts, parse_tactic_block(f"have {name} : {text}", TACTIC_FILE))
        elif kind == "mode":
            if text != "tactic":
                raise TacticError(f"the {text} fragment is not supported by the embedded checker")
        else:
            raise TacticError(f"goal.tactic with '{kind}' is not supported by the embedded checker")

    @staticmethod
    def _failure(text: str) -> dict[str, Any]:
        msg = {"fileName": TACTIC_FILE, "pos": {"line": 0, "column": 0}, "endPos": None, "keepFullRange": False,
               "severity": "error", "caption": "", "data": text, "kind": "[anonymous]"}
        return {"messages": [msg], "hasSorry": False, "hasUnsafe": False}

    @staticmethod
    def _dormant(roots: Sequence[tuple[MVar, Expr]], ts: TacticState, known: frozenset[int]) -> list[MVar]:
        """Open goals of the proof that this state's list left out (``goal.continue`` with a subset)."""
        out: dict[int, MVar] = {}
        for root, _ in roots:
            for m in ts.mctx.unassigned_mvars(root):
                if m.uid in known:
                    out.setdefault(m.uid, m)
        return sorted(out.values(), key=lambda m: m.uid)

    @staticmethod
    def _gate(roots: Sequence[tuple[MVar, Expr]], ts: TacticState, known: frozenset[int]) -> Optional[str]:
        """None if the step's state may be reported; else why the step fails. With goals left nothing
        is claimed. With none shown, either holes remain that are dormant goals (manual mode: the
        branch is done, `goal.continue` brings them back) or the proof is complete and must pass
        `gate.decide_goal` for every root; a hole that is no goal is an engine bug (`EngineError`)."""
        if ts.goals:
            return None
        pending = {m.uid for root, _ in roots for m in ts.mctx.unassigned_mvars(root)}
        if pending:
            if pending <= known:
                return None
            raise EngineError("the step left holes in the proof that are not goals")
        for root, ty in roots:
            verdict = gate.decide_goal(ts.env, ts.level_names, ts.mctx, root, statement=ty, max_steps=ts.max_steps)
            if not verdict.ok:
                if verdict.reason in (gate.HOLES, gate.UNASSIGNED, gate.OPEN_GOALS):
                    raise EngineError(f"the proof has no goals left but the gate says: {verdict.message}")
                if verdict.reason == gate.KERNEL:
                    return verdict.message.removeprefix("kernel type check failed: ") \
                        if verdict.message.startswith("kernel type check failed: ") else f"(kernel) {verdict.message}"
                return f"the proof is not accepted: {verdict.message}"
        return None

    # -------------------------------------------------------------- frontend

    def cmd_frontend_process(self, payload: dict[str, Any]) -> dict[str, Any]:
        file_text = _field(payload, "FrontendProcess", "file", str, None)
        file_name = _field(payload, "FrontendProcess", "fileName", str, None)
        inherit = _field(payload, "FrontendProcess", "inheritEnv", bool, False)
        invocations = _field(payload, "FrontendProcess", "invocations", (str, bool), None)
        sorrys = _field(payload, "FrontendProcess", "sorrys", bool, False)
        new_constants = _field(payload, "FrontendProcess", "newConstants", bool, False)
        _field(payload, "FrontendProcess", "readHeader", bool, False)
        if (file_text is None) == (file_name is None):
            raise ProtocolFailure("arguments", "Exactly one of {file, fileName} must be supplied")
        if file_text is None:
            try:
                with open(file_name, encoding="utf-8") as f:
                    file_text = f.read()
            except (OSError, UnicodeError) as e:
                raise ProtocolFailure("io", str(e)) from None
        shown_name = file_name or "<anonymous>"
        try:
            parsed = parse_file(file_text, shown_name)
        except ParseError as e:
            raise ProtocolFailure("parse", str(e)) from None
        offsets = _ByteOffsets(file_text)
        elab = CommandElaborator(self.env)
        elab.state.scope = self.scope
        units = []
        traces = []
        for cmd in parsed.commands:
            m0, a0, k0 = len(elab.messages), len(elab.artifacts), len(elab.env.kernel)
            try:
                elab.run(cmd)
            except RecursionError:
                elab.messages.append(Message("error", cmd.pos, cmd.end_pos, "maximum recursion depth has been reached"))
            except (ElabError, KernelError) as e:
                elab.messages.append(Message("error", cmd.pos, cmd.end_pos, e.message))
            start = offsets.byte(cmd.pos)
            end = offsets.byte(cmd.end_pos) if cmd.end_pos is not None else len(file_text.encode("utf-8"))
            unit: dict[str, Any] = {"boundary": [start, max(start, end)],
                                    "messages": [self._serial_message(m, shown_name) for m in elab.messages[m0:]]}
            arts = elab.artifacts[a0:]
            if invocations:
                steps = self._invocations(arts)
                unit["nInvocations"] = len(steps)
                traces.append({"invocations": steps})
            if sorrys:
                self._sorry_state(unit, arts, offsets)
            if new_constants:
                unit["newConstants"] = [n for n in elab.env.kernel.names_since(k0) if not self._is_internal(n)]
            units.append(unit)
        if isinstance(invocations, str):
            try:
                with open(invocations, "w", encoding="utf-8") as f:
                    json.dump({"units": traces}, f, ensure_ascii=False, separators=(",", ":"))
            except OSError as e:
                raise ProtocolFailure("io", str(e)) from None
        if inherit:
            self.env, self.scope = elab.env, elab.state.scope
        return {"units": units}

    @staticmethod
    def _serial_message(m: Message, file_name: str) -> dict[str, Any]:
        severity = {"info": "information"}.get(m.severity, m.severity)
        end = {"line": m.end_pos[0], "column": m.end_pos[1]} if m.end_pos is not None else None
        return {"fileName": file_name, "pos": {"line": m.pos[0], "column": m.pos[1]}, "endPos": end,
                "keepFullRange": False, "severity": severity, "caption": "", "data": m.text, "kind": "[anonymous]"}

    def _sorry_state(self, unit: dict[str, Any], arts: list, offsets: "_ByteOffsets") -> None:
        """Turn the ``sorry``s of one unit into one goal state (``goalStateId``, ``goals``, boundaries)."""
        found = [(art, s) for art in arts for s in art.sorries]
        if not found:
            return
        first = found[0][0]
        mctx = MetaContext()
        for art in arts:
            mctx.decls.update(art.mctx.decls)
            mctx.assignment.update(art.mctx.assignment)
            mctx.level_assignment.update(art.mctx.level_assignment)
        roots: list[tuple[MVar, Expr]] = []
        bounds = []
        for art, (stx, lctx, ty) in found:
            short = art.name.rpartition(".")[2]
            ctx = tuple(h for h in lctx if h.name != short)
            ty = mctx.instantiate(ty)
            goal = mctx.new_mvar(ty, ctx, None, "syntheticOpaque")
            roots.append((goal, ty))
            start = offsets.byte(stx.pos)
            end = offsets.byte(stx.end_pos) if getattr(stx, "end_pos", None) is not None else start + len("sorry")
            bounds.append([start, end])
        ts = TacticState(first.env, first.scope, mctx, [g for g, _ in roots], list(first.level_names))
        gs = GoalState(ts, roots)
        unit["goalStateId"] = self._add_state(gs)
        unit["goals"] = self.goals_obj(gs)
        unit["goalSrcBoundaries"] = bounds

    @staticmethod
    def _invocations(arts: list) -> list[dict[str, Any]]:
        """Per-step traces (goal before/after as pretty text, tactic text, constants used)."""
        out = []
        for art in arts:
            for tac, before in art.tactic_steps:
                before = branch(before)
                goal_before = "\n".join(before.format_goals())
                after = branch(before)
                try:
                    run_tactic(after, tac)
                    goal_after = "\n".join(after.format_goals())
                except Exception:  # the step failed in the file; its error is among the unit's messages
                    continue
                used: set[str] = set()
                for uid, value in after.mctx.assignment.items():
                    if uid not in before.mctx.assignment:
                        used |= constants_of(after.mctx.instantiate(value))
                out.append({"goalBefore": goal_before, "goalAfter": goal_after, "tactic": tac.source.strip(),
                            "usedConstants": sorted(used)})
        return out


class _ByteOffsets:
    """(line 1-based, column 0-based in code points) → UTF-8 byte offset into the source."""

    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")
        self.starts = [0]
        for line in self.lines:
            self.starts.append(self.starts[-1] + len(line.encode("utf-8")) + 1)
        self.total = len(text.encode("utf-8"))

    def byte(self, pos: Optional[tuple[int, int]]) -> int:
        if pos is None:
            return self.total
        line, col = pos
        if line < 1:
            return 0
        if line > len(self.lines):
            return self.total
        return min(self.starts[line - 1] + len(self.lines[line - 1][:col].encode("utf-8")), self.total)


# --------------------------------------------------------------------------- process entry point


def serve(stdin: TextIO, stdout: TextIO, server: Optional[PantographServer] = None,
          imports: Sequence[str] = ("Init",)) -> None:
    """The request loop: ``ready.``, then one response line per request line until EOF or an empty line."""
    server = server or PantographServer(imports=imports)
    stdout.write(READY + "\n")
    stdout.flush()
    for line in stdin:
        try:
            response = server.handle_line(line)
        except Interrupted:  # the timer fired between the command's end and its cancellation
            response = {"error": "internal", "desc": "interrupt"}
        except Exception as e:  # never die on one request
            response = {"error": "internal", "desc": f"{type(e).__name__}: {e}"}
        if response is None:
            break
        indent = 2 if server.options.get("printJsonPretty") else None
        seps = (", ", ": ") if indent else (",", ":")
        stdout.write(json.dumps(response, ensure_ascii=False, separators=seps, indent=indent) + "\n")
        stdout.flush()


def main(argv: Optional[Sequence[str]] = None) -> int:
    """``python -m lean_bridge.embedded pantograph [--version] [--key=value]... [Module]...``."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "pantograph":
        args = args[1:]
    if "--version" in args:
        print(VERSION)
        return 0
    imports = [a for a in args if not a.startswith("-")] or ["Init"]
    out = sys.stdout
    try:
        out.reconfigure(encoding="utf-8")  # type: ignore[attr-defined]
        sys.stdin.reconfigure(encoding="utf-8", errors="replace")  # type: ignore[attr-defined]
    except (AttributeError, ValueError):
        pass
    sys.stdout = sys.stderr  # anything the engine prints must not break the line framing
    try:
        server = PantographServer(imports=imports)
        serve(sys.stdin, out, server)
    except KeyboardInterrupt:
        return 130
    finally:
        sys.stdout = out
    return 0


if __name__ == "__main__":
    sys.exit(main())
