"""Client for the Lean 4 community REPL protocol (PROTOCOLS.md Part 1), and the REPL ``Backend``.

Framing: each request is one line of JSON followed by exactly one blank line (newlines in
Lean code travel as the JSON escape ``\\n``); a response is Lean's pretty-printed JSON over
one or more lines, ended by an empty line. There is no handshake. ``ReplClient._exchange``
is the single I/O choke point: it owns framing, the deadline and JSON decoding, and on
any failure kills the child and raises one ``BackendError`` chained from the cause. The
child is started lazily and restarted by the next request after a failure (``session``
counts starts; proof-state and environment ids of older sessions are meaningless).

Protocol answers become frozen dataclasses (``CommandResult``, ``TacticResult``, ...)
here, so camelCase keys never leave this module.

Goal selection: the REPL runs a tactic on the whole goal list, i.e. on the main goal
(index 0), so ``goal_index=0`` sends the tactic verbatim, exactly as REPL users and the
recorded sessions do. For ``goal_index=i > 0`` ``ReplBackend.run_tactic`` focuses goal
``i`` with core-Lean tactics only (``on_goal`` is Batteries, not core)::

    rotate_left i
    focus
      <tactic>
    rotate_right i

which puts the goals the tactic produces where goal ``i`` was (like Batteries'
``on_goal``), keeps the other goals in order, and stops ``all_goals``-style tactics from
touching siblings. (Pantograph's ``goalId`` instead lists the new goals first; treat goal
order as backend-specific.)
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Mapping, Optional, Sequence

from lean_bridge.backend import Backend, declaration_results
from lean_bridge.goal_text import GoalSyntaxError, parse_goals
from lean_bridge.process import ManagedProcess
from lean_bridge.source import Source, command_at, has_imports, load_source, split_commands
from lean_bridge.types import (
    BackendCrashed,
    BackendError,
    BackendStartupError,
    CheckerInternalError,
    ConstantInfo,
    DeclarationResult,
    Goal,
    Message,
    ProofState,
    ProtocolError,
    StaleStateError,
    StatementError,
    TacticError,
)

LEAN_ERROR_PREFIX = "Lean error:\n"
INTERNAL_ERROR_PREFIX = "internal error in the embedded checker"
"""How the embedded REPL server begins an engine failure (never behind ``Lean error:``)."""
COMPLETED = "Completed"


# --------------------------------------------------------------------------- protocol records


def _goals_of(texts: Sequence[str]) -> tuple[Goal, ...]:
    """Parse each goal string; a string that does not parse is a protocol error."""
    goals: list[Goal] = []
    for text in texts:
        try:
            goals.extend(parse_goals(text))
        except GoalSyntaxError as e:
            raise ProtocolError(f"cannot split goal string {text!r}: {e}") from e
    return tuple(goals)


@dataclass(frozen=True)
class Sorry:
    """A ``sorry`` the REPL turned into a proof state (``line``/``column`` None inside tactic mode)."""

    proof_state: int
    goal_text: str
    goals: tuple[Goal, ...]
    line: Optional[int] = None
    column: Optional[int] = None
    end_line: Optional[int] = None
    end_column: Optional[int] = None

    @classmethod
    def parse(cls, obj: Mapping[str, Any]) -> "Sorry":
        """Build from a ``sorries`` entry."""
        pos = obj.get("pos") or {}
        end = obj.get("endPos") or {}
        text = str(obj.get("goal", ""))
        return cls(
            proof_state=int(obj["proofState"]),
            goal_text=text,
            goals=_goals_of([text]),
            line=pos.get("line"),
            column=pos.get("column"),
            end_line=end.get("line"),
            end_column=end.get("column"),
        )


@dataclass(frozen=True)
class TacticStep:
    """One ``allTactics`` entry: the step's text, the goals before it and a replayable state."""

    tactic: str
    goals_before: str
    proof_state: int
    line: int
    column: int
    end_line: int
    end_column: int
    used_constants: tuple[str, ...]

    @classmethod
    def parse(cls, obj: Mapping[str, Any]) -> "TacticStep":
        """Build from a ``tactics`` entry."""
        pos = obj.get("pos") or {}
        end = obj.get("endPos") or {}
        return cls(
            tactic=str(obj.get("tactic", "")),
            goals_before=str(obj.get("goals", "")),
            proof_state=int(obj["proofState"]),
            line=int(pos.get("line", 0)),
            column=int(pos.get("column", 0)),
            end_line=int(end.get("line", 0)),
            end_column=int(end.get("column", 0)),
            used_constants=tuple(obj.get("usedConstants", ())),
        )


@dataclass(frozen=True)
class CommandResult:
    """Answer to a ``cmd``/``path``/pickle request: the new environment id and what Lean said."""

    env: int
    messages: tuple[Message, ...] = ()
    sorries: tuple[Sorry, ...] = ()
    tactics: tuple[TacticStep, ...] = ()
    infotree: Optional[Any] = None

    @classmethod
    def parse(cls, obj: Mapping[str, Any]) -> "CommandResult":
        """Build from a command-mode response (must hold ``env``)."""
        if "env" not in obj:
            raise ProtocolError(f"command response without 'env': {obj!r}", response=dict(obj))
        return cls(
            env=int(obj["env"]),
            messages=tuple(Message.parse(m) for m in obj.get("messages", ())),
            sorries=tuple(Sorry.parse(s) for s in obj.get("sorries", ())),
            tactics=tuple(TacticStep.parse(t) for t in obj.get("tactics", ())),
            infotree=obj.get("infotree"),
        )

    @property
    def errors(self) -> tuple[Message, ...]:
        """The error-severity messages (a command succeeded iff there are none)."""
        return tuple(m for m in self.messages if m.is_error)


@dataclass(frozen=True)
class TacticResult:
    """Answer to a ``tactic`` request (also to proof-state pickling): the new state and its goals."""

    proof_state: int
    goal_texts: tuple[str, ...]
    goals: tuple[Goal, ...]
    proof_status: Optional[str] = None
    messages: tuple[Message, ...] = ()
    sorries: tuple[Sorry, ...] = ()
    traces: tuple[str, ...] = ()

    @classmethod
    def parse(cls, obj: Mapping[str, Any]) -> "TacticResult":
        """Build from a tactic-mode response (must hold ``proofState`` and ``goals``)."""
        if "proofState" not in obj or "goals" not in obj:
            raise ProtocolError(f"tactic response without 'proofState'/'goals': {obj!r}", response=dict(obj))
        texts = tuple(str(g) for g in obj["goals"])
        return cls(
            proof_state=int(obj["proofState"]),
            goal_texts=texts,
            goals=_goals_of(texts),
            proof_status=obj.get("proofStatus"),
            messages=tuple(Message.parse(m) for m in obj.get("messages", ())),
            sorries=tuple(Sorry.parse(s) for s in obj.get("sorries", ())),
            traces=tuple(str(t) for t in obj.get("traces", ())),
        )

    @property
    def failure(self) -> Optional[str]:
        """Why this step must count as failed despite a new state (None if it succeeded).

        Per PROTOCOLS.md 1.4: any error-severity message (Lean may turn an error into
        ``sorry``), or no goals left with a ``proofStatus`` other than ``Completed``.
        """
        errors = [m.data for m in self.messages if m.is_error]
        if errors:
            return "\n".join(errors)
        if not self.goals and self.proof_status is not None and self.proof_status != COMPLETED:
            return f"proof not accepted: {self.proof_status}"
        return None


# --------------------------------------------------------------------------- client


class ReplClient:
    """Speaks the REPL protocol to one child process; one method per request shape."""

    def __init__(
        self,
        argv: Sequence[str],
        *,
        cwd: Optional[str] = None,
        env: Optional[Mapping[str, str]] = None,
        timeout: float = 30.0,
        memory_mb: Optional[int] = None,
    ) -> None:
        """Prepare the client; the child starts on ``start()`` or the first request."""
        self.timeout = timeout
        self.process = ManagedProcess(argv, cwd=cwd, env=env, memory_mb=memory_mb)
        self._answered = False  # has the current child answered anything yet?

    @property
    def pid(self) -> Optional[int]:
        """The child's pid (None when not running)."""
        return self.process.pid

    @property
    def session(self) -> int:
        """Number of times the child was started; ids from another session are stale."""
        return self.process.starts

    def start(self) -> None:
        """Start (or restart) the child."""
        self.process.start()
        self._answered = False

    def close(self) -> None:
        """Send EOF, then kill the child's process group and close all pipes."""
        self.process.close()

    def __enter__(self) -> "ReplClient":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -------------------------------------------------------------- the choke point

    def _exchange(self, payload: Mapping[str, Any], timeout: Optional[float] = None) -> dict[str, Any]:
        """Send one request and return the decoded response object (the only I/O path).

        On timeout, death, malformed framing or JSON, the child is killed and a
        ``BackendError`` is raised, chained from the underlying cause.
        """
        if not self.process.running:
            self.start()
        proc = self.process
        limit = self.timeout if timeout is None else timeout
        deadline = proc.deadline(limit)
        line = json.dumps(payload, ensure_ascii=False)
        try:
            proc.write(line.encode("utf-8") + b"\n\n", deadline)
            lines: list[str] = []
            while True:
                text = proc.read_line(deadline)
                if text.strip():
                    lines.append(text)
                elif lines:
                    break
            response = json.loads("\n".join(lines))
            if not isinstance(response, dict):
                raise ValueError(f"response is not a JSON object: {response!r}")
        except BackendCrashed as e:
            if not self._answered:
                raise BackendStartupError(
                    f"{proc.argv[0]} exited before answering its first request: {e}",
                    argv=proc.argv,
                    output="\n".join(e.stderr_tail),
                ) from e
            raise
        except BackendError:
            raise
        except (ValueError, UnicodeError) as e:
            tail = tuple(proc.stderr_tail)
            proc.kill()
            raise BackendCrashed(
                f"{proc.argv[0]}: garbage instead of a JSON response: {e}", stderr_tail=tail, cause="garbage on stdout"
            ) from e
        self._answered = True
        return response

    # -------------------------------------------------------------- requests

    def request(self, payload: Mapping[str, Any], timeout: Optional[float] = None) -> dict[str, Any]:
        """Send any request and return the raw response (error objects included)."""
        return self._exchange(payload, timeout)

    def command(
        self,
        cmd: str,
        env: Optional[int] = None,
        *,
        all_tactics: Optional[bool] = None,
        root_goals: Optional[bool] = None,
        infotree: Optional[str] = None,
        timeout: Optional[float] = None,
    ) -> CommandResult:
        """Elaborate Lean commands (on top of ``env`` if given); elaboration errors are messages."""
        payload: dict[str, Any] = {"cmd": cmd}
        self._options(payload, env, all_tactics, root_goals, infotree)
        return self._command_result(self._exchange(payload, timeout))

    def file(
        self,
        path: str,
        env: Optional[int] = None,
        *,
        all_tactics: Optional[bool] = None,
        root_goals: Optional[bool] = None,
        infotree: Optional[str] = None,
        timeout: Optional[float] = None,
    ) -> CommandResult:
        """Elaborate a file (path relative to the REPL's working directory)."""
        payload: dict[str, Any] = {"path": path}
        self._options(payload, env, all_tactics, root_goals, infotree)
        return self._command_result(self._exchange(payload, timeout))

    def tactic(self, tactic: str, proof_state: int, *, timeout: Optional[float] = None) -> TacticResult:
        """Run a tactic on a proof state; raise ``TacticError`` if Lean throws (``Lean error:``).

        A returned result may still be a failure (see ``TacticResult.failure``).
        """
        response = self._exchange({"tactic": tactic, "proofState": proof_state}, timeout)
        if "message" in response and "proofState" not in response:
            text = str(response["message"])
            if text.startswith(LEAN_ERROR_PREFIX) and not text[len(LEAN_ERROR_PREFIX):].startswith(INTERNAL_ERROR_PREFIX):
                raise TacticError(text[len(LEAN_ERROR_PREFIX):], tactic=tactic, state_id=proof_state)
            raise _message_error(text, response)
        return TacticResult.parse(response)

    def pickle_env(self, path: str, env: int) -> CommandResult:
        """Save environment ``env`` to an ``.olean`` file."""
        return self._command_result(self._exchange({"pickleTo": path, "env": env}))

    def unpickle_env(self, path: str) -> CommandResult:
        """Load an environment saved by ``pickle_env`` (gets a new env id)."""
        return self._command_result(self._exchange({"unpickleEnvFrom": path}))

    def pickle_proof_state(self, path: str, proof_state: int) -> TacticResult:
        """Save a proof state (the answer carries a new proof-state id)."""
        return self._tactic_like(self._exchange({"pickleTo": path, "proofState": proof_state}))

    def unpickle_proof_state(self, path: str, env: Optional[int] = None) -> TacticResult:
        """Load a proof state saved by ``pickle_proof_state``."""
        payload: dict[str, Any] = {"unpickleProofStateFrom": path}
        if env is not None:
            payload["env"] = env
        return self._tactic_like(self._exchange(payload))

    @staticmethod
    def _options(
        payload: dict[str, Any],
        env: Optional[int],
        all_tactics: Optional[bool],
        root_goals: Optional[bool],
        infotree: Optional[str],
    ) -> None:
        """Add the optional command keys that were given (and only those)."""
        if env is not None:
            payload["env"] = env
        if all_tactics is not None:
            payload["allTactics"] = all_tactics
        if root_goals is not None:
            payload["rootGoals"] = root_goals
        if infotree is not None:
            payload["infotree"] = infotree

    @staticmethod
    def _command_result(response: dict[str, Any]) -> CommandResult:
        """Turn a response into a ``CommandResult``; an error object is a ``ProtocolError``."""
        if "message" in response and "env" not in response:
            raise _message_error(str(response["message"]), response)
        return CommandResult.parse(response)

    @staticmethod
    def _tactic_like(response: dict[str, Any]) -> TacticResult:
        """Turn a proof-state response into a ``TacticResult``; an error object is a ``ProtocolError``."""
        if "message" in response and "proofState" not in response:
            raise _message_error(str(response["message"]), response)
        return TacticResult.parse(response)


def _message_error(text: str, response: dict[str, Any]) -> ProtocolError:
    """The exception for an error-object response: ``CheckerInternalError`` for an engine failure
    (with or without a ``Lean error:`` prefix), else ``ProtocolError``."""
    body = text[len(LEAN_ERROR_PREFIX):] if text.startswith(LEAN_ERROR_PREFIX) else text
    if body.startswith(INTERNAL_ERROR_PREFIX):
        return CheckerInternalError(body, response=response)
    return ProtocolError(text, response=response)


# --------------------------------------------------------------------------- backend


def statement_command(statement: str) -> str:
    """Lean text whose single ``sorry`` is the goal of ``statement``.

    A plain statement becomes ``example : <stmt> := by sorry`` (``theorem _`` is not valid
    Lean 4); a ``theorem``/``lemma``/``example`` header keeps its binders (which become
    hypotheses), with any trailing ``:=``/``:= by sorry`` replaced.
    """
    text = statement.strip()
    for suffix in (":= by sorry", ":= sorry", ":= by", ":="):
        if text.endswith(suffix):
            text = text[: -len(suffix)].rstrip()
            break
    first = text.split(None, 1)[0] if text else ""
    if first == "lemma":
        text = "theorem" + text[len("lemma"):]
        first = "theorem"
    if first in ("theorem", "example"):
        return f"{text} := by sorry"
    return f"example : {text} := by sorry"


def focus_goal(tactic: str, goal_index: int, goal_count: int) -> str:
    """Tactic text that runs ``tactic`` on goal ``goal_index`` only (see the module docstring)."""
    if goal_index == 0 or goal_count <= 1:
        return tactic
    body = "\n".join("  " + line if line.strip() else line for line in tactic.split("\n"))
    return f"rotate_left {goal_index}\nfocus\n{body}\nrotate_right {goal_index}"


class ReplBackend(Backend):
    """``Backend`` over the REPL protocol (real REPL or the embedded checker's REPL server).

    Imports other than the implicit ``Init`` are loaded once per session by a header
    command; every later command runs on that environment id, so goals never see each
    other. A tactic step that uses ``sorry`` or leaves an unaccepted proof is a
    ``TacticError``. The REPL never frees ids: recycle the backend in long runs (``BackendPool``).
    """

    def __init__(
        self,
        argv: Sequence[str],
        *,
        imports: Sequence[str] = ("Init",),
        cwd: Optional[str] = None,
        timeout: float = 30.0,
        memory_mb: Optional[int] = None,
        startup_timeout: float = 120.0,
        kind: str = "repl",
    ) -> None:
        """Start the REPL and load the imports."""
        self.kind = kind
        self.imports = tuple(imports)
        self.startup_timeout = startup_timeout
        self.client = ReplClient(argv, cwd=cwd, timeout=timeout, memory_mb=memory_mb)
        self._base_env: Optional[int] = None
        self._base_session = -1
        self._ensure_ready()

    # -------------------------------------------------------------- lifecycle

    @property
    def pid(self) -> Optional[int]:
        """The REPL's process id."""
        return self.client.pid

    @property
    def session(self) -> int:
        """Counts REPL starts (proof states of older sessions are stale)."""
        return self.client.session

    def restart(self) -> None:
        """Kill the REPL and start a fresh one with the imports loaded."""
        self.client.start()
        self._ensure_ready()

    def close(self) -> None:
        """End the REPL."""
        self.client.close()

    def _ensure_ready(self) -> Optional[int]:
        """(Re)start the child if needed and return the environment id that holds the imports."""
        if not self.client.process.running:
            self.client.start()
        if self._base_session != self.client.session:
            extra = [m for m in self.imports if m != "Init"]
            self._base_env = None
            if extra:
                header = "\n".join(f"import {m}" for m in extra)
                result = self.client.command(header, timeout=self.startup_timeout)
                if result.errors:
                    raise BackendStartupError(
                        f"imports failed: {result.errors[0].data}", argv=self.client.process.argv,
                        output=result.errors[0].data,
                    )
                self._base_env = result.env
            self._base_session = self.client.session
        return self._base_env

    def _state(self, proof_state: int, goals: tuple[Goal, ...], **extra: Any) -> ProofState:
        """A ``ProofState`` stamped with the current session."""
        return ProofState(id=proof_state, goals=goals, session=self.client.session, **extra)

    # -------------------------------------------------------------- goals and tactics

    def start_goal(self, statement: str) -> ProofState:
        """Open ``statement`` via ``example : <stmt> := by sorry`` (or the given header)."""
        return self._goal_from_command(statement_command(statement), statement)

    def start_from_theorem(self, name: str) -> ProofState:
        """Open the type of constant ``name`` via ``example : type_of% @name := by sorry``."""
        return self._goal_from_command(f"example : type_of% @{name} := by sorry", name)

    def _goal_from_command(self, text: str, statement: str) -> ProofState:
        """Elaborate ``text`` and return the proof state of its only ``sorry``."""
        env = self._ensure_ready()
        result = self.client.command(text, env)
        if result.errors:
            raise StatementError(result.errors[0].data, statement=statement)
        if not result.sorries:
            raise StatementError("the statement produced no goal", statement=statement)
        first = result.sorries[0]
        return self._state(first.proof_state, first.goals)

    def run_tactic(self, state: ProofState, tactic: str, goal_index: int = 0) -> ProofState:
        """Run ``tactic`` on one goal (focused, see module docstring); failures raise ``TacticError``."""
        if state.session != self.client.session or not self.client.process.running:
            raise StaleStateError(
                f"proof state {state.id} belongs to REPL session {state.session}, now {self.client.session}"
            )
        if not 0 <= goal_index < max(len(state.goals), 1):
            raise IndexError(f"goal_index {goal_index} out of range for {len(state.goals)} goals")
        text = focus_goal(tactic, goal_index, len(state.goals))
        try:
            result = self.client.tactic(text, state.id)
        except ProtocolError as e:
            if str(e).startswith("Unknown proof state"):
                raise StaleStateError(f"REPL does not know proof state {state.id}") from e
            raise
        except TacticError as e:
            raise TacticError(e.message, tactic=tactic, state_id=state.id) from None
        failure = result.failure
        if failure is None and result.sorries:
            failure = "tactic introduced sorry"
        if failure is not None:
            raise TacticError(failure, tactic=tactic, state_id=state.id)
        return self._state(
            result.proof_state, result.goals, status=result.proof_status,
            messages=result.messages, traces=result.traces,
        )

    # -------------------------------------------------------------- files

    def _run_source(self, source: Source) -> tuple[str, CommandResult]:
        """Elaborate a whole file's text (fresh environment if it has its own imports)."""
        text = load_source(source)
        base = self._ensure_ready()
        env = None if has_imports(text) else base
        return text, self.client.command(text, env)

    def check(self, source: Source) -> list[DeclarationResult]:
        """Elaborate the file and report each declaration (errors and ``sorry`` are failures)."""
        text, result = self._run_source(source)
        return declaration_results(split_commands(text), result.messages)

    def sorries(self, source: Source) -> list[tuple[str, ProofState]]:
        """One (declaration name, proof state) per ``sorry`` in the file, in source order."""
        text, result = self._run_source(source)
        commands = split_commands(text)
        out: list[tuple[str, ProofState]] = []
        for s in result.sorries:
            cmd = command_at(commands, s.line) if s.line is not None else None
            name = cmd.label if cmd is not None else f"<line {s.line}>"
            out.append((name, self._state(s.proof_state, s.goals)))
        return out

    def inspect(self, name: str, *, value: bool = True) -> ConstantInfo:
        """Not available: the REPL protocol has no ``env.inspect`` (no typed terms either)."""
        raise NotImplementedError("the REPL protocol cannot inspect constants (no env.inspect, no S-expressions); "
                                  "use the pantograph or embedded backend")

    def theorems(self) -> list[str]:
        """Not available: the REPL has no catalog command (use Pantograph, or parse sources)."""
        raise NotImplementedError("the REPL protocol has no catalog command; use the pantograph backend")

