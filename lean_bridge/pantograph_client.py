"""Client for the Pantograph protocol (PROTOCOLS.md Part 2), and the Pantograph ``Backend``.

Framing: the server prints ``ready.`` once its imports are loaded (waited for with its own
deadline); then every request is one line ``command {json payload}`` and every response
one line of compact JSON. An empty line would make the server quit, so none is ever sent.
``PantographClient._exchange`` is the single I/O choke point (framing, deadline, JSON
decoding; on failure it kills the child and raises one ``BackendError`` chained from the
cause); the next request after a failure restarts the server (``session`` counts starts).

At start the client switches on ``printExprAST`` so every expression carries an
S-expression (read lazily by ``lean_bridge.sexp``). Goal states that the caller drops are
queued by ``release`` and freed in batches with one ``goal.delete``; failed steps that still
created a state (``hasSorry``/``hasUnsafe``/error messages) are queued the same way.

Goal order after ``goal.tactic`` with ``goalId`` is the server's (automatic mode: the new
goals first, then the other open goals).
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from typing import Any, Mapping, Optional, Sequence

from lean_bridge.backend import Backend, command_results
from lean_bridge.process import ManagedProcess
from lean_bridge.source import Command, Source, byte_offset_to_position, has_imports, load_source, split_commands
from lean_bridge.types import (
    BackendCrashed,
    BackendError,
    BackendStartupError,
    BackendTimeout,
    CheckerInternalError,
    ConstantInfo,
    DeclarationResult,
    Expression,
    Goal,
    Hypothesis,
    Message,
    ProofState,
    ProtocolError,
    StaleStateError,
    StatementError,
    TacticError,
)

READY = "ready."
DELETE_BATCH = 64
ELAB_ERROR_KINDS = frozenset({"parsing", "parse", "elab", "typing", "expr"})


# --------------------------------------------------------------------------- protocol records


class PantographError(ProtocolError):
    """An ``{"error": kind, "desc": text}`` answer (``kind`` kept for callers that map it)."""

    def __init__(self, kind: str, desc: str, response: dict[str, Any]) -> None:
        super().__init__(f"{kind}: {desc}", response=response)
        self.kind = kind
        self.desc = desc


class PantographInternalError(PantographError, CheckerInternalError):
    """An ``{"error": "internal"}`` answer other than a timeout ``interrupt``: the checker's own bug."""


def parse_expression(obj: Optional[Mapping[str, Any]]) -> Expression:
    """Build an ``Expression`` from a Pantograph expression object (``pp``/``sexp``)."""
    if obj is None:
        return Expression("")
    return Expression(pp=str(obj.get("pp", "")), sexp_text=obj.get("sexp"))


def parse_goal(obj: Mapping[str, Any]) -> Goal:
    """Build a ``Goal`` from a Pantograph goal object (dagger added to inaccessible names)."""
    hyps = []
    for var in obj.get("vars", ()):
        name = str(var.get("userName", var.get("name", "")))
        if var.get("isInaccessible") and "✝" not in name:
            name += "✝"
        value = var.get("value")
        hyps.append(
            Hypothesis(
                name=name,
                type=parse_expression(var.get("type")),
                value=parse_expression(value) if value is not None else None,
                fvar_id=var.get("name"),
            )
        )
    return Goal(
        hypotheses=tuple(hyps),
        target=parse_expression(obj.get("target")),
        case=obj.get("userName") or None,
        mvar_id=obj.get("name"),
    )


@dataclass(frozen=True)
class TacticOutcome:
    """Answer to ``goal.tactic``: a new state (``next_state_id``) or the reason it failed."""

    next_state_id: Optional[int]
    goals: tuple[Goal, ...]
    messages: tuple[Message, ...]
    parse_error: Optional[str]
    has_sorry: bool
    has_unsafe: bool

    @classmethod
    def parse(cls, obj: Mapping[str, Any]) -> "TacticOutcome":
        """Build from a ``goal.tactic`` response."""
        ok = "nextStateId" in obj and "goals" in obj
        return cls(
            next_state_id=int(obj["nextStateId"]) if ok else None,
            goals=tuple(parse_goal(g) for g in obj.get("goals", ())) if ok else (),
            messages=tuple(Message.parse(m) for m in obj.get("messages", ()) or ()),
            parse_error=obj.get("parseError"),
            has_sorry=bool(obj.get("hasSorry", False)),
            has_unsafe=bool(obj.get("hasUnsafe", False)),
        )

    @property
    def failure(self) -> Optional[str]:
        """Why the step failed (None on success): parse error, error messages, sorry or unsafe."""
        if self.parse_error is not None:
            return str(self.parse_error)
        errors = [m.data for m in self.messages if m.is_error]
        if errors:
            return "\n".join(errors)
        if self.next_state_id is None:
            return "tactic failed" if not self.messages else "\n".join(m.data for m in self.messages)
        if self.has_sorry:
            return "tactic generated sorry"
        if self.has_unsafe:
            return "tactic generated unsafe"
        return None


@dataclass(frozen=True)
class CompilationUnit:
    """One top-level command from ``frontend.process`` (byte ``boundary`` into the source)."""

    start: int
    end: int
    messages: tuple[Message, ...]
    goal_state_id: Optional[int] = None
    goals: tuple[Goal, ...] = ()
    new_constants: tuple[str, ...] = ()

    @classmethod
    def parse(cls, obj: Mapping[str, Any]) -> "CompilationUnit":
        """Build from a ``units`` entry."""
        start, end = obj.get("boundary", (0, 0))
        gid = obj.get("goalStateId")
        return cls(
            start=int(start),
            end=int(end),
            messages=tuple(Message.parse(m) for m in obj.get("messages", ())),
            goal_state_id=int(gid) if gid is not None else None,
            goals=tuple(parse_goal(g) for g in obj.get("goals", ()) or ()),
            new_constants=tuple(obj.get("newConstants", ()) or ()),
        )


# --------------------------------------------------------------------------- client


class PantographClient:
    """Speaks the Pantograph protocol to one child process; one method per command."""

    def __init__(
        self,
        argv: Sequence[str],
        *,
        cwd: Optional[str] = None,
        env: Optional[Mapping[str, str]] = None,
        timeout: float = 30.0,
        startup_timeout: float = 120.0,
        memory_mb: Optional[int] = None,
        options: Optional[Mapping[str, Any]] = None,
    ) -> None:
        """Prepare the client; the child starts on ``start()`` or the first request."""
        self.timeout = timeout
        self.startup_timeout = startup_timeout
        self.options = {"printExprAST": True, **(options or {})}
        self.process = ManagedProcess(argv, cwd=cwd, env=env, memory_mb=memory_mb)

    @property
    def pid(self) -> Optional[int]:
        """The child's pid (None when not running)."""
        return self.process.pid

    @property
    def session(self) -> int:
        """Number of times the child was started; state ids from another session are stale."""
        return self.process.starts

    def start(self) -> None:
        """Start (or restart) the child, wait for ``ready.`` and set the options."""
        proc = self.process
        proc.start()
        deadline = proc.deadline(self.startup_timeout)
        seen: list[str] = []
        try:
            while True:
                line = proc.read_line(deadline, what="'ready.'")
                if line.strip() == READY:
                    break
                if len(seen) < 50:
                    seen.append(line)
        except (BackendCrashed, BackendTimeout) as e:
            output = "\n".join(seen + list(e.stderr_tail))
            why = "did not print 'ready.' in time" if isinstance(e, BackendTimeout) else "exited before 'ready.'"
            raise BackendStartupError(
                f"{proc.argv[0]} {why} (check the Lean toolchain matches); output: {output[-2000:]!r}",
                argv=proc.argv,
                output=output,
            ) from e
        result = self._exchange("options.set", self.options)
        if "error" in result:
            proc.kill()
            raise BackendStartupError(f"options.set failed: {result}", argv=proc.argv, output=json.dumps(result))

    def close(self) -> None:
        """Send EOF, then kill the child's process group and close all pipes."""
        self.process.close()

    def __enter__(self) -> "PantographClient":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -------------------------------------------------------------- the choke point

    def _exchange(self, command: str, payload: Mapping[str, Any], timeout: Optional[float] = None) -> dict[str, Any]:
        """Send ``command payload`` as one line and return the decoded one-line answer.

        On timeout, death or garbage the child is killed and a ``BackendError`` raised,
        chained from the cause. Error objects are returned, not raised (see ``request``).
        """
        if not self.process.running:
            self.start()
        proc = self.process
        deadline = proc.deadline(self.timeout if timeout is None else timeout)
        line = f"{command} {json.dumps(payload, ensure_ascii=False)}\n"
        try:
            proc.write(line.encode("utf-8"), deadline)
            text = proc.read_line(deadline)
            while not text.strip():  # tolerate stray blank lines; never answer them
                text = proc.read_line(deadline)
            response = json.loads(text)
            if not isinstance(response, dict):
                raise ValueError(f"response is not a JSON object: {text[:200]!r}")
        except BackendError:
            raise
        except (ValueError, UnicodeError) as e:
            tail = tuple(proc.stderr_tail)
            proc.kill()
            raise BackendCrashed(
                f"{proc.argv[0]}: garbage instead of a JSON response: {e}", stderr_tail=tail, cause="garbage on stdout"
            ) from e
        return response

    def request(self, command: str, payload: Optional[Mapping[str, Any]] = None, *, timeout: Optional[float] = None) -> dict[str, Any]:
        """Run a command; an ``{"error": ...}`` answer raises ``PantographError``."""
        response = self._exchange(command, payload or {}, timeout)
        if "error" in response:
            kind, desc = str(response["error"]), str(response.get("desc", ""))
            if kind == "internal" and "interrupt" not in desc:
                raise PantographInternalError(kind, desc, response)
            raise PantographError(kind, desc, response)
        return response

    # -------------------------------------------------------------- commands

    def goal_start(self, expr: Optional[str] = None, *, copy_from: Optional[str] = None) -> int:
        """Create a goal state for ``expr`` (or the type of constant ``copy_from``); return its id."""
        payload = {"expr": expr} if copy_from is None else {"copyFrom": copy_from}
        return int(self.request("goal.start", payload)["stateId"])

    def goal_print(self, state_id: int) -> tuple[Goal, ...]:
        """The goals of a state."""
        result = self.request("goal.print", {"stateId": state_id, "goals": True})
        return tuple(parse_goal(g) for g in result.get("goals", ()))

    def goal_tactic(self, state_id: int, tactic: str, goal_id: Optional[int] = None) -> TacticOutcome:
        """Run a tactic on goal ``goal_id`` (default: the first) of state ``state_id``."""
        payload: dict[str, Any] = {"stateId": state_id, "tactic": tactic}
        if goal_id is not None:
            payload["goalId"] = goal_id
        return TacticOutcome.parse(self.request("goal.tactic", payload))

    def goal_delete(self, state_ids: Sequence[int]) -> None:
        """Free goal states."""
        self.request("goal.delete", {"stateIds": list(state_ids)})

    def frontend_process(self, text: str, *, sorrys: bool = False, read_header: bool = False) -> list[CompilationUnit]:
        """Run the Lean frontend on source text; one unit per top-level command."""
        payload = {
            "file": text,
            "readHeader": read_header,
            "inheritEnv": False,
            "newConstants": False,
            "sorrys": sorrys,
        }
        result = self.request("frontend.process", payload)
        return [CompilationUnit.parse(u) for u in result.get("units", ())]

    def env_inspect(self, name: str, *, value: bool = False) -> dict[str, Any]:
        """``env.inspect``: the raw answer (``type``, ``value`` when shown, ``module``, kind info)."""
        return self.request("env.inspect", {"name": name, "value": value})

    def env_catalog(self) -> list[str]:
        """Every constant name, kind-prefixed (``tNat.add_comm``); handles the file-writing newer form."""
        try:
            result = self.request("env.catalog", {})
        except PantographError as e:
            if e.kind not in ("arguments", "command"):
                raise
            result = None
        if result is not None and "symbols" in result:
            return [str(s) for s in result["symbols"]]
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "symbols.txt")
            self.request("env.catalog", {"filename": path})
            with open(path, encoding="utf-8") as f:
                return [line.rstrip("\n") for line in f if line.strip()]


# --------------------------------------------------------------------------- backend


def header_source(statement: str) -> Optional[str]:
    """``theorem``/``lemma``/``example`` header → source with one ``sorry``; None for a plain statement."""
    text = statement.strip()
    first = text.split(None, 1)[0] if text else ""
    if first not in ("theorem", "lemma", "example"):
        return None
    for suffix in (":= by sorry", ":= sorry", ":= by", ":="):
        if text.endswith(suffix):
            text = text[: -len(suffix)].rstrip()
            break
    if first == "lemma":
        text = "theorem" + text[len("lemma"):]
    return f"{text} := by sorry"


class PantographBackend(Backend):
    """``Backend`` over the Pantograph protocol (real Pantograph or the embedded server)."""

    def __init__(
        self,
        argv: Sequence[str],
        *,
        imports: Sequence[str] = ("Init",),
        cwd: Optional[str] = None,
        timeout: float = 30.0,
        memory_mb: Optional[int] = None,
        startup_timeout: float = 120.0,
        kind: str = "pantograph",
    ) -> None:
        """Start the server with ``imports`` as module arguments and wait until it is ready."""
        self.kind = kind
        self.client = PantographClient(
            [*argv, *imports], cwd=cwd, timeout=timeout, startup_timeout=startup_timeout, memory_mb=memory_mb
        )
        self._pending_delete: list[int] = []
        self._pending_session = 0
        self.client.start()

    @property
    def pid(self) -> Optional[int]:
        """The server's process id."""
        return self.client.pid

    @property
    def session(self) -> int:
        """Counts server starts (proof states of older sessions are stale)."""
        return self.client.session

    def restart(self) -> None:
        """Kill the server and start a fresh one."""
        self._pending_delete.clear()
        self.client.start()

    def close(self) -> None:
        """End the server."""
        self.client.close()

    def release(self, *states: ProofState) -> None:
        """Queue states for ``goal.delete``; sent in one batch once ``DELETE_BATCH`` are queued."""
        if self._pending_session != self.client.session:
            self._pending_delete.clear()
            self._pending_session = self.client.session
        self._pending_delete.extend(s.id for s in states if s.session == self.client.session)
        if len(self._pending_delete) >= DELETE_BATCH:
            self.flush()

    def flush(self) -> None:
        """Send the queued ``goal.delete`` now."""
        if self._pending_delete and self._pending_session == self.client.session and self.client.process.running:
            ids, self._pending_delete = self._pending_delete, []
            self.client.goal_delete(ids)
        else:
            self._pending_delete.clear()

    def _state(self, state_id: int, goals: tuple[Goal, ...]) -> ProofState:
        """A ``ProofState`` stamped with the current session."""
        return ProofState(id=state_id, goals=goals, session=self.client.session)

    def start_goal(self, statement: str) -> ProofState:
        """``goal.start`` on a statement; a ``theorem`` header goes through ``frontend.process``."""
        source = header_source(statement)
        if source is not None:
            units = self._process(source, sorrys=True)
            errors = [m for u in units for m in u.messages if m.is_error]
            if errors:
                raise StatementError(errors[0].data, statement=statement)
            for unit in units:
                if unit.goal_state_id is not None:
                    return self._state(unit.goal_state_id, unit.goals)
            raise StatementError("the header produced no goal", statement=statement)
        return self._start({"expr": statement}, statement)

    def start_from_theorem(self, name: str) -> ProofState:
        """``goal.start {"copyFrom": name}``."""
        return self._start({"copyFrom": name}, name)

    def _start(self, payload: dict[str, Any], statement: str) -> ProofState:
        """Run ``goal.start`` then ``goal.print``; elaboration errors become ``StatementError``."""
        try:
            state_id = self.client.goal_start(payload.get("expr"), copy_from=payload.get("copyFrom"))
        except PantographError as e:
            if e.kind in ELAB_ERROR_KINDS or e.kind == "index":
                raise StatementError(e.desc, statement=statement) from e
            raise
        return self._state(state_id, self.client.goal_print(state_id))

    def run_tactic(self, state: ProofState, tactic: str, goal_index: int = 0) -> ProofState:
        """``goal.tactic`` with ``goalId``; failure, sorry or unsafe raise ``TacticError``."""
        if state.session != self.client.session or not self.client.process.running:
            raise StaleStateError(
                f"proof state {state.id} belongs to server session {state.session}, now {self.client.session}"
            )
        if not 0 <= goal_index < max(len(state.goals), 1):
            raise IndexError(f"goal_index {goal_index} out of range for {len(state.goals)} goals")
        try:
            outcome = self.client.goal_tactic(state.id, tactic, goal_index)
        except PantographError as e:
            if e.kind == "index":
                raise StaleStateError(f"server does not know state {state.id}: {e.desc}") from e
            if e.kind in ELAB_ERROR_KINDS or (e.kind == "internal" and "interrupt" in e.desc):
                raise TacticError(e.desc, tactic=tactic, state_id=state.id) from e
            raise
        failure = outcome.failure
        if failure is not None:
            if outcome.next_state_id is not None:
                self.release(self._state(outcome.next_state_id, ()))
            raise TacticError(failure, tactic=tactic, state_id=state.id)
        assert outcome.next_state_id is not None
        return ProofState(
            id=outcome.next_state_id, goals=outcome.goals, session=self.client.session, messages=outcome.messages
        )

    def _process(self, text: str, *, sorrys: bool) -> list[CompilationUnit]:
        """``frontend.process`` on text (reading its header if it has imports)."""
        return self.client.frontend_process(text, sorrys=sorrys, read_header=has_imports(text))

    def _unit_commands(self, text: str, units: list[CompilationUnit]) -> list[tuple[CompilationUnit, Command]]:
        """Pair each unit with the command found at its start (names from ``split_commands``)."""
        out = []
        data = text.encode("utf-8")
        for unit in units:
            unit_text = data[unit.start:unit.end].decode("utf-8", "replace")
            line, column = byte_offset_to_position(text, unit.start + (len(unit_text) - len(unit_text.lstrip())))
            cmds = split_commands(unit_text.lstrip())
            keyword = cmds[0].keyword if cmds else (unit_text.split() or [""])[0]
            name = cmds[0].name if cmds else None
            cmd = Command(keyword=keyword, name=name, line=line, column=column,
                          end_line=line + unit_text.strip().count("\n"))
            out.append((unit, cmd))
        return out

    def check(self, source: Source) -> list[DeclarationResult]:
        """Elaborate the file with ``frontend.process`` and report each declaration."""
        text = load_source(source)
        units = self._process(text, sorrys=False)
        # each unit's messages are its own (the server says so): never re-attributed by line
        return [r for unit, cmd in self._unit_commands(text, units) for r in command_results(cmd, unit.messages)]

    def sorries(self, source: Source) -> list[tuple[str, ProofState]]:
        """(declaration name, goal state) per unit with sorries (one state holds all its sorries)."""
        text = load_source(source)
        units = self._process(text, sorrys=True)
        return [
            (cmd.label, self._state(unit.goal_state_id, unit.goals))
            for unit, cmd in self._unit_commands(text, units)
            if unit.goal_state_id is not None
        ]

    def inspect(self, name: str, *, value: bool = True) -> ConstantInfo:
        """``env.inspect`` with ``value``; types and values as Terms (``printExprAST`` is on)."""
        try:
            result = self.client.env_inspect(name, value=value)
        except PantographError as e:
            if e.kind == "index":
                raise StatementError(e.desc, statement=name) from e
            raise
        type_expr = parse_expression(result.get("type"))
        value_obj = result.get("value")
        value_expr = parse_expression(value_obj) if value_obj is not None else None
        return ConstantInfo(
            name=name,
            type=type_expr.typed,
            type_pp=type_expr.pp,
            value=value_expr.typed if value_expr is not None else None,
            value_pp=value_expr.pp if value_expr is not None else None,
            module=result.get("module"),
        )

    def theorems(self) -> list[str]:
        """Theorem names from ``env.catalog`` (kind prefix ``t`` stripped)."""
        return [s[1:] for s in self.client.env_catalog() if s[:1] == "t" and len(s) > 1]
