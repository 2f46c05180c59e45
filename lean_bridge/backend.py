"""The ``Backend`` interface the prover uses, and ``open_backend`` to get one.

Three kinds: ``"embedded"`` (the project's own checker, ``python -m lean_bridge.embedded``,
reached over the same wire protocols as real Lean), ``"pantograph"`` and ``"repl"`` (a
user's Lean 4 Pantograph ``repl`` or community REPL binary). The embedded kind speaks the
Pantograph protocol by default (goal ids, S-expressions, catalog); pass
``protocol="repl"`` to reach the embedded REPL server instead.

Executables are found from the ``executable`` argument (a path, or an argv list such as
``["lake", "env", "/path/repl/.lake/build/bin/repl"]``), else the environment variable
``LEAN_BRIDGE_PANTOGRAPH`` / ``LEAN_BRIDGE_REPL`` (split like a shell word list), else
``pantograph-repl``/``pantograph`` resp. ``repl`` on ``PATH``.
"""

from __future__ import annotations

import abc
import os
import shlex
import shutil
import sys
from types import TracebackType
from typing import Optional, Sequence, Union

from lean_bridge.source import Command, Source, command_at
from lean_bridge.types import BackendStartupError, ConstantInfo, DeclarationResult, Message, ProofState

Executable = Union[str, Sequence[str], None]

ENV_VARS = {"pantograph": "LEAN_BRIDGE_PANTOGRAPH", "repl": "LEAN_BRIDGE_REPL"}
PATH_NAMES = {"pantograph": ("pantograph-repl", "pantograph"), "repl": ("repl",)}
SORRY_WARNING = "declaration uses `sorry`"


class Backend(abc.ABC):
    """A proof checker in a subprocess: start goals, run tactics, check files. Use as a context manager."""

    kind: str = ""

    @abc.abstractmethod
    def start_goal(self, statement: str) -> ProofState:
        """Open a proof of a ∀-closed statement (``∀ n : Nat, n + 0 = n``) or a ``theorem`` header."""

    @abc.abstractmethod
    def start_from_theorem(self, name: str) -> ProofState:
        """Open a proof of the type of an existing constant (Pantograph ``copyFrom``)."""

    @abc.abstractmethod
    def run_tactic(self, state: ProofState, tactic: str, goal_index: int = 0) -> ProofState:
        """Run ``tactic`` on goal ``goal_index`` of ``state``; raise ``TacticError`` if Lean rejects it."""

    @abc.abstractmethod
    def check(self, source: Source) -> list[DeclarationResult]:
        """Elaborate a file (text or path) and report each declaration (sorry counts as failure)."""

    @abc.abstractmethod
    def sorries(self, source: Source) -> list[tuple[str, ProofState]]:
        """Elaborate a file and return (declaration name, proof state) for each ``sorry``."""

    @abc.abstractmethod
    def theorems(self) -> list[str]:
        """Names of the theorems in the server environment (Pantograph ``env.catalog``)."""

    def inspect(self, name: str, *, value: bool = True) -> ConstantInfo:
        """Type (and, with ``value``, value) of a constant in the server environment, as Terms.

        Raises ``StatementError`` for an unknown name; backends whose protocol cannot show a
        constant's type raise ``NotImplementedError``.
        """
        raise NotImplementedError(f"the {self.kind or type(self).__name__} backend cannot inspect constants; "
                                  "use the pantograph or embedded backend")

    def release(self, *states: ProofState) -> None:
        """Tell the backend these states will not be used again (lets Pantograph free them)."""

    @property
    @abc.abstractmethod
    def pid(self) -> Optional[int]:
        """The server's process id (None when not running)."""

    @property
    @abc.abstractmethod
    def session(self) -> int:
        """Counts server starts; proof states from an older session are stale."""

    @abc.abstractmethod
    def restart(self) -> None:
        """Kill the server and start a fresh one (all proof states become stale)."""

    @abc.abstractmethod
    def close(self) -> None:
        """End the server and release every resource."""

    def __enter__(self) -> "Backend":
        return self

    def __exit__(
        self,
        exc_type: Optional[type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        self.close()


def open_backend(
    kind: str = "embedded",
    *,
    executable: Executable = None,
    imports: Sequence[str] = ("Init",),
    cwd: Optional[str] = None,
    timeout: float = 30.0,
    memory_mb: Optional[int] = None,
    protocol: Optional[str] = None,
    startup_timeout: Optional[float] = None,
) -> Backend:
    """Start a backend of the given kind and return it ready for requests.

    ``timeout`` bounds every request; ``startup_timeout`` (default ``max(timeout, 120)``)
    bounds loading the imports. ``memory_mb`` caps the server's address space.
    """
    from lean_bridge.pantograph_client import PantographBackend
    from lean_bridge.repl_client import ReplBackend

    if kind == "embedded":
        protocol = protocol or "pantograph"
        if protocol not in ("pantograph", "repl"):
            raise ValueError(f"protocol must be 'pantograph' or 'repl', got {protocol!r}")
        argv: list[str] = list(resolve_executable(kind, executable, protocol=protocol))
    elif kind in ("pantograph", "repl"):
        if protocol not in (None, kind):
            raise ValueError(f"kind {kind!r} speaks only its own protocol, not {protocol!r}")
        protocol = kind
        argv = list(resolve_executable(kind, executable))
    else:
        raise ValueError(f"kind must be 'embedded', 'pantograph' or 'repl', got {kind!r}")
    start_limit = startup_timeout if startup_timeout is not None else max(timeout, 120.0)
    if protocol == "pantograph":
        return PantographBackend(
            argv, imports=imports, cwd=cwd, timeout=timeout, memory_mb=memory_mb,
            startup_timeout=start_limit, kind=kind,
        )
    return ReplBackend(
        argv, imports=imports, cwd=cwd, timeout=timeout, memory_mb=memory_mb,
        startup_timeout=start_limit, kind=kind,
    )


def resolve_executable(kind: str, executable: Executable = None, *, protocol: str = "pantograph") -> list[str]:
    """The argv prefix that starts a server of ``kind`` (raises ``BackendStartupError`` if none is found)."""
    if kind == "embedded":
        if executable is not None:
            return _as_argv(executable)
        return [sys.executable, "-m", "lean_bridge.embedded", protocol]
    if executable is not None:
        return _as_argv(executable)
    env_value = os.environ.get(ENV_VARS[kind], "").strip()
    if env_value:
        try:
            return shlex.split(env_value)
        except ValueError as err:  # unbalanced quotes: a user mistake, not a crash
            raise BackendStartupError(f"{ENV_VARS[kind]} is not a valid command line ({err}): {env_value!r}") from err
    for name in PATH_NAMES[kind]:
        found = shutil.which(name)
        if found:
            return [found]
    raise BackendStartupError(
        f"no {kind} executable: pass executable=..., set {ENV_VARS[kind]}, "
        f"or put {' or '.join(PATH_NAMES[kind])} on PATH",
        argv=(),
    )


def _as_argv(executable: Union[str, Sequence[str]]) -> list[str]:
    """A path string becomes a one-element argv; a sequence is copied."""
    return [executable] if isinstance(executable, (str, os.PathLike)) else [str(a) for a in executable]


DECLARATION_KEYWORDS = ("theorem", "lemma", "def", "example", "abbrev", "instance", "structure",
                        "inductive", "class", "axiom", "opaque")


def command_results(cmd: Command, messages: Sequence[Message]) -> list[DeclarationResult]:
    """The verdict on one command given exactly its own messages (none for a clean non-declaration).

    Use this when the server says which command a message belongs to (Pantograph's units): a
    message is never re-attributed by line, so a declaration cut short by a parse error can never
    lose its error to the fragment that follows it on the same line."""
    bad = [m for m in messages if m.is_error] + [m for m in messages if m.severity == "warning" and SORRY_WARNING in m.data]
    if cmd.keyword not in DECLARATION_KEYWORDS and not bad:
        return []
    if bad:
        first = bad[0]
        return [DeclarationResult(cmd.label, False, first.data, first.line, first.column)]
    return [DeclarationResult(cmd.label, True, None, cmd.line, cmd.column)]


def declaration_results(commands: list[Command], messages: Sequence[Message]) -> list[DeclarationResult]:
    """Attach messages to the commands they fall in and report one result per declaration.

    Non-declaration commands (``#check``, ``open``) are reported only if they have errors.
    A ``declaration uses `sorry``` warning makes a declaration fail.
    """
    by_command: dict[int, list[Message]] = {}
    stray: list[Message] = []
    for msg in messages:
        cmd = command_at(commands, msg.line)
        if cmd is None:
            stray.append(msg)
        else:
            by_command.setdefault(id(cmd), []).append(msg)
    results: list[DeclarationResult] = []
    for cmd in commands:
        results.extend(command_results(cmd, by_command.get(id(cmd), [])))
    for msg in stray:
        if msg.is_error:
            results.append(DeclarationResult(f"<line {msg.line}>", False, msg.data, msg.line, msg.column))
    return results
